"""bench/run.py's parsing and reporting on tiny inputs, so `make bench` cannot rot unnoticed.
No terraform, no stand-in: milliseconds."""
import importlib.util
import re
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
_spec = importlib.util.spec_from_file_location("drpair_bench_run", ROOT / "bench" / "run.py")
bench = importlib.util.module_from_spec(_spec)
_spec.loader.exec_module(bench)


def test_summary_and_route53_budget():
    assert bench.summary([3.0, 1.0, 2.0, 10.0]) == {"min": 1.0, "median": 2.5, "max": 10.0, "n": 4}
    assert bench.pairs_per_account_per_minute(3) == 100
    assert bench.pairs_per_account_per_minute(7) == 42  # floor(300 / 7)
    assert bench.pairs_per_account_per_minute(0) is None


def test_vm_hwm():
    status = "Name:\tterraform-provi\nVmPeak:\t  900 kB\nVmHWM:\t   66880 kB\nVmRSS:\t 60000 kB\n"
    assert bench.vm_hwm_kib(status) == 66880
    assert bench.vm_hwm_kib("Name:\tkthreadd\n") is None


def test_top_level_blocks_skip_braces_in_strings_and_comments():
    hcl = ('terraform {\n  x = 1\n}\n# a } comment {\nresource "a" "b" {\n'
           '  s = "${var.x} }"\n  j = jsonencode({ k = ["{"] })\n}\noutput "o" {\n  value = 1\n}\n')
    kinds = [k for k, _ in bench.top_level_blocks(hcl)]
    assert kinds == ["terraform", "resource", "output"]
    assert bench.top_level_blocks(hcl)[1][1].endswith('})\n}')


def test_full_pair_is_every_example_resource_wired():
    hcl = bench.full_pair_hcl('provider "drpair" {}\n', "/tmp/pkg.zip")
    addresses = bench.resource_addresses(hcl)
    types = {t for t, _ in addresses}
    assert {"drpair_network", "drpair_global_database", "drpair_session_table", "drpair_replicated_bucket",
            "drpair_parameters", "drpair_event_bus", "drpair_order_pipeline", "drpair_regional_api",
            "drpair_dns_failover", "drpair_region_health"} <= types
    assert len(addresses) == len(set(addresses))
    assert not re.search(r"\bvar\.", hcl), "an example input is not wired (bench.REPLACEMENTS)"
    assert '"/tmp/pkg.zip"' in hcl and "path.module" not in hcl


def test_render_table():
    results = {"date": "2026-01-01T00:00:00Z", "machine": {"cpus": 2, "cpu_model": "x"},
               "provider_overhead": {"handshake_ms": bench.summary([5, 6, 7]), "peak_rss_mib": 64.0,
                                     "stripped_debug_bytes": 80 * 2**20, "stripped_release_bytes": None},
               "refresh_cost": {"resources": 12, "calls_total": 10, "calls_by_service": {"route53": 3, "s3": 7},
                                "route53_calls_per_plan": 3, "pairs_per_account_per_minute": 100,
                                "plan_seconds": 2.0, "apply_seconds": 9.0}}
    table = bench.render_table(results)
    assert "median 6" in table and "80.0" in table and "release" not in table
    assert re.search(r"pairs per account per minute.*\s100$", table, re.M)


def test_route53_budget_when_listing_grows_with_pairs():
    # 2 fixed calls + ListHealthChecks pages over 3 checks per pair, 100 a page:
    # 66 pairs -> 198 checks, 2 pages, 4 calls each = 264; 67 -> 3 pages, 5 calls = 335 > 300.
    assert bench.pairs_per_minute_sharing_checks(2, 3) == 66
    assert bench.pairs_per_minute_sharing_checks(2, 0) == bench.pairs_per_account_per_minute(3)


def test_critical_path_of_the_trading_platform():
    hcl = bench.TRADING_PLATFORM.read_text()
    graph = bench.resource_graph(hcl)
    assert len(graph) == 12  # with the config and audit buckets
    assert graph["drpair_global_database.orders"] == {"drpair_network.core"}
    assert "drpair_region_health.health" in graph["drpair_failover_orchestrator.dr"]
    seconds, path = bench.critical_path(graph, bench.DELAY_CHAIN, 40)
    assert seconds == 120  # writer cluster -> secondary cluster -> secondary instance
    assert path == ["drpair_network.core", "drpair_global_database.orders", "drpair_region_health.health",
                    "drpair_failover_orchestrator.dr"]
    assert bench.critical_path(graph, bench.DELAY_CHAIN_LOOSE, 40)[0] == 80


def test_critical_path_adds_delays_along_dependencies():
    graph = {"a.x": set(), "b.y": {"a.x"}, "c.z": {"b.y"}, "d.w": set()}
    assert bench.critical_path(graph, {"a": 1, "c": 2, "d": 2}, 10) == (30, ["a.x", "b.y", "c.z"])


def test_drill_figures(tmp_path):
    assert bench.drill_figures(tmp_path / "missing.json") is None
    p = tmp_path / "timeline.json"
    p.write_text('{"origin": "t", "phases": [{"label": "detection", "seconds": 31.5}], '
                 '"checks": [{"check": "x", "ok": true}]}')
    assert bench.drill_figures(p)["phases"] == {"detection": 31.5}
    p.write_text('{"points": [{"name": "failover_started", "seconds": 10}, {"name": "failover_called", "seconds": 12},'
                 ' {"name": "promoted", "seconds": 20}, {"name": "failover_ended", "seconds": 21}], "phases": [],'
                 ' "checks": [{"check": "failback", "ok": false}]}')
    d = bench.drill_figures(p)
    assert (d["orchestration_overhead_seconds"], d["aws_promotion_step_seconds"]) == (3, 8)
    assert d["checks_failed"] == ["failback"]


def test_faults_table_from_junit(tmp_path):
    spec = importlib.util.spec_from_file_location("drpair_faults_table", ROOT / "bench" / "faults_table.py")
    ft = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(ft)
    junit = tmp_path / "j.xml"
    junit.write_text(
        '<testsuites><testsuite>'
        '<testcase name="test_sigkill_at_request_n_then_apply_converges[3]" time="40"/>'
        '<testcase name="test_sigkill_at_request_n_then_apply_converges[25]" time="50">'
        '<failure message="AssertionError: leaked after destroy: [x]"/></testcase>'
        '<testcase name="test_sigkill_at_request_n_then_apply_converges[60]" time="1"><skipped/></testcase>'
        '<testcase name="test_api_fault_during_apply_and_destroy[throttle-20pct]" time="100"/>'
        '</testsuite></testsuites>')
    rows = ft.table(junit)
    assert [(r["test"], r["runs"], r["passed"], r["leaks"]) for r in rows] == [
        ("test_api_fault_during_apply_and_destroy[throttle-20pct]", 1, 1, 0),
        ("test_sigkill_at_request_n_then_apply_converges", 2, 1, 1)]
    assert "| 20% of calls throttled, apply and destroy | 1 | 1 | 0 | 100 |" in ft.markdown(rows)
