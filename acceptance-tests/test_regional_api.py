"""drpair_regional_api through real Terraform, checked against API Gateway, ACM, Lambda,
CloudWatch and CloudWatch Logs in both regions."""
import io
import json
import os
import re
import signal
import zipfile

import pytest

import configs
from aws import wait_until
from configs import PRIMARY, SECONDARY, hcl
from harness import REAL_AWS

ADDR = "drpair_regional_api.api"
DOMAIN = "api.example.com"
ROUTES = {"/health": "GET", "/orders": "POST"}


def rid(suffix):
    return f"api-{configs.ENVIRONMENT}-{suffix}"


def functions(aws, suffix, name="orders"):
    """One small function per region, created directly (Lambda in the stand-in runs nothing).
    Test inputs, not ours: their names leave out the suffix so the sweep does not count them
    (each test has its own stand-in, so fixed names cannot collide)."""
    role = "input-fn"
    iam = aws.client("iam", PRIMARY)
    try:
        arn = iam.create_role(RoleName=role, AssumeRolePolicyDocument=json.dumps({
            "Version": "2012-10-17", "Statement": [{"Effect": "Allow", "Action": "sts:AssumeRole",
                                                    "Principal": {"Service": "lambda.amazonaws.com"}}]}))["Role"]["Arn"]
    except iam.exceptions.EntityAlreadyExistsException:
        arn = iam.get_role(RoleName=role)["Role"]["Arn"]
    buf = io.BytesIO()
    with zipfile.ZipFile(buf, "w") as z:
        z.writestr("h.py", "def h(event, context):\n    return {'statusCode': 200, 'body': 'ok'}\n")
    out = {}
    for region in (PRIMARY, SECONDARY):
        out[region] = aws.client("lambda", region).create_function(
            FunctionName=f"input-{name}", Runtime="python3.12", Role=arn, Handler="h.h",
            Code={"ZipFile": buf.getvalue()})["FunctionArn"]
    return out


def issued_certificate(aws, region, domain=DOMAIN):
    """A certificate we give: private-CA issued, ISSUED at once."""
    ca = f"arn:aws:acm-pca:{region}:123456789012:certificate-authority/00000000-0000-0000-0000-000000000001"
    return aws.client("acm", region).request_certificate(DomainName=domain, CertificateAuthorityArn=ca)["CertificateArn"]


def api_hcl(endpoint, suffix, fns, **overrides):
    args = {
        "name": "api",
        "primary_function_arn": fns[PRIMARY],
        "secondary_function_arn": fns[SECONDARY],
        "domain_name": DOMAIN,
        "throttling_rate_limit": 200,
        "throttling_burst_limit": 400,
        "latency_p99_threshold_ms": 800,
    }
    args.update(overrides)
    body = "\n".join(f"  {k} = {hcl(v)}" for k, v in args.items() if v is not None)
    return configs.provider(endpoint, suffix) + f'\nresource "drpair_regional_api" "api" {{\n{body}\n}}\n'


def api_id(aws, region, suffix):
    apis = [a for a in aws.client("apigateway", region).get_rest_apis()["items"] if a["name"] == rid(suffix)]
    return apis[0]["id"] if apis else None


def our_certs(aws, region, suffix):
    acm = aws.client("acm", region)
    out = []
    for c in acm.list_certificates(CertificateStatuses=["PENDING_VALIDATION", "ISSUED"])["CertificateSummaryList"]:
        tags = acm.list_tags_for_certificate(CertificateArn=c["CertificateArn"]).get("Tags", [])
        if {"Key": "drpair:name", "Value": rid(suffix)} in tags:
            out.append(c["CertificateArn"])
    return out


def alarm_names(region, suffix):
    return [f"{rid(suffix)}-{region}-latency-p99", f"{rid(suffix)}-{region}-5xx"]


