"""RDS global-database behaviour added or fixed by drpair_standin.rds_ext, through boto3."""
import time

import pytest
from botocore.exceptions import ClientError

from conftest import ACCOUNT, PRIMARY, SECONDARY, cluster_arn, roles


def error(excinfo):
    err = excinfo.value.response
    return err["Error"]["Code"], err["ResponseMetadata"]["HTTPStatusCode"]


def test_switchover_flips_roles(global_db):
    rds = global_db["rds"]
    assert roles(rds[PRIMARY]) == {global_db["prim"]: True, global_db["sec"]: False}
    gc = rds[PRIMARY].switchover_global_cluster(GlobalClusterIdentifier="g1",
                                                TargetDbClusterIdentifier=global_db["sec"])["GlobalCluster"]
    members = {m["DBClusterArn"]: m for m in gc["GlobalClusterMembers"]}
    assert members[global_db["sec"]]["IsWriter"] and not members[global_db["prim"]]["IsWriter"]
    assert members[global_db["sec"]]["Readers"] == [global_db["prim"]]
    assert roles(rds[SECONDARY]) == {global_db["prim"]: False, global_db["sec"]: True}
    # and back home
    rds[SECONDARY].switchover_global_cluster(GlobalClusterIdentifier="g1",
                                             TargetDbClusterIdentifier=global_db["prim"])
    assert roles(rds[PRIMARY]) == {global_db["prim"]: True, global_db["sec"]: False}


def test_switchover_errors(global_db, faults):
    rds = global_db["rds"][SECONDARY]
    with pytest.raises(ClientError) as e:
        rds.switchover_global_cluster(GlobalClusterIdentifier="nope", TargetDbClusterIdentifier=global_db["sec"])
    assert error(e) == ("GlobalClusterNotFoundFault", 404)
    with pytest.raises(ClientError) as e:
        rds.switchover_global_cluster(GlobalClusterIdentifier="g1", TargetDbClusterIdentifier=global_db["prim"])
    assert error(e) == ("InvalidGlobalClusterStateFault", 400)  # already the writer
    with pytest.raises(ClientError) as e:
        rds.switchover_global_cluster(GlobalClusterIdentifier="g1",
                                      TargetDbClusterIdentifier=cluster_arn(SECONDARY, "other"))
    assert error(e) == ("DBClusterNotFoundFault", 404)
    faults(outage_regions=[PRIMARY])  # a planned switchover needs the writer's region
    with pytest.raises(ClientError) as e:
        rds.switchover_global_cluster(GlobalClusterIdentifier="g1", TargetDbClusterIdentifier=global_db["sec"])
    assert error(e) == ("InvalidGlobalClusterStateFault", 400)
    with pytest.raises(ClientError) as e:  # without AllowDataLoss a failover is a switchover
        rds.failover_global_cluster(GlobalClusterIdentifier="g1", TargetDbClusterIdentifier=global_db["sec"])
    assert error(e) == ("InvalidGlobalClusterStateFault", 400)


def test_failover_with_data_loss_during_writer_outage(global_db, faults, aws):
    faults(outage_regions=[PRIMARY])
    with pytest.raises(ClientError) as e:
        global_db["rds"][PRIMARY].describe_db_clusters()
    assert error(e) == ("ServiceUnavailable", 503)
    west = global_db["rds"][SECONDARY]
    gc = west.failover_global_cluster(GlobalClusterIdentifier="g1", TargetDbClusterIdentifier=global_db["sec"],
                                      AllowDataLoss=True)["GlobalCluster"]
    assert {m["DBClusterArn"]: m["IsWriter"] for m in gc["GlobalClusterMembers"]} == {
        global_db["prim"]: False, global_db["sec"]: True}
    assert roles(west) == {global_db["prim"]: False, global_db["sec"]: True}
    faults(outage_regions=[])  # the old writer comes back as a secondary
    assert roles(global_db["rds"][PRIMARY]) == {global_db["prim"]: False, global_db["sec"]: True}


def test_failover_without_data_loss_is_a_switchover(global_db):
    west = global_db["rds"][SECONDARY]
    west.failover_global_cluster(GlobalClusterIdentifier="g1", TargetDbClusterIdentifier=global_db["sec"],
                                 Switchover=True)
    assert roles(west) == {global_db["prim"]: False, global_db["sec"]: True}
    with pytest.raises(ClientError) as e:
        west.failover_global_cluster(GlobalClusterIdentifier="g1", TargetDbClusterIdentifier=global_db["prim"],
                                     AllowDataLoss=True, Switchover=True)
    assert error(e) == ("InvalidParameterCombination", 400)


