"""Route 53 health checks (round trip and status) added by drpair_standin.route53_ext."""
import uuid
from datetime import datetime, timedelta, timezone

import pytest
from botocore.exceptions import ClientError

from conftest import PRIMARY, SECONDARY

API_EAST = "abc123.execute-api.us-east-1.amazonaws.com"
API_WEST = "def456.execute-api.us-west-2.amazonaws.com"


def error(excinfo):
    err = excinfo.value.response
    return err["Error"]["Code"], err["ResponseMetadata"]["HTTPStatusCode"]


@pytest.fixture
def r53(aws):
    return aws("route53", PRIMARY)


def create(r53, ref=None, **config):
    out = r53.create_health_check(CallerReference=ref or str(uuid.uuid4()), HealthCheckConfig=config)
    return out["HealthCheck"]


def https(r53, fqdn, **kw):
    return create(r53, Type="HTTPS", FullyQualifiedDomainName=fqdn, ResourcePath="/health", RequestInterval=10,
                  FailureThreshold=2, **kw)


def status(r53, hc_id):
    obs = r53.get_health_check_status(HealthCheckId=hc_id)["HealthCheckObservations"]
    texts = {o["StatusReport"]["Status"].split(":")[0] for o in obs}
    assert len(texts) == 1, obs
    return texts.pop() == "Success"


def alarm(aws, region, name="heartbeat", **kw):
    cw = aws("cloudwatch", region)
    args = dict(AlarmName=name, Namespace="drpair", MetricName="Heartbeat", ComparisonOperator="LessThanThreshold",
                EvaluationPeriods=1, Period=60, Threshold=1, Statistic="Sum")
    args.update(kw)
    cw.put_metric_alarm(**args)
    return cw


def test_endpoint_check_round_trip_and_defaults(r53):
    hc = https(r53, API_EAST, Regions=["us-east-1", "us-west-2", "eu-west-1"], Inverted=False)
    config = hc["HealthCheckConfig"]
    assert config["Port"] == 443 and config["EnableSNI"] is True  # AWS's HTTPS defaults
    assert (config["RequestInterval"], config["FailureThreshold"], config["ResourcePath"]) == (10, 2, "/health")
    assert config["FullyQualifiedDomainName"] == API_EAST and config["Regions"] == ["us-east-1", "us-west-2", "eu-west-1"]
    got = r53.get_health_check(HealthCheckId=hc["Id"])["HealthCheck"]
    assert got["HealthCheckConfig"] == config and got["HealthCheckVersion"] == 1
    tcp = create(r53, Type="TCP", IPAddress="192.0.2.10", Port=5432)
    assert tcp["HealthCheckConfig"]["EnableSNI"] is False and tcp["HealthCheckConfig"]["Port"] == 5432

    # an update changes only what it names, and moves the version
    out = r53.update_health_check(HealthCheckId=hc["Id"], HealthCheckVersion=1, FailureThreshold=5, Port=8443,
                                  EnableSNI=False)["HealthCheck"]
    assert out["HealthCheckVersion"] == 2
    config = out["HealthCheckConfig"]
    assert (config["FailureThreshold"], config["Port"], config["EnableSNI"]) == (5, 8443, False)
    assert config["Regions"] == ["us-east-1", "us-west-2", "eu-west-1"] and config["ResourcePath"] == "/health"
    with pytest.raises(ClientError) as e:
        r53.update_health_check(HealthCheckId=hc["Id"], HealthCheckVersion=1, FailureThreshold=3)
    assert error(e) == ("HealthCheckVersionMismatch", 409)
    out = r53.update_health_check(HealthCheckId=hc["Id"], ResetElements=["Regions", "ResourcePath"])["HealthCheck"]
    assert "Regions" not in out["HealthCheckConfig"] and "ResourcePath" not in out["HealthCheckConfig"]


def test_caller_reference_is_idempotent(r53):
    first = https(r53, API_EAST, ref="hc-east")
    again = https(r53, API_EAST, ref="hc-east")
    assert again["Id"] == first["Id"] and len(r53.list_health_checks()["HealthChecks"]) == 1
    with pytest.raises(ClientError) as e:
        https(r53, API_WEST, ref="hc-east")
    assert error(e) == ("HealthCheckAlreadyExists", 409)


def test_endpoint_status_follows_faults(r53, faults):
    east, west = https(r53, API_EAST), https(r53, API_WEST)
    tcp = create(r53, Type="TCP", IPAddress="192.0.2.10", Port=5432)
    obs = r53.get_health_check_status(HealthCheckId=east["Id"])["HealthCheckObservations"]
    assert len(obs) == 8 and obs[0]["StatusReport"]["Status"].startswith("Success")
    assert status(r53, east["Id"]) and status(r53, west["Id"]) and status(r53, tcp["Id"])
    faults(unhealthy_endpoints=[API_EAST.upper() + ".", "192.0.2.10"])
    assert not status(r53, east["Id"]) and status(r53, west["Id"]) and not status(r53, tcp["Id"])
    faults(unhealthy_endpoints=[west["Id"]])
    assert status(r53, east["Id"]) and not status(r53, west["Id"])
    faults(unhealthy_endpoints=[], outage_regions=["us-west-2"])
    assert status(r53, east["Id"]) and not status(r53, west["Id"])
    # us-east-1 down takes Route 53's control plane with it; DELETE resets everything
    faults(outage_regions=[])
    faults(unhealthy_endpoints=[API_EAST])
    inverted = https(r53, API_EAST, Inverted=True)
    disabled = https(r53, API_EAST, Disabled=True)
    assert status(r53, inverted["Id"]) and status(r53, disabled["Id"])


