"""Fault injection: regional outages, API throttling, server errors and slow or stalled calls,
as AWS shows them to an SDK.

A DR provider must be tested against the two failures it exists for: a region that answers
nothing but 503, and an API that throttles. Both are decided per request from the SigV4
credential scope, before moto sees the request, and answered in the calling protocol's own
error format so that SDKs classify them as they would real AWS errors. The same settings also
say which Route 53 endpoint health checks fail (`unhealthy_endpoints`, read by route53_ext).

The fault matrix (acceptance-tests/test_faults_*.py) adds three more: intermittent HTTP 500s
(`error_rate`), slow calls (`slow_rate` x `slow_seconds`: the request is served late, and
still served when the client has given up on it, as AWS may complete a call whose answer
never arrives) and a stall after N requests (`hold_after_requests`), which gives a test an
exact point to kill an apply at: the N+1th request and every later one waits until the key
is cleared or the faults are reset.
"""
import json
import random
import re
import threading
import time
import uuid
from urllib.parse import parse_qs

# Services whose control plane lives in us-east-1 whatever region the client signs for.
GLOBAL_SERVICES = {"route53", "iam", "sts", "cloudfront", "organizations"}
# Bodies are built per protocol; these services use REST protocols (no form body, no target).
REST_XML_SERVICES = {"route53", "s3", "cloudfront"}

_SCOPE = re.compile(r"Credential=[^/\s,]+/\d{8}/([^/\s,]+)/([^/\s,]+)/aws4_request")


class FaultState:
    """The live fault configuration; every key is optional and POSTs merge into it."""

    DEFAULTS = {"outage_regions": [], "throttle_rate": 0.0, "create_delay_seconds": 0.0, "seed": None,
                "unhealthy_endpoints": [], "error_rate": 0.0, "slow_rate": 0.0, "slow_seconds": 0.0,
                "hold_after_requests": None}
    # A held request never waits longer than this: a test that forgets to release cannot wedge
    # the server's threads forever.
    HOLD_LIMIT_SECONDS = 900

    def __init__(self):
        self._lock = threading.Lock()
        self._released = threading.Condition(self._lock)
        self.reset()

    def reset(self):
        with self._lock:
            self._cfg = dict(self.DEFAULTS, outage_regions=[], unhealthy_endpoints=[])
            self._rng = random.Random()
            self._hold_left = None  # requests still let through before the hold, or None
            self._released.notify_all()

    def update(self, body):
        """Merge a JSON object into the configuration; raises ValueError on bad input."""
        if not isinstance(body, dict):
            raise ValueError("body must be a JSON object")
        unknown = set(body) - set(self.DEFAULTS)
        if unknown:
            raise ValueError(f"unknown keys: {sorted(unknown)}")
        new = {}
        if "outage_regions" in body:
            regions = body["outage_regions"]
            if not isinstance(regions, list) or not all(isinstance(r, str) for r in regions):
                raise ValueError("outage_regions must be a list of region names")
            new["outage_regions"] = sorted(set(regions))
        if "unhealthy_endpoints" in body:
            endpoints = body["unhealthy_endpoints"]
            if not isinstance(endpoints, list) or not all(isinstance(e, str) and e for e in endpoints):
                raise ValueError("unhealthy_endpoints must be a list of health check ids, domain names or IPs")
            new["unhealthy_endpoints"] = sorted(set(endpoints))
        if "throttle_rate" in body:
            rate = body["throttle_rate"]
            if isinstance(rate, bool) or not isinstance(rate, (int, float)) or not 0 <= rate <= 1:
                raise ValueError("throttle_rate must be a number in [0, 1]")
            new["throttle_rate"] = float(rate)
        if "create_delay_seconds" in body:
            delay = body["create_delay_seconds"]
            if isinstance(delay, bool) or not isinstance(delay, (int, float)) or delay < 0:
                raise ValueError("create_delay_seconds must be a number >= 0")
            new["create_delay_seconds"] = float(delay)
        for key in ("error_rate", "slow_rate"):
            if key in body:
                rate = body[key]
                if isinstance(rate, bool) or not isinstance(rate, (int, float)) or not 0 <= rate <= 1:
                    raise ValueError(f"{key} must be a number in [0, 1]")
                new[key] = float(rate)
        if "slow_seconds" in body:
            delay = body["slow_seconds"]
            if isinstance(delay, bool) or not isinstance(delay, (int, float)) or not 0 <= delay <= 600:
                raise ValueError("slow_seconds must be a number in [0, 600]")
            new["slow_seconds"] = float(delay)
        if "hold_after_requests" in body:
            n = body["hold_after_requests"]
            if n is not None and (isinstance(n, bool) or not isinstance(n, int) or n < 0):
                raise ValueError("hold_after_requests must be an integer >= 0 or null")
            new["hold_after_requests"] = n
        if "seed" in body:
            seed = body["seed"]
            if seed is not None and (isinstance(seed, bool) or not isinstance(seed, int)):
                raise ValueError("seed must be an integer or null")
            new["seed"] = seed
        with self._lock:
            self._cfg.update(new)
            if "seed" in new:
                self._rng = random.Random(new["seed"])
            if "hold_after_requests" in new:
                # counted from now: setting it again restarts the count; null releases
                self._hold_left = new["hold_after_requests"]
                self._released.notify_all()

    def pass_hold(self):
        """Called once per AWS request: returns at once while the hold's budget lasts (or no
        hold is set), else waits until the hold is cleared. True if this request was held."""
        deadline = time.monotonic() + self.HOLD_LIMIT_SECONDS
        with self._lock:
            if self._hold_left is None:
                return False
            if self._hold_left > 0:
                self._hold_left -= 1
                return False
            while self._hold_left is not None and self._hold_left <= 0:
                left = deadline - time.monotonic()
                if left <= 0:
                    break
                self._released.wait(left)
            return True

    def should_fail(self):
        """An intermittent server error for this request (error_rate)."""
        with self._lock:
            rate = self._cfg["error_rate"]
            return rate > 0 and self._rng.random() < rate

    def slow_delay(self):
        """Seconds to wait before serving this request: slow_seconds for a slow_rate share."""
        with self._lock:
            rate, delay = self._cfg["slow_rate"], self._cfg["slow_seconds"]
            return delay if rate > 0 and delay > 0 and self._rng.random() < rate else 0.0

    def snapshot(self):
        with self._lock:
            return dict(self._cfg, outage_regions=list(self._cfg["outage_regions"]),
                        unhealthy_endpoints=list(self._cfg["unhealthy_endpoints"]))

    def in_outage(self, region):
        with self._lock:
            return region in self._cfg["outage_regions"]

    def should_throttle(self):
        with self._lock:
            rate = self._cfg["throttle_rate"]
            return rate > 0 and self._rng.random() < rate

    def outage_regions(self):
        with self._lock:
            return list(self._cfg["outage_regions"])

    def unhealthy_endpoints(self):
        with self._lock:
            return list(self._cfg["unhealthy_endpoints"])

    @property
    def create_delay_seconds(self):
        with self._lock:
            return self._cfg["create_delay_seconds"]


