"""`python -m drill` (scripts/drill, `make drill`): the failover drill, see drill/run.py."""
import sys

from .run import main

sys.exit(main())
