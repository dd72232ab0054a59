"""drpair_global_database through real Terraform, checked against the AWS API.

Each test follows plugin-testing's shape: apply, the next plan is empty, checks that ask AWS
(not just state), destroy, and a sweep that finds nothing left with the test's suffix.
"""
import os
import re
import signal

import pytest

import configs
from aws import wait_until
from configs import PRIMARY, SECONDARY
from harness import REAL_AWS

ADDR = "drpair_global_database.orders"
# Attributes an import cannot recover: AWS never returns the password's version, and
# `timeouts` lives only in configuration (plugin-testing's ImportStateVerifyIgnore).
IMPORT_IGNORE = {"master_password_wo_version", "timeouts"}
WAIT = 3600 if REAL_AWS else 120  # seconds to wait for AWS-side state changes


def names(suffix):
    """AWS names the provider derives: <name>-<environment>-<suffix>[-<region>[-<n>]]."""
    gid = f"orders-{configs.ENVIRONMENT}-{suffix}"
    return gid, {r: f"{gid}-{r}" for r in (PRIMARY, SECONDARY)}


def region_of(arn):
    return arn.split(":")[3]


def assert_names_attribute(stderr, attr):
    """Terraform quotes the offending config line when a diagnostic carries an attribute
    path: `  17:   engine_version = "fifteen"`. Requiring it proves the path is precise."""
    assert re.search(rf"^\s*\d+:\s+{re.escape(attr)}\s*=", stderr, re.M), (
        f"error does not point at attribute {attr!r}:\n{stderr}")


def assert_writer_flags(db, writer):
    """Per-cluster `is_writer` (when the schema has it) agrees with `writer_region`."""
    flags = {r: c.get("is_writer") for r, c in db["clusters"].items() if "is_writer" in c}
    if flags:
        assert flags == {r: r == writer for r in flags}, flags


def assert_database_in_aws(aws, suffix, primary_instances, secondary_instances, rpo, writer=PRIMARY):
    """The global database as AWS reports it: members, writer, encryption, instances, RPO, tags."""
    gid, cluster_ids = names(suffix)
    gc = aws.global_cluster(gid)
    assert gc is not None, f"global cluster {gid} not found"
    members = {region_of(m["DBClusterArn"]): m for m in gc["GlobalClusterMembers"]}
    assert set(members) == {PRIMARY, SECONDARY}
    assert [r for r, m in members.items() if m["IsWriter"]] == [writer]
    for region, count in ((PRIMARY, primary_instances), (SECONDARY, secondary_instances)):
        rds = aws.rds(region)
        cluster = aws.cluster(region, cluster_ids[region])
        assert cluster is not None, f"cluster {cluster_ids[region]} missing"
        assert members[region]["DBClusterArn"] == cluster["DBClusterArn"]
        # Encrypted with a key of this region (a cross-region replica needs its own key).
        assert cluster["StorageEncrypted"] is True
        key = aws.kms(region).describe_key(KeyId=cluster["KmsKeyId"])["KeyMetadata"]
        assert region_of(key["Arn"]) == region and key["KeyState"] == "Enabled"
        # Instances <cluster>-1..N, all in this cluster.
        expected = sorted(f"{cluster_ids[region]}-{i}" for i in range(1, count + 1))
        assert sorted(m["DBInstanceIdentifier"] for m in cluster["DBClusterMembers"]) == expected
        for iid in expected:
            inst = rds.describe_db_instances(DBInstanceIdentifier=iid)["DBInstances"][0]
            assert inst["DBClusterIdentifier"] == cluster_ids[region]
            assert inst["DBInstanceClass"] == "db.r6g.large"
        # rds.global_db_rpo in both regions, so the bound still holds after a switchover.
        params = rds.describe_db_cluster_parameters(
            DBClusterParameterGroupName=cluster["DBClusterParameterGroup"])["Parameters"]
        rpo_values = [p.get("ParameterValue") for p in params if p["ParameterName"] == "rds.global_db_rpo"]
        assert rpo_values == [str(rpo)], f"{region}: rds.global_db_rpo = {rpo_values}"
        tags = {t["Key"]: t["Value"] for t in rds.list_tags_for_resource(
            ResourceName=cluster["DBClusterArn"])["TagList"]}
        assert tags.get("team") == "trading", f"default_tags missing on {cluster_ids[region]}: {tags}"


def destroy_and_sweep(tf, aws, suffix):
    tf.destroy()
    assert tf.state() == {}
    assert aws.sweep(suffix) == []


