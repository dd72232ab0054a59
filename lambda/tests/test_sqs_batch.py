"""SQS batches: idempotent writes keyed by order id, failures reported per record."""

import json
from decimal import Decimal

import pytest

import orders
from conftest import CONTEXT, REGION, count_items, order, sqs_event, sqs_record, stored


def test_order_is_written_with_exact_decimals(aws):
    result = orders.handler(sqs_event(sqs_record("m1", order(price="12.50", quantity=100))), CONTEXT)

    assert result == {"batchItemFailures": []}
    item = stored(aws, "ord-1")
    assert item["symbol"] == {"S": "ACME"}
    assert item["side"] == {"S": "BUY"}
    assert Decimal(item["quantity"]["N"]) == 100
    assert Decimal(item["price"]["N"]) == Decimal("12.50")
    assert item["processed_in"] == {"S": REGION}


def test_json_number_price_is_not_rounded_through_float(aws):
    # 0.1 + 0.2 style damage would show here if the body were parsed with floats.
    body = '{"order_id":"ord-f","account":"a","symbol":"X","side":"SELL","quantity":3,"price":0.30000000000000001}'
    assert orders.handler(sqs_event(sqs_record("m1", body)), CONTEXT) == {"batchItemFailures": []}
    assert stored(aws, "ord-f")["price"]["N"] == "0.30000000000000001"


def test_redelivery_is_idempotent(aws):
    orders.handler(sqs_event(sqs_record("m1", order())), CONTEXT)
    first = stored(aws, "ord-1")

    # SQS redelivers the same message, and a client resends the same order as a new message
    # with numbers spelled differently (12.5 vs "12.50"): both are the same order.
    resent = json.dumps(order()).replace('"12.50"', "12.5")
    again = orders.handler(sqs_event(sqs_record("m1", order()), sqs_record("m2", resent)), CONTEXT)
    stored_after = stored(aws, "ord-1")

    assert again == {"batchItemFailures": []}
    assert count_items(aws) == 1
    assert stored_after == first  # not overwritten: received_at is still the first arrival


def test_same_id_different_payload_is_reported_and_not_overwritten(aws):
    orders.handler(sqs_event(sqs_record("m1", order(quantity=100))), CONTEXT)

    result = orders.handler(sqs_event(sqs_record("m2", order(quantity=999))), CONTEXT)

    assert result == {"batchItemFailures": [{"itemIdentifier": "m2"}]}
    assert count_items(aws) == 1
    assert stored(aws, "ord-1")["quantity"] == {"N": "100"}


def test_conflict_inside_one_batch(aws):
    result = orders.handler(
        sqs_event(sqs_record("m1", order(side="BUY")), sqs_record("m2", order(side="SELL"))), CONTEXT
    )
    assert result == {"batchItemFailures": [{"itemIdentifier": "m2"}]}
    assert stored(aws, "ord-1")["side"] == {"S": "BUY"}


def test_poison_messages_fail_while_good_ones_are_written(aws):
    event = sqs_event(
        sqs_record("good-1", order(order_id="ord-a")),
        sqs_record("not-json", "{this is not json"),
        sqs_record("bad-side", order(order_id="ord-b", side="HOLD")),
        sqs_record("zero-qty", order(order_id="ord-c", quantity=0)),
        sqs_record("not-object", "[1, 2, 3]"),
        sqs_record("good-2", order(order_id="ord-d", price=None)),  # market order: no price
    )

    result = orders.handler(event, CONTEXT)

    assert result == {
        "batchItemFailures": [
            {"itemIdentifier": "not-json"},
            {"itemIdentifier": "bad-side"},
            {"itemIdentifier": "zero-qty"},
            {"itemIdentifier": "not-object"},
        ]
    }
    assert stored(aws, "ord-a") is not None and stored(aws, "ord-d") is not None
    assert "price" not in stored(aws, "ord-d")
    assert count_items(aws) == 2


def test_missing_table_fails_every_record_not_the_invocation(aws, monkeypatch):
    # An outage or a deleted table: each record is reported so SQS retries it; none is lost.
    monkeypatch.setenv("ORDERS_TABLE", "no-such-table")
    event = sqs_event(sqs_record("m1", order(order_id="x1")), sqs_record("m2", order(order_id="x2")))

    result = orders.handler(event, CONTEXT)

    assert result == {"batchItemFailures": [{"itemIdentifier": "m1"}, {"itemIdentifier": "m2"}]}


def test_unset_table_fails_every_record(aws, monkeypatch):
    monkeypatch.delenv("ORDERS_TABLE")
    result = orders.handler(sqs_event(sqs_record("m1", order())), CONTEXT)
    assert result == {"batchItemFailures": [{"itemIdentifier": "m1"}]}


def test_logs_are_json_lines_without_order_contents(aws, capsys):
    orders.handler(sqs_event(sqs_record("m1", order(account="secret-acct-42"))), CONTEXT)

    lines = [json.loads(line) for line in capsys.readouterr().out.splitlines() if line.strip()]
    assert any(line["message"] == "order written" and line["order_id"] == "ord-1" for line in lines)
    assert all("secret-acct-42" not in json.dumps(line) for line in lines)


def test_message_from_the_api_round_trips_through_the_queue(aws):
    # What POST /orders enqueues is exactly what the batch side accepts.
    event = {"httpMethod": "POST", "resource": "/orders", "path": "/orders", "body": json.dumps(order())}
    assert orders.handler(event, CONTEXT)["statusCode"] == 202
    message = aws.sqs.receive_message(QueueUrl=aws.queue_url, MaxNumberOfMessages=1)["Messages"][0]

    result = orders.handler(sqs_event(sqs_record(message["MessageId"], message["Body"])), CONTEXT)

    assert result == {"batchItemFailures": []}
    assert Decimal(stored(aws, "ord-1")["price"]["N"]) == Decimal("12.50")


def test_unrecognised_event_raises(aws):
    with pytest.raises(ValueError):
        orders.handler({"detail-type": "Scheduled Event"}, CONTEXT)


def test_client_uses_the_functions_own_region(aws):
    assert orders._client("dynamodb").meta.region_name == REGION
    assert orders._client("sqs", "health").meta.region_name == REGION


def test_duplicate_detected_when_endpoint_does_not_return_the_old_item(aws, monkeypatch):
    # Older endpoints (and some stand-ins) ignore ReturnValuesOnConditionCheckFailure: the
    # handler then reads the stored order back before deciding duplicate vs conflict.
    orders.handler(sqs_event(sqs_record("m1", order())), CONTEXT)
    table = orders._table("orders-test")
    real_put = table.put_item

    def put_without_old_item(**kwargs):
        try:
            return real_put(**kwargs)
        except orders.ClientError as exc:
            exc.response.pop("Item", None)
            raise

    monkeypatch.setattr(table, "put_item", put_without_old_item)
    result = orders.handler(sqs_event(sqs_record("m2", order()), sqs_record("m3", order(quantity=5))), CONTEXT)
    assert result == {"batchItemFailures": [{"itemIdentifier": "m3"}]}


def test_unexpected_error_fails_only_that_record(aws, monkeypatch):
    real_write = orders.write_order

    def write_or_crash(table, order):
        if order["order_id"] == "boom":
            raise RuntimeError("bug")
        return real_write(table, order)

    monkeypatch.setattr(orders, "write_order", write_or_crash)
    event = sqs_event(sqs_record("m1", order(order_id="boom")), sqs_record("m2", order(order_id="fine")))

    assert orders.handler(event, CONTEXT) == {"batchItemFailures": [{"itemIdentifier": "m1"}]}
    assert stored(aws, "fine") is not None
