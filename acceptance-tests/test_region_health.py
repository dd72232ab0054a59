"""drpair_region_health through real Terraform, checked against CloudWatch in both regions."""
import os
import signal

import pytest

import configs
from aws import wait_until
from harness import REAL_AWS
from configs import PRIMARY, SECONDARY, hcl

ADDR = "drpair_region_health.health"


def rid(suffix):
    return f"health-{configs.ENVIRONMENT}-{suffix}"


def member(suffix, region):
    """A stand-in for an alarm another drpair resource reports (function errors, say)."""
    return f"orders-{suffix}-{region}-errors"


def health_hcl(endpoint, suffix, **overrides):
    args = {
        "name": "health",
        "primary_alarm_names": [member(suffix, PRIMARY)],
        "secondary_alarm_names": [member(suffix, SECONDARY)],
        "secondary_db_cluster_id": f"db-{suffix}-{SECONDARY}",
        "replication_lag_threshold_ms": 2000,
    }
    args.update(overrides)
    body = "\n".join(f"  {k} = {hcl(v)}" for k, v in args.items() if v is not None)
    return configs.provider(endpoint, suffix) + f'\nresource "drpair_region_health" "health" {{\n{body}\n}}\n'


def make_members(aws, suffix):
    for region in (PRIMARY, SECONDARY):
        aws.client("cloudwatch", region).put_metric_alarm(
            AlarmName=member(suffix, region), Namespace="AWS/Lambda", MetricName="Errors",
            Statistic="Sum", Period=60, EvaluationPeriods=1, Threshold=1,
            ComparisonOperator="GreaterThanOrEqualToThreshold")


def alarms(aws, region, suffix):
    """Our alarms in a region: name -> (type, rule or dimensions, state)."""
    out = aws.client("cloudwatch", region).describe_alarms(
        AlarmNamePrefix=rid(suffix), AlarmTypes=["CompositeAlarm", "MetricAlarm"])
    got = {a["AlarmName"]: ("composite", a["AlarmRule"], a["StateValue"]) for a in out["CompositeAlarms"]}
    got.update({a["AlarmName"]: ("metric", {d["Name"]: d["Value"] for d in a["Dimensions"]}, a["StateValue"])
                for a in out["MetricAlarms"]})
    return got


def composite(region, suffix):
    return f"{rid(suffix)}-{region}-unhealthy"


def lag(region, suffix):
    return f"{rid(suffix)}-{region}-replication-lag"


def assert_gone(aws, suffix):
    for region in (PRIMARY, SECONDARY):
        assert alarms(aws, region, suffix) == {}, region


