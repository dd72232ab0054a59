"""DynamoDB global tables (version 2019.11.21) that moto 5.2.5 lacks, patched in at start-up.

moto accepts UpdateTable's ReplicaUpdates, GlobalTableWitnessUpdates and MultiRegionConsistency
and ignores them: no replica table appears in the other region, DescribeTable lists no Replicas,
and an item written in one region stays there. A DR provider's session table is exactly such a
global table, so `install()` adds what the provider has to be proven against:

- ReplicaUpdates Create/Delete make or remove a real table in the other region's backend (same
  key schema, attributes, indexes, billing, streams), CREATING/DELETING for the
  `create_delay_seconds` fault, then ACTIVE/gone. One change at a time, as on AWS.
- All replicas share one item store, so a write in any region is readable in every other one at
  once, and lands in every replica's stream. On AWS an MREC table replicates asynchronously
  (typically within a second); only MRSC is synchronous. Tests against the stand-in prove the
  wiring, not replication lag.
- What AWS keeps per replica stays per table (point-in-time recovery, deletion protection, tags,
  KMS key); what AWS synchronises (billing, throughput, GSIs, TTL) is applied to every replica.
- MultiRegionConsistency=STRONG with a witness is accepted, described, and held to AWS's rules.

The error codes follow botocore's model for UpdateTable; messages AWS is known to send are
copied, the others are ours (README lists which).
"""
import copy
import threading
import time

from moto.dynamodb.exceptions import MockValidationException, ResourceInUseException
from moto.dynamodb.models import DynamoDBBackend, dynamodb_backends
from moto.dynamodb.models.table import GlobalSecondaryIndex, StreamShard, Table
from moto.dynamodb.responses import DynamoHandler, DynamoResult
from moto.kms.models import kms_backends

from .faults import FAULTS

VERSION = "2019.11.21"
# An MRSC table's replicas and witness must all lie in one of these Region sets (API reference,
# CreateGlobalTableWitnessGroupMemberAction).
MRSC_REGION_SETS = (
    {"us-east-1", "us-east-2", "us-west-2"},
    {"eu-west-1", "eu-west-2", "eu-west-3", "eu-central-1"},
    {"ap-northeast-1", "ap-northeast-2", "ap-northeast-3"},
)
MANAGED_KEY_ALIAS = "alias/aws/dynamodb"
# Messages AWS sends (seen in SDK and Terraform issue threads).
LOCAL_REGION = ("Cannot add, delete, or update the local region through ReplicaUpdates. "
                "Use CreateTable, DeleteTable, or UpdateTable as required.")
REPLICA_NOT_FOUND = ("Replica specified in the Replica Update or Replica Delete action of the "
                     "request was not found.")
MRSC_COUNT = "Unsupported table replica count for global tables with MultiRegionConsistency set to STRONG"
CMK_PER_REPLICA = "One or more parameter values were invalid: KMSMasterKeyId must be specified for each replica."
NO_STREAM_DISABLE = ("One or more parameter values were invalid: Disabling Stream is not allowed "
                     "for a Global Table replica.")

# One UpdateTable at a time decides and applies a replica change (werkzeug serves in threads).
_LOCK = threading.RLock()
_installed = False


def _invalid(message):
    return MockValidationException(message)


def _in_use(name):
    return ResourceInUseException(f"Attempt to change a resource which is still in use: Table is being updated: {name}")


def _until():
    delay = FAULTS.create_delay_seconds
    return time.monotonic() + delay if delay > 0 else None


