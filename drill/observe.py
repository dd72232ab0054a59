"""What the drill reads about the running pair: only AWS APIs and the stand-in's resolver.

Every reader answers from one region at a time, so a reader aimed at the region in outage
fails (as it would on AWS) while the others keep working; the drill decides which to ask.
"""
import json
import urllib.parse
import urllib.request

from .timeline import utc


def task_resource(event):
    """The API action of a Task state's history event ("failoverGlobalCluster"), lowercased."""
    details = event.get("taskScheduledEventDetails") or {}
    return (details.get("resource") or "").lower()


def history_points(events, call):
    """Times in one execution's history around the AWS call `call` (e.g. failoverGlobalCluster):

    {"called": its TaskScheduled, "returned": its TaskSucceeded, "synced": the first
    ssm putParameter scheduled after it returned}. The state machine syncs (puts the active
    region) only once it has waited for the new writer, so "synced" is when the promotion was
    done as far as the execution knows. Missing keys: not (yet) in the history.
    """
    call = call.lower()
    out = {}
    scheduled_ids = set()
    for ev in sorted(events, key=lambda e: e["id"]):
        kind = ev["type"]
        if kind == "TaskScheduled" and task_resource(ev) == call:
            out.setdefault("called", ev["timestamp"])
            scheduled_ids.add(ev["id"])
        elif kind == "TaskSucceeded" and scheduled_ids and "called" in out and "returned" not in out:
            # The success that follows our call (tasks in these machines run one at a time).
            out["returned"] = ev["timestamp"]
        elif kind == "TaskScheduled" and "returned" in out and task_resource(ev) == "putparameter":
            out.setdefault("synced", ev["timestamp"])
    return out


class Pair:
    """The applied trading-platform pair, from its `drill` output."""

    def __init__(self, aws, endpoint, outputs):
        self.aws = aws
        self.endpoint = endpoint
        self.out = outputs
        self.side_region = {side: outputs["pipeline"][side]["region"] for side in ("primary", "secondary")}
        self._executions = {}  # arn -> description (input never changes; status until it ends)

    # ---- DNS (the stand-in's resolver: Route 53's data plane, answers during any outage) --------
    def dns(self):
        """(side, alias) the record resolves to now; side None when the alias is neither API."""
        query = urllib.parse.urlencode({"name": self.out["record_name"], "type": "A"})
        with urllib.request.urlopen(f"{self.endpoint}/drpair/dns?{query}", timeout=5) as resp:
            answer = json.load(resp)
        alias = (answer.get("alias") or "").rstrip(".").lower()
        for side in ("primary", "secondary"):
            if alias == self.out["api"][side]["regional_domain_name"].rstrip(".").lower():
                return side, alias
        return None, alias

    # ---- database ------------------------------------------------------------------------------
    def writer_side(self, via_side):
        """Which side's cluster is the global cluster's writer, asked in via_side's region."""
        rds = self.aws.rds(self.side_region[via_side])
        found = rds.describe_global_clusters(GlobalClusterIdentifier=self.out["global_cluster_id"])
        for member in found["GlobalClusters"][0].get("GlobalClusterMembers", []):
            if member.get("IsWriter"):
                region = member["DBClusterArn"].split(":")[3]
                return next(s for s, r in self.side_region.items() if r == region)
        return None

    # ---- alarms --------------------------------------------------------------------------------
    def peer_down(self, side):
        """(state, StateUpdatedTimestamp) of side's peer-down alarm (which watches the other side)."""
        name = self.out["orchestrator"][side]["peer_down_alarm_name"]
        alarms = self.aws.client("cloudwatch", self.side_region[side]).describe_alarms(
            AlarmNames=[name])["MetricAlarms"]
        if not alarms:
            return None, None
        return alarms[0]["StateValue"], utc(alarms[0]["StateUpdatedTimestamp"])

    # ---- Step Functions ------------------------------------------------------------------------
    def executions(self, side, since=None):
        """Executions of side's state machine started at or after `since`, oldest first:
        dicts with arn, start, stop, status, input, output (JSON decoded)."""
        sfn = self.aws.client("stepfunctions", self.side_region[side])
        arn = self.out["orchestrator"][side]["state_machine_arn"]
        found = []
        for page in sfn.get_paginator("list_executions").paginate(stateMachineArn=arn):
            for ex in page["executions"]:
                if since is not None and utc(ex["startDate"]) < since:
                    continue
                known = self._executions.get(ex["executionArn"])
                if known is None or known["status"] == "RUNNING":
                    d = sfn.describe_execution(executionArn=ex["executionArn"])
                    known = {"arn": d["executionArn"], "start": utc(d["startDate"]),
                             "stop": utc(d["stopDate"]) if d.get("stopDate") else None,
                             "status": d["status"], "input": _json(d.get("input")),
                             "output": _json(d.get("output")), "error": d.get("error"),
                             "cause": d.get("cause")}
                    self._executions[ex["executionArn"]] = known
                found.append(known)
        return sorted(found, key=lambda e: e["start"])

    def history(self, side, execution_arn):
        sfn = self.aws.client("stepfunctions", self.side_region[side])
        events = []
        for page in sfn.get_paginator("get_execution_history").paginate(executionArn=execution_arn):
            events.extend(page["events"])
        for ev in events:
            ev["timestamp"] = utc(ev["timestamp"])
        return events

    # ---- pipeline and store ----------------------------------------------------------------------
    def esm_states(self, side):
        """{UUID: State} of side's order function's event source mappings."""
        function = self.out["pipeline"][side]["function_name"]
        found = self.aws.client("lambda", self.side_region[side]).list_event_source_mappings(FunctionName=function)
        return {m["UUID"]: m["State"] for m in found["EventSourceMappings"]}

    def order(self, side, order_id):
        """The stored order read in side's region (strongly consistent), or None."""
        got = self.aws.client("dynamodb", self.side_region[side]).get_item(
            TableName=self.out["orders_table"], Key={"order_id": {"S": order_id}}, ConsistentRead=True)
        item = got.get("Item")
        return {k: list(v.values())[0] for k, v in item.items()} if item else None

    def active_region(self, side):
        name = self.out["active_region_parameter"]
        return self.aws.client("ssm", self.side_region[side]).get_parameter(Name=name)["Parameter"]["Value"]


def _json(text):
    if not text:
        return None
    try:
        return json.loads(text)
    except ValueError:
        return text
