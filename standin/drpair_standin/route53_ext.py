"""Route 53 health checks that round-trip and report a status, patched into moto 5.2.5 at start-up.

moto 5.2.5 stores a subset of a health check: no AlarmIdentifier, no InsufficientDataHealthStatus,
port 80 for HTTPS, EnableSNI false for HTTPS; an UpdateHealthCheck that does not name
ChildHealthChecks or Regions empties them; HealthCheckVersion never moves; a repeated
CreateHealthCheck with the same CallerReference makes a second check. GetHealthCheckStatus
answers one fixed "Success" whatever the check is. DNS failover is exactly what a DR provider
has to prove, so `install()` adds:

- the missing fields (and CloudWatchAlarmConfiguration copied from the alarm), AWS's defaults,
  UpdateHealthCheck that changes only what it names, ResetElements, HealthCheckVersion checks,
  and CallerReference idempotency;
- a status: endpoint checks (HTTP, HTTPS, *_STR_MATCH, TCP) are healthy unless the faults
  control API lists them in `unhealthy_endpoints` (by id, domain name or IP address) or their
  domain name contains a region in `outage_regions` (`….execute-api.us-east-1.amazonaws.com`);
  CLOUDWATCH_METRIC checks follow their alarm's state in its region (cloudwatch_ext evaluates
  it; a region in an outage counts as insufficient data); CALCULATED checks are healthy when at
  least HealthThreshold children are. Inverted flips a status; a Disabled check is healthy.
- the status as AWS publishes it to CloudWatch in us-east-1: namespace AWS/Route53, metric
  HealthCheckStatus (1 healthy, 0 not), dimension HealthCheckId, one datapoint "now" per read.

AWS refuses GetHealthCheckStatus for a calculated check (its API reference); we answer it, so
tests can read it; the README says so.
"""
import threading

from moto.cloudwatch.models import MetricDatum
from moto.core.common_models import CloudWatchMetricProvider
from moto.core.utils import utcnow
from moto.route53.exceptions import InvalidInput, NoSuchHealthCheck, Route53ClientError
from moto.route53.models import HealthCheck, route53_backends
from moto.route53.responses import Route53
from moto.core.responses import ActionResult

from . import cloudwatch_ext
from .faults import FAULTS

ENDPOINT_TYPES = {"HTTP", "HTTPS", "HTTP_STR_MATCH", "HTTPS_STR_MATCH", "TCP"}
HTTPS_TYPES = {"HTTPS", "HTTPS_STR_MATCH"}
CHECKER_REGIONS = ["us-east-1", "us-west-1", "us-west-2", "eu-west-1", "ap-southeast-1", "ap-southeast-2",
                   "ap-northeast-1", "sa-east-1"]
RESETTABLE = {"FullyQualifiedDomainName": ("fqdn", None), "Regions": ("regions", None),
              "ResourcePath": ("resource_path", None), "ChildHealthChecks": ("children", None)}

_LOCK = threading.RLock()
_installed = False


def _norm(name):
    return name.lower().rstrip(".") if name else name


# ---------------------------------------------------------------------------------------------
# Status
# ---------------------------------------------------------------------------------------------

def _endpoint_status(hc):
    kind = "TCP connection" if hc.type_ == "TCP" else f"{hc.type_} request"
    marked = {_norm(e) for e in FAULTS.unhealthy_endpoints()}
    if hc.id in marked or _norm(hc.fqdn) in marked or (hc.ip_address and hc.ip_address in marked):
        return False, ("Failure: Connection timed out. The endpoint or the internet connection is down, or "
                       "requests are being blocked by your firewall. (drpair-standin unhealthy_endpoints)")
    dotted = f".{_norm(hc.fqdn) or ''}."
    for region in FAULTS.outage_regions():
        if f".{region}." in dotted:
            return False, (f"Failure: Connection timed out. The endpoint or the internet connection is down "
                           f"(drpair-standin regional outage: {region}).")
    if hc.type_ == "TCP":
        return True, "Success: TCP connection established."
    return True, f"Success: HTTP Status Code 200, OK ({kind})"


def _alarm_status(account_id, hc):
    ident = hc.alarm_identifier or {}
    region, name = ident.get("Region"), ident.get("Name")
    found = None
    if region and name and region not in FAULTS.outage_regions():
        found = cloudwatch_ext.alarm_state(account_id, region, name)
    value = found[0] if found else "INSUFFICIENT_DATA"
    if value == "ALARM":
        hc.last_known_healthy = False
        return False, f"Failure: CloudWatch alarm {name} in {region} is in state ALARM."
    if value == "OK":
        hc.last_known_healthy = True
        return True, f"Success: CloudWatch alarm {name} in {region} is in state OK."
    policy = hc.insufficient_data_health_status or "LastKnownStatus"
    healthy = {"Healthy": True, "Unhealthy": False}.get(policy, hc.last_known_healthy)
    what = "not found" if found is None and region not in FAULTS.outage_regions() else "INSUFFICIENT_DATA"
    return healthy, (f"{'Success' if healthy else 'Failure'}: CloudWatch alarm {name} in {region} is "
                     f"{what}; InsufficientDataHealthStatus is {policy}.")


