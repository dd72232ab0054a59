import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
# `drill` as a package, and the acceptance harness (StandIn, aws.py) it builds on.
for p in (ROOT, ROOT / "acceptance-tests"):
    if str(p) not in sys.path:
        sys.path.insert(0, str(p))