def check_region(aws, region, suffix, fn, cert=None, stage="live", rate=200, burst=400, domain=DOMAIN):
    """Everything the resource owns in a region, through the AWS API."""
    ag = aws.client("apigateway", region)
    api = api_id(aws, region, suffix)
    assert api, region
    resources = {r["path"]: r["id"] for r in ag.get_resources(restApiId=api)["items"]}
    for path, method in ROUTES.items():
        integ = ag.get_integration(restApiId=api, resourceId=resources[path], httpMethod=method)
        assert integ["type"] == "AWS_PROXY" and f"/functions/{fn}/invocations" in integ["uri"], (region, path)
        assert f":apigateway:{region}:lambda:" in integ["uri"]
    st = ag.get_stage(restApiId=api, stageName=stage)
    log_group = f"/aws/apigateway/{rid(suffix)}/access"
    assert st["accessLogSettings"]["destinationArn"].endswith(f":logs:{region}:123456789012:log-group:{log_group}")
    assert st["methodSettings"]["*/*"]["throttlingRateLimit"] == rate
    assert st["methodSettings"]["*/*"]["throttlingBurstLimit"] == burst
    groups = aws.client("logs", region).describe_log_groups(logGroupNamePrefix=log_group)["logGroups"]
    assert [g["logGroupName"] for g in groups] == [log_group]
    dom = ag.get_domain_name(domainName=domain)
    assert dom["endpointConfiguration"]["types"] == ["REGIONAL"]
    assert dom["regionalCertificateArn"].split(":")[3] == region
    if cert:
        assert dom["regionalCertificateArn"] == cert
    else:
        assert our_certs(aws, region, suffix) == [dom["regionalCertificateArn"]]
    assert ag.get_base_path_mappings(domainName=domain)["items"] == [
        {"basePath": "(none)", "restApiId": api, "stage": stage}]
    policy = json.loads(aws.client("lambda", region).get_policy(FunctionName=fn)["Policy"])
    [stmt] = [s for s in policy["Statement"] if s["Sid"] == f"{rid(suffix)}-apigateway"]
    assert stmt["Condition"]["ArnLike"]["AWS:SourceArn"] == f"arn:aws:execute-api:{region}:123456789012:{api}/*/*/*"
    alarms = {a["AlarmName"]: a for a in aws.client("cloudwatch", region).describe_alarms(
        AlarmNames=alarm_names(region, suffix))["MetricAlarms"]}
    latency, errors = (alarms[n] for n in alarm_names(region, suffix))
    assert latency["ExtendedStatistic"] == "p99" and latency["MetricName"] == "Latency"
    assert errors["MetricName"] == "5XXError" and errors["Namespace"] == "AWS/ApiGateway"
    assert {d["Name"]: d["Value"] for d in latency["Dimensions"]} == {"ApiName": rid(suffix), "Stage": stage}
    return api, dom


def leftovers(aws, suffix):
    return aws.sweep(suffix)


