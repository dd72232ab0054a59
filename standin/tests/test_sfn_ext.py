"""Step Functions on the stand-in: executions on at start-up, uuid names, AWS error names,
the events:putEvents integration, and rule targets that are state machines (sfn_ext, events_ext)."""
import json
import time

import pytest

from conftest import ACCOUNT

REGION = "us-east-2"
ROLE = f"arn:aws:iam::{ACCOUNT}:role/sfn"


def machine(aws, name, states, start, region=REGION):
    definition = {"StartAt": start, "States": states}
    return aws("stepfunctions", region).create_state_machine(
        name=name, definition=json.dumps(definition), roleArn=ROLE)["stateMachineArn"]


def finished(sfn, execution_arn, deadline=15):
    """describe_execution once the execution is no longer RUNNING (polls with a deadline)."""
    end = time.monotonic() + deadline
    while True:
        out = sfn.describe_execution(executionArn=execution_arn)
        if out["status"] != "RUNNING":
            return out
        assert time.monotonic() < end, f"{execution_arn} still RUNNING after {deadline}s"
        time.sleep(0.1)


def executions(sfn, machine_arn, count, deadline=15):
    """The machine's executions, finished, once there are `count` of them."""
    end = time.monotonic() + deadline
    while True:
        found = sfn.list_executions(stateMachineArn=machine_arn)["executions"]
        if len(found) >= count:
            return [finished(sfn, e["executionArn"]) for e in found]
        assert time.monotonic() < end, f"{len(found)} executions of {machine_arn}, wanted {count}"
        time.sleep(0.1)


PASS = {"Done": {"Type": "Pass", "End": True}}


def test_executions_run_and_get_unique_names(aws):
    sfn = aws("stepfunctions", REGION)
    arn = machine(aws, "pass", PASS, "Done")
    first = sfn.start_execution(stateMachineArn=arn, input='{"a": 1}')["executionArn"]
    second = sfn.start_execution(stateMachineArn=arn, input='{"a": 1}')["executionArn"]
    assert first != second and "None" not in first
    for execution in (first, second):
        out = finished(sfn, execution)
        assert out["status"] == "SUCCEEDED" and json.loads(out["output"]) == {"a": 1}


def test_a_jsonpath_filter_matching_nothing_is_an_empty_list(aws):
    sfn = aws("stepfunctions", REGION)
    states = {"Gate": {"Type": "Pass", "Parameters": {"alarming.$": "$.alarms[?(@.state == 'ALARM')].name",
                                                      "count.$": "$.count"}, "End": True}}
    arn = machine(aws, "filter", states, "Gate")
    quiet = sfn.start_execution(stateMachineArn=arn, input=json.dumps({"alarms": [{"name": "a", "state": "OK"}],
                                                                       "count": 1}))
    loud = sfn.start_execution(stateMachineArn=arn, input=json.dumps({"alarms": [{"name": "a", "state": "ALARM"}],
                                                                      "count": 1}))
    assert json.loads(finished(sfn, quiet["executionArn"])["output"]) == {"alarming": [], "count": 1}
    assert json.loads(finished(sfn, loud["executionArn"])["output"]) == {"alarming": ["a"], "count": 1}
    # A plain path that is missing still fails, as on AWS.
    missing = sfn.start_execution(stateMachineArn=arn, input=json.dumps({"alarms": []}))
    assert finished(sfn, missing["executionArn"])["status"] == "FAILED"


def test_aws_sdk_errors_are_named_as_on_aws(aws):
    aws("ssm", REGION).put_parameter(Name="/lock", Value="held", Type="String")
    states = {
        "Lock": {"Type": "Task", "Resource": "arn:aws:states:::aws-sdk:ssm:putParameter",
                 "Parameters": {"Name": "/lock", "Value": "mine", "Type": "String", "Overwrite": False},
                 "Catch": [{"ErrorEquals": ["Ssm.ParameterAlreadyExistsException"], "Next": "Busy",
                            "ResultPath": "$.error"}],
                 "End": True},
        "Busy": {"Type": "Pass", "Parameters": {"result": "busy", "error.$": "$.error.Error"}, "End": True},
    }
    sfn = aws("stepfunctions", REGION)
    arn = machine(aws, "lock", states, "Lock")
    out = finished(sfn, sfn.start_execution(stateMachineArn=arn)["executionArn"])
    assert out["status"] == "SUCCEEDED", out
    assert json.loads(out["output"]) == {"result": "busy", "error": "Ssm.ParameterAlreadyExistsException"}


