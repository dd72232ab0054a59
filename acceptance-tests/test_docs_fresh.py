"""docs/ must match what scripts/gen-docs makes from the provider's current schema."""
import subprocess
import sys

from harness import repo_root


def test_docs_fresh(provider_mirror):
    # provider_mirror: the same binary the other tests use (and a clear error if it is missing)
    root = repo_root()
    res = subprocess.run([sys.executable, str(root / "scripts/gen-docs"), "--check",
                          "--provider-bin", str(provider_mirror.binary)],
                         cwd=root, capture_output=True, text=True)
    assert res.returncode == 0, f"docs/ is stale; run `make docs`:\n{res.stdout}{res.stderr}"
