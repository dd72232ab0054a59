"""`make bench`: provider overhead, refresh cost, apply efficiency against the critical path
and the drill's failover timeline, one run, a table and bench/results.json.

Reuses the acceptance harness (acceptance-tests/harness): a private filesystem mirror of the
provider, a stand-in on a free port, terraform driven in temp dirs. Method and latest figures:
bench/README.md. Environment:
  DRPAIR_PROVIDER_BIN   provider binary (default: the debug build in the shared target dir)
  DRPAIR_BENCH_RUNS     samples for the start-up figures (default 15)
  DRPAIR_BENCH_OUT      where to write the JSON (default bench/results.json)
  DRPAIR_BENCH_DELAY    the stand-in's create_delay_seconds for apply efficiency (default 40)
  DRPAIR_DRILL_TIMELINE the drill's timeline.json to report (default drill/out/timeline.json)
"""
import datetime
import json
import math
import os
import platform
import re
import shutil
import statistics
import subprocess
import sys
import tempfile
import threading
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT / "acceptance-tests"))

# go-plugin's handshake: the provider refuses to serve without the cookie.
MAGIC_COOKIE = "d602bf8f470bc67ca7faa0386276bbdd4330efaf76d1a219cb4d6991ca9872b2"
# Route 53 API quota: 5 requests per second per AWS account.
ROUTE53_RPS = 5
BINARY_NAME = "terraform-provider-drpair"
# ListHealthChecks as the stand-in's counter labels it (standin/drpair_standin/counters.py).
LIST_HEALTH_CHECKS = "GET /{id}/healthcheck"
SUFFIX = "bench01"
EXAMPLES = ROOT / "examples"
# The full pair as it exists today, in dependency order; each example contributes its
# resource blocks (terraform/provider/variable/output blocks are dropped, see full_pair_hcl).
PAIR_EXAMPLES = ["network", "global-database", "session-table", "replicated-bucket", "parameters",
                 "event-bus", "order-stack"]
# The example inputs that the full pair wires to other resources or to fixed values.
REPLACEMENTS = {
    "var.primary_cidr": '"10.20.0.0/16"',
    "var.secondary_cidr": '"10.21.0.0/16"',
    "var.primary_subnet_ids": "drpair_network.core.primary.subnet_ids",
    "var.secondary_subnet_ids": "drpair_network.core.secondary.subnet_ids",
    "var.primary_security_group_ids": "[drpair_network.core.primary.database_security_group_id]",
    "var.secondary_security_group_ids": "[drpair_network.core.secondary.database_security_group_id]",
    "var.master_password": '"correct-horse-battery"',
    "var.api_token": '"bench-token"',
    "var.replay_window": "null",
}


# ---- pure helpers (exercised by acceptance-tests/test_bench.py) -----------------------------
def summary(samples):
    """{min, median, max, n} of a list of numbers (milliseconds here), rounded to 0.1."""
    return {"min": round(min(samples), 1), "median": round(statistics.median(samples), 1),
            "max": round(max(samples), 1), "n": len(samples)}


def pairs_per_account_per_minute(route53_calls_per_plan, rps=ROUTE53_RPS):
    """How many DR pairs one account can refresh in 60 s under Route 53's request quota."""
    if route53_calls_per_plan <= 0:
        return None  # no Route 53 call: Route 53 does not bound it
    return math.floor(rps * 60 / route53_calls_per_plan)


def pairs_per_minute_sharing_checks(other_calls, checks_per_pair, page_size=100, rps=ROUTE53_RPS):
    """The same budget when every pair's refresh also lists all the account's health checks
    (ListHealthChecks, page_size a page): with P pairs each refresh costs
    other_calls + ceil(checks_per_pair * P / page_size) calls. The largest P that fits."""
    budget, pairs = rps * 60, 0
    while True:
        p = pairs + 1
        if p * (other_calls + max(1, math.ceil(checks_per_pair * p / page_size))) > budget:
            return pairs
        pairs = p


def vm_hwm_kib(status_text):
    """VmHWM (peak resident set, KiB) from a /proc/<pid>/status text, or None."""
    m = re.search(r"^VmHWM:\s+(\d+)\s+kB", status_text, re.M)
    return int(m.group(1)) if m else None


