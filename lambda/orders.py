"""Reference order processor for drpair's order pipeline and regional API.

One function, deployed byte-identical in both regions (handler "orders.handler"), serves two
event shapes:

* SQS batch (the order queue's event source mapping, with ReportBatchItemFailures on): each
  message is an order; it is validated and written to the DynamoDB table ORDERS_TABLE with the
  order id as key. Failed messages are returned in batchItemFailures so only they are retried
  and, after maxReceiveCount, land in the dead-letter queue.
* API Gateway REST proxy (AWS_PROXY): GET /health checks this region's own dependencies;
  POST /orders validates an order and puts it on ORDERS_QUEUE_URL (or on this region's queue
  named ORDERS_QUEUE_NAME).

Only the standard library and boto3 are used: both are on the managed Python runtime, so the
package needs no build step and its bytes depend on this source alone.
"""

import base64
import functools
import json
import logging
import os
import re
import sys
import time
from decimal import Decimal, InvalidOperation

import boto3
from boto3.dynamodb.types import TypeDeserializer
from botocore.config import Config
from botocore.exceptions import BotoCoreError, ClientError

# ---------------------------------------------------------------------------------------------
# Logging: one JSON object per line, so CloudWatch Logs Insights can filter on fields.
# Order contents (account numbers, prices) and parameter values are never logged: only ids,
# outcomes and AWS error codes.
# ---------------------------------------------------------------------------------------------


class _JsonFormatter(logging.Formatter):
    def format(self, record):
        entry = {
            "time": time.strftime("%Y-%m-%dT%H:%M:%S", time.gmtime(record.created))
            + ".%03dZ" % record.msecs,
            "level": record.levelname,
            "message": record.getMessage(),
        }
        entry.update(getattr(record, "fields", {}))
        return json.dumps(entry, default=str, sort_keys=True)


class _StdoutHandler(logging.Handler):
    # Looks sys.stdout up at each record (not once at import) so a replaced stdout, as in tests,
    # still receives the lines. Lambda sends stdout to CloudWatch Logs.
    def emit(self, record):
        try:
            sys.stdout.write(self.format(record) + "\n")
            sys.stdout.flush()
        except Exception:  # logging must never fail an order
            self.handleError(record)


_log = logging.getLogger("orders")
if not _log.handlers:
    _handler = _StdoutHandler()
    _handler.setFormatter(_JsonFormatter())
    _log.addHandler(_handler)
    # The runtime puts its own plain-text handler on the root logger: do not log twice.
    _log.propagate = False
# A mistyped LOG_LEVEL must not stop the function from loading: fall back to INFO.
_level = os.environ.get("LOG_LEVEL", "INFO").upper()
_log.setLevel(_level if isinstance(logging.getLevelName(_level), int) else logging.INFO)


def log(level, message, **fields):
    _log.log(level, message, extra={"fields": fields})


# ---------------------------------------------------------------------------------------------
# AWS clients, always for the function's own region: in a DR pair each copy of the function
# must depend only on its region, or an outage of the other region would take it down too.
# ---------------------------------------------------------------------------------------------

# Data path: the SDK's standard retry mode absorbs throttling; a record that still fails is
# reported and retried by SQS.
_DATA_CONFIG = Config(retries={"mode": "standard", "max_attempts": 3})
# Health checks must answer well inside Route 53's few-second timeout, so they fail fast
# rather than retry: a slow dependency is an unhealthy one.
_HEALTH_CONFIG = Config(
    connect_timeout=1, read_timeout=2, retries={"mode": "standard", "max_attempts": 1}
)


def region():
    return os.environ.get("AWS_REGION") or os.environ.get("AWS_DEFAULT_REGION", "")


@functools.lru_cache(maxsize=None)
def _client(service, purpose="data"):
    """Cached per container so warm invocations reuse connections. Tests clear the cache."""
    config = _HEALTH_CONFIG if purpose == "health" else _DATA_CONFIG
    return boto3.client(service, region_name=region(), config=config)


def _error_code(exc):
    if isinstance(exc, ClientError):
        return exc.response.get("Error", {}).get("Code", "ClientError")
    return type(exc).__name__


# ---------------------------------------------------------------------------------------------
# Orders: validation gives a canonical order, the only thing ever stored or queued.
# ---------------------------------------------------------------------------------------------