# ---- a) basic lifecycle + import -----------------------------------------------------------

def test_basic(tf, tf_factory, aws, standin, network, suffix):
    config = configs.global_database(standin.url, suffix, network)
    tf.write(config)
    tf.init()
    tf.apply()

    gid, cluster_ids = names(suffix)
    db = tf.state()[ADDR]
    assert db["id"] == db["global_cluster_id"] == gid
    assert db["writer_region"] == PRIMARY
    assert db["rpo_bound_seconds"] == 20
    assert db["master_password_wo"] is None  # write-only: never persisted
    assert configs.PASSWORD not in (tf.path / "terraform.tfstate").read_text()
    assert configs.PASSWORD not in tf.log_path.read_text()  # nor logged, even at debug
    assert set(db["clusters"]) == {PRIMARY, SECONDARY}
    assert_writer_flags(db, PRIMARY)
    assert db["clusters"][SECONDARY]["identifier"] == cluster_ids[SECONDARY]
    assert len(db["clusters"][PRIMARY]["instance_ids"]) == 2
    for region in (PRIMARY, SECONDARY):  # every sub-resource is recorded, clusters included
        assert any(i["region"] == region and cluster_ids[region] in i["id"] for i in db["inventory"]), (
            f"no inventory entry for {cluster_ids[region]}: {db['inventory']}")
    assert_database_in_aws(aws, suffix, primary_instances=2, secondary_instances=1, rpo=20)

    tf.assert_plan_empty()

    # Import by global cluster id into a fresh workspace with the same configuration.
    imported = tf_factory("import")
    imported.write(config)
    imported.init()
    imported.import_(ADDR, gid)
    want = {k: v for k, v in db.items() if k not in IMPORT_IGNORE}
    got = {k: v for k, v in imported.state()[ADDR].items() if k not in IMPORT_IGNORE}
    assert got == want
    # After import the only possible difference is what import cannot know (the password
    # version, timeouts): an in-place update of those alone, which converges when applied.
    plan = imported.plan()
    if plan.changes():
        assert plan.changes() == [(ADDR, ["update"])]
        assert plan.changed_attributes(ADDR) <= IMPORT_IGNORE, plan.changed_attributes(ADDR)
        imported.apply()
    imported.assert_plan_empty()
    tf.assert_plan_empty()

    destroy_and_sweep(tf, aws, suffix)


# ---- b) switchover and failover outside Terraform --------------------------------------------

def test_switchover_outside_terraform(tf, aws, standin, network, suffix):
    tf.write(configs.global_database(standin.url, suffix, network))
    tf.init()
    tf.apply()
    gid, _ = names(suffix)
    arns = {r: c["arn"] for r, c in tf.state()[ADDR]["clusters"].items()}

    aws.switchover(gid, SECONDARY)  # planned, RPO 0
    tf.assert_plan_empty()  # roles swapped: nothing to detach, promote or recreate
    tf.refresh()
    db = tf.state()[ADDR]
    assert db["writer_region"] == SECONDARY
    assert_writer_flags(db, SECONDARY)
    assert {r: c["arn"] for r, c in db["clusters"].items()} == arns  # same clusters, not new ones
    assert tf.output()["global_cluster_id"] == gid
    assert_database_in_aws(aws, suffix, 2, 1, 20, writer=SECONDARY)

    aws.switchover(gid, PRIMARY, allow_data_loss=True)  # unplanned failover back
    tf.assert_plan_empty()
    tf.refresh()
    assert tf.state()[ADDR]["writer_region"] == PRIMARY

    destroy_and_sweep(tf, aws, suffix)


# ---- c) secondary deleted outside Terraform ------------------------------------------------

