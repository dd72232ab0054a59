"""drpair_replicated_bucket through real Terraform, checked against S3, IAM and KMS in both
regions through boto3."""
import json
import os
import re
import signal
from pathlib import Path

import boto3
import pytest
from botocore.config import Config

import configs
from aws import BOTO_CONFIG, wait_until
from configs import PRIMARY, SECONDARY, hcl
from harness import REAL_AWS, repo_root

ADDR = "drpair_replicated_bucket.config"
# The stand-in copies objects when the request that wrote them ends; S3 takes seconds
# (up to 15 minutes under Replication Time Control).
REPLICATION_WAIT = 900 if REAL_AWS else 10
STANDIN_REPLICATES = (Path(repo_root()) / "standin/drpair_standin/s3_ext.py").exists()
NO_REPLICATION = "stand-in lacks S3 object replication (standin/drpair_standin/s3_ext.py)"


def bucket_hcl(endpoint, suffix, timeouts=False, **overrides):
    args = {"name": "cfg"}
    args.update(overrides)
    body = "\n".join(f"  {k} = {hcl(v)}" for k, v in args.items() if v is not None)
    if timeouts:
        body += '\n\n  timeouts {\n    create = "20m"\n    delete = "20m"\n  }'
    return configs.provider(endpoint, suffix) + f'\nresource "drpair_replicated_bucket" "config" {{\n{body}\n}}\n'


def base(suffix, name="cfg"):
    return f"{name}-{configs.ENVIRONMENT}-{suffix}"


def bucket(suffix, region, name="cfg"):
    return f"{base(suffix, name)}-{region}"


def s3(aws, region):
    """Path-style addressing: the stand-in on 127.0.0.1 has no per-bucket host names."""
    kwargs = {"region_name": region, "config": BOTO_CONFIG.merge(Config(s3={"addressing_style": "path"}))}
    if aws.endpoint:
        kwargs.update(endpoint_url=aws.endpoint, aws_access_key_id="testing", aws_secret_access_key="testing")
    return boto3.session.Session().client("s3", **kwargs)


def iam(aws):
    return aws.client("iam", PRIMARY)


def error_code(fn, **kwargs):
    """The AWS error code fn(**kwargs) raises, or None when it succeeds."""
    try:
        fn(**kwargs)
    except Exception as err:  # noqa: BLE001 - botocore ClientError, whatever the service
        return getattr(err, "response", {}).get("Error", {}).get("Code", repr(err))
    return None


def leftovers(aws, suffix):
    """Buckets, roles and live KMS keys a destroy should have removed."""
    left = [f"bucket {b['Name']}" for b in s3(aws, PRIMARY).list_buckets().get("Buckets", []) if suffix in b["Name"]]
    for page in iam(aws).get_paginator("list_roles").paginate():
        left += [f"role {r['RoleName']}" for r in page["Roles"] if suffix in r["RoleName"]]
    for region in (PRIMARY, SECONDARY):
        left += sorted(aws._sweep_kms(region, suffix))
    return left


def key_arn(aws, region, suffix):
    return aws.kms(region).describe_key(KeyId=f"alias/{base(suffix)}-s3")["KeyMetadata"]["Arn"]


def put_versions(aws, suffix):
    """Object versions and a delete marker in both buckets (force_destroy must remove them)."""
    primary = s3(aws, PRIMARY)
    for body in (b"v1", b"v2"):
        primary.put_object(Bucket=bucket(suffix, PRIMARY), Key="settings.json", Body=body)
    primary.put_object(Bucket=bucket(suffix, PRIMARY), Key="gone.json", Body=b"x")
    primary.delete_object(Bucket=bucket(suffix, PRIMARY), Key="gone.json")
    s3(aws, SECONDARY).put_object(Bucket=bucket(suffix, SECONDARY), Key="local.json", Body=b"y")


def replica(aws, region, suffix, key):
    """HeadObject of the copy in `region`, once it is there (None after the wait)."""
    client = s3(aws, region)

    def found():
        try:
            return client.head_object(Bucket=bucket(suffix, region), Key=key)
        except client.exceptions.ClientError:
            return None
    try:
        return wait_until(found, timeout=REPLICATION_WAIT, interval=0.5, what=f"{key} in {region}")
    except AssertionError:
        return None


