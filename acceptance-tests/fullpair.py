"""examples/trading-platform as the fault matrix applies it (acceptance-tests/test_faults_*.py).

The full pair (network, global database, session table, config and audit buckets, parameters,
order pipeline, regional API, DNS failover, region health, event bus, failover orchestrator:
12 drpair resources and a few hundred AWS objects across both regions) in a workspace, pointed at the test's stand-in,
with the Lambda packages built into the test's temp dir as `make lambda` builds them.

Also the checks every matrix row shares: an apply that fails must fail *cleanly* (a Terraform
error diagnostic, no crash), and after recovery the next apply converges, the plan is empty and
destroy leaves nothing in either region.
"""
import importlib.util
import json
import re
import urllib.request
from pathlib import Path

from harness import repo_root

ROOT = repo_root()
EXAMPLE = ROOT / "examples" / "trading-platform" / "main.tf"
PACKAGES = {"order-processor.zip": "order-processor", "readiness.zip": "readiness"}
# Not secrets anywhere but here: the tests look for them where they must never appear.
MASTER_PASSWORD = "Fm7-master-Pw-q9Zr4t"
RESOURCES = 12
# What a clean failure must not look like: the provider crashed or Terraform lost it.
CRASH = re.compile(r"panic|plugin exited|plugin crashed|rpc error: code = Unavailable|"
                   r"connection refused|unexpected EOF", re.I)


def build_packages(out: Path) -> Path:
    """Both Lambda zips, byte-identical to `make lambda`'s, in `out`."""
    spec = importlib.util.spec_from_file_location("drpair_lambda_build", ROOT / "lambda" / "build.py")
    mod = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(mod)
    out.mkdir(parents=True, exist_ok=True)
    for zip_name, package in PACKAGES.items():
        if not (out / zip_name).is_file():
            mod.build(str(out / zip_name), sources=mod.PACKAGES[package])
    return out


def hcl(packages: Path) -> str:
    """The example's text, its package directory replaced by `packages`."""
    text = EXAMPLE.read_text()
    old = '"${path.module}/../../lambda/dist"'
    assert old in text, "examples/trading-platform no longer reads its packages from lambda/dist"
    return text.replace(old, json.dumps(str(packages)))


def write(ws, packages: Path, endpoint, suffix, password=MASTER_PASSWORD, **tfvars):
    """The full pair in `ws`: main.tf, terraform.tfvars.json, and the (ephemeral, write-only)
    master password through the environment, as a user would pass it."""
    ws.write(hcl(packages))
    ws.write(json.dumps({"endpoint_url": endpoint, "suffix": suffix,
                         "zone_name": f"{suffix}.example.com", **tfvars}), "terraform.tfvars.json")
    ws.env["TF_VAR_master_password"] = password


def requests(url, reset=False):
    """The stand-in's request counters (counters.py); reset=True empties them."""
    req = urllib.request.Request(url + "/drpair/requests", method="DELETE" if reset else "GET")
    with urllib.request.urlopen(req, timeout=10) as resp:
        return json.load(resp)


def assert_clean_failure(result):
    """A failed terraform command must fail with an error diagnostic, not a crash."""
    out = result.stdout + result.stderr
    assert result.returncode != 0
    assert "Error:" in out, f"failed without an error diagnostic:\n{out[-3000:]}"
    assert not CRASH.search(out), f"the provider crashed or was lost:\n{out[-3000:]}"


def apply_completes_or_fails_cleanly(ws, *extra):
    """Apply under a fault: True if it completed, False if it failed cleanly."""
    res = ws.run("apply", "-auto-approve", "-input=false", "-no-color", *extra, ok_codes=(0, 1))
    if res.returncode == 0:
        return True
    assert_clean_failure(res)
    return False


def destroy_completes_or_fails_cleanly(ws):
    res = ws.run("destroy", "-auto-approve", "-input=false", "-no-color", ok_codes=(0, 1))
    if res.returncode == 0:
        return True
    assert_clean_failure(res)
    return False


def in_state(ws):
    """Addresses in state (`terraform state list`); empty when there is no state yet."""
    res = ws.run("state", "list", ok_codes=(0, 1))
    return [ln for ln in res.stdout.splitlines() if ln.strip()] if res.returncode == 0 else []


def converge_then_destroy(ws, aws, standin, suffix, faulted_destroy=False):
    """Nothing lost, nothing leaked: with the faults lifted the next apply converges and the
    plan is empty; destroy (under the same faults again when faulted_destroy is a dict of
    them, retried once cleanly if it fails) leaves nothing with the suffix in either region."""
    standin.reset_faults()
    ws.apply()
    ws.assert_plan_empty()
    assert len(in_state(ws)) == RESOURCES
    if faulted_destroy:
        standin.faults(**faulted_destroy)
        if not destroy_completes_or_fails_cleanly(ws):
            standin.reset_faults()
            ws.destroy()
        standin.reset_faults()
    else:
        ws.destroy()
    assert in_state(ws) == []
    left = aws.sweep(suffix)
    assert left == [], f"leaked after destroy: {left}"
