"""CloudWatch composite alarms and metric-alarm evaluation that moto 5.2.5 lacks, patched in at start-up.

moto 5.2.5 has no PutCompositeAlarm, returns composite alarms from DescribeAlarms whatever
AlarmTypes says, deletes alarms that composites still depend on, and never evaluates an alarm:
a metric alarm says OK from creation until SetAlarmState changes it, whatever data arrives. A DR
provider's alarm aggregation and its Route 53 control health checks hang on alarm states, so
`install()` adds:

- PutCompositeAlarm: AlarmRule parsed (ALARM/OK/INSUFFICIENT_DATA of a name or ARN, TRUE/FALSE,
  AND/OR/NOT, parentheses); every referenced alarm must exist in the region. The composite's state
  is its rule's value (TRUE: ALARM, FALSE: OK), recomputed whenever a child's state changes;
  as on AWS it is INSUFFICIENT_DATA only before its first evaluation, which we do at once.
- Metric alarm evaluation, simplified and documented: over the EvaluationPeriods periods of
  Period seconds ending now, each period's statistic (Statistic, or a pNN ExtendedStatistic) of
  the datapoints with the alarm's namespace, name, exact dimensions (and unit, if set) is
  compared with Threshold; DatapointsToAlarm (default EvaluationPeriods) breaching periods mean
  ALARM. Missing periods follow TreatMissingData. An alarm is evaluated when it is put (a new
  alarm starts INSUFFICIENT_DATA, an updated one keeps its state, as on AWS), when data for its
  metric arrives, and, when read, if a Period has passed since its last evaluation or
  SetAlarmState (CloudWatch evaluates every period; this is how "the data stopped" shows).
- DescribeAlarms filters combined as AWS does (AlarmTypes default MetricAlarm only,
  ChildrenOfAlarmName/ParentsOfAlarmName); DeleteAlarms refuses to delete an alarm a composite
  depends on, and more than one composite per call; deleted alarms lose their tags, and
  ListTagsForResource of an unknown alarm is ResourceNotFoundException.

Every state change (metric or composite, evaluated or SetAlarmState) is reported to the
callbacks registered with `on_state_change()` (alarm_events_ext turns them into EventBridge
events), with the lock held.

Error codes follow botocore's model; which messages are AWS's and which are ours is in the README.
"""
import json
import logging
import math
import re
import threading
from datetime import timedelta

from moto.cloudwatch.exceptions import ResourceNotFoundException, ValidationError
from moto.cloudwatch.models import Alarm, CloudWatchBackend, MetricAggregatedDatum, MetricDatum, cloudwatch_backends
from moto.cloudwatch.responses import CloudWatchResponse
from moto.core.responses import ActionResult, EmptyResult
from moto.core.utils import utcnow

STATES = ("OK", "ALARM", "INSUFFICIENT_DATA")
INITIAL_REASON = "Unchecked: Initial alarm creation"
# Messages AWS sends (seen in SDK and tool issue threads).
MISSING_CHILDREN = "Could not save the composite alarm as alarms [{}] in the alarm rule do not exist"
DEPENDED_ON = "Cannot delete {} as there are composite alarm(s) depending on {}."
OPERATORS = {
    "GreaterThanOrEqualToThreshold": (lambda v, t: v >= t, "greater than or equal to"),
    "GreaterThanThreshold": (lambda v, t: v > t, "greater than"),
    "LessThanThreshold": (lambda v, t: v < t, "less than"),
    "LessThanOrEqualToThreshold": (lambda v, t: v <= t, "less than or equal to"),
}

# Every alarm state change in any region happens under this lock (werkzeug serves in threads).
_LOCK = threading.RLock()
_installed = False
_LISTENERS = []  # callables (alarm, previous) called after each state change; see on_state_change
LOG = logging.getLogger(__name__)


# ---------------------------------------------------------------------------------------------
# AlarmRule: a tiny recursive-descent parser into tuples, and their evaluation.
# ---------------------------------------------------------------------------------------------

