"""drpair_order_pipeline through real Terraform, checked through SQS, Lambda, IAM and
CloudWatch in both regions. The package is the reference order processor (lambda/orders.py)
built by lambda/build.py, as `make lambda` builds it."""
import base64
import hashlib
import importlib.util
import json
import os
import shutil
import signal
from pathlib import Path

import pytest

import configs
from aws import wait_until
from configs import PRIMARY, SECONDARY, hcl
from harness import REAL_AWS

ADDR = "drpair_order_pipeline.orders"
LAMBDA_DIR = Path(__file__).resolve().parent.parent / "lambda"
ACCOUNT = "123456789012"  # moto's account


def _build_module():
    spec = importlib.util.spec_from_file_location("drpair_lambda_build", LAMBDA_DIR / "build.py")
    mod = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(mod)
    return mod


def build_package(out, marker=None):
    """The reference processor's zip at `out`; `marker` makes a different (newer) version.
    Returns Lambda's CodeSha256 of it."""
    build = _build_module()
    source = LAMBDA_DIR
    if marker:
        source = out.parent / f"src-{marker}"
        source.mkdir(exist_ok=True)
        text = (LAMBDA_DIR / "orders.py").read_text() + f"\n# release {marker}\n"
        (source / "orders.py").write_text(text)
    build.build(str(out), source_dir=str(source))
    return base64.b64encode(hashlib.sha256(out.read_bytes()).digest()).decode()


def rid(suffix):
    return f"orders-{configs.ENVIRONMENT}-{suffix}"


def table_arn(region, suffix):
    return f"arn:aws:dynamodb:{region}:{ACCOUNT}:table/orders-{suffix}"


def pipeline_hcl(endpoint, suffix, package, **overrides):
    args = {
        "name": "orders",
        "package_path": str(package),
        "timeout": 20,
        "reserved_concurrency": 5,
        "environment": {"ORDERS_TABLE": f"orders-{suffix}", "LOG_LEVEL": "INFO"},
        "table_arns": [table_arn(PRIMARY, suffix), table_arn(SECONDARY, suffix)],
        "parameter_arns": [f"arn:aws:ssm:{PRIMARY}:{ACCOUNT}:parameter/orders-{suffix}/health"],
    }
    args.update(overrides)
    body = "\n".join(f"  {k} = {hcl(v)}" for k, v in args.items() if v is not None)
    return configs.provider(endpoint, suffix) + f'\nresource "drpair_order_pipeline" "orders" {{\n{body}\n}}\n'


# ---- AWS checks through boto3 ------------------------------------------------------------

def queue(aws, region, name):
    sqs = aws.client("sqs", region)
    url = sqs.get_queue_url(QueueName=name)["QueueUrl"]
    return sqs.get_queue_attributes(QueueUrl=url, AttributeNames=["All"])["Attributes"]


def mappings(aws, region, suffix):
    return aws.client("lambda", region).list_event_source_mappings(FunctionName=rid(suffix))["EventSourceMappings"]


def alarm_names(aws, region, suffix):
    out = aws.client("cloudwatch", region).describe_alarms(AlarmNamePrefix=rid(suffix))
    return {a["AlarmName"]: a for a in out["MetricAlarms"]}


def role_policy(aws, role):
    doc = aws.client("iam", PRIMARY).get_role_policy(RoleName=role, PolicyName="drpair-order-pipeline")
    doc = doc["PolicyDocument"]
    return doc if isinstance(doc, dict) else json.loads(doc)


def resources(doc, sid):
    st = next((s for s in doc["Statement"] if s.get("Sid") == sid), None)
    return None if st is None else st["Resource"]


