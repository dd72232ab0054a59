"""Lambda, API Gateway and the SQS event source mapping, played in this process.

The stand-in cannot execute Lambda functions (no Docker), so the drill runs the deployed
function's handler itself, the way the real services would call it:

* `LambdaRuntime.invoke` reads the function's configuration from the Lambda API (handler and
  environment variables, as deployed by the order pipeline), sets the environment a Lambda
  container would have (AWS_REGION of the function's region, its variables) with boto3
  pointed at the stand-in, imports the handler's module from lambda/ and calls it.
* `ApiGateway.post` follows the custom domain the way API Gateway does: base path mapping ->
  REST API and stage -> POST /orders integration -> function ARN, then invokes it with an
  AWS_PROXY event.
* `EventSourceMapping.poll` is one poll of the queue by each of the function's mappings, and
  only by mappings the Lambda API reports Enabled: a Disabled mapping consumes nothing, which
  is exactly what the orchestrator's sync relies on. Records are sent in the SQS event shape;
  those not in batchItemFailures are deleted, as Lambda does with ReportBatchItemFailures.

One process, one region at a time: the handler's cached clients are reset around every call.
"""
import contextlib
import importlib
import json
import os
import sys
import types
import uuid
from pathlib import Path

LAMBDA_DIR = Path(__file__).resolve().parent.parent / "lambda"


@contextlib.contextmanager
def environment(values):
    """os.environ with `values` set for the duration, then exactly as it was."""
    saved = dict(os.environ)
    try:
        os.environ.update(values)
        yield
    finally:
        os.environ.clear()
        os.environ.update(saved)


def _module(handler):
    """The handler's module, imported from lambda/ (e.g. "orders.handler" -> orders)."""
    name, _, func = handler.rpartition(".")
    if str(LAMBDA_DIR) not in sys.path:
        sys.path.insert(0, str(LAMBDA_DIR))
    return importlib.import_module(name), func


class LambdaRuntime:
    def __init__(self, aws, endpoint):
        self.aws = aws
        self.endpoint = endpoint
        self.invocations = 0

    def config(self, region, function):
        return self.aws.client("lambda", region).get_function_configuration(FunctionName=function)

    def invoke(self, region, function, event, extra_env=None):
        """Run `function`'s handler (as deployed in `region`) on `event`; returns its result."""
        cfg = self.config(region, function)
        env = dict((cfg.get("Environment") or {}).get("Variables") or {})
        env.update(extra_env or {})
        # What Lambda itself puts in every container, with the SDK sent to the stand-in.
        env.update(AWS_REGION=region, AWS_DEFAULT_REGION=region, AWS_LAMBDA_FUNCTION_NAME=cfg["FunctionName"],
                   AWS_ACCESS_KEY_ID="testing", AWS_SECRET_ACCESS_KEY="testing")
        if self.endpoint:
            env["AWS_ENDPOINT_URL"] = self.endpoint
        module, func = _module(cfg["Handler"])
        context = types.SimpleNamespace(aws_request_id=str(uuid.uuid4()), function_name=cfg["FunctionName"],
                                        invoked_function_arn=cfg["FunctionArn"])
        with environment(env), contextlib.redirect_stdout(_Sink()):
            if hasattr(module, "reset_clients"):
                module.reset_clients()  # its clients are per region: never reuse another's
            try:
                self.invocations += 1
                return getattr(module, func)(event, context)
            finally:
                if hasattr(module, "reset_clients"):
                    module.reset_clients()


class _Sink:
    """The handlers' JSON log lines: kept (last 200) for diagnosis instead of flooding stdout."""

    lines = []

    def write(self, text):
        if text.strip():
            _Sink.lines = (_Sink.lines + [text.rstrip()])[-200:]
        return len(text)

    def flush(self):
        pass