def test_task_in_a_region_under_outage_fails_with_the_sdk_generic_error(aws, faults):
    states = {
        "Later": {"Type": "Wait", "Seconds": 1, "Next": "Read"},
        "Read": {"Type": "Task", "Resource": "arn:aws:states:::aws-sdk:rds:describeGlobalClusters",
                 "Parameters": {}, "End": True,
                 "Catch": [{"ErrorEquals": ["States.ALL"], "Next": "Failed"}]},
        "Failed": {"Type": "Pass", "Parameters": {"error.$": "$.Error"}, "End": True},
    }
    sfn = aws("stepfunctions", REGION)
    arn = machine(aws, "read", states, "Later")
    execution = sfn.start_execution(stateMachineArn=arn)["executionArn"]
    faults(outage_regions=[REGION])  # the task, a second from now, is signed for us-east-2: 503
    time.sleep(2.5)  # nothing to poll: every us-east-2 call answers 503 meanwhile
    faults(outage_regions=[])
    out = finished(sfn, execution)
    assert json.loads(out["output"]) == {"error": "Rds.RdsException"}


def test_events_put_events_integration_puts_in_the_machine_region(aws):
    sqs = aws("sqs", REGION)
    url = sqs.create_queue(QueueName="seen")["QueueUrl"]
    qarn = sqs.get_queue_attributes(QueueUrl=url, AttributeNames=["QueueArn"])["Attributes"]["QueueArn"]
    ev = aws("events", REGION)
    ev.put_rule(Name="seen", EventPattern=json.dumps({"source": ["drpair.orchestrator"]}))
    ev.put_targets(Rule="seen", Targets=[{"Id": "q", "Arn": qarn}])
    states = {"Put": {"Type": "Task", "Resource": "arn:aws:states:::events:putEvents",
                      "Parameters": {"Entries": [{"Source": "drpair.orchestrator", "DetailType": "drpair heartbeat",
                                                  "Detail": {"pair": "p", "from.$": "$.from"}}]},
                      "End": True}}
    sfn = aws("stepfunctions", REGION)
    arn = machine(aws, "put", states, "Put")
    out = finished(sfn, sfn.start_execution(stateMachineArn=arn, input='{"from": "us-east-2"}')["executionArn"])
    assert out["status"] == "SUCCEEDED", out
    body = json.loads(sqs.receive_message(QueueUrl=url, WaitTimeSeconds=2)["Messages"][0]["Body"])
    assert body["region"] == REGION and body["detail-type"] == "drpair heartbeat"
    assert body["detail"] == {"pair": "p", "from": "us-east-2"}
    assert arn in body["resources"]  # AWS appends the machine and execution ARNs