def assert_deployed(aws, suffix, sha, net=None):
    """Both regions: queues with redrive and KMS, the same code, the mapping, concurrency,
    alarms; the role scoped to exactly the queues and given ARNs."""
    queue_arns = []
    for region in (PRIMARY, SECONDARY):
        dlq = queue(aws, region, f"{rid(suffix)}-orders-dlq")
        q = queue(aws, region, f"{rid(suffix)}-orders")
        redrive = json.loads(q["RedrivePolicy"])
        assert redrive["deadLetterTargetArn"] == dlq["QueueArn"], region
        assert int(redrive["maxReceiveCount"]) == 5
        assert q["KmsMasterKeyId"] == dlq["KmsMasterKeyId"] == "alias/aws/sqs"
        assert int(q["VisibilityTimeout"]) == 6 * 20
        queue_arns.append(q["QueueArn"])

        fn = aws.client("lambda", region).get_function(FunctionName=rid(suffix))
        assert fn["Configuration"]["CodeSha256"] == sha, region
        assert fn["Configuration"]["Handler"] == "orders.handler"
        assert fn["Concurrency"]["ReservedConcurrentExecutions"] == 5
        if net and region == PRIMARY:
            assert fn["Configuration"]["VpcConfig"]["SubnetIds"] == net[PRIMARY]["subnet_ids"]

        (esm,) = mappings(aws, region, suffix)
        assert esm["EventSourceArn"] == q["QueueArn"]
        assert esm["FunctionResponseTypes"] == ["ReportBatchItemFailures"]
        assert esm["BatchSize"] == 10

        alarms = alarm_names(aws, region, suffix)
        assert set(alarms) == {f"{rid(suffix)}-{region}-{k}" for k in ("errors", "throttles", "dlq-depth")}
        depth = alarms[f"{rid(suffix)}-{region}-dlq-depth"]
        assert depth["MetricName"] == "ApproximateNumberOfMessagesVisible"
        assert depth["Dimensions"] == [{"Name": "QueueName", "Value": f"{rid(suffix)}-orders-dlq"}]

    doc = role_policy(aws, f"{rid(suffix)}-exec")
    assert resources(doc, "Queues") == queue_arns
    assert resources(doc, "Tables") == [table_arn(PRIMARY, suffix), table_arn(SECONDARY, suffix)]
    assert resources(doc, "Parameters") == [f"arn:aws:ssm:{PRIMARY}:{ACCOUNT}:parameter/orders-{suffix}/health"]
    assert resources(doc, "Buckets") is None  # none given, none granted
    orch = aws.client("iam", PRIMARY).get_role(RoleName=f"{rid(suffix)}-orchestrator")["Role"]
    trust = orch["AssumeRolePolicyDocument"]
    trust = trust if isinstance(trust, dict) else json.loads(trust)
    assert "states.amazonaws.com" in trust["Statement"][0]["Principal"]["Service"]


def assert_swept(aws, suffix):
    assert aws.sweep(suffix) == []


# ---- tests -----------------------------------------------------------------------------

