"""DynamoDB global tables (2019.11.21) added by drpair_standin.dynamodb_ext, through boto3."""
import time

import pytest
from botocore.exceptions import ClientError

from conftest import ACCOUNT, PRIMARY, SECONDARY

WITNESS = "us-east-2"  # PRIMARY, SECONDARY and WITNESS form AWS's US Region set for MRSC
KEY = {"pk": {"S": "session-1"}}


def error(excinfo):
    err = excinfo.value.response
    return err["Error"]["Code"], err["ResponseMetadata"]["HTTPStatusCode"]


def create_table(ddb, name="sessions", **extra):
    args = dict(TableName=name, BillingMode="PAY_PER_REQUEST",
                KeySchema=[{"AttributeName": "pk", "KeyType": "HASH"}],
                AttributeDefinitions=[{"AttributeName": "pk", "AttributeType": "S"},
                                      {"AttributeName": "user", "AttributeType": "S"}],
                GlobalSecondaryIndexes=[{"IndexName": "by-user", "Projection": {"ProjectionType": "ALL"},
                                         "KeySchema": [{"AttributeName": "user", "KeyType": "HASH"}]}])
    args.update(extra)
    return ddb.create_table(**args)["TableDescription"]


def describe(ddb, name="sessions"):
    return ddb.describe_table(TableName=name)["Table"]


def replicas(desc):
    return {r["RegionName"]: r["ReplicaStatus"] for r in desc.get("Replicas", [])}


def pitr(ddb, name="sessions"):
    desc = ddb.describe_continuous_backups(TableName=name)["ContinuousBackupsDescription"]
    return desc["PointInTimeRecoveryDescription"]["PointInTimeRecoveryStatus"]


@pytest.fixture
def ddb(aws):
    return {r: aws("dynamodb", r) for r in (PRIMARY, SECONDARY, WITNESS)}


@pytest.fixture
def global_table(ddb):
    """`sessions` in PRIMARY with a replica in SECONDARY (no delay: ACTIVE at once)."""
    create_table(ddb[PRIMARY])
    ddb[PRIMARY].update_table(TableName="sessions", ReplicaUpdates=[{"Create": {"RegionName": SECONDARY}}])
    return ddb


def test_replica_is_a_real_table_in_the_other_region(global_table):
    east, west = describe(global_table[PRIMARY]), describe(global_table[SECONDARY])
    for desc in (east, west):
        assert desc["TableStatus"] == "ACTIVE" and desc["GlobalTableVersion"] == "2019.11.21"
        assert replicas(desc) == {PRIMARY: "ACTIVE", SECONDARY: "ACTIVE"}
        assert desc["MultiRegionConsistency"] == "EVENTUAL"
        # MREC replicates through streams, so AWS turns one on for the table and its replicas
        assert desc["StreamSpecification"] == {"StreamEnabled": True, "StreamViewType": "NEW_AND_OLD_IMAGES"}
    assert west["TableArn"] == f"arn:aws:dynamodb:{SECONDARY}:{ACCOUNT}:table/sessions"
    assert west["LatestStreamArn"].startswith(west["TableArn"] + "/stream/")
    for same in ("KeySchema", "AttributeDefinitions", "BillingModeSummary"):
        assert west[same] == east[same]
    assert [i["IndexName"] for i in west["GlobalSecondaryIndexes"]] == ["by-user"]
    assert global_table[SECONDARY].list_tables()["TableNames"] == ["sessions"]


def test_items_written_in_either_region_are_read_in_the_other(global_table, aws):
    east, west = global_table[PRIMARY], global_table[SECONDARY]
    east.put_item(TableName="sessions", Item=dict(KEY, user={"S": "ann"}, n={"N": "1"}))
    assert west.get_item(TableName="sessions", Key=KEY)["Item"]["n"] == {"N": "1"}
    west.update_item(TableName="sessions", Key=KEY, UpdateExpression="SET n = :n",
                     ExpressionAttributeValues={":n": {"N": "2"}})
    assert east.get_item(TableName="sessions", Key=KEY, ConsistentRead=True)["Item"]["n"] == {"N": "2"}
    assert west.query(TableName="sessions", IndexName="by-user", KeyConditionExpression="#u = :u",
                      ExpressionAttributeNames={"#u": "user"},
                      ExpressionAttributeValues={":u": {"S": "ann"}})["Count"] == 1
    east.batch_write_item(RequestItems={"sessions": [{"PutRequest": {"Item": {"pk": {"S": "b"}}}}]})
    assert describe(west)["ItemCount"] == 2
    west.delete_item(TableName="sessions", Key=KEY)
    assert "Item" not in east.get_item(TableName="sessions", Key=KEY)
    # each replica's own stream has every write, wherever it was made
    streams = aws("dynamodbstreams", SECONDARY)
    arn = describe(west)["LatestStreamArn"]
    shard = streams.describe_stream(StreamArn=arn)["StreamDescription"]["Shards"][0]["ShardId"]
    it = streams.get_shard_iterator(StreamArn=arn, ShardId=shard, ShardIteratorType="TRIM_HORIZON")["ShardIterator"]
    events = [r["eventName"] for r in streams.get_records(ShardIterator=it)["Records"]]
    assert events == ["INSERT", "MODIFY", "INSERT", "REMOVE"]