def test_remove_from_global_cluster(global_db):
    rds = global_db["rds"]
    with pytest.raises(ClientError) as e:  # the writer goes last
        rds[PRIMARY].remove_from_global_cluster(GlobalClusterIdentifier="g1", DbClusterIdentifier=global_db["prim"])
    assert error(e) == ("InvalidGlobalClusterStateFault", 400)
    gc = rds[SECONDARY].remove_from_global_cluster(GlobalClusterIdentifier="g1",
                                                   DbClusterIdentifier=global_db["sec"])["GlobalCluster"]
    assert gc["GlobalClusterIdentifier"] == "g1"
    assert [(m["DBClusterArn"], m["IsWriter"]) for m in gc["GlobalClusterMembers"]] == [(global_db["prim"], True)]
    sec = rds[SECONDARY].describe_db_clusters(DBClusterIdentifier="sec")["DBClusters"][0]
    assert "GlobalClusterIdentifier" not in sec  # standalone now
    with pytest.raises(ClientError) as e:
        rds[SECONDARY].remove_from_global_cluster(GlobalClusterIdentifier="g1", DbClusterIdentifier=global_db["sec"])
    assert error(e) == ("DBClusterNotFoundFault", 404)
    gc = rds[PRIMARY].remove_from_global_cluster(GlobalClusterIdentifier="g1",
                                                 DbClusterIdentifier=global_db["prim"])["GlobalCluster"]
    assert gc["GlobalClusterMembers"] == []


def test_delete_rules_for_global_members(global_db):
    rds = global_db["rds"]
    with pytest.raises(ClientError) as e:
        rds[SECONDARY].delete_db_cluster(DBClusterIdentifier="sec", SkipFinalSnapshot=True)
    assert error(e) == ("InvalidDBClusterStateFault", 400)
    with pytest.raises(ClientError) as e:
        rds[PRIMARY].delete_db_cluster(DBClusterIdentifier="prim", SkipFinalSnapshot=True)
    assert error(e) == ("InvalidGlobalClusterStateFault", 400)
    with pytest.raises(ClientError) as e:
        rds[PRIMARY].delete_global_cluster(GlobalClusterIdentifier="g1")
    assert error(e) == ("InvalidGlobalClusterStateFault", 400)
    assert len(roles(rds[PRIMARY])) == 2  # nothing was detached by the refused calls


def test_create_delay(aws, faults):
    faults(create_delay_seconds=1.5)
    rds = aws("rds", SECONDARY)
    t0 = time.monotonic()
    created = rds.create_db_cluster(DBClusterIdentifier="c1", Engine="aurora-postgresql",
                                    MasterUsername="admin1", MasterUserPassword="password123")
    inst = rds.create_db_instance(DBInstanceIdentifier="c1-1", DBClusterIdentifier="c1",
                                  Engine="aurora-postgresql", DBInstanceClass="db.r6g.large")
    assert created["DBCluster"]["Status"] == "creating"
    assert inst["DBInstance"]["DBInstanceStatus"] == "creating"
    seen = []
    while time.monotonic() - t0 < 4:
        c = rds.describe_db_clusters(DBClusterIdentifier="c1")["DBClusters"][0]["Status"]
        i = rds.describe_db_instances(DBInstanceIdentifier="c1-1")["DBInstances"][0]["DBInstanceStatus"]
        seen.append((round(time.monotonic() - t0, 1), c, i))
        if c == i == "available":
            break
        time.sleep(0.25)
    print("status timeline:", seen)
    assert "KmsKeyId" not in created["DBCluster"]  # unencrypted: no key, as AWS
    assert seen[0][1:] == ("creating", "creating")
    assert seen[-1][1:] == ("available", "available")
    assert 1.4 <= seen[-1][0] <= 2.5
    rds.create_db_cluster_snapshot(DBClusterSnapshotIdentifier="s1", DBClusterIdentifier="c1")



# ---- create delay on a global database: the provider's create-then-wait sequence ------------

DELAY = 2.0  # seconds of `creating`; the tests below allow 80% of it as slack