class GlobalTable:
    """One replication group: its replicas by region, its witness, its consistency mode.

    Each replica table carries the same instance as `_drpair_global`; moto's reset drops groups
    with their tables. moto deep-copies a table to roll back a failed transaction, and the copy
    must still belong to this group, so copying returns the group itself.
    """

    def __init__(self, account_id, name, consistency):
        self.account_id = account_id
        self.name = name
        self.consistency = consistency
        self.replicas = {}  # region -> {"status": CREATING|ACTIVE|DELETING, "until": t, "kms": arn}
        self.witness = None  # {"region": r, "status": ..., "until": t}

    def __deepcopy__(self, memo):
        return self

    def table(self, region):
        """The replica table in `region`, if it is still ours (a name can be reused)."""
        table = dynamodb_backends[self.account_id][region].tables.get(self.name)
        return table if table is not None and table.__dict__.get("_drpair_global") is self else None

    def tables(self):
        return [t for t in (self.table(r) for r in self.replicas) if t is not None]

    def busy(self):
        states = list(self.replicas.values()) + ([self.witness] if self.witness else [])
        return any(s["status"] != "ACTIVE" for s in states)

    def drop(self, region):
        table = self.table(region)
        if table is not None:
            dynamodb_backends[self.account_id][region].tables.pop(self.name, None)
        self.replicas.pop(region, None)

    def share_items(self, table):
        """Point every replica at `table`'s item store (after moto swapped the table object)."""
        for other in self.tables():
            other.items = table.items

    def settle(self):
        """Finish changes whose delay has passed; one replica without a witness is regional again."""
        now = time.monotonic()
        for region, state in list(self.replicas.items()):
            if state["until"] is not None and now < state["until"]:
                continue
            if state["status"] == "DELETING":
                self.drop(region)
            else:
                state.update(status="ACTIVE", until=None)
        if self.witness and (self.witness["until"] is None or now >= self.witness["until"]):
            if self.witness["status"] == "DELETING":
                self.witness = None
            else:
                self.witness.update(status="ACTIVE", until=None)
        if len(self.replicas) <= 1 and self.witness is None and not self.busy():
            for table in self.tables():
                del table._drpair_global  # back to a regional table (its stream stays, as on AWS)
            self.replicas.clear()

    def describe(self, region):
        own = self.replicas[region]["status"]
        status = own if own != "ACTIVE" else ("UPDATING" if self.busy() else "ACTIVE")
        replicas = []
        for name, state in self.replicas.items():
            entry = {"RegionName": name, "ReplicaStatus": state["status"]}
            if state["kms"]:
                entry["KMSMasterKeyId"] = state["kms"]
            replicas.append(entry)
        out = {"TableStatus": status, "GlobalTableVersion": VERSION,
               "MultiRegionConsistency": self.consistency, "Replicas": replicas}
        if self.witness:
            out["GlobalTableWitnesses"] = [{"RegionName": self.witness["region"],
                                            "WitnessStatus": self.witness["status"]}]
        return out


def _group(table):
    # Under the lock: settling a group that UpdateTable is still filling in would see one
    # replica, dissolve the group, and leave the new replica orphaned in the other region.
    with _LOCK:
        group = table.__dict__.get("_drpair_global") if table is not None else None
        if group is not None:
            group.settle()
            group = table.__dict__.get("_drpair_global")
        return group


def _settle_backend(backend):
    for table in list(backend.tables.values()):
        _group(table)


# ---- KMS -------------------------------------------------------------------------------

def _kms_arn(account_id, region, key_id):
    """A replica's key (id, ARN, alias) as the ARN AWS reports, looked up in the replica's region."""
    try:
        return kms_backends[account_id][region].describe_key(key_id).arn
    except Exception:
        raise _invalid(f"One or more parameter values were invalid: KMS key {key_id} not found in region {region}")


def _customer_key(table):
    """The table's customer managed key ARN, or None (no SSE, or the alias/aws/dynamodb key)."""
    sse = table.sse_specification or {}
    key = sse.get("KMSMasterKeyId") if sse.get("Enabled") else None
    if not key:
        return None
    kms = kms_backends[table.account_id][table.region_name]
    if kms.alias_exists(MANAGED_KEY_ALIAS) and kms.describe_key(MANAGED_KEY_ALIAS).arn == key:
        return None
    return key


# ---- planning and applying a replica change ----------------------------------------------

class _Plan:
    def __init__(self, mode):
        self.mode = mode
        self.creates = []  # (region, sse specification or None, customer key ARN or None)
        self.deletes = []
        self.witness_create = None
        self.witness_delete = None


