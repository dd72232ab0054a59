"""drpair_dns_failover through real Terraform, checked against Route 53 and CloudWatch."""
import os
import signal
import uuid

import pytest

import configs
from aws import wait_until
from configs import PRIMARY, SECONDARY, hcl
from harness import REAL_AWS

ADDR = "drpair_dns_failover.api"
# API Gateway's regional hosted zones (the alias targets' zones).
API_ZONES = {PRIMARY: "Z1UJRXOUMOOFQ8", SECONDARY: "ZOJJZC49E0EPZ"}


def zone_name(suffix):
    return f"{suffix}.drpair.test"


def record(suffix):
    return f"api.{zone_name(suffix)}"


def api_domain(suffix, region):
    return f"d-{suffix}.execute-api.{region}.amazonaws.com"


def region_obj(suffix, region, **overrides):
    obj = {"domain_name": api_domain(suffix, region), "zone_id": API_ZONES[region],
           "health_fqdn": api_domain(suffix, region)}
    obj.update(overrides)
    return obj


def dns_hcl(endpoint, suffix, **overrides):
    args = {
        "zone_name": zone_name(suffix),
        "record_name": record(suffix),
        "primary": region_obj(suffix, PRIMARY),
        "secondary": region_obj(suffix, SECONDARY),
    }
    args.update(overrides)
    body = "\n".join(f"  {k} = {hcl(v)}" for k, v in args.items() if v is not None)
    return configs.provider(endpoint, suffix) + f'\nresource "drpair_dns_failover" "api" {{\n{body}\n}}\n'


def r53(aws):
    return aws.client("route53", PRIMARY)


def records(aws, zone_id, name):
    """Failover A records at name: set identifier -> (role, alias target, health check id)."""
    out = r53(aws).list_resource_record_sets(HostedZoneId=zone_id)["ResourceRecordSets"]
    return {r.get("SetIdentifier"): (r.get("Failover"), r["AliasTarget"]["DNSName"].rstrip("."),
                                     r.get("HealthCheckId"))
            for r in out if r["Name"] == name + "." and r["Type"] == "A"}


def check(aws, hc_id):
    return r53(aws).get_health_check(HealthCheckId=hc_id)["HealthCheck"]["HealthCheckConfig"]


def our_zones(aws, suffix):
    return [z for z in r53(aws).list_hosted_zones()["HostedZones"] if z["Name"] == zone_name(suffix) + "."]


def publish(aws, alarm, value):
    """What the orchestrator does to force (1) or release (0) a failover: one metric, secondary region."""
    aws.client("cloudwatch", alarm["region"]).put_metric_data(Namespace=alarm["namespace"], MetricData=[{
        "MetricName": alarm["metric_name"], "Value": value,
        "Dimensions": [{"Name": k, "Value": v} for k, v in alarm["dimensions"].items()]}])


def assert_wired(aws, state, suffix):
    """Everything in place as designed, checked through the APIs."""
    ids = state["health_check_ids"]
    for role, region in (("primary", PRIMARY), ("secondary", SECONDARY)):
        c = check(aws, ids[role])
        assert (c["Type"], c["RequestInterval"], c["FailureThreshold"]) == ("HTTPS", 10, 3), role
        assert (c["FullyQualifiedDomainName"], c["ResourcePath"], c["Port"]) == (
            api_domain(suffix, region), "/health", 443)
    control = check(aws, ids["control"])
    assert control["Type"] == "CLOUDWATCH_METRIC"
    assert control["AlarmIdentifier"] == {"Region": SECONDARY, "Name": state["control_alarm"]["name"]}
    assert control["InsufficientDataHealthStatus"] == "Healthy"
    combined = check(aws, ids["primary_combined"])
    assert combined["Type"] == "CALCULATED" and combined["HealthThreshold"] == 2
    assert sorted(combined["ChildHealthChecks"]) == sorted([ids["primary"], ids["control"]])
    got = records(aws, state["zone_id"], record(suffix))
    assert got == {
        state["primary_set_identifier"]: ("PRIMARY", api_domain(suffix, PRIMARY), ids["primary_combined"]),
        state["secondary_set_identifier"]: ("SECONDARY", api_domain(suffix, SECONDARY), ids["secondary"]),
    }
    alarm = state["control_alarm"]
    found = aws.client("cloudwatch", SECONDARY).describe_alarms(AlarmNames=[alarm["name"]])["MetricAlarms"]
    assert [(a["Namespace"], a["MetricName"], a["Dimensions"]) for a in found] == [
        ("drpair/Failover", "ForceFailover", [{"Name": "RecordName", "Value": record(suffix)}])]