# The fields that define an order. Two submissions with the same order_id are the same order
# exactly when all of these are equal; anything else about them (arrival time, region) is not.
ORDER_FIELDS = ("order_id", "account", "symbol", "side", "quantity", "price")
_REQUIRED = ("order_id", "account", "symbol", "side", "quantity")
# Matched with fullmatch: "$" alone would let a trailing newline through.
_ORDER_ID = re.compile(r"[A-Za-z0-9][A-Za-z0-9_.:-]{0,127}")
_ACCOUNT = re.compile(r"[A-Za-z0-9][A-Za-z0-9_.-]{0,63}")
_SYMBOL = re.compile(r"[A-Z0-9][A-Z0-9./-]{0,15}")
_SIDES = ("BUY", "SELL")
# DynamoDB numbers: at most 38 significant digits, magnitude 1E-130 to under 1E+126. Checked
# here so the API never accepts (202) an order the writer can only send to the DLQ.
_MAX_DIGITS = 38
_MIN_EXPONENT, _MAX_EXPONENT = -130, 125


class InvalidOrder(ValueError):
    """The order can never succeed: bad JSON or bad fields. `errors` maps field -> reason."""

    def __init__(self, errors):
        super().__init__("; ".join("%s: %s" % item for item in sorted(errors.items())))
        self.errors = errors


def _positive_decimal(value):
    """A finite Decimal > 0 from a JSON number or string, or None.

    Money and quantities are never floats: JSON numbers are parsed as Decimal
    (parse_float=Decimal) and strings like "12.50" are accepted so clients can avoid floats too.
    """
    if isinstance(value, bool) or not isinstance(value, (int, Decimal, str)):
        return None
    try:
        number = Decimal(value)
    except (InvalidOperation, ValueError):
        return None
    if not number.is_finite() or number <= 0:
        return None
    # Trailing zeros are not significant to DynamoDB (nor is normalize() usable: it rounds to
    # the context's 28 digits).
    significant = "".join(map(str, number.as_tuple().digits)).rstrip("0")
    if len(significant) > _MAX_DIGITS:
        return None
    if not _MIN_EXPONENT <= number.adjusted() <= _MAX_EXPONENT:
        return None
    return number


def parse_order(body):
    """Parse and validate an order from JSON text (or an already-decoded dict)."""
    if isinstance(body, (str, bytes)):
        try:
            body = json.loads(body, parse_float=Decimal)
        except ValueError:
            raise InvalidOrder({"body": "not valid JSON"}) from None
    if not isinstance(body, dict):
        raise InvalidOrder({"body": "must be a JSON object"})

    errors = {}
    for name in sorted(set(body) - set(ORDER_FIELDS)):
        errors[name] = "unknown field"
    for name in _REQUIRED:
        if body.get(name) is None:
            errors[name] = "required"

    def check_text(name, pattern, reason):
        value = body.get(name)
        if value is not None and not (isinstance(value, str) and pattern.fullmatch(value)):
            errors[name] = reason

    check_text("order_id", _ORDER_ID, "1-128 characters: letters, digits, _ . : -")
    check_text("account", _ACCOUNT, "1-64 characters: letters, digits, _ . -")
    check_text("symbol", _SYMBOL, "1-16 characters: upper-case letters, digits, . / -")
    if body.get("side") is not None and body["side"] not in _SIDES:
        errors["side"] = "must be BUY or SELL"

    numbers = {}
    for name in ("quantity", "price"):  # price absent = market order
        if body.get(name) is not None:
            numbers[name] = _positive_decimal(body[name])
            if numbers[name] is None:
                errors[name] = "must be a number > 0 with at most %d digits" % _MAX_DIGITS

    if errors:
        raise InvalidOrder(errors)
    order = {name: body[name] for name in ("order_id", "account", "symbol", "side")}
    order.update(numbers)
    return order


def order_json(order):
    """Canonical JSON: sorted keys, numbers as strings so no precision is lost in transit."""
    plain = {k: (str(v) if isinstance(v, Decimal) else v) for k, v in order.items()}
    return json.dumps(plain, sort_keys=True)


def same_order(a, b):
    # Decimal compares by value, so "12.5" from a client equals 12.50 read back from DynamoDB.
    return all(a.get(name) == b.get(name) for name in ORDER_FIELDS)


# ---------------------------------------------------------------------------------------------
# SQS batch: write each order once, report the records that failed.
# ---------------------------------------------------------------------------------------------


class MissingSetting(Exception):
    """A required environment variable is not set."""


class OrderConflict(Exception):
    """An order with this id exists with different contents: never overwrite a stored order."""


def write_order(table_name, order):
    """Put the order unless its id exists. Returns "written" or "duplicate".

    SQS delivers at least once and a client may resubmit after a timeout, so the same order
    arriving again is normal and must succeed without a second row. The condition makes the
    check and the write one atomic step, with no window between a read and a put.
    """
    table = _table(table_name)
    item = dict(order, received_at=int(time.time()), processed_in=region())
    try:
        table.put_item(
            Item=item,
            ConditionExpression="attribute_not_exists(order_id)",
            # Return the stored item with the failure: saves a read to compare payloads.
            ReturnValuesOnConditionCheckFailure="ALL_OLD",
        )
        return "written"
    except ClientError as exc:
        if _error_code(exc) != "ConditionalCheckFailedException":
            raise
        if "Item" in exc.response:  # the error carries it in low-level form ({"S": ...})
            existing = {k: _DESERIALIZER.deserialize(v) for k, v in exc.response["Item"].items()}
        else:  # an endpoint that ignores ALL_OLD: read it back, strongly consistent
            key = {"order_id": order["order_id"]}
            existing = table.get_item(Key=key, ConsistentRead=True).get("Item", {})
    if same_order(existing, order):
        return "duplicate"
    raise OrderConflict("order %s exists with different contents" % order["order_id"])


