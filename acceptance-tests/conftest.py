"""Fixtures for drpair acceptance tests (see README.md).

- standin:  a fresh AWS stand-in per test (or RealAws when DRPAIR_ACC_REAL_AWS=1)
- aws:      boto3 helpers pointed at it (aws.Aws)
- network:  VPC + 2 subnets + security group in each region, as database inputs
- suffix:   random 6-char environment_suffix, so names never collide (matters on real AWS)
- tf:       a Workspace in a fresh temp dir; tf_factory(name) makes more (e.g. for import)

Terraform finds the provider in a per-session filesystem mirror (harness.ProviderMirror).
"""
import os
import random
import string

import pytest

import aws as aws_mod
from harness import REAL_AWS, ProviderMirror, RealAws, StandIn, Workspace

REGIONS = aws_mod.REGIONS
# Real AWS: creating a global database takes 20-40 minutes; the stand-in takes seconds.
COMMAND_TIMEOUT = float(os.environ.get("DRPAIR_ACC_TIMEOUT", 5400 if REAL_AWS else 600))

# Environment variables that would make Terraform or the provider behave differently from a
# clean machine: a plugin cache, extra CLI args, another data dir or workspace.
_TF_ENV_DROP = ("TF_PLUGIN_CACHE_DIR", "TF_CLI_ARGS", "TF_DATA_DIR", "TF_WORKSPACE",
                "TF_LOG_PROVIDER", "TF_LOG_CORE", "TF_REATTACH_PROVIDERS")
# Stand-in mode: no real credential or endpoint source may leak in from the user's shell.
_AWS_ENV_DROP = ("AWS_PROFILE", "AWS_DEFAULT_PROFILE", "AWS_SESSION_TOKEN", "AWS_ROLE_ARN",
                 "AWS_WEB_IDENTITY_TOKEN_FILE", "AWS_CONTAINER_CREDENTIALS_FULL_URI",
                 "AWS_CONTAINER_CREDENTIALS_RELATIVE_URI", "AWS_ENDPOINT_URL")


def terraform_env(cli_config):
    env = {k: v for k, v in os.environ.items()
           if k not in _TF_ENV_DROP and not k.startswith("TF_CLI_ARGS_")}
    env.update(TF_CLI_CONFIG_FILE=str(cli_config), CHECKPOINT_DISABLE="1",
               TF_IN_AUTOMATION="1", TF_INPUT="0")
    if not REAL_AWS:
        for k in list(env):
            if k in _AWS_ENV_DROP or k.startswith("AWS_ENDPOINT_URL_"):
                del env[k]
        # The provider reaches the stand-in only through `endpoint_url` in the HCL (that is
        # what we test); dummy keys and no IMDS mean it can never find or use anything else.
        env.update(AWS_ACCESS_KEY_ID="testing", AWS_SECRET_ACCESS_KEY="testing",
                   AWS_EC2_METADATA_DISABLED="true", AWS_CONFIG_FILE=os.devnull,
                   AWS_SHARED_CREDENTIALS_FILE=os.devnull)
    return env


@pytest.fixture(scope="session")
def provider_mirror(tmp_path_factory):
    """One mirror per session (per xdist worker): copying the binary once is enough."""
    return ProviderMirror(tmp_path_factory.mktemp("provider"))


@pytest.fixture
def standin(request, tmp_path):
    if REAL_AWS:
        yield RealAws()
        return
    s = StandIn(tmp_path / "standin.log")
    request.node._drpair_standin = s
    yield s
    s.stop()


@pytest.fixture
def aws(standin):
    return aws_mod.Aws(standin.url)


@pytest.fixture
def network(aws):
    net = aws.network(REGIONS)
    yield net
    if REAL_AWS:  # a stand-in dies with the test; real VPCs would stay
        aws.delete_network(net)


@pytest.fixture
def suffix():
    # Starts with a letter so it reads as a name part; 36^5 * 26 choices per test.
    return random.choice(string.ascii_lowercase) + "".join(
        random.choices(string.ascii_lowercase + string.digits, k=5))


@pytest.fixture
def tf_factory(request, tmp_path, provider_mirror):
    made = []
    request.node._drpair_workspaces = made
    env = terraform_env(provider_mirror.cli_config)

    def make(name="main"):
        ws = Workspace(tmp_path / name, env, timeout=COMMAND_TIMEOUT)
        made.append(ws)
        return ws

    yield make
    if REAL_AWS:  # like plugin-testing: always try to destroy what a failed test left behind
        for ws in made:
            try:
                if ws.state():
                    ws.destroy()
            except Exception as err:  # noqa: BLE001 - teardown must try every workspace
                print(f"teardown destroy in {ws.path} failed: {err}")


@pytest.fixture
def tf(tf_factory):
    return tf_factory("main")


@pytest.hookimpl(wrapper=True)
def pytest_runtest_makereport(item, call):
    """On failure, attach the tails of Terraform's debug logs and the stand-in's log."""
    report = yield
    if report.failed:
        for ws in getattr(item, "_drpair_workspaces", []):
            report.sections.append((f"terraform log tail: {ws.path.name}", ws.log_tail(80)))
        s = getattr(item, "_drpair_standin", None)
        if s is not None:
            report.sections.append(("stand-in log tail", s.log_tail(40)))
    return report
