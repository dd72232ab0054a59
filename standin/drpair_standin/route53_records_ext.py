"""Route 53 record changes as AWS applies them: atomic, validated batches with change tracking.

moto 5.2.5 applies a ChangeBatch one change at a time, so a bad change late in a batch leaves
the earlier ones applied; it accepts a DELETE of a record that does not exist (it only checks a
journal of past requests), deletes every record that shares a SetIdentifier whatever its name,
accepts a CREATE of a record that exists, lets failover and simple records share a name and
type, and answers every change with one fixed id that is INSYNC at once. A DR provider's
failover records are exactly where half-applied batches hurt, so `install()` replaces
ChangeResourceRecordSets and GetChange with:

- one batch, validated against the zone as the whole batch leaves it, then committed all at
  once or not at all (InvalidChangeBatch lists every problem, as AWS does);
- CREATE of an existing record, DELETE of a missing one, and DELETE whose values differ from the
  current ones are refused; records are identified by (name, type, SetIdentifier);
- each record needs exactly one of AliasTarget or TTL with ResourceRecords; a SetIdentifier
  needs a routing policy (Failover, Weight, Region, GeoLocation, MultiValueAnswer) and the
  reverse; Failover is PRIMARY or SECONDARY; a HealthCheckId must name an existing check;
- at the end of a batch, a name and type hold either one record without SetIdentifier or only
  records with one policy, at most one PRIMARY and one SECONDARY; a CNAME is alone at its name;
- alias DNS names are stored with the trailing dot AWS adds;
- every change gets its own id, PENDING for `INSYNC_AFTER_SECONDS` and INSYNC after;
  GetChange of an unknown id is NoSuchChange.
"""
import copy
import itertools
import threading
import time

from moto.core.responses import ActionResult
from moto.core.utils import utcnow
from moto.route53.exceptions import InvalidInput, NoSuchHealthCheck, Route53ClientError
from moto.route53.models import RecordSet, Route53Backend
from moto.route53.responses import Route53

# Long enough that a client which never waits would be caught, short enough for tests.
INSYNC_AFTER_SECONDS = 0.3
POLICIES = ("Failover", "Weight", "Region", "GeoLocation", "MultiValueAnswer")

_LOCK = threading.RLock()
_CHANGES = {}  # change id -> (submitted at, monotonic time)
_SEQ = itertools.count(1)
_installed = False


def _fqdn(name):
    name = (name or "").lower()
    return name if name.endswith(".") else name + "."


def _key(rs):
    """How Route 53 identifies a record: name, type and SetIdentifier."""
    return (_fqdn(rs.get("Name")), rs.get("Type"), rs.get("SetIdentifier"))


def _describe(rs):
    return (f"[name='{_fqdn(rs.get('Name'))}', type='{rs.get('Type')}', "
            f"set-identifier='{rs.get('SetIdentifier')}']")


def _policy(rs):
    found = [p for p in POLICIES if rs.get(p) is not None]
    return found[0] if found else None


def _normalize(rs):
    """The record as we store and compare it: AWS's canonical form of what was sent."""
    out = {k: v for k, v in rs.items() if v is not None}
    out["Name"] = _fqdn(out.get("Name"))
    if "ResourceRecords" in out:
        out["ResourceRecords"] = [r["Value"] if isinstance(r, dict) else r for r in out["ResourceRecords"]]
    if "TTL" in out:
        out["TTL"] = int(out["TTL"])
    if "Weight" in out:
        out["Weight"] = int(out["Weight"])
    alias = out.get("AliasTarget")
    if alias:
        ev = alias.get("EvaluateTargetHealth")
        out["AliasTarget"] = {"HostedZoneId": alias.get("HostedZoneId"), "DNSName": _fqdn(alias.get("DNSName")),
                              "EvaluateTargetHealth": ev in (True, "true", "True")}
    if "MultiValueAnswer" in out:
        out["MultiValueAnswer"] = out["MultiValueAnswer"] in (True, "true", "True")
    return out


def _stored(record):
    """A moto RecordSet back in the request's shape, for comparisons."""
    rs = {"Name": record.name, "Type": record.type, "SetIdentifier": record.set_identifier,
          "TTL": record.ttl, "ResourceRecords": record.records or None, "Weight": record.weight,
          "Region": record.region, "HealthCheckId": record.health_check_id, "AliasTarget": record.alias_target,
          "Failover": record.failover, "GeoLocation": record.geo_location,
          "MultiValueAnswer": record.multi_value_answer}
    return _normalize(rs)


def _check_shape(action, rs, backend):
    """Problems with one change on its own (raised at once, as AWS rejects malformed input)."""
    where = (f"Change with [Action={action}, Name={rs.get('Name')}, Type={rs.get('Type')}, "
             f"SetIdentifier={rs.get('SetIdentifier', 'null')}]")
    alias = rs.get("AliasTarget") is not None
    plain = rs.get("TTL") is not None and rs.get("ResourceRecords")
    if alias == bool(plain):
        raise InvalidInput(f"Invalid request: Expected exactly one of [AliasTarget, all of [TTL, and "
                           f"ResourceRecords], or TrafficPolicyInstanceId], but found "
                           f"{'both' if alias else 'none'} in {where}")
    if alias and rs.get("TTL") is not None:
        raise InvalidInput(f"Invalid request: an alias record cannot have a TTL in {where}")
    policy = _policy(rs)
    if (rs.get("SetIdentifier") is None) != (policy is None):
        raise InvalidInput(f"Invalid request: Expected exactly one of [Weight, Region, Failover, GeoLocation, "
                           f"MultiValueAnswer] together with SetIdentifier in {where}")
    if policy == "Failover" and rs["Failover"] not in ("PRIMARY", "SECONDARY"):
        raise InvalidInput(f"Invalid request: Failover must be PRIMARY or SECONDARY in {where}")
    hc = rs.get("HealthCheckId")
    if hc is not None and action != "DELETE" and hc not in backend.health_checks:
        raise NoSuchHealthCheck(hc)


