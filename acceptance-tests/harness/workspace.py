"""A Terraform working directory driven through the real CLI, the way terraform-plugin-testing
drives its steps: write config, init, apply, plan (must be empty), import, show, destroy.

Every command runs in its own process group so a timeout (or a test that SIGKILLs an apply)
takes the provider child down with Terraform. TF_LOG=debug goes to `terraform.log` in the
workspace, which conftest prints the tail of when a test fails.
"""
import json
import os
import signal
import subprocess
from dataclasses import dataclass
from pathlib import Path

DEFAULT_TIMEOUT = 900  # seconds per command; conftest raises it for real AWS


class TerraformError(AssertionError):
    """A terraform command ended with an unexpected exit code."""


@dataclass
class Result:
    args: list
    returncode: int
    stdout: str
    stderr: str


class Plan(dict):
    """Parsed `terraform show -json <planfile>`."""

    def changes(self):
        """[(address, [actions])] for every resource Terraform would touch (no-ops left out)."""
        return [(rc["address"], rc["change"]["actions"])
                for rc in self.get("resource_changes", [])
                if rc["change"]["actions"] not in (["no-op"], ["read"])]

    def changed_attributes(self, address):
        """Top-level attribute names whose planned value differs from the prior state."""
        for rc in self.get("resource_changes", []):
            if rc["address"] == address:
                ch = rc["change"]
                before, after = ch.get("before") or {}, ch.get("after") or {}
                unknown = ch.get("after_unknown") or {}
                keys = set(before) | set(after) | set(unknown)
                return {k for k in keys if before.get(k) != after.get(k) or unknown.get(k) is True}
        raise KeyError(f"{address} not in plan")


class Workspace:
    def __init__(self, path: Path, env: dict, timeout: float = DEFAULT_TIMEOUT):
        self.path = Path(path)
        self.path.mkdir(parents=True, exist_ok=True)
        self.log_path = self.path / "terraform.log"
        self.env = dict(env, TF_LOG="debug", TF_LOG_PATH=str(self.log_path))
        self.timeout = timeout

    # ---- files ---------------------------------------------------------------------------
    def write(self, hcl: str, name: str = "main.tf") -> Path:
        p = self.path / name
        p.write_text(hcl)
        return p

    # ---- raw commands --------------------------------------------------------------------
    def popen(self, *args, **kwargs) -> subprocess.Popen:
        """Start terraform without waiting, in a new session: os.killpg(p.pid, ...) stops
        Terraform and its provider child together."""
        for stream in ("stdout", "stderr"):  # default: files next to the log, for diagnosis
            if stream not in kwargs:
                kwargs[stream] = open(self.path / f"popen.{stream}", "a")
        return subprocess.Popen(["terraform", *args], cwd=self.path, env=self.env,
                                start_new_session=True, text=True, **kwargs)

    def run(self, *args, expect_fail=False, ok_codes=None, timeout=None) -> Result:
        """Run `terraform <args>`; raise TerraformError unless the exit code is as expected
        (0, or non-zero with expect_fail=True, or one of ok_codes)."""
        proc = self.popen(*args, stdout=subprocess.PIPE, stderr=subprocess.PIPE)
        try:
            out, err = proc.communicate(timeout=timeout or self.timeout)
        except subprocess.TimeoutExpired:
            os.killpg(proc.pid, signal.SIGKILL)
            out, err = proc.communicate()
            raise TerraformError(self._describe(args, "timed out", out, err))
        res = Result(list(args), proc.returncode, out, err)
        if ok_codes is not None:
            ok = res.returncode in ok_codes
        else:
            ok = (res.returncode != 0) if expect_fail else (res.returncode == 0)
        if not ok:
            want = "failure" if expect_fail else "success"
            raise TerraformError(self._describe(args, f"exit {res.returncode}, expected {want}", out, err))
        return res

    def _describe(self, args, what, out, err):
        return (f"terraform {' '.join(args)}: {what} (in {self.path})\n"
                f"--- stdout (tail) ---\n{_tail(out, 60)}\n--- stderr ---\n{_tail(err, 80)}\n"
                f"--- {self.log_path.name} (tail) ---\n{self.log_tail(40)}")

    def log_tail(self, lines: int = 60) -> str:
        try:
            return _tail(self.log_path.read_text(errors="replace"), lines)
        except OSError:
            return "(no terraform log)"

    # ---- steps ---------------------------------------------------------------------------
    def init(self) -> Result:
        return self.run("init", "-input=false", "-no-color")

    def validate(self, expect_fail=False) -> Result:
        return self.run("validate", "-no-color", expect_fail=expect_fail)

    def apply(self, *extra, expect_fail=False) -> Result:
        return self.run("apply", "-auto-approve", "-input=false", "-no-color", *extra,
                        expect_fail=expect_fail)

    def refresh(self) -> Result:
        """`apply -refresh-only`: write what Read reports into state without changing AWS."""
        return self.apply("-refresh-only")

    def plan(self, *extra, expect_fail=False):
        """Plan into a file and return its JSON (a Plan), or the Result when expect_fail."""
        res = self.run("plan", "-input=false", "-no-color", "-out=tfplan", *extra,
                       expect_fail=expect_fail)
        if expect_fail:
            return res
        shown = self.run("show", "-json", "-no-color", "tfplan")
        return Plan(json.loads(shown.stdout))

    def assert_plan_empty(self, *extra):
        """Like plugin-testing's post-apply empty-plan check: `plan -detailed-exitcode` must be
        0 (2 means changes). The plan text is in the failure message."""
        res = self.run("plan", "-input=false", "-no-color", "-detailed-exitcode", *extra,
                       ok_codes=(0, 2))
        if res.returncode == 2:
            raise AssertionError(f"expected an empty plan in {self.path}, got:\n{res.stdout}")
        return res

    def import_(self, address: str, import_id: str) -> Result:
        return self.run("import", "-input=false", "-no-color", address, import_id)

    def state(self) -> dict:
        """{address: attribute values} for every resource in state (modules included)."""
        shown = json.loads(self.run("show", "-json", "-no-color").stdout)
        out = {}

        def walk(module):
            for r in module.get("resources", []):
                out[r["address"]] = r.get("values", {})
            for child in module.get("child_modules", []):
                walk(child)

        walk(shown.get("values", {}).get("root_module", {}))
        return out

    def destroy(self, expect_fail=False) -> Result:
        return self.run("destroy", "-auto-approve", "-input=false", "-no-color",
                        expect_fail=expect_fail)

    def output(self) -> dict:
        """{name: value} from `terraform output -json` (sensitive values included)."""
        raw = json.loads(self.run("output", "-json", "-no-color").stdout)
        return {k: v["value"] for k, v in raw.items()}


def _tail(text: str, lines: int) -> str:
    return "\n".join((text or "").splitlines()[-lines:])