def test_regional_api_lifecycle(tf, tf_factory, aws, standin, suffix):
    fns = functions(aws, suffix)
    tf.write(api_hcl(standin.url, suffix, fns))
    tf.init()
    tf.apply()
    state = tf.state()[ADDR]
    for role, region in (("primary", PRIMARY), ("secondary", SECONDARY)):
        api, dom = check_region(aws, region, suffix, fns[region])
        got = state[role]
        assert got["api_id"] == api and got["region"] == region
        assert got["regional_domain_name"] == dom["regionalDomainName"]
        assert got["regional_zone_id"] == dom["regionalHostedZoneId"]
        assert got["health_fqdn"] == f"{api}.execute-api.{region}.amazonaws.com"
        assert got["health_path"] == "/live/health"
        assert got["invoke_url"] == f"https://{api}.execute-api.{region}.amazonaws.com/live"
        assert got["alarm_names"] == alarm_names(region, suffix)
        assert got["certificate_arn"] == dom["regionalCertificateArn"]
        assert got["certificate_validation"][0]["type"] == "CNAME"
    assert state["primary"]["regional_zone_id"] != state["secondary"]["regional_zone_id"]
    tf.assert_plan_empty()

    # Deleted outside Terraform in the secondary: the mapping and an alarm. Plan names them,
    # apply repairs them in place.
    ag = aws.client("apigateway", SECONDARY)
    ag.delete_base_path_mapping(domainName=DOMAIN, basePath="(none)")
    aws.client("cloudwatch", SECONDARY).delete_alarms(AlarmNames=[alarm_names(SECONDARY, suffix)[1]])
    plan = tf.plan()
    assert plan.changes() == [(ADDR, ["update"])]
    tf.apply()
    check_region(aws, SECONDARY, suffix, fns[SECONDARY])
    assert tf.state()[ADDR]["secondary"]["api_id"] == state["secondary"]["api_id"]
    tf.assert_plan_empty()

    # Throttling changed outside Terraform is drift too.
    api = state["primary"]["api_id"]
    aws.client("apigateway", PRIMARY).update_stage(restApiId=api, stageName="live", patchOperations=[
        {"op": "replace", "path": "/*/*/throttling/rateLimit", "value": "5"}])
    assert tf.plan().changes() == [(ADDR, ["update"])]
    tf.apply()
    check_region(aws, PRIMARY, suffix, fns[PRIMARY])
    tf.assert_plan_empty()

    # Import by id round-trips the inputs.
    imported = tf_factory("import")
    imported.write(api_hcl(standin.url, suffix, fns))
    imported.init()
    imported.import_(ADDR, rid(suffix))
    got, orig = imported.state()[ADDR], tf.state()[ADDR]
    for attr in ("primary_function_arn", "secondary_function_arn", "domain_name", "stage_name",
                 "primary_certificate_arn", "throttling_rate_limit", "throttling_burst_limit",
                 "latency_p99_threshold_ms", "error_5xx_threshold", "primary", "secondary"):
        assert got[attr] == orig[attr], attr
    imported.assert_plan_empty()

    # A new stage name moves the stage, mapping and alarms; the old stage goes.
    tf.write(api_hcl(standin.url, suffix, fns, stage_name="v2"))
    tf.apply()
    for region in (PRIMARY, SECONDARY):
        check_region(aws, region, suffix, fns[region], stage="v2")
        stages = aws.client("apigateway", region).get_stages(restApiId=api_id(aws, region, suffix))["item"]
        assert [s["stageName"] for s in stages] == ["v2"]
    tf.assert_plan_empty()

    # Another domain and, in the secondary, another function: the old domain, its
    # certificates and the old function's permission go; the API stays.
    fns2 = {PRIMARY: fns[PRIMARY], SECONDARY: functions(aws, suffix, "orders2")[SECONDARY]}
    tf.write(api_hcl(standin.url, suffix, fns2, stage_name="v2", domain_name="api2.example.com"))
    tf.apply()
    for region in (PRIMARY, SECONDARY):
        check_region(aws, region, suffix, fns2[region], stage="v2", domain="api2.example.com")
        assert [d["domainName"] for d in aws.client("apigateway", region).get_domain_names()["items"]] == [
            "api2.example.com"]
    lam = aws.client("lambda", SECONDARY)
    with pytest.raises(lam.exceptions.ResourceNotFoundException):
        lam.get_policy(FunctionName=fns[SECONDARY])
    assert tf.state()[ADDR]["secondary"]["api_id"] == state["secondary"]["api_id"]
    tf.assert_plan_empty()

    tf.destroy()
    assert leftovers(aws, suffix) == []
    # The functions are inputs: they stay, without our permission.
    for region, fn in ((PRIMARY, fns[PRIMARY]), (SECONDARY, fns2[SECONDARY])):
        lam = aws.client("lambda", region)
        assert lam.get_function(FunctionName=fn)
        with pytest.raises(lam.exceptions.ResourceNotFoundException):
            lam.get_policy(FunctionName=fn)


def test_regional_api_given_certificates(tf, tf_factory, aws, standin, suffix):
    fns = functions(aws, suffix)
    certs = {r: issued_certificate(aws, r) for r in (PRIMARY, SECONDARY)}
    tf.write(api_hcl(standin.url, suffix, fns, secondary_certificate_arn=certs[SECONDARY]))
    tf.init()
    tf.apply()
    # The primary requested its own; the secondary uses the given one.
    check_region(aws, PRIMARY, suffix, fns[PRIMARY])
    check_region(aws, SECONDARY, suffix, fns[SECONDARY], cert=certs[SECONDARY])
    assert our_certs(aws, SECONDARY, suffix) == []
    state = tf.state()[ADDR]
    assert state["secondary"]["certificate_arn"] == certs[SECONDARY]
    assert state["secondary"]["certificate_validation"] == []
    tf.assert_plan_empty()

    # Import tells a given certificate (an argument) from one it requested (not one).
    imported = tf_factory("import")
    imported.write(api_hcl(standin.url, suffix, fns, secondary_certificate_arn=certs[SECONDARY]))
    imported.init()
    imported.import_(ADDR, rid(suffix))
    got = imported.state()[ADDR]
    assert (got["primary_certificate_arn"], got["secondary_certificate_arn"]) == (None, certs[SECONDARY])
    imported.assert_plan_empty()

    # Switching the primary to a given certificate swaps it in place and deletes ours.
    tf.write(api_hcl(standin.url, suffix, fns, primary_certificate_arn=certs[PRIMARY],
                     secondary_certificate_arn=certs[SECONDARY]))
    tf.apply()
    check_region(aws, PRIMARY, suffix, fns[PRIMARY], cert=certs[PRIMARY])
    assert our_certs(aws, PRIMARY, suffix) == []
    tf.assert_plan_empty()

    tf.destroy()
    assert leftovers(aws, suffix) == []
    for region, arn in certs.items():  # given certificates are not ours to delete
        assert aws.client("acm", region).describe_certificate(CertificateArn=arn)["Certificate"]["Status"] == "ISSUED"


