"""Readiness of a drpair DR pair: may a planned switchover go ahead right now?

Runs hourly (an EventBridge schedule) in both regions, handler "readiness.handler". Each run
looks at its own region and the peer region, then:

* publishes CloudWatch metric drpair/Readiness Ready (1 ready, 0 not) with dimension Pair in its
  own region, for alarms and the orchestrator;
* writes the report as JSON to the SSM parameter REPORT_PARAMETER in its own region, so the
  orchestrator (and a person) can read why;
* logs the report as one JSON line and returns it.

The report is {"ready", "checks": [{"name", "ok", "detail"}], "region", "peer_region", "pair",
"checked_at"}. Every check is optional: one that is not configured is reported with ok true and
a detail starting "skipped", and does not make the pair unready. A check that cannot reach a
region (connection error, timeout, throttling past the SDK's retries) fails with a detail naming
the service, the region and the error; it never stops the other checks or the report.

Only the standard library and boto3 are used: both are on the managed Python runtime.
"""

import datetime
import functools
import json
import os
import sys
import time

import boto3
from botocore.config import Config
from botocore.exceptions import BotoCoreError, ClientError

NAMESPACE = "drpair/Readiness"
METRIC = "Ready"
DEFAULT_MAX_LAG_MS = 1000
LAG_WINDOW_MINUTES = 10
# A standard SSM parameter holds 4 KB: each check's detail is kept well inside that.
MAX_DETAIL = 400

# Standard retries absorb brief throttling; the timeouts keep an unreachable region from eating
# the function's whole timeout (worst case per call: 3 attempts x (2 s connect + 5 s read)).
_CONFIG = Config(connect_timeout=2, read_timeout=5, retries={"mode": "standard", "max_attempts": 3})


class CheckFailed(Exception):
    """A check's condition does not hold; the message is the report's detail."""


def _env(name, default=""):
    return os.environ.get(name, default).strip()


def _list(name):
    return [item.strip() for item in _env(name).split(",") if item.strip()]


def own_region():
    return _env("AWS_REGION") or _env("AWS_DEFAULT_REGION")


def peer_region():
    return _env("PEER_REGION")


@functools.lru_cache(maxsize=None)
def _client(service, region):
    """Cached per container and region. Tests clear the cache with reset_clients()."""
    return boto3.client(service, region_name=region, config=_CONFIG)


def reset_clients():
    _client.cache_clear()


def call(service, region, operation, **params):
    """One AWS call; an error becomes CheckFailed naming the service, operation and region."""
    client = _client(service, region)
    api = client.meta.method_to_api_mapping.get(operation, operation)
    try:
        return getattr(client, operation)(**params)
    except ClientError as exc:
        error = exc.response.get("Error", {})
        raise CheckFailed(
            "%s %s in %s failed: %s %s" % (service, api, region, error.get("Code", "ClientError"), error.get("Message", ""))
        ) from exc
    except BotoCoreError as exc:
        # EndpointConnectionError, ConnectTimeoutError, ReadTimeoutError...: region unreachable.
        raise CheckFailed("cannot reach %s in %s: %s: %s" % (service, region, type(exc).__name__, exc)) from exc


def _regions():
    return [own_region(), peer_region()]


# ---------------------------------------------------------------------------------------------
# The checks: each returns a detail string when its condition holds and raises CheckFailed
# otherwise. Which variables turn each one on is in CHECKS below; run_check skips the rest.
# ---------------------------------------------------------------------------------------------


def _global_cluster():
    wanted = _env("GLOBAL_CLUSTER_ID")
    found = call("rds", own_region(), "describe_global_clusters", GlobalClusterIdentifier=wanted)
    # Matched by name as well: an answer listing other clusters must not pass for this one.
    for cluster in found.get("GlobalClusters", []):
        if cluster["GlobalClusterIdentifier"].lower() == wanted.lower():
            return cluster
    raise CheckFailed("global cluster %s not found in %s" % (wanted, own_region()))


def _arn_region(arn):
    return arn.split(":")[3]