def test_dns_failover_lifecycle(tf, tf_factory, aws, standin, suffix):
    tf.write(dns_hcl(standin.url, suffix))
    tf.init()
    tf.apply()
    state = tf.state()[ADDR]
    assert [z["Id"].split("/")[-1] for z in our_zones(aws, suffix)] == [state["zone_id"]]
    assert state["name_servers"] and state["detection_seconds"] == 10 * 3 + 60
    assert state["control_alarm"]["region"] == SECONDARY and state["control_alarm"]["threshold"] == 1
    assert_wired(aws, state, suffix)
    assert aws.resolve(state["zone_id"], record(suffix)) == ("PRIMARY", api_domain(suffix, PRIMARY))
    tf.assert_plan_empty()

    # A fresh control alarm has no data: the control check counts it healthy (no failover).
    ids = state["health_check_ids"]
    cw = aws.client("cloudwatch", SECONDARY)
    assert cw.describe_alarms(AlarmNames=[state["control_alarm"]["name"]])["MetricAlarms"][0][
        "StateValue"] == "INSUFFICIENT_DATA"
    assert aws.healthy(ids["control"]) and aws.healthy(ids["primary_combined"])

    # The primary endpoint failing moves traffic on its own.
    standin.faults(unhealthy_endpoints=[api_domain(suffix, PRIMARY)])
    assert not aws.healthy(ids["primary"]) and not aws.healthy(ids["primary_combined"])
    assert aws.resolve(state["zone_id"], record(suffix))[0] == "SECONDARY"
    standin.reset_faults()
    assert aws.resolve(state["zone_id"], record(suffix))[0] == "PRIMARY"

    # Forced failover: one metric published in the secondary region, no Route 53 call.
    publish(aws, state["control_alarm"], 1)
    assert not aws.healthy(ids["control"]) and not aws.healthy(ids["primary_combined"])
    assert aws.healthy(ids["primary"])  # the primary endpoint itself is fine
    assert aws.resolve(state["zone_id"], record(suffix)) == ("SECONDARY", api_domain(suffix, SECONDARY))
    tf.assert_plan_empty()  # a switchover done outside Terraform is not drift

    # Deleted outside Terraform: the secondary record and the control alarm. Detected, repaired.
    sec = next(r for r in r53(aws).list_resource_record_sets(HostedZoneId=state["zone_id"])["ResourceRecordSets"]
               if r.get("Failover") == "SECONDARY")
    r53(aws).change_resource_record_sets(HostedZoneId=state["zone_id"], ChangeBatch={
        "Changes": [{"Action": "DELETE", "ResourceRecordSet": sec}]})
    aws.client("cloudwatch", SECONDARY).delete_alarms(AlarmNames=[state["control_alarm"]["name"]])
    # ... and the primary check's path changed by hand: put back in place, same check.
    r53(aws).update_health_check(HealthCheckId=ids["primary"], ResourcePath="/elsewhere")
    assert tf.plan().changes() == [(ADDR, ["update"])]
    tf.apply()
    repaired = tf.state()[ADDR]
    assert repaired["health_check_ids"] == ids and repaired["zone_id"] == state["zone_id"]
    assert_wired(aws, repaired, suffix)
    tf.assert_plan_empty()

    # A set identifier change swaps the record in one batch; nothing else moves.
    tf.write(dns_hcl(standin.url, suffix, primary_set_identifier="use1"))
    assert tf.plan().changes() == [(ADDR, ["update"])]
    tf.apply()
    swapped = tf.state()[ADDR]
    assert swapped["primary_set_identifier"] == "use1" and swapped["health_check_ids"] == ids
    assert set(records(aws, state["zone_id"], record(suffix))) == {"use1", "secondary"}
    assert_wired(aws, swapped, suffix)
    tf.assert_plan_empty()

    # Import by record name round-trips.
    imported = tf_factory("import")
    imported.write(dns_hcl(standin.url, suffix, primary_set_identifier="use1"))
    imported.init()
    imported.import_(ADDR, record(suffix))
    got, orig = imported.state()[ADDR], tf.state()[ADDR]
    for attr in ("zone_name", "zone_id", "record_name", "primary", "secondary", "request_interval",
                 "failure_threshold", "record_ttl_seconds", "primary_set_identifier", "secondary_set_identifier",
                 "health_check_ids", "control_alarm", "detection_seconds", "name_servers"):
        assert got[attr] == orig[attr], attr
    imported.assert_plan_empty()

    tf.destroy()
    assert aws.sweep(suffix) == []


