"""Alarm state changes as EventBridge events, and alarms evaluated by the stand-in's own clock
(drpair_standin.alarm_events_ext)."""
import json
import time

import pytest

from conftest import ACCOUNT

REGION, OTHER = "us-east-2", "us-west-2"
ROLE = f"arn:aws:iam::{ACCOUNT}:role/forward"
DIMS = [{"Name": "Pair", "Value": "p"}, {"Name": "Region", "Value": "us-east-1"}]


def queue(aws, region, name="seen"):
    sqs = aws("sqs", region)
    url = sqs.create_queue(QueueName=name)["QueueUrl"]
    arn = sqs.get_queue_attributes(QueueUrl=url, AttributeNames=["QueueArn"])["Attributes"]["QueueArn"]
    return sqs, url, arn


def receive(sqs, url, count, deadline=10):
    """The first `count` message bodies (parsed) that arrive within the deadline."""
    out, end = [], time.monotonic() + deadline
    while len(out) < count:
        assert time.monotonic() < end, f"got {len(out)} events, wanted {count}: {out}"
        for m in sqs.receive_message(QueueUrl=url, MaxNumberOfMessages=10, WaitTimeSeconds=1).get("Messages", []):
            out.append(json.loads(m["Body"]))
            sqs.delete_message(QueueUrl=url, ReceiptHandle=m["ReceiptHandle"])
    return out


@pytest.fixture
def alarm_events(aws):
    """(sqs, url): every aws.cloudwatch event on REGION's default bus lands in a queue."""
    sqs, url, arn = queue(aws, REGION)
    ev = aws("events", REGION)
    ev.put_rule(Name="alarms", EventPattern=json.dumps({"source": ["aws.cloudwatch"],
                                                        "detail-type": ["CloudWatch Alarm State Change"]}))
    ev.put_targets(Rule="alarms", Targets=[{"Id": "q", "Arn": arn}])
    return sqs, url


def heartbeat_alarm(cw, name="peer-down", period=2):
    cw.put_metric_data(Namespace="drpair/Failover",
                       MetricData=[{"MetricName": "PeerHeartbeat", "Dimensions": DIMS, "Value": 1}])
    cw.put_metric_alarm(AlarmName=name, Namespace="drpair/Failover", MetricName="PeerHeartbeat", Dimensions=DIMS,
                        Statistic="SampleCount", Period=period, EvaluationPeriods=1, Threshold=1,
                        ComparisonOperator="LessThanThreshold", TreatMissingData="breaching",
                        AlarmDescription="peer heartbeats stopped")


def test_alarm_goes_to_alarm_when_data_stops_and_says_so_on_the_bus(aws, alarm_events):
    sqs, url = alarm_events
    heartbeat_alarm(aws("cloudwatch", REGION))
    # nobody reads the alarm: the evaluator thread finds the missing period (breaching)
    created, stopped = receive(sqs, url, 2)
    assert (created["detail"]["previousState"]["value"], created["detail"]["state"]["value"]) == \
        ("INSUFFICIENT_DATA", "OK")
    arn = f"arn:aws:cloudwatch:{REGION}:{ACCOUNT}:alarm:peer-down"
    assert stopped["source"] == "aws.cloudwatch" and stopped["detail-type"] == "CloudWatch Alarm State Change"
    assert stopped["resources"] == [arn] and stopped["region"] == REGION  # (moto's SQS input has no account)
    detail = stopped["detail"]
    assert detail["alarmName"] == "peer-down"
    assert detail["state"]["value"] == "ALARM" and detail["previousState"]["value"] == "OK"
    assert detail["state"]["reason"].startswith("Threshold Crossed")
    assert detail["state"]["timestamp"].endswith("+0000") and detail["previousState"]["timestamp"]
    [metric] = detail["configuration"]["metrics"]
    assert detail["configuration"]["description"] == "peer heartbeats stopped"
    assert metric["metricStat"] == {"metric": {"dimensions": {"Pair": "p", "Region": "us-east-1"},
                                               "name": "PeerHeartbeat", "namespace": "drpair/Failover"},
                                    "period": 2, "stat": "SampleCount"}
    assert metric["returnData"] is True
    assert aws("cloudwatch", REGION).describe_alarms(AlarmNames=["peer-down"])["MetricAlarms"][0][
        "StateValue"] == "ALARM"


def test_composite_and_set_alarm_state_changes_are_events(aws, alarm_events):
    sqs, url = alarm_events
    cw = aws("cloudwatch", REGION)
    cw.put_metric_alarm(AlarmName="child", Namespace="n", MetricName="m", Statistic="Sum", Period=60,
                        EvaluationPeriods=1, Threshold=1, ComparisonOperator="GreaterThanThreshold")
    cw.put_composite_alarm(AlarmName="region-health", AlarmRule="ALARM(child)")
    [created] = receive(sqs, url, 1)
    assert created["detail"]["alarmName"] == "region-health"
    assert created["detail"]["configuration"] == {"alarmRule": "ALARM(child)"}
    cw.set_alarm_state(AlarmName="child", StateValue="ALARM", StateReason="test")
    got = {e["detail"]["alarmName"]: e["detail"] for e in receive(sqs, url, 2)}
    assert (got["child"]["previousState"]["value"], got["child"]["state"]["value"]) == ("INSUFFICIENT_DATA", "ALARM")
    assert got["child"]["state"]["reason"] == "test"
    assert (got["region-health"]["previousState"]["value"], got["region-health"]["state"]["value"]) == ("OK", "ALARM")


def test_no_events_and_no_evaluation_while_the_region_is_out(aws, faults):
    # the alarm's events are forwarded to another region, which stays readable during the outage
    sqs, url, qarn = queue(aws, OTHER)
    there = aws("events", OTHER)
    there.put_rule(Name="alarms", EventPattern=json.dumps({"source": ["aws.cloudwatch"]}))
    there.put_targets(Rule="alarms", Targets=[{"Id": "q", "Arn": qarn}])
    here = aws("events", REGION)
    here.put_rule(Name="fwd", EventPattern=json.dumps({"source": ["aws.cloudwatch"]}))
    here.put_targets(Rule="fwd", Targets=[{"Id": "b", "Arn": f"arn:aws:events:{OTHER}:{ACCOUNT}:event-bus/default",
                                           "RoleArn": ROLE}])
    heartbeat_alarm(aws("cloudwatch", REGION))
    [created] = receive(sqs, url, 1)
    assert created["detail"]["state"]["value"] == "OK" and created["region"] == REGION
    faults(outage_regions=[REGION])
    time.sleep(2)  # the data has stopped, but nothing in us-east-2 runs
    assert sqs.receive_message(QueueUrl=url, WaitTimeSeconds=0).get("Messages") is None
    faults(outage_regions=[])
    [alarm] = receive(sqs, url, 1)
    assert alarm["detail"]["state"]["value"] == "ALARM"