def test_secondary_deleted_outside(tf, aws, standin, network, suffix):
    tf.write(configs.global_database(standin.url, suffix, network))
    tf.init()
    tf.apply()
    gid, cluster_ids = names(suffix)
    secondary = aws.cluster(SECONDARY, cluster_ids[SECONDARY])
    primary_before = aws.cluster(PRIMARY, cluster_ids[PRIMARY])
    rds = aws.rds(SECONDARY)

    # As an operator would: out of the global cluster first, then instances, then the cluster.
    rds.remove_from_global_cluster(GlobalClusterIdentifier=gid, DbClusterIdentifier=secondary["DBClusterArn"])
    wait_until(lambda: len(aws.global_cluster(gid)["GlobalClusterMembers"]) == 1,
               timeout=WAIT, what="secondary detached")

    # Detached but still there: it may hold writes made since, so the provider refuses to
    # delete it and says what to do; nothing is touched.
    assert tf.plan().changes() == [(ADDR, ["update"])]
    result = tf.apply(expect_fail=True)
    assert "detached outside Terraform" in result.stderr
    assert aws.cluster(SECONDARY, cluster_ids[SECONDARY])["DBClusterArn"] == secondary["DBClusterArn"]

    for m in secondary["DBClusterMembers"]:
        rds.delete_db_instance(DBInstanceIdentifier=m["DBInstanceIdentifier"], SkipFinalSnapshot=True)
    wait_until(lambda: not aws.cluster(SECONDARY, cluster_ids[SECONDARY])["DBClusterMembers"],
               timeout=WAIT, what="secondary instances deleted")
    rds.delete_db_cluster(DBClusterIdentifier=cluster_ids[SECONDARY], SkipFinalSnapshot=True)
    wait_until(lambda: aws.cluster(SECONDARY, cluster_ids[SECONDARY]) is None,
               timeout=WAIT, what="secondary cluster deleted")

    plan = tf.plan()
    assert plan.changes() == [(ADDR, ["update"])]  # an in-place repair, never a replace

    tf.apply()
    assert_database_in_aws(aws, suffix, primary_instances=2, secondary_instances=1, rpo=20)
    # Only the missing part was recreated: the writer cluster and its instances are the same.
    primary_after = aws.cluster(PRIMARY, cluster_ids[PRIMARY])
    assert primary_after["ClusterCreateTime"] == primary_before["ClusterCreateTime"]
    assert primary_after["DBClusterMembers"] == primary_before["DBClusterMembers"]
    assert aws.cluster(SECONDARY, cluster_ids[SECONDARY])["DBClusterArn"] == secondary["DBClusterArn"]
    tf.assert_plan_empty()
    destroy_and_sweep(tf, aws, suffix)


# ---- c2) updates in place, deletion protection ------------------------------------------------

def test_updates_in_place(tf, aws, standin, network, suffix):
    tf.write(configs.global_database(standin.url, suffix, network))
    tf.init()
    tf.apply()
    gid, cluster_ids = names(suffix)
    arns = {r: aws.cluster(r, cluster_ids[r])["DBClusterArn"] for r in (PRIMARY, SECONDARY)}

    # More instances in both regions, a wider RPO bound and a password rotation: one in-place
    # update, nothing replaced.
    tf.write(configs.global_database(standin.url, suffix, network, primary_instance_count=3,
                                     secondary_instance_count=2, max_rpo_seconds=30,
                                     master_password_wo_version=2))
    plan = tf.plan()
    assert plan.changes() == [(ADDR, ["update"])]
    tf.apply()
    assert_database_in_aws(aws, suffix, primary_instances=3, secondary_instances=2, rpo=30)
    assert {r: aws.cluster(r, cluster_ids[r])["DBClusterArn"] for r in (PRIMARY, SECONDARY)} == arns
    assert tf.state()[ADDR]["rpo_bound_seconds"] == 30
    tf.assert_plan_empty()

    # Fewer instances again: the surplus is deleted.
    tf.write(configs.global_database(standin.url, suffix, network, max_rpo_seconds=30,
                                     master_password_wo_version=2, deletion_protection=True))
    tf.apply()
    assert_database_in_aws(aws, suffix, primary_instances=2, secondary_instances=1, rpo=30)
    assert aws.global_cluster(gid)["DeletionProtection"] is True
    tf.assert_plan_empty()

    # Deletion protection holds: destroy refuses, says why, and deletes nothing.
    result = tf.destroy(expect_fail=True)
    assert "deletion_protection" in result.stderr
    assert_database_in_aws(aws, suffix, primary_instances=2, secondary_instances=1, rpo=30)

    tf.write(configs.global_database(standin.url, suffix, network, max_rpo_seconds=30,
                                     master_password_wo_version=2))
    tf.apply()
    destroy_and_sweep(tf, aws, suffix)


# ---- d) apply killed midway ----------------------------------------------------------------