def test_rule_targets_start_state_machines_with_aws_input(aws):
    sfn = aws("stepfunctions", REGION)
    arns = {k: machine(aws, k, PASS, "Done") for k in ("const", "path", "transform", "whole")}
    ev = aws("events", REGION)
    ev.put_rule(Name="go", EventPattern=json.dumps({"source": ["drpair.test"]}))
    ev.put_targets(Rule="go", Targets=[
        {"Id": "const", "Arn": arns["const"], "RoleArn": ROLE, "Input": '{"action": "failover"}'},
        {"Id": "path", "Arn": arns["path"], "RoleArn": ROLE, "InputPath": "$.detail"},
        {"Id": "transform", "Arn": arns["transform"], "RoleArn": ROLE, "InputTransformer": {
            "InputPathsMap": {"ar": "$.detail.active_region", "n": "$.detail.n"},
            "InputTemplate": '{"action": "sync", "active_region": <ar>, "text": "<ar> at <n>", "n": <n>}'}},
        {"Id": "whole", "Arn": arns["whole"], "RoleArn": ROLE},
    ])
    detail = {"active_region": "us-east-2", "n": 3}
    out = ev.put_events(Entries=[{"Source": "drpair.test", "DetailType": "t", "Detail": json.dumps(detail)}])
    assert out["FailedEntryCount"] == 0
    got = {k: json.loads(executions(sfn, a, 1)[0]["input"]) for k, a in arns.items()}
    assert got["const"] == {"action": "failover"}
    assert got["path"] == detail
    assert got["transform"] == {"action": "sync", "active_region": "us-east-2", "text": "us-east-2 at 3", "n": 3}
    whole = got["whole"]
    assert whole["source"] == "drpair.test" and whole["region"] == REGION and whole["detail"] == detail
    assert whole["account"] == ACCOUNT and whole["detail-type"] == "t" and whole["time"].endswith("Z")
    assert set(whole) == {"version", "id", "detail-type", "source", "account", "time", "region", "resources", "detail"}


@pytest.mark.parametrize("template, values, expected", [
    ('{"a": <x>}', {"x": "s"}, '{"a": "s"}'),
    ('{"a": "<x>!"}', {"x": 'q"s'}, '{"a": "q\\"s!"}'),
    ('{"a": <x>, "b": "<x>"}', {"x": None}, '{"a": null, "b": ""}'),
    ('{"a": <x>}', {"x": {"k": [1]}}, '{"a": {"k": [1]}}'),
    ("<x> is in state <y>", {"x": "i-1", "y": 2}, "i-1 is in state 2"),
])
def test_render_template(template, values, expected):
    from drpair_standin.events_ext import render_template

    assert render_template(template, values) == expected


def test_rds_fault_names_as_the_java_sdk_names_them(aws):
    states = {
        "Read": {"Type": "Task", "Resource": "arn:aws:states:::aws-sdk:rds:describeGlobalClusters",
                 "Parameters": {"GlobalClusterIdentifier": "nope"}, "End": True,
                 "Catch": [{"ErrorEquals": ["Rds.GlobalClusterNotFoundException"], "Next": "Missing"}]},
        "Missing": {"Type": "Pass", "Parameters": {"error.$": "$.Error"}, "End": True},
    }
    sfn = aws("stepfunctions", REGION)
    arn = machine(aws, "missing", states, "Read")
    out = finished(sfn, sfn.start_execution(stateMachineArn=arn)["executionArn"])
    assert json.loads(out["output"]) == {"error": "Rds.GlobalClusterNotFoundException"}


@pytest.mark.parametrize("shape, expected", [
    ("ParameterAlreadyExists", "Ssm.ParameterAlreadyExistsException"),
    ("DBClusterNotFoundFault", "Ssm.DbClusterNotFoundException"),
    ("KMSKeyNotAccessibleFault", "Ssm.KmsKeyNotAccessibleException"),
    ("ResourceNotFoundException", "Ssm.ResourceNotFoundException"),
    ("ClientError", "Ssm.SsmException"),
])
def test_exception_error_name(shape, expected):
    from drpair_standin.sfn_ext import exception_error_name

    assert exception_error_name("Ssm", type(shape, (Exception,), {})()) == expected