_TOKEN = re.compile(r"""\s*(?:
      (?P<func>ALARM|OK|INSUFFICIENT_DATA)\s*\(\s*(?:"(?P<quoted>[^"]*)"|(?P<bare>[^)"]*?))\s*\)
    | (?P<op>AND|OR|NOT)(?![\w-])
    | (?P<const>(?i:TRUE|FALSE))(?![\w-])
    | (?P<paren>[()])
    )""", re.X)


class RuleError(ValueError):
    pass


def _tokens(rule):
    pos, out = 0, []
    rule = rule.rstrip()
    while pos < len(rule):
        m = _TOKEN.match(rule, pos)
        if not m:
            raise RuleError(f"unexpected text at character {pos + 1}: {rule[pos:pos + 20]!r}")
        pos = m.end()
        if m.group("func"):
            ref = m.group("quoted") if m.group("quoted") is not None else m.group("bare")
            if not ref.strip():
                raise RuleError(f"{m.group('func')}() needs an alarm name or ARN")
            out.append(("state", m.group("func"), ref.strip()))
        elif m.group("op"):
            out.append((m.group("op"),))
        elif m.group("const"):
            out.append(("const", m.group("const").upper() == "TRUE"))
        else:
            out.append((m.group("paren"),))
    return out


def parse_rule(rule):
    """The rule as nested tuples: ("state", STATE, ref), ("const", b), ("not", x), ("and"|"or", a, b).

    NOT binds tighter than AND, AND tighter than OR. Raises RuleError on bad syntax.
    """
    if not isinstance(rule, str) or not rule.strip():
        raise RuleError("AlarmRule must not be empty")
    toks = _tokens(rule)
    pos = 0

    def peek():
        return toks[pos][0] if pos < len(toks) else None

    def take():
        nonlocal pos
        pos += 1
        return toks[pos - 1]

    def expr():
        node = term()
        while peek() == "OR":
            take()
            node = ("or", node, term())
        return node

    def term():
        node = factor()
        while peek() == "AND":
            take()
            node = ("and", node, factor())
        return node

    def factor():
        kind = peek()
        if kind == "NOT":
            take()
            return ("not", factor())
        if kind == "(":
            take()
            node = expr()
            if peek() != ")":
                raise RuleError("missing closing parenthesis")
            take()
            return node
        if kind in ("state", "const"):
            return take()
        raise RuleError("expected ALARM(...), OK(...), INSUFFICIENT_DATA(...), TRUE, FALSE, NOT or '('"
                        if kind is None else f"unexpected {kind}")

    node = expr()
    if pos != len(toks):
        raise RuleError(f"unexpected {toks[pos][0]} after a complete expression")
    return node


def rule_refs(node):
    """Every alarm name or ARN the rule mentions, in order, without repeats."""
    out = []

    def walk(n):
        if n[0] == "state":
            if n[2] not in out:
                out.append(n[2])
        elif n[0] != "const":
            for child in n[1:]:
                walk(child)

    walk(node)
    return out


def eval_rule(node, state_of):
    kind = node[0]
    if kind == "state":
        return state_of(node[2]) == node[1]
    if kind == "const":
        return node[1]
    if kind == "not":
        return not eval_rule(node[1], state_of)
    if kind == "and":
        return eval_rule(node[1], state_of) and eval_rule(node[2], state_of)
    return eval_rule(node[1], state_of) or eval_rule(node[2], state_of)


def resolve(backend, ref):
    """The alarm a rule reference names in this backend (by name or ARN), or None."""
    if ref.startswith("arn:"):
        parts = ref.split(":", 6)
        if len(parts) != 7 or parts[2] != "cloudwatch" or parts[5] != "alarm":
            return None
        if parts[3] != backend.region_name or parts[4] != backend.account_id:
            return None
        ref = parts[6]
    return backend.alarms.get(ref)


# ---------------------------------------------------------------------------------------------
# State changes
# ---------------------------------------------------------------------------------------------

def _is_composite(alarm):
    return getattr(alarm, "rule", None) is not None


def on_state_change(callback):
    """Call `callback(alarm, previous)` after every change of an alarm's StateValue, where
    previous is {"value", "reason", "reason_data", "timestamp"} of the state it left."""
    _LISTENERS.append(callback)