def top_level_blocks(hcl):
    """[(block type, text)] of an HCL file's top-level blocks, by brace counting outside
    strings and comments (enough for our examples; not a general HCL parser)."""
    blocks, depth, start, i, n = [], 0, None, 0, len(hcl)
    in_str = False
    while i < n:
        c = hcl[i]
        if in_str:
            if c == "\\":
                i += 2
                continue
            if c == '"':
                in_str = False
        elif c == '"':
            in_str = True
        elif c == "#" or hcl.startswith("//", i):
            i = hcl.find("\n", i)
            if i < 0:
                break
            continue
        elif c == "{":
            if depth == 0:
                start = hcl.rfind("\n", 0, i) + 1
            depth += 1
        elif c == "}":
            depth -= 1
            if depth == 0:
                text = hcl[start:i + 1]
                blocks.append((text.split()[0], text))
        i += 1
    return blocks


def full_pair_hcl(provider_block, package_path, examples=EXAMPLES, names=PAIR_EXAMPLES):
    """The provider block plus every example's resources, with inputs wired (REPLACEMENTS)."""
    parts = [provider_block]
    for name in names:
        for path in sorted((examples / name).glob("*.tf")):
            for kind, text in top_level_blocks(path.read_text()):
                if kind != "resource":
                    continue
                for old, new in REPLACEMENTS.items():
                    text = text.replace(old, new)
                text = text.replace('"${path.module}/../../lambda/dist/order-processor.zip"',
                                    json.dumps(str(package_path)))
                parts.append(f"# from examples/{name}\n{text}\n")
    return "\n".join(parts)


def resource_addresses(hcl):
    return re.findall(r'^resource "([^"]+)" "([^"]+)"', hcl, re.M)


# Apply efficiency: how many create delays of the stand-in (create_delay_seconds, D) each
# resource type must wait through *in sequence*, whatever the provider does (bench/README.md):
# - drpair_global_database: the writer cluster (D); a secondary cluster can join the global
#   cluster only once the primary cluster is available (D); a DB instance is created in an
#   available cluster (D, the reader's; the writer's instances wait in parallel).
# - drpair_session_table: the replica in the other region (D).
# Everything else has no delay on the stand-in (0). The bound also counts the dependencies
# between resources (a resource starts when those it references are complete).
DELAY_CHAIN = {"drpair_global_database": 3, "drpair_session_table": 1}
# The looser reading, where AWS accepts an instance while its cluster is still creating.
DELAY_CHAIN_LOOSE = {"drpair_global_database": 2, "drpair_session_table": 1}
TRADING_PLATFORM = EXAMPLES / "trading-platform" / "main.tf"


def resource_graph(hcl):
    """{address: set of addresses it references} for every resource block of an HCL text."""
    blocks = [text for kind, text in top_level_blocks(hcl) if kind == "resource"]
    addresses = {}
    for text in blocks:
        m = re.match(r'resource "([^"]+)" "([^"]+)"', text)
        addresses[f"{m.group(1)}.{m.group(2)}"] = text
    return {addr: {other for other in addresses
                   if other != addr and re.search(r"\b" + re.escape(other) + r"\b", text)}
            for addr, text in addresses.items()}


def critical_path(graph, chain, delay):
    """(seconds, [addresses]) of the longest chain of delays through the dependency graph:
    each resource costs chain[its type] * delay and starts after all it references."""
    memo = {}

    def longest(addr):
        if addr not in memo:
            own = chain.get(addr.split(".")[0], 0) * delay
            best = max((longest(dep) for dep in graph[addr]), default=(0.0, []))
            memo[addr] = (best[0] + own, best[1] + [addr])
        return memo[addr]

    return max((longest(a) for a in graph), key=lambda x: (x[0], len(x[1])))