def _global_writer(aws, name="prim"):
    """Encrypted global cluster g1 and its writer `name` in PRIMARY; returns (rds, key ARNs)."""
    rds = {r: aws("rds", r) for r in (PRIMARY, SECONDARY)}
    keys = {r: aws("kms", r).create_key()["KeyMetadata"]["Arn"] for r in rds}
    rds[PRIMARY].create_global_cluster(GlobalClusterIdentifier="g1", Engine="aurora-postgresql",
                                       EngineVersion="15.4", StorageEncrypted=True)
    _create_writer(rds, keys, name)
    return rds, keys


def _create_writer(rds, keys, name="prim"):
    return rds[PRIMARY].create_db_cluster(
        DBClusterIdentifier=name, Engine="aurora-postgresql", EngineVersion="15.4",
        GlobalClusterIdentifier="g1", KmsKeyId=keys[PRIMARY], MasterUsername="admin1",
        MasterUserPassword="password123")["DBCluster"]


def _create_secondary(rds, keys):
    """The secondary as the provider creates it: no credentials, they come from the writer."""
    return rds[SECONDARY].create_db_cluster(
        DBClusterIdentifier="sec", Engine="aurora-postgresql", EngineVersion="15.4",
        GlobalClusterIdentifier="g1", KmsKeyId=keys[SECONDARY])["DBCluster"]


def _status_timeline(describe, limit=DELAY + 2):
    """[(seconds since start, status)] polled every 0.1 s until `available` or `limit`."""
    t0, seen = time.monotonic(), []
    while time.monotonic() - t0 < limit:
        seen.append((time.monotonic() - t0, describe()))
        if seen[-1][1] == "available":
            break
        time.sleep(0.1)
    return seen


def _assert_creating_for_the_delay(seen):
    states = [s for _, s in seen]
    assert states[-1] == "available", seen
    assert set(states[:-1]) == {"creating"}, seen  # nothing but creating until then
    last_creating = max(t for t, s in seen if s == "creating")
    assert last_creating >= 0.8 * DELAY, seen  # was: available after the first poll (~0.2 s)


def test_create_delay_holds_global_writer_and_instance(aws, faults):
    faults(create_delay_seconds=DELAY)
    rds, _ = _global_writer(aws)
    rds[PRIMARY].create_db_instance(DBInstanceIdentifier="prim-1", DBClusterIdentifier="prim",
                                    Engine="aurora-postgresql", DBInstanceClass="db.r6g.large")
    cluster = _status_timeline(
        lambda: rds[PRIMARY].describe_db_clusters(DBClusterIdentifier="prim")["DBClusters"][0]["Status"])
    _assert_creating_for_the_delay(cluster)
    instance = _status_timeline(lambda: rds[PRIMARY].describe_db_instances(
        DBInstanceIdentifier="prim-1")["DBInstances"][0]["DBInstanceStatus"], limit=1)
    assert instance[-1][1] == "available"  # created right after the cluster: its delay is over too
    assert roles(rds[PRIMARY]) == {cluster_arn(PRIMARY, "prim"): True}


def test_secondary_finds_writer_whatever_its_status(aws, faults):
    faults(create_delay_seconds=DELAY)
    rds, keys = _global_writer(aws)
    assert rds[PRIMARY].describe_db_clusters(DBClusterIdentifier="prim")["DBClusters"][0]["Status"] == "creating"
    sec = _create_secondary(rds, keys)  # while the writer is still creating, as AWS allows
    assert sec["MasterUsername"] == "admin1" and sec["Status"] == "creating"
    rds[SECONDARY].remove_from_global_cluster(GlobalClusterIdentifier="g1",
                                              DbClusterIdentifier=cluster_arn(SECONDARY, "sec"))
    rds[SECONDARY].delete_db_cluster(DBClusterIdentifier="sec", SkipFinalSnapshot=True)
    rds[PRIMARY].get_waiter("db_cluster_available").wait(DBClusterIdentifier="prim",
                                                         WaiterConfig={"Delay": 1, "MaxAttempts": 10})
    sec = _create_secondary(rds, keys)  # and once it is available, delay still configured
    assert sec["MasterUsername"] == "admin1" and sec["Status"] == "creating"
    assert roles(rds[SECONDARY]) == {cluster_arn(PRIMARY, "prim"): True, cluster_arn(SECONDARY, "sec"): False}


