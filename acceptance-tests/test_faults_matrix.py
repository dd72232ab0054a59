"""The fault matrix (issue 7; table in bench/README.md): each test injects one fault into an
apply or destroy of the full examples/trading-platform pair (acceptance-tests/fullpair.py) and
asserts that the command completes or fails cleanly, that nothing is lost (with the fault
lifted the next apply converges and the plan is empty) and that nothing leaks (destroy leaves
nothing with the suffix in either region, checked through the AWS API).

`make faults` runs every row; the rows that cost several minutes each (50% throttling, slow
calls beyond the SDK's timeout) run only with DRPAIR_FAULTS_FULL=1, which it sets, so the
part `make test` runs stays within about 8 minutes at -n 2.
"""
import os
import signal
import time

import pytest

import fullpair
from aws import wait_until
from harness import REAL_AWS

pytestmark = pytest.mark.skipif(REAL_AWS, reason="fault injection needs the stand-in")
FULL = os.environ.get("DRPAIR_FAULTS_FULL") == "1"
PRIMARY, SECONDARY = "us-east-1", "us-east-2"


@pytest.fixture(scope="session")
def packages(tmp_path_factory):
    return fullpair.build_packages(tmp_path_factory.mktemp("packages"))


@pytest.fixture
def pair(tf, standin, packages, suffix):
    """The full pair written and initialised in `tf`, pointed at this test's stand-in."""
    fullpair.write(tf, packages, standin.url, suffix)
    tf.init()
    return tf


# ---- API faults during apply and destroy -----------------------------------------------------

FAULTS = {
    "throttle-20pct": {"throttle_rate": 0.2, "seed": 20},
    "throttle-50pct": {"throttle_rate": 0.5, "seed": 50},
    "http500-10pct": {"error_rate": 0.1, "seed": 500},
    # a tenth of calls answer 1.5 s late: within every timeout, the apply just takes longer
    "slow-10pct-1.5s": {"slow_rate": 0.1, "slow_seconds": 1.5, "seed": 15},
}


FULL_ONLY = {"throttle-50pct"}  # 5 to 9 minutes: half the calls of a destroy retried


@pytest.mark.parametrize("name", sorted(FAULTS))
def test_api_fault_during_apply_and_destroy(pair, aws, standin, suffix, name):
    if name in FULL_ONLY and not FULL:
        pytest.skip("minutes of retries: make faults (DRPAIR_FAULTS_FULL=1)")
    faults = FAULTS[name]
    standin.faults(**faults)
    t0 = time.monotonic()
    completed = fullpair.apply_completes_or_fails_cleanly(pair)
    print(f"{name}: apply {'completed' if completed else 'failed cleanly'} in {time.monotonic() - t0:.0f} s")
    if completed:  # what a faulted apply reports must be true: nothing left to do
        standin.reset_faults()
        pair.assert_plan_empty()
    fullpair.converge_then_destroy(pair, aws, standin, suffix, faulted_destroy=faults)


@pytest.mark.skipif(not FULL, reason="minutes of waiting: make faults (DRPAIR_FAULTS_FULL=1)")
def test_slow_calls_beyond_the_sdk_timeout(pair, aws, standin, suffix):
    """A few calls answer only after 200 s, long after any sane SDK timeout: the provider must
    give up on the attempt (its read timeout is 60 s, boto3's default) and retry (the stand-in
    still serves the first one late, as AWS may complete a call whose answer is lost), so the
    apply ends before the late answers."""
    slow = 200
    standin.faults(slow_rate=0.003, slow_seconds=slow, seed=7)
    t0 = time.monotonic()
    completed = fullpair.apply_completes_or_fails_cleanly(pair)
    took = time.monotonic() - t0
    print(f"slow beyond timeout: apply {'completed' if completed else 'failed cleanly'} in {took:.0f} s")
    assert took < slow, f"the apply waited for a call that answers after {slow} s: no SDK timeout"
    fullpair.converge_then_destroy(pair, aws, standin, suffix)


# ---- a region unavailable ------------------------------------------------------------------

