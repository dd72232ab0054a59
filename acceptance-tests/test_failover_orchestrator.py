"""drpair_failover_orchestrator through real Terraform, checked through the AWS APIs of both
regions; the state machines are run on the stand-in (moto executes Step Functions)."""
import importlib.util
import io
import json
import os
import signal
import time
import uuid
import zipfile

import pytest

import configs
from aws import wait_until
from configs import PRIMARY, SECONDARY, hcl
from harness import REAL_AWS
from test_order_stack import LAMBDA_DIR

ADDR = "drpair_failover_orchestrator.dr"
REGIONS = (PRIMARY, SECONDARY)
RULES = ("peer-down", "peer-recovered", "heartbeat", "to-peer", "from-peer-heartbeat",
         "from-peer-activated", "readiness")


def rid(suffix):
    return f"dr-{configs.ENVIRONMENT}-{suffix}"


@pytest.fixture(scope="module")
def readiness_zip(tmp_path_factory):
    """lambda/readiness.py zipped the way `make lambda` does it."""
    spec = importlib.util.spec_from_file_location("drpair_lambda_build", LAMBDA_DIR / "build.py")
    build = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(build)
    out = tmp_path_factory.mktemp("lambda") / "readiness.zip"
    build.build(str(out), sources=build.PACKAGES["readiness"])
    return str(out)


def make_database(aws, suffix):
    """A global cluster with a writer in the primary and a reader in the secondary (what
    drpair_global_database builds; made directly here to keep this test about orchestration)."""
    gid = f"orders-{suffix}"
    aws.client("rds", PRIMARY).create_global_cluster(
        GlobalClusterIdentifier=gid, Engine="aurora-postgresql", EngineVersion="15.4")
    arns = {}
    for region in REGIONS:
        kw = {"MasterUsername": "trader", "MasterUserPassword": configs.PASSWORD} if region == PRIMARY else {}
        c = aws.client("rds", region).create_db_cluster(
            DBClusterIdentifier=f"orders-{suffix}-{region}", Engine="aurora-postgresql",
            EngineVersion="15.4", GlobalClusterIdentifier=gid, **kw)["DBCluster"]
        arns[region] = c["DBClusterArn"]
    return gid, arns


def make_mappings(aws, suffix):
    """An order queue and consumer per region: the mappings the orchestrator fences."""
    uuids = {}
    for region in REGIONS:
        iam = aws.client("iam", region)
        try:
            role = iam.create_role(RoleName=f"consumer-{suffix}", AssumeRolePolicyDocument="{}")["Role"]["Arn"]
        except iam.exceptions.EntityAlreadyExistsException:
            role = iam.get_role(RoleName=f"consumer-{suffix}")["Role"]["Arn"]
        buf = io.BytesIO()
        with zipfile.ZipFile(buf, "w") as z:
            z.writestr("orders.py", "def handler(e, c):\n    return {}\n")
        lam = aws.client("lambda", region)
        fn = lam.create_function(FunctionName=f"consumer-{suffix}", Runtime="python3.12", Role=role,
                                 Handler="orders.handler", Code={"ZipFile": buf.getvalue()})
        q = aws.client("sqs", region).create_queue(QueueName=f"orders-in-{suffix}")["QueueUrl"]
        qarn = aws.client("sqs", region).get_queue_attributes(QueueUrl=q, AttributeNames=["QueueArn"])
        uuids[region] = lam.create_event_source_mapping(
            FunctionName=fn["FunctionArn"], EventSourceArn=qarn["Attributes"]["QueueArn"])["UUID"]
    return uuids


def dr_hcl(endpoint, suffix, gid, arns, package, **overrides):
    args = {
        "name": "dr",
        "global_cluster_id": gid,
        "primary_cluster_arn": arns[PRIMARY],
        "secondary_cluster_arn": arns[SECONDARY],
        "readiness_package_path": package,
        "heartbeat_interval_seconds": 10,
        "missed_heartbeats": 2,
        "failback_after_seconds": 0,
        "rto_target_seconds": 120,
        "database_max_rpo_seconds": 20,
    }
    args.update(overrides)
    body = "\n".join(f"  {k} = {hcl(v)}" for k, v in args.items() if v is not None)
    return configs.provider(endpoint, suffix) + f'\nresource "drpair_failover_orchestrator" "dr" {{\n{body}\n}}\n'


def machines(aws, suffix, regions=REGIONS):
    out = {}
    for region in regions:
        for m in aws.client("stepfunctions", region).list_state_machines()["stateMachines"]:
            if suffix in m["name"]:
                out[region] = m["stateMachineArn"]
    return out