def test_regional_api_throttled(tf, aws, standin, suffix):
    fns = functions(aws, suffix)
    tf.write(api_hcl(standin.url, suffix, fns))
    tf.init()
    standin.faults(throttle_rate=0.2)
    tf.apply()
    tf.assert_plan_empty()
    tf.destroy()
    standin.reset_faults()
    assert leftovers(aws, suffix) == []


@pytest.mark.skipif(REAL_AWS, reason="needs the stand-in's regional outage")
def test_regional_api_killed_apply_converges(tf, aws, standin, suffix):
    fns = functions(aws, suffix)
    tf.write(api_hcl(standin.url, suffix, fns))
    tf.init()
    # The secondary region is out: the apply builds the primary, then retries the secondary
    # until it is killed.
    standin.faults(outage_regions=[SECONDARY])
    proc = tf.popen("apply", "-auto-approve", "-input=false", "-no-color")
    try:
        wait_until(lambda: proc.poll() is not None or api_id(aws, PRIMARY, suffix) is not None,
                   timeout=120, interval=0.1, what="the primary API")
        assert proc.poll() is None, "apply ended before it could be killed"
    finally:
        if proc.poll() is None:
            os.killpg(proc.pid, signal.SIGKILL)
        proc.wait()
    standin.reset_faults()
    tf.apply()
    for region in (PRIMARY, SECONDARY):
        check_region(aws, region, suffix, fns[region])
    # Adopted, not duplicated.
    assert len([a for a in aws.client("apigateway", PRIMARY).get_rest_apis()["items"] if a["name"] == rid(suffix)]) == 1
    assert len(our_certs(aws, PRIMARY, suffix)) == 1
    tf.assert_plan_empty()
    tf.destroy()
    assert leftovers(aws, suffix) == []


FN1 = "arn:aws:lambda:us-east-1:123456789012:function:orders"
FN2 = "arn:aws:lambda:us-east-2:123456789012:function:orders"
# Each case holds several mistakes: every attribute must be named, before any AWS call.
BAD = [
    # Each region's API must call, and present a certificate, of its own region.
    ({"secondary_function_arn": FN1,
      "primary_certificate_arn": "arn:aws:acm:us-east-2:123456789012:certificate/x"},
     ["secondary_function_arn", "primary_certificate_arn"]),
    # Malformed.
    ({"primary_function_arn": "orders", "domain_name": "API.example.com", "stage_name": "live-1",
      "name": "Api"},
     ["primary_function_arn", "domain_name", "stage_name", "name"]),
    # Out of range.
    ({"throttling_burst_limit": 6000, "latency_p99_threshold_ms": 0, "error_5xx_threshold": 0,
      "domain_name": "localhost"},
     ["throttling_burst_limit", "latency_p99_threshold_ms", "error_5xx_threshold", "domain_name"]),
]


@pytest.mark.parametrize("overrides,named", BAD, ids=["wrong-region", "malformed", "out-of-range"])
def test_regional_api_bad_input(tf, standin, suffix, overrides, named):
    tf.write(api_hcl(standin.url, suffix, {PRIMARY: FN1, SECONDARY: FN2}, **overrides))
    tf.init()
    before = standin.request_count()
    result = tf.plan(expect_fail=True)
    # Terraform quotes the configuration line of each attribute a diagnostic names.
    quoted = set(re.findall(r"^\s*\d+:\s+(\w+)\s+=", result.stderr, re.M))
    assert quoted == set(named)
    assert standin.request_count() == before  # rejected before any AWS call
