"""Scheduled rules fired by the stand-in's clock, and deliveries queued across an outage
(drpair_standin.schedule_ext, events_ext)."""
import json
import time
import urllib.error
import urllib.request

import pytest

from conftest import ACCOUNT, http

REGION, OTHER = "us-east-2", "us-east-1"
ROLE = f"arn:aws:iam::{ACCOUNT}:role/events"


@pytest.fixture
def clock(standin):
    """tick(advance_seconds) -> the tick's answer; the scheduler's offset and queue are reset after."""
    http(standin + "/drpair/events", "DELETE")
    yield lambda seconds=0: http(standin + "/drpair/events/tick", "POST", {"advance_seconds": seconds})
    http(standin + "/drpair/events", "DELETE")


def queue(aws, region, name="seen"):
    sqs = aws("sqs", region)
    url = sqs.create_queue(QueueName=name)["QueueUrl"]
    arn = sqs.get_queue_attributes(QueueUrl=url, AttributeNames=["QueueArn"])["Attributes"]["QueueArn"]
    return sqs, url, arn


def messages(sqs, url, wait=0):
    out = sqs.receive_message(QueueUrl=url, MaxNumberOfMessages=10, WaitTimeSeconds=wait).get("Messages", [])
    for m in out:
        sqs.delete_message(QueueUrl=url, ReceiptHandle=m["ReceiptHandle"])
    return [json.loads(m["Body"]) for m in out]


def test_rate_rule_fires_every_period_with_the_scheduled_event_shape(aws, faults, clock, standin):
    sqs, url, qarn = queue(aws, REGION)
    ev = aws("events", REGION)
    rule_arn = ev.put_rule(Name="heartbeat", ScheduleExpression="rate(1 minute)")["RuleArn"]
    ev.put_targets(Rule="heartbeat", Targets=[{"Id": "q", "Arn": qarn}])
    ev.put_rule(Name="nightly", ScheduleExpression="cron(0 3 * * ? *)")  # accepted, never fired
    schedules = {s["expression"]: s for s in http(standin + "/drpair/events")["schedules"]}
    assert schedules["rate(1 minute)"]["rule_arn"] == rule_arn
    assert 55 < schedules["rate(1 minute)"]["next_fire_in_seconds"] <= 60
    assert schedules["cron(0 3 * * ? *)"]["next_fire_in_seconds"] is None

    assert clock(50)["fired"] == []
    assert clock(10.5)["fired"] == [rule_arn]  # one period after PutRule
    [event] = messages(sqs, url, wait=1)
    assert event["source"] == "aws.events" and event["detail-type"] == "Scheduled Event"
    assert event["resources"] == [rule_arn] and event["detail"] == {} and event["region"] == REGION
    assert event["time"].endswith("Z")

    assert clock(30)["fired"] == []
    assert clock(300)["fired"] == [rule_arn]  # five periods missed: fires once
    assert len(messages(sqs, url, wait=1)) == 1

    faults(outage_regions=[REGION])  # a region in an outage runs nothing
    assert clock(60)["fired"] == []
    faults(outage_regions=[])
    ev.disable_rule(Name="heartbeat")
    assert clock(60)["fired"] == []
    ev.enable_rule(Name="heartbeat")
    assert clock(60)["fired"] == [rule_arn]
    assert clock(24 * 3600)["fired"] == [rule_arn]  # cron never, rate still
    assert len(messages(sqs, url, wait=1)) == 2  # the two fires since the last read


@pytest.mark.parametrize("expression, seconds", [
    ("rate(1 minute)", 60), ("rate(5 minutes)", 300), ("rate(1 hour)", 3600), ("rate(2 hours)", 7200),
    ("rate(1 day)", 86400), ("rate(3 days)", 259200), ("cron(0 3 * * ? *)", None), (None, None),
])
def test_rate_seconds(expression, seconds):
    from drpair_standin.schedule_ext import rate_seconds

    assert rate_seconds(expression) == seconds


def test_tick_rejects_bad_input(standin, clock):
    for body in ({"advance_seconds": -1}, {"advance_seconds": "1"}, [1]):
        with pytest.raises(urllib.error.HTTPError) as err:
            http(standin + "/drpair/events/tick", "POST", body)
        assert err.value.code == 400