def rules(aws, region, suffix):
    return {r["Name"] for r in aws.client("events", region).list_rules(NamePrefix=rid(suffix))["Rules"]}


def assert_built(aws, suffix):
    assert set(machines(aws, suffix)) == set(REGIONS)
    for region in REGIONS:
        assert rules(aws, region, suffix) == {f"{rid(suffix)}-{r}" for r in RULES}, region
        alarms = aws.client("cloudwatch", region).describe_alarms(AlarmNamePrefix=rid(suffix))["MetricAlarms"]
        assert {a["AlarmName"] for a in alarms} == {f"{rid(suffix)}-{region}-peer-down",
                                                   f"{rid(suffix)}-{region}-not-ready"}
        fn = aws.client("lambda", region).get_function(FunctionName=f"{rid(suffix)}-{region}-readiness")
        assert fn["Configuration"]["Handler"] == "readiness.handler"
        assert aws.client("ssm", region).get_parameter(Name=f"/{rid(suffix)}/active_region")["Parameter"]["Value"] == PRIMARY


def assert_gone(aws, suffix):
    # What the tests made themselves (database, consumers and their mappings) is not ours.
    theirs = ("orders-", "consumer-", "lambda-event-source-mapping")
    left = [x for x in aws.sweep(suffix) if not any(t in x for t in theirs)]
    assert left == []


def run(aws, region, arn, payload, timeout=60):
    """Starts an execution and waits for its end: (status, output or error)."""
    sfn = aws.client("stepfunctions", region)
    ex = sfn.start_execution(stateMachineArn=arn, name=f"test-{uuid.uuid4()}", input=json.dumps(payload))["executionArn"]
    done = wait_until(lambda: sfn.describe_execution(executionArn=ex)["status"] != "RUNNING" or None,
                      timeout=timeout, interval=0.2, what=f"execution {payload}")
    assert done
    d = sfn.describe_execution(executionArn=ex)
    if d["status"] != "SUCCEEDED":  # where it stopped, for the failure message
        for e in sfn.get_execution_history(executionArn=ex)["events"]:
            details = {k: v for k, v in e.items() if k.endswith("FailedEventDetails")}
            if details:
                print(e["type"], details)
    return d["status"], json.loads(d.get("output") or "null") if d["status"] == "SUCCEEDED" else d.get("error")


def writer(aws, gid):
    gc = aws.client("rds", PRIMARY).describe_global_clusters(GlobalClusterIdentifier=gid)["GlobalClusters"][0]
    return [m["DBClusterArn"] for m in gc["GlobalClusterMembers"] if m["IsWriter"]]


def test_orchestrator_lifecycle(tf, tf_factory, aws, standin, suffix, readiness_zip):
    gid, arns = make_database(aws, suffix)
    tf.write(dr_hcl(standin.url, suffix, gid, arns, readiness_zip))
    tf.init()
    tf.apply()
    assert_built(aws, suffix)
    state = tf.state()[ADDR]
    assert state["drift"] == []
    assert state["rto_budget_seconds"] == 10 * 3 + 12 + 2 + 30 + 5
    assert "at most 20 s" in state["rpo_bounds"]["aurora"]
    sfn = aws.client("stepfunctions", SECONDARY)
    definition = json.loads(sfn.describe_state_machine(stateMachineArn=state["secondary"]["state_machine_arn"])["definition"])
    assert definition["States"]["FailoverPromote"]["Parameters"]["TargetDbClusterIdentifier.$"] == "$.target.arn"
    assert definition["States"]["Failover"]["Parameters"]["arn"] == arns[SECONDARY]
    role = aws.client("iam", PRIMARY).get_role_policy(RoleName=f"{rid(suffix)}-{SECONDARY}-sfn", PolicyName="drpair")
    actions = {a for s in role["PolicyDocument"]["Statement"] for a in s["Action"]}
    assert "rds:FailoverGlobalCluster" in actions and not any("*" in a for a in actions)
    tf.assert_plan_empty()

    # Deleted or changed outside Terraform: plan names what drifted, apply repairs it.
    ev = aws.client("events", SECONDARY)
    name = f"{rid(suffix)}-heartbeat"
    ev.remove_targets(Rule=name, Ids=["drpair"])
    ev.delete_rule(Name=name)
    aws.client("cloudwatch", PRIMARY).delete_alarms(AlarmNames=[f"{rid(suffix)}-{PRIMARY}-peer-down"])
    aws.client("stepfunctions", PRIMARY).delete_state_machine(stateMachineArn=state["primary"]["state_machine_arn"])
    tf.refresh()
    drift = tf.state()[ADDR]["drift"]
    assert any(name in d for d in drift) and any("peer-down" in d for d in drift), drift
    assert tf.plan().changes() == [(ADDR, ["update"])]
    tf.apply()
    assert_built(aws, suffix)
    tf.assert_plan_empty()

    # Import by id gives back every argument.
    imported = tf_factory("import")
    imported.write(dr_hcl(standin.url, suffix, gid, arns, readiness_zip))
    imported.init()
    imported.import_(ADDR, rid(suffix))
    got, orig = imported.state()[ADDR], tf.state()[ADDR]
    for attr in ("global_cluster_id", "primary_cluster_arn", "secondary_cluster_arn", "readiness_package_path",
                 "heartbeat_interval_seconds", "missed_heartbeats", "failback_after_seconds", "primary", "secondary",
                 "readiness_package_sha256"):
        assert got[attr] == orig[attr], attr
    imported.assert_plan_empty()

    tf.destroy()
    assert_gone(aws, suffix)