_DESERIALIZER = TypeDeserializer()


@functools.lru_cache(maxsize=None)
def _table(name):
    # The resource layer converts Python values <-> DynamoDB types (Decimal stays Decimal).
    return boto3.resource("dynamodb", region_name=region(), config=_DATA_CONFIG).Table(name)


def reset_clients():
    """Forget cached clients (tests create them inside each mocked AWS)."""
    _client.cache_clear()
    _table.cache_clear()
    _queue_url_by_name.cache_clear()


def queue_url(purpose="data"):
    """The order queue: ORDERS_QUEUE_URL, else this region's URL of the queue ORDERS_QUEUE_NAME.

    One package runs in both regions with one environment, but a queue URL names its region:
    a pair sets the queue's name (the same in both regions) and each copy finds its own
    region's queue, so no copy ever depends on the other region. None when neither is set;
    raises ClientError/BotoCoreError when the lookup fails.
    """
    url = os.environ.get("ORDERS_QUEUE_URL")
    if url:
        return url
    name = os.environ.get("ORDERS_QUEUE_NAME")
    return _queue_url_by_name(region(), name, purpose) if name else None


@functools.lru_cache(maxsize=None)
def _queue_url_by_name(own_region, name, purpose):
    # Cached per container (a URL never changes); the region is part of the key for callers
    # that switch regions in one process, as the drill's in-process runtime does.
    return _client("sqs", purpose).get_queue_url(QueueName=name)["QueueUrl"]


def process_record(table, record):
    """Write one SQS message's order. Returns "written" or "duplicate"; raises on failure."""
    order = parse_order(record.get("body", ""))
    if not table:
        # Misconfiguration: fail every record so none is lost while it is fixed.
        raise MissingSetting("ORDERS_TABLE not set")
    outcome = write_order(table, order)
    log(logging.INFO, "order " + outcome, message_id=record.get("messageId"), order_id=order["order_id"])
    return outcome


def handle_sqs(event):
    table = os.environ.get("ORDERS_TABLE")
    failures = []
    outcomes = {"written": 0, "duplicate": 0, "failed": 0}
    for record in event["Records"]:
        message_id = record.get("messageId")
        try:
            outcomes[process_record(table, record)] += 1
            continue
        except InvalidOrder as exc:
            # Poison message: retrying will not help, but the DLQ (after maxReceiveCount) is
            # where a human looks, so report it instead of dropping it silently.
            log(logging.WARNING, "invalid order", message_id=message_id, errors=exc.errors)
        except OrderConflict as exc:
            log(logging.ERROR, "order id conflict", message_id=message_id, error=str(exc))
        except (ClientError, BotoCoreError, MissingSetting) as exc:
            # Throttling, an outage, a missing table: SQS retries the record later.
            log(logging.ERROR, "order write failed", message_id=message_id, error_code=_error_code(exc))
        except Exception as exc:
            # A bug must fail this record, not the batch: raising would make SQS redeliver
            # the good records too. Only the type is logged: the message may hold order data.
            log(logging.ERROR, "order failed unexpectedly", message_id=message_id, error_type=type(exc).__name__)
        failures.append({"itemIdentifier": message_id})
        outcomes["failed"] += 1
    log(logging.INFO, "batch done", records=len(event["Records"]), **outcomes)
    return {"batchItemFailures": failures}


# ---------------------------------------------------------------------------------------------
# API Gateway REST proxy: /health and /orders.
# ---------------------------------------------------------------------------------------------


def _response(status, body):
    return {
        "statusCode": status,
        # no-store: a cached "ok" from /health would hide an outage.
        "headers": {"Content-Type": "application/json", "Cache-Control": "no-store"},
        "body": json.dumps(body, sort_keys=True, default=str),
        "isBase64Encoded": False,
    }


def _route(event):
    """The path inside the API, whatever the mapping.

    With a greedy `{proxy+}` resource the route is in pathParameters; with explicit resources
    it is `resource`. `path` is the last resort because behind a custom domain it carries the
    base path mapping (/orders-api/health), which is not part of the route.
    """
    proxy = (event.get("pathParameters") or {}).get("proxy")
    if proxy is not None:
        return "/" + proxy.strip("/")
    resource = event.get("resource") or ""
    if resource and "{" not in resource:
        return resource.rstrip("/") or "/"
    return (event.get("path") or "/").rstrip("/") or "/"


