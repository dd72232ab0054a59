"""The failover drill: apply examples/trading-platform against a private stand-in, take the
primary region down, let the orchestrator fail the pair over on its own, bring the primary
back, watch the automatic failback, and measure every step. See docs/guides/failover-drill.md.

The drill never starts a state machine and never moves the writer or DNS itself: it only
writes orders, injects the outage, lifts it, and watches through the AWS APIs.
"""
import argparse
import json
import os
import secrets
import string
import sys
import tempfile
import threading
import time
import traceback
from pathlib import Path

from botocore.exceptions import BotoCoreError, ClientError

from . import svg
from .observe import Pair, history_points
from .runtime import ApiGateway, EventSourceMapping, LambdaRuntime
from .timeline import Phase, Timeline, now, utc

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT / "acceptance-tests"))
import aws as aws_mod  # noqa: E402  (the acceptance tests' boto3 helpers and sweep)
from conftest import terraform_env  # noqa: E402  (the same clean Terraform environment as the tests)
from harness import ProviderMirror, StandIn, TerraformError, Workspace  # noqa: E402
from harness.standin import REQUEST_LINE  # noqa: E402

EXAMPLE = ROOT / "examples" / "trading-platform" / "main.tf"
PACKAGES = ROOT / "lambda" / "dist"

PHASES = [
    Phase("orders written through the primary", "orders_started", "orders_written", "setup"),
    Phase("detection: peer-down alarm in ALARM", "outage", "detected"),
    Phase("trigger: failover execution starts", "detected", "failover_started"),
    Phase("confirmation: one more heartbeat interval", "failover_started", "failover_called"),
    Phase("promotion: writer in the secondary", "failover_called", "promoted"),
    Phase("failover execution, start to end", "failover_started", "failover_ended"),
    Phase("traffic: DNS answers SECONDARY", "outage", "dns_secondary"),
    Phase("first order accepted in the secondary", "outage", "first_order_secondary"),
    Phase("recovery: peer-down alarm OK", "restored", "recovered", "failback"),
    Phase("failback wait (failback_after_seconds)", "failback_started", "failback_called", "failback"),
    Phase("switchover: writer home again", "failback_called", "failed_back", "failback"),
    Phase("primary's own failover attempt (must end peer_alive)", "primary_failover_started",
          "primary_failover_ended", "failback"),
    Phase("traffic: DNS answers PRIMARY", "restored", "dns_primary", "failback"),
    Phase("primary fenced: its mappings Disabled", "restored", "primary_fenced", "failback"),
    Phase("primary consuming again", "restored", "esms_home", "failback"),
    Phase("first order accepted in the primary", "restored", "first_order_primary", "failback"),
]


class DrillFailed(Exception):
    """A step could not complete: the drill stops, destroys, and reports."""