def test_dns_failover_existing_zone_and_routing_switch(tf, tf_factory, aws, standin, suffix):
    zone_id = r53(aws).create_hosted_zone(Name=zone_name(suffix), CallerReference=str(uuid.uuid4()))[
        "HostedZone"]["Id"].split("/")[-1]
    # The name starts as a simple alias record: switching it to failover must be one batch.
    r53(aws).change_resource_record_sets(HostedZoneId=zone_id, ChangeBatch={"Changes": [{
        "Action": "CREATE", "ResourceRecordSet": {
            "Name": record(suffix), "Type": "A", "AliasTarget": {
                "HostedZoneId": API_ZONES[PRIMARY], "DNSName": api_domain(suffix, PRIMARY),
                "EvaluateTargetHealth": False}}}]})
    tf.write(dns_hcl(standin.url, suffix, zone_name=None, zone_id=zone_id, request_interval=30,
                     failure_threshold=2, record_ttl_seconds=30))
    tf.init()
    tf.apply()
    state = tf.state()[ADDR]
    assert state["zone_id"] == zone_id and state["zone_name"] is None
    assert state["detection_seconds"] == 30 * 2 + 30
    assert set(records(aws, zone_id, record(suffix))) == {"primary", "secondary"}  # the simple record is gone
    assert check(aws, state["health_check_ids"]["primary"])["RequestInterval"] == 30
    tf.assert_plan_empty()

    # Route 53 cannot change a check's interval: new checks, records moved to them in one
    # batch, then the old checks deleted. A threshold change is made in place.
    tf.write(dns_hcl(standin.url, suffix, zone_name=None, zone_id=zone_id, failure_threshold=3))
    tf.apply()
    fast = tf.state()[ADDR]
    assert fast["health_check_ids"]["primary"] != state["health_check_ids"]["primary"]
    assert_wired(aws, fast, suffix)
    owned = [hc["Id"] for hc in r53(aws).list_health_checks()["HealthChecks"]]
    assert sorted(owned) == sorted(fast["health_check_ids"].values())
    tf.assert_plan_empty()

    # Import finds the zone by the record name; a zone we did not create comes back as zone_id.
    imported = tf_factory("import")
    imported.write(dns_hcl(standin.url, suffix, zone_name=None, zone_id=zone_id, failure_threshold=3))
    imported.init()
    imported.import_(ADDR, record(suffix))
    got = imported.state()[ADDR]
    assert (got["zone_id"], got["zone_name"], got["health_check_ids"]) == (zone_id, None, fast["health_check_ids"])
    imported.assert_plan_empty()

    tf.destroy()
    # The zone was given to us: it stays, emptied of what we made.
    assert r53(aws).get_hosted_zone(Id=zone_id)["HostedZone"]["Name"] == zone_name(suffix) + "."
    assert records(aws, zone_id, record(suffix)) == {}
    left = aws.sweep(suffix)
    assert left == [f"global hosted-zone /hostedzone/{zone_id} {zone_name(suffix)}."]