def check_dependencies():
    """Check what this region's copy needs, in this region only. Returns (healthy, checks)."""
    checks = {}

    def run(name, configured, probe):
        if not configured:
            checks[name] = "skipped"
            return
        try:
            probe()
            checks[name] = "ok"
        except (ClientError, BotoCoreError) as exc:
            checks[name] = "failed: " + _error_code(exc)
        except RuntimeError as exc:
            checks[name] = "failed: " + str(exc)

    def table_active():
        status = _client("dynamodb", "health").describe_table(TableName=table)["Table"]["TableStatus"]
        if status != "ACTIVE":
            raise RuntimeError("table is " + status)

    table = os.environ.get("ORDERS_TABLE")
    parameter = os.environ.get("HEALTH_PARAMETER")
    queue = os.environ.get("ORDERS_QUEUE_URL") or os.environ.get("ORDERS_QUEUE_NAME")
    # The table is what the function exists for: not configuring it is a failure, not a skip.
    if table:
        run("dynamodb", True, table_active)
    else:
        checks["dynamodb"] = "failed: ORDERS_TABLE not set"
    # Only readability is checked; the value is neither decrypted nor logged.
    run("ssm", parameter, lambda: _client("ssm", "health").get_parameter(Name=parameter))
    run(
        "sqs",
        queue,
        lambda: _client("sqs", "health").get_queue_attributes(QueueUrl=queue_url("health"), AttributeNames=["QueueArn"]),
    )
    healthy = all(result in ("ok", "skipped") for result in checks.values())
    return healthy, checks


def health():
    healthy, checks = check_dependencies()
    body = {"status": "ok" if healthy else "unhealthy", "region": region(), "checks": checks}
    # Route 53 probes every few seconds from many places: log "ok" only at DEBUG.
    log(logging.DEBUG if healthy else logging.WARNING, "health", **body)
    return _response(200 if healthy else 503, body)


def submit_order(event):
    raw = event.get("body") or ""
    if event.get("isBase64Encoded"):
        try:
            raw = base64.b64decode(raw)
        except ValueError:
            return _response(400, {"error": "invalid order", "fields": {"body": "not valid base64"}})
    try:
        order = parse_order(raw)
    except InvalidOrder as exc:
        return _response(400, {"error": "invalid order", "fields": exc.errors})

    try:
        queue = queue_url()
        if not queue:
            log(logging.ERROR, "neither ORDERS_QUEUE_URL nor ORDERS_QUEUE_NAME is set")
            return _response(503, {"error": "order queue not configured"})
        message = {"QueueUrl": queue, "MessageBody": order_json(order)}
        if queue.endswith(".fifo"):
            # FIFO queues need these; per-account ordering and dedup on the order id fit orders.
            message.update(MessageGroupId=order["account"], MessageDeduplicationId=order["order_id"])
        sent = _client("sqs").send_message(**message)
    except (ClientError, BotoCoreError) as exc:
        # Safe for the client to retry with the same order_id: the write is idempotent.
        log(logging.ERROR, "enqueue failed", order_id=order["order_id"], error_code=_error_code(exc))
        return _response(503, {"error": "order queue unavailable", "order_id": order["order_id"]})
    log(logging.INFO, "order accepted", order_id=order["order_id"], message_id=sent.get("MessageId"))
    return _response(202, {"status": "accepted", "order_id": order["order_id"], "region": region()})


def handle_api(event):
    method = (event.get("httpMethod") or "").upper()
    route = _route(event)
    if route == "/health" and method in ("GET", "HEAD"):
        return health()
    if route == "/orders" and method == "POST":
        return submit_order(event)
    return _response(404, {"error": "not found"})


# ---------------------------------------------------------------------------------------------
# Entry point.
# ---------------------------------------------------------------------------------------------


def _is_sqs(event):
    records = event.get("Records")
    return (
        isinstance(records, list)
        and bool(records)
        and all(isinstance(r, dict) and r.get("eventSource") == "aws:sqs" for r in records)
    )


def handler(event, context):
    request_id = getattr(context, "aws_request_id", None)
    if isinstance(event, dict) and _is_sqs(event):
        log(logging.DEBUG, "sqs batch", request_id=request_id)
        return handle_sqs(event)
    if isinstance(event, dict) and "httpMethod" in event:
        log(logging.DEBUG, "api request", request_id=request_id)
        return handle_api(event)
    # Raising makes the invocation fail visibly instead of "succeeding" at nothing.
    log(logging.ERROR, "unrecognised event", request_id=request_id)
    raise ValueError("unrecognised event: expected an SQS batch or an API Gateway proxy request")
