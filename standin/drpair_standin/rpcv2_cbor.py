"""Smithy RPC v2 CBOR in front of moto's JSON protocol handlers.

The AWS SDK for Rust speaks CloudWatch in `smithy-rpc-v2-cbor` (POST
/service/<ServiceId>/operation/<Op>, CBOR bodies, header `smithy-protocol: rpc-v2-cbor`), the
protocol CloudWatch's model lists first. moto 5.2.5 only serves CloudWatch's `query` and `json`
protocols, and answers the CBOR path with 404. This middleware turns such a request into the
equivalent awsJson1.0 request (`X-Amz-Target: <TargetPrefix>.<Op>`), lets moto (and our
patches) handle it, and encodes the answer back to CBOR, shaped by botocore's model of the
operation's output so that numbers, timestamps (CBOR tag 1) and blobs come out as the SDK
expects them. Errors keep their `__type` code, as the protocol prescribes.

Only services listed in SERVICES are bridged; add one when an SDK client needs it.
"""
import base64
import datetime
import io
import json
import re

import cbor2
import botocore.session

# Smithy service id in the URL -> botocore service name.
SERVICES = {"GraniteServiceVersion20100801": "cloudwatch"}
_PATH = re.compile(r"^/service/([^/]+)/operation/([^/]+)$")
_models = {}


def _model(service):
    if service not in _models:
        _models[service] = botocore.session.get_session().get_service_model(service)
    return _models[service]


def _epoch(value):
    if isinstance(value, datetime.datetime):
        if value.tzinfo is None:
            value = value.replace(tzinfo=datetime.timezone.utc)
        return value.timestamp()
    if isinstance(value, str):
        try:
            return float(value)
        except ValueError:
            return datetime.datetime.fromisoformat(value.replace("Z", "+00:00")).timestamp()
    return float(value)


def to_json(shape, value):
    """A decoded CBOR request value, as the JSON protocol carries it."""
    if value is None or shape is None:
        return value
    kind = shape.type_name
    if kind == "structure":
        return {k: to_json(shape.members.get(k), v) for k, v in value.items() if v is not None}
    if kind == "list":
        return [to_json(shape.member, v) for v in value]
    if kind == "map":
        return {k: to_json(shape.value, v) for k, v in value.items()}
    if kind == "timestamp":
        return _epoch(value)
    if kind == "blob":
        return base64.b64encode(value).decode() if isinstance(value, bytes) else value
    return value


def to_cbor(shape, value):
    """A JSON response value, typed as the model says (CBOR keeps int, float and time apart)."""
    if value is None or shape is None:
        return value
    kind = shape.type_name
    if kind == "structure":
        return {k: to_cbor(shape.members[k], v) for k, v in value.items() if k in shape.members and v is not None}
    if kind == "list":
        return [to_cbor(shape.member, v) for v in value]
    if kind == "map":
        return {k: to_cbor(shape.value, v) for k, v in value.items()}
    if kind == "timestamp":
        return cbor2.CBORTag(1, _epoch(value))
    if kind in ("integer", "long"):
        return int(value)
    if kind in ("double", "float"):
        return float(value)
    if kind == "boolean":
        return value if isinstance(value, bool) else str(value).lower() == "true"
    if kind == "blob":
        return base64.b64decode(value) if isinstance(value, str) else value
    return value


def _xml_error(body):
    code = re.search(rb"<Code>([^<]*)</Code>", body)
    message = re.search(rb"<Message>([^<]*)</Message>", body)
    return {"__type": (code.group(1) if code else b"InternalFailure").decode(),
            "message": (message.group(1) if message else b"").decode()}


class RpcV2CborMiddleware:
    """WSGI wrapper: CBOR requests for SERVICES in, awsJson to moto, CBOR out."""

    def __init__(self, app):
        self.app = app

    def __call__(self, environ, start_response):
        match = _PATH.match(environ.get("PATH_INFO", ""))
        if not match or match.group(1) not in SERVICES or environ.get("REQUEST_METHOD") != "POST":
            return self.app(environ, start_response)
        target, op_name = match.groups()
        model = _model(SERVICES[target])
        op = model.operation_model(op_name)
        size = int(environ.get("CONTENT_LENGTH") or 0)
        raw = environ["wsgi.input"].read(size) if size else b""
        request = to_json(op.input_shape, cbor2.loads(raw)) if raw else {}
        body = json.dumps(request or {}).encode()

        inner = dict(environ)
        inner.update({
            "PATH_INFO": "/", "CONTENT_TYPE": "application/x-amz-json-1.0", "CONTENT_LENGTH": str(len(body)),
            "HTTP_X_AMZ_TARGET": f"{model.metadata.get('targetPrefix', target)}.{op_name}",
            "wsgi.input": io.BytesIO(body),
        })
        inner.pop("HTTP_SMITHY_PROTOCOL", None)
        captured = {}

        def capture(status, headers, exc_info=None):
            captured["status"], captured["headers"] = status, headers

        chunks = self.app(inner, capture)
        try:
            out = b"".join(chunks)
        finally:
            if hasattr(chunks, "close"):
                chunks.close()
        status = captured["status"]
        ok = status.startswith("2")
        ctype = dict((k.lower(), v) for k, v in captured["headers"]).get("content-type", "")
        if ok:
            data = json.loads(out) if out.strip() else {}
            payload = to_cbor(op.output_shape, data) if op.output_shape is not None else {}
        elif "json" in ctype or out.strip().startswith(b"{"):
            err = json.loads(out)
            payload = {"__type": err.get("__type") or err.get("code") or "InternalFailure",
                       "message": err.get("message") or err.get("Message") or ""}
        else:
            payload = _xml_error(out)
        encoded = cbor2.dumps(payload)
        headers = [(k, v) for k, v in captured["headers"] if k.lower() not in ("content-type", "content-length")]
        headers += [("Content-Type", "application/cbor"), ("smithy-protocol", "rpc-v2-cbor"),
                    ("Content-Length", str(len(encoded)))]
        start_response(status, headers)
        return [encoded]
