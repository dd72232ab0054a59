"""The committed CDKTF bindings (examples/cdktf-trading-platform/.gen) must be what
scripts/gen-bindings makes from the provider's current schema: `cdktf get` (cdktf-cli 0.21,
pinned in the example's package-lock.json) regenerates them into a temp dir, offline, and the
two trees are compared file by file."""
import shutil
import subprocess
import sys

import pytest

from harness import repo_root

pytestmark = pytest.mark.skipif(not shutil.which("npm") or not shutil.which("node"),
                                reason="node and npm are needed to run cdktf get")


def check(provider_mirror, *extra):
    root = repo_root()
    return subprocess.run([sys.executable, str(root / "scripts/gen-bindings"), "--check",
                           "--provider-bin", str(provider_mirror.binary), *extra],
                          cwd=root, capture_output=True, text=True, timeout=600)


def test_bindings_fresh(provider_mirror):
    res = check(provider_mirror)
    assert res.returncode == 0, f"bindings are stale; run `make bindings`:\n{res.stdout}{res.stderr}"


def test_stale_bindings_are_detected(provider_mirror, tmp_path):
    # A copy of the committed tree with one generated attribute renamed, as if the schema had
    # moved on since the bindings were generated: the check must fail and name the file.
    copy = tmp_path / "gen"
    shutil.copytree(repo_root() / "examples/cdktf-trading-platform/.gen", copy)
    target = copy / "providers/drpair/session-table/index.ts"
    target.write_text(target.read_text().replace("hash_key", "partition_key"))
    res = check(provider_mirror, "--committed", str(copy))
    assert res.returncode == 1, res.stdout + res.stderr
    assert "providers/drpair/session-table/index.ts" in res.stdout
    assert "is stale" in res.stderr
