"""boto3 against the stand-in (or real AWS): test inputs, independent checks, and the sweep.

Acceptance tests must not trust Terraform state alone: they look at AWS through its own API.
This module gives them clients, a `network()` to create the VPC inputs the database needs
(the stand-in checks that DB subnet groups name real subnets), and a `sweep()` that lists
whatever a test's suffix still owns after destroy.

Also a small CLI for scripts/demo (same code, no second copy):
    python acceptance-tests/aws.py --endpoint URL network us-east-1 us-east-2   # JSON ids
    python acceptance-tests/aws.py --endpoint URL switchover GLOBAL_ID us-east-2
    python acceptance-tests/aws.py --endpoint URL sweep SUFFIX                  # exit 1 if any
"""
import argparse
import json
import sys
import time

import boto3
from botocore.config import Config

REGIONS = ("us-east-1", "us-east-2")
# KMS keys cannot be deleted at once, only scheduled: these states count as gone.
KMS_GONE = {"PendingDeletion", "PendingReplicaDeletion"}
# A deleted peering stays visible for a while (as on AWS); these states count as gone.
PEERING_GONE = {"deleted", "deleting", "rejected", "failed", "expired"}
# Generous standard-mode retries: tests run against a stand-in that may throttle 20% of calls.
BOTO_CONFIG = Config(retries={"mode": "standard", "max_attempts": 10},
                     connect_timeout=5, read_timeout=60)


