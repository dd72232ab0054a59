"""In-process tests against moto: Lambda invoke in the stand-in needs Docker, absent here, so
the handler is called directly with the events Lambda would send, and boto3 talks to moto."""

import json
import types

import boto3
import pytest
from moto import mock_aws

import orders

REGION = "us-east-2"
TABLE = "orders-test"
PARAMETER = "/drpair/test/health"


@pytest.fixture
def aws(monkeypatch):
    """A mocked region with the orders table, the queue and the health parameter."""
    for name in ("AWS_PROFILE", "AWS_ENDPOINT_URL", "ORDERS_TABLE", "ORDERS_QUEUE_URL", "ORDERS_QUEUE_NAME",
                 "HEALTH_PARAMETER"):
        monkeypatch.delenv(name, raising=False)
    monkeypatch.setenv("AWS_ACCESS_KEY_ID", "testing")
    monkeypatch.setenv("AWS_SECRET_ACCESS_KEY", "testing")
    monkeypatch.setenv("AWS_REGION", REGION)
    monkeypatch.setenv("AWS_DEFAULT_REGION", REGION)
    with mock_aws():
        orders.reset_clients()
        dynamodb = boto3.client("dynamodb", region_name=REGION)
        dynamodb.create_table(
            TableName=TABLE,
            KeySchema=[{"AttributeName": "order_id", "KeyType": "HASH"}],
            AttributeDefinitions=[{"AttributeName": "order_id", "AttributeType": "S"}],
            BillingMode="PAY_PER_REQUEST",
        )
        sqs = boto3.client("sqs", region_name=REGION)
        queue_url = sqs.create_queue(QueueName="orders-test")["QueueUrl"]
        ssm = boto3.client("ssm", region_name=REGION)
        ssm.put_parameter(Name=PARAMETER, Value="ready", Type="String")
        monkeypatch.setenv("ORDERS_TABLE", TABLE)
        monkeypatch.setenv("ORDERS_QUEUE_URL", queue_url)
        monkeypatch.setenv("HEALTH_PARAMETER", PARAMETER)
        yield types.SimpleNamespace(dynamodb=dynamodb, sqs=sqs, ssm=ssm, queue_url=queue_url)
        orders.reset_clients()


CONTEXT = types.SimpleNamespace(aws_request_id="test-request")


def order(**overrides):
    base = {"order_id": "ord-1", "account": "acct-7", "symbol": "ACME", "side": "BUY", "quantity": 100, "price": "12.50"}
    base.update(overrides)
    return {k: v for k, v in base.items() if v is not None}


def sqs_record(message_id, body):
    """One record as the SQS event source mapping delivers it."""
    return {
        "messageId": message_id,
        "receiptHandle": "rh-" + message_id,
        "body": body if isinstance(body, str) else json.dumps(body),
        "attributes": {"ApproximateReceiveCount": "1"},
        "messageAttributes": {},
        "eventSource": "aws:sqs",
        "eventSourceARN": "arn:aws:sqs:%s:123456789012:orders-test" % REGION,
        "awsRegion": REGION,
    }


def sqs_event(*records):
    return {"Records": list(records)}


def api_event(method, path, body=None, resource=None, proxy=None, base64_body=False):
    """A REST API (AWS_PROXY) request as API Gateway sends it to Lambda."""
    return {
        "resource": resource or path,
        "path": path,
        "httpMethod": method,
        "headers": {"Content-Type": "application/json"},
        "pathParameters": {"proxy": proxy} if proxy is not None else None,
        "queryStringParameters": None,
        "requestContext": {"stage": "live", "requestId": "req-1", "httpMethod": method},
        "body": body,
        "isBase64Encoded": base64_body,
    }


def stored(aws, order_id):
    item = aws.dynamodb.get_item(TableName=TABLE, Key={"order_id": {"S": order_id}}, ConsistentRead=True)
    return item.get("Item")


def count_items(aws):
    return aws.dynamodb.scan(TableName=TABLE, Select="COUNT")["Count"]