def _snapshot(alarm):
    return {"value": alarm.state_value, "reason": alarm.state_reason, "reason_data": alarm.state_reason_data,
            "timestamp": alarm.state_updated_timestamp}


def _changed(alarm, previous):
    for callback in list(_LISTENERS):
        try:
            callback(alarm, previous)
        except Exception:  # noqa: BLE001 (a listener must never break the CloudWatch call)
            LOG.exception("drpair-standin: alarm state listener failed")


def _set_state(alarm, value, reason, reason_data, force=False):
    """Change an alarm's state (moto keeps a history); a no-op when the value is unchanged."""
    if value == alarm.state_value and not force:
        return False
    changed = value != alarm.state_value
    previous = _snapshot(alarm)
    alarm.update_state(reason, reason_data, value)
    if changed:
        alarm.state_transitioned_timestamp = alarm.state_updated_timestamp
        _changed(alarm, previous)
    return changed


def settle_composites(backend):
    """Recompute the composites whose children changed until nothing changes (a cycle stops the loop).

    A composite is evaluated when it is put and when one of its children changes state, as on
    AWS; so SetAlarmState on a composite holds until a child moves.
    """
    composites = [a for a in backend.alarms.values() if _is_composite(a)]
    for _ in range(len(composites) + 1):
        changed = False
        for comp in composites:
            try:
                node = parse_rule(comp.rule)
            except RuleError:
                continue

            def state_of(ref):
                child = resolve(backend, ref)
                return child.state_value if child is not None else None

            inputs = tuple(state_of(ref) for ref in rule_refs(node))
            if getattr(comp, "drpair_inputs", None) == inputs:
                continue
            comp.drpair_inputs = inputs
            value = "ALARM" if eval_rule(node, state_of) else "OK"
            if value != comp.state_value:
                triggering = []
                for ref in rule_refs(node):
                    child = resolve(backend, ref)
                    if child is not None:
                        triggering.append({"arn": child.alarm_arn, "state": {
                            "value": child.state_value,
                            "timestamp": child.state_updated_timestamp.isoformat() + "Z"}})
                names = ", ".join(t["arn"] for t in triggering) or "constant rule"
                reason = f"Rule {comp.rule} evaluated to {'TRUE' if value == 'ALARM' else 'FALSE'} ({names})"
                changed |= _set_state(comp, value, reason, json.dumps({"triggeringAlarms": triggering}))
        if not changed:
            return


def _matching(backend, alarm, start, end):
    dims = {d.name: d.value for d in alarm.dimensions}
    for datum in backend.metric_data:
        if datum.namespace != alarm.namespace or datum.name != alarm.metric_name:
            continue
        if not start <= datum.timestamp < end:
            continue
        if {d.name: d.value for d in datum.dimensions} != dims:
            continue
        if alarm.unit and datum.unit != alarm.unit:
            continue
        yield datum


def _statistic(alarm, data):
    """The alarm's statistic over one period's datapoints, or None when it cannot be computed."""
    values = [d.value for d in data if isinstance(d, MetricDatum)]
    aggs = [d for d in data if isinstance(d, MetricAggregatedDatum)]
    count = len(values) + sum(a.sample_count for a in aggs)
    if not count:
        return None
    if alarm.extended_statistic:
        m = re.fullmatch(r"p(\d+(?:\.\d+)?)", alarm.extended_statistic)
        if not m or not values:  # trimmed means etc., and percentiles of pre-aggregated sets: not modelled
            return None
        ordered = sorted(values)
        rank = max(1, math.ceil(float(m.group(1)) / 100 * len(ordered)))  # nearest rank
        return ordered[min(rank, len(ordered)) - 1]
    total = sum(values) + sum(a.sum for a in aggs)
    return {
        "Sum": total,
        "Average": total / count,
        "SampleCount": count,
        "Minimum": min(values + [a.min for a in aggs]),
        "Maximum": max(values + [a.max for a in aggs]),
    }.get(alarm.statistic)