def test_order_pipeline_lifecycle(tf, tf_factory, aws, standin, network, suffix, tmp_path):
    package = tmp_path / "order-processor.zip"
    sha = build_package(package)
    vpc = {"primary_subnet_ids": network[PRIMARY]["subnet_ids"],
           "primary_security_group_ids": network[PRIMARY]["security_group_ids"]}
    tf.write(pipeline_hcl(standin.url, suffix, package, **vpc))
    tf.init()
    tf.apply()
    assert_deployed(aws, suffix, sha, network)
    state = tf.state()[ADDR]
    assert state["package_sha256"] == sha
    assert state["primary"]["code_sha256"] == state["secondary"]["code_sha256"] == sha
    assert state["secondary"]["dlq_arn"].endswith(f"{rid(suffix)}-orders-dlq")
    assert state["execution_role_arn"].endswith(f"role/{rid(suffix)}-exec")
    assert state["orchestrator_role_arn"].endswith(f"role/{rid(suffix)}-orchestrator")
    assert state["secondary"]["alarm_names"][2] == f"{rid(suffix)}-{SECONDARY}-dlq-depth"
    tf.assert_plan_empty()

    # The orchestrator fences a failed region by disabling its mapping: run-time state, not
    # drift, and an apply leaves it as the orchestrator set it.
    uuid = state["primary"]["event_source_mapping_id"]
    aws.client("lambda", PRIMARY).update_event_source_mapping(UUID=uuid, Enabled=False)
    tf.assert_plan_empty()
    aws.client("lambda", PRIMARY).update_event_source_mapping(UUID=uuid, Enabled=True)

    # Deleted or changed outside Terraform: the secondary's mapping and DLQ alarm, the
    # primary's reserved concurrency. Plan sees it, apply repairs just that.
    lam2 = aws.client("lambda", SECONDARY)
    lam2.delete_event_source_mapping(UUID=state["secondary"]["event_source_mapping_id"])
    aws.client("cloudwatch", SECONDARY).delete_alarms(AlarmNames=[f"{rid(suffix)}-{SECONDARY}-dlq-depth"])
    aws.client("lambda", PRIMARY).delete_function_concurrency(FunctionName=rid(suffix))
    iam = aws.client("iam", PRIMARY)
    iam.put_role_policy(RoleName=f"{rid(suffix)}-exec", PolicyName="widened", PolicyDocument=json.dumps(
        {"Version": "2012-10-17", "Statement": [{"Effect": "Allow", "Action": "s3:*", "Resource": "*"}]}))
    plan = tf.plan()
    assert plan.changes() == [(ADDR, ["update"])]
    assert plan.changed_attributes(ADDR) >= {"secondary", "reserved_concurrency", "execution_role_arn"}
    tf.apply()
    # exactly our one policy again: nothing widened outside Terraform survives
    assert iam.list_role_policies(RoleName=f"{rid(suffix)}-exec")["PolicyNames"] == ["drpair-order-pipeline"]
    assert_deployed(aws, suffix, sha, network)
    after = tf.state()[ADDR]
    assert after["primary"]["event_source_mapping_id"] == state["primary"]["event_source_mapping_id"]
    assert after["secondary"]["event_source_mapping_id"] != state["secondary"]["event_source_mapping_id"]
    tf.assert_plan_empty()

    # Other code deployed to one region only, its memory and the other region's queue
    # visibility changed: the regions no longer run the same package. Plan sees it
    # (package_sha256 reports the odd one out), apply redeploys the package and resets both.
    other = tmp_path / "other.zip"
    build_package(other, marker="rogue")
    lam2.update_function_code(FunctionName=rid(suffix), ZipFile=other.read_bytes())
    lam2.update_function_configuration(FunctionName=rid(suffix), MemorySize=1024)
    sqs1 = aws.client("sqs", PRIMARY)
    sqs1.set_queue_attributes(QueueUrl=state["primary"]["queue_url"], Attributes={"VisibilityTimeout": "30"})
    # and the primary's mapping no longer reports partial-batch failures (whole batches retried)
    aws.client("lambda", PRIMARY).update_event_source_mapping(
        UUID=state["primary"]["event_source_mapping_id"], FunctionResponseTypes=[])
    plan = tf.plan()
    assert plan.changes() == [(ADDR, ["update"])]
    assert plan.changed_attributes(ADDR) >= {"package_sha256", "memory_size", "visibility_timeout_seconds",
                                             "primary", "secondary"}
    tf.apply()
    assert_deployed(aws, suffix, sha, network)
    assert lam2.get_function(FunctionName=rid(suffix))["Configuration"]["MemorySize"] == 256
    # the same mapping, fixed in place
    assert tf.state()[ADDR]["primary"]["event_source_mapping_id"] == state["primary"]["event_source_mapping_id"]
    tf.assert_plan_empty()

    # A new package (same path, new bytes) redeploys both regions in one apply.
    new_sha = build_package(package, marker="2")
    assert new_sha != sha
    plan = tf.plan()
    assert plan.changes() == [(ADDR, ["update"])]
    assert "package_sha256" in plan.changed_attributes(ADDR)
    tf.apply()
    assert_deployed(aws, suffix, new_sha, network)
    assert tf.state()[ADDR]["package_sha256"] == new_sha
    tf.assert_plan_empty()

    # Import by id round-trips every argument (the package path from the functions' tag).
    imported = tf_factory("import")
    imported.write(pipeline_hcl(standin.url, suffix, package, **vpc))
    imported.init()
    imported.import_(ADDR, rid(suffix))
    got, orig = imported.state()[ADDR], tf.state()[ADDR]
    for attr in ("package_path", "package_sha256", "environment", "table_arns", "parameter_arns",
                 "primary_subnet_ids", "reserved_concurrency", "visibility_timeout_seconds",
                 "primary", "secondary", "execution_role_arn", "orchestrator_role_arn"):
        assert got[attr] == orig[attr], attr
    imported.assert_plan_empty()

    tf.destroy()
    assert_swept(aws, suffix)