def test_dns_failover_refused_batch_applies_nothing_and_forgets_nothing(tf, aws, standin, suffix):
    """A CNAME someone left at the name makes Route 53 refuse the record batch: no record is
    half-made, the checks and alarm that exist are in state, and the next apply converges."""
    zone_id = r53(aws).create_hosted_zone(Name=zone_name(suffix), CallerReference=str(uuid.uuid4()))[
        "HostedZone"]["Id"].split("/")[-1]
    cname = {"Name": record(suffix), "Type": "CNAME", "TTL": 60,
             "ResourceRecords": [{"Value": api_domain(suffix, PRIMARY)}]}
    r53(aws).change_resource_record_sets(HostedZoneId=zone_id, ChangeBatch={
        "Changes": [{"Action": "CREATE", "ResourceRecordSet": cname}]})
    tf.write(dns_hcl(standin.url, suffix, zone_name=None, zone_id=zone_id))
    tf.init()
    result = tf.apply(expect_fail=True)
    assert "InvalidChangeBatch" in result.stderr
    assert records(aws, zone_id, record(suffix)) == {}
    state = tf.state()[ADDR]
    ids = state["health_check_ids"]
    assert all(ids.values()) and state["control_alarm"]["name"]
    assert state["primary_set_identifier"] is None  # no record: nothing claimed
    for hc in ids.values():
        check(aws, hc)  # exists

    r53(aws).change_resource_record_sets(HostedZoneId=zone_id, ChangeBatch={
        "Changes": [{"Action": "DELETE", "ResourceRecordSet": cname}]})
    tf.apply()
    assert_wired(aws, tf.state()[ADDR], suffix)
    tf.assert_plan_empty()
    tf.destroy()
    assert aws.sweep(suffix) == [f"global hosted-zone /hostedzone/{zone_id} {zone_name(suffix)}."]


def test_dns_failover_throttled(tf, aws, standin, suffix):
    tf.write(dns_hcl(standin.url, suffix))
    tf.init()
    standin.faults(throttle_rate=0.2)
    tf.apply()
    tf.assert_plan_empty()
    tf.destroy()
    standin.reset_faults()
    assert aws.sweep(suffix) == []


@pytest.mark.skipif(REAL_AWS, reason="needs the stand-in's regional outage")
def test_dns_failover_killed_apply_converges(tf, aws, standin, suffix):
    tf.write(dns_hcl(standin.url, suffix))
    tf.init()
    # The secondary region is out: the apply makes the zone, then retries the control alarm
    # there until it is killed.
    standin.faults(outage_regions=[SECONDARY])
    proc = tf.popen("apply", "-auto-approve", "-input=false", "-no-color")
    try:
        wait_until(lambda: proc.poll() is not None or our_zones(aws, suffix), timeout=120, interval=0.1,
                   what="the zone")
        assert proc.poll() is None, "apply ended before it could be killed"
    finally:
        if proc.poll() is None:
            os.killpg(proc.pid, signal.SIGKILL)
        proc.wait()
    standin.reset_faults()
    tf.apply()
    assert len(our_zones(aws, suffix)) == 1  # the interrupted run's zone was adopted
    assert_wired(aws, tf.state()[ADDR], suffix)
    tf.assert_plan_empty()
    tf.destroy()
    assert aws.sweep(suffix) == []


BAD = [
    ({"zone_id": "Z0EXISTING"}, ["zone_id"]),  # both zone_name and zone_id
    ({"zone_name": None}, ["zone_name"]),  # neither
    ({"request_interval": 20}, ["request_interval"]),
    ({"failure_threshold": 11}, ["failure_threshold"]),
    ({"record_name": "API.Example"}, ["record_name"]),
    ({"record_name": "api.elsewhere.test"}, ["record_name"]),
    ({"primary_set_identifier": "same", "secondary_set_identifier": "same"}, ["secondary_set_identifier"]),
    ({"record_ttl_seconds": -1}, ["record_ttl_seconds"]),
    ({"secondary": {"health_port": 0, "health_path": "health"}}, ["secondary.health_port", "secondary.health_path"]),
    ({"primary": {"domain_name": "d-1.execute-api.us-east-1.amazonaws.com.", "zone_id": "/hostedzone/Z1"}},
     ["primary.domain_name", "primary.zone_id"]),
]


def test_dns_failover_bad_input(tf, standin, suffix):
    """Each bad configuration fails at plan naming the attribute, before any AWS call. One
    workspace for all of them: only main.tf changes."""
    tf.write(dns_hcl(standin.url, suffix))
    tf.init()
    for overrides, named in BAD:
        for role in ("primary", "secondary"):
            if role in overrides:
                overrides = dict(overrides, **{role: region_obj(suffix, PRIMARY if role == "primary" else SECONDARY,
                                                                **overrides[role])})
        tf.write(dns_hcl(standin.url, suffix, **overrides))
        before = standin.request_count()
        result = tf.plan(expect_fail=True)
        for attr in named:
            assert attr in result.stderr, (overrides, attr, result.stderr)
        assert standin.request_count() == before, overrides  # rejected before any AWS call