def s3_writes(standin, since):
    """S3 writes (PUT/DELETE on a bucket path) the stand-in served after line `since` of its log."""
    lines = standin.log_path.read_text(errors="replace").splitlines()[since:]
    found = (re.search(r'"((?:PUT|DELETE) /[^ ]+) HTTP', ln) for ln in lines)
    return [m.group(1).replace("/?", "?") for m in found if m]


def log_mark(standin):
    return len(standin.log_path.read_text(errors="replace").splitlines())


def assert_pair_conforms(aws, suffix, state, flavour="config", days=30, bidirectional=False):
    """Everything a pair must be, checked in AWS itself."""
    role_arn = state["replication_role_arn"]
    keys = {PRIMARY: key_arn(aws, PRIMARY, suffix), SECONDARY: key_arn(aws, SECONDARY, suffix)}
    assert state["primary"]["kms_key_arn"] == keys[PRIMARY]
    assert state["secondary"]["kms_key_arn"] == keys[SECONDARY]
    for region, other in ((PRIMARY, SECONDARY), (SECONDARY, PRIMARY)):
        client, name = s3(aws, region), bucket(suffix, region)
        location = client.get_bucket_location(Bucket=name).get("LocationConstraint")
        assert (location or "us-east-1") == region, (name, location)
        assert client.get_bucket_versioning(Bucket=name)["Status"] == "Enabled"
        rule = client.get_bucket_encryption(Bucket=name)["ServerSideEncryptionConfiguration"]["Rules"][0]
        default = rule["ApplyServerSideEncryptionByDefault"]
        assert default["SSEAlgorithm"] == "aws:kms" and default["KMSMasterKeyID"] == keys[region]
        assert rule["BucketKeyEnabled"] is True
        pab = client.get_public_access_block(Bucket=name)["PublicAccessBlockConfiguration"]
        assert pab == {"BlockPublicAcls": True, "IgnorePublicAcls": True,
                       "BlockPublicPolicy": True, "RestrictPublicBuckets": True}
        policy = json.loads(client.get_bucket_policy(Bucket=name)["Policy"])
        denies = [s for s in policy["Statement"] if s["Effect"] == "Deny"]
        assert any(s.get("Condition", {}).get("Bool", {}).get("aws:SecureTransport") == "false" for s in denies)
        denies_version_delete = any("s3:DeleteObjectVersion" in json.dumps(s.get("Action")) and s["Principal"] == "*"
                                    for s in denies)
        assert denies_version_delete == (flavour == "audit"), policy
        rules = client.get_bucket_lifecycle_configuration(Bucket=name)["Rules"]
        assert [r["NoncurrentVersionExpiration"]["NoncurrentDays"] for r in rules if r["Status"] == "Enabled"] == [days]
        if region == PRIMARY or bidirectional:
            conf = client.get_bucket_replication(Bucket=name)["ReplicationConfiguration"]
            assert conf["Role"] == role_arn
            [r] = conf["Rules"]
            dest = r["Destination"]
            assert r["Status"] == "Enabled" and r["Filter"] == {"Prefix": ""}
            assert r["DeleteMarkerReplication"] == {"Status": "Enabled"}
            assert r["SourceSelectionCriteria"]["SseKmsEncryptedObjects"] == {"Status": "Enabled"}
            assert dest["Bucket"] == f"arn:aws:s3:::{bucket(suffix, other)}"
            assert dest["EncryptionConfiguration"] == {"ReplicaKmsKeyID": keys[other]}
            assert dest["ReplicationTime"] == {"Status": "Enabled", "Time": {"Minutes": 15}}
            assert dest["Metrics"] == {"Status": "Enabled", "EventThreshold": {"Minutes": 15}}
        else:
            assert error_code(client.get_bucket_replication, Bucket=name) == "ReplicationConfigurationNotFoundError"
    # The role: S3 alone may assume it; no statement grants a wildcard action on every resource.
    role_name = f"{base(suffix)}-replication"
    role = iam(aws).get_role(RoleName=role_name)["Role"]
    assert role["Arn"] == role_arn
    trust = role["AssumeRolePolicyDocument"]
    trust = json.loads(trust) if isinstance(trust, str) else trust
    assert [s["Principal"] for s in trust["Statement"]] == [{"Service": "s3.amazonaws.com"}]
    assert iam(aws).list_role_policies(RoleName=role_name)["PolicyNames"] == ["replication"]
    assert iam(aws).list_attached_role_policies(RoleName=role_name)["AttachedPolicies"] == []
    doc = iam(aws).get_role_policy(RoleName=role_name, PolicyName="replication")["PolicyDocument"]
    doc = json.loads(doc) if isinstance(doc, str) else doc
    as_list = lambda v: v if isinstance(v, list) else [v]  # noqa: E731
    for s in doc["Statement"]:
        actions, resources = as_list(s["Action"]), as_list(s["Resource"])
        assert not any(a == "*" or a.endswith(":*") for a in actions), s
        assert "*" not in resources, s
    kms_resources = {a: as_list(s["Resource"]) for s in doc["Statement"] for a in as_list(s["Action"]) if a.startswith("kms:")}
    assert kms_resources["kms:Decrypt"] == sorted([keys[PRIMARY]] + ([keys[SECONDARY]] if bidirectional else []))
    assert kms_resources["kms:Encrypt"] == sorted([keys[SECONDARY]] + ([keys[PRIMARY]] if bidirectional else []))