def test_killed_apply_converges(tf, aws, standin, network, suffix):
    tf.write(configs.global_database(standin.url, suffix, network))
    tf.init()
    standin.faults(create_delay_seconds=4)  # clusters/instances stay `creating` for a while
    gid, _ = names(suffix)

    proc = tf.popen("apply", "-auto-approve", "-input=false", "-no-color")
    try:
        wait_until(lambda: proc.poll() is not None or aws.global_cluster(gid) is not None,
                   timeout=300, interval=0.2, what="global cluster to appear")
        assert proc.poll() is None, "apply ended before it could be killed (see popen.stdout)"
    finally:
        if proc.poll() is None:
            os.killpg(proc.pid, signal.SIGKILL)  # Terraform and the provider, no clean-up
        proc.wait()

    standin.reset_faults()
    tf.apply()  # adopts what the killed run created (deterministic names), creates the rest
    assert_database_in_aws(aws, suffix, 2, 1, 20)
    tf.assert_plan_empty()
    destroy_and_sweep(tf, aws, suffix)


# ---- d2) Ctrl-C: StopProvider cancels the waits, the provider records what exists ------------

@pytest.mark.skipif(REAL_AWS, reason="needs the stand-in's creation delay")
def test_interrupted_apply_stops_promptly_and_converges(tf, aws, standin, network, suffix):
    tf.write(configs.global_database(standin.url, suffix, network))
    tf.init()
    delay = 120  # far longer than the interrupted run may take: only StopProvider ends it early
    standin.faults(create_delay_seconds=delay)
    gid, _ = names(suffix)

    proc = tf.popen("apply", "-auto-approve", "-input=false", "-no-color")
    wait_until(lambda: proc.poll() is not None or aws.global_cluster(gid) is not None,
               timeout=60, interval=0.2, what="global cluster to appear")
    assert proc.poll() is None, "apply ended before it could be interrupted"
    os.kill(proc.pid, signal.SIGINT)  # as Ctrl-C: Terraform calls StopProvider
    assert proc.wait(timeout=delay / 2) != 0
    assert "StopProvider" in tf.log_path.read_text()

    standin.reset_faults()
    tf.apply()  # converges from what the interrupted run recorded or left behind
    assert_database_in_aws(aws, suffix, 2, 1, 20)
    tf.assert_plan_empty()
    destroy_and_sweep(tf, aws, suffix)


# ---- e) throttled API ----------------------------------------------------------------------

def test_throttled(tf, aws, standin, network, suffix):
    tf.write(configs.global_database(standin.url, suffix, network))
    tf.init()
    standin.faults(throttle_rate=0.2)  # 20% of all calls answer ThrottlingException
    tf.apply()
    tf.assert_plan_empty()
    tf.destroy()
    standin.reset_faults()
    assert aws.sweep(suffix) == []


# ---- f) bad inputs fail at plan, before any AWS call ------------------------------------------

BAD_INPUTS = [
    ("engine_version", "fifteen"),
    ("primary_instance_count", 0),
    ("primary_instance_count", 17),
    ("max_rpo_seconds", 10),
    ("master_password_wo", "short"),
    ("name", "a" * 60),  # orders-... names would pass RDS's 63-character limit
]


@pytest.mark.parametrize("attr,value", BAD_INPUTS,
                         ids=[f"{a}={str(v)[:10]}" for a, v in BAD_INPUTS])
def test_bad_input(tf, aws, standin, suffix, attr, value):
    # Ids that exist nowhere: a provider that called AWS at plan would have to fail anyway.
    tf.write(configs.global_database(standin.url, suffix, configs.fake_network(), **{attr: value}))
    tf.init()
    before = None if standin.real_aws else standin.request_count()
    res = tf.plan(expect_fail=True)
    assert_names_attribute(res.stderr, attr)
    if before is not None:
        assert standin.request_count() == before, "the provider called AWS while planning bad input"
    assert aws.sweep(suffix) == []


def test_bad_input_baseline_plans(tf, standin, suffix):
    """The same configuration with valid values plans one create, so each failure above is
    caused by its own attribute."""
    tf.write(configs.global_database(standin.url, suffix, configs.fake_network()))
    tf.init()
    assert tf.plan().changes() == [(ADDR, ["create"])]


# ---- g) provider: same region twice ----------------------------------------------------------

def test_same_regions(tf, suffix):
    # validate never contacts AWS, so the endpoint may point nowhere.
    tf.write(configs.global_database("http://127.0.0.1:9", suffix, configs.fake_network(),
                                     provider_overrides={"secondary_region": PRIMARY}))
    tf.init()
    res = tf.validate(expect_fail=True)
    assert_names_attribute(res.stderr, "secondary_region")
