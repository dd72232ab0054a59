"""drpair_event_bus through real Terraform, checked against EventBridge and IAM directly."""
import json
import os
import signal
from datetime import datetime, timedelta, timezone

import pytest

import configs
from aws import wait_until
from configs import PRIMARY, SECONDARY, hcl
from harness import REAL_AWS

ADDR = "drpair_event_bus.events"
ORDERS = {"source": ["orders"], "detail-type": ["OrderPlaced"]}


def rid(suffix):
    return f"events-{configs.ENVIRONMENT}-{suffix}"


def compact(pattern):
    """A pattern as Terraform's jsonencode writes it (sorted keys, no spaces)."""
    return json.dumps(pattern, separators=(",", ":"), sort_keys=True)


def bus_hcl(endpoint, suffix, **overrides):
    args = {"name": "events", "forward_event_patterns": [compact(ORDERS)], "archive_retention_days": 14}
    args.update(overrides)
    body = "\n".join(f"  {k} = {hcl(v)}" for k, v in args.items() if v is not None)
    return configs.provider(endpoint, suffix) + f'\nresource "drpair_event_bus" "events" {{\n{body}\n}}\n'


def other(region):
    return SECONDARY if region == PRIMARY else PRIMARY


def rules(aws, region, suffix):
    """Our rules on the region's bus: name -> (pattern, [(target arn, role arn)])."""
    ev = aws.client("events", region)
    out = {}
    for r in ev.list_rules(EventBusName=rid(suffix), NamePrefix=rid(suffix))["Rules"]:
        targets = ev.list_targets_by_rule(Rule=r["Name"], EventBusName=rid(suffix))["Targets"]
        out[r["Name"]] = (json.loads(r["EventPattern"]), [(t["Arn"], t.get("RoleArn")) for t in targets])
    return out


def archive(aws, region, suffix):
    return aws.client("events", region).describe_archive(ArchiveName=rid(suffix))


def put(aws, region, suffix, source, detail_type="OrderPlaced"):
    out = aws.client("events", region).put_events(Entries=[{
        "Source": source, "DetailType": detail_type, "Detail": json.dumps({"order": 1}),
        "EventBusName": rid(suffix)}])
    assert out["FailedEntryCount"] == 0


def counts(aws, suffix):
    return tuple(archive(aws, r, suffix)["EventCount"] for r in (PRIMARY, SECONDARY))


def role_policy(aws, role_arn):
    iam = aws.client("iam", PRIMARY)
    name = role_arn.rsplit("/", 1)[-1]
    assert iam.list_attached_role_policies(RoleName=name)["AttachedPolicies"] == []
    (policy,) = iam.list_role_policies(RoleName=name)["PolicyNames"]
    trust = iam.get_role(RoleName=name)["Role"]["AssumeRolePolicyDocument"]
    return trust, iam.get_role_policy(RoleName=name, PolicyName=policy)["PolicyDocument"]


def assert_built(aws, suffix, retention=14):
    """Buses, archives, rules with targets and roles as the resource promises."""
    buses = {r: aws.client("events", r).describe_event_bus(Name=rid(suffix))["Arn"] for r in (PRIMARY, SECONDARY)}
    for region in (PRIMARY, SECONDARY):
        a = archive(aws, region, suffix)
        assert (a["EventSourceArn"], a["RetentionDays"], a["State"]) == (buses[region], retention, "ENABLED")
        got = rules(aws, region, suffix)
        assert set(got) == {f"{rid(suffix)}-failover", f"{rid(suffix)}-fwd-1"}
        assert got[f"{rid(suffix)}-failover"][0] == {"source": ["drpair.failover"], "region": [region]}
        assert got[f"{rid(suffix)}-fwd-1"][0] == dict(ORDERS, region=[region])
        roles = set()
        for _, targets in got.values():
            ((target, role),) = targets
            assert target == buses[other(region)]
            roles.add(role)
        (role,) = roles
        trust, policy = role_policy(aws, role)
        assert trust["Statement"][0]["Principal"] == {"Service": "events.amazonaws.com"}
        # least privilege: exactly PutEvents on exactly the other region's bus
        assert [(s["Effect"], s["Action"], s["Resource"]) for s in policy["Statement"]] == [
            ("Allow", "events:PutEvents", buses[other(region)])]
    return buses


