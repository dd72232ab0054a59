"""drpair_network through real Terraform, checked against the EC2 API in both regions.

Same shape as the global database tests: apply, the next plan is empty, AWS is asked (not
just state), destroy, and a sweep of both regions finds nothing left with the test's suffix.
"""
import ipaddress
import os
import signal

import pytest

import configs
from aws import wait_until
from configs import ENVIRONMENT, PRIMARY, SECONDARY
from harness import REAL_AWS
from test_global_database import assert_database_in_aws, assert_names_attribute

ADDR = "drpair_network.core"
DB_ADDR = "drpair_global_database.orders"
SIDES = (("primary", PRIMARY), ("secondary", SECONDARY))
CIDRS = ("10.20.0.0/16", "10.21.0.0/16")
# `timeouts` lives only in configuration (plugin-testing's ImportStateVerifyIgnore).
IMPORT_IGNORE = {"timeouts"}


def base(suffix):
    return f"core-{ENVIRONMENT}-{suffix}"


def tags_of(obj):
    return {t["Key"]: t["Value"] for t in obj.get("Tags", [])}


def ingress(group):
    return {(p["IpProtocol"], p.get("FromPort"), p.get("ToPort"), r["CidrIp"])
            for p in group["IpPermissions"] for r in p.get("IpRanges", [])}


def first_zones(ec2, count):
    zones = ec2.describe_availability_zones(
        Filters=[{"Name": "state", "Values": ["available"]}])["AvailabilityZones"]
    return sorted(z["ZoneName"] for z in zones if z.get("ZoneType", "availability-zone") == "availability-zone")[:count]


def assert_network_in_aws(aws, suffix, net, az_count=2, prefix=24, cidrs=CIDRS):
    """The network as EC2 reports it, against the resource's state `net`."""
    name = base(suffix)
    peering_id = net["peering_connection_id"]
    for i, (side, region) in enumerate(SIDES):
        ec2, r = aws.ec2(region), net[side]
        vpc = ec2.describe_vpcs(VpcIds=[r["vpc_id"]])["Vpcs"][0]
        assert vpc["CidrBlock"] == r["cidr"] == cidrs[i]
        assert tags_of(vpc)["Name"] == name and tags_of(vpc)["team"] == "trading", tags_of(vpc)
        for attr in ("enableDnsSupport", "enableDnsHostnames"):
            answer = ec2.describe_vpc_attribute(VpcId=r["vpc_id"], Attribute=attr)
            assert answer[attr[0].upper() + attr[1:]]["Value"] is True, f"{region} {attr}"

        # One subnet per AZ, the first `az_count` zones by name, ranges carved in order.
        subnets = {s["SubnetId"]: s for s in ec2.describe_subnets(SubnetIds=r["subnet_ids"])["Subnets"]}
        got = [(subnets[s]["VpcId"], subnets[s]["AvailabilityZone"], subnets[s]["CidrBlock"])
               for s in r["subnet_ids"]]
        ranges = list(ipaddress.ip_network(cidrs[i]).subnets(new_prefix=prefix))[:az_count]
        assert got == [(r["vpc_id"], z, str(c)) for z, c in zip(first_zones(ec2, az_count), ranges)]
        assert all(tags_of(subnets[s])["Name"] == f"{name}-{subnets[s]['AvailabilityZone']}"
                   for s in r["subnet_ids"])

        # The route table serves every subnet and sends the other region's range over the peering.
        table = ec2.describe_route_tables(RouteTableIds=[r["route_table_id"]])["RouteTables"][0]
        assert table["VpcId"] == r["vpc_id"]
        associated = {a["SubnetId"] for a in table["Associations"] if a.get("SubnetId")}
        assert associated >= set(r["subnet_ids"])
        # AWS drops a deleted subnet's association; the stand-in (moto 5.2.5) keeps it.
        stale = associated - set(r["subnet_ids"])
        assert not stale or not any(s["SubnetId"] in stale for s in ec2.describe_subnets()["Subnets"]), stale
        routes = {x["DestinationCidrBlock"]: x for x in table["Routes"] if "DestinationCidrBlock" in x}
        assert routes[cidrs[1 - i]].get("VpcPeeringConnectionId") == peering_id, routes

        # Database and API open to both VPCs on their port; functions closed.
        ids = [r["database_security_group_id"], r["function_security_group_id"], r["api_security_group_id"]]
        groups = {g["GroupId"]: g for g in ec2.describe_security_groups(GroupIds=ids)["SecurityGroups"]}
        for gid, tier, port in zip(ids, ("database", "functions", "api"), (5432, None, 443)):
            g = groups[gid]
            assert g["GroupName"] == f"{name}-{tier}" and g["VpcId"] == r["vpc_id"]
            assert ingress(g) == ({("tcp", port, port, c) for c in cidrs} if port else set()), (tier, ingress(g))

    pcx = aws.ec2(PRIMARY).describe_vpc_peering_connections(
        VpcPeeringConnectionIds=[peering_id])["VpcPeeringConnections"][0]
    assert pcx["Status"]["Code"] == "active"
    assert (pcx["RequesterVpcInfo"]["VpcId"], pcx["RequesterVpcInfo"]["Region"]) == (net["primary"]["vpc_id"], PRIMARY)
    assert (pcx["AccepterVpcInfo"]["VpcId"], pcx["AccepterVpcInfo"]["Region"]) == (net["secondary"]["vpc_id"], SECONDARY)
    for info in ("RequesterVpcInfo", "AccepterVpcInfo"):
        assert pcx[info]["PeeringOptions"]["AllowDnsResolutionFromRemoteVpc"] is True, info