def test_recreated_writer_is_a_whole_cluster(aws, faults):
    """The observed failure: a writer re-created under a name used within the same minute.

    moto named the old cluster's automated snapshot rds:prim-<minute> and kept it after the
    delete, so the new create failed half-way with DBClusterSnapshotAlreadyExistsFault (which a
    provider takes for "already exists"), leaving a cluster with no delay and no global cluster:
    available ~0.2 s later, and the secondary then failed for want of a MasterUsername.
    """
    rds, keys = _global_writer(aws)
    rds[PRIMARY].delete_db_cluster(DBClusterIdentifier="prim", SkipFinalSnapshot=True)
    assert rds[PRIMARY].describe_db_cluster_snapshots(DBClusterIdentifier="prim")["DBClusterSnapshots"] == []
    faults(create_delay_seconds=DELAY)
    _create_writer(rds, keys)
    with pytest.raises(ClientError) as e:  # a repeat is refused and leaves the cluster alone
        _create_writer(rds, keys)
    assert error(e) == ("DBClusterAlreadyExistsFault", 400)
    assert roles(rds[PRIMARY]) == {cluster_arn(PRIMARY, "prim"): True}
    _assert_creating_for_the_delay(_status_timeline(
        lambda: rds[PRIMARY].describe_db_clusters(DBClusterIdentifier="prim")["DBClusters"][0]["Status"]))
    assert _create_secondary(rds, keys)["MasterUsername"] == "admin1"
    assert roles(rds[PRIMARY]) == {cluster_arn(PRIMARY, "prim"): True, cluster_arn(SECONDARY, "sec"): False}

def test_encrypted_without_key_uses_rds_managed_key(aws):
    rds, kms = aws("rds", SECONDARY), aws("kms", SECONDARY)
    c = rds.create_db_cluster(DBClusterIdentifier="c2", Engine="aurora-postgresql", StorageEncrypted=True,
                              MasterUsername="admin1", MasterUserPassword="password123")["DBCluster"]
    assert c["KmsKeyId"] == kms.describe_key(KeyId="alias/aws/rds")["KeyMetadata"]["Arn"]


