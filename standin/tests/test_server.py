"""Process behaviour: free-port start, ready line, clean exit on signals."""
import signal
import time
import urllib.request

import pytest

from conftest import start_server


@pytest.mark.parametrize("sig", [signal.SIGTERM, signal.SIGINT])
def test_signal_exits_zero_quickly(sig):
    proc, url, seconds = start_server()
    try:
        print(f"ready in {seconds:.2f}s at {url}")
        assert url.startswith("http://127.0.0.1:") and int(url.rsplit(":", 1)[1]) > 0
        with urllib.request.urlopen(url + "/drpair/faults", timeout=5) as resp:
            assert resp.status == 200
        t0 = time.monotonic()
        proc.send_signal(sig)
        assert proc.wait(timeout=5) == 0
        print(f"exited in {time.monotonic() - t0:.3f}s")
    finally:
        if proc.poll() is None:
            proc.kill()
