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
  `<ServiceName>.<ServiceName>Exception`, the SDK's generic exception.

- returns `[]` for a JSONPath filter (`[?(...)]`) that matches nothing, as AWS does; moto
  raised "could not be found" (States.Runtime) for it, returning `[]` only for slices and
  wildcards, so a gate like `$.MetricAlarms[?(@.StateValue == 'ALARM')]` failed exactly when
  all was well (moto issue 10078).

`start_execution()` is what EventBridge targets (events_ext) use to start a machine.
"""
import logging
import re
import uuid

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
    # extract_json looks this helper up at call time: a filter is an indefinite path like a slice.
    slice_or_wildcard = json_path._contains_slice_or_wildcard_array
    json_path._contains_slice_or_wildcard_array = lambda path: slice_or_wildcard(path) or "[?(" in path
