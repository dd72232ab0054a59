"""The timeline: points relative to the outage, first observation wins, table and JSON."""
import datetime
import json

from drill.timeline import Phase, Timeline

T0 = datetime.datetime(2026, 11, 30, 18, 0, 0, tzinfo=datetime.timezone.utc)


def at(seconds):
    return T0 + datetime.timedelta(seconds=seconds)


def test_points_are_seconds_since_the_outage_and_the_first_mark_wins():
    tl = Timeline()
    tl.mark("before", "orders written", at=at(-20))
    tl.mark("outage", "outage injected", at=at(0))
    tl.mark("detected", "peer-down alarm", at=at(31.5), source="alarm StateUpdatedTimestamp")
    tl.mark("detected", "peer-down alarm", at=at(99))  # a later poll sees it again: ignored
    assert tl.seconds("before") == -20
    assert tl.seconds("detected") == 31.5
    assert tl.seconds("missing") is None
    assert [p.name for p in tl.ordered()] == ["before", "outage", "detected"]


def test_naive_datetimes_and_epoch_seconds_are_utc():
    tl = Timeline()
    tl.mark("outage", "o", at=T0.replace(tzinfo=None))
    tl.mark("x", "x", at=T0.timestamp() + 5)
    assert tl.seconds("x") == 5


def test_bars_skip_phases_with_an_unobserved_end():
    tl = Timeline()
    tl.mark("outage", "o", at=at(0))
    tl.mark("detected", "d", at=at(30))
    phases = [Phase("detection", "outage", "detected"), Phase("promotion", "detected", "promoted")]
    assert [(p.label, s, e) for p, s, e in tl.bars(phases)] == [("detection", 0, 30)]


def test_table_lists_points_in_time_order_with_their_source():
    tl = Timeline()
    tl.mark("outage", "outage injected", at=at(0), source="drill clock")
    tl.mark("dns", "DNS answers SECONDARY", at=at(12.25))
    lines = tl.table().splitlines()
    assert lines[0].split()[:3] == ["t", "(s)", "point"]
    assert "+0.0" in lines[2] and "outage injected" in lines[2]
    assert "+12.2" in lines[3] or "+12.3" in lines[3]


def test_json_has_points_phases_and_checks():
    tl = Timeline()
    tl.mark("outage", "o", at=at(0))
    tl.mark("detected", "d", at=at(30))
    doc = json.loads(tl.to_json([Phase("detection", "outage", "detected"), Phase("never", "outage", "x")],
                                checks=[{"check": "orders readable", "ok": True}], config={"orders": 5}))
    assert doc["origin"] == T0.isoformat()
    assert [p["seconds"] for p in doc["points"]] == [0, 30]
    assert [(p["label"], p["seconds"]) for p in doc["phases"]] == [("detection", 30), ("never", None)]
    assert doc["checks"][0]["ok"] and doc["config"] == {"orders": 5}