def vpcs_tagged(aws, region, suffix):
    found = aws.ec2(region).describe_vpcs(Filters=[{"Name": "tag:Name", "Values": [base(suffix)]}])["Vpcs"]
    return sorted(v["VpcId"] for v in found)


def destroy_and_sweep(tf, aws, suffix):
    tf.destroy()
    assert tf.state() == {}
    assert aws.sweep(suffix) == []


# ---- basic lifecycle + import -----------------------------------------------------------------

def test_basic(tf, tf_factory, aws, standin, suffix):
    config = configs.network(standin.url, suffix)
    tf.write(config)
    tf.init()
    tf.apply()

    net = tf.state()[ADDR]
    assert net["id"] == base(suffix)
    assert (net["primary_region"], net["secondary_region"]) == (PRIMARY, SECONDARY)
    assert_network_in_aws(aws, suffix, net)
    # Every object is recorded: VPC, 2 subnets, route table, 3 groups per region; the
    # peering; a route on each side.
    kinds = [(i["kind"], i["region"]) for i in net["inventory"]]
    for region in (PRIMARY, SECONDARY):
        assert kinds.count(("subnet", region)) == 2 and kinds.count(("security_group", region)) == 3
        assert kinds.count(("vpc", region)) == kinds.count(("route_table", region)) == kinds.count(("route", region)) == 1
    assert kinds.count(("vpc_peering_connection", PRIMARY)) == 1
    assert len(kinds) == 17

    tf.assert_plan_empty()

    imported = tf_factory("import")
    imported.write(config)
    imported.init()
    imported.import_(ADDR, base(suffix))
    want = {k: v for k, v in net.items() if k not in IMPORT_IGNORE}
    got = {k: v for k, v in imported.state()[ADDR].items() if k not in IMPORT_IGNORE}
    assert got == want
    plan = imported.plan()
    if plan.changes():  # only what import cannot know: timeouts
        assert plan.changes() == [(ADDR, ["update"])]
        assert plan.changed_attributes(ADDR) <= IMPORT_IGNORE, plan.changed_attributes(ADDR)
        imported.apply()
    imported.assert_plan_empty()
    tf.assert_plan_empty()

    destroy_and_sweep(tf, aws, suffix)


