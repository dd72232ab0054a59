"""readiness.handler in-process against moto: a healthy pair is ready, each broken condition
alone makes it unready with a detail naming it, an unreachable peer fails checks without
crashing, unconfigured checks are skipped, and the report reaches CloudWatch and SSM.

moto 5.2.5 accepts DynamoDB ReplicaUpdates but makes no replica; the project's stand-in
extension (standin/drpair_standin/dynamodb_ext.py) adds real replicas, and is installed here
in-process so the session table is a true two-region global table.
"""

import datetime
import importlib.util
import io
import json
import os
import sys
import types
import zipfile

import boto3
import pytest
from botocore.exceptions import ClientError, EndpointConnectionError
from moto import mock_aws

import build
import readiness

sys.path.insert(0, os.path.join(os.path.dirname(os.path.abspath(__file__)), "..", "..", "standin"))
from drpair_standin import dynamodb_ext  # noqa: E402

dynamodb_ext.install()

OWN, PEER = "us-east-1", "us-east-2"
PAIR = "test-pair"
GLOBAL = "orders-global"
TABLE = "sessions-test"
FUNCTION = "orders-test"
OWN_ALARM, PEER_ALARM = "region-health-use1", "region-health-use2"
PATH = "/drpair/test/config"
REPORT = "/drpair/test/readiness"
CONTEXT = types.SimpleNamespace(aws_request_id="test-request")
TRUST = '{"Version":"2012-10-17","Statement":[{"Effect":"Allow","Principal":{"Service":"lambda.amazonaws.com"},"Action":"sts:AssumeRole"}]}'
ENV = (
    "PEER_REGION", "PAIR_NAME", "GLOBAL_CLUSTER_ID", "MAX_LAG_MS", "SESSION_TABLE", "FUNCTION_NAMES",
    "ALARM_NAMES", "PEER_ALARM_NAMES", "PARAMETER_PATH", "PARAMETER_IGNORE", "REPORT_PARAMETER",
)


def zipped(text):
    """A one-file package with a fixed timestamp: `writestr(name, ...)` would stamp the current
    second, and two zips made across a second boundary would differ (a flaky "code differs")."""
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w") as archive:
        archive.writestr(zipfile.ZipInfo("orders.py", date_time=(2020, 1, 1, 0, 0, 0)), text)
    return buffer.getvalue()


def client(service, region):
    return boto3.client(service, region_name=region)


def put_lag(value, region=PEER, cluster="secondary"):
    client("cloudwatch", region).put_metric_data(
        Namespace="AWS/RDS",
        MetricData=[{
            "MetricName": "AuroraGlobalDBReplicationLag",
            "Dimensions": [{"Name": "DBClusterIdentifier", "Value": cluster}],
            "Value": value,
            "Unit": "Milliseconds",
        }],
    )