def test_cloudwatch_metric_check(aws, r53):
    cw = alarm(aws, SECONDARY)
    with pytest.raises(ClientError) as e:
        create(r53, Type="CLOUDWATCH_METRIC", AlarmIdentifier={"Region": PRIMARY, "Name": "heartbeat"})
    assert error(e) == ("InvalidInput", 400)
    hc = create(r53, Type="CLOUDWATCH_METRIC", AlarmIdentifier={"Region": SECONDARY, "Name": "heartbeat"},
                InsufficientDataHealthStatus="Unhealthy")
    config = hc["HealthCheckConfig"]
    assert config["AlarmIdentifier"] == {"Region": SECONDARY, "Name": "heartbeat"}
    assert config["InsufficientDataHealthStatus"] == "Unhealthy" and "Port" not in config
    assert hc["CloudWatchAlarmConfiguration"]["MetricName"] == "Heartbeat"
    assert hc["CloudWatchAlarmConfiguration"]["ComparisonOperator"] == "LessThanThreshold"
    assert not status(r53, hc["Id"])  # INSUFFICIENT_DATA -> Unhealthy
    cw.put_metric_data(Namespace="drpair", MetricData=[{"MetricName": "Heartbeat", "Value": 1}])
    assert status(r53, hc["Id"])  # OK
    cw.set_alarm_state(AlarmName="heartbeat", StateValue="ALARM", StateReason="drill")
    assert not status(r53, hc["Id"])
    r53.update_health_check(HealthCheckId=hc["Id"], Inverted=True)
    assert status(r53, hc["Id"])


def test_insufficient_data_policies(aws, r53, faults):
    cw = alarm(aws, SECONDARY)
    ids = {p: create(r53, Type="CLOUDWATCH_METRIC", AlarmIdentifier={"Region": SECONDARY, "Name": "heartbeat"},
                     InsufficientDataHealthStatus=p)["Id"] for p in ("Healthy", "Unhealthy", "LastKnownStatus")}
    assert [status(r53, ids[p]) for p in ("Healthy", "Unhealthy", "LastKnownStatus")] == [True, False, True]
    cw.set_alarm_state(AlarmName="heartbeat", StateValue="ALARM", StateReason="drill")
    assert not status(r53, ids["LastKnownStatus"])
    cw.set_alarm_state(AlarmName="heartbeat", StateValue="INSUFFICIENT_DATA", StateReason="drill")
    assert not status(r53, ids["LastKnownStatus"])  # last known: unhealthy
    cw.set_alarm_state(AlarmName="heartbeat", StateValue="OK", StateReason="drill")
    assert status(r53, ids["LastKnownStatus"])
    # the alarm's region in an outage: CloudWatch there is unreachable, so insufficient data
    faults(outage_regions=[SECONDARY])
    assert status(r53, ids["Healthy"]) and not status(r53, ids["Unhealthy"]) and status(r53, ids["LastKnownStatus"])


def test_calculated_check(aws, r53, faults):
    east, west = https(r53, API_EAST), https(r53, API_WEST)
    alarm(aws, PRIMARY, TreatMissingData="breaching")  # no heartbeat at all: ALARM
    control = create(r53, Type="CLOUDWATCH_METRIC", AlarmIdentifier={"Region": PRIMARY, "Name": "heartbeat"})
    both = create(r53, Type="CALCULATED", ChildHealthChecks=[east["Id"], west["Id"]], HealthThreshold=2)
    any_ = create(r53, Type="CALCULATED", ChildHealthChecks=[east["Id"], west["Id"], control["Id"]],
                  HealthThreshold=1)
    assert both["HealthCheckConfig"]["ChildHealthChecks"] == [east["Id"], west["Id"]]
    assert both["HealthCheckConfig"]["HealthThreshold"] == 2 and "Port" not in both["HealthCheckConfig"]
    assert status(r53, both["Id"]) and status(r53, any_["Id"])
    assert not status(r53, control["Id"])
    faults(unhealthy_endpoints=[API_WEST])
    assert not status(r53, both["Id"]) and status(r53, any_["Id"])
    faults(unhealthy_endpoints=[API_WEST, API_EAST])
    assert not status(r53, any_["Id"])
    r53.update_health_check(HealthCheckId=both["Id"], HealthThreshold=0)
    assert status(r53, both["Id"])
    # an update without ChildHealthChecks keeps them (moto emptied them)
    got = r53.get_health_check(HealthCheckId=both["Id"])["HealthCheck"]["HealthCheckConfig"]
    assert got["ChildHealthChecks"] == [east["Id"], west["Id"]] and got["HealthThreshold"] == 0
    with pytest.raises(ClientError) as e:
        create(r53, Type="CALCULATED", ChildHealthChecks=["no-such-check"], HealthThreshold=1)
    assert error(e)[0] == "NoSuchHealthCheck"


def test_health_check_status_metric_in_us_east_1(aws, r53, faults):
    east = https(r53, API_EAST)
    faults(unhealthy_endpoints=[API_EAST])
    cw = aws("cloudwatch", PRIMARY)
    now = datetime.now(timezone.utc)
    points = cw.get_metric_statistics(
        Namespace="AWS/Route53", MetricName="HealthCheckStatus", Statistics=["Minimum"], Period=60,
        Dimensions=[{"Name": "HealthCheckId", "Value": east["Id"]}],
        StartTime=now - timedelta(minutes=5), EndTime=now + timedelta(minutes=1))["Datapoints"]
    assert [p["Minimum"] for p in points] == [0.0]
