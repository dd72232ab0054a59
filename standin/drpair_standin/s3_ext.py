"""S3 cross-region replication that moto 5.2.5 only stores, patched in at start-up.

moto keeps a bucket's replication configuration but never replicates: an object put in the
source never reaches the destination, no object reports a ReplicationStatus, and
GetBucketReplication answers every rule with `Filter: {Prefix: ""}` and `DeleteMarkerReplication:
Disabled`, whatever was put. A DR provider's replicated bucket has to be proven end to end, so
`install()` makes moto replicate as S3 does:

- a new object version in a source bucket whose enabled rule matches (prefix, tags, SSE-KMS
  only with SseKmsEncryptedObjects) is copied to each destination bucket with the same key,
  version id, content, metadata and tags; the source then reports `COMPLETED` (or `FAILED` when
  the destination is gone or unversioned) and the copy `REPLICA`. Replicas are never replicated
  again, so a two-way configuration does not loop.
- a delete marker (DELETE without a version id) is replicated when the rule says
  `DeleteMarkerReplication: Enabled`, or always for a V1 rule (no Filter), as S3 documents;
  deleting a specific version is never replicated.
- PutBucketReplication needs a versioned destination, and versioning cannot be suspended on a
  bucket with a replication configuration (S3's ordering rules a provider must respect).

S3 replicates asynchronously (usually seconds, 15 minutes under Replication Time Control); here
it happens when the request that wrote the object finishes, so a test can read the replica at
once. Nothing here waits or runs in the background.
"""
import threading

from moto.core.responses import ActionResult
from moto.s3.exceptions import MissingBucket, ReplicationConfigurationNotFoundError, S3ClientError
from moto.s3.models import FakeBucket, FakeDeleteMarker, FakeKey, S3Backend
from moto.s3.responses import S3Response

REPLICA = "REPLICA"
NO_SUSPEND = ("A replication configuration is present on this bucket, so you cannot change the "
              "versioning state. To change the versioning state, first delete the replication configuration.")
# moto's serializer has no status for codes S3's model leaves out; these are what S3 sends.
ERROR_STATUS = {b"<Code>InvalidBucketState</Code>": 409}

# Objects written during the current request, replicated once the request has set their
# metadata, ACL and tags (moto's PutObject handler sets those after storing the key).
_request = threading.local()
_installed = False


def _as_list(value):
    if value is None:
        return []
    return value if isinstance(value, list) else [value]


def _bucket_name(arn_or_name):
    return (arn_or_name or "").split(":::")[-1]


def _status(rule, *path):
    node = rule
    for name in path:
        node = (node or {}).get(name)
    return (node or {}).get("Status")


def _rules(bucket):
    config = getattr(bucket, "replication", None)
    return _as_list(config.get("Rule")) if config else []


def _filter(rule):
    """(prefix, required tags) of a rule; a V1 rule has its Prefix outside any Filter."""
    if "Filter" not in rule:
        return rule.get("Prefix") or "", {}
    flt = rule.get("Filter") or {}
    scope = flt.get("And") or flt
    tags = {t["Key"]: t.get("Value") or "" for t in _as_list(scope.get("Tag"))}
    return scope.get("Prefix") or "", tags


def _matching_rules(bucket, name, tags, kms_encrypted):
    """{destination bucket: rule} for the highest-priority enabled rule per destination."""
    chosen = {}
    for rule in _rules(bucket):
        if rule.get("Status") != "Enabled":
            continue
        prefix, wanted = _filter(rule)
        if not name.startswith(prefix) or any(tags.get(k) != v for k, v in wanted.items()):
            continue
        if kms_encrypted and _status(rule, "SourceSelectionCriteria", "SseKmsEncryptedObjects") != "Enabled":
            continue  # S3 leaves SSE-KMS objects alone unless the rule opts in
        dest = _bucket_name((rule.get("Destination") or {}).get("Bucket"))
        if dest not in chosen or int(rule.get("Priority") or 0) > int(chosen[dest].get("Priority") or 0):
            chosen[dest] = rule
    return chosen