def health(backend, hc, seen=()):
    """(healthy, status text) of a health check, after Inverted and Disabled."""
    if hc.disabled:
        return True, "Success: The health check is disabled; Route 53 considers it healthy."
    if hc.type_ in ENDPOINT_TYPES:
        healthy, text = _endpoint_status(hc)
    elif hc.type_ == "CLOUDWATCH_METRIC":
        healthy, text = _alarm_status(backend.account_id, hc)
    elif hc.type_ == "CALCULATED":
        children = hc.children or []
        good = 0
        for child_id in children:
            child = backend.health_checks.get(child_id)
            if child is not None and child_id not in seen and health(backend, child, seen + (hc.id,))[0]:
                good += 1
        need = hc.health_threshold if hc.health_threshold is not None else len(children)
        healthy = good >= need
        text = (f"{'Success' if healthy else 'Failure'}: {good} of {len(children)} child health checks are "
                f"healthy; the threshold is {need}.")
    else:  # RECOVERY_CONTROL: routing controls are not modelled
        healthy, text = True, "Success: status not modelled by the stand-in."
    if hc.inverted:
        healthy = not healthy
        text = f"{'Success' if healthy else 'Failure'}: inverted; the check itself reports: {text}"
    return healthy, text


def is_healthy(backend, hc_id):
    """Route 53's view of one health check for DNS answers (dns_ext); a check that no longer
    exists counts as healthy (AWS: its status "can't be predicted")."""
    with _LOCK:
        hc = backend.health_checks.get(hc_id)
        return True if hc is None else health(backend, hc)[0]


class HealthCheckStatusMetrics(CloudWatchMetricProvider):
    """AWS/Route53 HealthCheckStatus in us-east-1, as Route 53 publishes it."""

    @staticmethod
    def get_cloudwatch_metrics(account_id, region):
        if region != "us-east-1" or account_id not in route53_backends:
            return []
        backend = route53_backends[account_id]["aws"]
        now = utcnow()
        out = []
        with _LOCK:
            for hc in list(backend.health_checks.values()):
                dims = [{"Name": "HealthCheckId", "Value": hc.id}]
                out.append(MetricDatum("AWS/Route53", "HealthCheckStatus", 1.0 if health(backend, hc)[0] else 0.0,
                                       dims, now, "None"))
        return out


# ---------------------------------------------------------------------------------------------
# Configuration round trip
# ---------------------------------------------------------------------------------------------

def _config(self):
    config = {"Type": self.type_, "Inverted": self.inverted, "Disabled": self.disabled}
    if self.type_ == "CALCULATED":
        config.update(HealthThreshold=self.health_threshold, ChildHealthChecks=self.children)
    elif self.type_ == "CLOUDWATCH_METRIC":
        config.update(AlarmIdentifier=self.alarm_identifier,
                      InsufficientDataHealthStatus=self.insufficient_data_health_status)
    else:
        config.update(IPAddress=self.ip_address, Port=self.port, ResourcePath=self.resource_path,
                      FullyQualifiedDomainName=self.fqdn, SearchString=self.search_string,
                      RequestInterval=self.request_interval, FailureThreshold=self.failure_threshold,
                      MeasureLatency=self.measure_latency, EnableSNI=self.enable_sni, Regions=self.regions)
    return {k: v for k, v in config.items() if v is not None}


def _alarm_config(self):
    ident = self.alarm_identifier
    if self.type_ != "CLOUDWATCH_METRIC" or not ident:
        return None
    from moto.cloudwatch.models import cloudwatch_backends
    alarm = cloudwatch_backends[self.drpair_account_id][ident["Region"]].alarms.get(ident["Name"])
    if alarm is None:
        return None
    return {k: v for k, v in {
        "EvaluationPeriods": alarm.evaluation_periods, "Threshold": alarm.threshold,
        "ComparisonOperator": alarm.comparison_operator, "Period": alarm.period,
        "MetricName": alarm.metric_name, "Namespace": alarm.namespace,
        "Statistic": alarm.statistic or alarm.extended_statistic,
        "Dimensions": [{"Name": d.name, "Value": d.value} for d in alarm.dimensions]}.items() if v is not None}


def _check_alarm(account_id, ident):
    if not isinstance(ident, dict) or not ident.get("Region") or not ident.get("Name"):
        raise InvalidInput("AlarmIdentifier with Region and Name is required for a CLOUDWATCH_METRIC health check.")
    from moto.cloudwatch.models import cloudwatch_backends
    try:
        alarms = cloudwatch_backends[account_id][ident["Region"]].alarms
    except KeyError:
        raise InvalidInput(f"Invalid AlarmIdentifier Region: {ident['Region']}.")
    if ident["Name"] not in alarms:
        raise InvalidInput(f"The CloudWatch alarm {ident['Name']} does not exist in {ident['Region']}.")