def test_provider_flow(aws):
    """The calls a DR provider makes to build and tear down a two-region Aurora global database."""
    regions = (PRIMARY, SECONDARY)
    rds = {r: aws("rds", r) for r in regions}
    keys = {}
    for r in regions:
        keys[r] = aws("kms", r).create_key(Description="drpair")["KeyMetadata"]
        assert keys[r]["Arn"] == f"arn:aws:kms:{r}:{ACCOUNT}:key/{keys[r]['KeyId']}"
        with pytest.raises(ClientError) as e:  # moto checks subnet ids against EC2
            rds[r].create_db_subnet_group(DBSubnetGroupName="sg1", DBSubnetGroupDescription="d",
                                          SubnetIds=["subnet-12345678", "subnet-87654321"])
        assert error(e) == ("InvalidSubnetID.NotFound", 400)
        ec2 = aws("ec2", r)
        vpc = ec2.create_vpc(CidrBlock="10.0.0.0/16")["Vpc"]["VpcId"]
        subnets = [ec2.create_subnet(VpcId=vpc, CidrBlock=f"10.0.{i}.0/24", AvailabilityZone=f"{r}{az}")
                   ["Subnet"]["SubnetId"] for i, az in enumerate("ab")]
        sg = rds[r].create_db_subnet_group(DBSubnetGroupName="sg1", DBSubnetGroupDescription="d",
                                           SubnetIds=subnets)["DBSubnetGroup"]
        assert sg["VpcId"] == vpc and sg["SubnetGroupStatus"] == "Complete"
        rds[r].create_db_cluster_parameter_group(DBClusterParameterGroupName="cpg1", Description="d",
                                                 DBParameterGroupFamily="aurora-postgresql15")
        rds[r].modify_db_cluster_parameter_group(DBClusterParameterGroupName="cpg1", Parameters=[
            {"ParameterName": "rds.global_db_rpo", "ParameterValue": "20", "ApplyMethod": "immediate"}])
        params = rds[r].describe_db_cluster_parameters(DBClusterParameterGroupName="cpg1")["Parameters"]
        assert {"ParameterName": "rds.global_db_rpo", "ParameterValue": "20",
                "ApplyMethod": "immediate"} in params

    gc = rds[PRIMARY].create_global_cluster(GlobalClusterIdentifier="g1", Engine="aurora-postgresql",
                                            EngineVersion="15.4", StorageEncrypted=True)["GlobalCluster"]
    assert gc["GlobalClusterArn"] == f"arn:aws:rds::{ACCOUNT}:global-cluster:g1"
    with pytest.raises(ClientError) as e:
        rds[PRIMARY].create_db_cluster(DBClusterIdentifier="x", Engine="aurora-postgresql",
                                       GlobalClusterIdentifier="nope", MasterUsername="a",
                                       MasterUserPassword="password123")
    assert error(e) == ("GlobalClusterNotFoundFault", 404)
    common = dict(Engine="aurora-postgresql", EngineVersion="15.4", GlobalClusterIdentifier="g1",
                  DBSubnetGroupName="sg1", DBClusterParameterGroupName="cpg1")
    with pytest.raises(ClientError) as e:  # the first member (the writer) needs credentials
        rds[PRIMARY].create_db_cluster(DBClusterIdentifier="prim", **common)
    assert error(e) == ("InvalidParameterValue", 400)
    prim = rds[PRIMARY].create_db_cluster(DBClusterIdentifier="prim", KmsKeyId=keys[PRIMARY]["KeyId"],
                                          MasterUsername="admin1", MasterUserPassword="password123",
                                          **common)["DBCluster"]
    assert prim["KmsKeyId"] == keys[PRIMARY]["Arn"]  # a key id comes back as the key's ARN
    assert prim["StorageEncrypted"] and prim["GlobalClusterIdentifier"] == "g1"
    for i in (1, 2):
        rds[PRIMARY].create_db_instance(DBInstanceIdentifier=f"prim-{i}", DBClusterIdentifier="prim",
                                        Engine="aurora-postgresql", DBInstanceClass="db.r6g.large")
    with pytest.raises(ClientError) as e:  # encrypted cross-region secondary needs its own key
        rds[SECONDARY].create_db_cluster(DBClusterIdentifier="sec", **common)
    assert error(e) == ("InvalidParameterCombination", 400)
    with pytest.raises(ClientError) as e:  # the key must be in the cluster's region
        rds[SECONDARY].create_db_cluster(DBClusterIdentifier="sec", KmsKeyId=keys[PRIMARY]["Arn"], **common)
    assert error(e) == ("KMSKeyNotAccessibleFault", 400)
    # boto3 turns SourceRegion into a presigned URL (PreSignedUrl); moto ignores it
    sec = rds[SECONDARY].create_db_cluster(DBClusterIdentifier="sec", KmsKeyId=keys[SECONDARY]["Arn"],
                                           SourceRegion=PRIMARY, **common)["DBCluster"]
    assert sec["KmsKeyId"] == keys[SECONDARY]["Arn"] and sec["StorageEncrypted"]
    assert sec["MasterUsername"] == "admin1"  # shared with the writer
    rds[SECONDARY].create_db_instance(DBInstanceIdentifier="sec-1", DBClusterIdentifier="sec",
                                      Engine="aurora-postgresql", DBInstanceClass="db.r6g.large")
    for r in regions:
        gcs = rds[r].describe_global_clusters()["GlobalClusters"]
        assert [g["GlobalClusterIdentifier"] for g in gcs] == ["g1"]
        members = {m["DBClusterArn"]: m for m in gcs[0]["GlobalClusterMembers"]}
        assert members[cluster_arn(PRIMARY, "prim")]["IsWriter"] is True
        assert members[cluster_arn(PRIMARY, "prim")]["Readers"] == [cluster_arn(SECONDARY, "sec")]
        assert members[cluster_arn(SECONDARY, "sec")]["IsWriter"] is False
    writers = [m["IsClusterWriter"] for m in
               rds[PRIMARY].describe_db_clusters(DBClusterIdentifier="prim")["DBClusters"][0]["DBClusterMembers"]]
    assert writers == [True, False]

    # tear-down in AWS order
    rds[SECONDARY].remove_from_global_cluster(GlobalClusterIdentifier="g1",
                                              DbClusterIdentifier=cluster_arn(SECONDARY, "sec"))
    for r, name in ((SECONDARY, "sec-1"), (PRIMARY, "prim-1"), (PRIMARY, "prim-2")):
        assert rds[r].delete_db_instance(DBInstanceIdentifier=name, SkipFinalSnapshot=True)[
            "DBInstance"]["DBInstanceStatus"] == "deleting"
    rds[SECONDARY].delete_db_cluster(DBClusterIdentifier="sec", SkipFinalSnapshot=True)
    rds[PRIMARY].delete_db_cluster(DBClusterIdentifier="prim", SkipFinalSnapshot=True)  # last member
    rds[PRIMARY].delete_global_cluster(GlobalClusterIdentifier="g1")
    for r in regions:
        rds[r].delete_db_cluster_parameter_group(DBClusterParameterGroupName="cpg1")
        rds[r].delete_db_subnet_group(DBSubnetGroupName="sg1")
        kms = aws("kms", r)
        kms.schedule_key_deletion(KeyId=keys[r]["KeyId"], PendingWindowInDays=7)
        assert kms.describe_key(KeyId=keys[r]["KeyId"])["KeyMetadata"]["KeyState"] == "PendingDeletion"

    # what describing a deleted thing answers
    not_found = [
        (lambda: rds[PRIMARY].describe_db_instances(DBInstanceIdentifier="prim-1"), ("DBInstanceNotFound", 404)),
        (lambda: rds[PRIMARY].describe_db_clusters(DBClusterIdentifier="prim"), ("DBClusterNotFoundFault", 404)),
        (lambda: rds[PRIMARY].describe_global_clusters(GlobalClusterIdentifier="g1"),
         ("GlobalClusterNotFoundFault", 404)),
        (lambda: rds[PRIMARY].delete_global_cluster(GlobalClusterIdentifier="g1"),
         ("GlobalClusterNotFoundFault", 404)),
        (lambda: rds[PRIMARY].describe_db_cluster_parameter_groups(DBClusterParameterGroupName="cpg1"),
         ("DBParameterGroupNotFound", 404)),
        (lambda: rds[PRIMARY].describe_db_subnet_groups(DBSubnetGroupName="sg1"),
         ("DBSubnetGroupNotFoundFault", 404)),
        (lambda: aws("kms", PRIMARY).describe_key(KeyId="11111111-2222-3333-4444-555555555555"),
         ("NotFoundException", 400)),
    ]
    for call, expected in not_found:
        with pytest.raises(ClientError) as e:
            call()
        assert error(e) == expected


