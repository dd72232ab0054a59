#!/usr/bin/env python3
"""Build lambda/dist/order-processor.zip reproducibly: the same source gives the same bytes.

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
# What the function needs at run time, and nothing else (no tests, no build script).
SOURCES = ("orders.py",)
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


def main(argv=None):
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--out", default=DEFAULT_OUT, help="zip to write (default: %(default)s)")
    args = parser.parse_args(argv)
    digest = build(args.out)
    print("path=" + os.path.relpath(args.out))
    print("sha256=" + digest.hex())
    print("code_sha256=" + base64.b64encode(digest).decode("ascii"))
    return 0


if __name__ == "__main__":
    sys.exit(main())
