"""RDS global-database behaviour that moto 5.2.5 lacks or gets wrong, patched in at start-up.

A DR provider drives Aurora global databases through exactly the calls moto is weakest at:
SwitchoverGlobalCluster and FailoverGlobalCluster are not implemented (HTTP 500),
RemoveFromGlobalCluster only works when called in us-east-1, DescribeGlobalClusters ignores
its identifier, deleting a member cluster silently detaches it, DeleteGlobalCluster ignores
DeletionProtection, and ModifyGlobalCluster and ResetDBClusterParameterGroup are missing.
`install()` fixes these on moto's own classes, so everything else (serialisation, error
shapes) stays moto's.

moto keeps every global cluster in the us-east-1 backend whatever region the call was made
in; we keep that, and never need a member's region to change roles, so a failover with
AllowDataLoss works while the writer's region is in an injected outage.
"""
import time

from moto.core.responses import ActionResult
from moto.rds.exceptions import DBClusterNotFoundError, DBClusterParameterGroupNotFoundError, RDSClientError
from moto.rds.models import DBCluster, DBInstance, RDSBackend, rds_backends
from moto.rds.responses import RDSResponse

from .faults import FAULTS

GLOBAL_REGION = "us-east-1"  # where moto stores global clusters
_installed = False


def _err(code, message):
    return RDSClientError(code, message)


def _global_clusters(account_id):
    return rds_backends[account_id][GLOBAL_REGION].global_clusters


def _get_global(account_id, ident):
    """The named global cluster (identifier or ARN), or GlobalClusterNotFoundFault (404)."""
    name = ident.split(":")[-1] if ident else ident
    gc = _global_clusters(account_id).get(name) if name else None
    if gc is None:
        raise _err("GlobalClusterNotFoundFault", f"Global cluster {ident} not found")
    return gc


def _global_of(cluster):
    for gc in _global_clusters(cluster.account_id).values():
        if cluster in gc.members:
            return gc
    return None


def _member(gc, ident, region=None):
    """A member named by ARN, or by identifier within `region` (names repeat across regions)."""
    for c in gc.members:
        if ident == c.db_cluster_arn or (
            region and c.region == region and ident.lower() == c.db_cluster_identifier
        ):
            return c
    raise DBClusterNotFoundError(
        ident, message=f"DBCluster {ident} is not a member of global cluster {gc.global_cluster_identifier}"
    )


def _writer(gc):
    return next((c for c in gc.members if c.is_writer), None)


def _make_writer(gc, target):
    for c in gc.members:
        c.is_writer = c is target


# ---- backend methods -------------------------------------------------------------------

def switchover_global_cluster(self, global_cluster_identifier, target_db_cluster_identifier):
    """Planned switchover: needs every member reachable, so it fails during an outage."""
    gc = _get_global(self.account_id, global_cluster_identifier)
    target = _member(gc, target_db_cluster_identifier, self.region_name)
    if target.is_writer:
        raise _err("InvalidGlobalClusterStateFault",
                   f"DBCluster {target.db_cluster_arn} is already the primary cluster of {gc.global_cluster_identifier}")
    down = [c.db_cluster_arn for c in gc.members if FAULTS.in_outage(c.region)]
    if down:
        raise _err("InvalidGlobalClusterStateFault",
                   f"Global cluster {gc.global_cluster_identifier} cannot switch over: members unavailable: {', '.join(down)}")
    _make_writer(gc, target)
    return gc


def failover_global_cluster(self, global_cluster_identifier, target_db_cluster_identifier,
                            allow_data_loss=None, switchover=None):
    """AllowDataLoss: promote the target whatever state the writer is in; else a switchover."""
    if allow_data_loss and switchover:
        raise _err("InvalidParameterCombination", "Cannot specify both AllowDataLoss and Switchover")
    if not allow_data_loss:
        return self.switchover_global_cluster(global_cluster_identifier, target_db_cluster_identifier)
    gc = _get_global(self.account_id, global_cluster_identifier)
    target = _member(gc, target_db_cluster_identifier, self.region_name)
    if target.is_writer:
        raise _err("InvalidGlobalClusterStateFault",
                   f"DBCluster {target.db_cluster_arn} is already the primary cluster of {gc.global_cluster_identifier}")
    _make_writer(gc, target)  # the old writer stays a member, as a secondary, as AWS does
    return gc