def evaluate_metric_alarm(backend, alarm, now=None):
    """Evaluate one metric alarm over its last EvaluationPeriods periods ending now; True if it changed."""
    now = now or utcnow()
    alarm.drpair_evaluated_at = now
    compare = OPERATORS.get(alarm.comparison_operator)
    if (compare is None or alarm.metric_data_queries or not alarm.period or not alarm.evaluation_periods
            or alarm.threshold is None or not (alarm.statistic or alarm.extended_statistic)):
        return False  # metric math, anomaly bands: not evaluated, the state stays as it is
    op, words = compare
    period = timedelta(seconds=int(alarm.period))
    n = int(alarm.evaluation_periods)
    m = int(alarm.datapoints_to_alarm or n)
    threshold = float(alarm.threshold)
    points = []  # oldest first: (period start, value or None)
    for i in range(n, 0, -1):
        start, end = now - i * period, now - (i - 1) * period
        points.append((start, _statistic(alarm, list(_matching(backend, alarm, start, end)))))
    present = [(t, v) for t, v in points if v is not None]
    breaching = [(t, v) for t, v in present if op(v, threshold)]
    treat = alarm.treat_missing_data or "missing"
    missing = n - len(present)
    if treat == "breaching":
        bad = len(breaching) + missing
    else:
        bad = len(breaching)
    if bad >= m:
        value = "ALARM"
    elif present or treat in ("breaching", "notBreaching"):
        value = "OK"
    elif treat == "ignore":
        return False
    else:
        value = "INSUFFICIENT_DATA"
    stat = alarm.extended_statistic or alarm.statistic
    shown = ", ".join(f"{v} ({t.strftime('%d/%m/%y %H:%M:%S')})" for t, v in present) or "no datapoints"
    if value == "INSUFFICIENT_DATA":
        reason = f"Insufficient Data: {n} datapoint{'s' if n > 1 else ''} were unknown."
    else:
        verb = "was" if len(breaching) == 1 else "were"
        reason = (f"Threshold Crossed: {len(breaching)} out of the last {n} datapoints [{shown}] {verb} {words} "
                  f"the threshold ({threshold}) (minimum {m} datapoint{'s' if m > 1 else ''} for "
                  f"{'OK -> ALARM' if value == 'ALARM' else 'ALARM -> OK'} transition; missing data: {treat}).")
    data = json.dumps({
        "version": "1.0", "queryDate": now.isoformat() + "Z", "statistic": stat, "period": int(alarm.period),
        "recentDatapoints": [v for _, v in present], "threshold": threshold,
        "evaluatedDatapoints": [{"timestamp": t.isoformat() + "Z", "value": v} for t, v in present]})
    return _set_state(alarm, value, reason, data)


def evaluate_due(backend, now=None):
    """Evaluate the alarms whose last evaluation is a Period old or more (what CloudWatch does on its own)."""
    now = now or utcnow()
    with _LOCK:
        changed = False
        for alarm in list(backend.alarms.values()):
            if _is_composite(alarm) or not alarm.period:
                continue
            last = getattr(alarm, "drpair_evaluated_at", None)
            if last is None or now - last >= timedelta(seconds=int(alarm.period)):
                changed |= evaluate_metric_alarm(backend, alarm, now)
        if changed:
            settle_composites(backend)


def alarm_state(account_id, region, name):
    """(StateValue, StateReason) of an alarm after due evaluations, or None; used by route53_ext."""
    backend = cloudwatch_backends[account_id][region]
    evaluate_due(backend)
    alarm = backend.alarms.get(name)
    return None if alarm is None else (alarm.state_value, alarm.state_reason)


# ---------------------------------------------------------------------------------------------
# Backend patches
# ---------------------------------------------------------------------------------------------

def _wrap_put_metric_alarm(orig):
    def put_metric_alarm(self, name, *args, **kwargs):
        with _LOCK:
            old = self.alarms.get(name)
            if old is not None and _is_composite(old) and kwargs.get("rule") is None:
                raise ValidationError(f"An alarm named {name} already exists as a composite alarm.")
            alarm = orig(self, name, *args, **kwargs)
            if old is not None:  # AWS: an update leaves the state unchanged
                for attr in ("state_value", "state_reason", "state_reason_data", "state_updated_timestamp",
                             "state_transitioned_timestamp", "history"):
                    if hasattr(old, attr):
                        setattr(alarm, attr, getattr(old, attr))
            else:
                alarm.state_value = "INSUFFICIENT_DATA"
                alarm.state_reason = INITIAL_REASON
            if alarm.state_transitioned_timestamp is None:
                alarm.state_transitioned_timestamp = alarm.state_updated_timestamp
            if not _is_composite(alarm):
                evaluate_metric_alarm(self, alarm)
            settle_composites(self)
            return alarm
    return put_metric_alarm


