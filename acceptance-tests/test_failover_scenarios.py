"""drpair_failover_orchestrator in action, through real Terraform, checked through boto3.

Each test applies its own small pair (global database, order pipeline, orchestrator) on its own
stand-in, so the scenarios stay independent and run two at a time. The stand-in executes the
state machines, fires the scheduled heartbeat rules, evaluates the alarms in the background and
queues cross-region events into a region in outage until it recovers; the tests only inject
faults and start executions the way an operator would, then look at AWS.

Scenarios: unplanned failover, planned switchover, automatic failback, two concurrent failover
triggers, a failing readiness check blocking a switchover, and an outage during apply.
The ones that wait for heartbeats to be missed, or for the provider to give up on a dead region,
are marked slow (about a minute each or more).
"""
import importlib.util
import json
import sys
import time
import urllib.request
from pathlib import Path

import pytest

import configs
from aws import wait_until
from configs import PRIMARY, SECONDARY, Expr, hcl
from harness import REAL_AWS

ROOT = Path(__file__).resolve().parent.parent
if str(ROOT) not in sys.path:
    sys.path.insert(0, str(ROOT))
from drill.observe import history_points  # noqa: E402  (the drill reads histories the same way)
from drill.runtime import LambdaRuntime  # noqa: E402  (in-process Lambda: the stand-in has no Docker)

ORCH = "drpair_failover_orchestrator.dr"
PIPE = "drpair_order_pipeline.orders"
HEARTBEAT, MISSED = 10, 3

pytestmark = pytest.mark.skipif(REAL_AWS, reason="needs the stand-in's fault injection and request counter")


# ---- configuration ---------------------------------------------------------------------------

def packages(tmp_path):
    """Both zips, built the way `make lambda` builds them."""
    spec = importlib.util.spec_from_file_location("drpair_lambda_build", ROOT / "lambda" / "build.py")
    build = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(build)
    out = {}
    for name, sources in build.PACKAGES.items():
        out[name] = tmp_path / f"{name}.zip"
        build.build(str(out[name]), sources=sources)
    return out


def block(kind, name, args):
    body = "\n".join(f"  {k} = {hcl(v)}" for k, v in args.items() if v is not None)
    return f'\nresource "{kind}" "{name}" {{\n{body}\n}}\n'


def pair_hcl(endpoint, suffix, net, zips, orchestrator=True, **overrides):
    """Global database + order pipeline (+ the orchestrator): the least a failover needs."""
    db = configs.database_args(net, primary_instance_count=1, secondary_instance_count=1)
    text = configs.provider(endpoint, suffix) + block("drpair_global_database", "orders", db)
    text += block("drpair_order_pipeline", "orders", {
        "name": "orders", "package_path": str(zips["order-processor"]),
        "environment": {"ORDERS_TABLE": f"orders-{suffix}"}})
    if orchestrator:
        args = {
            "name": "dr",
            "global_cluster_id": Expr("drpair_global_database.orders.global_cluster_id"),
            "primary_cluster_arn": Expr(f'drpair_global_database.orders.clusters["{PRIMARY}"].arn'),
            "secondary_cluster_arn": Expr(f'drpair_global_database.orders.clusters["{SECONDARY}"].arn'),
            "readiness_package_path": str(zips["readiness"]),
            "readiness_function_names": Expr(f"[{PIPE}.primary.function_name]"),
            "primary_event_source_mapping_ids": Expr(f"[{PIPE}.primary.event_source_mapping_id]"),
            "secondary_event_source_mapping_ids": Expr(f"[{PIPE}.secondary.event_source_mapping_id]"),
            "heartbeat_interval_seconds": HEARTBEAT,
            "missed_heartbeats": MISSED,
            "auto_failback": False,
            "database_max_rpo_seconds": 20,
        }
        args.update(overrides)
        text += block("drpair_failover_orchestrator", "dr", args)
    return text


@pytest.fixture
def zips(tmp_path):
    return packages(tmp_path)