def make_pair():
    """Everything a healthy pair has, in both regions."""
    rds = {r: client("rds", r) for r in (OWN, PEER)}
    rds[OWN].create_global_cluster(GlobalClusterIdentifier=GLOBAL, Engine="aurora-postgresql", EngineVersion="15.4")
    rds[OWN].create_db_cluster(
        DBClusterIdentifier="primary", Engine="aurora-postgresql", EngineVersion="15.4",
        MasterUsername="admin_user", MasterUserPassword="password123", GlobalClusterIdentifier=GLOBAL,
    )
    rds[PEER].create_db_cluster(
        DBClusterIdentifier="secondary", Engine="aurora-postgresql", EngineVersion="15.4", GlobalClusterIdentifier=GLOBAL,
    )
    put_lag(120.0)

    dynamodb = client("dynamodb", OWN)
    dynamodb.create_table(
        TableName=TABLE,
        KeySchema=[{"AttributeName": "session_id", "KeyType": "HASH"}],
        AttributeDefinitions=[{"AttributeName": "session_id", "AttributeType": "S"}],
        BillingMode="PAY_PER_REQUEST",
        StreamSpecification={"StreamEnabled": True, "StreamViewType": "NEW_AND_OLD_IMAGES"},
    )
    dynamodb.update_table(TableName=TABLE, ReplicaUpdates=[{"Create": {"RegionName": PEER}}])
    for region in (OWN, PEER):
        set_pitr(region, True)

    role = client("iam", OWN).create_role(RoleName="readiness-test", AssumeRolePolicyDocument=TRUST)["Role"]["Arn"]
    for region in (OWN, PEER):
        client("lambda", region).create_function(
            FunctionName=FUNCTION, Runtime="python3.12", Role=role, Handler="orders.handler",
            Code={"ZipFile": zipped("def handler(e, c):\n    return 1\n")},
        )

    for region, name in ((OWN, OWN_ALARM), (PEER, PEER_ALARM)):
        cloudwatch = client("cloudwatch", region)
        cloudwatch.put_metric_alarm(
            AlarmName=name, Namespace="drpair/Test", MetricName="Healthy", Statistic="Minimum", Period=60,
            EvaluationPeriods=1, Threshold=1, ComparisonOperator="LessThanThreshold",
        )
        cloudwatch.set_alarm_state(AlarmName=name, StateValue="OK", StateReason="test")

    for region in (OWN, PEER):
        ssm = client("ssm", region)
        ssm.put_parameter(Name=PATH + "/max-order-size", Value="1000", Type="String")
        ssm.put_parameter(Name=PATH + "/db/password", Value="s3cret-value", Type="SecureString")
        # Per region by design: a region-suffixed name, and one on the ignore list.
        ssm.put_parameter(Name=PATH + "/endpoint-" + region, Value="https://" + region, Type="String")
        ssm.put_parameter(Name=PATH + "/local-note", Value="written in " + region, Type="String")


def set_pitr(region, enabled):
    client("dynamodb", region).update_continuous_backups(
        TableName=TABLE, PointInTimeRecoverySpecification={"PointInTimeRecoveryEnabled": enabled}
    )


@pytest.fixture
def pair(monkeypatch):
    for name in ENV + ("AWS_PROFILE", "AWS_ENDPOINT_URL"):
        monkeypatch.delenv(name, raising=False)
    monkeypatch.setenv("AWS_ACCESS_KEY_ID", "testing")
    monkeypatch.setenv("AWS_SECRET_ACCESS_KEY", "testing")
    monkeypatch.setenv("AWS_REGION", OWN)
    monkeypatch.setenv("AWS_DEFAULT_REGION", OWN)
    with mock_aws():
        readiness.reset_clients()
        make_pair()
        for name, value in {
            "PEER_REGION": PEER,
            "PAIR_NAME": PAIR,
            "GLOBAL_CLUSTER_ID": GLOBAL,
            "MAX_LAG_MS": "1000",
            "SESSION_TABLE": TABLE,
            "FUNCTION_NAMES": FUNCTION,
            "ALARM_NAMES": OWN_ALARM,
            "PEER_ALARM_NAMES": PEER_ALARM,
            "PARAMETER_PATH": PATH,
            "PARAMETER_IGNORE": "local-note",
            "REPORT_PARAMETER": REPORT,
        }.items():
            monkeypatch.setenv(name, value)
        yield
        readiness.reset_clients()


def run():
    return readiness.handler({"source": "aws.scheduler"}, CONTEXT)


def checks(report):
    return {c["name"]: c for c in report["checks"]}


def failing(report):
    return {c["name"]: c["detail"] for c in report["checks"] if not c["ok"]}


def ready_datapoints():
    end = datetime.datetime.now(datetime.timezone.utc)
    stats = client("cloudwatch", OWN).get_metric_statistics(
        Namespace="drpair/Readiness", MetricName="Ready", Dimensions=[{"Name": "Pair", "Value": PAIR}],
        StartTime=end - datetime.timedelta(minutes=5), EndTime=end + datetime.timedelta(minutes=1),
        Period=60, Statistics=["Minimum", "Maximum"],
    )
    return stats["Datapoints"]


def stored_report():
    return json.loads(client("ssm", OWN).get_parameter(Name=REPORT)["Parameter"]["Value"])


# ---------------------------------------------------------------------------------------------
# A healthy pair.
# ---------------------------------------------------------------------------------------------