def _arn_name(arn):
    return arn.split(":")[-1]


def check_aurora_members():
    """The global cluster and every member cluster are available; exactly one is the writer."""
    cluster = _global_cluster()
    if cluster.get("Status") != "available":
        raise CheckFailed("global cluster %s is %s" % (cluster["GlobalClusterIdentifier"], cluster.get("Status")))
    members = cluster.get("GlobalClusterMembers", [])
    writers = [m["DBClusterArn"] for m in members if m.get("IsWriter")]
    if len(writers) != 1:
        raise CheckFailed("global cluster has %d writers (want exactly 1): %s" % (len(writers), ", ".join(writers) or "none"))
    if len(members) < 2:
        raise CheckFailed("global cluster has %d member(s), no secondary" % len(members))
    problems = []
    for member in members:
        arn = member["DBClusterArn"]
        found = call("rds", _arn_region(arn), "describe_db_clusters", DBClusterIdentifier=_arn_name(arn))
        status = found["DBClusters"][0].get("Status")
        if status != "available":
            problems.append("%s is %s" % (arn, status))
    if problems:
        raise CheckFailed("member cluster not available: " + "; ".join(problems))
    return "%d members available, writer %s" % (len(members), writers[0])


def check_aurora_lag():
    """Each secondary's AuroraGlobalDBReplicationLag (recent Maximum) is under MAX_LAG_MS.

    The metric is published in the secondary's region. No datapoint in the window is a failure:
    a lag nobody can see is not known to be small.
    """
    max_lag = float(_env("MAX_LAG_MS") or DEFAULT_MAX_LAG_MS)
    secondaries = [m["DBClusterArn"] for m in _global_cluster().get("GlobalClusterMembers", []) if not m.get("IsWriter")]
    if not secondaries:
        raise CheckFailed("global cluster has no secondary to measure lag on")
    # End a minute ahead so the newest datapoint is always inside the window.
    end = datetime.datetime.now(datetime.timezone.utc) + datetime.timedelta(minutes=1)
    results, problems = [], []
    for arn in secondaries:
        stats = call(
            "cloudwatch",
            _arn_region(arn),
            "get_metric_statistics",
            Namespace="AWS/RDS",
            MetricName="AuroraGlobalDBReplicationLag",
            Dimensions=[{"Name": "DBClusterIdentifier", "Value": _arn_name(arn)}],
            StartTime=end - datetime.timedelta(minutes=LAG_WINDOW_MINUTES + 1),
            EndTime=end,
            Period=60,
            Statistics=["Maximum"],
        )
        points = [p["Maximum"] for p in stats.get("Datapoints", [])]
        if not points:
            problems.append("%s: no AuroraGlobalDBReplicationLag datapoints in the last %d min" % (arn, LAG_WINDOW_MINUTES))
        elif max(points) >= max_lag:
            problems.append("%s: AuroraGlobalDBReplicationLag %g ms >= MAX_LAG_MS %g" % (arn, max(points), max_lag))
        else:
            results.append("%s: %g ms" % (_arn_name(arn), max(points)))
    if problems:
        raise CheckFailed("; ".join(problems))
    return "replication lag under %g ms: %s" % (max_lag, ", ".join(results))


def check_session_table():
    """The table's replica in the peer region is ACTIVE and PITR is enabled in both regions."""
    table, peer = _env("SESSION_TABLE"), peer_region()
    described = call("dynamodb", own_region(), "describe_table", TableName=table)["Table"]
    replicas = {r["RegionName"]: r.get("ReplicaStatus") for r in described.get("Replicas", [])}
    if replicas.get(peer) != "ACTIVE":
        raise CheckFailed("%s: replica in %s is %s" % (table, peer, replicas.get(peer, "missing")))
    off = []
    for region in _regions():
        backups = call("dynamodb", region, "describe_continuous_backups", TableName=table)
        pitr = backups["ContinuousBackupsDescription"].get("PointInTimeRecoveryDescription", {})
        if pitr.get("PointInTimeRecoveryStatus") != "ENABLED":
            off.append(region)
    if off:
        raise CheckFailed("%s: point-in-time recovery not enabled in %s" % (table, ", ".join(off)))
    return "%s: replica in %s ACTIVE, PITR enabled in both regions" % (table, peer)