def test_replicated_bucket_basic_import_destroy(tf, tf_factory, aws, standin, suffix):
    tf.write(bucket_hcl(standin.url, suffix))
    tf.init()
    tf.apply()
    state = tf.state()[ADDR]
    assert state["id"] == base(suffix)
    assert state["drift"] == []
    assert_pair_conforms(aws, suffix, state)
    assert sorted((i["kind"], i["region"]) for i in state["inventory"]) == sorted([
        ("kms_key", PRIMARY), ("kms_key", SECONDARY), ("s3_bucket", PRIMARY), ("s3_bucket", SECONDARY),
        ("iam_role", "global"), ("s3_replication_configuration", PRIMARY)])
    tf.assert_plan_empty()

    # An object written to the primary appears in the secondary (one way only by default).
    put_versions(aws, suffix)
    if STANDIN_REPLICATES or REAL_AWS:
        copy = replica(aws, SECONDARY, suffix, "settings.json")
        assert copy is not None, "settings.json never reached the secondary bucket"
        assert copy["ReplicationStatus"] == "REPLICA"
        assert copy["ServerSideEncryption"] == "aws:kms"
        source = s3(aws, PRIMARY).head_object(Bucket=bucket(suffix, PRIMARY), Key="settings.json")
        assert source["ReplicationStatus"] == "COMPLETED"
        assert source["VersionId"] == copy["VersionId"]
        # One way only: what is written to the secondary stays there.
        assert error_code(s3(aws, PRIMARY).head_object, Bucket=bucket(suffix, PRIMARY), Key="local.json") == "404"

    # Import by the base name round-trips every attribute.
    imported = tf_factory("import")
    imported.write(bucket_hcl(standin.url, suffix))
    imported.init()
    imported.import_(ADDR, base(suffix))
    got, orig = imported.state()[ADDR], tf.state()[ADDR]
    for attr in ("id", "name", "flavour", "bidirectional", "replication_time_control",
                 "noncurrent_version_expiration_days", "force_destroy", "primary_region", "secondary_region",
                 "primary", "secondary", "replication_role_arn", "drift", "inventory"):
        assert got[attr] == orig[attr], attr
    imported.assert_plan_empty()

    # Destroy with versions and delete markers in both buckets: nothing is left.
    tf.destroy()
    for region in (PRIMARY, SECONDARY):
        assert error_code(s3(aws, region).head_bucket, Bucket=bucket(suffix, region)) in ("404", "NoSuchBucket")
    assert leftovers(aws, suffix) == []


