#!/usr/bin/env python3
"""Build lambda/dist/*.zip reproducibly: the same source gives the same bytes.

Two packages, each its own zip: order-processor.zip (orders.py, deployed by the order pipeline)
and readiness.zip (readiness.py, the hourly readiness function). Separate zips so a change to
one function never changes the other's CodeSha256, which the pair compares across regions.

Both regions must run the same code, and the provider proves it by comparing the CodeSha256
Lambda reports in each region with the package's hash. That only works if the hash depends on
the source alone, so everything a zip normally picks up from the machine is fixed here:

* entries sorted by name, no directory entries, no extra fields, no comment;
* every timestamp 1980-01-01 00:00:00 (the earliest a zip can hold), not the file's mtime;
* permissions 0644 regular file, "made by" Unix, whatever the umask or checkout;
* stored, not deflated: deflate output may change with the zlib build (zlib, zlib-ng) even at
  the same level, stored bytes cannot; the package is a few kilobytes, so size does not matter.

Standard library only: `make lambda` runs it with no venv and no network.
Prints the path, the SHA-256 in hex, and the same digest in base64 (Lambda's CodeSha256).
"""

import argparse
import base64
import hashlib
import os
import sys
import zipfile

HERE = os.path.dirname(os.path.abspath(__file__))
# What each function needs at run time, and nothing else (no tests, no build script).
PACKAGES = {
    "order-processor": ("orders.py",),
    "readiness": ("readiness.py",),
}
SOURCES = PACKAGES["order-processor"]
DEFAULT_OUT = os.path.join(HERE, "dist", "order-processor.zip")
FIXED_TIME = (1980, 1, 1, 0, 0, 0)
UNIX = 3
REGULAR_FILE_0644 = 0o100644


def build(out_path, source_dir=HERE, sources=SOURCES):
    """Write the zip to out_path (atomically) and return its bytes' SHA-256 digest."""
    os.makedirs(os.path.dirname(out_path) or ".", exist_ok=True)
    tmp_path = out_path + ".tmp"
    with zipfile.ZipFile(tmp_path, "w", compression=zipfile.ZIP_STORED) as archive:
        for name in sorted(sources):
            with open(os.path.join(source_dir, name), "rb") as source:
                data = source.read()
            info = zipfile.ZipInfo(name, date_time=FIXED_TIME)
            info.create_system = UNIX
            info.external_attr = REGULAR_FILE_0644 << 16
            info.compress_type = zipfile.ZIP_STORED
            archive.writestr(info, data)
    os.replace(tmp_path, out_path)
    with open(out_path, "rb") as built:
        return hashlib.sha256(built.read()).digest()


def default_out(package):
    return os.path.join(HERE, "dist", package + ".zip")


def main(argv=None):
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument(
        "--package",
        choices=sorted(PACKAGES),
        help="build only this package (default: all; order-processor when --out is given)",
    )
    parser.add_argument("--out", help="zip to write, for one package (default: dist/PACKAGE.zip)")
    args = parser.parse_args(argv)
    if args.out:
        packages = [args.package or "order-processor"]
    else:
        packages = [args.package] if args.package else list(PACKAGES)
    for index, package in enumerate(packages):
        out = args.out or default_out(package)
        digest = build(out, sources=PACKAGES[package])
        if index:
            print()
        # One block of key=value lines per package, blank-line separated.
        print("path=" + os.path.relpath(out))
        print("sha256=" + digest.hex())
        print("code_sha256=" + base64.b64encode(digest).decode("ascii"))
    return 0


if __name__ == "__main__":
    sys.exit(main())