def drill_figures(path):
    """The drill's phases ({label: seconds}) from its timeline.json, or None if absent."""
    try:
        data = json.loads(Path(path).read_text())
    except (OSError, ValueError):
        return None
    points = {pt["name"]: pt["seconds"] for pt in data.get("points", [])}
    out = {"source": str(path), "origin": data.get("origin"),
           "phases": {ph["label"]: ph["seconds"] for ph in data.get("phases", [])},
           "checks_ok": all(c.get("ok") for c in data.get("checks", [])),
           "checks_failed": [c.get("check") for c in data.get("checks", []) if not c.get("ok")],
           "config": data.get("config", {})}
    # Our orchestration on top of the AWS step, from the failover execution's own history:
    # execution start -> FailoverGlobalCluster called (decision, lock, checks), and writer
    # confirmed -> execution end (bookkeeping). The AWS step is called -> writer confirmed.
    names = ("failover_started", "failover_called", "promoted", "failover_ended")
    if all(points.get(n) is not None for n in names):
        start, called, promoted, ended = (points[n] for n in names)
        out["orchestration_overhead_seconds"] = round((called - start) + (ended - promoted), 2)
        out["aws_promotion_step_seconds"] = round(promoted - called, 2)
    return out


def render_table(results):
    """The human-readable table of a results dict (what `make bench` prints)."""
    rows = []
    o = results["provider_overhead"]
    for key, label in (("handshake_ms", "provider start -> go-plugin handshake (ms)"),
                       ("schema_ms", "schema -json minus empty config (ms)"),
                       ("schema_ms_stripped_binary", "  same, stripped debug copy installed (ms)")):
        s = o.get(key)
        if s:
            rows.append((label, f"min {s['min']} / median {s['median']} / max {s['max']} (n={s['n']})"))
    if o.get("peak_rss_mib") is not None:
        rows.append(("peak RSS of the provider during plan (MiB)", f"{o['peak_rss_mib']}"))
    for key, label in (("stripped_debug_bytes", "binary size, stripped DEBUG build (MiB)"),
                       ("stripped_release_bytes", "binary size, stripped release build (MiB)")):
        if o.get(key):
            rows.append((label, f"{o[key] / 2**20:.1f}"))
    r = results.get("refresh_cost")
    if r:
        rows.append(("resources in the full pair", str(r["resources"])))
        rows.append(("AWS calls per plan (total)", str(r["calls_total"])))
        for service, n in r["calls_by_service"].items():
            rows.append((f"  {service}", str(n)))
        rows.append(("Route 53 calls per plan", str(r["route53_calls_per_plan"])))
        rows.append(("pairs per account per minute (Route 53, 5 rps)",
                     str(r["pairs_per_account_per_minute"])))
        if r.get("pairs_per_account_per_minute_sharing_checks") is not None:
            rows.append((f"  if all pairs' checks ({r['health_checks_per_pair']}/pair) share the account",
                         str(r["pairs_per_account_per_minute_sharing_checks"])))
        rows.append(("context: plan wall time (s)", f"{r['plan_seconds']:.1f}"))
        rows.append(("context: apply wall time (s)", f"{r['apply_seconds']:.1f}"))
    e = results.get("apply_efficiency")
    if e:
        rows.append((f"apply of trading-platform, create delay D = {e['delay_seconds']:g} s (s)",
                     f"{e['apply_seconds']:.1f}"))
        rows.append(("  critical-path lower bound (s)",
                     f"{e['lower_bound_seconds']:.0f} ({' -> '.join(e['critical_path'])})"))
        rows.append(("  apply efficiency = apply / bound (goal <= 1.15)", f"{e['ratio']:.2f}"))
        rows.append(("  same, looser bound (instances during cluster create)",
                     f"{e['ratio_loose']:.2f} (bound {e['lower_bound_loose_seconds']:.0f} s)"))
        if e.get("apply_seconds_no_delay") is not None:
            rows.append(("  context: same apply with no delays (s)", f"{e['apply_seconds_no_delay']:.1f}"))
    d = results.get("failover")
    if d:
        for label, secs in d["phases"].items():
            rows.append((f"drill: {label} (s)", "not observed" if secs is None else f"{secs:.1f}"))
        if d.get("orchestration_overhead_seconds") is not None:
            rows.append(("drill: orchestration overhead on top of the AWS step (s)",
                         f"{d['orchestration_overhead_seconds']:.1f} (AWS step {d['aws_promotion_step_seconds']:.1f})"))
        if not d["checks_ok"]:
            rows.append(("drill: checks failed", "; ".join(d["checks_failed"])[:120]))
    elif "failover" in results:
        rows.append(("drill: failover timeline", "TODO: no drill/out/timeline.json (run `make drill`)"))
    width = max(len(a) for a, _ in rows)
    head = f"drpair bench {results['date']} on {results['machine']['cpus']} CPUs ({results['machine']['cpu_model']})"
    return "\n".join([head, "-" * len(head)] + [f"{a.ljust(width)}  {b}" for a, b in rows])