def test_order_pipeline_throttled_from_s3(tf, aws, standin, suffix, tmp_path):
    """An S3 package (read once, the same bytes to both regions), with 20% of calls throttled."""
    package = tmp_path / "order-processor.zip"
    sha = build_package(package)
    bucket = f"drpair-acc-artifacts-{os.urandom(4).hex()}"  # a test input: no suffix, not swept
    aws.client("s3", PRIMARY).create_bucket(Bucket=bucket)
    aws.client("s3", PRIMARY).put_object(Bucket=bucket, Key="orders/order-processor.zip",
                                         Body=package.read_bytes())
    tf.write(pipeline_hcl(standin.url, suffix, package, package_path=None, package_s3_bucket=bucket,
                          package_s3_key="orders/order-processor.zip"))
    tf.init()
    standin.faults(throttle_rate=0.2)
    tf.apply()
    tf.assert_plan_empty()
    standin.reset_faults()
    assert_deployed(aws, suffix, sha)
    assert tf.state()[ADDR]["package_sha256"] == sha
    standin.faults(throttle_rate=0.2)
    tf.destroy()
    standin.reset_faults()
    assert_swept(aws, suffix)


@pytest.mark.skipif(REAL_AWS, reason="needs the stand-in's regional outage")
def test_order_pipeline_killed_apply_converges(tf, aws, standin, suffix, tmp_path):
    package = tmp_path / "order-processor.zip"
    sha = build_package(package)
    tf.write(pipeline_hcl(standin.url, suffix, package))
    tf.init()
    # The secondary region is out: the apply makes the primary's queues, then retries the
    # secondary until it is killed.
    standin.faults(outage_regions=[SECONDARY])
    proc = tf.popen("apply", "-auto-approve", "-input=false", "-no-color")

    def primary_queue():
        urls = aws.client("sqs", PRIMARY).list_queues(QueueNamePrefix=rid(suffix)).get("QueueUrls", [])
        return proc.poll() is not None or len(urls) == 2

    try:
        wait_until(primary_queue, timeout=120, interval=0.1, what="the primary's queues")
        assert proc.poll() is None, "apply ended before it could be killed"
    finally:
        if proc.poll() is None:
            os.killpg(proc.pid, signal.SIGKILL)
        proc.wait()
    standin.reset_faults()
    tf.apply()
    assert_deployed(aws, suffix, sha)
    tf.assert_plan_empty()
    tf.destroy()
    assert_swept(aws, suffix)


BAD = [
    ({"name": "Orders"}, "name"),
    ({"package_path": "does/not/exist.zip"}, "package_path"),
    ({"package_path": "NOT_A_ZIP"}, "package_path"),
    ({"package_s3_bucket": "b", "package_s3_key": "k.zip"}, "package_s3_bucket"),  # and package_path
    ({"package_path": None, "package_s3_bucket": "b"}, "package_s3_key"),
    ({"timeout": 60, "visibility_timeout_seconds": 300}, "visibility_timeout_seconds"),
    ({"memory_size": 64}, "memory_size"),
    ({"timeout": 901}, "timeout"),
    ({"batch_size": 11}, "batch_size"),
    ({"reserved_concurrency": 0}, "reserved_concurrency"),
    ({"runtime": "nodejs20.x"}, "runtime"),
    ({"secondary_subnet_ids": ["subnet-1"]}, "secondary_security_group_ids"),
    ({"table_arns": ["arn:aws:s3:::not-a-table"]}, "table_arns"),
]


@pytest.mark.parametrize("overrides,named", BAD, ids=[f"{n}-{i}" for i, (_, n) in enumerate(BAD)])
def test_order_pipeline_bad_input(tf, standin, suffix, tmp_path, overrides, named):
    package = tmp_path / "order-processor.zip"
    build_package(package)
    if overrides.get("package_path") == "NOT_A_ZIP":
        text = tmp_path / "orders.py"
        shutil.copy(LAMBDA_DIR / "orders.py", text)
        overrides = dict(overrides, package_path=str(text))
    tf.write(pipeline_hcl(standin.url, suffix, package, **overrides))
    tf.init()
    before = standin.request_count()
    result = tf.plan(expect_fail=True)
    assert named in result.stderr
    if named == "visibility_timeout_seconds":
        assert "six times" in result.stderr  # the rule is stated
    assert standin.request_count() == before  # rejected before any AWS call

