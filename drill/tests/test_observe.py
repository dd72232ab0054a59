"""Reading promotion times out of an execution history."""
import datetime

from drill.observe import history_points

T0 = datetime.datetime(2026, 11, 30, 18, 0, 0, tzinfo=datetime.timezone.utc)


def ev(i, kind, resource=None, seconds=None):
    e = {"id": i, "type": kind, "timestamp": T0 + datetime.timedelta(seconds=seconds if seconds is not None else i)}
    if resource:
        e["taskScheduledEventDetails"] = {"resource": resource, "resourceType": "aws-sdk:x"}
    return e


def test_called_returned_and_synced_after_the_call():
    events = [
        ev(1, "ExecutionStarted"),
        ev(2, "TaskScheduled", "putParameter"),       # the lock: before the call, not a sync
        ev(3, "TaskSucceeded"),
        ev(4, "TaskScheduled", "describeGlobalClusters"),
        ev(5, "TaskSucceeded"),
        ev(6, "TaskScheduled", "failoverGlobalCluster"),
        ev(7, "TaskSucceeded"),
        ev(8, "WaitStateEntered"),
        ev(9, "TaskScheduled", "describeGlobalClusters"),
        ev(10, "TaskSucceeded"),
        ev(11, "TaskScheduled", "putParameter"),      # sync: the promotion is done
        ev(12, "TaskScheduled", "putParameter"),
    ]
    points = history_points(list(reversed(events)), "failoverGlobalCluster")
    assert {k: (v - T0).seconds for k, v in points.items()} == {"called": 6, "returned": 7, "synced": 11}


def test_a_history_without_the_call_has_no_points():
    events = [ev(1, "ExecutionStarted"), ev(2, "TaskScheduled", "putParameter"), ev(3, "TaskSucceeded")]
    assert history_points(events, "switchoverGlobalCluster") == {}


def test_a_call_still_running_has_only_called():
    events = [ev(1, "TaskScheduled", "switchoverGlobalCluster")]
    assert set(history_points(events, "switchoverGlobalCluster")) == {"called"}