# ---- ModifyGlobalCluster, protected delete, ResetDBClusterParameterGroup ----------------------

def _describe_global(rds, name="g1"):
    return rds.describe_global_clusters(GlobalClusterIdentifier=name)["GlobalClusters"][0]


def global_db_arn(name="g1"):
    return f"arn:aws:rds::{ACCOUNT}:global-cluster:{name}"


def test_global_cluster_deletion_protection(aws):
    rds = aws("rds", PRIMARY)
    gc = rds.create_global_cluster(GlobalClusterIdentifier="g1", Engine="aurora-postgresql",
                                   EngineVersion="15.4", DeletionProtection=True)["GlobalCluster"]
    assert gc["DeletionProtection"] is True and _describe_global(rds)["DeletionProtection"] is True
    with pytest.raises(ClientError) as e:
        rds.delete_global_cluster(GlobalClusterIdentifier="g1")
    assert error(e) == ("InvalidParameterCombination", 400)
    assert "Cannot delete protected global cluster" in e.value.response["Error"]["Message"]
    gc = rds.modify_global_cluster(GlobalClusterIdentifier="g1", DeletionProtection=False)["GlobalCluster"]
    assert gc["DeletionProtection"] is False and gc["EngineVersion"] == "15.4"
    assert _describe_global(aws("rds", SECONDARY))["DeletionProtection"] is False  # seen from any region
    rds.modify_global_cluster(GlobalClusterIdentifier="g1", DeletionProtection=True)
    assert _describe_global(rds)["DeletionProtection"] is True
    rds.modify_global_cluster(GlobalClusterIdentifier="g1", DeletionProtection=False)
    rds.delete_global_cluster(GlobalClusterIdentifier="g1")
    rds.create_global_cluster(GlobalClusterIdentifier="g2", Engine="aurora-postgresql")
    assert _describe_global(rds, "g2")["DeletionProtection"] is False  # the default


