"""Order validation: pure, no AWS."""

from decimal import Decimal

import pytest

import orders


def valid(**overrides):
    base = {"order_id": "o-1", "account": "a-1", "symbol": "BRK.B", "side": "SELL", "quantity": "1.5", "price": 10}
    base.update(overrides)
    return base


def test_canonical_order_uses_decimals():
    order = orders.parse_order(valid())
    assert order == {
        "order_id": "o-1",
        "account": "a-1",
        "symbol": "BRK.B",
        "side": "SELL",
        "quantity": Decimal("1.5"),
        "price": Decimal(10),
    }
    assert orders.order_json(order) == (
        '{"account": "a-1", "order_id": "o-1", "price": "10", "quantity": "1.5", "side": "SELL", "symbol": "BRK.B"}'
    )


@pytest.mark.parametrize(
    "field, value",
    [
        ("quantity", 0),
        ("quantity", "-1"),
        ("quantity", True),
        ("quantity", "NaN"),
        ("quantity", "Infinity"),
        ("quantity", "1" * 39),
        ("quantity", "1E+126"),
        ("price", "1E-131"),
        ("order_id", "ord-1\n"),
        ("quantity", 1.5),  # a float means the caller lost precision already
        ("price", "abc"),
        ("price", 0),
        ("side", "buy"),
        ("symbol", ""),
        ("order_id", "has space"),
        ("order_id", "x" * 129),
        ("account", 42),
    ],
)
def test_bad_field_is_named(field, value):
    with pytest.raises(orders.InvalidOrder) as caught:
        orders.parse_order(valid(**{field: value}))
    assert set(caught.value.errors) == {field}


def test_json_text_numbers_are_decimal():
    order = orders.parse_order('{"order_id":"o","account":"a","symbol":"S","side":"BUY","quantity":2,"price":0.1}')
    assert order["price"] == Decimal("0.1") and isinstance(order["price"], Decimal)


def test_same_order_compares_by_value():
    a = orders.parse_order(valid(price="12.50"))
    b = orders.parse_order(valid(price="12.5"))
    assert orders.same_order(a, b)
    assert not orders.same_order(a, orders.parse_order(valid(price="12.51")))
    assert not orders.same_order(a, orders.parse_order(valid(price=None)))


def test_number_limits_match_dynamodb():
    assert orders.parse_order(valid(quantity="1" * 38))["quantity"] == Decimal("1" * 38)
    assert orders.parse_order(valid(quantity="100.000"))["quantity"] == Decimal(100)  # zeros are not digits
    assert orders.parse_order(valid(price="9.9E+125", quantity="1E-130"))["price"] == Decimal("9.9E+125")
