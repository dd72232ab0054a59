"""Route 53's data plane: which record a DNS query would be answered with, never faulted.

Route 53's control plane (the API) lives in us-east-1 and goes down with it under an injected
outage; its DNS answers do not (AWS's failover design rests on that). A drill or test needs to
ask "where does this name point now?" while us-east-1 is out, so `DnsResolver` serves, outside
the fault middleware and unsigned (so not counted as an AWS call by counters.py):

    GET /drpair/dns?name=<fqdn>&type=A     (type defaults to A; a trailing dot is optional)
    200 {"name": "api.example.com.", "type": "A", "failover": "PRIMARY"|"SECONDARY"|null,
         "alias": "<alias DNS name, no trailing dot>"|null, "values": [...]|null,
         "set_identifier": "..."|null, "health_check_id": "..."|null, "zone_id": "..."}
    404 {"error": "..."} when no hosted zone has a record of that name and type.

Failover records are chosen as acceptance-tests/aws.py `resolve()` does: PRIMARY while its
health check (route53_ext's status) is healthy or it has none, else SECONDARY while healthy,
else PRIMARY (Route 53 answers with the primary when both are unhealthy). A name without
failover records answers its first record. Not modelled: weighted/latency/geo choice,
EvaluateTargetHealth of alias targets, TTLs and resolver caching, private zones' VPC scoping.
"""
import json
from urllib.parse import parse_qs

from moto.route53.models import route53_backends

from . import route53_ext

PATH = "/drpair/dns"


def _fqdn(name):
    name = (name or "").lower()
    return name if name.endswith(".") else name + "."


def _answer(zone, record, role):
    alias = record.alias_target or None
    values = [r["Value"] if isinstance(r, dict) else r for r in record.records or []] or None
    return {"name": _fqdn(record.name), "type": record.type, "failover": role,
            "alias": alias["DNSName"].rstrip(".") if alias else None, "values": None if alias else values,
            "set_identifier": record.set_identifier, "health_check_id": record.health_check_id,
            "zone_id": zone.resource_id}


def resolve(name, rtype="A"):
    """The answer for (name, type) as a dict, or None when no zone holds such a record."""
    name = _fqdn(name)
    for account_id in list(dict.keys(route53_backends)):
        backend = route53_backends[account_id]["aws"]
        for zone in list(backend.zones.values()):
            records = [r for r in list(zone.rrsets) if _fqdn(r.name) == name and r.type == rtype]
            if not records:
                continue
            failover = {r.failover: r for r in records if r.failover}
            if not failover:
                return _answer(zone, records[0], None)
            for role in ("PRIMARY", "SECONDARY"):
                r = failover.get(role)
                if r and (not r.health_check_id or route53_ext.is_healthy(backend, r.health_check_id)):
                    return _answer(zone, r, role)
            role = "PRIMARY" if "PRIMARY" in failover else "SECONDARY"
            return _answer(zone, failover[role], role)
    return None


class DnsResolver:
    """WSGI wrapper: answers GET /drpair/dns itself, passes everything else on."""

    def __init__(self, app):
        self.app = app

    def __call__(self, environ, start_response):
        if environ.get("PATH_INFO", "").rstrip("/") != PATH:
            return self.app(environ, start_response)
        if environ["REQUEST_METHOD"] != "GET":
            return _json(start_response, "405 Method Not Allowed", {"error": "use GET"})
        query = parse_qs(environ.get("QUERY_STRING", ""))
        name = (query.get("name") or [""])[0]
        rtype = (query.get("type") or ["A"])[0].upper()
        if not name:
            return _json(start_response, "400 Bad Request", {"error": "name is required"})
        answer = resolve(name, rtype)
        if answer is None:
            return _json(start_response, "404 Not Found", {"error": f"no {rtype} record named {_fqdn(name)}"})
        return _json(start_response, "200 OK", answer)


def _json(start_response, status, obj):
    body = json.dumps(obj).encode()
    start_response(status, [("Content-Type", "application/json"), ("Content-Length", str(len(body)))])
    return [body]
