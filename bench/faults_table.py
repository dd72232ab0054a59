"""`make faults`' report: the fault matrix as a table (fault, runs, passed, leaks, seconds) from
pytest's JUnit XML, printed and written to bench/faults.json.

    python bench/faults_table.py JUNIT_XML [OUT_JSON]

A row is one fault: a test function, or one parameter of the API-fault test. Runs are the test
cases that ran (skipped ones are not counted), leaks the failed ones whose message is a sweep
finding something after destroy (acceptance-tests/fullpair.py: "leaked after destroy", or
objects an interrupted apply made and state never recorded).
"""
import datetime
import json
import re
import sys
import xml.etree.ElementTree as ET
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
LABELS = {
    "test_api_fault_during_apply_and_destroy[throttle-20pct]": "20% of calls throttled, apply and destroy",
    "test_api_fault_during_apply_and_destroy[throttle-50pct]": "50% of calls throttled, apply and destroy",
    "test_api_fault_during_apply_and_destroy[http500-10pct]": "10% of calls answer HTTP 500, apply and destroy",
    "test_api_fault_during_apply_and_destroy[slow-10pct-1.5s]": "10% of calls 1.5 s slow, apply and destroy",
    "test_slow_calls_beyond_the_sdk_timeout": "0.3% of calls answer after 200 s (beyond the SDK timeout)",
    "test_secondary_unavailable_during_apply": "us-east-2 down during apply, back after 60 s",
    "test_primary_unavailable_during_destroy": "us-east-1 down during destroy",
    "test_sigkill_at_request_n_then_apply_converges": "SIGKILL of terraform / the provider at request N",
    "test_key_left_by_a_kill_between_create_key_and_create_alias_is_adopted":
        "a KMS key left by a kill before its alias (global database alone)",
    "test_ctrl_c_stops_cleanly_and_state_records_what_exists": "Ctrl-C (SIGINT, StopProvider) during apply",
    "test_two_applies_at_once_second_fails_on_the_lock": "two applies at once on one state",
    "test_bad_input_in_full_pair": "bad input inside the full pair (zero AWS calls)",
    "test_no_secret_in_state_plan_or_trace_logs": "secrets in state, plan, TF_LOG=trace logs",
    "test_iam_policies_pass_parliament": "IAM policies through parliament, no * on *",
    "test_the_linter_finds_what_it_should": "  (self-test: parliament flags a bad policy)",
}
LEAK = re.compile(r"leaked after destroy|state never recorded|sweep", re.I)


def row_key(name):
    """A test case name -> its row: parameters are dropped except the API fault's."""
    if name.startswith("test_api_fault_during_apply_and_destroy["):
        return name
    return name.split("[", 1)[0]


def table(junit_xml):
    rows = {}
    for case in ET.parse(junit_xml).getroot().iter("testcase"):
        if case.find("skipped") is not None:
            continue
        key = row_key(case.get("name"))
        row = rows.setdefault(key, {"fault": LABELS.get(key, key), "test": key, "runs": 0, "passed": 0,
                                    "leaks": 0, "seconds": 0.0})
        row["runs"] += 1
        row["seconds"] += float(case.get("time") or 0)
        failure = case.find("failure")
        if failure is None:
            failure = case.find("error")
        if failure is None:
            row["passed"] += 1
        elif LEAK.search((failure.get("message") or "") + (failure.text or "")[-2000:]):
            row["leaks"] += 1
    order = list(LABELS)
    return sorted(rows.values(), key=lambda r: order.index(r["test"]) if r["test"] in order else len(order))


def markdown(rows):
    lines = ["| fault | runs | passed | leaks | seconds |", "| --- | --- | --- | --- | --- |"]
    lines += [f"| {r['fault']} | {r['runs']} | {r['passed']} | {r['leaks']} | {r['seconds']:.0f} |" for r in rows]
    return "\n".join(lines)


def main(argv):
    rows = table(argv[1])
    out = Path(argv[2]) if len(argv) > 2 else ROOT / "bench" / "faults.json"
    out.write_text(json.dumps({"date": datetime.datetime.now(datetime.timezone.utc).strftime("%Y-%m-%dT%H:%M:%SZ"),
                               "rows": rows}, indent=2) + "\n")
    print(markdown(rows))
    print(f"\nwrote {out}")
    return 0 if all(r["passed"] == r["runs"] for r in rows) else 1


if __name__ == "__main__":
    sys.exit(main(sys.argv))