FAULTS = FaultState()


def request_scope(environ):
    """(region, service) from the SigV4 credential scope (header or presigned query), or None."""
    m = _SCOPE.search(environ.get("HTTP_AUTHORIZATION", ""))
    if m:
        return m.group(1), m.group(2)
    cred = parse_qs(environ.get("QUERY_STRING", "")).get("X-Amz-Credential")
    if cred:
        parts = cred[0].split("/")
        if len(parts) == 5:
            return parts[2], parts[3]
    return None


def effective_region(region, service):
    return "us-east-1" if service in GLOBAL_SERVICES else region


def protocol_of(environ, service):
    """The wire protocol of this request, read from the request itself where it shows."""
    ctype = environ.get("CONTENT_TYPE", "")
    if environ.get("HTTP_SMITHY_PROTOCOL") == "rpc-v2-cbor":
        return "cbor"
    if environ.get("HTTP_X_AMZ_TARGET") or "x-amz-json" in ctype:
        return "json"
    if ctype.startswith("application/x-www-form-urlencoded") or "Action=" in environ.get("QUERY_STRING", ""):
        return "ec2" if service == "ec2" else "query"
    return "rest-xml" if service in REST_XML_SERVICES else "rest-json"


def _cbor_text(s):
    b = s.encode()
    n = len(b)
    head = bytes([0x60 | n]) if n < 24 else bytes([0x78, n]) if n < 256 else bytes([0x79]) + n.to_bytes(2, "big")
    return head + b


