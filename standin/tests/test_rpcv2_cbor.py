"""CloudWatch over Smithy RPC v2 CBOR (what the AWS SDK for Rust sends), through the bridge."""
import urllib.error
import urllib.request

import cbor2

from conftest import PRIMARY

AUTH = (f"AWS4-HMAC-SHA256 Credential=testing/20261125/{PRIMARY}/monitoring/aws4_request, "
        "SignedHeaders=host, Signature=0")


def call(url, op, body):
    req = urllib.request.Request(
        f"{url}/service/GraniteServiceVersion20100801/operation/{op}", data=cbor2.dumps(body),
        method="POST", headers={"Content-Type": "application/cbor", "Accept": "application/cbor",
                                "smithy-protocol": "rpc-v2-cbor", "Authorization": AUTH})
    try:
        with urllib.request.urlopen(req, timeout=10) as resp:
            return resp.status, resp.headers, cbor2.loads(resp.read())
    except urllib.error.HTTPError as err:
        return err.code, err.headers, cbor2.loads(err.read())


def test_put_and_describe_come_back_typed_as_the_model_says(standin):
    status, headers, _ = call(standin, "PutMetricAlarm", {
        "AlarmName": "lag", "Namespace": "AWS/RDS", "MetricName": "AuroraGlobalDBReplicationLag",
        "Statistic": "Maximum", "Period": 60, "EvaluationPeriods": 1, "Threshold": 5000.0,
        "ComparisonOperator": "GreaterThanThreshold"})
    assert status == 200 and headers["smithy-protocol"] == "rpc-v2-cbor"
    status, _, out = call(standin, "DescribeAlarms", {"AlarmNames": ["lag"], "AlarmTypes": ["MetricAlarm"]})
    alarm = out["MetricAlarms"][0]
    assert status == 200 and alarm["AlarmName"] == "lag"
    assert isinstance(alarm["Period"], int) and isinstance(alarm["Threshold"], float)
    # Timestamps decode as datetimes only when sent as CBOR tag 1, which the SDK requires.
    assert alarm["StateUpdatedTimestamp"].year >= 2026


def test_errors_keep_their_code(standin):
    status, _, out = call(standin, "PutCompositeAlarm", {"AlarmName": "c", "AlarmRule": 'ALARM("missing")'})
    # moto's JSON protocol names the shape with its namespace; the SDK strips it.
    assert status == 400 and out["__type"].split("#")[-1] in ("ValidationError", "ValidationException")
    assert "missing" in out["message"]


def test_throttling_is_answered_in_cbor(standin, faults):
    faults(throttle_rate=1.0)
    status, headers, out = call(standin, "DescribeAlarms", {})
    assert status == 400 and out["__type"] == "ThrottlingException"
    assert headers["Content-Type"] == "application/cbor"
