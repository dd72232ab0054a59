"""Route 53 data-plane answers (drpair_standin.dns_ext): GET /drpair/dns, never faulted."""
import json
import urllib.error
import urllib.request
import uuid

import pytest

from conftest import PRIMARY, http

ZONE = "example.test"
EAST = "d-abc.execute-api.us-east-1.amazonaws.com"
WEST = "d-def.execute-api.us-east-2.amazonaws.com"


def dns(standin, name, rtype=None):
    query = f"?name={name}" + (f"&type={rtype}" if rtype else "")
    return http(standin + "/drpair/dns" + query)


@pytest.fixture
def failover_pair(aws):
    """api.example.test: PRIMARY -> EAST with an HTTPS check on EAST, SECONDARY -> WEST with one on WEST."""
    r53 = aws("route53", PRIMARY)
    zone = r53.create_hosted_zone(Name=ZONE, CallerReference=str(uuid.uuid4()))["HostedZone"]["Id"]
    checks = {}
    changes = []
    for role, target in (("PRIMARY", EAST), ("SECONDARY", WEST)):
        checks[role] = r53.create_health_check(CallerReference=str(uuid.uuid4()), HealthCheckConfig={
            "Type": "HTTPS", "FullyQualifiedDomainName": target, "ResourcePath": "/health"})["HealthCheck"]["Id"]
        changes.append({"Action": "CREATE", "ResourceRecordSet": {
            "Name": f"api.{ZONE}", "Type": "A", "SetIdentifier": role.lower(), "Failover": role,
            "HealthCheckId": checks[role],
            "AliasTarget": {"HostedZoneId": "Z1UJRXOUMOOFQ8", "DNSName": target, "EvaluateTargetHealth": False}}})
    changes.append({"Action": "CREATE", "ResourceRecordSet": {
        "Name": f"www.{ZONE}", "Type": "A", "TTL": 60, "ResourceRecords": [{"Value": "192.0.2.1"}]}})
    r53.change_resource_record_sets(HostedZoneId=zone, ChangeBatch={"Changes": changes})
    return zone.split("/")[-1], checks


def test_failover_answers_follow_health_and_survive_a_us_east_1_outage(standin, faults, failover_pair):
    zone, checks = failover_pair
    before = http(standin + "/drpair/requests")["total"]
    got = dns(standin, f"api.{ZONE}")
    assert got == {"name": f"api.{ZONE}.", "type": "A", "failover": "PRIMARY", "alias": EAST, "values": None,
                   "set_identifier": "primary", "health_check_id": checks["PRIMARY"], "zone_id": zone}
    # us-east-1 down: its API endpoint fails its check, and Route 53's API is down, but DNS answers
    faults(outage_regions=["us-east-1"])
    got = dns(standin, f"api.{ZONE}.", "A")
    assert (got["failover"], got["alias"], got["set_identifier"]) == ("SECONDARY", WEST, "secondary")
    # both unhealthy: Route 53 answers with the primary
    faults(unhealthy_endpoints=[WEST])
    assert dns(standin, f"API.{ZONE}")["failover"] == "PRIMARY"
    faults(outage_regions=[], unhealthy_endpoints=[])
    assert dns(standin, f"api.{ZONE}")["failover"] == "PRIMARY"
    assert http(standin + "/drpair/requests")["total"] == before  # not AWS calls


def test_simple_records_and_unknown_names(standin, failover_pair):
    got = dns(standin, f"www.{ZONE}")
    assert (got["failover"], got["alias"], got["values"]) == (None, None, ["192.0.2.1"])
    for name, rtype in ((f"nope.{ZONE}", "A"), (f"www.{ZONE}", "AAAA")):
        with pytest.raises(urllib.error.HTTPError) as err:
            dns(standin, name, rtype)
        assert err.value.code == 404 and "error" in json.loads(err.value.read())
    with pytest.raises(urllib.error.HTTPError) as err:
        urllib.request.urlopen(standin + "/drpair/dns", timeout=5)
    assert err.value.code == 400