@pytest.mark.skipif(REAL_AWS, reason="drives the global database through the stand-in's failover")
def test_orchestrator_fails_over_switches_back_and_fences(tf, aws, standin, suffix, readiness_zip):
    """The state machines themselves: an unplanned failover to the secondary, a second
    trigger that finds the work done, the fenced primary, and a planned switchover home."""
    standin.moto_config(stepfunctions={"execute_state_machine": True})
    gid, arns = make_database(aws, suffix)
    uuids = make_mappings(aws, suffix)
    control = {"name": f"ctl-{suffix}", "region": SECONDARY, "namespace": "drpair/Failover",
               "metric_name": "ForceFailover", "dimensions": {"RecordName": f"api.{suffix}.example.com"},
               "threshold": 1}
    tf.write(dr_hcl(standin.url, suffix, gid, arns, readiness_zip, control_alarm=control,
                    primary_event_source_mapping_ids=[uuids[PRIMARY]],
                    secondary_event_source_mapping_ids=[uuids[SECONDARY]]))
    tf.init()
    tf.apply()
    m = machines(aws, suffix)

    # Heartbeats flow (the apply started the first run): each peer-down alarm goes OK, and a
    # heartbeat-triggered failover then finds the peer alive and does nothing.
    cw2 = aws.client("cloudwatch", SECONDARY)
    wait_until(lambda: cw2.describe_alarms(AlarmNames=[f"{rid(suffix)}-{SECONDARY}-peer-down"])
               ["MetricAlarms"][0]["StateValue"] == "OK", timeout=60, interval=0.5, what="heartbeats")
    assert run(aws, SECONDARY, m[SECONDARY], {"action": "failover", "trigger": "peer-heartbeat-lost"}) == (
        "SUCCEEDED", {"result": "peer_alive", "region": SECONDARY})
    assert writer(aws, gid) == [arns[PRIMARY]]

    status, out = run(aws, SECONDARY, m[SECONDARY], {"action": "failover"})
    assert (status, out) == ("SUCCEEDED", {"result": "promoted", "active_region": SECONDARY})
    assert writer(aws, gid) == [arns[SECONDARY]]
    ssm2 = aws.client("ssm", SECONDARY)
    assert ssm2.get_parameter(Name=f"/{rid(suffix)}/active_region")["Parameter"]["Value"] == SECONDARY
    with pytest.raises(ssm2.exceptions.ParameterNotFound):
        ssm2.get_parameter(Name=f"/{rid(suffix)}/lock")  # released
    data = aws.client("cloudwatch", SECONDARY).get_metric_statistics(
        Namespace="drpair/Failover", MetricName="ForceFailover",
        Dimensions=[{"Name": "RecordName", "Value": control["dimensions"]["RecordName"]}],
        StartTime=time.time() - 600, EndTime=time.time() + 60, Period=60, Statistics=["Maximum"])
    assert max(d["Maximum"] for d in data["Datapoints"]) == 1.0
    tf.assert_plan_empty()  # a failover done outside Terraform is not drift

    # A second trigger finds the secondary already writing: nothing is promoted twice.
    assert run(aws, SECONDARY, m[SECONDARY], {"action": "failover"}) == (
        "SUCCEEDED", {"result": "already_active", "active_region": SECONDARY})

    # The primary, back, follows the activation: fenced (its consumer stopped).
    assert run(aws, PRIMARY, m[PRIMARY], {"action": "sync", "active_region": SECONDARY, "mode": "failover"})[0] == "SUCCEEDED"
    esm = aws.client("lambda", PRIMARY).get_event_source_mapping(UUID=uuids[PRIMARY])
    assert esm["State"] in ("Disabled", "Disabling")
    tf.assert_plan_empty()

    # Planned switchover home (RPO 0), started in the secondary.
    status, out = run(aws, SECONDARY, m[SECONDARY], {"action": "switchover", "target_region": PRIMARY})
    assert (status, out) == ("SUCCEEDED", {"result": "switched"}), out
    assert writer(aws, gid) == [arns[PRIMARY]]
    assert ssm2.get_parameter(Name=f"/{rid(suffix)}/active_region")["Parameter"]["Value"] == PRIMARY
    assert run(aws, PRIMARY, m[PRIMARY], {"action": "sync", "active_region": PRIMARY, "mode": "switchover"})[0] == "SUCCEEDED"
    assert aws.client("lambda", PRIMARY).get_event_source_mapping(UUID=uuids[PRIMARY])["State"] in ("Enabled", "Enabling")
    tf.assert_plan_empty()

    # Bad input to a machine fails it by name.
    assert run(aws, SECONDARY, m[SECONDARY], {"action": "switchover", "target_region": "eu-west-1"}) == (
        "FAILED", "drpair.BadInput")
    tf.destroy()
    assert_gone(aws, suffix)


