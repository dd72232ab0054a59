"""The package is reproducible: same source, same bytes, same CodeSha256 in both regions."""

import base64
import hashlib
import importlib.util
import os
import subprocess
import sys
import zipfile

import build

LAMBDA_DIR = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))


def test_two_builds_are_byte_identical(tmp_path):
    first, second = tmp_path / "a" / "p.zip", tmp_path / "b" / "p.zip"
    digest_one = build.build(str(first))
    digest_two = build.build(str(second))

    assert first.read_bytes() == second.read_bytes()
    assert digest_one == digest_two == hashlib.sha256(first.read_bytes()).digest()


def test_bytes_do_not_depend_on_mtime_or_permissions(tmp_path):
    source = tmp_path / "src"
    source.mkdir()
    (source / "orders.py").write_bytes(open(os.path.join(LAMBDA_DIR, "orders.py"), "rb").read())
    reference = build.build(str(tmp_path / "ref.zip"))

    os.utime(source / "orders.py", (2_000_000_000, 2_000_000_000))
    os.chmod(source / "orders.py", 0o600)
    again = build.build(str(tmp_path / "again.zip"), source_dir=str(source))

    assert again == reference


def test_entries_are_fixed(tmp_path):
    path = tmp_path / "p.zip"
    build.build(str(path))
    with zipfile.ZipFile(path) as archive:
        infos = archive.infolist()
        assert [i.filename for i in infos] == sorted(build.SOURCES)
        for info in infos:
            assert info.date_time == (1980, 1, 1, 0, 0, 0)
            assert info.external_attr >> 16 == 0o100644
            assert info.compress_type == zipfile.ZIP_STORED
            assert info.extra == b"" and info.comment == b""
        assert archive.comment == b""


def test_package_holds_a_working_handler(tmp_path):
    # What Lambda imports as "orders.handler" is the module inside the zip.
    path = tmp_path / "p.zip"
    build.build(str(path))
    extracted = tmp_path / "x"
    zipfile.ZipFile(path).extractall(extracted)
    spec = importlib.util.spec_from_file_location("orders_from_zip", extracted / "orders.py")
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    assert callable(module.handler)


def test_cli_prints_hex_and_lambda_code_sha256(tmp_path):
    out = tmp_path / "cli.zip"
    printed = subprocess.run(
        [sys.executable, os.path.join(LAMBDA_DIR, "build.py"), "--out", str(out)],
        check=True,
        capture_output=True,
        text=True,
    ).stdout
    values = dict(line.split("=", 1) for line in printed.splitlines())
    digest = hashlib.sha256(out.read_bytes()).digest()
    assert values["sha256"] == digest.hex()
    assert values["code_sha256"] == base64.b64encode(digest).decode()


def test_code_sha256_is_what_lambda_reports_in_both_regions(tmp_path, monkeypatch):
    # The order pipeline proves both regions run the same package by comparing CodeSha256.
    import boto3
    from moto import mock_aws

    monkeypatch.setenv("AWS_ACCESS_KEY_ID", "testing")
    monkeypatch.setenv("AWS_SECRET_ACCESS_KEY", "testing")
    path = tmp_path / "p.zip"
    expected = base64.b64encode(build.build(str(path))).decode()
    trust = '{"Version":"2012-10-17","Statement":[{"Effect":"Allow","Principal":{"Service":"lambda.amazonaws.com"},"Action":"sts:AssumeRole"}]}'
    with mock_aws():
        role = boto3.client("iam", region_name="us-east-1").create_role(RoleName="r", AssumeRolePolicyDocument=trust)
        for region in ("us-east-1", "us-east-2"):
            created = boto3.client("lambda", region_name=region).create_function(
                FunctionName="orders",
                Runtime="python3.12",
                Role=role["Role"]["Arn"],
                Handler="orders.handler",
                Code={"ZipFile": path.read_bytes()},
            )
            assert created["CodeSha256"] == expected