def apply_pair(tf, standin, suffix, network, zips, **overrides):
    tf.write(pair_hcl(standin.url, suffix, network, zips, **overrides))
    tf.init()
    tf.apply()
    tf.assert_plan_empty()
    return Pair(tf, standin)


# ---- reading the pair ------------------------------------------------------------------------

class Pair:
    """The applied pair as the tests look at it: through boto3 and the stand-in only."""

    def __init__(self, tf, standin):
        import aws as aws_mod
        self.aws = aws_mod.Aws(standin.url)
        self.standin = standin
        state = tf.state()
        self.orch = state[ORCH]
        self.pipe = state[PIPE]
        self.global_id = state["drpair_global_database.orders"]["global_cluster_id"]
        self.region = {"primary": PRIMARY, "secondary": SECONDARY}

    def machine(self, side):
        return self.orch[side]["state_machine_arn"]

    def sfn(self, side):
        return self.aws.client("stepfunctions", self.region[side])

    def start(self, side, payload):
        return self.sfn(side).start_execution(stateMachineArn=self.machine(side), input=json.dumps(payload))["executionArn"]

    def finished(self, side, arn, timeout=120):
        """describe_execution once it is no longer RUNNING, output decoded."""
        def done():
            d = self.sfn(side).describe_execution(executionArn=arn)
            return d if d["status"] != "RUNNING" else None
        d = wait_until(done, timeout=timeout, interval=0.5, what=f"execution {arn} to finish")
        d["output"] = json.loads(d["output"]) if d.get("output") else None
        return d

    def executions(self, side, action, since=0):
        """Executions of side's machine whose input action is `action`, started after since."""
        found = []
        for page in self.sfn(side).get_paginator("list_executions").paginate(stateMachineArn=self.machine(side)):
            for ex in page["executions"]:
                if ex["startDate"].timestamp() < since:
                    continue
                d = self.sfn(side).describe_execution(executionArn=ex["executionArn"])
                if json.loads(d.get("input") or "{}").get("action") == action:
                    found.append(d)
        return sorted(found, key=lambda d: d["startDate"])

    def history(self, side, arn):
        events = []
        for page in self.sfn(side).get_paginator("get_execution_history").paginate(executionArn=arn):
            events += page["events"]
        return events

    def calls(self, side, arn, action):
        """How many times the execution scheduled the AWS call `action` (e.g. failoverGlobalCluster)."""
        return sum(1 for e in self.history(side, arn) if e["type"] == "TaskScheduled"
                   and (e.get("taskScheduledEventDetails") or {}).get("resource", "").lower() == action.lower())

    def writer(self, via=SECONDARY):
        gc = self.aws.rds(via).describe_global_clusters(GlobalClusterIdentifier=self.global_id)["GlobalClusters"][0]
        return next(m["DBClusterArn"].split(":")[3] for m in gc["GlobalClusterMembers"] if m.get("IsWriter"))

    def alarm(self, side, key):
        cw = self.aws.client("cloudwatch", self.region[side])
        return cw.describe_alarms(AlarmNames=[self.orch[side][key]])["MetricAlarms"][0]["StateValue"]

    def wait_alarm(self, side, key, state, timeout):
        wait_until(lambda: self.alarm(side, key) == state, timeout=timeout, interval=1,
                   what=f"{side} {key} in {state}")

    def active_region(self, side):
        name = self.orch["active_region_parameter_name"]
        return self.aws.client("ssm", self.region[side]).get_parameter(Name=name)["Parameter"]["Value"]

    def esm_state(self, side):
        lam = self.aws.client("lambda", self.region[side])
        return lam.get_event_source_mapping(UUID=self.pipe[side]["event_source_mapping_id"])["State"]

    def rds_calls(self):
        """{operation: count} of RDS requests the stand-in served since the last reset."""
        with urllib.request.urlopen(f"{self.standin.url}/drpair/requests", timeout=10) as resp:
            return json.load(resp)["by_operation"].get("rds", {})

    def reset_counts(self):
        req = urllib.request.Request(f"{self.standin.url}/drpair/requests", method="DELETE")
        urllib.request.urlopen(req, timeout=10).close()


