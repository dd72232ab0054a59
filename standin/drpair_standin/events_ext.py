"""EventBridge delivery as AWS does it: envelopes kept across buses, state machine targets, retries.

moto 5.2.5 delivers a rule's event to an event bus in another region or account by calling
PutEvents there, which gives the event a new id, time and `region`/`account` of the receiving
bus. AWS keeps the original envelope: a forwarded event still says which region it came from.
That difference matters to a DR pair: drpair's forwarding rules match only events whose
`region` is their own, so forwarded copies are not sent back. Under moto's rewrite the two
rules bounce every event between the regions until Python's recursion limit.

`install()` makes a rule deliver to an event-bus target in another region or account itself:
a copy of the matched event, envelope unchanged, goes through every rule of the target bus
(its archive's rule included). Only when the target names a RoleArn, as AWS requires for a
bus in another region. Every other target is left to moto.

State machine targets (`arn:aws:states:<region>:<acct>:stateMachine:<name>`), which moto
5.2.5 answers with NotImplementedError (failing the PutEvents), start an execution in that
region with the input AWS gives: the target's constant `Input`, else the value at its
`InputPath`, else its `InputTransformer`'s template, else the whole event as JSON (`time` as
ISO 8601, as AWS sends it). The target's RoleArn is accepted, not enforced.

Lambda function targets are accepted and not invoked (moto's invoke needs Docker, which these
machines lack); moto raised NotImplementedError for them, failing the whole PutEvents, or the
scheduled tick, for every other target of the rule too.

A scheduled rule (ScheduleExpression, no EventPattern) receives only its own "Scheduled Event"
(schedule_ext); moto 5.2.5 matched it with every event put on the default bus.

Delivery into a region in an injected outage (a bus or a state machine there) is queued and
made when the region leaves the outage (`flush_pending()`, called every tick by
schedule_ext), as EventBridge retries a failed delivery for up to 24 hours; older entries
are dropped. AWS retries with back-off, so the real delay after recovery is longer than ours.

Also: moto's UpdateArchive ignores `RetentionDays=0` (it tests truthiness); on AWS 0 means
"keep indefinitely", so `install()` applies it.
"""
import copy
import json
import logging
import re
import threading
import time
from datetime import datetime, timezone

from moto.events.models import Archive, Rule, events_backends
from moto.utilities.arns import parse_arn

from . import sfn_ext
from .faults import FAULTS

LOG = logging.getLogger(__name__)
RETRY_SECONDS = 24 * 3600  # how long EventBridge keeps retrying a delivery

_installed = False
_PENDING_LOCK = threading.Lock()
_PENDING = []  # [(monotonic deadline, region, callable)] deliveries waiting for a region to recover


def _other_bus(rule, target):
    """The target's parsed ARN when it is an event bus outside the rule's own region/account."""
    arn = parse_arn(target["Arn"])
    if arn.service != "events" or arn.resource_type != "event-bus":
        return None
    if (arn.account, arn.region) == (rule.account_id, rule.region_name):
        return None
    return arn


def _state_machine(target):
    arn = parse_arn(target["Arn"])
    return arn if arn.service == "states" and arn.resource_type == "stateMachine" else None


def _lambda(target):
    arn = parse_arn(target["Arn"])
    return arn.service == "lambda"


def _deliver(arn, event):
    bus = events_backends[arn.account][arn.region].describe_event_bus(arn.resource_id)
    for rule in list(bus.rules.values()):
        rule.send_to_targets(copy.deepcopy(event))


def deliver_or_queue(region, deliver):
    """Call `deliver()` now, or queue it while `region` is in an injected outage."""
    if FAULTS.in_outage(region):
        with _PENDING_LOCK:
            _PENDING.append((time.monotonic() + RETRY_SECONDS, region, deliver))
        return
    deliver()


def flush_pending():
    """Make the queued deliveries whose region has recovered; drop those past 24 h. Count made."""
    now = time.monotonic()
    with _PENDING_LOCK:
        due = [p for p in _PENDING if not FAULTS.in_outage(p[1]) and p[0] > now]
        _PENDING[:] = [p for p in _PENDING if FAULTS.in_outage(p[1]) and p[0] > now]
    for _, region, deliver in due:
        try:
            deliver()
        except Exception as err:  # noqa: BLE001 (e.g. the bus was deleted meanwhile: dropped, as on AWS)
            LOG.warning("drpair-standin: queued delivery to %s failed: %s", region, err)
    return len(due)


def pending_count():
    with _PENDING_LOCK:
        return len(_PENDING)


def clear_pending():
    with _PENDING_LOCK:
        _PENDING.clear()


# ---------------------------------------------------------------------------------------------
# What a target receives
# ---------------------------------------------------------------------------------------------

def _iso(t):
    if isinstance(t, (int, float)):
        return datetime.fromtimestamp(t, timezone.utc).strftime("%Y-%m-%dT%H:%M:%SZ")
    return t


def aws_event(event):
    """The event as AWS delivers it to a target: the envelope fields in order, time in ISO 8601."""
    return {"version": event.get("version", "0"), "id": event.get("id"), "detail-type": event.get("detail-type"),
            "source": event.get("source"), "account": event.get("account"), "time": _iso(event.get("time")),
            "region": event.get("region"), "resources": event.get("resources", []),
            "detail": event.get("detail", {})}


