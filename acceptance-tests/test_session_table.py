"""drpair_session_table through real Terraform, checked against DynamoDB in both regions."""
import os
import signal

import pytest

import configs
from aws import wait_until
from harness import REAL_AWS
from configs import PRIMARY, SECONDARY, hcl

ADDR = "drpair_session_table.sessions"


def table_hcl(endpoint, suffix, **overrides):
    args = {"name": "sessions", "hash_key": "session_id", "ttl_attribute": "expires_at"}
    args.update(overrides)
    body = "\n".join(f"  {k} = {hcl(v)}" for k, v in args.items() if v is not None)
    return configs.provider(endpoint, suffix) + f'\nresource "drpair_session_table" "sessions" {{\n{body}\n}}\n'


def table_name(suffix):
    return f"sessions-{configs.ENVIRONMENT}-{suffix}"


def ddb(aws, region):
    return aws.client("dynamodb", region)


def describe(aws, region, suffix):
    try:
        return ddb(aws, region).describe_table(TableName=table_name(suffix))["Table"]
    except ddb(aws, region).exceptions.ResourceNotFoundException:
        return None


def pitr(aws, region, suffix):
    d = ddb(aws, region).describe_continuous_backups(TableName=table_name(suffix))
    return d["ContinuousBackupsDescription"]["PointInTimeRecoveryDescription"]["PointInTimeRecoveryStatus"]


def assert_gone(aws, suffix):
    assert describe(aws, PRIMARY, suffix) is None and describe(aws, SECONDARY, suffix) is None


def test_session_table_lifecycle(tf, tf_factory, aws, standin, suffix):
    tf.write(table_hcl(standin.url, suffix))
    tf.init()
    tf.apply()
    home = describe(aws, PRIMARY, suffix)
    assert {r["RegionName"] for r in home["Replicas"]} >= {SECONDARY}
    assert home["StreamSpecification"]["StreamViewType"] == "NEW_AND_OLD_IMAGES"
    assert home["SSEDescription"]["SSEType"] == "KMS"
    assert describe(aws, SECONDARY, suffix) is not None
    # PITR is per replica: on in both regions.
    assert pitr(aws, PRIMARY, suffix) == pitr(aws, SECONDARY, suffix) == "ENABLED"
    ttl = ddb(aws, PRIMARY).describe_time_to_live(TableName=table_name(suffix))["TimeToLiveDescription"]
    assert ttl["AttributeName"] == "expires_at"
    # A session written in one region is readable in the other.
    ddb(aws, PRIMARY).put_item(TableName=table_name(suffix), Item={"session_id": {"S": "s-1"}})
    got = ddb(aws, SECONDARY).get_item(TableName=table_name(suffix), Key={"session_id": {"S": "s-1"}})
    assert got["Item"]["session_id"]["S"] == "s-1"
    state = tf.state()[ADDR]
    assert set(state["table_arns"]) == {PRIMARY, SECONDARY}
    assert state["rpo_bound_seconds"] is None and "unbounded" in state["rpo"]
    tf.assert_plan_empty()

    # PITR switched off on the replica outside Terraform: detected, repaired in place.
    ddb(aws, SECONDARY).update_continuous_backups(
        TableName=table_name(suffix), PointInTimeRecoverySpecification={"PointInTimeRecoveryEnabled": False})
    assert tf.plan().changes() == [(ADDR, ["update"])]
    tf.apply()
    assert pitr(aws, SECONDARY, suffix) == "ENABLED"
    tf.assert_plan_empty()

    # Replica removed outside Terraform: re-added in place, the primary table untouched.
    arn = home["TableArn"]
    ddb(aws, PRIMARY).update_table(TableName=table_name(suffix),
                                   ReplicaUpdates=[{"Delete": {"RegionName": SECONDARY}}])
    wait_until(lambda: describe(aws, SECONDARY, suffix) is None, timeout=60, what="replica deleted")
    assert tf.plan().changes() == [(ADDR, ["update"])]
    tf.apply()
    assert describe(aws, SECONDARY, suffix) is not None
    assert describe(aws, PRIMARY, suffix)["TableArn"] == arn
    tf.assert_plan_empty()

    # Import by table name round-trips.
    imported = tf_factory("import")
    imported.write(table_hcl(standin.url, suffix))
    imported.init()
    imported.import_(ADDR, table_name(suffix))
    want = {k: v for k, v in tf.state()[ADDR].items() if k != "timeouts"}
    got = {k: v for k, v in imported.state()[ADDR].items() if k != "timeouts"}
    assert got == want
    imported.assert_plan_empty()

    tf.destroy()
    assert_gone(aws, suffix)


def test_session_table_strong_consistency(tf, aws, standin, suffix):
    tf.write(table_hcl(standin.url, suffix, ttl_attribute=None, consistency="strong"))
    tf.init()
    result = tf.apply()
    assert "Strong consistency: what it requires" in result.stdout + result.stderr
    home = describe(aws, PRIMARY, suffix)
    assert home["MultiRegionConsistency"] == "STRONG"
    assert [w["RegionName"] for w in home.get("GlobalTableWitnesses", [])] == ["us-west-2"]
    assert tf.state()[ADDR]["rpo_bound_seconds"] == 0
    tf.assert_plan_empty()
    tf.destroy()
    assert_gone(aws, suffix)


def test_session_table_throttled(tf, aws, standin, suffix):
    tf.write(table_hcl(standin.url, suffix))
    tf.init()
    standin.faults(throttle_rate=0.2)
    tf.apply()
    tf.assert_plan_empty()
    tf.destroy()
    standin.reset_faults()
    assert_gone(aws, suffix)


BAD = [
    ({"consistency": "strong"}, "ttl_attribute"),  # TTL is refused on MRSC tables
    ({"ttl_attribute": None, "consistency": "strong", "witness_region": "us-east-2"}, "witness_region"),
    ({"billing_mode": "PROVISIONED", "read_capacity": 5}, "write_capacity"),
    ({"hash_key_type": "X"}, "hash_key_type"),
]


@pytest.mark.parametrize("overrides,named", BAD, ids=[n for _, n in BAD])
def test_session_table_bad_input(tf, standin, suffix, overrides, named):
    tf.write(table_hcl(standin.url, suffix, **overrides))
    tf.init()
    before = standin.request_count()
    result = tf.plan(expect_fail=True)
    assert named in result.stderr
    assert standin.request_count() == before


@pytest.mark.skipif(REAL_AWS, reason="needs the stand-in's delays")
def test_session_table_killed_apply_converges(tf, aws, standin, suffix):
    tf.write(table_hcl(standin.url, suffix))
    tf.init()
    standin.faults(create_delay_seconds=4)  # the table stays CREATING for a while
    proc = tf.popen("apply", "-auto-approve", "-input=false", "-no-color")
    try:
        wait_until(lambda: proc.poll() is not None or describe(aws, PRIMARY, suffix) is not None,
                   timeout=60, interval=0.2, what="table to appear")
        assert proc.poll() is None, "apply ended before it could be killed"
    finally:
        if proc.poll() is None:
            os.killpg(proc.pid, signal.SIGKILL)  # Terraform and the provider, no clean-up
        proc.wait()
    standin.reset_faults()
    tf.apply()  # adopts the table the killed run created, adds the replica
    assert {r["RegionName"] for r in describe(aws, PRIMARY, suffix)["Replicas"]} >= {SECONDARY}
    tf.assert_plan_empty()
    tf.destroy()
    assert_gone(aws, suffix)