BAD = [
    ({"name": "Dr"}, "name"),
    ({"heartbeat_interval_seconds": 15}, "heartbeat_interval_seconds"),
    ({"missed_heartbeats": 0}, "missed_heartbeats"),
    ({"failback_after_seconds": -1}, "failback_after_seconds"),
    ({"primary_cluster_arn": "arn:aws:rds:us-east-2:123456789012:cluster:x"}, "primary_cluster_arn"),
    ({"secondary_cluster_arn": "not-an-arn"}, "secondary_cluster_arn"),
    ({"readiness_package_path": "/nonexistent/readiness.zip"}, "readiness_package_path"),
    ({"primary_event_source_mapping_ids": ["nope"]}, "primary_event_source_mapping_ids"),
    ({"session_table_consistency": "linearizable"}, "session_table_consistency"),
    ({"database_max_rpo_seconds": 5}, "database_max_rpo_seconds"),
    ({"active_region_parameter": "no-slash"}, "active_region_parameter"),
    ({"rto_target_seconds": 30, "enforce_objectives": True}, "rto_target_seconds"),
    ({"control_alarm": {"name": "x", "region": "eu-west-1", "namespace": "n", "metric_name": "m",
                        "dimensions": {}, "threshold": 1}}, "control_alarm"),
]


@pytest.mark.parametrize("overrides,named", BAD, ids=[f"{n}-{i}" for i, (_, n) in enumerate(BAD)])
def test_orchestrator_bad_input(tf, standin, suffix, readiness_zip, overrides, named):
    arns = {r: f"arn:aws:rds:{r}:123456789012:cluster:orders-{r}" for r in REGIONS}
    tf.write(dr_hcl(standin.url, suffix, "orders-g", arns, readiness_zip, **overrides))
    tf.init()
    before = standin.request_count()
    result = tf.plan(expect_fail=True)
    assert named in result.stderr
    assert standin.request_count() == before  # rejected before any AWS call


@pytest.mark.skipif(REAL_AWS, reason="needs the stand-in's regional outage")
def test_orchestrator_killed_apply_converges_and_survives_throttling(tf, aws, standin, suffix, readiness_zip):
    gid, arns = make_database(aws, suffix)
    tf.write(dr_hcl(standin.url, suffix, gid, arns, readiness_zip))
    tf.init()
    # The secondary is out: the primary's half gets built, the secondary's retried until killed.
    standin.faults(outage_regions=[SECONDARY])
    proc = tf.popen("apply", "-auto-approve", "-input=false", "-no-color")
    try:
        wait_until(lambda: proc.poll() is not None or machines(aws, suffix, [PRIMARY]), timeout=120,
                   interval=0.1, what="the primary state machine")
        assert proc.poll() is None, "apply ended before it could be killed"
    finally:
        if proc.poll() is None:
            os.killpg(proc.pid, signal.SIGKILL)
        proc.wait()
    standin.reset_faults()
    standin.faults(throttle_rate=0.2, seed=7)
    tf.apply()
    standin.reset_faults()
    assert_built(aws, suffix)
    tf.assert_plan_empty()
    standin.faults(throttle_rate=0.2, seed=11)
    tf.destroy()
    standin.reset_faults()
    assert_gone(aws, suffix)