def test_region_health_lifecycle(tf, tf_factory, aws, standin, suffix):
    make_members(aws, suffix)
    tf.write(health_hcl(standin.url, suffix))
    tf.init()
    tf.apply()
    p, s = alarms(aws, PRIMARY, suffix), alarms(aws, SECONDARY, suffix)
    assert p == {composite(PRIMARY, suffix): ("composite", f'ALARM("{member(suffix, PRIMARY)}")', "OK")}
    assert s[composite(SECONDARY, suffix)][1] == (
        f'ALARM("{member(suffix, SECONDARY)}") OR ALARM("{lag(SECONDARY, suffix)}")')
    assert s[lag(SECONDARY, suffix)][1] == {"DBClusterIdentifier": f"db-{suffix}-{SECONDARY}"}
    state = tf.state()[ADDR]
    assert state["secondary"]["owned_alarm_names"] == [lag(SECONDARY, suffix)]
    assert state["primary"]["composite_alarm_arn"].endswith(composite(PRIMARY, suffix))
    tf.assert_plan_empty()

    # The signal works: replication lag above the threshold makes the secondary unhealthy.
    cw = aws.client("cloudwatch", SECONDARY)
    cw.put_metric_data(Namespace="AWS/RDS", MetricData=[{
        "MetricName": "AuroraGlobalDBReplicationLag", "Value": 9000, "Unit": "Milliseconds",
        "Dimensions": [{"Name": "DBClusterIdentifier", "Value": f"db-{suffix}-{SECONDARY}"}]}])
    assert alarms(aws, SECONDARY, suffix)[composite(SECONDARY, suffix)][2] == "ALARM"
    assert alarms(aws, PRIMARY, suffix)[composite(PRIMARY, suffix)][2] == "OK"
    tf.assert_plan_empty()  # alarm states are the running system's, not drift

    # Deleted outside Terraform (composite first, as CloudWatch insists): detected, repaired.
    cw.delete_alarms(AlarmNames=[composite(SECONDARY, suffix)])
    cw.delete_alarms(AlarmNames=[lag(SECONDARY, suffix)])
    assert tf.plan().changes() == [(ADDR, ["update"])]
    tf.apply()
    assert set(alarms(aws, SECONDARY, suffix)) == {composite(SECONDARY, suffix), lag(SECONDARY, suffix)}
    tf.assert_plan_empty()

    # Import by id round-trips the inputs.
    imported = tf_factory("import")
    imported.write(health_hcl(standin.url, suffix))
    imported.init()
    imported.import_(ADDR, rid(suffix))
    got, orig = imported.state()[ADDR], tf.state()[ADDR]
    for attr in ("primary_alarm_names", "secondary_alarm_names", "secondary_db_cluster_id",
                 "replication_lag_threshold_ms", "primary", "secondary"):
        assert got[attr] == orig[attr], attr
    imported.assert_plan_empty()

    # Dropping the cluster removes its alarm, after the composite stops watching it.
    tf.write(health_hcl(standin.url, suffix, secondary_db_cluster_id=None))
    tf.apply()
    assert set(alarms(aws, SECONDARY, suffix)) == {composite(SECONDARY, suffix)}
    tf.assert_plan_empty()

    tf.destroy()
    assert_gone(aws, suffix)
    # Alarms we were given are not ours to delete.
    assert aws.client("cloudwatch", PRIMARY).describe_alarms(AlarmNames=[member(suffix, PRIMARY)])["MetricAlarms"]


def test_region_health_throttled(tf, aws, standin, suffix):
    make_members(aws, suffix)
    tf.write(health_hcl(standin.url, suffix))
    tf.init()
    standin.faults(throttle_rate=0.2)
    tf.apply()
    tf.assert_plan_empty()
    tf.destroy()
    standin.reset_faults()
    assert_gone(aws, suffix)


BAD = [
    ({"name": "Health"}, "name"),
    ({"primary_alarm_names": ["a", "a"]}, "primary_alarm_names"),
    ({"secondary_db_cluster_id": "1-bad"}, "secondary_db_cluster_id"),
    ({"replication_lag_threshold_ms": 0}, "replication_lag_threshold_ms"),
    # us-east-2 cannot roll up a Route 53 health check (its metrics live in us-east-1).
    ({"secondary_health_check_id": "abc"}, "secondary_health_check_id"),
    ({"primary_alarm_names": None}, "primary_alarm_names"),
]


@pytest.mark.parametrize("overrides,named", BAD, ids=[f"{n}-{i}" for i, (_, n) in enumerate(BAD)])
def test_region_health_bad_input(tf, standin, suffix, overrides, named):
    tf.write(health_hcl(standin.url, suffix, **overrides))
    tf.init()
    before = standin.request_count()
    result = tf.plan(expect_fail=True)
    assert named in result.stderr
    assert standin.request_count() == before  # rejected before any AWS call


@pytest.mark.skipif(REAL_AWS, reason="needs the stand-in's regional outage")
def test_region_health_killed_apply_converges(tf, aws, standin, suffix):
    make_members(aws, suffix)
    tf.write(health_hcl(standin.url, suffix))
    tf.init()
    # The secondary region is out: the apply makes the primary's alarms, then retries there
    # until it is killed.
    standin.faults(outage_regions=[SECONDARY])
    proc = tf.popen("apply", "-auto-approve", "-input=false", "-no-color")
    try:
        wait_until(lambda: proc.poll() is not None or alarms(aws, PRIMARY, suffix) != {},
                   timeout=120, interval=0.1, what="a first alarm")
        assert proc.poll() is None, "apply ended before it could be killed"
    finally:
        if proc.poll() is None:
            os.killpg(proc.pid, signal.SIGKILL)
        proc.wait()
    standin.reset_faults()
    tf.apply()
    assert set(alarms(aws, SECONDARY, suffix)) == {composite(SECONDARY, suffix), lag(SECONDARY, suffix)}
    tf.assert_plan_empty()
    tf.destroy()
    assert_gone(aws, suffix)
