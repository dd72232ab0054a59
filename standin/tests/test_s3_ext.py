"""S3 cross-region replication added by drpair_standin.s3_ext, through boto3."""
import pytest
from botocore.exceptions import ClientError

from conftest import ACCOUNT, PRIMARY, SECONDARY

ROLE = f"arn:aws:iam::{ACCOUNT}:role/replication"


def error(excinfo):
    err = excinfo.value.response
    return err["Error"]["Code"], err["ResponseMetadata"]["HTTPStatusCode"]


def rule(dest, rule_id="all", priority=1, delete_markers="Disabled", flt=None, **extra):
    return dict({"ID": rule_id, "Priority": priority, "Status": "Enabled", "Filter": flt or {},
                 "DeleteMarkerReplication": {"Status": delete_markers},
                 "Destination": {"Bucket": f"arn:aws:s3:::{dest}"}}, **extra)


def replicate(client, bucket, *rules):
    client.put_bucket_replication(Bucket=bucket, ReplicationConfiguration={"Role": ROLE, "Rules": list(rules)})


def versions(client, bucket):
    out = client.list_object_versions(Bucket=bucket)
    return ([(v["Key"], v["VersionId"]) for v in out.get("Versions", [])],
            [(m["Key"], m["VersionId"]) for m in out.get("DeleteMarkers", [])])


@pytest.fixture
def buckets(aws):
    """Versioned `app-east` (PRIMARY) and `app-west` (SECONDARY), no replication yet."""
    s3 = {PRIMARY: aws("s3", PRIMARY), SECONDARY: aws("s3", SECONDARY)}
    s3[PRIMARY].create_bucket(Bucket="app-east")
    s3[SECONDARY].create_bucket(Bucket="app-west", CreateBucketConfiguration={"LocationConstraint": SECONDARY})
    for region, bucket in ((PRIMARY, "app-east"), (SECONDARY, "app-west")):
        s3[region].put_bucket_versioning(Bucket=bucket, VersioningConfiguration={"Status": "Enabled"})
    return s3


def test_put_object_replicates_each_version_with_status(buckets):
    east, west = buckets[PRIMARY], buckets[SECONDARY]
    replicate(east, "app-east", rule("app-west", Destination={
        "Bucket": "arn:aws:s3:::app-west", "StorageClass": "STANDARD_IA",
        "ReplicationTime": {"Status": "Enabled", "Time": {"Minutes": 15}},
        "Metrics": {"Status": "Enabled", "EventThreshold": {"Minutes": 15}}}))
    v1 = east.put_object(Bucket="app-east", Key="config.json", Body=b"v1", ContentType="application/json",
                         Metadata={"owner": "drpair"}, Tagging="env=test")["VersionId"]
    v2 = east.put_object(Bucket="app-east", Key="config.json", Body=b"v2")["VersionId"]
    source = east.head_object(Bucket="app-east", Key="config.json", VersionId=v1)
    replica = west.head_object(Bucket="app-west", Key="config.json", VersionId=v1)
    assert (source["ReplicationStatus"], replica["ReplicationStatus"]) == ("COMPLETED", "REPLICA")
    assert replica["ContentType"] == "application/json" and replica["Metadata"] == {"owner": "drpair"}
    assert replica["ETag"] == source["ETag"] and replica["StorageClass"] == "STANDARD_IA"
    assert west.get_object_tagging(Bucket="app-west", Key="config.json", VersionId=v1)["TagSet"] == [
        {"Key": "env", "Value": "test"}]
    assert west.get_object(Bucket="app-west", Key="config.json")["Body"].read() == b"v2"
    assert versions(west, "app-west")[0] == [("config.json", v2), ("config.json", v1)]
    # multipart uploads and copies are new versions too
    upload = east.create_multipart_upload(Bucket="app-east", Key="big.bin")["UploadId"]
    part = east.upload_part(Bucket="app-east", Key="big.bin", UploadId=upload, PartNumber=1, Body=b"x" * 10)
    east.complete_multipart_upload(Bucket="app-east", Key="big.bin", UploadId=upload,
                                   MultipartUpload={"Parts": [{"PartNumber": 1, "ETag": part["ETag"]}]})
    east.copy_object(Bucket="app-east", Key="copy.json", CopySource={"Bucket": "app-east", "Key": "config.json"})
    assert west.get_object(Bucket="app-west", Key="big.bin")["Body"].read() == b"x" * 10
    assert west.head_object(Bucket="app-west", Key="copy.json")["ReplicationStatus"] == "REPLICA"


