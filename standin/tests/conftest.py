"""Fixtures: one stand-in server per pytest worker, reset before every test."""
import json
import os
import subprocess
import sys
import time
import urllib.request
from pathlib import Path

import boto3
import pytest
from botocore.config import Config

STANDIN_DIR = Path(__file__).resolve().parents[1]
ACCOUNT = "123456789012"  # moto's default account
PRIMARY, SECONDARY = "us-east-1", "us-west-2"


def start_server(timeout=30):
    """Start `python -m drpair_standin --port 0`; return (process, url, seconds to ready)."""
    env = dict(os.environ, PYTHONPATH=str(STANDIN_DIR))
    t0 = time.monotonic()
    proc = subprocess.Popen([sys.executable, "-m", "drpair_standin", "--port", "0"],
                            stdout=subprocess.PIPE, text=True, env=env)
    line = proc.stdout.readline()  # blocks until the ready line or exit
    if not line.startswith("drpair-standin listening on http://127.0.0.1:"):
        proc.kill()
        raise RuntimeError(f"stand-in did not start: {line!r}")
    return proc, line.split()[-1], time.monotonic() - t0


@pytest.fixture(scope="session")
def standin():
    proc, url, seconds = start_server()
    print(f"\nstand-in ready in {seconds:.2f}s at {url}")
    yield url
    proc.terminate()
    proc.wait(timeout=10)


def http(url, method="GET", body=None):
    data = json.dumps(body).encode() if body is not None else None
    req = urllib.request.Request(url, data=data, method=method,
                                 headers={"Content-Type": "application/json"})
    with urllib.request.urlopen(req, timeout=10) as resp:
        raw = resp.read()
        return json.loads(raw) if raw else None


@pytest.fixture(autouse=True)
def clean(request):
    """Every test that uses the server starts with no faults and empty moto backends."""
    if "standin" in request.fixturenames:
        url = request.getfixturevalue("standin")
        http(url + "/drpair/faults", "DELETE")
        http(url + "/moto-api/reset", "POST")
    yield


@pytest.fixture
def faults(standin):
    def set_faults(**kw):
        return http(standin + "/drpair/faults", "POST", kw)
    return set_faults


@pytest.fixture
def aws(standin):
    """aws(service, region, attempts=1): a boto3 client on the stand-in; no retries by default."""
    def make(service, region=PRIMARY, attempts=1):
        return boto3.client(service, region_name=region, endpoint_url=standin,
                            aws_access_key_id="testing", aws_secret_access_key="testing",
                            config=Config(retries={"mode": "standard", "total_max_attempts": attempts}))
    return make


def cluster_arn(region, name):
    return f"arn:aws:rds:{region}:{ACCOUNT}:cluster:{name}"


@pytest.fixture
def global_db(aws):
    """An encrypted aurora-postgresql global database: writer `prim` in us-east-1, `sec` in us-west-2."""
    rds = {r: aws("rds", r) for r in (PRIMARY, SECONDARY)}
    keys = {r: aws("kms", r).create_key()["KeyMetadata"]["Arn"] for r in rds}
    rds[PRIMARY].create_global_cluster(GlobalClusterIdentifier="g1", Engine="aurora-postgresql",
                                       EngineVersion="15.4", StorageEncrypted=True)
    rds[PRIMARY].create_db_cluster(DBClusterIdentifier="prim", Engine="aurora-postgresql",
                                   EngineVersion="15.4", GlobalClusterIdentifier="g1",
                                   KmsKeyId=keys[PRIMARY], MasterUsername="admin1",
                                   MasterUserPassword="password123")
    rds[SECONDARY].create_db_cluster(DBClusterIdentifier="sec", Engine="aurora-postgresql",
                                     EngineVersion="15.4", GlobalClusterIdentifier="g1",
                                     KmsKeyId=keys[SECONDARY])
    return {"rds": rds, "keys": keys, "prim": cluster_arn(PRIMARY, "prim"),
            "sec": cluster_arn(SECONDARY, "sec")}


def roles(rds_client, name="g1"):
    """{member ARN: IsWriter} of a global cluster."""
    gc = rds_client.describe_global_clusters(GlobalClusterIdentifier=name)["GlobalClusters"][0]
    return {m["DBClusterArn"]: m["IsWriter"] for m in gc["GlobalClusterMembers"]}