def _wrap_put_metric_data(orig):
    def put_metric_data(self, namespace, metric_data):
        orig(self, namespace, metric_data)
        names = {m["MetricName"] for m in metric_data}
        with _LOCK:
            now = utcnow()
            changed = False
            for alarm in list(self.alarms.values()):
                if not _is_composite(alarm) and alarm.namespace == namespace and alarm.metric_name in names:
                    changed |= evaluate_metric_alarm(self, alarm, now)
            if changed:
                settle_composites(self)
    return put_metric_data


def _wrap_set_alarm_state(orig):
    def set_alarm_state(self, alarm_name, reason, reason_data, state_value):
        with _LOCK:
            alarm = self.alarms.get(alarm_name)
            before = _snapshot(alarm) if alarm is not None else None
            orig(self, alarm_name, reason, reason_data, state_value)
            alarm = self.alarms[alarm_name]
            if before is not None and alarm.state_value != before["value"]:
                alarm.state_transitioned_timestamp = alarm.state_updated_timestamp
                _changed(alarm, before)
            # the state holds until the next periodic evaluation, as on AWS
            alarm.drpair_evaluated_at = utcnow()
            settle_composites(self)
    return set_alarm_state


def _delete_alarms(self, alarm_names):
    with _LOCK:
        doomed = [n for n in dict.fromkeys(alarm_names) if n in self.alarms]
        if sum(1 for n in doomed if _is_composite(self.alarms[n])) > 1:
            raise ValidationError("You can delete at most one composite alarm per DeleteAlarms call.")
        blocked = []
        for name in doomed:
            target = self.alarms[name]
            for other in self.alarms.values():
                if other.name in doomed or not _is_composite(other):
                    continue
                try:
                    refs = rule_refs(parse_rule(other.rule))
                except RuleError:
                    continue
                if any(resolve(self, ref) is target for ref in refs):
                    blocked.append(name)
                    break
        if blocked:
            raise ValidationError(DEPENDED_ON.format(",".join(blocked), "it" if len(blocked) == 1 else "them"))
        for name in doomed:
            alarm = self.alarms.pop(name)
            self.tagger.delete_all_tags_for_resource(alarm.alarm_arn)


def _list_tags_for_resource(self, arn):
    if ":alarm:" in arn and arn not in {a.alarm_arn for a in self.alarms.values()}:
        raise ResourceNotFoundException
    return self.tagger.get_tag_dict_for_resource(arn)


# ---------------------------------------------------------------------------------------------
# Response patches
# ---------------------------------------------------------------------------------------------

def _resp_put_composite_alarm(self):
    backend = self.cloudwatch_backend
    name = self._get_param("AlarmName")
    rule = self._get_param("AlarmRule")
    try:
        node = parse_rule(rule)
    except RuleError as err:
        raise ValidationError(f"Invalid AlarmRule: {err}.")
    with _LOCK:
        old = backend.alarms.get(name)
        if old is not None and not _is_composite(old):
            raise ValidationError(f"An alarm named {name} already exists as a metric alarm.")
        missing = [ref for ref in rule_refs(node) if resolve(backend, ref) is None]
        if missing:
            raise ValidationError(MISSING_CHILDREN.format(", ".join(missing)))
        actions_enabled = self._get_bool_param("ActionsEnabled")
        alarm = backend.put_metric_alarm(
            name=name, namespace=None, metric_name=None, comparison_operator=None, evaluation_periods=None,
            period=None, threshold=None, statistic=None, description=self._get_param("AlarmDescription"),
            dimensions=[], alarm_actions=self._get_param("AlarmActions", []),
            ok_actions=self._get_param("OKActions", []),
            insufficient_data_actions=self._get_param("InsufficientDataActions", []),
            actions_enabled=True if actions_enabled is None else actions_enabled,
            rule=rule, tags=self._get_param("Tags", []))
        for attr in ("ActionsSuppressor", "ActionsSuppressorWaitPeriod", "ActionsSuppressorExtensionPeriod"):
            setattr(alarm, attr, self._get_param(attr))
    return EmptyResult()