def test_replicated_bucket_two_way_replication(tf, aws, standin, suffix):
    if not (STANDIN_REPLICATES or REAL_AWS):
        pytest.skip(NO_REPLICATION)
    tf.write(bucket_hcl(standin.url, suffix, bidirectional=True, replication_time_control=False))
    tf.init()
    tf.apply()
    state = tf.state()[ADDR]
    conf = s3(aws, SECONDARY).get_bucket_replication(Bucket=bucket(suffix, SECONDARY))["ReplicationConfiguration"]
    assert conf["Rules"][0]["Destination"]["Bucket"] == f"arn:aws:s3:::{bucket(suffix, PRIMARY)}"
    assert "ReplicationTime" not in conf["Rules"][0]["Destination"]
    assert conf["Rules"][0]["SourceSelectionCriteria"]["ReplicaModifications"] == {"Status": "Enabled"}
    tf.assert_plan_empty()

    s3(aws, PRIMARY).put_object(Bucket=bucket(suffix, PRIMARY), Key="east.json", Body=b"1")
    s3(aws, SECONDARY).put_object(Bucket=bucket(suffix, SECONDARY), Key="west.json", Body=b"2")
    assert replica(aws, SECONDARY, suffix, "east.json")["ReplicationStatus"] == "REPLICA"
    assert replica(aws, PRIMARY, suffix, "west.json")["ReplicationStatus"] == "REPLICA"
    # A delete marker follows the object (DeleteMarkerReplication: Enabled).
    s3(aws, PRIMARY).delete_object(Bucket=bucket(suffix, PRIMARY), Key="east.json")
    secondary = s3(aws, SECONDARY)
    wait_until(lambda: secondary.list_object_versions(Bucket=bucket(suffix, SECONDARY),
                                                      Prefix="east.json").get("DeleteMarkers"),
               timeout=REPLICATION_WAIT, what="delete marker in the secondary")
    assert error_code(secondary.head_object, Bucket=bucket(suffix, SECONDARY), Key="east.json") == "404"

    # Back to one way: the secondary's configuration goes, the role loses the reverse route.
    tf.write(bucket_hcl(standin.url, suffix))
    assert tf.plan().changes() == [(ADDR, ["update"])]
    tf.apply()
    assert error_code(s3(aws, SECONDARY).get_bucket_replication,
                      Bucket=bucket(suffix, SECONDARY)) == "ReplicationConfigurationNotFoundError"
    assert_pair_conforms(aws, suffix, tf.state()[ADDR])
    assert tf.state()[ADDR]["replication_role_arn"] == state["replication_role_arn"]
    tf.assert_plan_empty()
    tf.destroy()
    assert leftovers(aws, suffix) == []


def test_replicated_bucket_drift_is_repaired_in_place(tf, aws, standin, suffix):
    tf.write(bucket_hcl(standin.url, suffix))
    tf.init()
    tf.apply()
    primary, secondary = s3(aws, PRIMARY), s3(aws, SECONDARY)
    b1, b2 = bucket(suffix, PRIMARY), bucket(suffix, SECONDARY)

    # Replication configuration removed outside Terraform.
    primary.delete_bucket_replication(Bucket=b1)
    plan = tf.plan()
    assert plan.changes() == [(ADDR, ["update"])]
    assert plan.changed_attributes(ADDR) == {"drift", "inventory"}
    before = plan["resource_changes"][0]["change"]["before"]["drift"]
    assert before == [f"{PRIMARY}: replication to arn:aws:s3:::{b2} is missing"]
    mark = log_mark(standin)
    tf.apply()
    assert s3_writes(standin, mark) == [f"PUT /{b1}?replication"]  # only that part
    assert_pair_conforms(aws, suffix, tf.state()[ADDR])
    tf.assert_plan_empty()

    # Versioning suspended on the destination, public access block deleted on the source.
    secondary.put_bucket_versioning(Bucket=b2, VersioningConfiguration={"Status": "Suspended"})
    primary.delete_public_access_block(Bucket=b1)
    plan = tf.plan()
    assert plan.changes() == [(ADDR, ["update"])]
    assert sorted(plan["resource_changes"][0]["change"]["before"]["drift"]) == [
        f"{PRIMARY}: public access block is missing", f"{SECONDARY}: versioning is Suspended, not Enabled"]
    mark = log_mark(standin)
    tf.apply()
    assert sorted(s3_writes(standin, mark)) == [f"PUT /{b1}?publicAccessBlock", f"PUT /{b2}?versioning"]
    assert_pair_conforms(aws, suffix, tf.state()[ADDR])
    tf.assert_plan_empty()

    # The secondary bucket deleted outside Terraform: recreated in place, not the whole pair.
    secondary.delete_bucket(Bucket=b2)
    assert tf.plan().changes() == [(ADDR, ["update"])]
    tf.apply()
    assert_pair_conforms(aws, suffix, tf.state()[ADDR])
    tf.assert_plan_empty()

    tf.destroy()
    assert leftovers(aws, suffix) == []