def _plan(backend, table, group, replica_updates, witness_updates, consistency):
    """Validate a ReplicaUpdates/GlobalTableWitnessUpdates request against AWS's rules."""
    local, account = backend.region_name, table.account_id
    known_regions = dynamodb_backends[account].regions
    if group is not None and consistency and consistency != group.consistency:
        raise _invalid("The consistency mode of a global table cannot be changed after it is created")
    plan = _Plan(group.consistency if group is not None else (consistency or "EVENTUAL"))
    for update in replica_updates:
        actions = [a for a in ("Create", "Update", "Delete", "Disassociate") if update.get(a)]
        if len(actions) != 1:
            raise _invalid("Each ReplicationGroupUpdate must contain exactly one action")
        action, spec = actions[0], update[actions[0]]
        region = spec.get("RegionName")
        if action == "Disassociate":
            raise _invalid("Disassociate is not supported by this stand-in")
        if region == local:
            raise _invalid(LOCAL_REGION)
        if region not in known_regions:
            raise _invalid(f"One or more parameter values were invalid: Invalid region {region}")
        member = group is not None and region in group.replicas
        if action == "Create":
            if member or dynamodb_backends[account][region].tables.get(table.name) is not None:
                raise _invalid(f"Failed to create a replica of table {table.name} in {region}: "
                               "a table with that name already exists there")
            plan.creates.append((region,) + _replica_sse(table, region, spec))
        elif not member:
            raise _invalid(REPLICA_NOT_FOUND)
        elif action == "Delete":
            plan.deletes.append(region)
        # Update (replica throughput, KMS or table class override): accepted, nothing tracked.
    for update in witness_updates:  # botocore's model allows exactly one
        if update.get("Create"):
            plan.witness_create = update["Create"].get("RegionName")
        elif update.get("Delete"):
            plan.witness_delete = update["Delete"].get("RegionName")
    if group is None and not plan.creates:
        raise _invalid("MultiRegionConsistency and witnesses are only valid in a request that creates "
                       "a global table with Create actions")
    if plan.mode == "STRONG":
        _check_mrsc(table, group, local, plan)
    else:
        if plan.witness_create or plan.witness_delete:
            raise _invalid("A witness can only be part of a global table with MultiRegionConsistency set to STRONG")
        if len(plan.creates) + len(plan.deletes) > 1:
            raise _invalid("Only one replica can be created or deleted per UpdateTable request")
    return plan


def _replica_sse(table, region, spec):
    """(SSE specification, customer key ARN) for a new replica, as AWS requires them."""
    if spec.get("KMSMasterKeyId"):
        arn = _kms_arn(table.account_id, region, spec["KMSMasterKeyId"])
        return {"Enabled": True, "SSEType": "KMS", "KMSMasterKeyId": arn}, arn
    if _customer_key(table):  # a customer key cannot be used outside its region
        raise _invalid(CMK_PER_REPLICA)
    if (table.sse_specification or {}).get("Enabled"):
        return {"Enabled": True, "SSEType": "KMS"}, None  # the region's own aws/dynamodb key
    return None, None


def _check_mrsc(table, group, local, plan):
    """MRSC: 3 replicas, or 2 and a witness, all in one Region set; created at once, on an empty table."""
    current = set(group.replicas) if group is not None else {local}
    after = (current | {c[0] for c in plan.creates}) - set(plan.deletes)
    witness_before = group.witness["region"] if group is not None and group.witness else None
    if plan.witness_delete and plan.witness_delete != witness_before:
        raise _invalid(f"Witness region {plan.witness_delete} is not part of this global table")
    if plan.witness_create and witness_before:
        raise _invalid("A global table can have only one witness")
    if plan.witness_delete and not plan.deletes:
        raise _invalid("A witness can only be deleted together with a replica")
    witness = plan.witness_create or (None if plan.witness_delete else witness_before)
    if group is None:
        if len(table):
            raise _invalid("MultiRegionConsistency STRONG can only be set on an empty table")
        if table.ttl.get("TimeToLiveStatus") in ("ENABLED", "ENABLING"):
            raise _invalid("Time to Live is not supported for global tables with MultiRegionConsistency set to STRONG")
    converging = (len(after) == 3 and not witness) or (len(after) == 2 and witness)
    dissolving = group is not None and len(after) == 1 and not witness
    if not (converging or dissolving):
        raise _invalid(MRSC_COUNT)
    if witness and witness in after:
        raise _invalid("The witness must be in a different Region than the replicas")
    regions = after | ({witness} if witness else set())
    if not any(regions <= s for s in MRSC_REGION_SETS):
        raise _invalid("All replicas and the witness of a global table with MultiRegionConsistency "
                       "set to STRONG must be in the same Region set")


