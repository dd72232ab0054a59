"""Step Functions executions that run, named and failing as on AWS, patched into moto 5.2.5.

moto executes state machines (its ASL interpreter, a port of LocalStack's) only when its config
`stepfunctions.execute_state_machine` is on; its aws-sdk tasks then call back into this server
(localhost:$MOTO_PORT, region = the state machine's region), so fault injection applies to them
(a task in a region under outage gets 503, as a task in a dead region would). `install()`:

- turns execution on at start-up, so nobody has to POST /moto-api/config;
- gives an execution started without a `name` a uuid, as AWS does (moto keeps None, so a
  second nameless start fails ExecutionAlreadyExists);
- names aws-sdk task errors as AWS does, `<ServiceName>.<ExceptionName>`, both as the Java
  SDK v2 (which Step Functions runs) names its client and exception classes: service in
  PascalCase (`Ssm.`, `Rds.`, `CloudWatch.`), the error shape's words re-cased and a `Fault`
  suffix replaced by `Exception`, or `Exception` appended (`Ssm.ParameterAlreadyExistsException`,
  `Rds.DbClusterNotFoundException` for DBClusterNotFoundFault, as CDK code catching it on AWS
  writes). moto used the lower-case resource name and the raw shape name (`ssm.`,
  `rds.DBClusterNotFoundFault`), so a Catch written for AWS did not match. An error code the
  service does not model (e.g. our 503 ServiceUnavailable) is
  `<ServiceName>.<ServiceName>Exception`, the SDK's generic exception;
- cases aws-sdk task parameters and results as AWS does: Step Functions speaks the Java SDK's
  PascalCase (`DbClusterIdentifier`, `Uuid`; results `$.DbInstances[0].DbInstanceStatus`,
  `GlobalClusterMembers[].DbClusterArn`), while moto passed parameters to boto3 as written
  (`Uuid` failed, `UUID` is the API's name) and returned boto3's names (`DBClusterArn`). Now
  parameters are matched to the operation's members whatever their case, and results come
  back in AWS's casing (moto's own LocalStack-derived converters, which moto leaves unused
  for aws-sdk tasks);
- evaluates a JSONPath without a wildcard, slice, filter or `..` to a single value, as AWS
  does: moto answered `$.MetricAlarms[0].StateValue` with a one-element list, so a Choice on
  it never matched.

- returns `[]` for a JSONPath filter (`[?(...)]`) that matches nothing, as AWS does; moto
  raised "could not be found" (States.Runtime) for it, returning `[]` only for slices and
  wildcards, so a gate like `$.MetricAlarms[?(@.StateValue == 'ALARM')]` failed exactly when
  all was well (moto issue 10078).

`start_execution()` is what EventBridge targets (events_ext) use to start a machine.
"""
import logging
import re
import sys
import uuid

import botocore.session
from botocore import xform_name
from moto.core.config import default_user_config
from moto.stepfunctions.parser.asl.utils import json_path
from moto.stepfunctions.parser.asl.component.state.exec.state_task.service.state_task_service_aws_sdk import (
    StateTaskServiceAwsSdk,
)
from moto.stepfunctions.parser.models import StepFunctionsParserBackend, stepfunctions_parser_backends

LOG = logging.getLogger(__name__)

# Resource service name (as in arn:aws:states:::aws-sdk:<name>:...) -> the SDK's PascalCase name.
# AWS's rule ("both ServiceName and ErrorName are in PascalCase", e.g. AcmPca., S3.) is the Java
# SDK v2 client name; unlisted services get their first letter upper-cased.
SERVICE_ERROR_NAMES = {
    "acmpca": "AcmPca", "apigateway": "ApiGateway", "cloudwatch": "CloudWatch",
    "cloudwatchlogs": "CloudWatchLogs", "dynamodb": "DynamoDb", "ec2": "Ec2", "ecs": "Ecs",
    "eventbridge": "EventBridge", "iam": "Iam", "kms": "Kms", "lambda": "Lambda", "rds": "Rds",
    "route53": "Route53", "s3": "S3", "secretsmanager": "SecretsManager", "sfn": "Sfn", "sns": "Sns",
    "sqs": "Sqs", "ssm": "Ssm", "sts": "Sts",
}

_installed = False


def service_error_name(service_name):
    lower = service_name.lower()
    return SERVICE_ERROR_NAMES.get(lower) or lower[:1].upper() + lower[1:]