def _resp_create_health_check(self):
    backend = self.backend
    ref = self._get_param("CallerReference")
    config = dict(self._get_param("HealthCheckConfig") or {})
    kind = config.get("Type")
    if kind == "CLOUDWATCH_METRIC":
        _check_alarm(backend.account_id, config.get("AlarmIdentifier"))
    if kind == "CALCULATED":
        for child in config.get("ChildHealthChecks") or []:
            if child not in backend.health_checks:
                raise NoSuchHealthCheck(child)
    with _LOCK:
        for hc in backend.health_checks.values():
            if hc.caller_reference == ref:
                if getattr(hc, "drpair_request", None) == config:
                    return ActionResult({"HealthCheck": hc})
                raise Route53ClientError(
                    "HealthCheckAlreadyExists",
                    f"A health check with caller reference {ref} already exists with different settings.")
        args = {
            "ip_address": config.get("IPAddress"),
            "port": config.get("Port") or (443 if kind in HTTPS_TYPES else 80),
            "type": kind, "resource_path": config.get("ResourcePath"),
            "fqdn": config.get("FullyQualifiedDomainName"), "search_string": config.get("SearchString"),
            "request_interval": config.get("RequestInterval"), "failure_threshold": config.get("FailureThreshold"),
            "health_threshold": config.get("HealthThreshold"), "measure_latency": config.get("MeasureLatency"),
            "inverted": config.get("Inverted"), "disabled": config.get("Disabled"),
            "enable_sni": config.get("EnableSNI") if config.get("EnableSNI") is not None else kind in HTTPS_TYPES,
            "children": config.get("ChildHealthChecks", []), "regions": config.get("Regions", []),
        }
        hc = backend.create_health_check(ref, args)
        hc.drpair_request = config
        hc.drpair_account_id = backend.account_id
        hc.alarm_identifier = config.get("AlarmIdentifier")
        hc.insufficient_data_health_status = config.get("InsufficientDataHealthStatus") or (
            "LastKnownStatus" if kind == "CLOUDWATCH_METRIC" else None)
    return ActionResult({"HealthCheck": hc})


def _resp_update_health_check(self):
    backend = self.backend
    hc_id = self._get_param("HealthCheckId")
    with _LOCK:
        hc = backend.health_checks.get(hc_id)
        if hc is None:
            raise NoSuchHealthCheck(hc_id)
        version = self._get_param("HealthCheckVersion")
        if version is not None and int(version) != hc.health_check_version:
            raise Route53ClientError(
                "HealthCheckVersionMismatch",
                "The value of HealthCheckVersion in the request doesn't match the value of HealthCheckVersion "
                "in the health check.")
        ident = self._get_param("AlarmIdentifier")
        if ident is not None:
            _check_alarm(backend.account_id, ident)
        children = self._get_param("ChildHealthChecks")
        for child in children or []:
            if child not in backend.health_checks:
                raise NoSuchHealthCheck(child)
        plain = {"IPAddress": "ip_address", "Port": "port", "ResourcePath": "resource_path",
                 "FullyQualifiedDomainName": "fqdn", "SearchString": "search_string",
                 "FailureThreshold": "failure_threshold", "HealthThreshold": "health_threshold",
                 "Inverted": "inverted", "Disabled": "disabled", "EnableSNI": "enable_sni",
                 "InsufficientDataHealthStatus": "insufficient_data_health_status"}
        for param, attr in plain.items():
            value = self._get_param(param)
            if value is not None:
                setattr(hc, attr, value)
        if children is not None:
            hc.set_children(children)
        regions = self._get_param("Regions")
        if regions is not None:
            hc.set_regions(regions)
        if ident is not None:
            hc.alarm_identifier = ident
        for element in self._get_param("ResetElements") or []:
            if element not in RESETTABLE:
                raise InvalidInput(f"Invalid ResetElements value: {element}")
            attr, value = RESETTABLE[element]
            setattr(hc, attr, value)
        hc.health_check_version += 1
    return ActionResult({"HealthCheck": hc})


def _resp_get_health_check_status(self):
    backend = self.backend
    hc_id = self._get_param("HealthCheckId")
    with _LOCK:
        hc = backend.get_health_check(hc_id)
        healthy, text = health(backend, hc)
    now = utcnow()
    if hc.type_ in ENDPOINT_TYPES:
        ip = hc.ip_address or "127.0.13.37"
        observations = [{"Region": r, "IPAddress": ip, "StatusReport": {"Status": text, "CheckedTime": now}}
                        for r in (hc.regions or CHECKER_REGIONS)]
    else:
        observations = [{"Region": "us-east-1", "StatusReport": {"Status": text, "CheckedTime": now}}]
    return ActionResult({"HealthCheckObservations": observations})


def install():
    """Patch moto's Route 53 classes once; call before the server handles a request."""
    global _installed
    if _installed:
        return
    _installed = True
    HealthCheck.alarm_identifier = None
    HealthCheck.insufficient_data_health_status = None
    HealthCheck.last_known_healthy = True  # AWS: a new check with no known status is healthy
    HealthCheck.drpair_account_id = "123456789012"
    HealthCheck.health_check_config = property(_config)
    HealthCheck.cloud_watch_alarm_configuration = property(_alarm_config)
    Route53.create_health_check = _resp_create_health_check
    Route53.update_health_check = _resp_update_health_check
    Route53.get_health_check_status = _resp_get_health_check_status