class Drill:
    def __init__(self, args):
        self.args = args
        self.timeline = Timeline()
        self.checks = []
        self.work = Path(tempfile.mkdtemp(prefix="drpair-drill."))
        self.suffix = "dr" + "".join(secrets.choice(string.ascii_lowercase + string.digits) for _ in range(4))
        self.zone = f"trading-{self.suffix}.example.com"
        self.standin = None
        self.ws = None
        self.pair = None
        self.orders = []
        self.errors = {}  # observer -> last error text (the region in outage fails, as on AWS)
        self.execution = {}  # "failover" / "failback" -> the execution the orchestrator started
        self.plan_job = None  # the plan that runs beside the failback watch

    # ---- the whole drill ---------------------------------------------------------------------
    def run(self):
        applied = False
        try:
            self.start()
            self.apply()
            applied = True
            self.write_orders()
            self.wait_heartbeats()
            self.fail_over()
            self.fail_back()
        except DrillFailed as exc:
            self.check("drill completed", False, str(exc))
        except TerraformError as exc:  # its text carries the whole log tail: keep Terraform's own words
            self.check("drill completed", False, terraform_words(str(exc)))
        except Exception as exc:  # noqa: BLE001 - a bug must still destroy and report
            self.check("drill completed", False, f"{type(exc).__name__}: {exc}\n{traceback.format_exc()}")
        finally:
            try:
                if self.plan_job is not None:
                    self.plan_job.done() or self.plan_job._thread.join()  # one terraform at a time
                if applied or self.ws is not None:
                    self.destroy()
            finally:
                self.report()
                if self.standin is not None:
                    self.standin.stop()
        return 0 if all(c["ok"] for c in self.checks) else 1

    def check(self, name, ok, detail=""):
        self.checks.append({"check": name, "ok": bool(ok), "detail": detail})
        print(f"  [{'ok' if ok else 'FAILED'}] {name}" + (f": {detail}" if detail else ""), flush=True)
        return ok

    def step(self, text):
        print(f"\n==> {text}", flush=True)

    # ---- setup -------------------------------------------------------------------------------
    def start(self):
        self.step(f"starting a private AWS stand-in (work dir {self.work})")
        self.standin = StandIn(self.work / "standin.log")
        self.aws = aws_mod.Aws(self.standin.url)
        self.runtime = LambdaRuntime(self.aws, self.standin.url)
        self.api = ApiGateway(self.aws, self.runtime)
        self.esm = EventSourceMapping(self.aws, self.runtime)
        print(f"stand-in at {self.standin.url}")

    def apply(self):
        self.step("terraform apply examples/trading-platform")
        for zip_name in ("order-processor.zip", "readiness.zip"):
            if not (PACKAGES / zip_name).is_file():
                raise DrillFailed(f"{PACKAGES / zip_name} missing: run `make lambda` (python3 lambda/build.py)")
        mirror = ProviderMirror(self.work)
        env = terraform_env(mirror.cli_config)
        env["TF_VAR_master_password"] = secrets.token_urlsafe(18)
        self.ws = Workspace(self.work / "trading-platform", env, timeout=900)
        text = EXAMPLE.read_text().replace('"${path.module}/../../lambda/dist"', json.dumps(str(PACKAGES)))
        self.ws.write(text)
        self.ws.write(json.dumps({
            "endpoint_url": self.standin.url, "suffix": self.suffix, "zone_name": self.zone,
            "heartbeat_interval_seconds": self.args.heartbeat_interval,
            "missed_heartbeats": self.args.missed_heartbeats,
            "failback_after_seconds": self.args.failback_after}), "terraform.tfvars.json")
        self.ws.init()
        started = time.monotonic()
        self.ws.apply()
        print(f"applied in {time.monotonic() - started:.1f} s (suffix {self.suffix})")
        outputs = self.ws.output()
        self.pair = Pair(self.aws, self.standin.url, outputs["drill"])
        self.primary = self.pair.side_region["primary"]
        self.secondary = self.pair.side_region["secondary"]
        print(f"RTO budget (plan time): {outputs.get('rto_budget_seconds')} s {outputs.get('rto_breakdown')}")
        print(f"RPO bounds: {outputs.get('rpo_bounds')}")
        self.objectives = {k: outputs.get(k) for k in ("rto_budget_seconds", "rto_breakdown", "rpo_bounds")}

    # ---- orders --------------------------------------------------------------------------------
    def send_order(self, order_id):
        """POST one order to the region DNS names now, then one poll of that region's mappings.
        Returns (side, status) where side is the region DNS sent it to."""
        side, _ = self.pair.dns()
        if side is None:
            return None, "DNS names neither API"
        region = self.pair.side_region[side]
        order = {"order_id": order_id, "account": "drill", "symbol": "ACME", "side": "BUY", "quantity": 1,
                 "price": "10.00"}
        status, body, function_arn = self.api.post(region, self.pair.out["record_name"], "/orders", order)
        if status == 202:
            self.esm.poll(region, function_arn)
        return side, status

    def write_orders(self):
        self.step(f"writing {self.args.orders} orders through the primary (API -> queue -> mapping -> table)")
        self.timeline.mark("orders_started", "first order sent (primary)", source="drill clock")
        for i in range(self.args.orders):
            order_id = f"drill-{self.suffix}-{i:03d}"
            side, status = self.send_order(order_id)
            if (side, status) != ("primary", 202):
                raise DrillFailed(f"order {order_id}: DNS sent it to {side}, API answered {status}")
            self.orders.append(order_id)
        # Anything still queued (a failed record waits for the next poll) is delivered now.
        for _ in range(10):
            if not self.esm.poll(self.primary, self.pair.out["pipeline"]["primary"]["function_name"])[0]:
                break
        missing = [o for o in self.orders if not self.pair.order("primary", o)]
        if missing:
            raise DrillFailed(f"{len(missing)} orders not in the table after processing: {missing[:5]}")
        self.timeline.mark("orders_written", f"{len(self.orders)} orders stored (primary)", source="drill clock")
        print(f"{len(self.orders)} orders stored, processed in {self.primary}")

    def wait_heartbeats(self):
        """Both peer-down alarms OK before the outage: a failover is triggered by the change
        OK -> ALARM, and right after create the alarms start in ALARM (missing data breaches)."""
        self.step("waiting until each region hears the other's heartbeats (both peer-down alarms OK)")

        def both_ok():
            states = {side: self.pair.peer_down(side)[0] for side in ("primary", "secondary")}
            if set(states.values()) == {"OK"}:
                self.timeline.mark("heartbeats_ok", "both peer-down alarms OK", source="drill clock (poll)")
            return states

        self.watch("heartbeats", [("peer-down alarms", both_ok)], lambda: self.missing("heartbeats_ok"),
                   timeout=self.args.timeout)

    # ---- watching ------------------------------------------------------------------------------
    def observe(self, name, fn):
        """Run one observer; an AWS error (e.g. the region in outage) is remembered, not fatal."""
        try:
            fn()
        except (ClientError, BotoCoreError, OSError, KeyError, IndexError, StopIteration) as exc:
            self.errors[name] = f"{type(exc).__name__}: {exc}"

    def watch(self, what, observers, done, timeout):
        """Poll the observers until done() or the timeout; DrillFailed names what is missing."""
        deadline = time.monotonic() + timeout
        while True:
            for name, fn in observers:
                self.observe(name, fn)
            missing = done()
            if not missing:
                return
            if time.monotonic() > deadline:
                errors = "; ".join(f"{k}: {v}" for k, v in self.errors.items())
                raise DrillFailed(f"{what}: not observed within {timeout:.0f} s: {', '.join(missing)}"
                                  + (f" (last errors: {errors})" if errors else ""))
            time.sleep(self.args.poll)

    def missing(self, *names):
        return [n for n in names if n not in self.timeline.points]

    def see_alarm(self, point, label, want, since):
        if point in self.timeline.points:
            return
        state, changed = self.pair.peer_down("secondary")
        if state == want and changed is not None and changed >= since:
            self.timeline.mark(point, label, at=changed, source="secondary's peer-down alarm StateUpdatedTimestamp")

    def see_execution(self, action, since, call, prefix, side="secondary"):
        """Mark <prefix>_started/_ended and the call's points for the first `action` execution
        of side's state machine started after `since`."""
        if f"{prefix}_ended" in self.timeline.points:
            return
        ex = next((e for e in self.pair.executions(side, since)
                   if isinstance(e["input"], dict) and e["input"].get("action") == action), None)
        if ex is None:
            return
        self.execution[prefix] = ex
        self.timeline.mark(f"{prefix}_started", f"{action} execution started ({side})", at=ex["start"],
                           source="execution startDate")
        points = history_points(self.pair.history(side, ex["arn"]), call)
        labels = {"called": (f"{prefix}_called", f"{call} called ({side})"),
                  "synced": (SYNCED[prefix], f"writer confirmed, active region synced ({side})")}
        for key, (point, label) in labels.items():
            if key in points:
                self.timeline.mark(point, label, at=points[key], source="execution history (TaskScheduled)")
        if ex["stop"] is not None:
            result = (ex["output"] or {}).get("result") if isinstance(ex["output"], dict) else ex["error"]
            self.timeline.mark(f"{prefix}_ended", f"{action} execution ended ({side}): {ex['status']} {result}",
                               at=ex["stop"], source="execution stopDate")

    def see_dns(self, side, point):
        if point in self.timeline.points:
            return
        got, alias = self.pair.dns()
        if got == side:
            self.timeline.mark(point, f"DNS answers {side.upper()} ({alias})", source="resolver, polled")

    def probe_order(self, side, point):
        """Once DNS names `side`: send the probe order; marked when it is readable, processed there."""
        if point in self.timeline.points or self.pair.dns()[0] != side:
            return
        order_id = f"drill-{self.suffix}-{side}-first"
        self.send_order(order_id)
        stored = self.pair.order(side, order_id)
        if stored and stored.get("processed_in") == self.pair.side_region[side]:
            self.orders.append(order_id)
            self.timeline.mark(point, f"first order accepted in the {side}", source="order read back, polled")

    # ---- failover -------------------------------------------------------------------------------
    def fail_over(self):
        p = self.pair.out["api"]["primary"]
        self.step(f"outage: {self.primary} answers 503 to everything, its endpoint {p['health_fqdn']} fails")
        self.standin.faults(outage_regions=[self.primary], unhealthy_endpoints=[p["health_fqdn"]])
        t0 = self.timeline.mark("outage", f"outage injected ({self.primary})", source="drill clock").at
        self.step("waiting for the orchestrator (the drill starts nothing itself)")
        interval, missed = self.args.heartbeat_interval, self.args.missed_heartbeats
        self.watch("failover", [
            ("detection", lambda: self.see_alarm("detected", "peer-down alarm ALARM (secondary)", "ALARM", t0)),
            ("execution", lambda: self.see_execution("failover", t0, "failoverGlobalCluster", "failover")),
            ("dns", lambda: self.see_dns("secondary", "dns_secondary")),
            ("first order", lambda: self.probe_order("secondary", "first_order_secondary")),
        ], lambda: self.missing("detected", "failover_started", "promoted", "failover_ended", "dns_secondary",
                                "first_order_secondary"),
            timeout=self.args.timeout + interval * missed)
        ex = self.execution["failover"]
        self.check("failover execution succeeded and promoted the secondary",
                   ex["status"] == "SUCCEEDED" and (ex["output"] or {}).get("result") == "promoted",
                   f"{ex['status']} {ex['output'] or ex['error']} (trigger {ex['input'].get('trigger')})")
        writer = self.pair.writer_side("secondary")
        self.check("global cluster writer is in the secondary", writer == "secondary", f"writer: {writer}")
        side, alias = self.pair.dns()
        self.check("DNS answers the secondary", side == "secondary", alias)
        self.check_orders("secondary", "after failover")

    def check_orders(self, side, when):
        missing = [o for o in self.orders if not self.pair.order(side, o)]
        self.check(f"every order written is readable in the {side} {when}", not missing,
                   f"{len(self.orders) - len(missing)}/{len(self.orders)} readable"
                   + (f", missing {missing[:5]}" if missing else ""))

    # ---- failback -------------------------------------------------------------------------------
    def fail_back(self):
        self.step(f"restoring {self.primary}")
        self.standin.reset_faults()
        t1 = self.timeline.mark("restored", f"primary restored ({self.primary})", source="drill clock").at
        # Plan while the pair is still failed over (the orchestrator waits failback_after_seconds
        # before it switches back); the plan runs beside the watch so no point is measured late.
        plan = self.plan_job = Background(
            lambda: self.plan_empty("after failover (primary back, writer still in the secondary)"))
        self.watch("failback", [
            ("recovery", lambda: self.see_alarm("recovered", "peer-down alarm OK (secondary)", "OK", t1)),
            ("execution", lambda: self.see_execution("recovered", t1, "switchoverGlobalCluster", "failback")),
            # The failback must be the secondary's planned switchover; an unplanned failover
            # started by the primary itself on recovery (its view: the peer went silent) is a flap.
            ("primary", lambda: self.see_execution("failover", t1, "failoverGlobalCluster", "primary_failover",
                                                   side="primary")),
            ("primary alarm", lambda: self.see_primary_alarm(self.timeline.origin)),
            ("dns", lambda: self.see_dns("primary", "dns_primary")),
            ("mappings", self.see_mappings),
            ("first order", lambda: self.probe_order("primary", "first_order_primary")),
        ], self.failback_missing(plan), timeout=self.args.timeout + self.args.failback_after)
        plan.result()
        called = self.timeline.points.get("failback_called")
        if called is not None and plan.finished_at > called.at:
            self.timeline.notes.append("the plan 'after failover' ended after the failback switchover began")
        ex = self.execution["failback"]
        self.check("failback execution succeeded (switchover home)", ex["status"] == "SUCCEEDED",
                   f"{ex['status']} {ex['output'] or ex['error']}")
        primary = self.execution.get("primary_failover")
        self.check("no unplanned failover started by the primary on its recovery", primary is None
                   or (primary["output"] or {}).get("result") in ("peer_alive", "already_active", "busy"),
                   f"{primary['status']} {primary['output'] or primary['error']}" if primary else "")
        writer = self.pair.writer_side("primary")
        self.check("global cluster writer is in the primary again", writer == "primary", f"writer: {writer}")
        side, alias = self.pair.dns()
        self.check("DNS answers the primary", side == "primary", alias)
        states = {s: self.pair.esm_states(s) for s in ("primary", "secondary")}
        self.check("event source mappings: primary fenced while failed away from, Enabled after the failback; "
                   "the secondary still consuming (a planned switchover fences nobody)",
                   "primary_fenced" in self.timeline.points
                   and all(v == "Enabled" for side in states.values() for v in side.values()), str(states))
        active = {s: self.pair.active_region(s) for s in ("primary", "secondary")}
        self.check("active-region parameter is the primary in both regions",
                   set(active.values()) == {self.primary}, str(active))
        self.check_orders("primary", "after failback")
        self.plan_empty("after failback")

    def failback_missing(self, plan):
        def missing():
            ended = self.execution.get("failback")
            if ended and ended["stop"] is not None and "failback_called" not in self.timeline.points:
                primary = self.execution.get("primary_failover")
                raise DrillFailed(
                    f"the secondary's recovered execution ended {ended['status']} {ended['output'] or ended['error']} "
                    "without a switchover home" + (
                        f"; the PRIMARY had started its own failover at "
                        f"{self.timeline.seconds('primary_failover_started'):+.1f} s: {primary['status']} "
                        f"{primary['output'] or primary['error']} (input {primary['input']})" if primary else ""))
            return self.missing("recovered", "failback_started", "failed_back", "failback_ended", "dns_primary",
                                "primary_fenced", "esms_home", "first_order_primary") + ([] if plan.done() else ["plan"])
        return missing

    def see_primary_alarm(self, since):
        """The primary's own peer-down alarm in ALARM since the outage began (it watches the
        secondary's heartbeats, which did not reach it during the outage): the cause of a
        self-failover once the primary is back, recorded with the reason CloudWatch gives."""
        if "primary_peer_down" in self.timeline.points:
            return
        name = self.pair.out["orchestrator"]["primary"]["peer_down_alarm_name"]
        alarm = self.aws.client("cloudwatch", self.primary).describe_alarms(AlarmNames=[name])["MetricAlarms"][0]
        if alarm["StateValue"] == "ALARM" and utc(alarm["StateUpdatedTimestamp"]) >= since:
            self.timeline.mark("primary_peer_down", "peer-down alarm ALARM (PRIMARY, about the secondary)",
                               at=alarm["StateUpdatedTimestamp"], source="primary's peer-down alarm StateUpdatedTimestamp")
            self.timeline.notes.append(f"{name}: {alarm['StateReason']}")

    def see_mappings(self):
        """The spec's sync: a region failed away from is fenced (its mappings Disabled) once it is
        reachable; the active region's are Enabled; a planned switchover fences nobody."""
        states = {s: set(self.pair.esm_states(s).values()) for s in ("primary", "secondary")}
        if states == {"primary": {"Disabled"}, "secondary": {"Enabled"}}:
            self.timeline.mark("primary_fenced", "mappings: primary Disabled, secondary Enabled",
                               source="Lambda ListEventSourceMappings, polled")
        if "failback_called" in self.timeline.points and states["primary"] == {"Enabled"}:
            self.timeline.mark("esms_home", "mappings: primary Enabled again",
                               source="Lambda ListEventSourceMappings, polled")

    def plan_empty(self, when):
        res = self.ws.run("plan", "-input=false", "-no-color", "-detailed-exitcode", ok_codes=(0, 1, 2))
        detail = {0: "exit 0", 1: "plan failed", 2: "changes planned"}[res.returncode]
        if res.returncode:
            detail += ":\n" + "\n".join((res.stdout + res.stderr).splitlines()[-40:])
        return self.check(f"terraform plan -detailed-exitcode is empty {when}", res.returncode == 0, detail)

    # ---- teardown and report ------------------------------------------------------------------
    def destroy(self):
        self.step("terraform destroy, then sweep both regions")
        self.standin.reset_faults()
        res = self.ws.run("destroy", "-auto-approve", "-input=false", "-no-color", ok_codes=(0, 1))
        if not self.check("terraform destroy", res.returncode == 0, res.stderr.strip()[-1500:]):
            return
        left = self.aws.sweep(self.suffix) + sweep_orchestrator(self.aws, self.suffix)
        # Lambda creates /aws/lambda/<function> itself on the first invocation (moto does too when
        # SendMessage makes it try to run a function); no resource creates or owns it.
        runtime_logs = [x for x in left if " log-group /aws/lambda/" in x]
        if runtime_logs:
            self.timeline.notes.append("left by Lambda's own logging, not by a resource: " + "; ".join(runtime_logs))
        left = [x for x in left if x not in runtime_logs]
        self.check("destroy leaves nothing in either region", not left, "; ".join(left))

    def report(self):
        out = Path(self.args.out)
        out.mkdir(parents=True, exist_ok=True)
        tl = self.timeline
        config = {"orders": self.args.orders, "heartbeat_interval_seconds": self.args.heartbeat_interval,
                  "missed_heartbeats": self.args.missed_heartbeats,
                  "failback_after_seconds": self.args.failback_after, "suffix": self.suffix,
                  **getattr(self, "objectives", {})}
        (out / "timeline.json").write_text(tl.to_json(PHASES, self.checks, config) + "\n")
        bars = [(ph.label, s, e, ph.group) for ph, s, e in tl.bars(PHASES)]
        markers = [(tl.points[n].label, tl.seconds(n)) for n in ("outage", "restored") if n in tl.points]
        (out / "timeline.svg").write_text(svg.render("drpair failover drill: seconds since the outage", bars, markers))
        self.step("timeline (seconds since the outage was injected)")
        print(tl.table())
        print("\nphases:")
        for ph, start, end in tl.bars(PHASES):
            print(f"  {end - start:7.1f} s  {ph.label}")
        for note in tl.notes:
            print(f"note: {note}")
        failed = [c for c in self.checks if not c["ok"]]
        print(f"\nwrote {out / 'timeline.json'} and {out / 'timeline.svg'}")
        print(f"{len(self.checks) - len(failed)}/{len(self.checks)} checks passed")
        for c in failed:
            print(f"FAILED: {c['check']}: {c['detail']}")
        if failed and self.standin is not None:
            # Without access lines (4xx answers are normal: not-found probes) or moto's attempts
            # to run functions in Docker (see runtime.EventSourceMapping).
            lines = [ln for ln in self.standin.log_tail(400).splitlines()
                     if not REQUEST_LINE.search(ln) and "error running docker" not in ln]
            print("\nstand-in log tail:\n" + "\n".join(ln[:300] for ln in lines[-20:]))
        if self.args.keep or failed:
            print(f"kept {self.work} (workspace, terraform.log, standin.log)")