def _pascal(name):
    """The Java SDK's PascalCase of a shape name: words (an acronym is one word) lower-cased and
    capitalised, so DBClusterNotFound -> DbClusterNotFound, KMSKey -> KmsKey."""
    words = re.findall(r"[A-Z]+(?![a-z])|[A-Z][a-z]*|[a-z]+|\d+", name)
    return "".join(w.lower().capitalize() for w in words)


def exception_error_name(service, ex):
    """`<Service>.<Exception>` for a botocore ClientError (its class is the error shape's name)."""
    shape = ex.__class__.__name__
    if shape == "ClientError":  # a code the service does not model: the SDK's generic exception
        return f"{service}.{service}Exception"
    if shape.endswith("Fault"):
        shape = shape[:-len("Fault")]
    if not shape.endswith("Exception"):
        shape += "Exception"
    return f"{service}.{_pascal(shape)}"


_OPERATIONS = {}  # (boto service, method name) -> botocore OperationModel or None


def _operation(service, method):
    key = (service, method)
    if key not in _OPERATIONS:
        try:
            model = botocore.session.get_session().get_service_model(service)
            names = {xform_name(op): op for op in model.operation_names}
            _OPERATIONS[key] = model.operation_model(names[method]) if method in names else None
        except Exception:  # noqa: BLE001 (a service botocore does not know: leave the task as moto runs it)
            _OPERATIONS[key] = None
    return _OPERATIONS[key]


def _normalise_parameters(self, parameters, boto_service_name=None, service_action_name=None):
    op = _operation(self._get_boto_service_name(boto_service_name), self._get_boto_service_action(service_action_name))
    if op is not None and op.input_shape is not None:
        self._to_boto_request(parameters, op.input_shape)


def _normalise_response(self, response, boto_service_name=None, service_action_name=None):
    op = _operation(self._get_boto_service_name(boto_service_name), self._get_boto_service_action(service_action_name))
    if op is not None and op.output_shape is not None:
        self._from_boto_response(response, op.output_shape)


# A JSONPath is "indefinite" (answers a list) when it has a wildcard, slice, union, filter or
# deep scan; otherwise it names one value (Jayway's rule, which Step Functions follows).
_INDEFINITE = re.compile(r"\.\.|\.\*|\[\s*\*\s*\]|\[\s*\?|\[[^\]]*[:,][^\]]*\]")


def extract_json(path, data):
    from jsonpath_ng.ext import parse

    matches = parse(path).find(data)
    indefinite = bool(_INDEFINITE.search(path))
    if not matches:
        if indefinite:
            return []
        raise json_path.NoSuchJsonPathError(json_path=path, data=data)
    if indefinite or len(matches) > 1:
        return [m.value for m in matches]
    return matches[0].value


def _patch_extract_json():
    """Replace moto's extract_json in its module and wherever it was imported by name."""
    original = json_path.extract_json
    json_path.extract_json = extract_json
    for name, module in list(sys.modules.items()):
        if name.startswith("moto.stepfunctions.parser") and getattr(module, "extract_json", None) is original:
            module.extract_json = extract_json


def _wrap_start_execution(original):
    def start_execution(self, state_machine_arn, name=None, execution_input=None, trace_header=None):
        return original(self, state_machine_arn, name or str(uuid.uuid4()), execution_input, trace_header)
    return start_execution


def start_execution(account_id, region, state_machine_arn, input_json):
    """Start an execution (a uuid name) of a machine in `region`; the execution ARN, or None
    when the machine does not exist (EventBridge then counts a failed invocation, nothing more)."""
    try:
        backend = stepfunctions_parser_backends[account_id][region]
        return backend.start_execution(state_machine_arn, None, input_json).execution_arn
    except Exception as err:  # noqa: BLE001 (a target that cannot start is logged, as AWS meters it)
        LOG.warning("drpair-standin: could not start %s: %s", state_machine_arn, err)
        return None


def install():
    """Turn on moto's execution engine and patch it once; call before the server handles a request."""
    global _installed
    if _installed:
        return
    _installed = True
    default_user_config["stepfunctions"] = {"execute_state_machine": True}
    StepFunctionsParserBackend.start_execution = _wrap_start_execution(StepFunctionsParserBackend.start_execution)
    StateTaskServiceAwsSdk._normalise_service_error_name = staticmethod(service_error_name)
    StateTaskServiceAwsSdk._normalise_exception_name = staticmethod(exception_error_name)
    StateTaskServiceAwsSdk._normalise_parameters = _normalise_parameters
    StateTaskServiceAwsSdk._normalise_response = _normalise_response
    _patch_extract_json()
