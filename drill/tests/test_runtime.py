"""The in-process runtime against a real stand-in: the deployed function's own environment,
and a mapping that delivers only while the Lambda API says it is Enabled."""
import io
import json
import zipfile

import pytest

import aws as aws_mod
from drill.runtime import LAMBDA_DIR, EventSourceMapping, LambdaRuntime
from harness import StandIn

REGION = "us-east-2"


@pytest.fixture(scope="module")
def pair(tmp_path_factory):
    standin = StandIn(tmp_path_factory.mktemp("standin") / "standin.log")
    aws = aws_mod.Aws(standin.url)
    ddb = aws.client("dynamodb", REGION)
    ddb.create_table(TableName="orders-t", BillingMode="PAY_PER_REQUEST",
                     KeySchema=[{"AttributeName": "order_id", "KeyType": "HASH"}],
                     AttributeDefinitions=[{"AttributeName": "order_id", "AttributeType": "S"}])
    sqs = aws.client("sqs", REGION)
    url = sqs.create_queue(QueueName="orders-t-orders")["QueueUrl"]
    arn = sqs.get_queue_attributes(QueueUrl=url, AttributeNames=["QueueArn"])["Attributes"]["QueueArn"]
    role = aws.client("iam", REGION).create_role(RoleName="fn", AssumeRolePolicyDocument="{}")["Role"]["Arn"]
    package = io.BytesIO()
    with zipfile.ZipFile(package, "w") as z:
        z.write(LAMBDA_DIR / "orders.py", "orders.py")
    lam = aws.client("lambda", REGION)
    lam.create_function(FunctionName="orders-t", Runtime="python3.12", Role=role, Handler="orders.handler",
                        Code={"ZipFile": package.getvalue()},
                        Environment={"Variables": {"ORDERS_TABLE": "orders-t", "ORDERS_QUEUE_NAME": "orders-t-orders"}})
    esm = lam.create_event_source_mapping(EventSourceArn=arn, FunctionName="orders-t", BatchSize=10,
                                          FunctionResponseTypes=["ReportBatchItemFailures"])["UUID"]
    yield aws, standin, url, esm
    standin.stop()


def post(runtime, order_id):
    event = {"resource": "/orders", "path": "/orders", "httpMethod": "POST", "isBase64Encoded": False,
             "body": json.dumps({"order_id": order_id, "account": "a1", "symbol": "ACME", "side": "BUY",
                                 "quantity": 1})}
    return runtime.invoke(REGION, "orders-t", event)


def test_handler_runs_with_the_deployed_environment_and_mapping_delivers(pair):
    aws, standin, url, _ = pair
    runtime = LambdaRuntime(aws, standin.url)
    response = post(runtime, "rt-1")
    assert response["statusCode"] == 202, response
    assert json.loads(response["body"])["region"] == REGION

    function_arn = aws.client("lambda", REGION).get_function(FunctionName="orders-t")["Configuration"]["FunctionArn"]
    delivered, failed = EventSourceMapping(aws, runtime).poll(REGION, function_arn)  # as API Gateway names it

    assert (delivered, failed) == (1, 0)
    item = aws.client("dynamodb", REGION).get_item(TableName="orders-t", Key={"order_id": {"S": "rt-1"}})["Item"]
    assert item["processed_in"] == {"S": REGION}
    # Delivered messages are deleted, as Lambda does.
    assert "Messages" not in aws.client("sqs", REGION).receive_message(QueueUrl=url)


def test_a_disabled_mapping_delivers_nothing(pair):
    aws, standin, url, esm = pair
    runtime = LambdaRuntime(aws, standin.url)
    lam = aws.client("lambda", REGION)
    lam.update_event_source_mapping(UUID=esm, Enabled=False)
    try:
        assert post(runtime, "rt-2")["statusCode"] == 202
        mapping = EventSourceMapping(aws, runtime)
        assert mapping.states(REGION, "orders-t") == {esm: "Disabled"}
        assert mapping.poll(REGION, "orders-t") == (0, 0)
    finally:
        lam.update_event_source_mapping(UUID=esm, Enabled=True)
    assert EventSourceMapping(aws, runtime).poll(REGION, "orders-t") == (1, 0)


def test_the_callers_environment_is_left_as_it_was(pair, monkeypatch):
    aws, standin, _, _ = pair
    monkeypatch.setenv("AWS_REGION", "eu-west-1")
    monkeypatch.delenv("ORDERS_TABLE", raising=False)
    post(LambdaRuntime(aws, standin.url), "rt-3")
    import os
    assert os.environ["AWS_REGION"] == "eu-west-1" and "ORDERS_TABLE" not in os.environ