# ---- measurements ---------------------------------------------------------------------------
def machine_facts():
    cpu_model = "unknown"
    try:
        m = re.search(r"^model name\s*:\s*(.+)$", Path("/proc/cpuinfo").read_text(), re.M)
        cpu_model = m.group(1).strip() if m else cpu_model
        mem = re.search(r"^MemTotal:\s+(\d+)", Path("/proc/meminfo").read_text(), re.M)
        mem_gib = round(int(mem.group(1)) / 2**20, 1) if mem else None
    except OSError:
        mem_gib = None
    tf = subprocess.run(["terraform", "version", "-json"], capture_output=True, text=True,
                        env=dict(os.environ, CHECKPOINT_DISABLE="1", TF_CLI_CONFIG_FILE=os.devnull))
    return {"cpus": os.cpu_count(), "cpu_model": cpu_model, "mem_gib": mem_gib,
            "kernel": platform.release(), "python": platform.python_version(),
            "terraform": json.loads(tf.stdout).get("terraform_version") if tf.returncode == 0 else None}


def handshake_ms(binary, runs):
    """Spawn the provider as go-plugin does; time until its handshake line is on stdout."""
    env = dict(os.environ, TF_PLUGIN_MAGIC_COOKIE=MAGIC_COOKIE, PLUGIN_PROTOCOL_VERSIONS="6")
    for k in ("TF_LOG", "TF_LOG_PATH", "TF_LOG_PROVIDER"):
        env.pop(k, None)
    samples = []
    for _ in range(runs):
        t0 = time.perf_counter()
        proc = subprocess.Popen([str(binary)], stdout=subprocess.PIPE, stderr=subprocess.DEVNULL, env=env)
        line = proc.stdout.readline()
        samples.append((time.perf_counter() - t0) * 1000)
        proc.terminate()
        proc.wait(10)
        if not line.startswith(b"1|6|"):
            raise RuntimeError(f"unexpected handshake line {line!r}")
    return samples


def schema_ms(env, base, runs, tag="debug"):
    """`terraform providers schema -json` with the provider minus the same with no config, run
    in pairs: terraform's own start cancels out, leaving provider start + GetProviderSchema +
    terraform decoding and printing the schema. {"provider": [ms], "empty": [ms]}."""
    from harness import Workspace
    with_p = Workspace(base / f"schema-provider-{tag}", env)
    with_p.write('terraform {\n  required_providers {\n    drpair = { source = "drpair/drpair" }\n  }\n}\n')
    with_p.init()
    empty = Workspace(base / f"schema-empty-{tag}", env)
    empty.write("# no configuration\n")
    for ws in (with_p, empty):
        ws.env = {k: v for k, v in ws.env.items() if k not in ("TF_LOG", "TF_LOG_PATH")}
    times = {"provider": [], "empty": []}
    for _ in range(runs):  # interleaved, so drift in machine load hits both alike
        for key, ws in (("provider", with_p), ("empty", empty)):
            t0 = time.perf_counter()
            ws.run("providers", "schema", "-json")
            times[key].append((time.perf_counter() - t0) * 1000)
    return times


class RssWatcher:
    """Polls /proc for processes whose executable is the provider under `under` (our mirror:
    not another test run's provider) and keeps each one's VmHWM."""

    def __init__(self, under, interval=0.02):
        self.under = os.path.realpath(under) + os.sep
        self.interval = interval
        self.peaks = {}
        self._stop = threading.Event()
        self._thread = threading.Thread(target=self._run, daemon=True)

    def __enter__(self):
        self._thread.start()
        return self

    def __exit__(self, *exc):
        self._stop.set()
        self._thread.join()

    def _run(self):
        while not self._stop.is_set():
            for entry in os.scandir("/proc"):
                if not entry.name.isdigit():
                    continue
                try:
                    exe = os.readlink(f"/proc/{entry.name}/exe")
                    if not (exe.startswith(self.under) and os.path.basename(exe).startswith(BINARY_NAME)):
                        continue
                    kib = vm_hwm_kib(Path(f"/proc/{entry.name}/status").read_text())
                except OSError:
                    continue
                if kib is not None:
                    self.peaks[entry.name] = max(kib, self.peaks.get(entry.name, 0))
            self._stop.wait(self.interval)


