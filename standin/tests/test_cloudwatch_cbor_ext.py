"""CloudWatch over RPC v2 CBOR (what the AWS SDK for Rust speaks) reaches moto's alarms."""
import urllib.error
import urllib.request

from botocore.auth import SigV4Auth
from botocore.awsrequest import AWSRequest
from botocore.credentials import Credentials
from botocore.parsers import RpcV2CBORParser
from botocore.serialize import RpcV2CBORSerializer
from botocore.session import get_session

from conftest import PRIMARY

MODEL = get_session().get_service_model("cloudwatch")


def cbor_call(url, op, params, region=PRIMARY):
    """One signed CBOR request built by botocore's own serializer; (status, parsed answer)."""
    operation = MODEL.operation_model(op)
    req = RpcV2CBORSerializer().serialize_to_request(params, operation)
    aws_req = AWSRequest(method="POST", url=url + req["url_path"], data=req["body"], headers=req["headers"])
    SigV4Auth(Credentials("testing", "testing"), "monitoring", region).add_auth(aws_req)
    http = urllib.request.Request(aws_req.url, data=aws_req.body, headers=dict(aws_req.headers), method="POST")
    try:
        with urllib.request.urlopen(http, timeout=10) as resp:
            status, headers, body = resp.status, dict(resp.headers), resp.read()
    except urllib.error.HTTPError as err:
        status, headers, body = err.code, dict(err.headers), err.read()
    assert headers.get("smithy-protocol") == "rpc-v2-cbor"
    parsed = RpcV2CBORParser().parse(
        {"status_code": status, "headers": headers, "body": body}, operation.output_shape)
    return status, parsed


def test_alarm_round_trip_over_cbor(standin, aws):
    status, _ = cbor_call(standin, "PutMetricAlarm", {
        "AlarmName": "api-p99", "Namespace": "AWS/ApiGateway", "MetricName": "Latency",
        "ExtendedStatistic": "p99", "Period": 60, "EvaluationPeriods": 5, "DatapointsToAlarm": 3,
        "Threshold": 1000.0, "ComparisonOperator": "GreaterThanThreshold",
        "Dimensions": [{"Name": "ApiName", "Value": "a"}]})
    assert status == 200
    status, out = cbor_call(standin, "DescribeAlarms", {"AlarmNames": ["api-p99"]})
    alarm = out["MetricAlarms"][0]
    assert (alarm["ExtendedStatistic"], alarm["Threshold"], alarm["EvaluationPeriods"]) == ("p99", 1000.0, 5)
    # Timestamps arrive tagged (the parser turns only tag 1 into a datetime).
    assert alarm["StateUpdatedTimestamp"].year >= 2024
    # The same alarm through boto3's JSON protocol: one backend behind both.
    assert aws("cloudwatch").describe_alarms(AlarmNames=["api-p99"])["MetricAlarms"][0]["Period"] == 60
    assert cbor_call(standin, "DeleteAlarms", {"AlarmNames": ["api-p99"]})[0] == 200
    assert cbor_call(standin, "DescribeAlarms", {"AlarmNames": ["api-p99"]})[1]["MetricAlarms"] == []


def test_errors_keep_their_code_over_cbor(standin):
    status, out = cbor_call(standin, "SetAlarmState", {
        "AlarmName": "missing", "StateValue": "ALARM", "StateReason": "test"})
    assert status == 404 and out["Error"]["Code"] == "ResourceNotFound"