@pytest.mark.skipif(REAL_AWS, reason="needs the stand-in's throttling to slow the apply down")
def test_replicated_bucket_killed_apply_converges(tf, aws, standin, suffix):
    tf.write(bucket_hcl(standin.url, suffix))
    tf.init()
    # Half the calls throttled: the SDK's backoff stretches the apply to seconds, so it can be
    # killed between creating the first bucket and finishing the pair.
    standin.faults(throttle_rate=0.5, seed=7)
    primary = s3(aws, PRIMARY)
    proc = tf.popen("apply", "-auto-approve", "-input=false", "-no-color")
    try:
        wait_until(lambda: proc.poll() is not None
                   or error_code(primary.head_bucket, Bucket=bucket(suffix, PRIMARY)) is None,
                   timeout=120, interval=0.05, what="the primary bucket to appear")
        assert proc.poll() is None, "apply ended before it could be killed (see popen.stdout)"
    finally:
        if proc.poll() is None:
            os.killpg(proc.pid, signal.SIGKILL)  # Terraform and the provider, no clean-up
        proc.wait()
    standin.reset_faults()
    assert tf.state() == {}  # the killed run recorded nothing
    assert error_code(primary.get_bucket_replication,  # and was killed half-way
                      Bucket=bucket(suffix, PRIMARY)) == "ReplicationConfigurationNotFoundError"

    tf.apply()  # adopts the key(s) and bucket(s) by name, creates the rest
    assert_pair_conforms(aws, suffix, tf.state()[ADDR])
    for region in (PRIMARY, SECONDARY):  # adopted, not duplicated
        aliases = [a for a in aws.kms(region).list_aliases()["Aliases"] if suffix in a["AliasName"]]
        assert len(aliases) == 1, aliases
    tf.assert_plan_empty()
    tf.destroy()
    assert leftovers(aws, suffix) == []


def test_replicated_bucket_audit_flavour(tf, aws, standin, suffix):
    tf.write(bucket_hcl(standin.url, suffix, flavour="audit", force_destroy=False))
    tf.init()
    tf.apply()
    state = tf.state()[ADDR]
    assert state["noncurrent_version_expiration_days"] == 365
    assert_pair_conforms(aws, suffix, state, flavour="audit", days=365)
    tf.assert_plan_empty()

    # force_destroy = false: destroy refuses while logs remain, and changes nothing.
    put_versions(aws, suffix)
    res = tf.destroy(expect_fail=True)
    assert "not empty" in res.stderr and "force_destroy" in res.stderr, res.stderr
    assert s3(aws, PRIMARY).get_bucket_replication(Bucket=bucket(suffix, PRIMARY))["ReplicationConfiguration"]
    assert_pair_conforms(aws, suffix, tf.state()[ADDR], flavour="audit", days=365)

    # Allowed now: the deny-delete policy goes first, then every version.
    tf.write(bucket_hcl(standin.url, suffix, flavour="audit", force_destroy=True))
    assert tf.plan().changes() == [(ADDR, ["update"])]
    mark = log_mark(standin)
    tf.apply()
    assert s3_writes(standin, mark) == []  # force_destroy lives in state only
    tf.destroy()
    assert leftovers(aws, suffix) == []


def test_replicated_bucket_throttled(tf, aws, standin, suffix):
    tf.write(bucket_hcl(standin.url, suffix, timeouts=True))
    tf.init()
    standin.faults(throttle_rate=0.2)
    tf.apply()
    tf.assert_plan_empty()
    put_versions(aws, suffix)
    tf.destroy()
    standin.reset_faults()
    assert leftovers(aws, suffix) == []


BAD = [
    ("name", "a" * 50, "name"),
    ("name", "Cfg_1", "name"),
    ("flavour", "logs", "flavour"),
    ("noncurrent_version_expiration_days", 30, "noncurrent_version_expiration_days"),  # with audit
]


@pytest.mark.parametrize("attr,value,named", BAD, ids=[f"{a}-{i}" for i, (a, _, _) in enumerate(BAD)])
def test_replicated_bucket_bad_input(tf, standin, suffix, attr, value, named):
    extra = {"flavour": "audit"} if attr == "noncurrent_version_expiration_days" else {}
    tf.write(bucket_hcl(standin.url, suffix, **extra, **{attr: value}))
    tf.init()
    before = standin.request_count()
    result = tf.plan(expect_fail=True)
    assert named in result.stderr, result.stderr
    assert standin.request_count() == before  # rejected before any AWS call