def test_modify_global_cluster_engine_version(global_db):
    rds = global_db["rds"]

    def versions():
        return (_describe_global(rds[PRIMARY])["EngineVersion"],
                rds[PRIMARY].describe_db_clusters(DBClusterIdentifier="prim")["DBClusters"][0]["EngineVersion"],
                rds[SECONDARY].describe_db_clusters(DBClusterIdentifier="sec")["DBClusters"][0]["EngineVersion"])

    gc = rds[PRIMARY].modify_global_cluster(GlobalClusterIdentifier="g1", EngineVersion="15.5")["GlobalCluster"]
    assert gc["EngineVersion"] == "15.5" and len(gc["GlobalClusterMembers"]) == 2
    assert versions() == ("15.5", "15.5", "15.5")  # minor: no flag needed, members follow
    with pytest.raises(ClientError) as e:  # major without AllowMajorVersionUpgrade
        rds[PRIMARY].modify_global_cluster(GlobalClusterIdentifier="g1", EngineVersion="16.1")
    assert error(e) == ("InvalidParameterCombination", 400)
    assert versions() == ("15.5", "15.5", "15.5")
    rds[SECONDARY].modify_global_cluster(GlobalClusterIdentifier=global_db_arn(), EngineVersion="16.1",
                                         AllowMajorVersionUpgrade=True, DeletionProtection=True)
    assert versions() == ("16.1", "16.1", "16.1")
    assert _describe_global(rds[PRIMARY])["DeletionProtection"] is True


def test_modify_global_cluster_errors(global_db):
    rds = global_db["rds"][PRIMARY]
    with pytest.raises(ClientError) as e:
        rds.modify_global_cluster(GlobalClusterIdentifier="nope", DeletionProtection=True)
    assert error(e) == ("GlobalClusterNotFoundFault", 404)
    with pytest.raises(ClientError) as e:
        rds.modify_global_cluster(GlobalClusterIdentifier="g1", NewGlobalClusterIdentifier="g2")
    assert error(e) == ("InvalidParameterValue", 400)
    assert _describe_global(rds)["GlobalClusterIdentifier"] == "g1"


def test_reset_db_cluster_parameter_group(aws):
    rds = aws("rds", PRIMARY)
    rds.create_db_cluster_parameter_group(DBClusterParameterGroupName="cpg1", Description="d",
                                          DBParameterGroupFamily="aurora-postgresql15")
    rds.modify_db_cluster_parameter_group(DBClusterParameterGroupName="cpg1", Parameters=[
        {"ParameterName": "rds.global_db_rpo", "ParameterValue": "20", "ApplyMethod": "immediate"},
        {"ParameterName": "work_mem", "ParameterValue": "8192", "ApplyMethod": "immediate"},
        {"ParameterName": "log_min_duration_statement", "ParameterValue": "500", "ApplyMethod": "immediate"}])

    def user_set():
        return sorted(p["ParameterName"] for p in rds.describe_db_cluster_parameters(
            DBClusterParameterGroupName="cpg1", Source="user")["Parameters"])

    assert user_set() == ["log_min_duration_statement", "rds.global_db_rpo", "work_mem"]
    # as the provider unsets the RPO
    resp = rds.reset_db_cluster_parameter_group(DBClusterParameterGroupName="cpg1", Parameters=[
        {"ParameterName": "rds.global_db_rpo", "ApplyMethod": "immediate"}])
    assert resp["DBClusterParameterGroupName"] == "cpg1"
    assert user_set() == ["log_min_duration_statement", "work_mem"]
    rds.reset_db_cluster_parameter_group(DBClusterParameterGroupName="cpg1", Parameters=[
        {"ParameterName": "rds.global_db_rpo", "ApplyMethod": "immediate"}])  # again: nothing to do
    with pytest.raises(ClientError) as e:
        rds.reset_db_cluster_parameter_group(DBClusterParameterGroupName="cpg1", ResetAllParameters=True,
                                             Parameters=[{"ParameterName": "work_mem"}])
    assert error(e) == ("InvalidParameterCombination", 400)
    assert user_set() == ["log_min_duration_statement", "work_mem"]
    rds.reset_db_cluster_parameter_group(DBClusterParameterGroupName="cpg1", ResetAllParameters=True)
    assert user_set() == []
    with pytest.raises(ClientError) as e:
        rds.reset_db_cluster_parameter_group(DBClusterParameterGroupName="nope", ResetAllParameters=True)
    assert error(e) == ("DBParameterGroupNotFound", 404)