def build_package(out):
    """lambda/dist/order-processor.zip's bytes, built into `out` as `make lambda` builds them."""
    import importlib.util
    spec = importlib.util.spec_from_file_location("drpair_lambda_build", ROOT / "lambda" / "build.py")
    mod = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(mod)
    mod.build(str(out))


def refresh_cost(env, base, standin_url):
    """Apply the full pair, then count the stand-in's requests during one `terraform plan`."""
    import configs
    from harness import Workspace
    package = base / "order-processor.zip"
    build_package(package)
    hcl = full_pair_hcl(configs.provider(standin_url, SUFFIX), package)
    ws = Workspace(base / "pair", env)
    ws.write(hcl)
    ws.init()
    t0 = time.perf_counter()
    ws.apply()
    apply_s = time.perf_counter() - t0
    ws.env = {k: v for k, v in ws.env.items() if k not in ("TF_LOG", "TF_LOG_PATH")}
    _http(standin_url + "/drpair/requests", "DELETE")
    with RssWatcher(base) as rss:
        t0 = time.perf_counter()
        res = ws.run("plan", "-input=false", "-no-color", "-detailed-exitcode", ok_codes=(0, 2))
        plan_s = time.perf_counter() - t0
    counts = _http(standin_url + "/drpair/requests")
    r53 = counts["by_service"].get("route53", 0)
    # ListHealthChecks pages through every check in the account, so its share grows with the
    # number of pairs sharing the account: count this pair's checks to model that.
    import aws as aws_mod
    checks = len(aws_mod.Aws(standin_url).client("route53", configs.PRIMARY)
                 .list_health_checks()["HealthChecks"])
    listing = counts["by_operation"].get("route53", {}).get(LIST_HEALTH_CHECKS, 0)
    return {
        "resources": len(resource_addresses(hcl)),
        "resource_addresses": [f"{t}.{n}" for t, n in resource_addresses(hcl)],
        "calls_total": counts["total"],
        "calls_by_service": counts["by_service"],
        "calls_by_operation": counts["by_operation"],
        "route53_calls_per_plan": r53,
        "pairs_per_account_per_minute": pairs_per_account_per_minute(r53),
        "route53_list_health_checks_per_plan": listing,
        "health_checks_per_pair": checks,
        "pairs_per_account_per_minute_sharing_checks": (
            pairs_per_minute_sharing_checks(r53 - listing, checks) if listing else None),
        "plan_empty": res.returncode == 0,
        "plan_seconds": round(plan_s, 2),
        "apply_seconds": round(apply_s, 2),
    }, rss.peaks


def apply_efficiency(env, base, delay):
    """Wall time of `terraform apply` of examples/trading-platform on a fresh stand-in whose
    clusters, instances and DynamoDB replicas take `delay` s to become available, against the
    critical-path lower bound of those delays; and the same apply with no delay, for context."""
    import fullpair
    from harness import StandIn, Workspace
    packages = fullpair.build_packages(base / "packages")
    hcl = fullpair.hcl(packages)
    graph = resource_graph(hcl)
    bound, path = critical_path(graph, DELAY_CHAIN, delay)
    loose, _ = critical_path(graph, DELAY_CHAIN_LOOSE, delay)
    out = {"delay_seconds": delay, "resources": len(graph), "lower_bound_seconds": bound,
           "critical_path": path, "lower_bound_loose_seconds": loose}
    for tag, d in (("no_delay", 0), ("delay", delay)):
        standin = StandIn(base / f"standin-{tag}.log")
        try:
            ws = Workspace(base / f"trading-platform-{tag}", env)
            fullpair.write(ws, packages, standin.url, f"eff{d:g}".replace(".", "p")[:6])
            ws.env = {k: v for k, v in ws.env.items() if k not in ("TF_LOG", "TF_LOG_PATH")}
            ws.init()
            if d:
                standin.faults(create_delay_seconds=d)
            t0 = time.perf_counter()
            ws.apply()
            seconds = time.perf_counter() - t0
        finally:
            standin.stop()
        if d:
            out["apply_seconds"] = round(seconds, 2)
        else:
            out["apply_seconds_no_delay"] = round(seconds, 2)
    out["ratio"] = round(out["apply_seconds"] / bound, 3)
    out["ratio_loose"] = round(out["apply_seconds"] / loose, 3)
    return out