def remove_from_global_cluster(self, global_cluster_identifier, db_cluster_identifier):
    """Detach a member, which becomes a standalone cluster; the writer can only go last."""
    gc = _get_global(self.account_id, global_cluster_identifier)
    cluster = _member(gc, db_cluster_identifier, self.region_name)
    if cluster.is_writer and len(gc.members) > 1:
        raise _err("InvalidGlobalClusterStateFault",
                   f"Cannot remove primary cluster {cluster.db_cluster_arn} from global cluster "
                   f"{gc.global_cluster_identifier} while it has secondary clusters")
    gc.members.remove(cluster)
    cluster.global_cluster_identifier = None
    cluster.is_writer = False
    return gc


def describe_global_clusters(self, global_cluster_identifier=None):
    if global_cluster_identifier:
        return [_get_global(self.account_id, global_cluster_identifier)]
    return list(self.global_clusters.values())


def _major(engine, version):
    """The major part of an engine version: 15 of 15.4, 5.7 of 5.7.mysql_aurora.2.11.2, 9.6 of 9.6.22."""
    parts = version.split(".")
    if "postgres" in engine and parts[0].isdigit() and int(parts[0]) >= 10:
        return parts[0]
    return ".".join(parts[:2])


def modify_global_cluster(self, global_cluster_identifier, new_global_cluster_identifier=None,
                          deletion_protection=None, engine_version=None, allow_major_version_upgrade=None):
    """Deletion protection and engine version; a new version goes to every member too."""
    gc = _get_global(self.account_id, global_cluster_identifier)
    if new_global_cluster_identifier:  # renaming would have to re-key moto's dict and ARNs
        raise _err("InvalidParameterValue", "NewGlobalClusterIdentifier is not supported by this stand-in")
    if engine_version and engine_version != gc.engine_version:
        old, new = _major(gc.engine, gc.engine_version), _major(gc.engine, engine_version)
        if old != new and not allow_major_version_upgrade:
            raise _err("InvalidParameterCombination",
                       "The AllowMajorVersionUpgrade flag must be present when upgrading to a new major version.")
        gc.engine_version = engine_version
        for c in gc.members:  # the DBCluster objects themselves, whatever their region
            c.engine_version = engine_version
    if deletion_protection is not None:
        gc.deletion_protection = deletion_protection
    return gc


def _wrap_delete_global_cluster(orig):
    def delete_global_cluster(self, global_cluster_identifier):
        gc = _get_global(self.account_id, global_cluster_identifier)
        if gc.deletion_protection:  # moto deletes it anyway
            raise _err("InvalidParameterCombination",
                       f"Cannot delete protected global cluster {gc.global_cluster_identifier}, "
                       "please disable deletion protection and try again.")
        return orig(self, gc.global_cluster_identifier)
    return delete_global_cluster


def reset_db_cluster_parameter_group(self, db_cluster_parameter_group_name, reset_all_parameters=None,
                                     parameter_names=()):
    """Back to engine defaults. moto stores only what was set, so resetting is forgetting."""
    group = self.db_cluster_parameter_groups.get(db_cluster_parameter_group_name)
    if group is None:
        raise DBClusterParameterGroupNotFoundError(db_cluster_parameter_group_name)
    if reset_all_parameters and parameter_names:
        raise _err("InvalidParameterCombination", "Cannot specify both ResetAllParameters and Parameters")
    for name in list(group.parameters) if reset_all_parameters else parameter_names:
        group.parameters.pop(name, None)  # never set (or unknown to moto): nothing to reset
    return group


def _kms_arn(backend, key_id):
    """KmsKeyId as AWS reports it: the key's ARN, looked up in the cluster's own region."""
    try:
        return backend.kms.describe_key(key_id).arn
    except Exception:
        raise _err("KMSKeyNotAccessibleFault",
                   f"Specified KMS key [{key_id}] does not exist, is not enabled or you do not have permissions to access it.")