def test_healthy_pair_is_ready_and_publishes_1(pair, capsys):
    report = run()

    assert report["ready"] is True, failing(report)
    assert [c["name"] for c in report["checks"]] == [
        "aurora_members", "aurora_lag", "session_table", "function_code", "alarms", "parameters"
    ]
    assert all(c["ok"] and not c["detail"].startswith("skipped") for c in report["checks"])
    assert report["region"] == OWN and report["peer_region"] == PEER and report["pair"] == PAIR
    datetime.datetime.strptime(report["checked_at"], "%Y-%m-%dT%H:%M:%SZ")
    assert "120 ms" in checks(report)["aurora_lag"]["detail"]
    # Region-suffixed and ignored names are left out: only the two shared ones are compared.
    assert checks(report)["parameters"]["detail"] == "2 parameters under %s in sync" % PATH

    points = ready_datapoints()
    assert points and points[0]["Minimum"] == points[0]["Maximum"] == 1.0
    assert stored_report() == report
    assert client("ssm", OWN).get_parameter(Name=REPORT)["Parameter"]["Type"] == "String"

    lines = capsys.readouterr().out.splitlines()
    assert len(lines) == 1
    logged = json.loads(lines[0])
    assert logged["message"] == "readiness" and logged["ready"] is True and logged["level"] == "INFO"
    # Parameter values (a SecureString among them) are compared, never reported or logged.
    assert "s3cret-value" not in lines[0] and "s3cret-value" not in json.dumps(report)


# ---------------------------------------------------------------------------------------------
# Each broken condition alone: not ready, and only that check fails, naming what is wrong.
# ---------------------------------------------------------------------------------------------


def assert_only_failing(report, name):
    assert report["ready"] is False
    failed = failing(report)
    assert list(failed) == [name], failed
    assert stored_report()["ready"] is False
    # Minimum: a test that runs twice in one minute has both runs in one datapoint.
    assert [p["Minimum"] for p in ready_datapoints()] == [0.0]
    return failed[name]


def test_replication_lag_over_threshold(pair):
    put_lag(4500.0)
    detail = assert_only_failing(run(), "aurora_lag")
    assert "AuroraGlobalDBReplicationLag 4500 ms >= MAX_LAG_MS 1000" in detail
    assert "cluster:secondary" in detail


def test_no_lag_datapoints_is_not_ready(pair):
    client("rds", PEER).create_db_cluster(
        DBClusterIdentifier="secondary-2", Engine="aurora-postgresql", EngineVersion="15.4", GlobalClusterIdentifier=GLOBAL
    )
    detail = assert_only_failing(run(), "aurora_lag")
    assert "secondary-2: no AuroraGlobalDBReplicationLag datapoints" in detail


def test_global_cluster_without_secondary(pair, monkeypatch):
    rds = client("rds", OWN)
    rds.create_global_cluster(GlobalClusterIdentifier="lonely", Engine="aurora-postgresql", EngineVersion="15.4")
    rds.create_db_cluster(
        DBClusterIdentifier="lonely-primary", Engine="aurora-postgresql", EngineVersion="15.4",
        MasterUsername="admin_user", MasterUserPassword="password123", GlobalClusterIdentifier="lonely",
    )
    monkeypatch.setenv("GLOBAL_CLUSTER_ID", "lonely")
    report = run()
    assert report["ready"] is False
    assert failing(report) == {
        "aurora_members": "global cluster has 1 member(s), no secondary",
        "aurora_lag": "global cluster has no secondary to measure lag on",
    }


def test_unknown_global_cluster(pair, monkeypatch):
    monkeypatch.setenv("GLOBAL_CLUSTER_ID", "no-such-cluster")
    failed = failing(run())
    # AWS answers GlobalClusterNotFoundFault; moto lists every cluster, which must not pass either.
    for name in ("aurora_members", "aurora_lag"):
        assert "GlobalClusterNotFoundFault" in failed[name] or failed[name] == "global cluster no-such-cluster not found in %s" % OWN


def test_pitr_off_on_one_replica(pair):
    set_pitr(PEER, False)
    detail = assert_only_failing(run(), "session_table")
    assert detail == "%s: point-in-time recovery not enabled in %s" % (TABLE, PEER)


