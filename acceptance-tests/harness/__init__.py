"""drpair acceptance harness: the real `terraform` CLI against the provider and an AWS stand-in.

Modelled on terraform-plugin-testing: a test writes HCL into a fresh workspace, applies it,
asserts the next plan is empty, imports and compares state, queries the AWS API itself, then
destroys and sweeps. Pieces:

- provider.py  - the provider binary, a per-session filesystem mirror and CLI config.
- standin.py   - one AWS stand-in process per test (free port, fault injection).
- workspace.py - a terraform working directory with init/plan/apply/import/destroy helpers.
"""
from .provider import ProviderMirror, provider_version, repo_root
from .standin import REAL_AWS, RealAws, StandIn
from .workspace import Plan, TerraformError, Workspace

__all__ = ["REAL_AWS", "Plan", "ProviderMirror", "RealAws", "StandIn", "TerraformError", "Workspace",
           "provider_version", "repo_root"]