def test_failed_transaction_leaves_replicas_in_step(global_table):
    east, west = global_table[PRIMARY], global_table[SECONDARY]
    east.put_item(TableName="sessions", Item=dict(KEY, n={"N": "1"}))
    with pytest.raises(ClientError) as e:
        east.transact_write_items(TransactItems=[
            {"Put": {"TableName": "sessions", "Item": {"pk": {"S": "new"}}}},
            {"ConditionCheck": {"TableName": "sessions", "Key": KEY, "ConditionExpression": "n = :two",
                                "ExpressionAttributeValues": {":two": {"N": "2"}}}}])
    assert error(e)[0] == "TransactionCanceledException"
    assert "Item" not in west.get_item(TableName="sessions", Key={"pk": {"S": "new"}})
    east.put_item(TableName="sessions", Item={"pk": {"S": "after"}})  # moto swapped the table object
    assert "Item" in west.get_item(TableName="sessions", Key={"pk": {"S": "after"}})


def test_point_in_time_recovery_is_per_replica(global_table):
    east, west = global_table[PRIMARY], global_table[SECONDARY]
    assert pitr(east) == pitr(west) == "DISABLED"
    east.update_continuous_backups(TableName="sessions",
                                   PointInTimeRecoverySpecification={"PointInTimeRecoveryEnabled": True})
    assert (pitr(east), pitr(west)) == ("ENABLED", "DISABLED")
    west.update_continuous_backups(TableName="sessions",
                                   PointInTimeRecoverySpecification={"PointInTimeRecoveryEnabled": True})
    east.update_continuous_backups(TableName="sessions",
                                   PointInTimeRecoverySpecification={"PointInTimeRecoveryEnabled": False})
    assert (pitr(east), pitr(west)) == ("DISABLED", "ENABLED")


def test_synchronised_and_per_replica_settings(global_table):
    east, west = global_table[PRIMARY], global_table[SECONDARY]
    east.update_time_to_live(TableName="sessions",
                             TimeToLiveSpecification={"Enabled": True, "AttributeName": "expires"})
    assert west.describe_time_to_live(TableName="sessions")["TimeToLiveDescription"] == {
        "TimeToLiveStatus": "ENABLED", "AttributeName": "expires"}
    west.update_table(TableName="sessions", BillingMode="PROVISIONED",
                      ProvisionedThroughput={"ReadCapacityUnits": 5, "WriteCapacityUnits": 5})
    assert describe(east)["BillingModeSummary"]["BillingMode"] == "PROVISIONED"
    west.update_table(TableName="sessions", DeletionProtectionEnabled=True)
    assert (describe(east)["DeletionProtectionEnabled"], describe(west)["DeletionProtectionEnabled"]) == (False, True)
    with pytest.raises(ClientError) as e:  # AWS: MREC replicas cannot drop their stream
        east.update_table(TableName="sessions", StreamSpecification={"StreamEnabled": False})
    assert error(e) == ("ValidationException", 400)


def test_replica_changes_take_the_create_delay_and_one_runs_at_a_time(ddb, faults):
    east, west = ddb[PRIMARY], ddb[SECONDARY]
    create_table(east)
    faults(create_delay_seconds=1.0)
    t0 = time.monotonic()
    east.update_table(TableName="sessions", ReplicaUpdates=[{"Create": {"RegionName": SECONDARY}}])
    assert describe(east)["TableStatus"] == "UPDATING" and describe(west)["TableStatus"] == "CREATING"
    assert replicas(describe(west)) == {PRIMARY: "ACTIVE", SECONDARY: "CREATING"}
    for call in (lambda: east.update_table(TableName="sessions", ReplicaUpdates=[{"Create": {"RegionName": WITNESS}}]),
                 lambda: east.update_table(TableName="sessions", DeletionProtectionEnabled=True),
                 lambda: east.delete_table(TableName="sessions")):
        with pytest.raises(ClientError) as e:
            call()
        assert error(e) == ("ResourceInUseException", 400)
    while describe(west)["TableStatus"] != "ACTIVE":
        assert time.monotonic() - t0 < 5
        time.sleep(0.1)
    assert time.monotonic() - t0 >= 1.0
    assert describe(east)["TableStatus"] == "ACTIVE"
    east.update_table(TableName="sessions", ReplicaUpdates=[{"Delete": {"RegionName": SECONDARY}}])
    assert replicas(describe(east)) == {PRIMARY: "ACTIVE", SECONDARY: "DELETING"}
    assert describe(west)["TableStatus"] == "DELETING"
    time.sleep(1.1)
    with pytest.raises(ClientError) as e:
        describe(west)
    assert error(e) == ("ResourceNotFoundException", 400)
    desc = describe(east)  # a regional table again; the stream AWS turned on stays
    assert "Replicas" not in desc and "GlobalTableVersion" not in desc and desc["TableStatus"] == "ACTIVE"
    assert desc["StreamSpecification"]["StreamEnabled"]
    east.update_table(TableName="sessions", StreamSpecification={"StreamEnabled": False})