def _versioned_bucket(backend, name):
    try:
        bucket = backend.get_bucket(name)
    except MissingBucket:
        return None
    return bucket if bucket.is_versioned else None


def _copy_key(key, dest, rule):
    """The replica of one object version: same name, version id, bytes, metadata and ACL."""
    destination = rule.get("Destination") or {}
    encryption, kms_key = key.encryption, key.kms_key_id
    if encryption == "aws:kms":
        kms_key = (destination.get("EncryptionConfiguration") or {}).get("ReplicaKmsKeyID")
    elif encryption is None and dest.encryption:  # unencrypted source: destination's default
        default = dest.encryption["Rule"]["ApplyServerSideEncryptionByDefault"]
        encryption, kms_key = default["SSEAlgorithm"], default.get("KMSMasterKeyID")
    replica = FakeKey(
        name=key.name, value=key.value, account_id=key.account_id, region_name=dest.region_name,
        storage=destination.get("StorageClass") or key.storage_class, etag=key.etag.strip('"'),
        is_versioned=True, version_id=key.version_id, bucket_name=dest.name,
        encryption=encryption, kms_key_id=kms_key, bucket_key_enabled=key.bucket_key_enabled,
        checksum_value=key.checksum_value,
    )
    replica.set_metadata(dict(key.metadata))
    replica.set_acl(key.acl)
    replica.website_redirect_location = key.website_redirect_location
    replica.checksum_algorithm = key.checksum_algorithm
    replica.last_modified = key.last_modified
    replica._drpair_replication = REPLICA
    return replica


def _replicate_key(backend, bucket_name, key):
    if key.__dict__.get("_drpair_replication") == REPLICA:
        return  # replicas are not replicated again, so two-way replication does not loop
    bucket = backend.get_bucket(bucket_name)
    if not bucket.is_versioned:
        return
    tags = backend.tagger.get_tag_dict_for_resource(key.arn)
    rules = _matching_rules(bucket, key.name, tags, key.encryption == "aws:kms")
    if not rules:
        return
    status = "COMPLETED"
    for dest_name, rule in rules.items():
        dest = _versioned_bucket(backend, dest_name)
        if dest is None:
            status = "FAILED"
            continue
        replica = _copy_key(key, dest, rule)
        dest.keys.setlist(key.name, dest.keys.getlist(key.name, []) + [replica])
        if tags:
            backend.tagger.tag_resource(replica.arn, [{"Key": k, "Value": v} for k, v in tags.items()])
    key._drpair_replication = status


def _replicate_delete_marker(backend, bucket, name, marker):
    for dest_name, rule in _matching_rules(bucket, name, {}, False).items():
        if "Filter" in rule and _status(rule, "DeleteMarkerReplication") != "Enabled":
            continue  # V2 rules replicate delete markers only when asked; V1 rules always do
        if _filter(rule)[1]:
            continue  # never for tag-based rules
        dest = _versioned_bucket(backend, dest_name)
        if dest is None:
            continue
        replica = FakeDeleteMarker(key=marker.key)  # only the key's name is used
        replica._version_id = marker.version_id
        replica._drpair_replication = REPLICA
        dest.keys[name] = replica  # appended: the newest version


# ---- backend hooks ----------------------------------------------------------------------

def _wrap_put_object(orig):
    def put_object(self, bucket_name, key_name, value, *args, **kwargs):
        key = orig(self, bucket_name, key_name, value, *args, **kwargs)
        pending = getattr(_request, "pending", None)
        if pending is None:  # not inside an HTTP request: nothing more will be set on the key
            _replicate_key(self, bucket_name, key)
        else:
            pending.append((self, bucket_name, key))
        return key
    return put_object