def test_three_azs_and_small_subnets(tf, aws, standin, suffix):
    cidrs = ("192.168.0.0/22", "192.168.4.0/22")
    tf.write(configs.network(standin.url, suffix, primary_cidr=cidrs[0], secondary_cidr=cidrs[1],
                             az_count=3, subnet_prefix_length=26))
    tf.init()
    tf.apply()
    assert_network_in_aws(aws, suffix, tf.state()[ADDR], az_count=3, prefix=26, cidrs=cidrs)
    tf.assert_plan_empty()
    destroy_and_sweep(tf, aws, suffix)


# ---- a part deleted outside Terraform: in-place repair of just that part -------------------------

def delete_subnet(aws, net):
    aws.ec2(SECONDARY).delete_subnet(SubnetId=net["secondary"]["subnet_ids"][1])


def delete_security_group(aws, net):
    aws.ec2(PRIMARY).delete_security_group(GroupId=net["primary"]["api_security_group_id"])


def delete_peering(aws, net):
    aws.ec2(PRIMARY).delete_vpc_peering_connection(VpcPeeringConnectionId=net["peering_connection_id"])


def revoke_database_rule(aws, net):
    aws.ec2(SECONDARY).revoke_security_group_ingress(
        GroupId=net["secondary"]["database_security_group_id"],
        IpPermissions=[{"IpProtocol": "tcp", "FromPort": 5432, "ToPort": 5432,
                        "IpRanges": [{"CidrIp": CIDRS[0]}]}])


@pytest.mark.parametrize("damage", [delete_subnet, delete_security_group, delete_peering, revoke_database_rule],
                         ids=lambda f: f.__name__)
def test_part_deleted_outside_is_repaired(tf, aws, standin, suffix, damage):
    tf.write(configs.network(standin.url, suffix))
    tf.init()
    tf.apply()
    before = tf.state()[ADDR]

    damage(aws, before)
    plan = tf.plan()
    assert plan.changes() == [(ADDR, ["update"])]  # a repair in place, never a replacement
    tf.apply()
    after = tf.state()[ADDR]
    assert_network_in_aws(aws, suffix, after)
    tf.assert_plan_empty()

    # Only the damaged part is new: the VPCs and everything else keep their ids.
    for side, _ in SIDES:
        assert after[side]["vpc_id"] == before[side]["vpc_id"]
        assert after[side]["route_table_id"] == before[side]["route_table_id"]
    changed = {(side, k) for side, _ in SIDES for k in before[side] if before[side][k] != after[side][k]}
    if after["peering_connection_id"] != before["peering_connection_id"]:
        changed.add(("peering", "id"))
    expected = {
        "delete_subnet": {("secondary", "subnet_ids")},
        "delete_security_group": {("primary", "api_security_group_id")},
        "delete_peering": {("peering", "id")},
        "revoke_database_rule": set(),  # the rule is back on the same group
    }[damage.__name__]
    assert changed == expected
    assert after["secondary"]["subnet_ids"][0] == before["secondary"]["subnet_ids"][0]

    destroy_and_sweep(tf, aws, suffix)


# ---- apply killed midway, and throttling ------------------------------------------------------

