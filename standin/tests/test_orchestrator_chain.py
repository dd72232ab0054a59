"""The failover orchestrator's chain, end to end on the stand-in (sfn_ext, events_ext,
alarm_events_ext, schedule_ext): us-east-1's heartbeat rule (rate(1 minute), fired by moving
the scheduler's clock) runs its state machine, which puts a heartbeat event; EventBridge
forwards it to us-east-2, whose rule starts us-east-2's machine to record PeerHeartbeat. When
us-east-1 goes out, heartbeats stop, us-east-2's peer-down alarm (TreatMissingData breaching)
goes OK -> ALARM on its own, its state-change event matches the peer-down rule, and the
failover execution writes the active-region parameter in us-east-2."""
import json
import time

import pytest

from conftest import ACCOUNT, http

PRIMARY, SECONDARY = "us-east-1", "us-east-2"
PEER = {PRIMARY: SECONDARY, SECONDARY: PRIMARY}
ROLE = f"arn:aws:iam::{ACCOUNT}:role/orchestrator"
PERIOD = 3  # the peer-down alarm's period: heartbeats keep it OK this long


def definition(region):
    peer = PEER[region]
    dims = [{"Name": "Pair", "Value": "dr"}, {"Name": "Region", "Value": peer}]
    return {"StartAt": "Route", "States": {
        "Route": {"Type": "Choice", "Default": "Skip", "Choices": [
            {"Variable": "$.action", "StringEquals": "heartbeat", "Next": "Heartbeat"},
            {"Variable": "$.action", "StringEquals": "record_heartbeat", "Next": "Record"},
            {"Variable": "$.action", "StringEquals": "failover", "Next": "Activate"}]},
        "Heartbeat": {"Type": "Task", "Resource": "arn:aws:states:::events:putEvents", "End": True,
                      "Parameters": {"Entries": [{"Source": "drpair.orchestrator", "DetailType": "drpair heartbeat",
                                                  "Detail": {"pair": "dr", "from": region}}]}},
        "Record": {"Type": "Task", "Resource": "arn:aws:states:::aws-sdk:cloudwatch:putMetricData", "End": True,
                   "Parameters": {"Namespace": "drpair/Failover", "MetricData": [
                       {"MetricName": "PeerHeartbeat", "Dimensions": dims, "Value": 1}]}},
        "Activate": {"Type": "Task", "Resource": "arn:aws:states:::aws-sdk:ssm:putParameter", "End": True,
                     "Parameters": {"Name": "/dr/active_region", "Value": region, "Type": "String",
                                    "Overwrite": True}},
        "Skip": {"Type": "Succeed"},
    }}


def until(check, what, deadline=15):
    end = time.monotonic() + deadline
    while True:
        value = check()
        if value:
            return value
        assert time.monotonic() < end, f"timed out waiting for {what}"
        time.sleep(0.1)


@pytest.fixture
def tick(standin):
    http(standin + "/drpair/events", "DELETE")
    yield lambda seconds: http(standin + "/drpair/events/tick", "POST", {"advance_seconds": seconds})["fired"]
    http(standin + "/drpair/events", "DELETE")


