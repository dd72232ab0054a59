"""examples/trading-platform/main.tf, exactly as committed (the whole pair in HCL), applies
against a stand-in, plans empty right after, and destroys with nothing left in either region.
The drill (make drill) does the same around a failover; this keeps the example itself in
`make test`."""
import shutil
import subprocess
import sys

from harness import repo_root

ROOT = repo_root()
EXAMPLE = ROOT / "examples" / "trading-platform"


def test_trading_platform_applies_plans_empty_and_destroys_clean(tf_factory, tmp_path, standin, aws, suffix):
    subprocess.run([sys.executable, str(ROOT / "lambda" / "build.py")], check=True, capture_output=True)
    # The repository's layout, so "${path.module}/../../lambda/dist" resolves.
    (tmp_path / "lambda").symlink_to(ROOT / "lambda")
    tf = tf_factory("examples/trading-platform")
    shutil.copy(EXAMPLE / "main.tf", tf.path / "main.tf")
    tf.env.update(TF_VAR_endpoint_url=standin.url, TF_VAR_suffix=suffix, TF_VAR_master_password="Sup3rSecret99")

    tf.init()
    tf.apply()
    tf.assert_plan_empty()
    out = tf.output()
    assert out["drill"]["global_cluster_id"] == f"orders-prod-{suffix}"
    assert set(out["rpo_bounds"]) == {"aurora", "dynamodb", "sqs"}
    left = aws.sweep(suffix)
    for kind in ("global-cluster", "dynamodb-table", "lambda-function", "state-machine", "composite-alarm"):
        assert any(f" {kind} " in x for x in left), f"sweep does not see any {kind} after apply"

    tf.destroy()
    assert aws.sweep(suffix) == []
