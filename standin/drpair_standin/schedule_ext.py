"""Scheduled EventBridge rules that fire, and queued cross-region deliveries that get made.

moto 5.2.5 stores a rule's ScheduleExpression and never fires it. The orchestrator's heartbeat
(`rate(1 minute)`) and readiness (`rate(1 hour)`) rules must run, so `install()` starts a
daemon thread that every `TICK_SECONDS`:

- fires every ENABLED rule whose ScheduleExpression is `rate(N minute|minutes|hour|hours|day|days)`
  every N units, the first time one period after its PutRule (each PutRule restarts the count),
  with AWS's event: source `aws.events`, detail-type `Scheduled Event`, resources [rule ARN],
  detail {} (shape in the README), to the rule's targets (events_ext: state machines, buses,
  and moto's own targets). A tick that finds several periods missed fires once. Rules of a
  region in an injected outage, and disabled rules, let their turn pass without firing.
  `cron(...)` is accepted (moto validates it) and never fired;
- makes the deliveries events_ext queued for a region in an outage once it has recovered.

The scheduler's clock is `time.monotonic()` plus an offset that only the control API moves, so
a test proves a one-minute rule without waiting a minute (it does not move CloudWatch's clock):

    GET    /drpair/events        {"clock_offset_seconds", "pending_deliveries",
                                  "schedules": [{"rule_arn", "expression", "state", "next_fire_in_seconds"}]}
                                 (every scheduled rule; null next fire for cron rules)
    POST   /drpair/events/tick   {"advance_seconds": N} (optional, >= 0): move the clock, tick now;
                                  answers {"fired": [rule ARNs], "delivered": n, "pending_deliveries": n}
    DELETE /drpair/events        offset back to 0, queued deliveries dropped

Served outside the fault middleware, unsigned, not counted as AWS calls.
"""
import json
import logging
import re
import threading
import time
import uuid

from moto.events.models import EventsBackend, events_backends

from . import events_ext
from .faults import FAULTS

PATH = "/drpair/events"
TICK_SECONDS = 0.5
_RATE = re.compile(r"^rate\((\d+)\s+(minute|minutes|hour|hours|day|days)\)$")
_UNIT = {"minute": 60, "hour": 3600, "day": 86400}
LOG = logging.getLogger(__name__)

_installed = False


def rate_seconds(expression):
    """The period of a `rate(...)` expression in seconds, or None (cron, or no schedule)."""
    m = _RATE.match((expression or "").strip())
    return int(m.group(1)) * _UNIT[m.group(2).rstrip("s")] if m and int(m.group(1)) > 0 else None


def scheduled_event(rule):
    """What EventBridge sends a scheduled rule's targets (moto's internal form: time in epoch seconds)."""
    now = time.time()
    return {"version": "0", "id": str(uuid.uuid4()), "detail-type": "Scheduled Event", "source": "aws.events",
            "account": rule.account_id, "time": int(now), "region": rule.region_name,
            "resources": [rule.arn], "detail": {}, "ingestion-time": now}