def test_heartbeats_stop_alarm_fires_failover_runs(aws, faults, tick):
    sfn = {r: aws("stepfunctions", r) for r in PEER}
    ev = {r: aws("events", r) for r in PEER}
    machines = {r: sfn[r].create_state_machine(name=f"dr-{r}", definition=json.dumps(definition(r)),
                                               roleArn=ROLE)["stateMachineArn"] for r in PEER}
    # us-east-1: the heartbeat schedule, and forwarding of its own orchestrator events to the peer
    heartbeat_rule = ev[PRIMARY].put_rule(Name="dr-heartbeat", ScheduleExpression="rate(1 minute)")["RuleArn"]
    ev[PRIMARY].put_targets(Rule="dr-heartbeat", Targets=[
        {"Id": "sm", "Arn": machines[PRIMARY], "RoleArn": ROLE, "Input": '{"action": "heartbeat"}'}])
    ev[PRIMARY].put_rule(Name="dr-to-peer", EventPattern=json.dumps(
        {"source": ["drpair.orchestrator"], "detail": {"pair": ["dr"], "from": [PRIMARY]}}))
    ev[PRIMARY].put_targets(Rule="dr-to-peer", Targets=[
        {"Id": "peer", "Arn": f"arn:aws:events:{SECONDARY}:{ACCOUNT}:event-bus/default", "RoleArn": ROLE}])
    # us-east-2: record the peer's heartbeats; fail over when the peer-down alarm goes OK -> ALARM
    cw = aws("cloudwatch", SECONDARY)
    cw.put_metric_alarm(AlarmName="dr-us-east-2-peer-down", Namespace="drpair/Failover", MetricName="PeerHeartbeat",
                        Dimensions=[{"Name": "Pair", "Value": "dr"}, {"Name": "Region", "Value": PRIMARY}],
                        Statistic="SampleCount", Period=PERIOD, EvaluationPeriods=1, Threshold=1,
                        ComparisonOperator="LessThanThreshold", TreatMissingData="breaching")
    alarm_arn = f"arn:aws:cloudwatch:{SECONDARY}:{ACCOUNT}:alarm:dr-us-east-2-peer-down"
    ev[SECONDARY].put_rule(Name="dr-from-peer", EventPattern=json.dumps(
        {"source": ["drpair.orchestrator"], "detail-type": ["drpair heartbeat"], "detail": {"from": [PRIMARY]}}))
    ev[SECONDARY].put_targets(Rule="dr-from-peer", Targets=[
        {"Id": "sm", "Arn": machines[SECONDARY], "RoleArn": ROLE, "Input": '{"action": "record_heartbeat"}'}])
    ev[SECONDARY].put_rule(Name="dr-peer-down", EventPattern=json.dumps({
        "source": ["aws.cloudwatch"], "detail-type": ["CloudWatch Alarm State Change"], "resources": [alarm_arn],
        "detail": {"previousState": {"value": ["OK"]}, "state": {"value": ["ALARM"]}}}))
    ev[SECONDARY].put_targets(Rule="dr-peer-down", Targets=[
        {"Id": "sm", "Arn": machines[SECONDARY], "RoleArn": ROLE,
         "Input": '{"action": "failover", "trigger": "peer-heartbeat-lost"}'}])

    def state():
        return cw.describe_alarms(AlarmNames=["dr-us-east-2-peer-down"])["MetricAlarms"][0]["StateValue"]

    assert state() == "ALARM"  # no heartbeat yet (breaching); INSUFFICIENT_DATA -> ALARM starts nothing

    # a minute passes (on the scheduler's clock): us-east-1 beats, us-east-2 records it
    assert tick(60) == [heartbeat_rule]
    until(lambda: state() == "OK", "the peer-down alarm to see the heartbeat")
    inputs = {r: [json.loads(sfn[r].describe_execution(executionArn=e["executionArn"])["input"])
                  for e in sfn[r].list_executions(stateMachineArn=machines[r])["executions"]] for r in PEER}
    assert inputs == {PRIMARY: [{"action": "heartbeat"}], SECONDARY: [{"action": "record_heartbeat"}]}

    # us-east-1 goes out: no more heartbeats; nobody reads the alarm in us-east-2 meanwhile
    faults(outage_regions=[PRIMARY])
    assert tick(60) == []  # the schedule does not fire in a region in an outage

    ssm = aws("ssm", SECONDARY)

    def active_region():
        found = ssm.get_parameters(Names=["/dr/active_region"])["Parameters"]
        return found[0]["Value"] if found else None

    assert until(active_region, "the failover execution to write the parameter", deadline=PERIOD + 10) == SECONDARY
    executions = sfn[SECONDARY].list_executions(stateMachineArn=machines[SECONDARY])["executions"]
    failover = [e for e in executions
                if json.loads(sfn[SECONDARY].describe_execution(executionArn=e["executionArn"])["input"])
                == {"action": "failover", "trigger": "peer-heartbeat-lost"}]
    assert len(failover) == 1
    until(lambda: sfn[SECONDARY].describe_execution(executionArn=failover[0]["executionArn"])["status"]
          == "SUCCEEDED", "the failover execution to succeed")
    assert state() == "ALARM"
