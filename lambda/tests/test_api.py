"""API Gateway REST proxy requests: /health from the region's own dependencies, POST /orders."""

import base64
import json

import boto3

import orders
from conftest import CONTEXT, REGION, TABLE, api_event, order


def call(event):
    response = orders.handler(event, CONTEXT)
    return response["statusCode"], json.loads(response["body"]), response


def test_health_ok_checks_every_dependency_in_its_region(aws):
    status, body, response = call(api_event("GET", "/health"))

    assert status == 200
    assert body == {"status": "ok", "region": REGION, "checks": {"dynamodb": "ok", "ssm": "ok", "sqs": "ok"}}
    assert response["headers"]["Content-Type"] == "application/json"
    assert response["headers"]["Cache-Control"] == "no-store"  # a cached "ok" would hide an outage


def test_health_503_when_table_missing(aws):
    aws.dynamodb.delete_table(TableName=TABLE)

    status, body, _ = call(api_event("GET", "/health"))

    assert status == 503
    assert body["status"] == "unhealthy"
    assert body["checks"]["dynamodb"] == "failed: ResourceNotFoundException"
    assert body["checks"]["ssm"] == "ok" and body["checks"]["sqs"] == "ok"


def test_health_503_names_missing_parameter_and_queue(aws):
    aws.ssm.delete_parameter(Name="/drpair/test/health")
    aws.sqs.delete_queue(QueueUrl=aws.queue_url)

    status, body, _ = call(api_event("GET", "/health"))

    assert status == 503
    assert body["checks"]["dynamodb"] == "ok"
    assert body["checks"]["ssm"] == "failed: ParameterNotFound"
    assert body["checks"]["sqs"].startswith("failed: ")


def test_health_skips_optional_checks_and_never_shows_the_parameter_value(aws, monkeypatch, capsys):
    status, body, _ = call(api_event("GET", "/health"))
    assert "ready" not in json.dumps(body) and "ready" not in capsys.readouterr().out

    monkeypatch.delenv("HEALTH_PARAMETER")
    monkeypatch.delenv("ORDERS_QUEUE_URL")
    status, body, _ = call(api_event("GET", "/health"))
    assert status == 200
    assert body["checks"] == {"dynamodb": "ok", "ssm": "skipped", "sqs": "skipped"}


def test_health_without_table_setting_is_unhealthy(aws, monkeypatch):
    monkeypatch.delenv("ORDERS_TABLE")
    status, body, _ = call(api_event("GET", "/health"))
    assert status == 503
    assert body["checks"]["dynamodb"] == "failed: ORDERS_TABLE not set"


def test_health_through_proxy_resource_and_custom_domain_base_path(aws):
    # Greedy {proxy+} resource behind a custom domain: `path` carries the base path mapping.
    event = api_event("GET", "/trading/health", resource="/{proxy+}", proxy="health")
    assert call(event)[0] == 200
    # Explicit /health resource behind the same base path.
    assert call(api_event("GET", "/trading/health", resource="/health"))[0] == 200


def test_post_order_lands_on_the_queue(aws):
    status, body, _ = call(api_event("POST", "/orders", body=json.dumps(order(order_id="api-1"))))

    assert status == 202
    assert body == {"status": "accepted", "order_id": "api-1", "region": REGION}
    messages = aws.sqs.receive_message(QueueUrl=aws.queue_url, MaxNumberOfMessages=10)["Messages"]
    assert len(messages) == 1
    assert json.loads(messages[0]["Body"]) == {
        "order_id": "api-1",
        "account": "acct-7",
        "symbol": "ACME",
        "side": "BUY",
        "quantity": "100",
        "price": "12.50",
    }


