"""Entry point so the stand-in runs as `python -m drpair_standin --port N`."""
from .server import main

if __name__ == "__main__":
    raise SystemExit(main())