def test_aws_sdk_tasks_speak_aws_casing_and_definite_paths_are_values(aws, global_db):
    """Parameters and results in the Java SDK's PascalCase (DbClusterIdentifier, Uuid, DbClusterArn),
    and a JSONPath without wildcard or filter is one value, as on AWS."""
    import io
    import zipfile

    from conftest import SECONDARY

    sqs = aws("sqs", SECONDARY)
    qarn = sqs.get_queue_attributes(QueueUrl=sqs.create_queue(QueueName="orders")["QueueUrl"],
                                    AttributeNames=["QueueArn"])["Attributes"]["QueueArn"]
    code = io.BytesIO()
    with zipfile.ZipFile(code, "w") as z:
        z.writestr("h.py", "def handler(event, context):\n    return None\n")
    role = aws("iam").create_role(RoleName="fn", AssumeRolePolicyDocument="{}")["Role"]["Arn"]
    lam = aws("lambda", SECONDARY)
    lam.create_function(FunctionName="f", Runtime="python3.12", Role=role, Handler="h.handler",
                        Code={"ZipFile": code.getvalue()})
    esm = lam.create_event_source_mapping(EventSourceArn=qarn, FunctionName="f", Enabled=True)["UUID"]
    states = {
        "Cluster": {"Type": "Task", "Resource": "arn:aws:states:::aws-sdk:rds:describeDBClusters",
                    "Parameters": {"DbClusterIdentifier": "sec"}, "ResultPath": "$.cluster",
                    "ResultSelector": {"id.$": "$.DbClusters[0].DbClusterIdentifier"}, "Next": "Promote"},
        "Promote": {"Type": "Task", "Resource": "arn:aws:states:::aws-sdk:rds:failoverGlobalCluster",
                    "Parameters": {"GlobalClusterIdentifier": "g1", "TargetDbClusterIdentifier": global_db["sec"],
                                   "AllowDataLoss": True}, "ResultPath": None, "Next": "Read"},
        "Read": {"Type": "Task", "Resource": "arn:aws:states:::aws-sdk:rds:describeGlobalClusters",
                 "Parameters": {"GlobalClusterIdentifier": "g1"}, "ResultPath": "$.global",
                 "ResultSelector": {
                     "first.$": "$.GlobalClusters[0].GlobalClusterMembers[0].DbClusterArn",
                     "writers.$": "$.GlobalClusters[0].GlobalClusterMembers[?(@.IsWriter == true)].DbClusterArn"},
                 "Next": "IsOurs"},
        "IsOurs": {"Type": "Choice", "Default": "Wrong",
                   "Choices": [{"Variable": "$.cluster.id", "StringEquals": "sec", "Next": "Pause"}]},
        "Pause": {"Type": "Task", "Resource": "arn:aws:states:::aws-sdk:lambda:updateEventSourceMapping",
                  "Parameters": {"Uuid": esm, "Enabled": False}, "ResultSelector": {"state.$": "$.State"},
                  "ResultPath": "$.esm", "End": True},
        "Wrong": {"Type": "Fail", "Error": "Wrong"},
    }
    sfn = aws("stepfunctions", SECONDARY)
    arn = machine(aws, "casing", states, "Cluster", region=SECONDARY)
    out = finished(sfn, sfn.start_execution(stateMachineArn=arn)["executionArn"])
    assert out["status"] == "SUCCEEDED", out
    result = json.loads(out["output"])
    assert result["cluster"] == {"id": "sec"}
    assert result["global"] == {"first": global_db["prim"], "writers": [global_db["sec"]]}
    assert result["esm"] == {"state": "Disabled"}
    assert lam.get_event_source_mapping(UUID=esm)["State"] == "Disabled"


@pytest.mark.parametrize("path, expected", [
    ("$.a[0].b", 1), ("$.a[1]", {"b": 2}), ("$.a[*].b", [1, 2]), ("$.a[0:1].b", [1]),
    ("$.a[?(@.b == 2)].b", [2]), ("$..b", [1, 2]), ("$.c", "x"), ("$.a[9].b", None),
])
def test_extract_json(path, expected):
    from moto.stepfunctions.parser.asl.utils.json_path import NoSuchJsonPathError

    from drpair_standin.sfn_ext import extract_json

    data = {"a": [{"b": 1}, {"b": 2}], "c": "x"}
    if expected is None:
        with pytest.raises(NoSuchJsonPathError):
            extract_json(path, data)
    else:
        assert extract_json(path, data) == expected