def heartbeats_flowing(pair):
    """Both peer-down alarms OK: each region hears the other's heartbeats."""
    for side in ("primary", "secondary"):
        pair.wait_alarm(side, "peer_down_alarm_name", "OK", timeout=HEARTBEAT * MISSED + 90)


def wait_synced(pair, active, esms, timeout=60):
    """Both regions' active-region parameter is `active` and the (primary, secondary) mappings
    are in the states `esms`; the failure names what was last seen."""
    want = (active, active) + tuple(esms)
    seen = {}

    def synced():
        seen["last"] = (pair.active_region("primary"), pair.active_region("secondary"),
                        pair.esm_state("primary"), pair.esm_state("secondary"))
        return seen["last"] == want
    try:
        wait_until(synced, timeout=timeout, interval=1, what=f"both regions synced to {active}")
    except AssertionError as exc:
        syncs = {side: [(d["status"], d.get("output") or d.get("error"), (d.get("cause") or "")[:300],
                         [(e["taskScheduledEventDetails"]["resource"], e["taskScheduledEventDetails"]["parameters"][:200])
                          for e in pair.history(side, d["executionArn"]) if e["type"] == "TaskScheduled"])
                        for d in pair.executions(side, "sync")] for side in ("primary", "secondary")}
        raise AssertionError(f"{exc}: (active primary, active secondary, mapping primary, mapping secondary) "
                             f"= {seen.get('last')}, want {want}; sync executions: {syncs}") from None


def destroy_clean(tf, aws, suffix):
    tf.destroy()
    left = [x for x in aws.sweep(suffix) if " log-group /aws/lambda/" not in x]
    for region in (PRIMARY, SECONDARY):
        for m in aws.client("stepfunctions", region).list_state_machines()["stateMachines"]:
            if suffix in m["name"]:
                left.append(f"{region} state-machine {m['name']}")
        for p in aws.client("ssm", region).describe_parameters()["Parameters"]:
            if suffix in p["Name"]:
                left.append(f"{region} ssm-parameter {p['Name']}")
    assert left == []


# ---- scenarios -------------------------------------------------------------------------------

@pytest.mark.slow
def test_unplanned_failover_promotes_the_secondary_on_its_own(tf, aws, standin, suffix, network, zips):
    pair = apply_pair(tf, standin, suffix, network, zips)
    heartbeats_flowing(pair)
    since = time.time()

    standin.faults(outage_regions=[PRIMARY])
    # Nobody starts anything: missed heartbeats -> peer-down alarm -> rule -> state machine.
    pair.wait_alarm("secondary", "peer_down_alarm_name", "ALARM", timeout=HEARTBEAT * MISSED + 60)
    ex = wait_until(lambda: pair.executions("secondary", "failover", since), timeout=60, interval=1,
                    what="a failover execution in the secondary")[0]
    done = pair.finished("secondary", ex["executionArn"])

    assert json.loads(ex["input"]).get("trigger") == "peer-heartbeat-lost"
    assert (done["status"], done["output"]) == ("SUCCEEDED", {"result": "promoted", "active_region": SECONDARY})
    assert pair.calls("secondary", ex["executionArn"], "failoverGlobalCluster") == 1
    assert pair.writer(via=SECONDARY) == SECONDARY
    assert pair.active_region("secondary") == SECONDARY
    assert pair.esm_state("secondary") == "Enabled"

    # The primary comes back (auto_failback is off here): the pair stays in the secondary,
    # the primary catches up from the queued activation, and Terraform sees nothing to change.
    standin.reset_faults()
    wait_until(lambda: pair.active_region("primary") == SECONDARY, timeout=60, interval=1,
               what="the primary to sync to the secondary")
    wait_until(lambda: pair.esm_state("primary") == "Disabled", timeout=30, interval=1,
               what="the primary's mapping disabled")
    assert pair.writer(via=PRIMARY) == SECONDARY
    tf.assert_plan_empty()
    destroy_clean(tf, aws, suffix)