def test_delete_markers_replicate_only_when_enabled(buckets):
    east, west = buckets[PRIMARY], buckets[SECONDARY]
    replicate(east, "app-east", rule("app-west", flt={"Prefix": "keep/"}),
              rule("app-west", "markers", priority=2, delete_markers="Enabled", flt={"Prefix": "drop/"}))
    for key in ("keep/a", "drop/a", "other/a"):
        east.put_object(Bucket="app-east", Key=key, Body=b"1")
    assert sorted(k for k, _ in versions(west, "app-west")[0]) == ["drop/a", "keep/a"]  # prefix filter
    east.delete_object(Bucket="app-east", Key="keep/a")
    marker = east.delete_object(Bucket="app-east", Key="drop/a")["VersionId"]
    assert versions(west, "app-west")[1] == [("drop/a", marker)]
    assert west.get_object(Bucket="app-west", Key="keep/a")["Body"].read() == b"1"
    # deleting a specific version is never replicated
    (_, vid), = [v for v in versions(east, "app-east")[0] if v[0] == "keep/a"]
    east.delete_object(Bucket="app-east", Key="keep/a", VersionId=vid)
    assert ("keep/a", vid) in versions(west, "app-west")[0]


def test_two_way_replication_does_not_loop(buckets):
    east, west = buckets[PRIMARY], buckets[SECONDARY]
    replicate(east, "app-east", rule("app-west", delete_markers="Enabled"))
    replicate(west, "app-west", rule("app-east", delete_markers="Enabled"))
    from_east = east.put_object(Bucket="app-east", Key="a", Body=b"east")["VersionId"]
    from_west = west.put_object(Bucket="app-west", Key="b", Body=b"west")["VersionId"]
    assert versions(east, "app-east")[0] == versions(west, "app-west")[0] == [("a", from_east), ("b", from_west)]
    assert east.head_object(Bucket="app-east", Key="b")["ReplicationStatus"] == "REPLICA"
    assert west.head_object(Bucket="app-west", Key="a")["ReplicationStatus"] == "REPLICA"
    marker = west.delete_object(Bucket="app-west", Key="a")["VersionId"]
    assert versions(east, "app-east")[1] == versions(west, "app-west")[1] == [("a", marker)]


def test_kms_objects_replicate_only_when_the_rule_opts_in(buckets, aws):
    east, west = buckets[PRIMARY], buckets[SECONDARY]
    east_key = aws("kms", PRIMARY).create_key()["KeyMetadata"]["Arn"]
    west_key = aws("kms", SECONDARY).create_key()["KeyMetadata"]["Arn"]
    replicate(east, "app-east", rule("app-west"))
    east.put_object(Bucket="app-east", Key="secret", Body=b"s", ServerSideEncryption="aws:kms", SSEKMSKeyId=east_key)
    assert "ReplicationStatus" not in east.head_object(Bucket="app-east", Key="secret")
    replicate(east, "app-east", rule("app-west", SourceSelectionCriteria={"SseKmsEncryptedObjects": {"Status": "Enabled"}},
                                     Destination={"Bucket": "arn:aws:s3:::app-west",
                                                  "EncryptionConfiguration": {"ReplicaKmsKeyID": west_key}}))
    east.put_object(Bucket="app-east", Key="secret", Body=b"s2", ServerSideEncryption="aws:kms", SSEKMSKeyId=east_key)
    replica = west.head_object(Bucket="app-west", Key="secret")
    assert replica["ReplicationStatus"] == "REPLICA" and replica["SSEKMSKeyId"] == west_key


