"""CloudWatch over Smithy RPC v2 CBOR, the protocol the AWS SDK for Rust uses, translated to the
JSON protocol moto 5.2.5 serves.

The Rust SDK (aws-sdk-cloudwatch 1.140) sends `POST /service/GraniteServiceVersion20100801/
operation/<Op>` with a CBOR body and `smithy-protocol: rpc-v2-cbor`; moto has no CBOR parser and
answers 404, so no Rust code could create or read an alarm. boto3 talks JSON to CloudWatch
(`X-Amz-Target: GraniteServiceVersion20100801.<Op>`), which moto implements. This WSGI layer
decodes the CBOR request into that JSON request, lets moto answer, and encodes the answer back
into CBOR with botocore's own CloudWatch model and CBOR codec, so timestamps carry CBOR tag 1
as the protocol requires (the Rust decoder refuses untagged ones). Errors keep their code
(`__type`) and HTTP status. It sits inside the fault middleware, which already answers throttles
and outages in CBOR.
"""
import datetime
import io
import json

from botocore.parsers import RpcV2CBORParser
from botocore.serialize import RpcV2CBORSerializer
from botocore.session import get_session

PREFIX = "/service/GraniteServiceVersion20100801/operation/"
TARGET = "GraniteServiceVersion20100801."
_model = None


def _service_model():
    global _model
    if _model is None:
        _model = get_session().get_service_model("cloudwatch")
    return _model


def decode(body: bytes):
    """A CBOR document as Python values (tag-1 timestamps become datetimes)."""
    if not body:
        return {}
    parser = RpcV2CBORParser()
    return parser.parse_data_item(parser.get_peekable_stream_from_bytes(body))


def fit(value, shape):
    """moto's JSON answer cut to the model: unknown members dropped, numbers of the right kind
    (the CBOR serializer indexes members by name and encodes ints and floats differently)."""
    if value is None:
        return None
    t = shape.type_name
    if t == "structure":
        return {k: fit(v, shape.members[k]) for k, v in value.items() if k in shape.members and v is not None}
    if t == "list":
        return [fit(v, shape.member) for v in value]
    if t == "map":
        return {k: fit(v, shape.value) for k, v in value.items()}
    if t in ("integer", "long"):
        return int(value)
    if t in ("double", "float"):
        return float(value)
    return value


def encode(value, shape) -> bytes:
    """Python values as CBOR, shaped by a botocore shape (None: a map of strings)."""
    serializer = RpcV2CBORSerializer()
    out = bytearray()
    if shape is None:
        serializer._serialize_type_map(out, value, _StringMap(), None)
    else:
        serializer._serialize_data_item(out, value, shape)
    return bytes(out)


class _Str:
    type_name = "string"
    serialization = {}


class _StringMap:
    """Just enough of a botocore map shape for an error document."""
    type_name = "map"
    key = _Str()
    value = _Str()
    serialization = {}


def _json_default(v):
    if isinstance(v, datetime.datetime):
        return v.timestamp()
    if isinstance(v, (bytes, bytearray)):
        import base64
        return base64.b64encode(v).decode()
    raise TypeError(f"cannot encode {type(v).__name__}")


class CborToJson:
    """WSGI middleware: CBOR CloudWatch requests in, JSON to moto, CBOR back."""

    def __init__(self, app):
        self.app = app

    def __call__(self, environ, start_response):
        path = environ.get("PATH_INFO", "")
        if not path.startswith(PREFIX) or environ.get("HTTP_SMITHY_PROTOCOL") != "rpc-v2-cbor":
            return self.app(environ, start_response)
        op = path[len(PREFIX):]
        length = int(environ.get("CONTENT_LENGTH") or 0)
        body = environ["wsgi.input"].read(length) if length else b""
        payload = json.dumps(decode(body), default=_json_default).encode()
        inner = dict(environ)
        inner.update({
            "PATH_INFO": "/", "REQUEST_URI": "/", "RAW_URI": "/", "QUERY_STRING": "",
            "CONTENT_TYPE": "application/x-amz-json-1.0", "CONTENT_LENGTH": str(len(payload)),
            "HTTP_X_AMZ_TARGET": TARGET + op, "wsgi.input": io.BytesIO(payload),
        })
        inner.pop("HTTP_SMITHY_PROTOCOL", None)
        captured = {}

        def capture(status, headers, exc_info=None):
            captured["status"], captured["headers"] = status, headers
            return lambda data: None

        chunks = self.app(inner, capture)
        try:
            raw = b"".join(chunks)
        finally:
            if hasattr(chunks, "close"):
                chunks.close()
        status = captured["status"]
        doc = json.loads(raw) if raw.strip() else {}
        if status.startswith("2"):
            shape = _service_model().operation_model(op).output_shape
            out = encode(fit(doc, shape), shape) if shape is not None else encode({}, None)
        else:
            code = doc.get("__type") or doc.get("code") or "InternalFailure"
            out = encode({"__type": code.split("#")[-1], "message": doc.get("message") or doc.get("Message") or ""}, None)
        keep = [(k, v) for k, v in captured["headers"] if k.lower() not in ("content-type", "content-length")]
        start_response(status, keep + [("Content-Type", "application/cbor"), ("smithy-protocol", "rpc-v2-cbor"),
                                       ("Content-Length", str(len(out)))])
        return [out]