def _ready_at():
    delay = FAULTS.create_delay_seconds
    return time.monotonic() + delay if delay > 0 else None


def _wrap_create_db_cluster(orig):
    def create_db_cluster(self, kwargs):
        # moto stores the new cluster *before* anything can fail and never checks the name:
        # a repeated create would replace the live cluster with a half-made one. AWS refuses.
        if kwargs["db_cluster_identifier"] in self.clusters:
            raise _err("DBClusterAlreadyExistsFault", "DB Cluster already exists")
        gid = kwargs.get("global_cluster_identifier")
        gc = _get_global(self.account_id, gid) if gid else None
        writer = _writer(gc) if gc else None
        if gc is not None:
            if gc.storage_encrypted:
                kwargs["storage_encrypted"] = True
                if writer is not None and writer.region != self.region_name and not kwargs.get("kms_key_id"):
                    raise _err("InvalidParameterCombination",
                               "For encrypted cross-region replica, kmsKeyId should be explicitly specified")
            if writer is not None and not kwargs.get("master_username"):
                kwargs["master_username"] = writer.master_username  # shared by the global database
            elif writer is None and not kwargs.get("master_username"):  # moto lets a primary skip it
                raise _err("InvalidParameterValue", "The parameter MasterUsername must be provided and must not be blank.")
        if kwargs.get("kms_key_id"):
            kwargs["kms_key_id"] = _kms_arn(self, kwargs["kms_key_id"])
        elif kwargs.get("storage_encrypted"):  # AWS falls back to the RDS managed key
            kwargs["kms_key_id"] = _kms_arn(self, "alias/aws/rds")
        cluster = orig(self, kwargs)
        if not cluster.storage_encrypted and not kwargs.get("kms_key_id"):
            cluster.kms_key_id = None  # moto says "default_kms_key_id"; AWS reports no key
        cluster._drpair_ready_at = _ready_at()
        return cluster
    return create_db_cluster


def _wrap_delete_db_cluster(orig):
    def delete_db_cluster(self, cluster_identifier, snapshot_name=None):
        cluster = self.clusters.get(cluster_identifier)
        gc = _global_of(cluster) if cluster is not None else None
        if gc is not None and len(gc.members) > 1:
            if cluster.is_writer:
                raise _err("InvalidGlobalClusterStateFault",
                           "Unable to delete cluster that is a primary member of global cluster while there are other global cluster members")
            raise _err("InvalidDBClusterStateFault",
                       "This cluster is a part of a global cluster, please remove it from globalcluster first")
        deleted = orig(self, cluster_identifier, snapshot_name)
        if gc is not None and deleted in gc.members:  # the last member goes with its cluster
            gc.members.remove(deleted)
        # Automated backups go with the cluster, as on AWS (moto does this for instances only).
        # moto names them rds:<id>-<YYYY-MM-DD-HH-MM>, so a leftover made a re-create of the
        # same name within the minute fail half-way (DBClusterSnapshotAlreadyExistsFault after
        # storing the cluster, before it joined its global cluster or got its delay): an
        # orphan that callers tolerating *AlreadyExists took for their cluster.
        for sid, snap in list(self.cluster_snapshots.items()):
            if snap.snapshot_type == "automated" and snap.db_cluster_identifier == deleted.db_cluster_identifier:
                del self.cluster_snapshots[sid]
        return deleted
    return delete_db_cluster


def _wrap_create_db_instance(orig):
    def create_db_instance(self, db_kwargs):
        database = orig(self, db_kwargs)
        database._drpair_ready_at = _ready_at()
        return database
    return create_db_instance


# ---- status with optional creation delay -----------------------------------------------

def _wrap_cluster_status(orig_prop):
    def status(self):
        ready = getattr(self, "_drpair_ready_at", None)
        if ready is not None and self._status == "creating":
            if time.monotonic() < ready:
                return "creating"
            self._status = "available"
        return orig_prop.fget(self)
    return property(status, orig_prop.fset)


def _instance_status_get(self):
    value = self.__dict__.get("_drpair_status")
    ready = self.__dict__.get("_drpair_ready_at")
    if value == "available" and ready is not None and time.monotonic() < ready:
        return "creating"
    return value


