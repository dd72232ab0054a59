"""The drill's timeline: named points in time, measured in seconds since the outage began.

A point is recorded once, with where its time came from (an AWS timestamp such as an alarm's
StateUpdatedTimestamp or an execution history event, or the drill's own clock when it observed
something by polling). Phases are the bars of the picture: from one point to another.
"""
import datetime
import json
from dataclasses import dataclass, field


def utc(ts):
    """A timezone-aware UTC datetime from a datetime (naive means UTC) or epoch seconds."""
    if isinstance(ts, (int, float)):
        return datetime.datetime.fromtimestamp(ts, datetime.timezone.utc)
    if ts.tzinfo is None:
        return ts.replace(tzinfo=datetime.timezone.utc)
    return ts.astimezone(datetime.timezone.utc)


def now():
    return datetime.datetime.now(datetime.timezone.utc)


@dataclass
class Point:
    name: str
    label: str
    at: datetime.datetime
    source: str  # how the time was measured


@dataclass(frozen=True)
class Phase:
    label: str
    start: str  # point names
    end: str
    group: str = "failover"


@dataclass
class Timeline:
    """Points relative to `origin` (the moment the outage was injected)."""

    origin: datetime.datetime | None = None
    points: dict = field(default_factory=dict)
    notes: list = field(default_factory=list)

    def mark(self, name, label, at=None, source="drill clock (poll)"):
        """Record a point once; later calls for the same name are ignored (first wins)."""
        if name in self.points:
            return self.points[name]
        point = Point(name, label, utc(at) if at is not None else now(), source)
        self.points[name] = point
        if name == "outage" and self.origin is None:
            self.origin = point.at
        return point

    def seconds(self, name):
        """Seconds since the origin, or None when the point was not observed."""
        point = self.points.get(name)
        if point is None or self.origin is None:
            return None
        return (point.at - self.origin).total_seconds()

    def ordered(self):
        return sorted(self.points.values(), key=lambda p: p.at)

    def bars(self, phases):
        """[(phase, start_s, end_s)] for every phase whose two points were both observed."""
        out = []
        for phase in phases:
            start, end = self.seconds(phase.start), self.seconds(phase.end)
            if start is not None and end is not None:
                out.append((phase, start, max(start, end)))
        return out

    def table(self):
        """The printed table: one row per point, in time order."""
        rows = [("t (s)", "point", "measured from")]
        for p in self.ordered():
            t = self.seconds(p.name)
            rows.append(("-" if t is None else f"{t:+.1f}", p.label, p.source))
        widths = [max(len(r[i]) for r in rows) for i in range(3)]
        lines = ["  ".join(cell.rjust(widths[0]) if i == 0 else cell.ljust(widths[i])
                           for i, cell in enumerate(row)).rstrip() for row in rows]
        lines.insert(1, "  ".join("-" * w for w in widths))
        return "\n".join(lines)

    def to_json(self, phases=(), checks=(), config=None):
        return json.dumps({
            "origin": self.origin.isoformat() if self.origin else None,
            "points": [{"name": p.name, "label": p.label, "seconds": self.seconds(p.name),
                        "at": p.at.isoformat(), "source": p.source} for p in self.ordered()],
            "phases": [{"label": ph.label, "group": ph.group, "start": ph.start, "end": ph.end,
                        "seconds": None if s is None else round(e - s, 3)}
                       for ph, s, e in [(ph, *self._span(ph)) for ph in phases]],
            "checks": list(checks),
            "notes": list(self.notes),
            "config": config or {},
        }, indent=2)

    def _span(self, phase):
        s, e = self.seconds(phase.start), self.seconds(phase.end)
        return (s, e) if s is not None and e is not None else (None, None)