def _check_end_state(records):
    """Problems of the zone as the batch leaves it, per name and type."""
    problems = []
    types = {}
    for rs in records.values():
        types.setdefault(rs["Name"], set()).add(rs["Type"])
    for name, kinds in sorted(types.items()):
        if "CNAME" in kinds and len(kinds) > 1:
            problems.append(f"RRSet of type CNAME with DNS name {name} is not permitted as it conflicts with "
                            f"other records with the same DNS name")
    groups = {}
    for rs in records.values():
        groups.setdefault((rs["Name"], rs["Type"]), []).append(rs)
    for (name, kind), group in sorted(groups.items()):
        if len(group) == 1:
            continue
        plain = [rs for rs in group if rs.get("SetIdentifier") is None]
        if plain:
            problems.append(f"RRSet with DNS name {name}, type {kind} cannot be created as other RRSets exist "
                            f"with the same name and type; a record without SetIdentifier must be alone")
            continue
        policies = {_policy(rs) for rs in group}
        if len(policies) > 1:
            problems.append(f"RRSet with DNS name {name}, type {kind} mixes routing policies "
                            f"{sorted(policies)}; delete the old records in the same batch")
        for role in ("PRIMARY", "SECONDARY"):
            if sum(1 for rs in group if rs.get("Failover") == role) > 1:
                problems.append(f"RRSet with DNS name {name}, type {kind} has more than one {role} "
                                f"failover record")
    return problems


def change_resource_record_sets(self, zoneid, change_list):
    """The whole batch against a copy of the zone, committed only when every change is valid."""
    zone = self.get_hosted_zone(zoneid)
    apex = _fqdn(zone.name)
    with _LOCK:
        records = {_key(s): s for s in (_stored(r) for r in zone.rrsets)}
        problems = []
        for change in change_list:
            action = change.get("Action")
            if action not in ("CREATE", "UPSERT", "DELETE"):
                raise InvalidInput(f"Invalid XML ; Value '{action}' is not facet-valid with respect to "
                                   f"enumeration '[CREATE, DELETE, UPSERT]'.")
            rs = change.get("ResourceRecordSet") or {}
            _check_shape(action, rs, self)
            rs = _normalize(rs)
            if rs["Name"] != apex and not rs["Name"].endswith("." + apex):
                problems.append(f"RRSet with DNS name {rs['Name']} is not permitted in zone {apex}")
                continue
            key = _key(rs)
            current = records.get(key)
            if action == "CREATE" and current is not None:
                problems.append(f"Tried to create resource record set {_describe(rs)} but it already exists")
            elif action == "DELETE" and current is None:
                problems.append(f"Tried to delete resource record set {_describe(rs)} but it was not found")
            elif action == "DELETE" and current != rs:
                problems.append(f"Tried to delete resource record set {_describe(rs)} but the values provided "
                                f"do not match the current values")
            elif action == "DELETE":
                del records[key]
            else:
                records[key] = rs
        problems += _check_end_state(records) if not problems else []
        if problems:
            raise Route53ClientError("InvalidChangeBatch", "[" + ", ".join(problems) + "]")
        zone.rrsets = [RecordSet(dict(rs, ResourceRecords=rs.get("ResourceRecords", [])))
                       for rs in records.values()]
        for change in change_list:
            zone.rr_changes.append(copy.deepcopy(change))


def _new_change():
    change_id = f"C{next(_SEQ):04d}DRPAIR{int(time.time() * 1000) % 10**8:08d}"
    with _LOCK:
        _CHANGES[change_id] = (utcnow(), time.monotonic())
    return change_id


def _change_info(change_id):
    submitted, at = _CHANGES[change_id]
    status = "INSYNC" if time.monotonic() - at >= INSYNC_AFTER_SECONDS else "PENDING"
    return {"Id": f"/change/{change_id}", "Status": status, "SubmittedAt": submitted}


def _resp_change_resource_record_sets(self):
    zoneid = self._get_param("HostedZoneId")
    change_list = self._get_param("ChangeBatch.Changes") or []
    self.backend.change_resource_record_sets(zoneid, change_list)
    return ActionResult({"ChangeInfo": _change_info(_new_change())})


def _resp_get_change(self):
    change_id = (self._get_param("Id") or "").split("/")[-1]
    with _LOCK:
        if change_id not in _CHANGES:
            raise Route53ClientError("NoSuchChange", f"A change with the specified change ID {change_id} "
                                                     f"does not exist.")
        return ActionResult({"ChangeInfo": _change_info(change_id)})


def install():
    """Patch moto's Route 53 record handling once; call before the server handles a request."""
    global _installed
    if _installed:
        return
    _installed = True
    Route53Backend.change_resource_record_sets = change_resource_record_sets
    Route53.change_resource_record_sets = _resp_change_resource_record_sets
    Route53.get_change = _resp_get_change
