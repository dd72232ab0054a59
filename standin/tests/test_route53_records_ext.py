"""Route 53 record batches (atomic, validated, tracked) added by drpair_standin.route53_records_ext."""
import time
import uuid

import pytest
from botocore.exceptions import ClientError

from conftest import PRIMARY

ZONE = "example.test"
API_EAST = "d-abc.execute-api.us-east-1.amazonaws.com"
API_WEST = "d-def.execute-api.us-west-2.amazonaws.com"


@pytest.fixture
def r53(aws):
    return aws("route53", PRIMARY)


@pytest.fixture
def zone(r53):
    return r53.create_hosted_zone(Name=ZONE, CallerReference=str(uuid.uuid4()))["HostedZone"]["Id"]


def check(r53, fqdn):
    return r53.create_health_check(CallerReference=str(uuid.uuid4()), HealthCheckConfig={
        "Type": "HTTPS", "FullyQualifiedDomainName": fqdn, "ResourcePath": "/health"})["HealthCheck"]["Id"]


def failover(role, target, hc=None, set_id=None, name=f"api.{ZONE}"):
    rs = {"Name": name, "Type": "A", "SetIdentifier": set_id or role.lower(), "Failover": role,
          "AliasTarget": {"HostedZoneId": "Z1UJRXOUMOOFQ8", "DNSName": target, "EvaluateTargetHealth": False}}
    if hc:
        rs["HealthCheckId"] = hc
    return rs


def change(r53, zone, *changes):
    return r53.change_resource_record_sets(
        HostedZoneId=zone, ChangeBatch={"Changes": [{"Action": a, "ResourceRecordSet": rs} for a, rs in changes]})


def records(r53, zone, kind="A"):
    out = r53.list_resource_record_sets(HostedZoneId=zone)["ResourceRecordSets"]
    return {(r["Name"], r.get("SetIdentifier")): r for r in out if r["Type"] == kind}


def rejected(excinfo):
    err = excinfo.value.response["Error"]
    return err["Code"], err["Message"]


def test_failover_alias_records_round_trip_and_change_goes_insync(r53, zone):
    hc = check(r53, API_EAST)
    out = change(r53, zone, ("CREATE", failover("PRIMARY", API_EAST, hc)), ("CREATE", failover("SECONDARY", API_WEST)))
    info = out["ChangeInfo"]
    assert info["Status"] == "PENDING" and info["Id"].startswith("/change/")
    time.sleep(0.35)
    assert r53.get_change(Id=info["Id"])["ChangeInfo"]["Status"] == "INSYNC"
    got = records(r53, zone)
    primary = got[(f"api.{ZONE}.", "primary")]
    assert primary["Failover"] == "PRIMARY" and primary["HealthCheckId"] == hc
    assert primary["AliasTarget"] == {"HostedZoneId": "Z1UJRXOUMOOFQ8", "DNSName": API_EAST + ".",
                                      "EvaluateTargetHealth": False}
    assert "TTL" not in primary
    assert got[(f"api.{ZONE}.", "secondary")]["Failover"] == "SECONDARY"
    # Every change has its own id.
    other = change(r53, zone, ("UPSERT", failover("SECONDARY", API_EAST)))["ChangeInfo"]["Id"]
    assert other != info["Id"]


def test_unknown_change_id_is_no_such_change(r53):
    with pytest.raises(ClientError) as e:
        r53.get_change(Id="/change/CNOPE")
    assert rejected(e)[0] == "NoSuchChange"


def test_delete_of_missing_or_different_record_is_refused(r53, zone):
    change(r53, zone, ("CREATE", failover("PRIMARY", API_EAST)))
    with pytest.raises(ClientError) as e:
        change(r53, zone, ("DELETE", failover("SECONDARY", API_WEST)))
    assert rejected(e) == ("InvalidChangeBatch", f"[Tried to delete resource record set [name='api.{ZONE}.', "
                                                 f"type='A', set-identifier='secondary'] but it was not found]")
    with pytest.raises(ClientError) as e:
        change(r53, zone, ("DELETE", failover("PRIMARY", API_WEST)))
    assert "do not match the current values" in rejected(e)[1]
    # A DELETE with a SetIdentifier removes that record only, not every record with that id.
    change(r53, zone, ("CREATE", failover("PRIMARY", API_EAST, name=f"web.{ZONE}")))
    change(r53, zone, ("DELETE", failover("PRIMARY", API_EAST)))
    assert set(records(r53, zone)) == {(f"web.{ZONE}.", "primary")}


def test_create_of_existing_record_is_refused(r53, zone):
    change(r53, zone, ("CREATE", failover("PRIMARY", API_EAST)))
    with pytest.raises(ClientError) as e:
        change(r53, zone, ("CREATE", failover("PRIMARY", API_EAST)))
    assert "but it already exists" in rejected(e)[1]


