"""Every example under examples/ passes `terraform validate` with the built provider, so the
docs (which embed them) never show configuration the provider rejects."""
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent
EXAMPLES = sorted(p.parent.name for p in (ROOT / "examples").glob("*/main.tf"))


@pytest.fixture(scope="module")
def packages():
    """lambda/dist/*.zip, which examples name by relative path (`make lambda`)."""
    subprocess.run([sys.executable, str(ROOT / "lambda" / "build.py")], check=True, capture_output=True)


@pytest.mark.parametrize("example", EXAMPLES)
def test_example_validates(tf_factory, tmp_path, packages, example):
    # The same layout as the repository, so "${path.module}/../../lambda/dist" resolves.
    (tmp_path / "lambda").symlink_to(ROOT / "lambda")
    ws = tf_factory(f"examples/{example}")
    for f in (ROOT / "examples" / example).glob("*.tf"):
        shutil.copy(f, ws.path / f.name)
    ws.init()
    ws.validate()