def _instance_status_set(self, value):
    self.__dict__["_drpair_status"] = value


# ---- response handlers -----------------------------------------------------------------

def _resp_switchover_global_cluster(self):
    gc = self.backend.switchover_global_cluster(
        global_cluster_identifier=self.params.get("GlobalClusterIdentifier"),
        target_db_cluster_identifier=self.params.get("TargetDbClusterIdentifier"),
    )
    return ActionResult({"GlobalCluster": gc})


def _resp_failover_global_cluster(self):
    gc = self.backend.failover_global_cluster(
        global_cluster_identifier=self.params.get("GlobalClusterIdentifier"),
        target_db_cluster_identifier=self.params.get("TargetDbClusterIdentifier"),
        allow_data_loss=self.params.get("AllowDataLoss"),
        switchover=self.params.get("Switchover"),
    )
    return ActionResult({"GlobalCluster": gc})


def _resp_remove_from_global_cluster(self):
    gc = self.backend.remove_from_global_cluster(
        global_cluster_identifier=self.params.get("GlobalClusterIdentifier"),
        db_cluster_identifier=self.params.get("DbClusterIdentifier"),
    )
    return ActionResult({"GlobalCluster": gc})


def _resp_describe_global_clusters(self):
    clusters = self.global_backend.describe_global_clusters(
        global_cluster_identifier=self.params.get("GlobalClusterIdentifier"))
    return ActionResult({"GlobalClusters": clusters})


def _resp_modify_global_cluster(self):
    gc = self.backend.modify_global_cluster(
        global_cluster_identifier=self.params.get("GlobalClusterIdentifier"),
        new_global_cluster_identifier=self.params.get("NewGlobalClusterIdentifier"),
        deletion_protection=self.params.get("DeletionProtection"),
        engine_version=self.params.get("EngineVersion"),
        allow_major_version_upgrade=self.params.get("AllowMajorVersionUpgrade"),
    )
    return ActionResult({"GlobalCluster": gc})


def _resp_reset_db_cluster_parameter_group(self):
    group = self.backend.reset_db_cluster_parameter_group(
        db_cluster_parameter_group_name=self.params.get("DBClusterParameterGroupName"),
        reset_all_parameters=self.params.get("ResetAllParameters"),
        parameter_names=[p["ParameterName"] for p in self.params.get("Parameters", [])],
    )
    return ActionResult({"DBClusterParameterGroupName": group.name})


def install():
    """Patch moto's RDS classes once; call before the server handles a request."""
    global _installed
    if _installed:
        return
    _installed = True
    RDSBackend.switchover_global_cluster = switchover_global_cluster
    RDSBackend.failover_global_cluster = failover_global_cluster
    RDSBackend.remove_from_global_cluster = remove_from_global_cluster
    RDSBackend.describe_global_clusters = describe_global_clusters
    RDSBackend.modify_global_cluster = modify_global_cluster
    RDSBackend.reset_db_cluster_parameter_group = reset_db_cluster_parameter_group
    RDSBackend.delete_global_cluster = _wrap_delete_global_cluster(RDSBackend.delete_global_cluster)
    RDSBackend.create_db_cluster = _wrap_create_db_cluster(RDSBackend.create_db_cluster)
    RDSBackend.delete_db_cluster = _wrap_delete_db_cluster(RDSBackend.delete_db_cluster)
    RDSBackend.create_db_instance = _wrap_create_db_instance(RDSBackend.create_db_instance)
    DBCluster.status = _wrap_cluster_status(DBCluster.status)
    DBInstance.status = property(_instance_status_get, _instance_status_set)
    RDSResponse.switchover_global_cluster = _resp_switchover_global_cluster
    RDSResponse.failover_global_cluster = _resp_failover_global_cluster
    RDSResponse.remove_from_global_cluster = _resp_remove_from_global_cluster
    RDSResponse.describe_global_clusters = _resp_describe_global_clusters
    RDSResponse.modify_global_cluster = _resp_modify_global_cluster
    RDSResponse.reset_db_cluster_parameter_group = _resp_reset_db_cluster_parameter_group