def test_replica_update_errors(ddb, aws):
    east, west = ddb[PRIMARY], ddb[SECONDARY]
    create_table(east)

    def refused(updates, **extra):
        with pytest.raises(ClientError) as e:
            east.update_table(TableName="sessions", ReplicaUpdates=updates, **extra)
        return error(e), e.value.response["Error"]["Message"]

    assert refused([{"Create": {"RegionName": PRIMARY}}])[1].startswith("Cannot add, delete, or update the local region")
    assert refused([{"Delete": {"RegionName": SECONDARY}}])[0] == ("ValidationException", 400)
    assert refused([{"Create": {"RegionName": SECONDARY}}, {"Create": {"RegionName": WITNESS}}])[0][0] == "ValidationException"
    assert describe(east).get("Replicas") is None  # nothing was half-done
    create_table(west, name="taken")
    create_table(east, name="taken")
    with pytest.raises(ClientError) as e:
        east.update_table(TableName="taken", ReplicaUpdates=[{"Create": {"RegionName": SECONDARY}}])
    assert "already exists" in e.value.response["Error"]["Message"]
    # a customer managed key lives in one region: each replica must name its own
    key = aws("kms", PRIMARY).create_key()["KeyMetadata"]["Arn"]
    create_table(east, name="encrypted", SSESpecification={"Enabled": True, "SSEType": "KMS", "KMSMasterKeyId": key})
    with pytest.raises(ClientError) as e:
        east.update_table(TableName="encrypted", ReplicaUpdates=[{"Create": {"RegionName": SECONDARY}}])
    assert e.value.response["Error"]["Message"].endswith("KMSMasterKeyId must be specified for each replica.")
    west_key = aws("kms", SECONDARY).create_key()["KeyMetadata"]
    east.update_table(TableName="encrypted", ReplicaUpdates=[
        {"Create": {"RegionName": SECONDARY, "KMSMasterKeyId": west_key["KeyId"]}}])
    desc = describe(west, "encrypted")
    assert desc["SSEDescription"]["KMSMasterKeyArn"] == west_key["Arn"]
    assert {r["RegionName"]: r.get("KMSMasterKeyId") for r in desc["Replicas"]} == {
        PRIMARY: key, SECONDARY: west_key["Arn"]}


def mrsc_create(ddb, **extra):
    return ddb[PRIMARY].update_table(
        TableName="sessions", MultiRegionConsistency="STRONG",
        ReplicaUpdates=[{"Create": {"RegionName": SECONDARY}}],
        GlobalTableWitnessUpdates=[{"Create": {"RegionName": WITNESS}}], **extra)


def test_mrsc_with_witness(ddb):
    east, west = ddb[PRIMARY], ddb[SECONDARY]
    create_table(east)
    mrsc_create(ddb)
    for desc in (describe(east), describe(west)):
        assert desc["MultiRegionConsistency"] == "STRONG"
        assert replicas(desc) == {PRIMARY: "ACTIVE", SECONDARY: "ACTIVE"}
        assert desc["GlobalTableWitnesses"] == [{"RegionName": WITNESS, "WitnessStatus": "ACTIVE"}]
        assert "StreamSpecification" not in desc  # MRSC does not replicate through streams
    assert ddb[WITNESS].list_tables()["TableNames"] == []  # a witness holds no readable table
    west.put_item(TableName="sessions", Item=dict(KEY, n={"N": "1"}))
    assert east.get_item(TableName="sessions", Key=KEY, ConsistentRead=True)["Item"]["n"] == {"N": "1"}
    with pytest.raises(ClientError) as e:  # MRSC does not support TTL
        east.update_time_to_live(TableName="sessions",
                                 TimeToLiveSpecification={"Enabled": True, "AttributeName": "expires"})
    assert error(e) == ("ValidationException", 400)
    with pytest.raises(ClientError) as e:  # nor transactions
        west.transact_write_items(TransactItems=[{"Put": {"TableName": "sessions", "Item": {"pk": {"S": "t"}}}}])
    assert error(e) == ("ValidationException", 400)
    with pytest.raises(ClientError) as e:  # the witness goes only together with a replica
        east.update_table(TableName="sessions", GlobalTableWitnessUpdates=[{"Delete": {"RegionName": WITNESS}}])
    assert error(e) == ("ValidationException", 400)
    with pytest.raises(ClientError) as e:  # and a replica only together with the witness
        east.update_table(TableName="sessions", ReplicaUpdates=[{"Delete": {"RegionName": SECONDARY}}])
    assert error(e) == ("ValidationException", 400)
    east.update_table(TableName="sessions", ReplicaUpdates=[{"Delete": {"RegionName": SECONDARY}}],
                      GlobalTableWitnessUpdates=[{"Delete": {"RegionName": WITNESS}}])
    desc = describe(east)
    assert "Replicas" not in desc and "GlobalTableWitnesses" not in desc
    assert west.list_tables()["TableNames"] == []


