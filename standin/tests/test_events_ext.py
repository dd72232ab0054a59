"""EventBridge bus-to-bus delivery keeping the envelope (drpair_standin.events_ext)."""
import json

import pytest

from conftest import ACCOUNT, PRIMARY, SECONDARY

ROLE = f"arn:aws:iam::{ACCOUNT}:role/forward"


@pytest.fixture
def pair(aws):
    """A bus in each region, each with an archive and a rule forwarding its own region's
    events to the other bus (the loop guard drpair uses)."""
    out = {}
    for region in (PRIMARY, SECONDARY):
        ev = aws("events", region)
        arn = ev.create_event_bus(Name="bus")["EventBusArn"]
        archive = ev.create_archive(ArchiveName="bus", EventSourceArn=arn, RetentionDays=7)["ArchiveArn"]
        out[region] = (ev, arn, archive)
    for here, there in ((PRIMARY, SECONDARY), (SECONDARY, PRIMARY)):
        ev = out[here][0]
        ev.put_rule(Name="fwd", EventBusName="bus",
                    EventPattern=json.dumps({"source": ["drpair.failover"], "region": [here]}))
        ev.put_targets(Rule="fwd", EventBusName="bus",
                       Targets=[{"Id": "other", "Arn": out[there][1], "RoleArn": ROLE}])
    return out


def put(ev, source="drpair.failover"):
    out = ev.put_events(Entries=[{"Source": source, "DetailType": "t", "Detail": "{}", "EventBusName": "bus"}])
    assert out["FailedEntryCount"] == 0


def count(ev):
    return ev.describe_archive(ArchiveName="bus")["EventCount"]


def test_forwarded_event_is_archived_once_in_the_other_region(pair):
    (e1, _, _), (e2, _, _) = pair[PRIMARY], pair[SECONDARY]
    put(e1)
    # archived where it was put and where it was forwarded; not bounced back
    assert (count(e1), count(e2)) == (1, 1)
    put(e2)
    assert (count(e1), count(e2)) == (2, 2)
    put(e1, source="other")  # matches no forwarding rule
    assert (count(e1), count(e2)) == (3, 2)


def test_no_role_no_delivery(pair):
    e1, _, _ = pair[PRIMARY]
    e2, arn2, _ = pair[SECONDARY]
    e1.put_targets(Rule="fwd", EventBusName="bus", Targets=[{"Id": "other", "Arn": arn2}])
    put(e1)
    assert count(e2) == 0


def test_replay_of_forwarded_events_does_not_loop(pair):
    e2, arn2, archive2 = pair[SECONDARY]
    e1 = pair[PRIMARY][0]
    put(e1)
    e2.start_replay(ReplayName="r", EventSourceArn=archive2, Destination={"Arn": arn2},
                    EventStartTime="2020-01-01T00:00:00Z", EventEndTime="2100-01-01T00:00:00Z")
    assert e2.describe_replay(ReplayName="r")["State"] == "COMPLETED"
    # the replayed copy came from us-east-1: the secondary's rule does not send it back
    assert count(e1) == 1


def test_local_targets_still_work(aws, pair):
    e1 = pair[PRIMARY][0]
    sqs = aws("sqs", PRIMARY)
    url = sqs.create_queue(QueueName="q")["QueueUrl"]
    qarn = sqs.get_queue_attributes(QueueUrl=url, AttributeNames=["QueueArn"])["Attributes"]["QueueArn"]
    e1.put_targets(Rule="fwd", EventBusName="bus", Targets=[{"Id": "q", "Arn": qarn}])
    put(e1)
    body = json.loads(sqs.receive_message(QueueUrl=url)["Messages"][0]["Body"])
    assert body["region"] == PRIMARY
    assert count(pair[SECONDARY][0]) == 1


def test_a_disabled_rule_delivers_nothing(aws, pair):
    e1 = pair[PRIMARY][0]
    sqs = aws("sqs", PRIMARY)
    url = sqs.create_queue(QueueName="off")["QueueUrl"]
    qarn = sqs.get_queue_attributes(QueueUrl=url, AttributeNames=["QueueArn"])["Attributes"]["QueueArn"]
    e1.put_targets(Rule="fwd", EventBusName="bus", Targets=[{"Id": "q", "Arn": qarn}])
    e1.disable_rule(Name="fwd", EventBusName="bus")
    put(e1)
    assert "Messages" not in sqs.receive_message(QueueUrl=url)
    assert count(pair[SECONDARY][0]) == 0  # nor forwarded
    e1.enable_rule(Name="fwd", EventBusName="bus")
    put(e1)
    assert len(sqs.receive_message(QueueUrl=url)["Messages"]) == 1


def test_retention_can_be_set_to_indefinite(pair):
    ev = pair[PRIMARY][0]
    ev.update_archive(ArchiveName="bus", RetentionDays=0)
    assert ev.describe_archive(ArchiveName="bus")["RetentionDays"] == 0
    ev.update_archive(ArchiveName="bus", RetentionDays=3)
    assert ev.describe_archive(ArchiveName="bus")["RetentionDays"] == 3


def test_lambda_target_is_not_invoked_and_breaks_nothing(aws):
    ev = aws("events", PRIMARY)
    sqs = aws("sqs", PRIMARY)
    url = sqs.create_queue(QueueName="q")["QueueUrl"]
    qarn = sqs.get_queue_attributes(QueueUrl=url, AttributeNames=["QueueArn"])["Attributes"]["QueueArn"]
    ev.put_rule(Name="r", EventPattern=json.dumps({"source": ["drpair.test"]}))
    ev.put_targets(Rule="r", Targets=[{"Id": "fn", "Arn": f"arn:aws:lambda:{PRIMARY}:{ACCOUNT}:function:readiness"},
                                      {"Id": "q", "Arn": qarn}])
    # moto raised NotImplementedError for the Lambda target: the PutEvents failed with a 500
    out = ev.put_events(Entries=[{"Source": "drpair.test", "DetailType": "t", "Detail": "{}"}])
    assert out["FailedEntryCount"] == 0
    assert len(sqs.receive_message(QueueUrl=url, WaitTimeSeconds=1)["Messages"]) == 1