def check_function_code():
    """Every function in FUNCTION_NAMES has the same CodeSha256 in both regions."""
    problems = []
    for name in _list("FUNCTION_NAMES"):
        hashes = [call("lambda", r, "get_function_configuration", FunctionName=name)["CodeSha256"] for r in _regions()]
        if hashes[0] != hashes[1]:
            problems.append("%s differs (%s %s, %s %s)" % (name, own_region(), hashes[0], peer_region(), hashes[1]))
    if problems:
        raise CheckFailed("function code differs between regions: " + "; ".join(problems))
    return "same CodeSha256 in both regions: " + ", ".join(_list("FUNCTION_NAMES"))


def _alarm_states(region, names):
    found = call("cloudwatch", region, "describe_alarms", AlarmNames=names, AlarmTypes=["CompositeAlarm", "MetricAlarm"])
    alarms = found.get("MetricAlarms", []) + found.get("CompositeAlarms", [])
    return {a["AlarmName"]: a["StateValue"] for a in alarms}


def check_alarms():
    """No alarm in ALARM_NAMES (own region) or PEER_ALARM_NAMES (peer region) is in ALARM.

    An alarm that does not exist fails too (a typo must not pass for "no alarm").
    INSUFFICIENT_DATA is not ALARM: it passes, and the detail says so.
    """
    problems, quiet, checked = [], [], 0
    for region, names in ((own_region(), _list("ALARM_NAMES")), (peer_region(), _list("PEER_ALARM_NAMES"))):
        if not names:
            continue
        states = _alarm_states(region, names)
        for name in names:
            state = states.get(name, "missing")
            checked += 1
            if state in ("ALARM", "missing"):
                problems.append("%s in %s is %s" % (name, region, state))
            elif state != "OK":
                quiet.append("%s in %s is %s" % (name, region, state))
    if problems:
        raise CheckFailed("; ".join(problems))
    return "%d alarm(s) not in ALARM" % checked + ("; " + "; ".join(quiet) if quiet else "")


def _parameters(region, path):
    """{name: (type, value)} of every parameter under path, decrypted (values never leave here)."""
    out, token = {}, None
    while True:
        params = {"Path": path, "Recursive": True, "WithDecryption": True}
        if token:
            params["NextToken"] = token
        page = call("ssm", region, "get_parameters_by_path", **params)
        for p in page.get("Parameters", []):
            out[p["Name"]] = (p["Type"], p["Value"])
        token = page.get("NextToken")
        if not token:
            return out


def _per_region(name, path, ignore):
    """Names that are meant to differ: in PARAMETER_IGNORE, or ending in either region's code."""
    relative = name[len(path):].lstrip("/")
    return name in ignore or relative in ignore or any(name.endswith(r) for r in _regions())


def check_parameters():
    """Parameters under PARAMETER_PATH exist with the same type and value in both regions."""
    path = "/" + _env("PARAMETER_PATH").strip("/")
    ignore = set(_list("PARAMETER_IGNORE"))
    own, peer = (_parameters(r, path) for r in _regions())
    names = sorted(n for n in set(own) | set(peer) if not _per_region(n, path, ignore))
    # Names only: values can be secrets and the report is readable by anyone who reads SSM.
    differ = [n for n in names if n in own and n in peer and own[n] != peer[n]]
    only_own = [n for n in names if n not in peer]
    only_peer = [n for n in names if n not in own]
    problems = []
    if differ:
        problems.append("differ: " + ", ".join(differ))
    if only_own:
        problems.append("missing in %s: %s" % (peer_region(), ", ".join(only_own)))
    if only_peer:
        problems.append("missing in %s: %s" % (own_region(), ", ".join(only_peer)))
    if problems:
        raise CheckFailed("parameters under %s out of sync: %s" % (path, "; ".join(problems)))
    return "%d parameters under %s in sync" % (len(names), path)