def test_post_order_finds_its_own_regions_queue_by_name(aws, monkeypatch):
    # A pair deploys one environment to both regions: the name, not a regional URL.
    monkeypatch.delenv("ORDERS_QUEUE_URL")
    monkeypatch.setenv("ORDERS_QUEUE_NAME", "orders-test")
    other = boto3.client("sqs", region_name="us-west-2")
    other.create_queue(QueueName="orders-test")

    status, body, _ = call(api_event("POST", "/orders", body=json.dumps(order(order_id="api-n"))))
    healthy = call(api_event("GET", "/health"))

    assert (status, body["region"]) == (202, REGION)
    assert len(aws.sqs.receive_message(QueueUrl=aws.queue_url, MaxNumberOfMessages=10)["Messages"]) == 1
    assert "Messages" not in other.receive_message(QueueUrl=other.get_queue_url(QueueName="orders-test")["QueueUrl"])
    assert (healthy[0], healthy[1]["checks"]["sqs"]) == (200, "ok")


def test_post_order_queue_name_not_found_is_503(aws, monkeypatch):
    monkeypatch.delenv("ORDERS_QUEUE_URL")
    monkeypatch.setenv("ORDERS_QUEUE_NAME", "no-such-queue")
    status, body, _ = call(api_event("POST", "/orders", body=json.dumps(order(order_id="api-m"))))
    assert (status, body["order_id"]) == (503, "api-m")
    assert call(api_event("GET", "/health"))[0] == 503


def test_post_order_base64_body(aws):
    raw = base64.b64encode(json.dumps(order(order_id="api-2")).encode()).decode()
    status, body, _ = call(api_event("POST", "/orders", body=raw, base64_body=True))
    assert (status, body["order_id"]) == (202, "api-2")


def test_post_order_to_fifo_queue_sets_group_and_dedup(aws, monkeypatch):
    fifo = aws.sqs.create_queue(QueueName="orders-test.fifo", Attributes={"FifoQueue": "true"})["QueueUrl"]
    monkeypatch.setenv("ORDERS_QUEUE_URL", fifo)

    assert call(api_event("POST", "/orders", body=json.dumps(order(order_id="f-1"))))[0] == 202
    assert call(api_event("POST", "/orders", body=json.dumps(order(order_id="f-1"))))[0] == 202

    messages = aws.sqs.receive_message(QueueUrl=fifo, MaxNumberOfMessages=10, AttributeNames=["All"])["Messages"]
    assert len(messages) == 1  # deduplicated on the order id
    assert messages[0]["Attributes"]["MessageGroupId"] == "acct-7"


def test_bad_input_is_400_with_the_fields_named(aws):
    bad = order(side="HOLD", quantity=-5, symbol="acme", extra="x")
    del bad["account"]

    status, body, _ = call(api_event("POST", "/orders", body=json.dumps(bad)))

    assert status == 400
    assert body["error"] == "invalid order"
    assert set(body["fields"]) == {"side", "quantity", "symbol", "extra", "account"}
    assert "Messages" not in aws.sqs.receive_message(QueueUrl=aws.queue_url, MaxNumberOfMessages=10)


def test_malformed_json_and_empty_body_are_400(aws):
    assert call(api_event("POST", "/orders", body="{nope"))[1]["fields"] == {"body": "not valid JSON"}
    assert call(api_event("POST", "/orders", body=None))[0] == 400
    assert call(api_event("POST", "/orders", body="%%%", base64_body=True))[0] == 400


def test_queue_unavailable_is_503_and_names_the_order(aws):
    aws.sqs.delete_queue(QueueUrl=aws.queue_url)
    status, body, _ = call(api_event("POST", "/orders", body=json.dumps(order(order_id="api-3"))))
    assert (status, body["order_id"]) == (503, "api-3")


def test_anything_else_is_404(aws):
    assert call(api_event("GET", "/orders"))[0] == 404
    assert call(api_event("POST", "/health"))[0] == 404
    assert call(api_event("GET", "/admin"))[0] == 404
    assert call(api_event("GET", "/", resource="/"))[0] == 404
