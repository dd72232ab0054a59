"""CloudWatch alarm state changes as EventBridge events, and alarms evaluated without a reader.

On AWS every alarm state change is put on the default event bus of the alarm's region as a
"CloudWatch Alarm State Change" event, and CloudWatch evaluates alarms on its own every period.
moto 5.2.5 does neither, and cloudwatch_ext evaluated only when someone read an alarm or sent
its metric: an alarm whose data stopped (TreatMissingData=breaching, the orchestrator's
peer-down alarm) never went to ALARM unless a test looked at it. `install()`:

- subscribes to cloudwatch_ext's state changes (metric and composite alarms, evaluations and
  SetAlarmState) and puts AWS's event on the alarm region's default bus, so rules there match
  it: source `aws.cloudwatch`, detail-type `CloudWatch Alarm State Change`, resources
  [alarm ARN], detail {alarmName, state, previousState, configuration} (shapes in the README).
  Not put while the alarm's region is in an injected outage (nothing there runs);
- starts a daemon thread that every `EVALUATE_EVERY_SECONDS` runs cloudwatch_ext.evaluate_due
  in every region that has alarms and is not in an outage (each alarm at most once a Period).

Not modelled: the "Alarm Configuration Change" events AWS sends on create/update/delete, and
alarmTags (tag propagation).
"""
import json
import logging
import threading
import time
import uuid

from moto.cloudwatch.models import Metric, cloudwatch_backends
from moto.events.models import events_backends

from . import cloudwatch_ext
from .faults import FAULTS

SOURCE = "aws.cloudwatch"
DETAIL_TYPE = "CloudWatch Alarm State Change"
EVALUATE_EVERY_SECONDS = 1.0
LOG = logging.getLogger(__name__)

_installed = False


def _stamp(t):
    """CloudWatch's timestamp format in these events: 2019-10-01T13:56:40.987+0000."""
    return t.strftime("%Y-%m-%dT%H:%M:%S.") + f"{t.microsecond // 1000:03d}+0000" if t else None


def _state(value, reason, reason_data, timestamp):
    out = {"value": value, "reason": reason, "timestamp": _stamp(timestamp)}
    if reason_data:
        out["reasonData"] = reason_data
    return out


def _metric_stat(metric, period, stat):
    return {"metric": {"dimensions": {d.name: d.value for d in metric.dimensions or []},
                       "name": metric.metric_name, "namespace": metric.namespace},
            "period": int(period), "stat": stat}


def configuration(alarm):
    """The `configuration` AWS puts in the event: the rule of a composite, the metrics of a metric alarm."""
    out = {}
    if alarm.description:
        out["description"] = alarm.description
    if getattr(alarm, "rule", None) is not None:
        out["alarmRule"] = alarm.rule
        for key in ("ActionsSuppressor", "ActionsSuppressorWaitPeriod", "ActionsSuppressorExtensionPeriod"):
            if getattr(alarm, key, None) is not None:
                out[key[0].lower() + key[1:]] = getattr(alarm, key)
        return out
    if alarm.metric_data_queries:
        metrics = []
        for q in alarm.metric_data_queries:
            entry = {"id": q.id, "returnData": q.return_data not in (False, "false", "False")}
            if q.expression:
                entry["expression"] = q.expression
            if q.metric_stat:
                entry["metricStat"] = _metric_stat(q.metric_stat.metric, q.metric_stat.period, q.metric_stat.stat)
            if q.label:
                entry["label"] = q.label
            metrics.append(entry)
        out["metrics"] = metrics
        return out

    metric = Metric(alarm.metric_name, alarm.namespace, alarm.dimensions)
    out["metrics"] = [{"id": str(uuid.uuid5(uuid.NAMESPACE_URL, alarm.alarm_arn)),  # AWS: an id per metric
                       "metricStat": _metric_stat(metric, alarm.period or 0,
                                                  alarm.extended_statistic or alarm.statistic),
                       "returnData": True}]
    return out


def event_detail(alarm, previous):
    return {
        "alarmName": alarm.name,
        "state": _state(alarm.state_value, alarm.state_reason, alarm.state_reason_data,
                        alarm.state_updated_timestamp),
        "previousState": _state(previous["value"], previous["reason"], previous["reason_data"],
                                previous["timestamp"]),
        "configuration": configuration(alarm),
    }


def _put_event(alarm, previous):
    if FAULTS.in_outage(alarm.region_name):
        return
    entry = {"Source": SOURCE, "DetailType": DETAIL_TYPE, "Detail": json.dumps(event_detail(alarm, previous)),
             "Resources": [alarm.alarm_arn]}
    account_id = alarm.alarm_arn.split(":")[4]  # moto's Alarm keeps no account id
    events_backends[account_id][alarm.region_name].put_events([entry])


def evaluate_all_regions():
    """One round of CloudWatch's own evaluation, in every region with alarms and no outage."""
    for account_id, per_account in list(dict.items(cloudwatch_backends)):
        for region, backend in list(dict.items(per_account)):
            if backend.alarms and not FAULTS.in_outage(region):
                cloudwatch_ext.evaluate_due(backend)


def _evaluator():
    while True:
        time.sleep(EVALUATE_EVERY_SECONDS)
        try:
            evaluate_all_regions()
        except Exception:  # noqa: BLE001 (e.g. a backend reset mid-round: try again next round)
            LOG.exception("drpair-standin: alarm evaluation round failed")


def install():
    """Subscribe to alarm state changes and start the evaluator; once, before serving."""
    global _installed
    if _installed:
        return
    _installed = True
    cloudwatch_ext.on_state_change(_put_event)
    threading.Thread(target=_evaluator, name="drpair-alarm-evaluator", daemon=True).start()
