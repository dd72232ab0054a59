"""Fault matrix, bad input: invalid configurations of the full examples/trading-platform pair,
one mistake each, across every resource and the provider block. Each must fail at
`terraform plan` with a diagnostic naming the attribute, before any AWS call (the stand-in's
request counter does not move).

These add to the per-resource bad-input tests (test_<resource>.py), which check each resource
alone: 76 configurations there (global database 6, network 5, session table 4, replicated
bucket 4, parameters 4, order pipeline 13, regional API 3 with 10 attributes, DNS failover 10,
region health 6, event bus 8, orchestrator 13) plus the CASES here, inside the whole pair, where
a diagnostic must still point at the one attribute among ten resources. One stand-in and one
workspace for all: only main.tf changes between cases.
"""
import pytest

import fullpair
from conftest import terraform_env
from harness import REAL_AWS, StandIn, Workspace

pytestmark = pytest.mark.skipif(REAL_AWS, reason="counts requests at the stand-in")

# (id, [(old text, new text)] applied to the example, attribute names the error must contain)
CASES = [
    # provider block
    ("provider-same-region-twice", [('  environment        = "prod"\n',
                                     '  environment        = "prod"\n  secondary_region   = "us-east-1"\n')],
     ["secondary_region"]),
    ("provider-bad-suffix", [("environment_suffix = var.suffix", 'environment_suffix = "AB_12"')],
     ["environment_suffix"]),
    ("provider-bad-region", [('  environment        = "prod"\n',
                              '  environment        = "prod"\n  primary_region     = "moon-1"\n')],
     ["primary_region"]),
    # drpair_network
    ("network-overlapping-cidrs", [('secondary_cidr = "10.20.0.0/16"', 'secondary_cidr = "10.10.128.0/17"')],
     ["secondary_cidr"]),
    ("network-bad-cidr", [('primary_cidr   = "10.10.0.0/16"', 'primary_cidr   = "10.10.0.0/33"')],
     ["primary_cidr"]),
    ("network-wrong-type", [('primary_cidr   = "10.10.0.0/16"', 'primary_cidr   = ["10.10.0.0/16"]')],
     ["primary_cidr"]),
    # drpair_global_database
    ("database-unknown-engine-version", [('engine_version               = "15.4"',
                                          'engine_version               = "9.1"')], ["engine_version"]),
    ("database-rpo-below-aws-minimum", [("max_rpo_seconds              = 20",
                                         "max_rpo_seconds              = 5")], ["max_rpo_seconds"]),
    ("database-wrong-type", [("primary_instance_count       = 1",
                              'primary_instance_count       = "one"')], ["primary_instance_count"]),
    ("database-name-beyond-limit", [('resource "drpair_global_database" "orders" {\n  name                         = "orders"',
                                     'resource "drpair_global_database" "orders" {\n  name                         = "'
                                     + "o" * 60 + '"')], ["name"]),
    # drpair_session_table
    ("table-hcl-unknown-argument", [('  hash_key = "order_id"\n', '  hash_key = "order_id"\n  range = "x"\n')],
     ["range"]),
    ("table-name-beyond-limit", [('resource "drpair_session_table" "orders" { # the order store, one item per order id\n  name     = "orders"',
                                  'resource "drpair_session_table" "orders" { # the order store, one item per order id\n  name     = "'
                                  + "t" * 250 + '"')], ["name"]),
    # drpair_parameters
    ("parameters-wrong-type", [("runtime_managed = { active_region = local.primary }",
                                "runtime_managed = local.primary")], ["runtime_managed"]),
    # drpair_order_pipeline
    ("pipeline-missing-package", [('package_path = "${local.packages}/order-processor.zip"',
                                   'package_path = "${local.packages}/missing.zip"')], ["package_path"]),
    # drpair_regional_api
    ("api-bad-domain", [('domain_name            = "api.${var.zone_name}"',
                         'domain_name            = "api..${var.zone_name}"')], ["domain_name"]),
    # drpair_dns_failover
    ("dns-record-outside-zone", [('record_name = "api.${var.zone_name}"', 'record_name = "api.elsewhere.test"')],
     ["record_name"]),
    # drpair_region_health
    ("region-health-bad-name", [('  name                    = "health"\n', '  name                    = "Health"\n')],
     ["name"]),
    # drpair_event_bus
    ("event-bus-bad-name", [('resource "drpair_event_bus" "events" { name = "events" }',
                             'resource "drpair_event_bus" "events" { name = "Events!" }')], ["name"]),
    # drpair_failover_orchestrator
    ("orchestrator-zero-heartbeat", [("heartbeat_interval_seconds         = var.heartbeat_interval_seconds",
                                      "heartbeat_interval_seconds         = 0")], ["heartbeat_interval_seconds"]),
    ("orchestrator-negative-missed", [("missed_heartbeats                  = var.missed_heartbeats",
                                       "missed_heartbeats                  = -1")], ["missed_heartbeats"]),
    ("orchestrator-bad-cluster-arn", [("primary_cluster_arn                = drpair_global_database.orders.clusters[local.primary].arn",
                                       'primary_cluster_arn                = "orders"')], ["primary_cluster_arn"]),
]


@pytest.fixture(scope="module")
def bench(tmp_path_factory, provider_mirror):
    """(stand-in, workspace) shared by every case: init once, rewrite main.tf per case."""
    base = tmp_path_factory.mktemp("bad-input")
    standin = StandIn(base / "standin.log")
    ws = Workspace(base / "pair", terraform_env(provider_mirror.cli_config))
    packages = fullpair.build_packages(base / "packages")
    fullpair.write(ws, packages, standin.url, "bad01x")
    ws.init()
    ws.plan()  # the unmodified pair plans: each failure below is its own mistake's
    yield standin, ws, packages
    standin.stop()


@pytest.mark.parametrize("case,edits,named", CASES, ids=[c[0] for c in CASES])
def test_bad_input_in_full_pair(bench, case, edits, named):
    standin, ws, packages = bench
    text = fullpair.hcl(packages)
    for old, new in edits:
        assert text.count(old) == 1, f"{case}: {old!r} not found once in the example"
        text = text.replace(old, new)
    ws.write(text)
    before = fullpair.requests(standin.url)["total"]
    res = ws.plan(expect_fail=True)
    for attr in named:
        assert attr in res.stderr, f"{case}: the diagnostic does not name {attr}:\n{res.stderr}"
    assert fullpair.requests(standin.url)["total"] == before, f"{case}: the provider called AWS"
