"""drpair_parameters through real Terraform, checked against SSM in both regions."""
import os
import signal

import pytest

import configs
from aws import wait_until
from harness import REAL_AWS
from configs import PRIMARY, SECONDARY, hcl

ADDR = "drpair_parameters.config"
SECRET = "s3cr3t-token-value"


def parameters_hcl(endpoint, suffix, **overrides):
    args = {
        "name": "config",
        "values": {"log_level": "info", "max_order_size": "1000"},
        "secondary_values": {"queue_url": "https://queue.us-east-2/orders"},
        "secure_values_wo": {"api_token": SECRET},
        "secure_values_wo_version": 1,
        "runtime_managed": {"active_region": PRIMARY},
    }
    args.update(overrides)
    body = "\n".join(f"  {k} = {hcl(v)}" for k, v in args.items() if v is not None)
    return configs.provider(endpoint, suffix) + f'\nresource "drpair_parameters" "config" {{\n{body}\n}}\n'


def path(suffix):
    return f"/config-{configs.ENVIRONMENT}-{suffix}"


def stored(aws, region, suffix):
    """Parameters under the path in one region: key -> (type, value); secrets decrypted here
    only to prove what AWS holds."""
    ssm = aws.client("ssm", region)
    out = {}
    for page in ssm.get_paginator("get_parameters_by_path").paginate(
            Path=path(suffix), Recursive=True, WithDecryption=True):
        for p in page["Parameters"]:
            out[p["Name"][len(path(suffix)) + 1:]] = (p["Type"], p["Value"])
    return out


def test_parameters_lifecycle(tf, tf_factory, aws, standin, suffix):
    tf.write(parameters_hcl(standin.url, suffix))
    tf.init()
    tf.apply()
    want_shared = {"log_level": ("String", "info"), "max_order_size": ("String", "1000"),
                   "api_token": ("SecureString", SECRET), "active_region": ("String", PRIMARY)}
    assert stored(aws, PRIMARY, suffix) == want_shared
    assert stored(aws, SECONDARY, suffix) == {**want_shared,
                                               "queue_url": ("String", "https://queue.us-east-2/orders")}
    assert SECRET not in (tf.path / "terraform.tfstate").read_text()
    assert SECRET not in tf.log_path.read_text()
    tf.assert_plan_empty()

    # The orchestrator flips active_region at run time: not drift.
    for region in (PRIMARY, SECONDARY):
        aws.client("ssm", region).put_parameter(
            Name=f"{path(suffix)}/active_region", Value=SECONDARY, Type="String", Overwrite=True)
    tf.assert_plan_empty()
    tf.refresh()
    assert tf.state()[ADDR]["runtime_values"][PRIMARY] == {"active_region": SECONDARY}

    # Drift in a plain value and a deleted secret: one in-place update repairs both.
    aws.client("ssm", SECONDARY).put_parameter(
        Name=f"{path(suffix)}/log_level", Value="debug", Type="String", Overwrite=True)
    aws.client("ssm", PRIMARY).delete_parameter(Name=f"{path(suffix)}/api_token")
    assert tf.plan().changes() == [(ADDR, ["update"])]
    tf.apply()
    assert stored(aws, SECONDARY, suffix)["log_level"] == ("String", "info")
    assert stored(aws, PRIMARY, suffix)["api_token"] == ("SecureString", SECRET)
    assert stored(aws, PRIMARY, suffix)["active_region"] == ("String", SECONDARY)  # left alone
    tf.assert_plan_empty()

    # A key removed from the configuration is removed from both regions.
    tf.write(parameters_hcl(standin.url, suffix, values={"log_level": "info"}))
    tf.apply()
    assert "max_order_size" not in stored(aws, PRIMARY, suffix)
    assert "max_order_size" not in stored(aws, SECONDARY, suffix)
    tf.assert_plan_empty()

    # Import by path round-trips the plain values.
    imported = tf_factory("import")
    imported.write(parameters_hcl(standin.url, suffix, values={"log_level": "info"}))
    imported.init()
    imported.import_(ADDR, path(suffix))
    got, orig = imported.state()[ADDR], tf.state()[ADDR]
    for attr in ("secondary_values", "secure_keys", "path", "primary_region", "secondary_region"):
        assert got[attr] == orig[attr], attr
    # Runtime-managed keys look like plain values to an import (documented): the first apply
    # after it declares them and changes nothing in AWS.
    assert got["values"] == {**orig["values"], "active_region": SECONDARY}
    imported.apply()
    imported.assert_plan_empty()
    assert stored(aws, PRIMARY, suffix)["active_region"] == ("String", SECONDARY)

    tf.destroy()
    assert stored(aws, PRIMARY, suffix) == {} and stored(aws, SECONDARY, suffix) == {}


def test_parameters_throttled(tf, aws, standin, suffix):
    tf.write(parameters_hcl(standin.url, suffix))
    tf.init()
    standin.faults(throttle_rate=0.2)
    tf.apply()
    tf.assert_plan_empty()
    tf.destroy()
    standin.reset_faults()
    assert stored(aws, PRIMARY, suffix) == {} and stored(aws, SECONDARY, suffix) == {}


BAD = [
    ("values", {"bad key": "x"}, "values"),
    ("values", {"empty": ""}, "values"),
    ("runtime_managed", {"log_level": "x"}, "runtime_managed"),
    ("name", "Config", "name"),
]


@pytest.mark.parametrize("attr,value,named", BAD, ids=[f"{a}-{i}" for i, (a, _, _) in enumerate(BAD)])
def test_parameters_bad_input(tf, standin, suffix, attr, value, named):
    tf.write(parameters_hcl(standin.url, suffix, **{attr: value}))
    tf.init()
    before = standin.request_count()
    result = tf.plan(expect_fail=True)
    assert named in result.stderr
    assert standin.request_count() == before  # rejected before any AWS call


@pytest.mark.skipif(REAL_AWS, reason="needs the stand-in's throttling to slow the apply down")
def test_parameters_killed_apply_converges(tf, aws, standin, suffix):
    tf.write(parameters_hcl(standin.url, suffix))
    tf.init()
    standin.faults(throttle_rate=0.6)  # slow enough (SDK backoff) to be caught midway
    proc = tf.popen("apply", "-auto-approve", "-input=false", "-no-color")
    try:
        wait_until(lambda: proc.poll() is not None or stored(aws, PRIMARY, suffix) != {},
                   timeout=120, interval=0.1, what="a first parameter")
        assert proc.poll() is None, "apply ended before it could be killed"
    finally:
        if proc.poll() is None:
            os.killpg(proc.pid, signal.SIGKILL)  # Terraform and the provider, no clean-up
        proc.wait()
    standin.reset_faults()
    tf.apply()  # writes what is missing, adopts what the killed run wrote
    assert set(stored(aws, PRIMARY, suffix)) == {"log_level", "max_order_size", "api_token", "active_region"}
    tf.assert_plan_empty()
    tf.destroy()
    assert stored(aws, PRIMARY, suffix) == {} and stored(aws, SECONDARY, suffix) == {}