def test_planned_switchover_moves_the_writer_with_no_data_loss(tf, aws, standin, suffix, network, zips):
    pair = apply_pair(tf, standin, suffix, network, zips)
    pair.wait_alarm("secondary", "peer_down_alarm_name", "OK", timeout=HEARTBEAT * MISSED + 90)
    pair.reset_counts()

    arn = pair.start("secondary", {"action": "switchover", "target_region": SECONDARY})
    done = pair.finished("secondary", arn)

    assert done["status"] == "SUCCEEDED", (done.get("error"), done.get("cause"))
    assert done["output"]["result"] == "switched"
    # The RPO-0 path: SwitchoverGlobalCluster, never a failover allowing data loss.
    assert pair.calls("secondary", arn, "switchoverGlobalCluster") == 1
    assert pair.calls("secondary", arn, "failoverGlobalCluster") == 0
    counts = pair.rds_calls()
    assert counts.get("FailoverGlobalCluster", 0) == 0
    assert pair.writer(via=PRIMARY) == SECONDARY
    # The primary follows through the `region activated` event; a planned switchover fences
    # nobody (both regions keep consuming, so orders queued in the primary drain).
    wait_synced(pair, SECONDARY, ("Enabled", "Enabled"))
    tf.assert_plan_empty()
    destroy_clean(tf, aws, suffix)


@pytest.mark.slow
def test_failback_is_automatic_once_the_primary_has_recovered(tf, aws, standin, suffix, network, zips):
    pair = apply_pair(tf, standin, suffix, network, zips, auto_failback=True, failback_after_seconds=15)
    heartbeats_flowing(pair)
    since = time.time()
    standin.faults(outage_regions=[PRIMARY])
    wait_until(lambda: pair.writer(via=SECONDARY) == SECONDARY, timeout=HEARTBEAT * MISSED + 120, interval=1,
               what="failover to the secondary")

    restored = time.time()
    standin.reset_faults()
    ex = wait_until(lambda: pair.executions("secondary", "recovered", restored), timeout=HEARTBEAT * MISSED + 90,
                    interval=1, what="a recovered execution in the secondary")[0]
    done = pair.finished("secondary", ex["executionArn"], timeout=180)

    assert done["status"] == "SUCCEEDED", (done.get("error"), done.get("cause"))
    history = pair.history("secondary", ex["executionArn"])
    assert pair.calls("secondary", ex["executionArn"], "switchoverGlobalCluster") == 1
    points = history_points(history, "switchoverGlobalCluster")
    # It waited failback_after_seconds before switching home.
    assert (points["called"] - ex["startDate"]).total_seconds() >= 15
    assert pair.writer(via=PRIMARY) == PRIMARY
    # Home again: the primary consumes again; the switchover home does not fence the secondary.
    wait_synced(pair, PRIMARY, ("Enabled", "Enabled"))
    # Only one failover happened in all this, and no unplanned one back.
    assert len(pair.executions("secondary", "failover", since)) >= 1
    assert sum(pair.calls("primary", e["executionArn"], "failoverGlobalCluster")
               for e in pair.executions("primary", "failover", since)) == 0
    tf.assert_plan_empty()
    destroy_clean(tf, aws, suffix)


def test_double_trigger_promotes_exactly_once(tf, aws, standin, suffix, network, zips):
    pair = apply_pair(tf, standin, suffix, network, zips)
    pair.reset_counts()

    arns = [pair.start("secondary", {"action": "failover"}) for _ in range(2)]
    results = [pair.finished("secondary", arn) for arn in arns]

    outcomes = sorted(r["output"]["result"] for r in results)
    assert all(r["status"] == "SUCCEEDED" for r in results), results
    assert outcomes in (["already_active", "promoted"], ["busy", "promoted"]), outcomes
    assert sum(pair.calls("secondary", arn, "failoverGlobalCluster") for arn in arns) == 1
    assert pair.rds_calls().get("FailoverGlobalCluster") == 1
    assert pair.writer() == SECONDARY
    # The lock is released: a third trigger finds the writer already here.
    third = pair.finished("secondary", pair.start("secondary", {"action": "failover"}))
    assert third["output"]["result"] == "already_active"
    assert pair.rds_calls().get("FailoverGlobalCluster") == 1
    destroy_clean(tf, aws, suffix)