@pytest.mark.skipif(REAL_AWS, reason="needs the stand-in's throttling to slow the apply down")
def test_killed_apply_converges(tf, aws, standin, suffix):
    tf.write(configs.network(standin.url, suffix))
    tf.init()
    # Throttled calls are retried with backoff: the apply takes seconds, long enough to kill.
    standin.faults(throttle_rate=0.2, seed=7)
    proc = tf.popen("apply", "-auto-approve", "-input=false", "-no-color")
    try:
        wait_until(lambda: proc.poll() is not None or vpcs_tagged(aws, SECONDARY, suffix),
                   timeout=120, interval=0.1, what="a VPC to appear")
        assert proc.poll() is None, "apply ended before it could be killed (see popen.stdout)"
    finally:
        if proc.poll() is None:
            os.killpg(proc.pid, signal.SIGKILL)  # Terraform and the provider, no clean-up
        proc.wait()

    standin.reset_faults()
    left = {r: vpcs_tagged(aws, r, suffix) for r in (PRIMARY, SECONDARY)}
    tf.apply()  # adopts what the killed run made (found by tags), creates the rest
    net = tf.state()[ADDR]
    assert_network_in_aws(aws, suffix, net)
    for side, region in SIDES:
        assert vpcs_tagged(aws, region, suffix) == [net[side]["vpc_id"]]  # no second VPC
        assert left[region] in ([], [net[side]["vpc_id"]])
    tf.assert_plan_empty()
    destroy_and_sweep(tf, aws, suffix)


def test_throttled(tf, aws, standin, suffix):
    tf.write(configs.network(standin.url, suffix))
    tf.init()
    standin.faults(throttle_rate=0.2)  # 20% of all calls answer RequestLimitExceeded
    tf.apply()
    tf.assert_plan_empty()
    tf.destroy()
    standin.reset_faults()
    assert aws.sweep(suffix) == []


# ---- bad inputs fail at plan, before any AWS call ----------------------------------------------

BAD_INPUTS = [
    ("secondary_cidr", "10.20.128.0/17"),  # overlaps primary_cidr
    ("primary_cidr", "10.20.0.0"),
    ("primary_cidr", "10.20.0.1/16"),
    ("az_count", 7),
    ("subnet_prefix_length", 29),
]


@pytest.mark.parametrize("attr,value", BAD_INPUTS, ids=[f"{a}={v}" for a, v in BAD_INPUTS])
def test_bad_input(tf, aws, standin, suffix, attr, value):
    tf.write(configs.network(standin.url, suffix, **{attr: value}))
    tf.init()
    before = None if standin.real_aws else standin.request_count()
    res = tf.plan(expect_fail=True)
    assert_names_attribute(res.stderr, attr)
    if attr == "secondary_cidr":
        assert "overlaps primary_cidr" in res.stderr
    if before is not None:
        assert standin.request_count() == before, "the provider called AWS while planning bad input"
    assert aws.sweep(suffix) == []


def test_bad_input_baseline_plans(tf, standin, suffix):
    """The same configuration with valid values plans one create, so each failure above is
    caused by its own attribute."""
    tf.write(configs.network(standin.url, suffix))
    tf.init()
    assert tf.plan().changes() == [(ADDR, ["create"])]


# ---- the network feeds the global database ---------------------------------------------------

def test_network_feeds_global_database(tf, aws, standin, suffix):
    tf.write(configs.network_and_database(standin.url, suffix))
    tf.init()
    tf.apply()
    state = tf.state()
    net, db = state[ADDR], state[DB_ADDR]
    assert_network_in_aws(aws, suffix, net)
    assert_database_in_aws(aws, suffix, primary_instances=2, secondary_instances=1, rpo=20)
    for side, region in SIDES:
        assert sorted(db[f"{side}_subnet_ids"]) == sorted(net[side]["subnet_ids"])
        assert db[f"{side}_security_group_ids"] == [net[side]["database_security_group_id"]]
        cluster = aws.cluster(region, db["clusters"][region]["identifier"])
        assert [g["VpcSecurityGroupId"] for g in cluster["VpcSecurityGroups"]] == [
            net[side]["database_security_group_id"]]
        group = aws.rds(region).describe_db_subnet_groups(
            DBSubnetGroupName=cluster["DBSubnetGroup"])["DBSubnetGroups"][0]
        assert group["VpcId"] == net[side]["vpc_id"]
        assert sorted(s["SubnetIdentifier"] for s in group["Subnets"]) == sorted(net[side]["subnet_ids"])
    tf.assert_plan_empty()
    destroy_and_sweep(tf, aws, suffix)