def test_a_bad_change_late_in_a_batch_applies_nothing(r53, zone):
    change(r53, zone, ("CREATE", failover("PRIMARY", API_EAST)))
    before = records(r53, zone)
    with pytest.raises(ClientError) as e:
        change(r53, zone, ("DELETE", failover("PRIMARY", API_EAST)),
               ("CREATE", failover("PRIMARY", API_EAST, set_id="p2")),
               ("DELETE", failover("SECONDARY", API_WEST)))  # does not exist
    assert rejected(e)[0] == "InvalidChangeBatch"
    assert records(r53, zone) == before


def test_set_identifier_change_is_one_batch(r53, zone):
    old = failover("PRIMARY", API_EAST)
    change(r53, zone, ("CREATE", old), ("CREATE", failover("SECONDARY", API_WEST)))
    # Creating the new PRIMARY alone would make two PRIMARY records: refused.
    with pytest.raises(ClientError) as e:
        change(r53, zone, ("CREATE", failover("PRIMARY", API_EAST, set_id="p2")))
    assert "more than one PRIMARY" in rejected(e)[1]
    change(r53, zone, ("DELETE", old), ("CREATE", failover("PRIMARY", API_EAST, set_id="p2")))
    assert set(records(r53, zone)) == {(f"api.{ZONE}.", "p2"), (f"api.{ZONE}.", "secondary")}


def test_routing_policy_switch_needs_delete_and_create_together(r53, zone):
    simple = {"Name": f"api.{ZONE}", "Type": "A", "AliasTarget": {
        "HostedZoneId": "Z1UJRXOUMOOFQ8", "DNSName": API_EAST, "EvaluateTargetHealth": False}}
    change(r53, zone, ("CREATE", simple))
    with pytest.raises(ClientError) as e:
        change(r53, zone, ("CREATE", failover("PRIMARY", API_EAST)))
    assert "must be alone" in rejected(e)[1]
    change(r53, zone, ("DELETE", simple), ("CREATE", failover("PRIMARY", API_EAST)),
           ("CREATE", failover("SECONDARY", API_WEST)))
    assert set(records(r53, zone)) == {(f"api.{ZONE}.", "primary"), (f"api.{ZONE}.", "secondary")}


def test_malformed_records_are_refused(r53, zone):
    bad = [
        dict(failover("PRIMARY", API_EAST), TTL=60),  # alias with a TTL
        {"Name": f"api.{ZONE}", "Type": "A"},  # neither alias nor records
        dict(failover("PRIMARY", API_EAST), Failover="TERTIARY"),
        {k: v for k, v in failover("PRIMARY", API_EAST).items() if k != "Failover"},  # id without policy
    ]
    for rs in bad:
        with pytest.raises(ClientError) as e:
            change(r53, zone, ("CREATE", rs))
        assert rejected(e)[0] in ("InvalidInput", "ValidationError"), rs
    with pytest.raises(ClientError) as e:
        change(r53, zone, ("CREATE", failover("PRIMARY", API_EAST, hc="no-such-check")))
    assert rejected(e)[0] == "NoSuchHealthCheck"
    with pytest.raises(ClientError) as e:
        change(r53, zone, ("CREATE", failover("PRIMARY", API_EAST, name="api.notexample.test")))
    assert "is not permitted in zone" in rejected(e)[1]
    assert records(r53, zone) == {}


def test_plain_records_upsert_and_delete(r53, zone):
    rs = {"Name": f"www.{ZONE}", "Type": "TXT", "TTL": 60, "ResourceRecords": [{"Value": '"v1"'}]}
    change(r53, zone, ("UPSERT", rs))
    change(r53, zone, ("UPSERT", dict(rs, TTL=30)))
    got = records(r53, zone, "TXT")[(f"www.{ZONE}.", None)]
    assert got["TTL"] == 30 and got["ResourceRecords"] == [{"Value": '"v1"'}]
    change(r53, zone, ("DELETE", dict(rs, TTL=30)))
    assert records(r53, zone, "TXT") == {}
    # The zone's own NS and SOA records are untouched by all this.
    assert r53.delete_hosted_zone(Id=zone)


def test_cname_is_alone_at_its_name(r53, zone):
    cname = {"Name": f"api.{ZONE}", "Type": "CNAME", "TTL": 60, "ResourceRecords": [{"Value": API_EAST}]}
    change(r53, zone, ("CREATE", cname))
    with pytest.raises(ClientError) as e:
        change(r53, zone, ("CREATE", failover("PRIMARY", API_EAST)), ("CREATE", failover("SECONDARY", API_WEST)))
    assert "conflicts with other records" in rejected(e)[1]
    assert records(r53, zone) == {}
    change(r53, zone, ("DELETE", cname), ("CREATE", failover("PRIMARY", API_EAST)))
    assert set(records(r53, zone)) == {(f"api.{ZONE}.", "primary")}
