"""Fault matrix rows that need one apply of the full pair each, no fault injected:

- secrets: the database master password (write-only) and a SecureString parameter
  (write-only map) reach AWS, yet appear nowhere in terraform.tfstate, the plan or apply
  output, or the provider's log lines at TF_LOG=trace;
- IAM: every IAM identity policy the provider wrote (inline role policies and customer
  managed policies, read back from IAM) passes the `parliament` linter (PyPI, pinned in
  acceptance-tests/requirements.txt) with no finding above LOW, and no statement allows a "*"
  action on a "*" resource. Trust policies and bucket policies are resource policies, which
  parliament does not judge as identity policies: they are listed, not linted.
"""
import json
from urllib.parse import unquote

import pytest

import fullpair
from harness import REAL_AWS

pytestmark = pytest.mark.skipif(REAL_AWS, reason="reads the stand-in's request counters and logs")
API_TOKEN = "tok-Zq81-secure-param-7Hh"
SECRETS = {"master password": fullpair.MASTER_PASSWORD, "secure parameter": API_TOKEN}
SEVERITIES = ["MUTE", "INFO", "LOW", "MEDIUM", "HIGH", "CRITICAL"]
EXTRA = '''
variable "api_token" {
  sensitive = true
  ephemeral = true
}

resource "drpair_parameters" "secrets" {
  name                     = "secrets"
  secure_values_wo         = { api_token = var.api_token }
  secure_values_wo_version = 1
}
'''


@pytest.fixture(scope="session")
def packages(tmp_path_factory):
    return fullpair.build_packages(tmp_path_factory.mktemp("packages"))


def test_no_secret_in_state_plan_or_trace_logs(tf, aws, standin, packages, suffix):
    fullpair.write(tf, packages, standin.url, suffix)
    tf.write(fullpair.hcl(packages) + EXTRA)
    tf.env.update(TF_LOG="trace", TF_VAR_api_token=API_TOKEN)
    tf.init()
    applied = tf.apply()
    planned = tf.run("plan", "-input=false", "-no-color", "-detailed-exitcode")
    shown = tf.run("show", "-no-color")
    # The secrets did reach AWS (else the test would prove nothing).
    ssm = aws.client("ssm", "us-east-1")
    got = ssm.get_parameter(Name=f"/secrets-prod-{suffix}/api_token", WithDecryption=True)
    assert got["Parameter"]["Value"] == API_TOKEN and got["Parameter"]["Type"] == "SecureString"
    log = tf.log_path.read_text(errors="replace")
    provider_lines = [ln for ln in log.splitlines() if "terraform-provider-drpair" in ln or "provider." in ln]
    assert len(provider_lines) > 100, "no provider log lines at TF_LOG=trace?"
    places = {
        "terraform.tfstate": (tf.path / "terraform.tfstate").read_text(),
        "apply output": applied.stdout + applied.stderr,
        "plan output": planned.stdout + planned.stderr,
        "show output": shown.stdout,
        "provider log lines (TF_LOG=trace)": "\n".join(provider_lines),
        "whole terraform.log (TF_LOG=trace)": log,
    }
    leaks = [f"{what} in {where}" for where, text in places.items() for what, secret in SECRETS.items()
             if secret in text or secret in unquote(text)]
    print(f"checked {len(provider_lines)} provider log lines, {len(log)} bytes of trace log")
    assert leaks == []
    tf.destroy()
    assert aws.sweep(suffix) == []


def identity_policies(aws, suffix):
    """{label: policy document} of every inline and customer-managed policy on our roles."""
    iam = aws.client("iam", "us-east-1")
    docs, trust = {}, {}
    for role in iam.get_paginator("list_roles").paginate().build_full_result()["Roles"]:
        name = role["RoleName"]
        if suffix not in name:
            continue
        trust[name] = _doc(role["AssumeRolePolicyDocument"])
        for pname in iam.list_role_policies(RoleName=name)["PolicyNames"]:
            docs[f"{name} inline {pname}"] = _doc(
                iam.get_role_policy(RoleName=name, PolicyName=pname)["PolicyDocument"])
        for att in iam.list_attached_role_policies(RoleName=name)["AttachedPolicies"]:
            arn = att["PolicyArn"]
            assert ":aws:policy/" not in arn, f"{name}: AWS-managed policy {arn} (not scoped by us)"
            version = iam.get_policy(PolicyArn=arn)["Policy"]["DefaultVersionId"]
            docs[f"{name} managed {att['PolicyName']}"] = _doc(
                iam.get_policy_version(PolicyArn=arn, VersionId=version)["PolicyVersion"]["Document"])
    return docs, trust


def _doc(d):
    return json.loads(unquote(d)) if isinstance(d, str) else d


def _as_list(x):
    return x if isinstance(x, list) else [x]


def star_on_star(doc):
    """Allow statements with a "*" action (or service:*) on a "*" resource."""
    bad = []
    for st in _as_list(doc.get("Statement", [])):
        if st.get("Effect") != "Allow":
            continue
        actions = _as_list(st.get("Action", []))
        resources = _as_list(st.get("Resource", []))
        if "*" in resources and any(a == "*" or a.endswith(":*") for a in actions):
            bad.append(st)
    return bad


def lint(doc):
    """[(severity, issue, detail)] of parliament's findings on a policy document. Severity
    comes from parliament's config through enhance_finding, as its CLI does (analyze_* alone
    leaves it empty)."""
    from parliament import analyze_policy_string, enhance_finding

    return [(f.severity, f.issue, f.detail)
            for f in map(enhance_finding, analyze_policy_string(json.dumps(doc)).findings)]


def test_the_linter_finds_what_it_should():
    """Not vacuous: parliament as called here flags a mismatched resource above LOW."""
    bad = {"Version": "2012-10-17", "Statement": [
        {"Effect": "Allow", "Action": "s3:GetObject", "Resource": "arn:aws:sqs:us-east-1:123456789012:q"}]}
    assert [(s, i) for s, i, _ in lint(bad)] == [("MEDIUM", "RESOURCE_MISMATCH")]
    star = {"Version": "2012-10-17", "Statement": [{"Effect": "Allow", "Action": "s3:*", "Resource": "*"}]}
    assert star_on_star(star) and [i for _, i, _ in lint(star)] == ["RESOURCE_STAR"]


def test_iam_policies_pass_parliament(tf, aws, standin, packages, suffix):
    fullpair.write(tf, packages, standin.url, suffix)
    tf.init()
    tf.apply()
    docs, trust = identity_policies(aws, suffix)
    assert len(docs) >= 5, f"expected the pipeline's, orchestrator's and forwarding roles' policies: {sorted(docs)}"
    report = {}
    for label, doc in sorted(docs.items()):
        report[label] = lint(doc)
        assert star_on_star(doc) == [], f"{label}: '*' action on '*' resource"
    print(f"{len(docs)} identity policies on {len(trust)} roles linted")
    for label, found in report.items():
        print(f"  {label}: {[(s, i) for s, i, _ in found] or 'no findings'}")
    above_low = {label: [(s, i, d) for s, i, d in found if SEVERITIES.index(s) > SEVERITIES.index("LOW")]
                 for label, found in report.items()}
    assert {k: v for k, v in above_low.items() if v} == {}
    for name, doc in trust.items():  # trust policies: only that nobody at all may assume
        for st in _as_list(doc.get("Statement", [])):
            assert st.get("Principal") not in ("*", {"AWS": "*"}), f"{name} trusts everyone"
    tf.destroy()
    assert aws.sweep(suffix) == []
