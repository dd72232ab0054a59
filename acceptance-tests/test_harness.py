"""Self-tests of the harness, independent of the provider's behaviour: a failing provider
test should never be the harness's fault. Workspace steps use Terraform's built-in
`terraform_data`; stand-in checks use boto3 only. Seconds to run."""
import os
import signal

import pytest

from aws import wait_until
from harness import TerraformError

DATA = '''
resource "terraform_data" "a" {
  input = "%s"
}
output "a" {
  value = terraform_data.a.output
}
'''


def test_workspace_steps(tf):
    tf.write(DATA % "one")
    tf.init()
    assert tf.plan().changes() == [("terraform_data.a", ["create"])]
    tf.apply()
    tf.assert_plan_empty()
    assert tf.state()["terraform_data.a"]["input"] == "one"
    assert tf.output() == {"a": "one"}

    tf.write(DATA % "two")
    with pytest.raises(AssertionError, match="expected an empty plan"):
        tf.assert_plan_empty()
    plan = tf.plan()
    assert plan.changes() == [("terraform_data.a", ["update"])]
    assert "input" in plan.changed_attributes("terraform_data.a")

    tf.destroy()
    assert tf.state() == {}
    assert "terraform" in tf.log_path.read_text().lower()  # TF_LOG=debug reaches the file


def test_run_expect_fail(tf):
    tf.write('resource "terraform_data" "a" {\n  nonsense = 1\n}\n')
    tf.init()
    res = tf.validate(expect_fail=True)
    assert "nonsense" in res.stderr
    with pytest.raises(TerraformError, match="expected success"):
        tf.validate()


def test_killed_apply_leaves_workspace_usable(tf):
    """SIGKILL of the process group mid-apply (as test_killed_apply_converges does) must not
    leave a lock that blocks the next apply."""
    tf.write('resource "terraform_data" "slow" {\n  provisioner "local-exec" {\n'
             '    command = "sleep 60"\n  }\n}\n')
    tf.init()
    proc = tf.popen("apply", "-auto-approve", "-input=false", "-no-color")
    wait_until(lambda: "Creating..." in (tf.path / "popen.stdout").read_text(), timeout=60,
               interval=0.2, what="apply to start")
    os.killpg(proc.pid, signal.SIGKILL)
    proc.wait()
    tf.write('resource "terraform_data" "slow" {}\n')
    tf.apply()
    assert list(tf.state()) == ["terraform_data.slow"]


def test_standin_faults_requests_and_sweep(standin, aws, network, suffix):
    if standin.real_aws:
        pytest.skip("stand-in only")
    assert set(network) == {"us-east-1", "us-east-2"}
    for region, ids in network.items():
        subnets = aws.ec2(region).describe_subnets(SubnetIds=ids["subnet_ids"])["Subnets"]
        assert len({s["AvailabilityZone"] for s in subnets}) == 2

    assert standin.faults(throttle_rate=0.2)["throttle_rate"] == 0.2
    assert standin.reset_faults()["throttle_rate"] == 0.0
    before = standin.request_count()
    assert aws.sweep(suffix) == []
    assert standin.request_count() > before
    # Failed calls count too (werkzeug colours their log lines): bad-input tests rely on it.
    before = standin.request_count()
    assert aws.cluster("us-east-1", f"missing-{suffix}") is None  # answered 404
    assert standin.request_count() == before + 1

    # The sweep reports a live key and its alias, and accepts them once scheduled for deletion.
    kms = aws.kms("us-east-2")
    key = kms.create_key(Description=f"orders-test-{suffix}")["KeyMetadata"]["KeyId"]
    kms.create_alias(AliasName=f"alias/orders-test-{suffix}", TargetKeyId=key)
    left = aws.sweep(suffix)
    assert [x.split()[:2] for x in left] == [["us-east-2", "kms-alias"], ["us-east-2", "kms-key"]]
    kms.schedule_key_deletion(KeyId=key, PendingWindowInDays=7)
    assert aws.sweep(suffix) == []