def _resp_describe_alarms(self):
    backend = self.cloudwatch_backend
    names = self._get_param("AlarmNames", [])
    prefix = self._get_param("AlarmNamePrefix")
    types = self._get_param("AlarmTypes", []) or ["MetricAlarm"]
    action_prefix = self._get_param("ActionPrefix")
    state = self._get_param("StateValue")
    children_of = self._get_param("ChildrenOfAlarmName")
    parents_of = self._get_param("ParentsOfAlarmName")
    if names and prefix:
        raise ValidationError("AlarmNames and AlarmNamePrefix cannot be used together.")
    if children_of and parents_of:
        raise ValidationError("ChildrenOfAlarmName and ParentsOfAlarmName cannot be used together.")
    if (children_of or parents_of) and (names or prefix or action_prefix or state or self._get_param("AlarmTypes")):
        raise ValidationError("ChildrenOfAlarmName and ParentsOfAlarmName cannot be used with other filters.")
    evaluate_due(backend)
    with _LOCK:
        alarms = list(backend.alarms.values())
        if children_of or parents_of:
            types = ["MetricAlarm", "CompositeAlarm"]
            if children_of:
                parent = backend.alarms.get(children_of)
                refs = rule_refs(parse_rule(parent.rule)) if parent is not None and _is_composite(parent) else []
                kids = [resolve(backend, r) for r in refs]
                alarms = [a for a in alarms if any(a is k for k in kids)]
            else:
                child = backend.alarms.get(parents_of)
                alarms = [a for a in alarms if child is not None and _is_composite(a)
                          and any(resolve(backend, r) is child for r in rule_refs(parse_rule(a.rule)))]
        if names:
            alarms = [a for a in alarms if a.name in names]
        if prefix:
            alarms = [a for a in alarms if a.name.startswith(prefix)]
        if action_prefix:
            alarms = [a for a in alarms if any(x.startswith(action_prefix) for x in a.alarm_actions)]
        if state:
            alarms = [a for a in alarms if a.state_value == state]
        alarms.sort(key=lambda a: a.name)
        result = {
            "MetricAlarms": [a for a in alarms if not _is_composite(a)] if "MetricAlarm" in types else [],
            "CompositeAlarms": [a for a in alarms if _is_composite(a)] if "CompositeAlarm" in types else [],
        }
    return ActionResult(result)


def _resp_describe_alarms_for_metric(self):
    evaluate_due(self.cloudwatch_backend)
    return _orig_describe_alarms_for_metric(self)


_orig_describe_alarms_for_metric = CloudWatchResponse.describe_alarms_for_metric


def install():
    """Patch moto's CloudWatch classes once; call before the server handles a request."""
    global _installed
    if _installed:
        return
    _installed = True
    CloudWatchBackend.put_metric_alarm = _wrap_put_metric_alarm(CloudWatchBackend.put_metric_alarm)
    CloudWatchBackend.put_metric_data = _wrap_put_metric_data(CloudWatchBackend.put_metric_data)
    CloudWatchBackend.set_alarm_state = _wrap_set_alarm_state(CloudWatchBackend.set_alarm_state)
    CloudWatchBackend.delete_alarms = _delete_alarms
    CloudWatchBackend.list_tags_for_resource = _list_tags_for_resource
    CloudWatchResponse.put_composite_alarm = _resp_put_composite_alarm
    CloudWatchResponse.describe_alarms = _resp_describe_alarms
    CloudWatchResponse.describe_alarms_for_metric = _resp_describe_alarms_for_metric
    # Composite alarms serialise through moto's Alarm; these members are ours to fill.
    Alarm.state_transitioned_timestamp = None
    Alarm.ActionsSuppressor = None
    Alarm.ActionsSuppressorWaitPeriod = None
    Alarm.ActionsSuppressorExtensionPeriod = None