def terraform_words(text):
    """The first line and the stderr section of a harness TerraformError, without the debug log."""
    head = text.splitlines()[0] if text else ""
    stderr = text.split("--- stderr ---", 1)[-1].split("--- terraform.log", 1)[0].strip()
    return f"{head}\n{stderr[-1500:]}"


# The point each execution's "writer confirmed, synced" moment is recorded as.
SYNCED = {"failover": "promoted", "failback": "failed_back", "primary_failover": "primary_promoted"}


def sweep_orchestrator(aws, suffix):
    """What the orchestrator owns that aws.sweep() does not list: state machines, SSM parameters."""
    left = []
    for region in aws_mod.REGIONS:
        sfn = aws.client("stepfunctions", region)
        for page in sfn.get_paginator("list_state_machines").paginate():
            left += [f"{region} state-machine {m['name']}" for m in page["stateMachines"] if suffix in m["name"]]
        ssm = aws.client("ssm", region)
        for page in ssm.get_paginator("describe_parameters").paginate():
            left += [f"{region} ssm-parameter {p['Name']}" for p in page["Parameters"] if suffix in p["Name"]]
    return left


class Background:
    """A call on a thread: done(), result() (re-raises), and when it finished."""

    def __init__(self, fn):
        self.value = self.error = None
        self.finished_at = None
        self._thread = threading.Thread(target=self._run, args=(fn,), daemon=True)
        self._thread.start()

    def _run(self, fn):
        try:
            self.value = fn()
        except BaseException as exc:  # noqa: BLE001 - handed to result()
            self.error = exc
        self.finished_at = now()

    def done(self):
        return not self._thread.is_alive()

    def result(self):
        self._thread.join()
        if self.error is not None:
            raise self.error
        return self.value


def main(argv=None):
    p = argparse.ArgumentParser(description=__doc__.splitlines()[0],
                                formatter_class=argparse.ArgumentDefaultsHelpFormatter)
    p.add_argument("--orders", type=int, default=20, help="orders written through the primary before the outage")
    p.add_argument("--heartbeat-interval", type=int, default=10, help="heartbeat_interval_seconds")
    p.add_argument("--missed-heartbeats", type=int, default=3, help="missed_heartbeats")
    p.add_argument("--failback-after", type=int, default=60, help="failback_after_seconds")
    p.add_argument("--timeout", type=float, default=240, help="seconds each half may take beyond its own waits")
    p.add_argument("--poll", type=float, default=0.5, help="seconds between polls")
    p.add_argument("--out", default=str(ROOT / "drill" / "out"), help="where timeline.json and .svg go")
    p.add_argument("--keep", action="store_true", help="keep the work dir (workspace, logs)")
    args = p.parse_args(argv)
    if not os.environ.get("DRPAIR_PROVIDER_BIN"):
        print("note: DRPAIR_PROVIDER_BIN not set, using the debug build in the shared target dir")
    return Drill(args).run()
