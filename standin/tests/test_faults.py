"""Regional outage and throttling injection, and the control API, through boto3."""
import json
import threading
import time
import urllib.error

import pytest
from botocore.config import Config
from botocore.exceptions import ClientError, ReadTimeoutError
from botocore.retries.standard import ExponentialBackoff, RetryContext, ThrottledRetryableChecker

from conftest import PRIMARY, SECONDARY, http
from drpair_standin.faults import FaultState, server_error, throttle_error

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
                         "unhealthy_endpoints": [], "error_rate": 0.0, "slow_rate": 0.0, "slow_seconds": 0.0,
                         "hold_after_requests": None}
    faults(outage_regions=["eu-west-1"], seed=7)
    merged = faults(throttle_rate=1.0)
    assert merged == {"outage_regions": ["eu-west-1"], "throttle_rate": 1.0, "create_delay_seconds": 0.0,
                      "seed": 7, "unhealthy_endpoints": [], "error_rate": 0.0, "slow_rate": 0.0,
                      "slow_seconds": 0.0, "hold_after_requests": None}
    # the control API and moto's own API are never faulted
    assert http(url)["throttle_rate"] == 1.0
    http(standin + "/moto-api/reset", "POST")
    for bad in ({"throttle_rate": 2}, {"outage_regions": "us-east-1"}, {"nope": 1}, [1],
                {"unhealthy_endpoints": "api.example.com"}, {"unhealthy_endpoints": [""]},
                {"error_rate": -0.1}, {"error_rate": True}, {"slow_rate": 1.5}, {"slow_seconds": -1},
                {"slow_seconds": 601}, {"hold_after_requests": -1}, {"hold_after_requests": 1.5},
                {"hold_after_requests": True}):
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


# ---- intermittent 500s, slow calls, a stall after N requests (the fault matrix's faults) ---------

@pytest.mark.parametrize("service", sorted(CALLS))
def test_server_errors_are_500_and_retried(aws, faults, service, monkeypatch):
    monkeypatch.setattr(ExponentialBackoff, "delay_amount", lambda self, context: 0)
    faults(error_rate=1.0)
    with pytest.raises(ClientError) as e:
        CALLS[service](aws(service, SECONDARY))
    want = "InternalError" if service in ("s3", "ec2") else "InternalFailure"
    assert code_of(e) == (want, 500)
    with pytest.raises(ClientError) as e:  # transient: the standard retry mode retries it
        CALLS[service](aws(service, SECONDARY, attempts=3))
    assert e.value.response["ResponseMetadata"]["RetryAttempts"] == 2


def test_error_rate_is_a_share_of_calls_and_seeded(aws, faults):
    faults(error_rate=0.3, seed=3)
    kms = aws("kms")
    failed = 0
    for _ in range(200):
        try:
            kms.list_keys()
        except ClientError as e:
            assert e.response["Error"]["Code"] == "InternalFailure"
            failed += 1
    print(f"500s {failed}/200 at rate 0.3 seed 3")
    assert 35 <= failed <= 85
    a, b = FaultState(), FaultState()
    for s in (a, b):
        s.update({"error_rate": 0.5, "seed": 9})
    assert [a.should_fail() for _ in range(50)] == [b.should_fail() for _ in range(50)]


def test_server_error_shape_for_cbor():
    from botocore.parsers import create_parser

    environ = {"HTTP_SMITHY_PROTOCOL": "rpc-v2-cbor", "CONTENT_TYPE": "application/cbor"}
    status, headers, body = server_error(environ, "monitoring")
    assert status == "500 Internal Server Error"
    parsed = create_parser("smithy-rpc-v2-cbor").parse(
        {"status_code": 500, "headers": dict(headers), "body": body}, None)
    assert parsed["Error"]["Code"] == "InternalFailure"


def test_slow_calls_answer_late(aws, faults):
    faults(slow_rate=1.0, slow_seconds=0.6)
    t0 = time.monotonic()
    aws("ssm").describe_parameters()
    assert time.monotonic() - t0 >= 0.6
    faults(slow_rate=0.0)
    t0 = time.monotonic()
    aws("ssm").describe_parameters()
    assert time.monotonic() - t0 < 0.5


def test_slow_call_beyond_the_client_timeout_still_takes_effect(standin, faults):
    """The client gives up (read timeout) but the stand-in serves the call anyway, as AWS may:
    a retry then meets what the first attempt did."""
    import boto3

    faults(slow_rate=1.0, slow_seconds=1.5)
    ssm = boto3.client("ssm", region_name=PRIMARY, endpoint_url=standin, aws_access_key_id="testing",
                       aws_secret_access_key="testing",
                       config=Config(read_timeout=0.5, retries={"mode": "standard", "total_max_attempts": 1}))
    with pytest.raises(ReadTimeoutError):
        ssm.put_parameter(Name="/slow/one", Value="v", Type="String")
    faults(slow_rate=0.0)
    time.sleep(1.3)  # the held-back request finishes on the server
    fast = boto3.client("ssm", region_name=PRIMARY, endpoint_url=standin, aws_access_key_id="testing",
                        aws_secret_access_key="testing")
    assert fast.get_parameter(Name="/slow/one")["Parameter"]["Value"] == "v"


def test_hold_after_requests_stalls_until_released(aws, faults, standin):
    kms = aws("kms")
    assert faults(hold_after_requests=2)["hold_after_requests"] == 2
    kms.list_keys()
    kms.list_keys()  # the budget: two requests pass
    done = threading.Event()

    def third():
        kms.list_keys()
        done.set()

    threading.Thread(target=third, daemon=True).start()
    assert not done.wait(0.8), "the third request should be held"
    # the control API is never held; clearing the key releases the waiting request
    assert http(standin + "/drpair/faults")["hold_after_requests"] == 2
    faults(hold_after_requests=None)
    assert done.wait(5)
    kms.list_keys()  # no hold any more


def test_hold_is_released_by_reset(aws, faults, standin):
    faults(hold_after_requests=0)
    done = threading.Event()
    threading.Thread(target=lambda: (aws("kms").list_keys(), done.set()), daemon=True).start()
    assert not done.wait(0.5)
    http(standin + "/drpair/faults", "DELETE")
    assert done.wait(5)