def test_secondary_unavailable_during_apply(pair, aws, standin, suffix):
    """us-east-2 answers 503 to everything. The apply builds the primary's side and either
    fails cleanly on the secondary or, if it is still retrying when the region comes back after
    60 s, finishes; in both cases the next apply converges and destroy leaves nothing."""
    standin.faults(outage_regions=[SECONDARY])
    proc = pair.popen("apply", "-auto-approve", "-input=false", "-no-color")
    try:
        ended = _wait(proc, 60)
        standin.reset_faults()  # the region recovers (while the apply may still be retrying)
        code = proc.wait(timeout=600)
    finally:
        if proc.poll() is None:
            os.killpg(proc.pid, signal.SIGKILL)
    out = (pair.path / "popen.stdout").read_text() + (pair.path / "popen.stderr").read_text()
    print(f"secondary outage: apply {'ended during' if ended else 'outlived'} the outage, exit {code}")
    if code != 0:
        assert "Error:" in out and not fullpair.CRASH.search(out), out[-3000:]
        assert SECONDARY in out, "the error should name the region that failed"
    assert fullpair.in_state(pair), "the primary side was built and must be in state"
    fullpair.converge_then_destroy(pair, aws, standin, suffix)


def test_primary_unavailable_during_destroy(pair, aws, standin, suffix):
    """us-east-1 (and so IAM and Route 53) answers 503 during destroy: destroy fails clearly,
    state keeps what still exists, and after recovery destroy removes everything."""
    pair.apply()
    standin.faults(outage_regions=[PRIMARY])
    t0 = time.monotonic()
    res = pair.destroy(expect_fail=True)
    print(f"primary outage: destroy failed in {time.monotonic() - t0:.0f} s")
    fullpair.assert_clean_failure(res)
    assert PRIMARY in res.stderr or "ServiceUnavailable" in res.stderr, res.stderr[-3000:]
    kept = fullpair.in_state(pair)
    assert kept, "state forgot resources that still exist in us-east-1"
    standin.reset_faults()
    pair.destroy()
    assert fullpair.in_state(pair) == []
    assert aws.sweep(suffix) == []


# ---- interrupted and concurrent applies ---------------------------------------------------

def test_ctrl_c_stops_cleanly_and_state_records_what_exists(pair, aws, standin, suffix):
    """SIGINT to terraform (Ctrl-C) while the database clusters are still creating: Terraform
    calls StopProvider, the provider stops waiting and returns what exists, Terraform exits
    within seconds. Then, with no converging apply, destroy alone must leave nothing: every
    object the interrupted apply made was recorded in state."""
    delay = 60  # far longer than the interrupted apply may take
    standin.faults(create_delay_seconds=delay)
    gid = f"orders-prod-{suffix}"
    proc = pair.popen("apply", "-auto-approve", "-input=false", "-no-color")
    try:
        wait_until(lambda: proc.poll() is not None or aws.global_cluster(gid) is not None,
                   timeout=120, interval=0.2, what="the global cluster to appear")
        assert proc.poll() is None, "the apply ended before it could be interrupted"
        time.sleep(2)  # into the cluster waits
        t0 = time.monotonic()
        os.kill(proc.pid, signal.SIGINT)
        code = proc.wait(timeout=delay / 2)
        stopped = time.monotonic() - t0
    finally:
        if proc.poll() is None:
            os.killpg(proc.pid, signal.SIGKILL)
    print(f"ctrl-c: terraform exited {code} {stopped:.1f} s after SIGINT")
    assert code != 0
    assert "StopProvider" in pair.log_path.read_text()
    assert "drpair_global_database.orders" in fullpair.in_state(pair)
    standin.reset_faults()
    pair.destroy()
    assert fullpair.in_state(pair) == []
    left = aws.sweep(suffix)
    assert left == [], f"the interrupted apply made objects state never recorded: {left}"


def test_two_applies_at_once_second_fails_on_the_lock(pair, aws, standin, suffix):
    standin.faults(create_delay_seconds=15)  # the first apply holds the lock for a while
    lock = pair.path / ".terraform.tfstate.lock.info"
    first = pair.popen("apply", "-auto-approve", "-input=false", "-no-color")
    try:
        wait_until(lambda: first.poll() is not None or lock.exists(), timeout=60, interval=0.1,
                   what="the first apply to take the state lock")
        assert first.poll() is None
        second = pair.run("apply", "-auto-approve", "-input=false", "-no-color", "-lock-timeout=0s",
                          expect_fail=True)
        assert "Error acquiring the state lock" in second.stderr, second.stderr
        assert first.wait(timeout=600) == 0, (pair.path / "popen.stdout").read_text()[-3000:]
    finally:
        if first.poll() is None:
            os.killpg(first.pid, signal.SIGKILL)
    assert not lock.exists()
    fullpair.converge_then_destroy(pair, aws, standin, suffix)


def _wait(proc, seconds):
    """True if proc ended within `seconds`."""
    try:
        proc.wait(timeout=seconds)
        return True
    except Exception:  # noqa: BLE001 - TimeoutExpired
        return False