# (name, the variables that turn it on, the check). Run in this order.
CHECKS = (
    ("aurora_members", ("GLOBAL_CLUSTER_ID",), check_aurora_members),
    ("aurora_lag", ("GLOBAL_CLUSTER_ID",), check_aurora_lag),
    ("session_table", ("SESSION_TABLE",), check_session_table),
    ("function_code", ("FUNCTION_NAMES",), check_function_code),
    ("alarms", ("ALARM_NAMES", "PEER_ALARM_NAMES"), check_alarms),
    ("parameters", ("PARAMETER_PATH",), check_parameters),
)


def _short(text):
    text = str(text)
    return text if len(text) <= MAX_DETAIL else text[: MAX_DETAIL - 3] + "..."


def run_check(name, variables, check):
    if not any(_env(v) for v in variables):
        return {"name": name, "ok": True, "detail": "skipped: %s not set" % " / ".join(variables)}
    if not peer_region():
        return {"name": name, "ok": False, "detail": "PEER_REGION not set"}
    try:
        return {"name": name, "ok": True, "detail": _short(check())}
    except CheckFailed as exc:
        return {"name": name, "ok": False, "detail": _short(exc)}
    except Exception as exc:  # a bug or an unexpected answer must fail the check, not the run
        return {"name": name, "ok": False, "detail": _short("unexpected error: %s: %s" % (type(exc).__name__, exc))}


def evaluate():
    """Run every check and return the report (publishes nothing)."""
    checks = [run_check(*entry) for entry in CHECKS]
    ran = [c for c in checks if not c["detail"].startswith("skipped")]
    return {
        # Nothing checked proves nothing: a pair with every check skipped is not ready.
        "ready": bool(ran) and all(c["ok"] for c in checks),
        "checks": checks,
        "region": own_region(),
        "peer_region": peer_region(),
        "pair": _env("PAIR_NAME", "drpair"),
        "checked_at": datetime.datetime.now(datetime.timezone.utc).strftime("%Y-%m-%dT%H:%M:%SZ"),
    }


def publish(report):
    """Metric and report in the function's own region. Returns the names of what failed."""
    failed = []
    try:
        _client("cloudwatch", own_region()).put_metric_data(
            Namespace=NAMESPACE,
            MetricData=[{
                "MetricName": METRIC,
                "Dimensions": [{"Name": "Pair", "Value": report["pair"]}],
                "Value": 1.0 if report["ready"] else 0.0,
                "Unit": "Count",
            }],
        )
    except (ClientError, BotoCoreError) as exc:
        failed.append("metric: %s" % exc)
    parameter = _env("REPORT_PARAMETER")
    if parameter:
        try:
            _client("ssm", own_region()).put_parameter(
                Name=parameter, Value=json.dumps(report, sort_keys=True), Type="String", Overwrite=True
            )
        except (ClientError, BotoCoreError) as exc:
            failed.append("report parameter: %s" % exc)
    return failed


def _log(entry):
    entry["time"] = datetime.datetime.now(datetime.timezone.utc).strftime("%Y-%m-%dT%H:%M:%S.%fZ")
    sys.stdout.write(json.dumps(entry, sort_keys=True, default=str) + "\n")
    sys.stdout.flush()


def handler(event, context):
    """The scheduled event carries nothing we need: configuration is the environment."""
    started = time.monotonic()
    report = evaluate()
    failed = publish(report)
    _log({
        "level": "INFO" if report["ready"] and not failed else "WARNING",
        "message": "readiness",
        "request_id": getattr(context, "aws_request_id", None),
        "duration_ms": round((time.monotonic() - started) * 1000),
        "publish_failed": failed,
        **report,
    })
    if failed:
        # The report could not be recorded: fail the invocation so Lambda's Errors metric
        # shows it (a missing Ready datapoint alone is easy to overlook).
        raise RuntimeError("readiness computed but not published: " + "; ".join(failed))
    return report