def error_response(environ, service, status, code, message, sender):
    """(status line, headers, body) for an AWS error in the request's protocol."""
    rid = str(uuid.uuid4())
    proto = protocol_of(environ, service)
    headers = [("x-amzn-RequestId", rid)]
    if proto in ("json", "rest-json"):
        body = json.dumps({"__type": code, "message": message}).encode()
        headers += [("Content-Type", "application/x-amz-json-1.1"), ("x-amzn-ErrorType", code)]
    elif proto == "cbor":
        body = b"\xa2" + _cbor_text("__type") + _cbor_text(code) + _cbor_text("message") + _cbor_text(message)
        headers += [("Content-Type", "application/cbor"), ("smithy-protocol", "rpc-v2-cbor")]
    elif proto == "ec2":
        body = (f"<?xml version=\"1.0\" encoding=\"UTF-8\"?><Response><Errors><Error><Code>{code}</Code>"
                f"<Message>{message}</Message></Error></Errors><RequestID>{rid}</RequestID></Response>").encode()
        headers.append(("Content-Type", "text/xml"))
    elif service == "s3":
        body = (f"<?xml version=\"1.0\" encoding=\"UTF-8\"?><Error><Code>{code}</Code><Message>{message}"
                f"</Message><RequestId>{rid}</RequestId></Error>").encode()
        headers.append(("Content-Type", "application/xml"))
    else:  # query and rest-xml (Route 53) share the ErrorResponse shape
        kind = "Sender" if sender else "Receiver"
        body = (f"<?xml version=\"1.0\" encoding=\"UTF-8\"?><ErrorResponse><Error><Type>{kind}</Type>"
                f"<Code>{code}</Code><Message>{message}</Message></Error>"
                f"<RequestId>{rid}</RequestId></ErrorResponse>").encode()
        headers.append(("Content-Type", "text/xml"))
    headers.append(("Content-Length", str(len(body))))
    reason = {400: "Bad Request", 500: "Internal Server Error", 503: "Service Unavailable"}[status]
    return f"{status} {reason}", headers, body


def outage_error(environ, service, region):
    msg = f"Service unavailable in {region} (drpair-standin regional outage)"
    return error_response(environ, service, 503, "ServiceUnavailable", msg, sender=False)


def server_error(environ, service):
    """HTTP 500 as AWS sends it on an internal failure; every SDK retries it as transient."""
    code = "InternalError" if service in ("s3", "ec2") else "InternalFailure"
    msg = "We encountered an internal error. Please try again. (drpair-standin injected)"
    return error_response(environ, service, 500, code, msg, sender=False)


def throttle_error(environ, service):
    """Throttling as each protocol family reports it; all are retryable throttles in the SDKs."""
    proto = protocol_of(environ, service)
    if service == "s3":
        return error_response(environ, service, 503, "SlowDown", "Please reduce your request rate.", False)
    if proto == "ec2":
        return error_response(environ, service, 503, "RequestLimitExceeded", "Request limit exceeded.", True)
    if proto in ("query", "rest-xml"):
        return error_response(environ, service, 400, "Throttling", "Rate exceeded", True)
    return error_response(environ, service, 400, "ThrottlingException", "Rate exceeded", True)


class FaultMiddleware:
    """WSGI wrapper: serves /drpair/faults, injects faults, passes everything else to moto."""

    def __init__(self, app, state=FAULTS):
        self.app = app
        self.state = state

    def __call__(self, environ, start_response):
        path = environ.get("PATH_INFO", "")
        if path.rstrip("/") == "/drpair/faults":
            return self._control(environ, start_response)
        if not path.startswith("/moto-api"):
            scope = request_scope(environ)
            if scope is not None:
                region, service = scope
                region = effective_region(region, service)
                # The hold first: it stands for "the process died at request N", whatever
                # else would have happened to that request.
                self.state.pass_hold()
                delay = self.state.slow_delay()
                if delay:
                    time.sleep(delay)  # then served: a client that gave up never sees it
                fault = None
                if self.state.in_outage(region):
                    fault = outage_error(environ, service, region)
                elif self.state.should_throttle():
                    fault = throttle_error(environ, service)
                elif self.state.should_fail():
                    fault = server_error(environ, service)
                if fault is not None:
                    status, headers, body = fault
                    start_response(status, headers)
                    return [body]
        return self.app(environ, start_response)

    def _control(self, environ, start_response):
        method = environ["REQUEST_METHOD"]
        status = "200 OK"
        if method == "POST":
            try:
                size = int(environ.get("CONTENT_LENGTH") or 0)
                self.state.update(json.loads(environ["wsgi.input"].read(size) or b"{}"))
            except ValueError as err:  # includes JSON decode errors
                return _json(start_response, "400 Bad Request", {"error": str(err)})
        elif method == "DELETE":
            self.state.reset()
        elif method != "GET":
            return _json(start_response, "405 Method Not Allowed", {"error": "use GET, POST or DELETE"})
        return _json(start_response, status, self.state.snapshot())


def _json(start_response, status, obj):
    body = json.dumps(obj).encode()
    start_response(status, [("Content-Type", "application/json"), ("Content-Length", str(len(body)))])
    return [body]