def assert_gone(aws, suffix):
    assert aws.sweep(suffix) == []


def test_event_bus_lifecycle(tf, tf_factory, aws, standin, suffix):
    tf.write(bus_hcl(standin.url, suffix))
    tf.init()
    tf.apply()
    buses = assert_built(aws, suffix)
    state = tf.state()[ADDR]
    assert state["primary"]["bus_arn"] == buses[PRIMARY]
    assert state["secondary"]["forward_rule_names"] == [f"{rid(suffix)}-failover", f"{rid(suffix)}-fwd-1"]
    assert state["primary"]["forward_role_arn"] != state["secondary"]["forward_role_arn"]
    tf.assert_plan_empty()

    # Forwarding works and does not loop: a matching event put in the primary is archived in
    # both regions once; a failover event put in the secondary reaches the primary; others stay.
    put(aws, PRIMARY, suffix, "orders")
    assert counts(aws, suffix) == (1, 1)
    put(aws, SECONDARY, suffix, "drpair.failover", "RegionUnhealthy")
    assert counts(aws, suffix) == (2, 2)
    put(aws, PRIMARY, suffix, "orders", "OrderCancelled")  # matches no forwarding pattern
    assert counts(aws, suffix) == (3, 2)

    # Deleted outside Terraform: a forwarding rule (target first) and an archive. Repaired.
    ev2 = aws.client("events", SECONDARY)
    ev2.remove_targets(Rule=f"{rid(suffix)}-fwd-1", EventBusName=rid(suffix), Ids=["other-region-bus"])
    ev2.delete_rule(Name=f"{rid(suffix)}-fwd-1", EventBusName=rid(suffix))
    aws.client("events", PRIMARY).delete_archive(ArchiveName=rid(suffix))
    # ...and a right granted to a forwarding role outside Terraform.
    role_name = state["primary"]["forward_role_arn"].rsplit("/", 1)[-1]
    aws.client("iam", PRIMARY).put_role_policy(RoleName=role_name, PolicyName="extra", PolicyDocument=json.dumps(
        {"Version": "2012-10-17", "Statement": [{"Effect": "Allow", "Action": "events:*", "Resource": "*"}]}))
    assert tf.plan().changes() == [(ADDR, ["update"])]
    tf.apply()
    assert_built(aws, suffix)  # (role_policy() asserts the role has exactly one policy)
    tf.assert_plan_empty()

    # Changed outside Terraform: the failover rule disabled, an order rule's pattern widened.
    ev2.disable_rule(Name=f"{rid(suffix)}-failover", EventBusName=rid(suffix))
    aws.client("events", PRIMARY).put_rule(
        Name=f"{rid(suffix)}-fwd-1", EventBusName=rid(suffix),
        EventPattern=json.dumps({"source": ["orders"], "region": [PRIMARY]}))
    plan = tf.plan()
    assert plan.changes() == [(ADDR, ["update"])]
    assert "forward_event_patterns" in plan.changed_attributes(ADDR)
    tf.apply()
    assert_built(aws, suffix)
    assert {r["State"] for r in ev2.list_rules(EventBusName=rid(suffix), NamePrefix=rid(suffix))["Rules"]} == {
        "ENABLED"}
    tf.assert_plan_empty()

    # Import by id round-trips the inputs.
    imported = tf_factory("import")
    imported.write(bus_hcl(standin.url, suffix))
    imported.init()
    imported.import_(ADDR, rid(suffix))
    got, orig = imported.state()[ADDR], tf.state()[ADDR]
    for attr in ("forward_event_patterns", "archive_retention_days", "primary", "secondary", "id"):
        assert got[attr] == orig[attr], attr
    imported.assert_plan_empty()

    # A replay of a window of the secondary's archive, started by the attribute.
    now = datetime.now(timezone.utc).replace(microsecond=0)
    window = {"region": SECONDARY, "start_time": (now - timedelta(hours=1)).isoformat(),
              "end_time": now.isoformat().replace("+00:00", "Z")}
    tf.write(bus_hcl(standin.url, suffix, replay=window, archive_retention_days=0))
    before = counts(aws, suffix)
    tf.apply()
    state = tf.state()[ADDR]
    replay = ev2.describe_replay(ReplayName=state["replay_name"])
    assert replay["EventSourceArn"] == archive(aws, SECONDARY, suffix)["ArchiveArn"]
    assert replay["Destination"]["Arn"] == buses[SECONDARY]
    assert state["replay_state"] == replay["State"]
    assert archive(aws, PRIMARY, suffix)["RetentionDays"] == 0
    # The replayed events forwarded from the primary are not sent back to it.
    assert counts(aws, suffix)[0] == before[0]
    tf.assert_plan_empty()
    # Replays are one-shot: removing the window starts nothing and forgets nothing.
    tf.write(bus_hcl(standin.url, suffix, archive_retention_days=0))
    tf.apply()
    assert tf.state()[ADDR]["replay_name"] == state["replay_name"]
    tf.assert_plan_empty()

    # Fewer patterns: the rule no longer wanted goes.
    tf.write(bus_hcl(standin.url, suffix, forward_event_patterns=None))
    tf.apply()
    assert set(rules(aws, PRIMARY, suffix)) == {f"{rid(suffix)}-failover"}
    tf.assert_plan_empty()

    tf.destroy()
    assert_gone(aws, suffix)