def test_mrsc_refuses_what_aws_refuses(ddb):
    east = ddb[PRIMARY]
    create_table(east)

    def refused(**kwargs):
        with pytest.raises(ClientError) as e:
            east.update_table(TableName="sessions", **kwargs)
        assert error(e)[0] == "ValidationException"
        return e.value.response["Error"]["Message"]

    # one replica and no witness (needs 3 replicas, or 2 and a witness)
    assert "replica count" in refused(MultiRegionConsistency="STRONG",
                                      ReplicaUpdates=[{"Create": {"RegionName": SECONDARY}}])
    # a replica outside the US Region set
    assert "Region set" in refused(MultiRegionConsistency="STRONG",
                                   ReplicaUpdates=[{"Create": {"RegionName": "eu-west-1"}}],
                                   GlobalTableWitnessUpdates=[{"Create": {"RegionName": WITNESS}}])
    # a witness needs STRONG
    refused(ReplicaUpdates=[{"Create": {"RegionName": SECONDARY}}],
            GlobalTableWitnessUpdates=[{"Create": {"RegionName": WITNESS}}])
    # TTL on the table
    east.update_time_to_live(TableName="sessions", TimeToLiveSpecification={"Enabled": True, "AttributeName": "x"})
    assert "Time to Live" in refused(MultiRegionConsistency="STRONG",
                                     ReplicaUpdates=[{"Create": {"RegionName": SECONDARY}}],
                                     GlobalTableWitnessUpdates=[{"Create": {"RegionName": WITNESS}}])
    east.update_time_to_live(TableName="sessions", TimeToLiveSpecification={"Enabled": False, "AttributeName": "x"})
    # items in the table
    east.put_item(TableName="sessions", Item=KEY)
    assert "empty" in refused(MultiRegionConsistency="STRONG",
                              ReplicaUpdates=[{"Create": {"RegionName": SECONDARY}}],
                              GlobalTableWitnessUpdates=[{"Create": {"RegionName": WITNESS}}])
    assert ddb[SECONDARY].list_tables()["TableNames"] == []
    # an MREC table stays MREC
    east.update_table(TableName="sessions", ReplicaUpdates=[{"Create": {"RegionName": SECONDARY}}])
    refused(MultiRegionConsistency="STRONG", ReplicaUpdates=[{"Create": {"RegionName": WITNESS}}])



def test_a_describe_during_a_replica_create_waits_for_it(monkeypatch):
    """In-process: a DescribeTable (another thread) arriving while UpdateTable builds a group must
    wait for it. Settling the half-built group once dissolved it and orphaned the new replica
    (a CI failure of the killed-apply acceptance test)."""
    import threading
    from moto.dynamodb.models import dynamodb_backends
    from drpair_standin import dynamodb_ext as ext

    ext.install()
    backend = dynamodb_backends[ACCOUNT][PRIMARY]
    table = backend.create_table("inproc", schema=[{"AttributeName": "pk", "KeyType": "HASH"}],
                                 throughput=None, attr=[{"AttributeName": "pk", "AttributeType": "S"}],
                                 global_indexes=None, indexes=None, streams=None,
                                 billing_mode="PAY_PER_REQUEST", sse_specification=None, tags=[],
                                 deletion_protection_enabled=False, warm_throughput=None)
    make_replica = ext._make_replica

    def racing_make_replica(*args):
        racer = threading.Thread(target=table.describe)
        racer.start()
        racer.join(timeout=0.5)  # with the lock it blocks until UpdateTable is done
        return make_replica(*args)

    monkeypatch.setattr(ext, "_make_replica", racing_make_replica)
    try:
        with ext._LOCK:
            plan = ext._plan(backend, table, None, [{"Create": {"RegionName": SECONDARY}}], [], None)
            ext._apply(backend, table, None, plan)
        assert set(replicas(table.describe()["TableDescription"])) == {PRIMARY, SECONDARY}
    finally:
        for region in (PRIMARY, SECONDARY):
            dynamodb_backends[ACCOUNT][region].tables.pop("inproc", None)
