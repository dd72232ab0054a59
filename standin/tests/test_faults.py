"""Regional outage and throttling injection, and the control API, through boto3."""
import json
import urllib.error

import pytest
from botocore.exceptions import ClientError
from botocore.retries.standard import ExponentialBackoff, RetryContext, ThrottledRetryableChecker

from conftest import PRIMARY, SECONDARY, http
from drpair_standin.faults import FaultState, throttle_error

# one cheap read per protocol family: query, ec2, json, rest-xml, rest-json, s3
CALLS = {
    "rds": lambda c: c.describe_db_clusters(),
    "iam": lambda c: c.list_roles(),
    "sts": lambda c: c.get_caller_identity(),
    "ec2": lambda c: c.describe_vpcs(),
    "kms": lambda c: c.list_keys(),
    "dynamodb": lambda c: c.list_tables(),
    "cloudwatch": lambda c: c.describe_alarms(),
    "route53": lambda c: c.list_hosted_zones(),
    "lambda": lambda c: c.list_functions(),
    "s3": lambda c: c.list_buckets(),
}
THROTTLE_CODES = {"rds": ("Throttling", 400), "iam": ("Throttling", 400), "sts": ("Throttling", 400),
                  "ec2": ("RequestLimitExceeded", 503), "route53": ("Throttling", 400),
                  "s3": ("SlowDown", 503)}


def code_of(excinfo):
    r = excinfo.value.response
    return r["Error"]["Code"], r["ResponseMetadata"]["HTTPStatusCode"]


def test_outage_is_regional(aws, faults):
    assert faults(outage_regions=[PRIMARY])["outage_regions"] == [PRIMARY]
    for service, call in CALLS.items():
        with pytest.raises(ClientError) as e:
            call(aws(service, PRIMARY))
        assert code_of(e) == ("ServiceUnavailable", 503), service
    aws("rds", SECONDARY).describe_db_clusters()
    aws("kms", SECONDARY).list_keys()
    aws("ec2", SECONDARY).describe_vpcs()
    with pytest.raises(ClientError) as e:  # global services live in us-east-1
        aws("iam", SECONDARY).list_roles()
    assert code_of(e) == ("ServiceUnavailable", 503)


@pytest.mark.parametrize("service", sorted(CALLS))
def test_throttling_is_classified_and_retried(aws, faults, service, monkeypatch):
    monkeypatch.setattr(ExponentialBackoff, "delay_amount", lambda self, context: 0)  # keep it fast
    faults(throttle_rate=1.0)
    with pytest.raises(ClientError) as e:
        CALLS[service](aws(service, SECONDARY))
    assert code_of(e) == THROTTLE_CODES.get(service, ("ThrottlingException", 400))
    assert ThrottledRetryableChecker().is_retryable(RetryContext(1, parsed_response=e.value.response))
    with pytest.raises(ClientError) as e:  # boto3's standard retry mode retries it
        CALLS[service](aws(service, SECONDARY, attempts=3))
    assert e.value.response["ResponseMetadata"]["RetryAttempts"] == 2


def test_throttle_rate_is_a_share_of_calls(aws, faults):
    faults(throttle_rate=0.2, seed=1)
    kms = aws("kms")
    throttled = 0
    for _ in range(200):
        try:
            kms.list_keys()
        except ClientError as e:
            assert e.response["Error"]["Code"] == "ThrottlingException"
            throttled += 1
    print(f"throttled {throttled}/200 at rate 0.2 seed 1")
    assert 20 <= throttled <= 60


def test_control_api(standin, faults, aws):
    url = standin + "/drpair/faults"
    assert http(url) == {"outage_regions": [], "throttle_rate": 0.0, "create_delay_seconds": 0.0, "seed": None,
                         "unhealthy_endpoints": []}
    faults(outage_regions=["eu-west-1"], seed=7)
    merged = faults(throttle_rate=1.0)
    assert merged == {"outage_regions": ["eu-west-1"], "throttle_rate": 1.0, "create_delay_seconds": 0.0,
                      "seed": 7, "unhealthy_endpoints": []}
    # the control API and moto's own API are never faulted
    assert http(url)["throttle_rate"] == 1.0
    http(standin + "/moto-api/reset", "POST")
    for bad in ({"throttle_rate": 2}, {"outage_regions": "us-east-1"}, {"nope": 1}, [1],
                {"unhealthy_endpoints": "api.example.com"}, {"unhealthy_endpoints": [""]}):
        with pytest.raises(urllib.error.HTTPError) as e:
            http(url, "POST", bad)
        assert e.value.code == 400 and "error" in json.loads(e.value.read())
    assert http(url, "DELETE")["throttle_rate"] == 0.0
    aws("kms").list_keys()


def test_seeded_throttling_repeats():
    a, b = FaultState(), FaultState()
    for s in (a, b):
        s.update({"throttle_rate": 0.5, "seed": 42})
    assert [a.should_throttle() for _ in range(50)] == [b.should_throttle() for _ in range(50)]


def test_cbor_throttle_parses_with_botocore():
    """CloudWatch's newest protocol (rpc-v2-cbor; boto3 still picks JSON) gets a CBOR error body."""
    from botocore.parsers import create_parser

    environ = {"HTTP_SMITHY_PROTOCOL": "rpc-v2-cbor", "CONTENT_TYPE": "application/cbor"}
    status, headers, body = throttle_error(environ, "monitoring")
    parsed = create_parser("smithy-rpc-v2-cbor").parse(
        {"status_code": int(status.split()[0]), "headers": dict(headers), "body": body}, None)
    assert parsed["Error"]["Code"] == "ThrottlingException"
    assert parsed["Error"]["Message"] == "Rate exceeded"