def test_event_bus_throttled(tf, aws, standin, suffix):
    tf.write(bus_hcl(standin.url, suffix))
    tf.init()
    standin.faults(throttle_rate=0.2)
    tf.apply()
    tf.assert_plan_empty()
    tf.destroy()
    standin.reset_faults()
    assert_gone(aws, suffix)


BAD = [
    ({"name": "Events"}, "name"),
    ({"forward_event_patterns": ["not json"]}, "forward_event_patterns"),
    ({"forward_event_patterns": ['{"region":["us-east-1"]}']}, "forward_event_patterns"),
    ({"archive_retention_days": -1}, "archive_retention_days"),
    ({"replay": {"region": SECONDARY, "start_time": "2026-11-30T10:00:00Z", "end_time": "2026-11-30T09:00:00Z"}},
     "replay.end_time"),
    ({"replay": {"region": SECONDARY, "start_time": "yesterday", "end_time": "2026-11-30T09:00:00Z"}},
     "replay.start_time"),
    ({"replay": {"region": "eu-west-1", "start_time": "2026-11-30T08:00:00Z", "end_time": "2026-11-30T09:00:00Z"}},
     "replay.region"),
    ({"name": "a-name-that-is-long-enough-for-48"}, "name"),
]


@pytest.mark.parametrize("overrides,named", BAD, ids=[f"{n}-{i}" for i, (_, n) in enumerate(BAD)])
def test_event_bus_bad_input(tf, standin, suffix, overrides, named):
    tf.write(bus_hcl(standin.url, suffix, **overrides))
    tf.init()
    before = standin.request_count()
    result = tf.plan(expect_fail=True)
    assert named.split(".")[-1] in result.stderr
    assert standin.request_count() == before  # rejected before any AWS call


@pytest.mark.skipif(REAL_AWS, reason="needs the stand-in's regional outage")
def test_event_bus_killed_apply_converges(tf, aws, standin, suffix):
    tf.write(bus_hcl(standin.url, suffix))
    tf.init()
    # The secondary region is out: the apply makes the primary's bus, then retries there
    # until it is killed.
    standin.faults(outage_regions=[SECONDARY])
    proc = tf.popen("apply", "-auto-approve", "-input=false", "-no-color")

    def primary_bus():
        names = [b["Name"] for b in aws.client("events", PRIMARY).list_event_buses()["EventBuses"]]
        return rid(suffix) in names

    try:
        wait_until(lambda: proc.poll() is not None or primary_bus(), timeout=120, interval=0.1,
                   what="the primary bus")
        assert proc.poll() is None, "apply ended before it could be killed"
    finally:
        if proc.poll() is None:
            os.killpg(proc.pid, signal.SIGKILL)
        proc.wait()
    standin.reset_faults()
    tf.apply()
    assert_built(aws, suffix)
    tf.assert_plan_empty()
    tf.destroy()
    assert_gone(aws, suffix)