@pytest.mark.slow
def test_failing_readiness_blocks_a_switchover(tf, aws, standin, suffix, network, zips, tmp_path):
    pair = apply_pair(tf, standin, suffix, network, zips)
    pair.wait_alarm("secondary", "peer_down_alarm_name", "OK", timeout=HEARTBEAT * MISSED + 90)

    # Make the regions really differ: other code behind the secondary's order function.
    other = tmp_path / "other.zip"
    import zipfile
    with zipfile.ZipFile(other, "w") as z:
        z.writestr("orders.py", "def handler(event, context):\n    return None\n")
    function = pair.pipe["secondary"]["function_name"]
    aws.client("lambda", SECONDARY).update_function_code(FunctionName=function, ZipFile=other.read_bytes())

    # The deployed readiness function, run in-process with its own environment, finds it.
    runtime = LambdaRuntime(aws, standin.url)
    report = runtime.invoke(SECONDARY, pair.orch["secondary"]["readiness_function_name"], {})
    assert report["ready"] is False
    code = next(c for c in report["checks"] if c["name"] == "function_code")
    assert not code["ok"] and function in code["detail"], code
    pair.wait_alarm("secondary", "readiness_alarm_name", "ALARM", timeout=120)
    pair.reset_counts()

    arn = pair.start("secondary", {"action": "switchover", "target_region": SECONDARY})
    done = pair.finished("secondary", arn)

    assert (done["status"], done.get("error")) == ("FAILED", "drpair.ReadinessFailing"), done
    assert pair.calls("secondary", arn, "switchoverGlobalCluster") == 0
    assert pair.rds_calls().get("SwitchoverGlobalCluster", 0) == 0
    assert pair.writer() == PRIMARY
    destroy_clean(tf, aws, suffix)


@pytest.mark.slow  # the provider retries the dead region for about 90 s before it gives up
def test_outage_during_apply_names_the_region_leaks_nothing_and_converges(tf, aws, standin, suffix, network,
                                                                           zips):
    # What the orchestrator builds on exists first; then its own apply meets a dead secondary.
    tf.write(pair_hcl(standin.url, suffix, network, zips, orchestrator=False))
    tf.init()
    tf.apply()
    tf.write(pair_hcl(standin.url, suffix, network, zips))
    standin.faults(outage_regions=[SECONDARY])

    # -refresh=false: the database and pipeline, read in both regions, would fail the refresh
    # before the orchestrator is even planned; the outage is meant to hit its create.
    failed = tf.apply("-refresh=false", expect_fail=True)

    assert SECONDARY in failed.stderr and "drpair_failover_orchestrator" in failed.stderr, failed.stderr
    # Nothing leaked: whatever the failed apply made in the live region is in state.
    recorded = json.dumps(tf.state().get(ORCH, {}))
    made = []
    for page in aws.client("stepfunctions", PRIMARY).get_paginator("list_state_machines").paginate():
        made += [m["stateMachineArn"] for m in page["stateMachines"] if suffix in m["name"]]
    made += [f["FunctionName"] for f in aws.client("lambda", PRIMARY).list_functions()["Functions"]
             if "readiness" in f["FunctionName"] and suffix in f["FunctionName"]]
    assert all(x in recorded for x in made), (made, recorded[:2000])

    standin.reset_faults()
    tf.apply()
    tf.assert_plan_empty()
    pair = Pair(tf, standin)
    assert pair.machine("secondary").split(":")[3] == SECONDARY
    destroy_clean(tf, aws, suffix)