def test_delivery_into_a_region_in_an_outage_waits_for_it(aws, faults, clock, standin):
    sqs, url, qarn = queue(aws, REGION)
    there = aws("events", REGION)
    there.put_rule(Name="in", EventPattern=json.dumps({"source": ["drpair.orchestrator"]}))
    there.put_targets(Rule="in", Targets=[{"Id": "q", "Arn": qarn}])
    here = aws("events", OTHER)
    here.put_rule(Name="to-peer", EventPattern=json.dumps({"source": ["drpair.orchestrator"]}))
    here.put_targets(Rule="to-peer", Targets=[
        {"Id": "peer", "Arn": f"arn:aws:events:{REGION}:{ACCOUNT}:event-bus/default", "RoleArn": ROLE}])
    faults(outage_regions=[REGION])
    entry = {"Source": "drpair.orchestrator", "DetailType": "drpair heartbeat", "Detail": '{"from": "us-east-1"}'}
    assert here.put_events(Entries=[entry])["FailedEntryCount"] == 0
    assert http(standin + "/drpair/events")["pending_deliveries"] == 1
    assert clock(0)["delivered"] == 0  # still out
    faults(outage_regions=[])
    deadline = time.monotonic() + 5  # the scheduler thread delivers within a tick
    while http(standin + "/drpair/events")["pending_deliveries"]:
        assert time.monotonic() < deadline
        time.sleep(0.1)
    [event] = messages(sqs, url, wait=1)
    assert event["region"] == OTHER and event["detail"] == {"from": "us-east-1"}  # envelope kept


def test_state_machine_in_a_region_in_an_outage_starts_when_it_recovers(aws, faults, clock, standin):
    sfn = aws("stepfunctions", REGION)
    machine = sfn.create_state_machine(name="m", roleArn=ROLE, definition=json.dumps(
        {"StartAt": "Done", "States": {"Done": {"Type": "Pass", "End": True}}}))["stateMachineArn"]
    here = aws("events", OTHER)
    here.put_rule(Name="go", EventPattern=json.dumps({"source": ["drpair.test"]}))
    here.put_targets(Rule="go", Targets=[{"Id": "sm", "Arn": machine, "RoleArn": ROLE, "Input": '{"n": 1}'}])
    faults(outage_regions=[REGION])
    here.put_events(Entries=[{"Source": "drpair.test", "DetailType": "t", "Detail": "{}"}])
    assert http(standin + "/drpair/events")["pending_deliveries"] == 1
    faults(outage_regions=[])
    deadline = time.monotonic() + 5
    while not sfn.list_executions(stateMachineArn=machine)["executions"]:
        assert time.monotonic() < deadline, "the queued execution never started"
        time.sleep(0.1)


def test_control_api_is_not_faulted_or_counted(standin, faults):
    faults(outage_regions=["us-east-1", "us-east-2"], throttle_rate=1.0)
    before = http(standin + "/drpair/requests")["total"]
    assert "schedules" in http(standin + "/drpair/events")
    with pytest.raises(urllib.error.HTTPError) as err:
        urllib.request.urlopen(urllib.request.Request(standin + "/drpair/events", method="PUT"), timeout=5)
    assert err.value.code == 405
    assert http(standin + "/drpair/requests")["total"] == before


def test_scheduled_rule_ignores_events_put_on_the_bus(aws, clock):
    sqs, url, qarn = queue(aws, REGION)
    ev = aws("events", REGION)
    rule_arn = ev.put_rule(Name="heartbeat", ScheduleExpression="rate(1 minute)")["RuleArn"]
    ev.put_targets(Rule="heartbeat", Targets=[{"Id": "q", "Arn": qarn}])
    ev.put_events(Entries=[{"Source": "drpair.orchestrator", "DetailType": "drpair heartbeat", "Detail": "{}"}])
    assert messages(sqs, url, wait=1) == []  # moto matched every event with a pattern-less rule
    assert clock(60)["fired"] == [rule_arn]
    assert [e["detail-type"] for e in messages(sqs, url, wait=1)] == ["Scheduled Event"]
