"""One AWS stand-in process per test, so tests never share AWS state and can run in parallel.

The stand-in (standin/drpair_standin: moto plus our extension) binds 127.0.0.1 on a free port
(`--port 0`) and prints `drpair-standin listening on http://127.0.0.1:N` when ready; we read
the port from that line rather than guessing a free one, which would race under `pytest -n`.
"""
import json
import os
import re
import subprocess
import threading
import time
import urllib.request
from pathlib import Path

from .provider import repo_root

READY = re.compile(r"drpair-standin listening on (http://127\.0\.0\.1:(\d+))")
# werkzeug's access-log line, printed for every request because we pass --log-requests.
REQUEST_LINE = re.compile(r'"(GET|POST|PUT|DELETE|HEAD|PATCH) [^"]*" \d{3}')
OK_REQUEST_LINE = re.compile(r'"(GET|POST|PUT|DELETE|HEAD|PATCH) [^"]*" 2\d\d')
# werkzeug colours the access lines of 4xx/5xx answers; strip that before matching.
ANSI = re.compile(r"\x1b\[[0-9;]*m")
START_TIMEOUT = 60
# Opt-in: run the same tests against real AWS (README.md); no stand-in is started then.
REAL_AWS = os.environ.get("DRPAIR_ACC_REAL_AWS") == "1"


class StandIn:
    """A running stand-in; `url` is the endpoint for boto3 and the provider's `endpoint_url`."""

    real_aws = False

    def __init__(self, log_path: Path, root: Path | None = None):
        root = root or repo_root()
        python = root / ".venv/bin/python"
        if not python.exists():
            raise FileNotFoundError(f"{python} missing: run `make venv` (scripts/venv)")
        self.log_path = Path(log_path)
        env = dict(os.environ, PYTHONPATH=str(root / "standin"), PYTHONUNBUFFERED="1")
        self._log = open(self.log_path, "wb")
        # --log-requests gives one access-log line per request: diagnosis, and request_count().
        self.proc = subprocess.Popen(
            [str(python), "-m", "drpair_standin", "--port", "0", "--log-requests"],
            cwd=root, env=env, stdout=subprocess.PIPE, stderr=self._log, text=True)
        self.url, self.port = self._wait_ready()
        # Keep draining stdout so the child never blocks on a full pipe.
        threading.Thread(target=self.proc.stdout.read, daemon=True).start()

    def _wait_ready(self):
        lines = []
        result = {}

        def reader():
            for line in self.proc.stdout:
                lines.append(line)
                m = READY.search(line)
                if m:
                    result["m"] = m
                    return

        t = threading.Thread(target=reader, daemon=True)
        t.start()
        t.join(START_TIMEOUT)
        if "m" not in result:
            self.stop()
            raise RuntimeError(
                f"stand-in did not report ready within {START_TIMEOUT}s; stdout={''.join(lines)!r}\n"
                f"stderr tail:\n{self.log_tail()}")
        return result["m"].group(1), int(result["m"].group(2))

    # ---- fault injection (POST merges, DELETE resets) --------------------------------------
    def faults(self, **cfg):
        """e.g. faults(throttle_rate=0.2) or faults(create_delay_seconds=4, outage_regions=[..])."""
        return self._control("POST", cfg)

    def reset_faults(self):
        return self._control("DELETE")

    def _control(self, method, body=None):
        data = json.dumps(body).encode() if body is not None else None
        req = urllib.request.Request(f"{self.url}/drpair/faults", data=data, method=method,
                                     headers={"Content-Type": "application/json"})
        with urllib.request.urlopen(req, timeout=10) as resp:
            return json.load(resp)

    def moto_config(self, **cfg):
        """moto's own switches, e.g. moto_config(stepfunctions={"execute_state_machine": True})."""
        req = urllib.request.Request(f"{self.url}/moto-api/config", data=json.dumps(cfg).encode(),
                                     method="POST", headers={"Content-Type": "application/json"})
        with urllib.request.urlopen(req, timeout=10) as resp:
            return resp.read()

    # ---- diagnostics -------------------------------------------------------------------
    def request_count(self) -> int:
        """Requests served so far (all services); a delta of 0 proves nobody called AWS."""
        time.sleep(0.2)  # the access-log line is written just after the response
        return sum(1 for line in self._lines() if REQUEST_LINE.search(line))

    def _lines(self):
        return ANSI.sub("", self.log_path.read_text(errors="replace")).splitlines()

    def log_tail(self, lines: int = 40) -> str:
        """The log's last lines, minus successful requests' access lines (the noise)."""
        try:
            text = self._lines()
        except OSError:
            return ""
        return "\n".join([ln for ln in text if not OK_REQUEST_LINE.search(ln)][-lines:])

    def stop(self):
        if self.proc.poll() is None:
            self.proc.terminate()  # SIGTERM: the stand-in shuts down cleanly
            try:
                self.proc.wait(10)
            except subprocess.TimeoutExpired:
                self.proc.kill()
                self.proc.wait()
        self._log.close()


class RealAws:
    """DRPAIR_ACC_REAL_AWS=1: no stand-in; boto3 and the provider use the normal AWS endpoints."""

    real_aws = True
    url = None
    port = None

    def faults(self, **cfg):
        import pytest
        pytest.skip("fault injection needs the stand-in (DRPAIR_ACC_REAL_AWS=1 is set)")

    def reset_faults(self):
        return None

    def request_count(self):
        import pytest
        pytest.skip("request counting needs the stand-in")

    def log_tail(self, lines=40):
        return ""

    def stop(self):
        return None

