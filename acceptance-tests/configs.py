"""HCL for the acceptance tests, rendered from Python values so each test states only what
it changes (`global_database(..., max_rpo_seconds=10)`; `None` leaves an argument out)."""
import json

PRIMARY, SECONDARY = "us-east-1", "us-east-2"
ENVIRONMENT = "test"
PASSWORD = "correct-horse-battery"


class Expr(str):
    """An HCL expression written as is, e.g. Expr("drpair_network.core.primary.subnet_ids")."""


def hcl(value):
    """A Python value as an HCL literal (strings, numbers, bools, lists, string-keyed maps)."""
    if isinstance(value, Expr):
        return str(value)
    if isinstance(value, bool):
        return "true" if value else "false"
    if isinstance(value, (int, float, str)):
        return json.dumps(value)  # JSON strings and numbers are valid HCL literals
    if isinstance(value, (list, tuple)):
        return "[" + ", ".join(hcl(v) for v in value) + "]"
    if isinstance(value, dict):
        return "{ " + ", ".join(f"{json.dumps(k)} = {hcl(v)}" for k, v in value.items()) + " }"
    raise TypeError(f"no HCL literal for {value!r}")


def _body(args, indent="  "):
    width = max(len(k) for k in args)
    return "\n".join(f"{indent}{k.ljust(width)} = {hcl(v)}" for k, v in args.items() if v is not None)


def provider(endpoint, suffix, **overrides):
    """The provider block; endpoint None (real AWS) leaves endpoint_url out."""
    args = {"primary_region": PRIMARY, "secondary_region": SECONDARY, "environment": ENVIRONMENT,
            "environment_suffix": suffix, "endpoint_url": endpoint,
            "default_tags": {"team": "trading"}}
    args.update(overrides)
    return ('terraform {\n  required_providers {\n    drpair = { source = "drpair/drpair" }\n  }\n}\n\n'
            f'provider "drpair" {{\n{_body(args)}\n}}\n')


def database_args(net, **overrides):
    """Arguments of the standard test database; net is aws.Aws.network()'s result."""
    args = {
        "name": "orders",
        "engine_version": "15.4",
        "instance_class": "db.r6g.large",
        "primary_instance_count": 2,
        "secondary_instance_count": 1,
        "database_name": "orders",
        "master_username": "trader",
        "master_password_wo": PASSWORD,
        "master_password_wo_version": 1,
        "max_rpo_seconds": 20,
        "primary_subnet_ids": net[PRIMARY]["subnet_ids"],
        "secondary_subnet_ids": net[SECONDARY]["subnet_ids"],
        "primary_security_group_ids": net[PRIMARY]["security_group_ids"],
        "secondary_security_group_ids": net[SECONDARY]["security_group_ids"],
        "deletion_protection": False,
    }
    args.update(overrides)
    return args


def global_database(endpoint, suffix, net, provider_overrides=None, **overrides):
    """provider block + `drpair_global_database.orders` + an output.

    No output follows writer_region: after a switchover its change alone would make
    `plan -detailed-exitcode` exit 2 (Terraform counts output changes), hiding what the
    tests check, which is that the resource itself plans no change."""
    return (provider(endpoint, suffix, **(provider_overrides or {}))
            + '\nresource "drpair_global_database" "orders" {\n'
            + _body(database_args(net, **overrides))
            + '\n\n  timeouts {\n    create = "30m"\n    delete = "30m"\n  }\n}\n'
            + '\noutput "global_cluster_id" {\n  value = drpair_global_database.orders.global_cluster_id\n}\n')


def fake_network():
    """Well-formed ids that exist nowhere: for tests that must fail before any AWS call."""
    return {region: {"vpc_id": f"vpc-{n}0000000000000000",
                     "subnet_ids": [f"subnet-{n}000000000000000{i}" for i in (1, 2)],
                     "security_group_ids": [f"sg-{n}0000000000000001"]}
            for n, region in ((1, PRIMARY), (2, SECONDARY))}


def network_args(**overrides):
    """Arguments of the standard test network (`None` leaves one out)."""
    args = {"name": "core", "primary_cidr": "10.20.0.0/16", "secondary_cidr": "10.21.0.0/16",
            "az_count": 2, "subnet_prefix_length": 24}
    args.update(overrides)
    return args


def _network_block(**overrides):
    return ('\nresource "drpair_network" "core" {\n' + _body(network_args(**overrides))
            + '\n\n  timeouts {\n    create = "30m"\n    delete = "30m"\n  }\n}\n')


def network(endpoint, suffix, provider_overrides=None, **overrides):
    """provider block + `drpair_network.core` + an output of its id (stable across repairs,
    so `plan -detailed-exitcode` still measures the resource alone)."""
    return (provider(endpoint, suffix, **(provider_overrides or {})) + _network_block(**overrides)
            + '\noutput "network_id" {\n  value = drpair_network.core.id\n}\n')


def network_outputs():
    """`net` for database_args() that wires the database to drpair_network.core's outputs."""
    return {region: {"subnet_ids": Expr(f"drpair_network.core.{side}.subnet_ids"),
                     "security_group_ids": Expr(f"[drpair_network.core.{side}.database_security_group_id]")}
            for side, region in (("primary", PRIMARY), ("secondary", SECONDARY))}


def network_and_database(endpoint, suffix, **database_overrides):
    """The network and a global database in it, in one configuration."""
    return (provider(endpoint, suffix) + _network_block()
            + '\nresource "drpair_global_database" "orders" {\n'
            + _body(database_args(network_outputs(), **database_overrides))
            + '\n\n  timeouts {\n    create = "30m"\n    delete = "30m"\n  }\n}\n')