class Scheduler:
    def __init__(self, clock=time.monotonic):
        self._clock = clock
        self._offset = 0.0
        self._lock = threading.Lock()  # one tick at a time (the thread and the control API)

    def now(self):
        return self._clock() + self._offset

    def reset(self):
        with self._lock:
            self._offset = 0.0

    def _rules(self, with_cron=False):
        """(region, rule, period) of every scheduled rule; cron rules (period None) only on request."""
        for _, per_account in list(dict.items(events_backends)):
            for region, backend in list(dict.items(per_account)):
                bus = backend.event_buses.get("default")
                if bus is None:
                    continue
                for rule in list(bus.rules.values()):
                    period = rate_seconds(rule.scheduled_expression)
                    if period is not None or (with_cron and rule.scheduled_expression):
                        yield region, rule, period

    def tick(self, advance_seconds=0.0):
        """Fire the due rules and flush recovered deliveries; (fired rule ARNs, deliveries made)."""
        with self._lock:
            self._offset += advance_seconds
            now = self.now()
            fired = []
            for region, rule, period in self._rules():
                due = getattr(rule, "drpair_next_fire", None)
                if due is None:  # a rule we have not seen put (e.g. made by CloudFormation): start now
                    rule.drpair_next_fire = now + period
                    continue
                if now < due:
                    continue
                while rule.drpair_next_fire <= now:
                    rule.drpair_next_fire += period
                if rule.state != "ENABLED" or FAULTS.in_outage(region):
                    continue
                try:
                    rule.send_to_targets(scheduled_event(rule))
                    fired.append(rule.arn)
                except Exception:  # noqa: BLE001 (a failing target must not stop the clock)
                    LOG.exception("drpair-standin: scheduled rule %s failed", rule.arn)
        return fired, events_ext.flush_pending()

    def schedules(self):
        """Every scheduled rule; a cron rule's next fire is null (never fired)."""
        now = self.now()
        return [{"rule_arn": rule.arn, "expression": rule.scheduled_expression, "state": rule.state,
                 "next_fire_in_seconds": None if period is None
                 else round(getattr(rule, "drpair_next_fire", now + period) - now, 3)}
                for _, rule, period in self._rules(with_cron=True)]


SCHEDULER = Scheduler()


def _wrap_put_rule(original):
    def put_rule(self, name, *args, **kwargs):
        rule = original(self, name, *args, **kwargs)
        period = rate_seconds(rule.scheduled_expression)
        if period is not None:
            rule.drpair_next_fire = SCHEDULER.now() + period
        return rule
    return put_rule


def _run():
    while True:
        time.sleep(TICK_SECONDS)
        try:
            SCHEDULER.tick()
        except Exception:  # noqa: BLE001 (e.g. a backend reset mid-tick: next tick)
            LOG.exception("drpair-standin: scheduler tick failed")


class ScheduleControl:
    """WSGI wrapper: serves /drpair/events (see the module docstring), passes the rest on."""

    def __init__(self, app):
        self.app = app

    def __call__(self, environ, start_response):
        path = environ.get("PATH_INFO", "").rstrip("/")
        method = environ["REQUEST_METHOD"]
        if path == PATH and method == "GET":
            return _json(start_response, "200 OK", {
                "clock_offset_seconds": SCHEDULER._offset, "pending_deliveries": events_ext.pending_count(),
                "schedules": SCHEDULER.schedules()})
        if path == PATH and method == "DELETE":
            SCHEDULER.reset()
            events_ext.clear_pending()
            return _json(start_response, "200 OK", {"clock_offset_seconds": 0.0, "pending_deliveries": 0})
        if path == PATH + "/tick" and method == "POST":
            try:
                size = int(environ.get("CONTENT_LENGTH") or 0)
                body = json.loads(environ["wsgi.input"].read(size) or b"{}")
                advance = body.get("advance_seconds", 0) if isinstance(body, dict) else None
                if isinstance(advance, bool) or not isinstance(advance, (int, float)) or advance < 0:
                    raise ValueError("advance_seconds must be a number >= 0")
            except ValueError as err:
                return _json(start_response, "400 Bad Request", {"error": str(err)})
            fired, delivered = SCHEDULER.tick(float(advance))
            return _json(start_response, "200 OK", {"fired": fired, "delivered": delivered,
                                                    "pending_deliveries": events_ext.pending_count()})
        if path in (PATH, PATH + "/tick"):
            return _json(start_response, "405 Method Not Allowed", {"error": "GET/DELETE /drpair/events, "
                                                                             "POST /drpair/events/tick"})
        return self.app(environ, start_response)


def _json(start_response, status, obj):
    body = json.dumps(obj).encode()
    start_response(status, [("Content-Type", "application/json"), ("Content-Length", str(len(body)))])
    return [body]


def install():
    """Stamp new scheduled rules and start the scheduler thread; once, before serving."""
    global _installed
    if _installed:
        return
    _installed = True
    EventsBackend.put_rule = _wrap_put_rule(EventsBackend.put_rule)
    threading.Thread(target=_run, name="drpair-scheduler", daemon=True).start()