class Aws:
    """Clients per (service, region). endpoint=None means real AWS with the caller's credentials."""

    def __init__(self, endpoint=None):
        self.endpoint = endpoint
        self._clients = {}

    def client(self, service, region):
        key = (service, region)
        if key not in self._clients:
            kwargs = {"region_name": region, "config": BOTO_CONFIG}
            if self.endpoint:
                # The stand-in accepts any credentials; fixed dummies keep real ones out of play.
                kwargs.update(endpoint_url=self.endpoint, aws_access_key_id="testing",
                              aws_secret_access_key="testing")
            self._clients[key] = boto3.session.Session().client(service, **kwargs)
        return self._clients[key]

    def rds(self, region):
        return self.client("rds", region)

    def kms(self, region):
        return self.client("kms", region)

    def ec2(self, region):
        return self.client("ec2", region)

    # ---- inputs ----------------------------------------------------------------------------
    def network(self, regions=REGIONS, name="drpair-acc"):
        """Per region: a VPC, two subnets in two AZs and one security group.
        Returns {region: {"vpc_id", "subnet_ids": [2], "security_group_ids": [1]}}."""
        out = {}
        for i, region in enumerate(regions):
            ec2 = self.ec2(region)
            cidr = f"10.{20 + i}"
            tags = [{"ResourceType": "vpc", "Tags": [{"Key": "Name", "Value": name}]}]
            vpc = ec2.create_vpc(CidrBlock=f"{cidr}.0.0/16", TagSpecifications=tags)["Vpc"]["VpcId"]
            zones = [z["ZoneName"] for z in ec2.describe_availability_zones(
                Filters=[{"Name": "state", "Values": ["available"]}])["AvailabilityZones"]][:2]
            subnets = [ec2.create_subnet(VpcId=vpc, CidrBlock=f"{cidr}.{n}.0/24",
                                         AvailabilityZone=az)["Subnet"]["SubnetId"]
                       for n, az in enumerate(zones)]
            sg = ec2.create_security_group(GroupName=f"{name}-db", VpcId=vpc,
                                           Description="drpair acceptance test database")["GroupId"]
            out[region] = {"vpc_id": vpc, "subnet_ids": subnets, "security_group_ids": [sg]}
        return out

    def delete_network(self, net):
        """Best effort (real AWS only needs it; a stand-in dies with its test)."""
        for region, ids in net.items():
            ec2 = self.ec2(region)
            for call, kw in ([(ec2.delete_security_group, {"GroupId": g}) for g in ids["security_group_ids"]]
                             + [(ec2.delete_subnet, {"SubnetId": s}) for s in ids["subnet_ids"]]
                             + [(ec2.delete_vpc, {"VpcId": ids["vpc_id"]})]):
                try:
                    call(**kw)
                except Exception as err:  # noqa: BLE001 - report, keep going
                    print(f"delete_network: {region} {kw}: {err}", file=sys.stderr)

    # ---- queries used by tests -------------------------------------------------------------
    def global_cluster(self, global_id, region=REGIONS[0]):
        """The global cluster description, or None when it does not exist."""
        try:
            found = self.rds(region).describe_global_clusters(GlobalClusterIdentifier=global_id)
        except self.rds(region).exceptions.GlobalClusterNotFoundFault:
            return None
        return (found.get("GlobalClusters") or [None])[0]

    def cluster(self, region, identifier):
        """A DB cluster description, or None."""
        try:
            return self.rds(region).describe_db_clusters(DBClusterIdentifier=identifier)["DBClusters"][0]
        except self.rds(region).exceptions.DBClusterNotFoundFault:
            return None

    def writer_region(self, global_id):
        """Region of the member cluster that is the writer (None if there is none)."""
        gc = self.global_cluster(global_id)
        for m in (gc or {}).get("GlobalClusterMembers", []):
            if m.get("IsWriter"):
                return m["DBClusterArn"].split(":")[3]
        return None

    def switchover(self, global_id, target_region, allow_data_loss=None, timeout=1800):
        """Make the member in target_region the writer through the AWS API, as an operator
        would: SwitchoverGlobalCluster, or FailoverGlobalCluster(AllowDataLoss=True).
        Waits until AWS reports the new writer and the global cluster available."""
        gc = self.global_cluster(global_id)
        target = next(m["DBClusterArn"] for m in gc["GlobalClusterMembers"]
                      if m["DBClusterArn"].split(":")[3] == target_region)
        rds = self.rds(target_region)
        if allow_data_loss:
            rds.failover_global_cluster(GlobalClusterIdentifier=global_id,
                                        TargetDbClusterIdentifier=target, AllowDataLoss=True)
        else:
            rds.switchover_global_cluster(GlobalClusterIdentifier=global_id,
                                          TargetDbClusterIdentifier=target)
        wait_until(lambda: self.writer_region(global_id) == target_region
                   and self.global_cluster(global_id).get("Status", "available") == "available",
                   timeout=timeout, what=f"{global_id} writer in {target_region}")
        return target

    # ---- the sweep -------------------------------------------------------------------------
    def sweep(self, suffix, regions=REGIONS):
        """Everything in `regions` whose name contains `suffix` that a destroy should have
        removed, as sorted strings "<region> <kind> <name>". Empty means nothing leaked."""
        left = set()
        for region in regions:
            rds = self.rds(region)
            for gc in _pages(rds, "describe_global_clusters", "GlobalClusters"):
                if suffix in gc["GlobalClusterIdentifier"]:
                    # one entry whichever region reports it (global clusters are global)
                    left.add(f"global global-cluster {gc['GlobalClusterIdentifier']}")
            for kind, op, key, field, kw in (
                ("db-cluster", "describe_db_clusters", "DBClusters", "DBClusterIdentifier", {}),
                ("db-instance", "describe_db_instances", "DBInstances", "DBInstanceIdentifier", {}),
                ("cluster-parameter-group", "describe_db_cluster_parameter_groups",
                 "DBClusterParameterGroups", "DBClusterParameterGroupName", {}),
                ("db-subnet-group", "describe_db_subnet_groups", "DBSubnetGroups", "DBSubnetGroupName", {}),
                # a final snapshot is a leak too: destroy must not leave one unless asked
                ("cluster-snapshot", "describe_db_cluster_snapshots", "DBClusterSnapshots",
                 "DBClusterSnapshotIdentifier", {"SnapshotType": "manual"}),
            ):
                for item in _pages(rds, op, key, **kw):
                    if suffix in item[field]:
                        left.add(f"{region} {kind} {item[field]}")
            left |= self._sweep_kms(region, suffix)
            left |= self._sweep_ec2(region, suffix)
            left |= self._sweep_apigateway(region, suffix)
            left |= self._sweep_order_pipeline(region, suffix)
            left |= self._sweep_events(region, suffix)
            left |= self._sweep_orchestrator(region, suffix)
            left |= self._sweep_stores(region, suffix)
        left |= self._sweep_route53(suffix, regions)
        return sorted(left)

    def _sweep_ec2(self, region, suffix):
        """VPCs, subnets, security groups, route tables and live peerings named or tagged with
        the suffix (the `network` fixture's VPCs carry no suffix: they are test inputs)."""
        ec2 = self.ec2(region)
        left = set()
        for kind, op, key, id_field, name_field in (
            ("vpc", "describe_vpcs", "Vpcs", "VpcId", None),
            ("subnet", "describe_subnets", "Subnets", "SubnetId", None),
            ("security-group", "describe_security_groups", "SecurityGroups", "GroupId", "GroupName"),
            ("route-table", "describe_route_tables", "RouteTables", "RouteTableId", None),
            ("vpc-peering-connection", "describe_vpc_peering_connections", "VpcPeeringConnections",
             "VpcPeeringConnectionId", None),
        ):
            for item in _pages(ec2, op, key):
                if item.get("Status", {}).get("Code") in PEERING_GONE:
                    continue
                names = [t["Value"] for t in item.get("Tags", [])] + [item.get(name_field or "", "")]
                if any(suffix in n for n in names):
                    left.add(f"{region} {kind} {item[id_field]}")
        return left

    def _sweep_apigateway(self, region, suffix):
        """What drpair_regional_api owns: REST APIs, custom domains (by tag), ACM certificates
        (by tag), access-log groups, alarms, and Lambda permission statements on any function."""
        left = set()
        ag = self.client("apigateway", region)
        for api in _pages(ag, "get_rest_apis", "items"):
            if suffix in api["name"]:
                left.add(f"{region} rest-api {api['name']}")
        for dom in _pages(ag, "get_domain_names", "items"):
            if any(suffix in v for v in (dom.get("tags") or {}).values()):
                left.add(f"{region} api-domain {dom['domainName']}")
        acm = self.client("acm", region)
        for cert in _pages(acm, "list_certificates", "CertificateSummaryList"):
            tags = acm.list_tags_for_certificate(CertificateArn=cert["CertificateArn"]).get("Tags", [])
            if any(suffix in t.get("Value", "") for t in tags):
                left.add(f"{region} acm-certificate {cert['CertificateArn']}")
        for group in _pages(self.client("logs", region), "describe_log_groups", "logGroups"):
            if suffix in group["logGroupName"]:
                left.add(f"{region} log-group {group['logGroupName']}")
        for alarm in _pages(self.client("cloudwatch", region), "describe_alarms", "MetricAlarms"):
            if suffix in alarm["AlarmName"]:
                left.add(f"{region} alarm {alarm['AlarmName']}")
        lam = self.client("lambda", region)
        for fn in _pages(lam, "list_functions", "Functions"):
            try:
                policy = json.loads(lam.get_policy(FunctionName=fn["FunctionArn"])["Policy"])
            except lam.exceptions.ResourceNotFoundException:
                continue
            for stmt in policy.get("Statement", []):
                if suffix in stmt.get("Sid", ""):
                    left.add(f"{region} lambda-permission {fn['FunctionName']}#{stmt['Sid']}")
        return left

    def _sweep_order_pipeline(self, region, suffix):
        """SQS queues, Lambda functions and their event source mappings named with the suffix;
        IAM roles and policies too (global: one entry whichever region asks)."""
        left = set()
        sqs = self.client("sqs", region)
        for url in sqs.list_queues(QueueNamePrefix="").get("QueueUrls", []):
            if suffix in url.rsplit("/", 1)[-1]:
                left.add(f"{region} sqs-queue {url.rsplit('/', 1)[-1]}")
        lam = self.client("lambda", region)
        for fn in _pages(lam, "list_functions", "Functions"):
            if suffix in fn["FunctionName"]:
                left.add(f"{region} lambda-function {fn['FunctionName']}")
        for esm in _pages(lam, "list_event_source_mappings", "EventSourceMappings"):
            if suffix in esm.get("FunctionArn", "") or suffix in esm.get("EventSourceArn", ""):
                left.add(f"{region} lambda-event-source-mapping {esm['UUID']}")
        # (metric alarms named with the suffix: _sweep_apigateway lists them all)
        iam = self.client("iam", region)
        for role in _pages(iam, "list_roles", "Roles"):
            if suffix in role["RoleName"]:
                left.add(f"global iam-role {role['RoleName']}")
        for policy in _pages(iam, "list_policies", "Policies", Scope="Local"):
            if suffix in policy["PolicyName"]:
                left.add(f"global iam-policy {policy['PolicyName']}")
        return left

    def _sweep_events(self, region, suffix):
        """EventBridge buses, rules (on any bus) and archives named with the suffix; replays
        stay (AWS keeps them), roles are listed by _sweep_order_pipeline."""
        ev = self.client("events", region)
        left = set()
        buses = ev.list_event_buses()["EventBuses"]
        for bus in buses:
            if suffix in bus["Name"]:
                left.add(f"{region} event-bus {bus['Name']}")
            for rule in ev.list_rules(EventBusName=bus["Name"])["Rules"]:
                if suffix in rule["Name"]:
                    left.add(f"{region} event-rule {bus['Name']}/{rule['Name']}")
        for archive in ev.list_archives()["Archives"]:
            if suffix in archive["ArchiveName"]:
                left.add(f"{region} event-archive {archive['ArchiveName']}")
        return left

    def _sweep_orchestrator(self, region, suffix):
        """Step Functions state machines and SSM parameters named with the suffix (the failover
        orchestrator's machines, lock, active-region and readiness-report parameters)."""
        left = set()
        for m in _pages(self.client("stepfunctions", region), "list_state_machines", "stateMachines"):
            if suffix in m["name"]:
                left.add(f"{region} state-machine {m['name']}")
        for p in _pages(self.client("ssm", region), "describe_parameters", "Parameters"):
            if suffix in p["Name"]:
                left.add(f"{region} ssm-parameter {p['Name']}")
        return left

    def _sweep_stores(self, region, suffix):
        """S3 buckets (the bucket list is global: one entry whichever region asks), DynamoDB
        tables and replicas, and CloudWatch composite alarms (the region health signals) named
        with the suffix."""
        left = set()
        for bucket in self.client("s3", region).list_buckets().get("Buckets", []):
            if suffix in bucket["Name"]:
                left.add(f"global s3-bucket {bucket['Name']}")
        for table in _pages(self.client("dynamodb", region), "list_tables", "TableNames"):
            if suffix in table:
                left.add(f"{region} dynamodb-table {table}")
        cw = self.client("cloudwatch", region)
        for alarm in _pages(cw, "describe_alarms", "CompositeAlarms", AlarmTypes=["CompositeAlarm"]):
            if suffix in alarm["AlarmName"]:
                left.add(f"{region} composite-alarm {alarm['AlarmName']}")
        return left

    def _sweep_kms(self, region, suffix):
        kms = self.kms(region)
        left = set()
        for alias in _pages(kms, "list_aliases", "Aliases"):
            if suffix not in alias["AliasName"]:
                continue
            state = _key_state(kms, alias.get("TargetKeyId"))
            # an alias on a key scheduled for deletion goes away with the key: not a leak
            if state not in KMS_GONE:
                left.add(f"{region} kms-alias {alias['AliasName']} ({state})")
        for key in _pages(kms, "list_keys", "Keys"):
            meta = kms.describe_key(KeyId=key["KeyId"])["KeyMetadata"]
            if meta.get("KeyManager") == "AWS" or meta["KeyState"] in KMS_GONE:
                continue
            tags = " ".join(t["TagValue"] for t in kms.list_resource_tags(KeyId=key["KeyId"]).get("Tags", []))
            if suffix in meta.get("Description", "") or suffix in tags:
                left.add(f"{region} kms-key {key['KeyId']} ({meta['KeyState']})")
        return left


    def _sweep_route53(self, suffix, regions):
        """Hosted zones named with the suffix, drpair health checks tagged or aimed at a name with
        it, and DNS failover control alarms (named with it) in every region."""
        r53 = self.client("route53", REGIONS[0])
        left = set()
        for zone in _pages(r53, "list_hosted_zones", "HostedZones"):
            if suffix in zone["Name"]:
                left.add(f"global hosted-zone {zone['Id']} {zone['Name']}")
        checks = [hc for hc in _pages(r53, "list_health_checks", "HealthChecks")
                  if hc["CallerReference"].startswith("drpair-")]
        for i in range(0, len(checks), 10):
            batch = checks[i:i + 10]
            tags = r53.list_tags_for_resources(ResourceType="healthcheck",
                                               ResourceIds=[hc["Id"] for hc in batch])["ResourceTagSets"]
            tagged = {t["ResourceId"]: " ".join(x["Value"] for x in t.get("Tags", [])) for t in tags}
            for hc in batch:
                fqdn = hc["HealthCheckConfig"].get("FullyQualifiedDomainName", "")
                if suffix in tagged.get(hc["Id"], "") or suffix in fqdn:
                    left.add(f"global health-check {hc['Id']} {hc['HealthCheckConfig']['Type']}")
        for region in regions:
            cw = self.client("cloudwatch", region)
            for alarm in _pages(cw, "describe_alarms", "MetricAlarms", AlarmNamePrefix="dns-failover-"):
                if suffix in alarm["AlarmName"]:
                    left.add(f"{region} metric-alarm {alarm['AlarmName']}")
        return left

    # ---- DNS -------------------------------------------------------------------------------
    def resolve(self, zone_id, record_name):
        """Which failover record Route 53 would answer `record_name` with right now:
        (failover role, alias DNS name). PRIMARY while its health check is healthy, else
        SECONDARY while its check is, else PRIMARY again (Route 53 answers with the primary
        when both are unhealthy)."""
        r53 = self.client("route53", REGIONS[0])
        name = record_name.rstrip(".") + "."
        records = {r["Failover"]: r for r in _pages(r53, "list_resource_record_sets", "ResourceRecordSets",
                                                    HostedZoneId=zone_id)
                   if r["Name"] == name and r["Type"] == "A" and r.get("Failover")}
        for role in ("PRIMARY", "SECONDARY"):
            r = records.get(role)
            if r and (not r.get("HealthCheckId") or self.healthy(r["HealthCheckId"])):
                return role, r["AliasTarget"]["DNSName"].rstrip(".")
        r = records["PRIMARY"]
        return "PRIMARY", r["AliasTarget"]["DNSName"].rstrip(".")

    def healthy(self, health_check_id):
        """Route 53's view of a health check: healthy when most checkers report success."""
        obs = self.client("route53", REGIONS[0]).get_health_check_status(
            HealthCheckId=health_check_id)["HealthCheckObservations"]
        ok = sum(1 for o in obs if o["StatusReport"]["Status"].startswith("Success"))
        return ok * 2 > len(obs)


