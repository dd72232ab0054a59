"""Per-service and per-operation request counts, for `make bench` (refresh cost of a plan).

GET /drpair/requests answers {"total": n, "by_service": {svc: n}, "by_operation": {svc: {op: n}}}
for every AWS request (one carrying a SigV4 credential scope) seen since the last reset;
DELETE /drpair/requests resets the counts. Requests answered with an injected fault count too:
the client sent them. The service is the scope's signing name (route53, s3, ec2, ...), the
region is not part of the key (Route 53's limit is per account, whatever region signs).

The operation is the protocol's own name where the request carries one (X-Amz-Target, Action=
in the query or form body, or the rpc-v2-cbor path /service/<svc>/operation/<op>); REST calls (Route 53, S3, Lambda, API Gateway) are labelled
"METHOD /path" with every path segment that is not a plain lowercase word replaced by {id},
plus the query's keys (S3's ?versioning and the like), e.g. "GET /{id}/hostedzone/{id}/rrset".
"""
import io
import json
import re
import threading
from collections import Counter
from urllib.parse import parse_qs

from .faults import request_scope

PATH = "/drpair/requests"
_WORD = re.compile(r"^[a-z][a-z-]*$")
_FORM = "application/x-www-form-urlencoded"
_CBOR_PATH = re.compile(r"^/service/[^/]+/operation/([^/]+)$")


def operation_of(environ):
    """The operation label of one request (see the module docstring); may read and re-buffer
    a form body, so wsgi.input still holds the same bytes for the app afterwards."""
    target = environ.get("HTTP_X_AMZ_TARGET")
    if target:
        return target.rsplit(".", 1)[-1]
    query = parse_qs(environ.get("QUERY_STRING", ""), keep_blank_values=True)
    if "Action" in query:
        return query["Action"][0]
    if environ.get("CONTENT_TYPE", "").startswith(_FORM):
        size = int(environ.get("CONTENT_LENGTH") or 0)
        body = environ["wsgi.input"].read(size) if size else b""
        environ["wsgi.input"] = io.BytesIO(body)
        action = parse_qs(body.decode("utf-8", "replace")).get("Action")
        if action:
            return action[0]
    path = environ.get("PATH_INFO", "") or "/"
    cbor = _CBOR_PATH.match(path)  # rpc-v2-cbor (CloudWatch): /service/<svc>/operation/<op>
    if cbor:
        return cbor.group(1)
    segments = [s if _WORD.match(s) else "{id}" for s in path.strip("/").split("/") if s]
    label = f"{environ.get('REQUEST_METHOD', 'GET')} /" + "/".join(segments)
    keys = sorted(k for k in query if not k.startswith("X-Amz-"))
    return label + ("?" + "&".join(keys) if keys else "")


class RequestCounter:
    """WSGI wrapper counting AWS requests by (service, operation); serves /drpair/requests."""

    def __init__(self, app):
        self.app = app
        self._lock = threading.Lock()
        self._counts = Counter()

    def snapshot(self):
        with self._lock:
            counts = dict(self._counts)
        by_service, by_operation = Counter(), {}
        for (service, op), n in counts.items():
            by_service[service] += n
            by_operation.setdefault(service, {})[op] = n
        return {"total": sum(by_service.values()), "by_service": dict(sorted(by_service.items())),
                "by_operation": {s: dict(sorted(ops.items())) for s, ops in sorted(by_operation.items())}}

    def reset(self):
        with self._lock:
            self._counts.clear()

    def __call__(self, environ, start_response):
        path = environ.get("PATH_INFO", "")
        if path.rstrip("/") == PATH:
            method = environ["REQUEST_METHOD"]
            if method == "DELETE":
                self.reset()
            elif method != "GET":
                return _json(start_response, "405 Method Not Allowed", {"error": "use GET or DELETE"})
            return _json(start_response, "200 OK", self.snapshot())
        if not path.startswith("/moto-api") and not path.startswith("/drpair/"):
            scope = request_scope(environ)
            if scope is not None:
                key = (scope[1], operation_of(environ))
                with self._lock:
                    self._counts[key] += 1
        return self.app(environ, start_response)


def _json(start_response, status, obj):
    body = json.dumps(obj).encode()
    start_response(status, [("Content-Type", "application/json"), ("Content-Length", str(len(body)))])
    return [body]