def _wrap_delete_object(orig):
    def delete_object(self, bucket_name, key_name, version_id=None, bypass=False):
        deleted, meta = orig(self, bucket_name, key_name, version_id=version_id, bypass=bypass)
        if version_id is None and meta.get("delete-marker") == "true":
            bucket = self.get_bucket(bucket_name)
            _replicate_delete_marker(self, bucket, key_name, bucket.keys[key_name])
        return deleted, meta
    return delete_object


def _wrap_put_bucket_replication(orig):
    def put_bucket_replication(self, bucket_name, replication):
        for rule in _as_list(replication.get("Rule")):
            destination = rule.get("Destination") or {}
            name = _bucket_name(destination.get("Bucket"))
            try:
                target = self.get_bucket(name)
            except MissingBucket:
                raise S3ClientError("InvalidRequest", "Destination bucket must exist.")
            if not target.is_versioned:
                raise S3ClientError("InvalidRequest", "Destination bucket must have versioning enabled.")
            if (destination.get("Metrics") or {}).get("EventThreshold") and \
                    _status(destination, "ReplicationTime") != "Enabled":
                raise S3ClientError("InvalidArgument", "Metrics cannot contain an event threshold when "
                                                       "ReplicationTime is not specified or Disabled")
        return orig(self, bucket_name, replication)
    return put_bucket_replication


def _wrap_put_bucket_versioning(orig):
    def put_bucket_versioning(self, bucket_name, status):
        if status != "Enabled" and getattr(self.get_bucket(bucket_name), "replication", None):
            raise S3ClientError("InvalidBucketState", NO_SUSPEND)
        return orig(self, bucket_name, status)
    return put_bucket_versioning


def _response_dict(orig_prop):
    def response_dict(self):
        res = orig_prop.fget(self)
        status = self.__dict__.get("_drpair_replication")
        if status:
            res["x-amz-replication-status"] = status
        return res
    return property(response_dict)


# ---- response handlers ------------------------------------------------------------------

def _wrap_request(orig):
    """Run a bucket or key request, then replicate the objects it wrote, now complete."""
    def handle(self, request, full_url, headers):
        outer = getattr(_request, "pending", None) is not None
        if not outer:
            _request.pending = []
        try:
            status, response_headers, body = orig(self, request, full_url, headers)
        finally:
            if not outer:
                pending, _request.pending = _request.pending, None
                for backend, bucket_name, key in pending:
                    try:
                        _replicate_key(backend, bucket_name, key)
                    except MissingBucket:
                        pass  # the source bucket went away within the same request
        for marker, code in ERROR_STATUS.items():
            if status == 400 and isinstance(body, bytes) and marker in body:
                status = code
        return status, response_headers, body
    return handle


def _rule_out(rule):
    """A stored rule as S3 returns it: what was put, with numbers as numbers."""
    out = {k: v for k, v in rule.items() if v is not None and k != "Filter"}
    if "Filter" in rule:
        flt = dict(rule.get("Filter") or {})
        if "Prefix" in flt and flt["Prefix"] is None:
            flt["Prefix"] = ""
        if flt.get("And"):
            flt["And"] = dict(flt["And"], Tags=_as_list(flt["And"].get("Tag")))
            flt["And"].pop("Tag", None)
        out["Filter"] = flt
    elif out.get("Prefix") is None:
        out["Prefix"] = ""
    out["Priority"] = int(rule.get("Priority") or 0)
    destination = dict(rule.get("Destination") or {})
    for block in ("ReplicationTime", "Metrics"):
        inner = destination.get(block)
        if inner:
            inner = dict(inner)
            for timing in ("Time", "EventThreshold"):
                if inner.get(timing):
                    inner[timing] = {"Minutes": int(inner[timing].get("Minutes") or 0)}
            destination[block] = inner
    out["Destination"] = destination
    return out


def _resp_get_bucket_replication(self):
    self.data["Action"] = "GetBucketReplication"
    replication = self.backend.get_bucket_replication(self.bucket_name)
    if not replication:
        raise ReplicationConfigurationNotFoundError(bucket_name=self.bucket_name)
    rules = [_rule_out(rule) for rule in _as_list(replication.get("Rule"))]
    return self.serialized(ActionResult({"ReplicationConfiguration": {"Role": replication.get("Role"), "Rules": rules}}))