class ApiGateway:
    """POST /orders through a region's custom domain, as API Gateway would route it."""

    def __init__(self, aws, runtime):
        self.aws = aws
        self.runtime = runtime
        self._routes = {}

    def route(self, region, domain, path="/orders", method="POST"):
        """(function ARN, stage) that `method path` on `domain` reaches in `region`."""
        key = (region, domain, path, method)
        if key not in self._routes:
            ag = self.aws.client("apigateway", region)
            mapping = ag.get_base_path_mappings(domainName=domain)["items"][0]
            api_id, stage = mapping["restApiId"], mapping.get("stage")
            resource = next(r for r in ag.get_resources(restApiId=api_id, limit=500)["items"]
                            if r["path"] == path)
            uri = ag.get_integration(restApiId=api_id, resourceId=resource["id"], httpMethod=method)["uri"]
            # arn:aws:apigateway:<region>:lambda:path/2015-03-31/functions/<function arn>/invocations
            function_arn = uri.split("/functions/", 1)[1].rsplit("/invocations", 1)[0]
            self._routes[key] = (function_arn, stage)
        return self._routes[key]

    def post(self, region, domain, path, body):
        """(status, decoded body, function ARN) of one AWS_PROXY request."""
        function_arn, stage = self.route(region, domain, path)
        event = {"resource": path, "path": path, "httpMethod": "POST",
                 "headers": {"Content-Type": "application/json", "Host": domain},
                 "pathParameters": None, "queryStringParameters": None, "isBase64Encoded": False,
                 "requestContext": {"stage": stage, "domainName": domain, "httpMethod": "POST",
                                    "resourcePath": path, "requestId": str(uuid.uuid4())},
                 "body": json.dumps(body)}
        response = self.runtime.invoke(region, function_arn, event)
        return response["statusCode"], json.loads(response["body"]), function_arn


def function_name(function):
    """A function's name from its name or (possibly qualified) ARN. Lambda accepts either in
    ListEventSourceMappings; moto 5.2.5 matches the name only."""
    return function.split(":function:", 1)[-1].split(":", 1)[0]


class EventSourceMapping:
    """One poll of a function's SQS event source mappings, by those that are Enabled.

    moto itself also reacts to SendMessage on a queue with an enabled mapping: it receives the
    visible messages, fails to run the function (no Docker) and makes them visible again, which
    counts as a receive. The drill polls right after each send, so a message is received at most
    twice before it is processed, far from the queue's maxReceiveCount (5), after which SQS would
    move it to the dead-letter queue.
    """

    def __init__(self, aws, runtime):
        self.aws = aws
        self.runtime = runtime

    def states(self, region, function):
        """{mapping UUID: State} as the Lambda API reports them."""
        found = self.aws.client("lambda", region).list_event_source_mappings(FunctionName=function_name(function))
        return {m["UUID"]: m["State"] for m in found["EventSourceMappings"]}

    def poll(self, region, function):
        """Deliver what the enabled mappings' queues hold; returns (delivered, failed)."""
        lam, sqs = self.aws.client("lambda", region), self.aws.client("sqs", region)
        delivered = failed = 0
        for m in lam.list_event_source_mappings(FunctionName=function_name(function))["EventSourceMappings"]:
            if m["State"] != "Enabled" or ":sqs:" not in m["EventSourceArn"]:
                continue
            queue_arn = m["EventSourceArn"]
            url = sqs.get_queue_url(QueueName=queue_arn.rsplit(":", 1)[1])["QueueUrl"]
            messages = sqs.receive_message(QueueUrl=url, MaxNumberOfMessages=m.get("BatchSize") or 10,
                                           AttributeNames=["All"]).get("Messages", [])
            if not messages:
                continue
            records = [{"messageId": msg["MessageId"], "receiptHandle": msg["ReceiptHandle"],
                        "body": msg["Body"], "attributes": msg.get("Attributes", {}),
                        "messageAttributes": {}, "md5OfBody": msg.get("MD5OfBody"),
                        "eventSource": "aws:sqs", "eventSourceARN": queue_arn, "awsRegion": region}
                       for msg in messages]
            result = self.runtime.invoke(region, m["FunctionArn"], {"Records": records}) or {}
            retry = {f["itemIdentifier"] for f in result.get("batchItemFailures", [])}
            done = [r for r in records if r["messageId"] not in retry]
            if done:
                deleted = sqs.delete_message_batch(QueueUrl=url, Entries=[
                    {"Id": str(i), "ReceiptHandle": r["receiptHandle"]} for i, r in enumerate(done)])
                if deleted.get("Failed"):  # processed but not deleted: SQS delivers it again (idempotent)
                    raise RuntimeError(f"DeleteMessageBatch failed in {region}: {deleted['Failed']}")
            delivered += len(done)
            failed += len(retry)
        return delivered, failed