def _make_replica(table, region, sse, consistency):
    """A new table in `region` with the source's schema and settings, sharing its item store."""
    billing = table.billing_mode or "PROVISIONED"
    throughput = None
    if billing == "PROVISIONED":
        throughput = {k: table.throughput[k] for k in ("ReadCapacityUnits", "WriteCapacityUnits")}
    streams = None  # MRSC does not use streams, so its replicas get none unless asked for
    if consistency == "EVENTUAL" and (table.stream_specification or {}).get("StreamEnabled"):
        streams = dict(table.stream_specification)
    replica = Table(
        table.name, account_id=table.account_id, region=region,
        schema=copy.deepcopy(table.schema), attr=copy.deepcopy(table.attr),
        throughput=throughput, billing_mode=billing,
        indexes=[copy.deepcopy(i.describe()) for i in table.indexes],
        global_indexes=[copy.deepcopy(i.describe()) for i in table.global_indexes],
        streams=streams, sse_specification=sse, tags=[], deletion_protection_enabled=False,
    )
    replica.items = table.items
    replica.ttl = dict(table.ttl)
    return replica


def _apply(backend, table, group, plan):
    if group is None:
        group = GlobalTable(table.account_id, table.name, plan.mode)
        group.replicas[backend.region_name] = {"status": "ACTIVE", "until": None, "kms": _customer_key(table)}
        table._drpair_global = group
        stream = table.stream_specification or {}
        if plan.mode == "EVENTUAL" and not stream.get("StreamEnabled"):
            # MREC replicates through streams, so AWS turns one on (an existing one is kept).
            table.set_stream_specification({"StreamEnabled": True, "StreamViewType": "NEW_AND_OLD_IMAGES"})
    until = _until()
    creating = "CREATING" if until else "ACTIVE"
    for region, sse, kms in plan.creates:
        replica = _make_replica(table, region, sse, group.consistency)
        replica._drpair_global = group
        dynamodb_backends[table.account_id][region].tables[table.name] = replica
        group.replicas[region] = {"status": creating, "until": until, "kms": kms}
    for region in plan.deletes:  # without a delay, settle() below removes it at once
        group.replicas[region].update(status="DELETING", until=until)
    if plan.witness_create:
        group.witness = {"region": plan.witness_create, "status": creating, "until": until}
    if plan.witness_delete:
        group.witness.update(status="DELETING", until=until)
    group.settle()


def _sync_settings(table, group, body):
    """Settings AWS synchronises across replicas follow the one that was changed."""
    for other in group.tables():
        if other is table:
            continue
        if body.get("AttributeDefinitions"):
            other.attr = copy.deepcopy(table.attr)
        if body.get("BillingMode"):
            other.billing_mode = table.billing_mode
        if body.get("ProvisionedThroughput"):
            other.throughput = dict(table.throughput)
        if body.get("GlobalSecondaryIndexUpdates"):
            other.global_indexes = [GlobalSecondaryIndex.create(copy.deepcopy(i.describe()), other.table_key_attrs)
                                    for i in table.global_indexes]


REPLICA_KEYS = ("ReplicaUpdates", "GlobalTableWitnessUpdates", "MultiRegionConsistency")


def _wrap_update_table(orig):
    def update_table(self):
        body = self.body
        backend = self.dynamodb_backend
        with _LOCK:
            table = backend.get_table(body["TableName"])
            group = _group(table)
            if group is not None and group.busy():
                raise _in_use(table.name)  # UpdateTable is refused while the table is UPDATING
            stream = body.get("StreamSpecification")
            if (group is not None and group.consistency == "EVENTUAL" and stream is not None
                    and not stream.get("StreamEnabled")):
                raise _invalid(NO_STREAM_DISABLE)
            plan = None
            if any(body.get(k) for k in REPLICA_KEYS):
                plan = _plan(backend, table, group, body.get("ReplicaUpdates") or [],
                             body.get("GlobalTableWitnessUpdates") or [], body.get("MultiRegionConsistency"))
            if any(v is not None for k, v in body.items() if k not in REPLICA_KEYS + ("TableName",)):
                orig(self)
                if group is not None:
                    _sync_settings(table, group, body)
            if plan is not None:
                _apply(backend, table, group, plan)
            return DynamoResult(table.describe())
    return update_table