def _resp_get_bucket_versioning(self):
    """S3 answers with a `VersioningConfiguration` root (empty when versioning was never set);
    moto 5.2.5 answers `GetBucketVersioningResponse`, which strict SDKs (Rust) refuse to parse."""
    self.data["Action"] = "GetBucketVersioning"
    status = self.backend.get_bucket_versioning(self.bucket_name)
    inner = f"<Status>{status}</Status>" if status else ""
    body = ('<?xml version="1.0" encoding="UTF-8"?>\n'
            f'<VersioningConfiguration xmlns="http://s3.amazonaws.com/doc/2006-03-01/">{inner}</VersioningConfiguration>')
    return 200, {"Content-Type": "application/xml"}, body


# Requests reach AWS over HTTPS; the stand-in on 127.0.0.1 stands for those endpoints.
_REQUEST_CONTEXT = {"aws:securetransport": "true"}


def _condition_holds(operator, key, expected):
    """One policy condition against the request context; operators we do not model hold (moto's
    choice), keys the context lacks do not (AWS: a missing key fails every operator but ...IfExists)."""
    actual = _REQUEST_CONTEXT.get(key.lower())
    expected = [str(v).lower() for v in _as_list(expected)]
    if operator == "Bool" or operator == "StringEquals":
        return actual is not None and actual.lower() in expected
    if operator == "StringNotEquals":
        return actual is not None and actual.lower() not in expected
    return True


def _bucket_permission(self, action, resource):
    """A bucket policy as S3 evaluates it for one object request: a statement applies when its
    action, resource, principal * and every condition match; an applicable Deny wins. moto 5.2.5
    ignores `Bool` conditions and denies when a condition fails, so any TLS-only policy (Deny s3:*
    if aws:SecureTransport is false) made every object request 403."""
    import json
    from moto.iam.access_control import IAMPolicyStatement, PermissionResult
    if self.policy is None:
        return PermissionResult.NEUTRAL
    permitted = False
    for st in _as_list(json.loads(self.policy.decode()).get("Statement")):
        stmt = IAMPolicyStatement(st)
        if "NotAction" in st:
            concerned = not stmt._check_element_matches("NotAction", action)
        else:
            concerned = "Action" in st and stmt._check_element_matches("Action", action)
        if not concerned or stmt.is_unknown_principal(st.get("Principal")):
            continue
        if st.get("Resource") and not stmt._check_element_matches("Resource", resource):
            continue
        conditions = st.get("Condition") or {}
        if not all(_condition_holds(op, k, v) for op, kv in conditions.items() for k, v in kv.items()):
            continue
        if st.get("Effect") == "Deny":
            return PermissionResult.DENIED
        permitted = True
    return PermissionResult.PERMITTED if permitted else PermissionResult.NEUTRAL


def install():
    """Patch moto's S3 classes once; call before the server handles a request."""
    global _installed
    if _installed:
        return
    _installed = True
    S3Backend.put_object = _wrap_put_object(S3Backend.put_object)
    S3Backend.delete_object = _wrap_delete_object(S3Backend.delete_object)
    S3Backend.put_bucket_replication = _wrap_put_bucket_replication(S3Backend.put_bucket_replication)
    S3Backend.put_bucket_versioning = _wrap_put_bucket_versioning(S3Backend.put_bucket_versioning)
    FakeKey.response_dict = _response_dict(FakeKey.response_dict)
    S3Response.key_response = _wrap_request(S3Response.key_response)
    S3Response.bucket_response = _wrap_request(S3Response.bucket_response)
    S3Response.get_bucket_replication = _resp_get_bucket_replication
    S3Response.get_bucket_versioning = _resp_get_bucket_versioning
    FakeBucket.get_permission = _bucket_permission