def test_session_table_without_peer_replica(pair):
    client("dynamodb", OWN).update_table(TableName=TABLE, ReplicaUpdates=[{"Delete": {"RegionName": PEER}}])
    detail = assert_only_failing(run(), "session_table")
    assert detail == "%s: replica in %s is missing" % (TABLE, PEER)


def test_different_function_code_in_peer(pair):
    client("lambda", PEER).update_function_code(FunctionName=FUNCTION, ZipFile=zipped("def handler(e, c):\n    return 2\n"))
    detail = assert_only_failing(run(), "function_code")
    assert detail.startswith("function code differs between regions: %s differs" % FUNCTION)


def test_missing_function_in_peer(pair):
    client("lambda", PEER).delete_function(FunctionName=FUNCTION)
    detail = assert_only_failing(run(), "function_code")
    assert "GetFunctionConfiguration in %s failed: ResourceNotFoundException" % PEER in detail


def test_alarm_in_alarm(pair):
    client("cloudwatch", PEER).set_alarm_state(AlarmName=PEER_ALARM, StateValue="ALARM", StateReason="test")
    detail = assert_only_failing(run(), "alarms")
    assert detail == "%s in %s is ALARM" % (PEER_ALARM, PEER)


def test_missing_alarm_fails_and_insufficient_data_passes(pair, monkeypatch):
    client("cloudwatch", OWN).set_alarm_state(AlarmName=OWN_ALARM, StateValue="INSUFFICIENT_DATA", StateReason="test")
    report = run()
    assert report["ready"] is True
    assert "%s in %s is INSUFFICIENT_DATA" % (OWN_ALARM, OWN) in checks(report)["alarms"]["detail"]

    monkeypatch.setenv("ALARM_NAMES", OWN_ALARM + ",region-health-typo")
    detail = assert_only_failing(run(), "alarms")
    assert detail == "region-health-typo in %s is missing" % OWN


def test_parameter_differing(pair):
    client("ssm", PEER).put_parameter(Name=PATH + "/db/password", Value="other-value", Type="SecureString", Overwrite=True)
    client("ssm", PEER).put_parameter(Name=PATH + "/new-flag", Value="on", Type="String")
    report = run()
    detail = assert_only_failing(report, "parameters")
    assert detail == "parameters under %s out of sync: differ: %s/db/password; missing in %s: %s/new-flag" % (PATH, PATH, OWN, PATH)
    assert "other-value" not in json.dumps(report) and "s3cret-value" not in json.dumps(report)


# ---------------------------------------------------------------------------------------------
# An unreachable peer region: checks fail with a clear detail, the run still reports.
# ---------------------------------------------------------------------------------------------


def test_unreachable_peer_fails_checks_without_crashing(pair, monkeypatch):
    # One attempt, so the test does not sit through the SDK's backoff.
    monkeypatch.setattr(readiness, "_CONFIG", readiness._CONFIG.merge(readiness.Config(retries={"max_attempts": 1})))
    readiness.reset_clients()

    def unreachable(request, **kwargs):
        raise EndpointConnectionError(endpoint_url=request.url)

    for service in ("rds", "cloudwatch", "dynamodb", "lambda", "ssm"):
        readiness._client(service, PEER).meta.events.register("before-send", unreachable)

    report = run()

    assert report["ready"] is False
    failed = failing(report)
    assert set(failed) == {"aurora_members", "aurora_lag", "session_table", "function_code", "alarms", "parameters"}
    for detail in failed.values():
        assert "cannot reach" in detail and " in %s: EndpointConnectionError" % PEER in detail, detail
    assert failed["aurora_lag"].startswith("cannot reach cloudwatch in %s" % PEER)
    # Published in the function's own region all the same.
    assert [p["Maximum"] for p in ready_datapoints()] == [0.0]
    assert stored_report() == report


def test_throttling_past_retries_fails_the_check(pair, monkeypatch):
    def throttled(**kwargs):
        raise ClientError({"Error": {"Code": "ThrottlingException", "Message": "Rate exceeded"}}, "GetParametersByPath")

    monkeypatch.setattr(readiness._client("ssm", PEER), "get_parameters_by_path", throttled)
    detail = assert_only_failing(run(), "parameters")
    assert detail == "ssm GetParametersByPath in %s failed: ThrottlingException Rate exceeded" % PEER


