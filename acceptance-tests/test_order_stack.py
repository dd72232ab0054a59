"""The compute, API and DNS resources wired together as examples/order-stack shows, through
real Terraform: each resource's outputs feed the next, and the AWS side is checked to be wired
end to end (API -> that region's function, DNS -> that region's API, one health signal per
region rolling up every alarm of the region)."""
import importlib.util
import re
from pathlib import Path

import configs
from configs import PRIMARY, SECONDARY

EXAMPLE = Path(__file__).resolve().parent.parent / "examples" / "order-stack" / "main.tf"
LAMBDA_DIR = Path(__file__).resolve().parent.parent / "lambda"


def build_package(out):
    """The reference order processor, built the same way `make lambda` builds it."""
    spec = importlib.util.spec_from_file_location("drpair_lambda_build", LAMBDA_DIR / "build.py")
    build = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(build)
    build.build(str(out))


def stack_hcl(endpoint, suffix, package, zone):
    """The example itself, with our provider block, package path and a zone name per test."""
    text = EXAMPLE.read_text()
    text = re.sub(r'terraform \{.*?\n\}\n', "", text, count=1, flags=re.S)
    text = re.sub(r'provider "drpair" \{.*?\n\}\n', "", text, count=1, flags=re.S)
    text = text.replace('"${path.module}/../../lambda/dist/order-processor.zip"', f'"{package}"')
    text = text.replace("trading.example.com", zone)
    return configs.provider(endpoint, suffix) + text


def composite_rule(aws, region, name):
    found = aws.client("cloudwatch", region).describe_alarms(
        AlarmNames=[name], AlarmTypes=["CompositeAlarm"])["CompositeAlarms"]
    assert len(found) == 1, (region, name)
    return found[0]["AlarmRule"]


def test_order_stack_wired_end_to_end(tf, aws, standin, suffix, tmp_path):
    package = tmp_path / "order-processor.zip"
    build_package(package)
    zone = f"trading-{suffix}.example.com"
    record = f"api.{zone}"
    tf.write(stack_hcl(standin.url, suffix, package, zone))
    tf.init()
    tf.apply()
    tf.assert_plan_empty()

    state = tf.state()
    pipeline = state["drpair_order_pipeline.orders"]
    api = state["drpair_regional_api.api"]
    dns = state["drpair_dns_failover.api"]
    health = state["drpair_region_health.health"]

    for role, region in (("primary", PRIMARY), ("secondary", SECONDARY)):
        fn_arn = pipeline[role]["function_arn"]
        assert f":{region}:" in fn_arn
        # The API's routes call this region's function, nothing else.
        apigw = aws.client("apigateway", region)
        api_id = api[role]["api_id"]
        uris = set()
        for res in apigw.get_resources(restApiId=api_id)["items"]:
            for method in res.get("resourceMethods", {}):
                integ = apigw.get_integration(restApiId=api_id, resourceId=res["id"], httpMethod=method)
                uris.add(integ["uri"])
        assert uris and all(fn_arn in uri and f":{region}:" in uri for uri in uris), uris

        # The region's signal rolls up the function's and the API's alarms.
        rule = composite_rule(aws, region, health[role]["composite_alarm_name"])
        for alarm in pipeline[role]["alarm_names"] + api[role]["alarm_names"]:
            assert f'ALARM("{alarm}")' in rule, (region, alarm, rule)

    # Route 53 (us-east-1, where its metrics live) feeds the primary signal through an alarm
    # on the primary endpoint check that drpair_region_health owns.
    cw = aws.client("cloudwatch", PRIMARY)
    endpoint = [a for a in cw.describe_alarms(AlarmNames=health["primary"]["owned_alarm_names"])["MetricAlarms"]
                if a["Namespace"] == "AWS/Route53"]
    assert [d["Value"] for a in endpoint for d in a["Dimensions"]] == [dns["health_check_ids"]["primary"]]
    assert f'ALARM("{endpoint[0]["AlarmName"]}")' in composite_rule(
        aws, PRIMARY, health["primary"]["composite_alarm_name"])

    # DNS answers with the primary API while all is well...
    assert aws.resolve(dns["zone_id"], record) == ("PRIMARY", api["primary"]["regional_domain_name"])

    # ...and with the secondary API once the orchestrator publishes one metric in us-east-2.
    alarm = dns["control_alarm"]
    aws.client("cloudwatch", alarm["region"]).put_metric_data(Namespace=alarm["namespace"], MetricData=[{
        "MetricName": alarm["metric_name"], "Value": 1,
        "Dimensions": [{"Name": k, "Value": v} for k, v in alarm["dimensions"].items()]}])
    assert aws.resolve(dns["zone_id"], record) == ("SECONDARY", api["secondary"]["regional_domain_name"])
    # Traffic moved outside Terraform: nothing for Terraform to undo.
    tf.assert_plan_empty()

    tf.destroy()
    assert aws.sweep(suffix) == []