def _pages(client, op, key, **kwargs):
    if client.can_paginate(op):
        for page in client.get_paginator(op).paginate(**kwargs):
            yield from page.get(key, [])
    else:
        yield from getattr(client, op)(**kwargs).get(key, [])


def _key_state(kms, key_id):
    if not key_id:
        return "no-target"
    try:
        return kms.describe_key(KeyId=key_id)["KeyMetadata"]["KeyState"]
    except kms.exceptions.NotFoundException:
        return "PendingDeletion"  # key already gone: its alias is gone with it on AWS


def wait_until(predicate, timeout=120, interval=1.0, what="condition"):
    """Poll until predicate() is truthy and return its value; AssertionError on timeout."""
    deadline = time.monotonic() + timeout
    while True:
        value = predicate()
        if value:
            return value
        if time.monotonic() >= deadline:
            raise AssertionError(f"timed out after {timeout}s waiting for {what}")
        time.sleep(interval)


def main(argv=None):
    p = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    p.add_argument("--endpoint", help="stand-in URL; omit for real AWS")
    sub = p.add_subparsers(dest="cmd", required=True)
    n = sub.add_parser("network", help="create VPC, 2 subnets and a security group per region")
    n.add_argument("regions", nargs="*", default=list(REGIONS))
    n.add_argument("--name", default="drpair-demo")
    s = sub.add_parser("switchover", help="switch the global cluster's writer to REGION")
    s.add_argument("global_id")
    s.add_argument("region")
    s.add_argument("--allow-data-loss", action="store_true", help="FailoverGlobalCluster instead")
    w = sub.add_parser("sweep", help="list leftovers containing SUFFIX; exit 1 if any")
    w.add_argument("suffix")
    args = p.parse_args(argv)
    aws = Aws(args.endpoint)
    if args.cmd == "network":
        print(json.dumps(aws.network(args.regions, args.name), indent=2))
    elif args.cmd == "switchover":
        arn = aws.switchover(args.global_id, args.region, allow_data_loss=args.allow_data_loss)
        print(f"writer is now {arn}")
    else:
        left = aws.sweep(args.suffix)
        for line in left:
            print(line)
        print(f"{len(left)} resources left")
        return 1 if left else 0
    return 0


if __name__ == "__main__":
    sys.exit(main())
