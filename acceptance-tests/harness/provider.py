"""Make the freshly built provider visible to `terraform init` with no network access.

Terraform resolves `drpair/drpair` through a filesystem mirror that we build per pytest
session (per xdist worker) in a temp dir, plus a CLI config that sends only drpair there and
everything else direct. A private mirror, rather than ~/.terraform.d/plugins, means a test run
never depends on (or disturbs) what `make install` put in the user's home, and a rebuilt binary
never trips over a lock-file hash recorded for an older copy.
"""
import os
import platform
import shutil
import tomllib
from pathlib import Path

PROVIDER_ADDRESS = "drpair/drpair"
PROVIDER_PATTERN = "drpair/*"  # what the CLI config routes to the mirror
# Terraform's default hostname for `source = "drpair/drpair"`; the mirror layout needs it.
PROVIDER_HOST = "registry.terraform.io"
BINARY_NAME = "terraform-provider-drpair"


def repo_root() -> Path:
    return Path(__file__).resolve().parents[2]


def provider_version(root: Path | None = None) -> str:
    """The crate version; Terraform sees the provider at exactly this version."""
    with open((root or repo_root()) / "Cargo.toml", "rb") as f:
        return tomllib.load(f)["package"]["version"]


def default_binary() -> Path:
    """DRPAIR_PROVIDER_BIN, else the debug build in the shared target dir that `make build` uses."""
    env = os.environ.get("DRPAIR_PROVIDER_BIN")
    if env:
        return Path(env)
    return Path.home() / ".cache/drpair/target/debug" / BINARY_NAME


def terraform_platform() -> str:
    """Terraform's os_arch name for this machine (linux_amd64 on the CI hosts)."""
    arch = {"x86_64": "amd64", "amd64": "amd64", "aarch64": "arm64", "arm64": "arm64"}
    machine = platform.machine().lower()
    return f"{platform.system().lower()}_{arch.get(machine, machine)}"


class ProviderMirror:
    """A filesystem mirror holding one copy of the provider binary, and the CLI config using it."""

    def __init__(self, base: Path, binary: Path | None = None, version: str | None = None):
        self.binary = Path(binary or default_binary())
        if not self.binary.is_file():
            raise FileNotFoundError(
                f"provider binary {self.binary} not found: run `make build` or set DRPAIR_PROVIDER_BIN")
        self.version = version or provider_version()
        self.path = Path(base) / "mirror"
        target = (self.path / PROVIDER_HOST / PROVIDER_ADDRESS / self.version / terraform_platform())
        target.mkdir(parents=True, exist_ok=True)
        # A copy, not a symlink: the lead may rebuild the binary while a run is going.
        dest = target / f"{BINARY_NAME}_v{self.version}"
        shutil.copy2(self.binary, dest)
        dest.chmod(0o755)
        self.cli_config = Path(base) / "terraformrc"
        self.cli_config.write_text(cli_config_text(self.path))


def cli_config_text(mirror: Path) -> str:
    """drpair from the mirror only; any other provider would go direct (none is used here)."""
    return f'''provider_installation {{
  filesystem_mirror {{
    path    = "{mirror}"
    include = ["{PROVIDER_PATTERN}"]
  }}
  direct {{
    exclude = ["{PROVIDER_PATTERN}"]
  }}
}}
'''