def test_publish_failure_fails_the_invocation(pair, monkeypatch):
    def refused(**kwargs):
        raise ClientError({"Error": {"Code": "AccessDeniedException", "Message": "no"}}, "PutParameter")

    monkeypatch.setattr(readiness._client("ssm", OWN), "put_parameter", refused)
    with pytest.raises(RuntimeError, match="not published: report parameter"):
        run()


# ---------------------------------------------------------------------------------------------
# Configuration.
# ---------------------------------------------------------------------------------------------


def test_unconfigured_checks_are_skipped(pair, monkeypatch):
    for name in ("GLOBAL_CLUSTER_ID", "SESSION_TABLE", "ALARM_NAMES", "PEER_ALARM_NAMES", "PARAMETER_PATH"):
        monkeypatch.delenv(name)
    report = run()

    assert report["ready"] is True
    by_name = checks(report)
    assert by_name["function_code"]["ok"] and not by_name["function_code"]["detail"].startswith("skipped")
    assert by_name["aurora_members"] == {"name": "aurora_members", "ok": True, "detail": "skipped: GLOBAL_CLUSTER_ID not set"}
    assert by_name["alarms"]["detail"] == "skipped: ALARM_NAMES / PEER_ALARM_NAMES not set"
    for name in ("aurora_lag", "session_table", "parameters"):
        assert by_name[name]["ok"] and by_name[name]["detail"].startswith("skipped: ")
    assert stored_report() == report


def test_nothing_configured_is_not_ready(pair, monkeypatch):
    for name in ("GLOBAL_CLUSTER_ID", "SESSION_TABLE", "FUNCTION_NAMES", "ALARM_NAMES", "PEER_ALARM_NAMES", "PARAMETER_PATH"):
        monkeypatch.delenv(name)
    report = run()
    assert report["ready"] is False
    assert all(c["detail"].startswith("skipped") for c in report["checks"])


def test_missing_peer_region_fails_configured_checks(pair, monkeypatch):
    monkeypatch.delenv("PEER_REGION")
    report = run()
    assert report["ready"] is False
    assert set(failing(report).values()) == {"PEER_REGION not set"}


def test_report_without_report_parameter_is_still_published_as_metric(pair, monkeypatch):
    monkeypatch.delenv("REPORT_PARAMETER")
    report = run()
    assert report["ready"] is True, failing(report)
    assert [p["Maximum"] for p in ready_datapoints()] == [1.0]


# ---------------------------------------------------------------------------------------------
# Packaging: its own zip, reproducible, and the order processor's bytes unchanged.
# ---------------------------------------------------------------------------------------------

# The order processor's package as the rest of the project knows it. Adding readiness to
# build.py must not move it; change it only together with orders.py.
ORDER_PROCESSOR_SHA256 = "fc417587b7daf7e257b32164d6fc2c668b77ebf9dde1f0e840dbed637f3a6e25"


def test_readiness_zip_is_reproducible_and_separate(tmp_path):
    first, second = tmp_path / "a" / "readiness.zip", tmp_path / "b" / "readiness.zip"
    digest = build.build(str(first), sources=build.PACKAGES["readiness"])
    assert build.build(str(second), sources=build.PACKAGES["readiness"]) == digest
    assert first.read_bytes() == second.read_bytes()
    with zipfile.ZipFile(first) as archive:
        assert archive.namelist() == ["readiness.py"]
        archive.extractall(tmp_path / "x")
    # What Lambda imports as "readiness.handler" is the module inside the zip.
    spec = importlib.util.spec_from_file_location("readiness_from_zip", tmp_path / "x" / "readiness.py")
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    assert callable(module.handler)


def test_order_processor_zip_bytes_unchanged(tmp_path):
    path = tmp_path / "order-processor.zip"
    assert build.build(str(path)).hex() == ORDER_PROCESSOR_SHA256


def test_cli_builds_both_packages_by_default(tmp_path, monkeypatch):
    monkeypatch.setattr(build, "default_out", lambda package: str(tmp_path / (package + ".zip")))
    build.main([])
    assert sorted(p.name for p in tmp_path.iterdir()) == ["order-processor.zip", "readiness.zip"]