def test_configuration_rules_and_round_trip(buckets):
    east, west = buckets[PRIMARY], buckets[SECONDARY]
    west.create_bucket(Bucket="unversioned", CreateBucketConfiguration={"LocationConstraint": SECONDARY})
    for dest, code in (("unversioned", "InvalidRequest"), ("missing", "InvalidRequest")):
        with pytest.raises(ClientError) as e:
            replicate(east, "app-east", rule(dest))
        assert error(e) == (code, 400)
    with pytest.raises(ClientError) as e:  # an event threshold needs Replication Time Control
        replicate(east, "app-east", rule("app-west", Destination={
            "Bucket": "arn:aws:s3:::app-west", "Metrics": {"Status": "Enabled", "EventThreshold": {"Minutes": 15}}}))
    assert error(e) == ("InvalidArgument", 400)
    sent = rule("app-west", delete_markers="Enabled", flt={"And": {"Prefix": "cfg/", "Tags": [{"Key": "k", "Value": "v"}]}},
                SourceSelectionCriteria={"SseKmsEncryptedObjects": {"Status": "Enabled"}},
                Destination={"Bucket": "arn:aws:s3:::app-west", "StorageClass": "STANDARD",
                             "ReplicationTime": {"Status": "Enabled", "Time": {"Minutes": 15}},
                             "Metrics": {"Status": "Enabled", "EventThreshold": {"Minutes": 15}}})
    replicate(east, "app-east", sent)
    got = east.get_bucket_replication(Bucket="app-east")["ReplicationConfiguration"]
    assert got == {"Role": ROLE, "Rules": [sent]}  # moto alone answers Filter {Prefix: ""} and markers Disabled
    # S3's ordering: versioning stays on while a replication configuration exists
    with pytest.raises(ClientError) as e:
        east.put_bucket_versioning(Bucket="app-east", VersioningConfiguration={"Status": "Suspended"})
    assert error(e) == ("InvalidBucketState", 409)
    east.delete_bucket_replication(Bucket="app-east")
    east.put_bucket_versioning(Bucket="app-east", VersioningConfiguration={"Status": "Suspended"})


def test_replication_fails_when_the_destination_stops_versioning(buckets):
    east, west = buckets[PRIMARY], buckets[SECONDARY]
    replicate(east, "app-east", rule("app-west"))
    west.put_bucket_versioning(Bucket="app-west", VersioningConfiguration={"Status": "Suspended"})
    east.put_object(Bucket="app-east", Key="k", Body=b"1")
    assert east.head_object(Bucket="app-east", Key="k")["ReplicationStatus"] == "FAILED"
    assert "Versions" not in west.list_object_versions(Bucket="app-west")


def test_get_bucket_versioning_answers_with_s3s_root_element(aws, standin):
    """Strict SDKs (Rust) parse the root element: S3's is VersioningConfiguration."""
    import urllib.request
    from botocore.auth import SigV4Auth
    from botocore.awsrequest import AWSRequest
    from botocore.credentials import Credentials
    s3 = aws("s3", PRIMARY)
    s3.create_bucket(Bucket="ver-root")

    def raw():
        req = AWSRequest(method="GET", url=f"{standin}/ver-root?versioning")
        SigV4Auth(Credentials("testing", "testing"), "s3", PRIMARY).add_auth(req)
        with urllib.request.urlopen(urllib.request.Request(req.url, headers=dict(req.headers))) as r:
            return r.read().decode()
    assert "<VersioningConfiguration" in raw() and "<Status>" not in raw()
    s3.put_bucket_versioning(Bucket="ver-root", VersioningConfiguration={"Status": "Enabled"})
    assert "<Status>Enabled</Status></VersioningConfiguration>" in raw()
    assert s3.get_bucket_versioning(Bucket="ver-root")["Status"] == "Enabled"


def test_tls_only_bucket_policy_allows_requests_and_deny_statements_still_apply(aws):
    """A Deny whose condition does not hold (aws:SecureTransport is true: the stand-in stands for
    AWS's HTTPS endpoints) does not apply; an unconditional Deny does."""
    import json
    s3 = aws("s3", PRIMARY)
    s3.create_bucket(Bucket="tls-only")
    arn = "arn:aws:s3:::tls-only"
    s3.put_bucket_policy(Bucket="tls-only", Policy=json.dumps({"Version": "2012-10-17", "Statement": [
        {"Effect": "Deny", "Principal": "*", "Action": "s3:*", "Resource": [arn, f"{arn}/*"],
         "Condition": {"Bool": {"aws:SecureTransport": "false"}}},
        {"Effect": "Deny", "Principal": "*", "Action": "s3:GetObject", "Resource": f"{arn}/secret*"}]}))
    s3.put_object(Bucket="tls-only", Key="a", Body=b"1")
    assert s3.get_object(Bucket="tls-only", Key="a")["Body"].read() == b"1"
    s3.put_object(Bucket="tls-only", Key="secret.txt", Body=b"2")
    with pytest.raises(ClientError) as e:
        s3.get_object(Bucket="tls-only", Key="secret.txt")
    assert error(e)[1] == 403