def _http(url, method="GET"):
    import urllib.request
    req = urllib.request.Request(url, method=method)
    with urllib.request.urlopen(req, timeout=10) as resp:
        return json.load(resp)


def stripped_copy(binary, tmp):
    """`objcopy --strip-all` of the binary into tmp; returns the copy's path."""
    dest = Path(tmp) / f"stripped-{binary.parent.name}" / BINARY_NAME
    dest.parent.mkdir(parents=True, exist_ok=True)
    subprocess.run(["objcopy", "--strip-all", str(binary), str(dest)], check=True)
    return dest


def main():
    from conftest import terraform_env
    from harness import ProviderMirror, StandIn
    from harness.provider import default_binary

    runs = int(os.environ.get("DRPAIR_BENCH_RUNS", "15"))
    out = Path(os.environ.get("DRPAIR_BENCH_OUT", ROOT / "bench" / "results.json"))
    binary = default_binary()
    results = {"date": datetime.datetime.now(datetime.timezone.utc).strftime("%Y-%m-%dT%H:%M:%SZ"),
               "machine": machine_facts(), "binary": str(binary)}
    with tempfile.TemporaryDirectory(prefix="drpair-bench-") as tmp:
        base = Path(tmp)
        mirror = ProviderMirror(base / "provider", binary=binary)
        env = terraform_env(mirror.cli_config)
        overhead = {}
        print(f"handshake x{runs} ...", flush=True)
        overhead["handshake_ms"] = summary(handshake_ms(binary, runs))
        print(f"providers schema -json x{runs} (with provider / empty, interleaved) ...", flush=True)
        times = schema_ms(env, base, runs)
        overhead["schema_ms"] = dict(summary([p - e for p, e in zip(times["provider"], times["empty"])]),
                                     with_provider_ms=summary(times["provider"]),
                                     empty_config_ms=summary(times["empty"]))
        stripped = stripped_copy(binary, tmp)
        overhead["stripped_debug_bytes"] = stripped.stat().st_size
        overhead["unstripped_debug_bytes"] = binary.stat().st_size
        release = Path.home() / ".cache/drpair/target/release" / BINARY_NAME
        overhead["stripped_release_bytes"] = (stripped_copy(release, tmp).stat().st_size
                                              if release.is_file() else None)
        # Terraform hashes the whole provider binary against the lock file on every command,
        # so the schema figure grows with the file: the same measurement with the stripped copy.
        print(f"providers schema -json x{runs} again, stripped debug copy in the mirror ...", flush=True)
        env_stripped = terraform_env(ProviderMirror(base / "provider-stripped", binary=stripped).cli_config)
        times = schema_ms(env_stripped, base, runs, tag="stripped")
        overhead["schema_ms_stripped_binary"] = summary(
            [p - e for p, e in zip(times["provider"], times["empty"])])
        print("full pair: apply, then one plan against a fresh stand-in ...", flush=True)
        standin = StandIn(base / "standin.log")
        try:
            refresh, peaks = refresh_cost(env, base, standin.url)
        finally:
            standin.stop()
        overhead["peak_rss_mib"] = round(max(peaks.values()) / 1024, 1) if peaks else None
        overhead["provider_processes_during_plan"] = len(peaks)
        results["provider_overhead"] = overhead
        results["refresh_cost"] = refresh
        delay = float(os.environ.get("DRPAIR_BENCH_DELAY", "40"))
        print(f"trading-platform apply with create_delay_seconds={delay:g}, and with none ...", flush=True)
        results["apply_efficiency"] = apply_efficiency(env, base, delay)
        results["failover"] = drill_figures(os.environ.get(
            "DRPAIR_DRILL_TIMELINE", ROOT / "drill" / "out" / "timeline.json"))
    out.write_text(json.dumps(results, indent=2) + "\n")
    print(render_table(results))
    print(f"\nwrote {out.relative_to(ROOT) if out.is_relative_to(ROOT) else out}")


if __name__ == "__main__":
    main()