# ---- everything else a replica touches ----------------------------------------------------

def _wrap_describe(orig):
    def describe(self, base_key="TableDescription"):
        with _LOCK:
            result = orig(self, base_key)
            group = _group(self)
            if group is not None and self.region_name in group.replicas:
                result[base_key].update(group.describe(self.region_name))
            return result
    return describe


def _wrap_get_table(orig):
    def get_table(self, table_name):
        _settle_backend(self)  # a replica whose deletion delay has passed is gone
        return orig(self, table_name)
    return get_table


def _wrap_list_tables(orig):
    def list_tables(self, limit, exclusive_start_table_name):
        _settle_backend(self)
        return orig(self, limit, exclusive_start_table_name)
    return list_tables


def _wrap_delete_table(orig):
    def delete_table(self, name):
        with _LOCK:
            table = self.get_table(name)
            group = _group(table)
            if group is not None and group.busy():
                raise _in_use(table.name)
            deleted = orig(self, name)
            if group is not None:  # the table leaves its group; the others stay replicas
                deleted.__dict__.pop("_drpair_global", None)
                group.replicas.pop(self.region_name, None)
                if group.consistency == "STRONG" and len(group.replicas) <= 1:
                    group.witness = None
                group.settle()
            return deleted
    return delete_table


def _wrap_stream_add(orig):
    def add(self, old, new):
        orig(self, old, new)
        group = self.table.__dict__.get("_drpair_global")
        if group is None:
            return
        for other in group.tables():  # every replica's stream records every write
            if other is not self.table and other.stream_shard is not None:
                orig(other.stream_shard, old, new)
    return add


def _wrap_update_time_to_live(orig):
    def update_time_to_live(self, table_name, ttl_spec):
        table = self.tables.get(table_name)
        group = _group(table)
        if group is not None and group.consistency == "STRONG" and ttl_spec.get("Enabled"):
            raise _invalid("Time to Live is not supported for global tables with MultiRegionConsistency set to STRONG")
        orig(self, table_name, ttl_spec)
        if group is not None:  # TTL settings are synchronised to all replicas
            for other in group.tables():
                other.ttl = dict(table.ttl)
    return update_time_to_live


def _transaction_groups(backend, names):
    groups = {}
    for name in names:
        table = backend.tables.get(name)
        group = _group(table)
        if group is not None:
            if group.consistency == "STRONG":
                raise _invalid("Transactions are not supported for global tables with MultiRegionConsistency set to STRONG")
            groups[table.name] = group
    return groups


def _wrap_transact_write_items(orig):
    def transact_write_items(self, transact_items):
        names = [next(iter(item.values())).get("TableName") for item in transact_items]
        groups = _transaction_groups(self, names)
        try:
            return orig(self, transact_items)
        finally:
            # A failed transaction puts back a deep copy of the table, with its own item store.
            for name, group in groups.items():
                if self.tables.get(name) is not None:
                    group.share_items(self.tables[name])
    return transact_write_items


def _wrap_transact_get_items(orig):
    def transact_get_items(self):
        names = [next(iter(item.values())).get("TableName") for item in self.body.get("TransactItems", [])]
        _transaction_groups(self.dynamodb_backend, names)
        return orig(self)
    return transact_get_items


def install():
    """Patch moto's DynamoDB classes once; call before the server handles a request."""
    global _installed
    if _installed:
        return
    _installed = True
    DynamoHandler.update_table = _wrap_update_table(DynamoHandler.update_table)
    DynamoHandler.transact_get_items = _wrap_transact_get_items(DynamoHandler.transact_get_items)
    DynamoDBBackend.get_table = _wrap_get_table(DynamoDBBackend.get_table)
    DynamoDBBackend.list_tables = _wrap_list_tables(DynamoDBBackend.list_tables)
    DynamoDBBackend.delete_table = _wrap_delete_table(DynamoDBBackend.delete_table)
    DynamoDBBackend.update_time_to_live = _wrap_update_time_to_live(DynamoDBBackend.update_time_to_live)
    DynamoDBBackend.transact_write_items = _wrap_transact_write_items(DynamoDBBackend.transact_write_items)
    Table.describe = _wrap_describe(Table.describe)
    StreamShard.add = _wrap_stream_add(StreamShard.add)