def _path(event, expr):
    from jsonpath_ng.ext import parse  # moto's own dependency, imported where moto imports it

    found = parse(expr).find(event)
    return found[0].value if found else None


_PLACEHOLDER = re.compile(r"<([A-Za-z0-9_.\-]+)>")


def render_template(template, values, raw=()):
    """An InputTransformer template filled in as EventBridge does. In a JSON template (one
    starting with `{` or `[`) a placeholder outside quotes becomes the value's JSON (a string
    gets its quotes), inside quotes the value's text, escaped; `raw` names (aws.events.event*)
    are inserted as JSON text as they are. Other templates get plain text."""
    is_json = template.lstrip()[:1] in ("{", "[")
    out, i, in_string = [], 0, False
    while i < len(template):
        c = template[i]
        if c == "\\" and in_string:
            out.append(template[i:i + 2])
            i += 2
            continue
        if c == '"' and is_json:
            in_string = not in_string
        m = _PLACEHOLDER.match(template, i) if c == "<" else None
        if m and m.group(1) in values:
            v = values[m.group(1)]
            if m.group(1) in raw:
                text = v
            elif not is_json:
                text = v if isinstance(v, str) else json.dumps(v)
            elif in_string:
                text = json.dumps(v if isinstance(v, str) else json.dumps(v))[1:-1] if v is not None else ""
            else:
                text = json.dumps(v)
            out.append(text)
            i = m.end()
            continue
        out.append(c)
        i += 1
    return "".join(out)


def target_input(rule, target, event):
    """The text a target receives for `event` (AWS's order: Input, InputPath, InputTransformer)."""
    shaped = aws_event(event)
    if target.get("Input") is not None:
        return target["Input"]
    if target.get("InputPath"):
        return json.dumps(_path(shaped, target["InputPath"]))
    transformer = target.get("InputTransformer")
    if transformer:
        values = {name: _path(shaped, expr) for name, expr in (transformer.get("InputPathsMap") or {}).items()}
        no_detail = {k: v for k, v in shaped.items() if k != "detail"}
        values.update({"aws.events.rule-arn": rule.arn, "aws.events.rule-name": rule.name,
                       "aws.events.event.ingestion-time": _iso(event.get("ingestion-time", time.time())),
                       "aws.events.event": json.dumps(no_detail), "aws.events.event.json": json.dumps(shaped)})
        return render_template(transformer["InputTemplate"], values,
                               raw=("aws.events.event", "aws.events.event.json"))
    return json.dumps(shaped)


def _start(rule, target, arn, event):
    text = target_input(rule, target, event)
    deliver_or_queue(arn.region, lambda: sfn_ext.start_execution(arn.account, arn.region, target["Arn"], text))


def _only_its_schedule(rule, event):
    """True when a scheduled rule without a pattern must ignore this event. moto matches such a
    rule with every event on the bus (an empty pattern matches all); on AWS it only fires on its
    schedule, so a heartbeat rule whose machine puts events would start itself again and again."""
    if not rule.scheduled_expression or rule.event_pattern.get_pattern():
        return False
    return not (event.get("source") == "aws.events" and event.get("detail-type") == "Scheduled Event"
                and event.get("resources") == [rule.arn])


def _wrap_send_to_targets(original):
    def send_to_targets(self, original_event, transform_input=True):
        # moto delivers through DISABLED rules too; on AWS a disabled rule matches nothing (an
        # operator disabling a failover trigger must be able to count on that).
        if self.state != "ENABLED" or _only_its_schedule(self, original_event):
            return None
        kinds = [(t, _other_bus(self, t), _state_machine(t)) for t in self.targets]
        if not any(bus or machine or _lambda(t) for t, bus, machine in kinds):
            return original(self, original_event, transform_input)
        if not self.event_pattern.matches_event(original_event):
            return None
        for target, bus, machine in kinds:
            if bus and target.get("RoleArn"):
                event = copy.deepcopy(original_event)
                deliver_or_queue(bus.region, lambda bus=bus, event=event: _deliver(bus, event))
            elif machine:
                _start(self, target, machine, original_event)
            elif _lambda(target):
                LOG.info("drpair-standin: Lambda target %s not invoked (no Docker)", target["Arn"])
        local = [t for t, bus, machine in kinds if not bus and not machine and not _lambda(t)]
        if local:
            # a shallow copy with only the local targets: the rule itself is shared by threads
            clone = copy.copy(self)
            clone.targets = local
            original(clone, original_event, transform_input)
        return None
    return send_to_targets


def _wrap_archive_update(original):
    def update(self, description, event_pattern, retention):
        original(self, description, event_pattern, retention)
        if retention is not None and int(retention) == 0:
            self.retention = 0
    return update


def install():
    """Patch moto's EventBridge rule once; call before the server handles a request."""
    global _installed
    if _installed:
        return
    _installed = True
    Rule.send_to_targets = _wrap_send_to_targets(Rule.send_to_targets)
    Archive.update = _wrap_archive_update(Archive.update)
