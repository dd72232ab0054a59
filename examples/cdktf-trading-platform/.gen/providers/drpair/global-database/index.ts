// https://registry.terraform.io/providers/drpair/drpair/0.1.0/docs/resources/global_database
// generated from terraform resource schema

import { Construct } from 'constructs';
import * as cdktf from 'cdktf';

// Configuration

export interface GlobalDatabaseConfig extends cdktf.TerraformMetaArguments {
  /**
  * Name of the database created in the cluster. Changing it replaces the database.
  *
  * Docs at Terraform Registry: {@link https://registry.terraform.io/providers/drpair/drpair/0.1.0/docs/resources/global_database#database_name GlobalDatabase#database_name}
  */
  readonly databaseName: string;
  /**
  * Refuse to delete the database while true. Default false.
  *
  * Docs at Terraform Registry: {@link https://registry.terraform.io/providers/drpair/drpair/0.1.0/docs/resources/global_database#deletion_protection GlobalDatabase#deletion_protection}
  */
  readonly deletionProtection?: boolean | cdktf.IResolvable;
  /**
  * Aurora PostgreSQL version, `<major>.<minor>` (e.g. `15.4`). Upgrades run in place on the global cluster.
  *
  * Docs at Terraform Registry: {@link https://registry.terraform.io/providers/drpair/drpair/0.1.0/docs/resources/global_database#engine_version GlobalDatabase#engine_version}
  */
  readonly engineVersion: string;
  /**
  * Instance class of every instance in both regions, e.g. `db.r6g.large`. Burstable `db.t*` classes are not supported by Aurora global databases.
  *
  * Docs at Terraform Registry: {@link https://registry.terraform.io/providers/drpair/drpair/0.1.0/docs/resources/global_database#instance_class GlobalDatabase#instance_class}
  */
  readonly instanceClass: string;
  /**
  * Master password, 8 to 128 printable ASCII characters without `/`, `"`, `@` or spaces. Write-only: never stored in plan or state. Required at create.
  *
  * Docs at Terraform Registry: {@link https://registry.terraform.io/providers/drpair/drpair/0.1.0/docs/resources/global_database#master_password_wo GlobalDatabase#master_password_wo}
  */
  readonly masterPasswordWo?: string;
  /**
  * Change this number to apply a new `master_password_wo` to the current writer.
  *
  * Docs at Terraform Registry: {@link https://registry.terraform.io/providers/drpair/drpair/0.1.0/docs/resources/global_database#master_password_wo_version GlobalDatabase#master_password_wo_version}
  */
  readonly masterPasswordWoVersion?: number;
  /**
  * Master user name. Changing it replaces the database.
  *
  * Docs at Terraform Registry: {@link https://registry.terraform.io/providers/drpair/drpair/0.1.0/docs/resources/global_database#master_username GlobalDatabase#master_username}
  */
  readonly masterUsername: string;
  /**
  * Managed recovery point objective (`rds.global_db_rpo`, at least 20): Aurora holds commits on the writer when the secondary lags more than this. Unset means unbounded data loss on an unplanned failover.
  *
  * Docs at Terraform Registry: {@link https://registry.terraform.io/providers/drpair/drpair/0.1.0/docs/resources/global_database#max_rpo_seconds GlobalDatabase#max_rpo_seconds}
  */
  readonly maxRpoSeconds?: number;
  /**
  * Resource-type part of every AWS name: the global cluster is `<name>-<environment>-<suffix>`, regional clusters add `-<region>`. Changing it replaces the database.
  *
  * Docs at Terraform Registry: {@link https://registry.terraform.io/providers/drpair/drpair/0.1.0/docs/resources/global_database#name GlobalDatabase#name}
  */
  readonly name: string;
  /**
  * Instances in the primary region's cluster (writer plus readers), 1 to 16. Default 1.
  *
  * Docs at Terraform Registry: {@link https://registry.terraform.io/providers/drpair/drpair/0.1.0/docs/resources/global_database#primary_instance_count GlobalDatabase#primary_instance_count}
  */
  readonly primaryInstanceCount?: number;
  /**
  * Security groups of the primary region's cluster.
  *
  * Docs at Terraform Registry: {@link https://registry.terraform.io/providers/drpair/drpair/0.1.0/docs/resources/global_database#primary_security_group_ids GlobalDatabase#primary_security_group_ids}
  */
  readonly primarySecurityGroupIds?: string[];
  /**
  * Subnets (at least two, in different availability zones) for the primary region.
  *
  * Docs at Terraform Registry: {@link https://registry.terraform.io/providers/drpair/drpair/0.1.0/docs/resources/global_database#primary_subnet_ids GlobalDatabase#primary_subnet_ids}
  */
  readonly primarySubnetIds: string[];
  /**
  * Instances in the secondary region's cluster, 0 to 16 (0 makes it headless). Default 1.
  *
  * Docs at Terraform Registry: {@link https://registry.terraform.io/providers/drpair/drpair/0.1.0/docs/resources/global_database#secondary_instance_count GlobalDatabase#secondary_instance_count}
  */
  readonly secondaryInstanceCount?: number;
  /**
  * Security groups of the secondary region's cluster.
  *
  * Docs at Terraform Registry: {@link https://registry.terraform.io/providers/drpair/drpair/0.1.0/docs/resources/global_database#secondary_security_group_ids GlobalDatabase#secondary_security_group_ids}
  */
  readonly secondarySecurityGroupIds?: string[];
  /**
  * Subnets (at least two, in different availability zones) for the secondary region.
  *
  * Docs at Terraform Registry: {@link https://registry.terraform.io/providers/drpair/drpair/0.1.0/docs/resources/global_database#secondary_subnet_ids GlobalDatabase#secondary_subnet_ids}
  */
  readonly secondarySubnetIds: string[];
  /**
  * timeouts block
  *
  * Docs at Terraform Registry: {@link https://registry.terraform.io/providers/drpair/drpair/0.1.0/docs/resources/global_database#timeouts GlobalDatabase#timeouts}
  */
  readonly timeouts?: GlobalDatabaseTimeouts;
}
export interface GlobalDatabaseClusters {
}

export function globalDatabaseClustersToTerraform(struct?: GlobalDatabaseClusters): any {
  if (!cdktf.canInspect(struct) || cdktf.Tokenization.isResolvable(struct)) { return struct; }
  if (cdktf.isComplexElement(struct)) {
    throw new Error("A complex element was used as configuration, this is not supported: https://cdk.tf/complex-object-as-configuration");
  }
  return {
  }
}


export function globalDatabaseClustersToHclTerraform(struct?: GlobalDatabaseClusters): any {
  if (!cdktf.canInspect(struct) || cdktf.Tokenization.isResolvable(struct)) { return struct; }
  if (cdktf.isComplexElement(struct)) {
    throw new Error("A complex element was used as configuration, this is not supported: https://cdk.tf/complex-object-as-configuration");
  }
  const attrs = {
  };
  return attrs;
}

export class GlobalDatabaseClustersOutputReference extends cdktf.ComplexObject {
  private isEmptyObject = false;

  /**
  * @param terraformResource The parent resource
  * @param terraformAttribute The attribute on the parent resource this class is referencing
  * @param complexObjectKey the key of this item in the map
  */
  public constructor(terraformResource: cdktf.IInterpolatingParent, terraformAttribute: string, complexObjectKey: string) {
    super(terraformResource, terraformAttribute, false, complexObjectKey);
  }

  public get internalValue(): GlobalDatabaseClusters | undefined {
    let hasAnyValues = this.isEmptyObject;
    const internalValueResult: any = {};
    return hasAnyValues ? internalValueResult : undefined;
  }

  public set internalValue(value: GlobalDatabaseClusters | undefined) {
    if (value === undefined) {
      this.isEmptyObject = false;
    }
    else {
      this.isEmptyObject = Object.keys(value).length === 0;
    }
  }

  // arn - computed: true, optional: false, required: false
  public get arn() {
    return this.getStringAttribute('arn');
  }

  // endpoint - computed: true, optional: false, required: false
  public get endpoint() {
    return this.getStringAttribute('endpoint');
  }

  // identifier - computed: true, optional: false, required: false
  public get identifier() {
    return this.getStringAttribute('identifier');
  }

  // instance_ids - computed: true, optional: false, required: false
  public get instanceIds() {
    return this.getListAttribute('instance_ids');
  }

  // kms_key_arn - computed: true, optional: false, required: false
  public get kmsKeyArn() {
    return this.getStringAttribute('kms_key_arn');
  }

  // reader_endpoint - computed: true, optional: false, required: false
  public get readerEndpoint() {
    return this.getStringAttribute('reader_endpoint');
  }
}

export class GlobalDatabaseClustersMap extends cdktf.ComplexMap {

  /**
  * @param terraformResource The parent resource
  * @param terraformAttribute The attribute on the parent resource this class is referencing
  */
  constructor(protected terraformResource: cdktf.IInterpolatingParent, protected terraformAttribute: string) {
    super(terraformResource, terraformAttribute)
  }

  /**
  * @param key the key of the item to return
  */
  public get(key: string): GlobalDatabaseClustersOutputReference {
    return new GlobalDatabaseClustersOutputReference(this.terraformResource, this.terraformAttribute, key);
  }
}
export interface GlobalDatabaseInventory {
}

export function globalDatabaseInventoryToTerraform(struct?: GlobalDatabaseInventory): any {
  if (!cdktf.canInspect(struct) || cdktf.Tokenization.isResolvable(struct)) { return struct; }
  if (cdktf.isComplexElement(struct)) {
    throw new Error("A complex element was used as configuration, this is not supported: https://cdk.tf/complex-object-as-configuration");
  }
  return {
  }
}


export function globalDatabaseInventoryToHclTerraform(struct?: GlobalDatabaseInventory): any {
  if (!cdktf.canInspect(struct) || cdktf.Tokenization.isResolvable(struct)) { return struct; }
  if (cdktf.isComplexElement(struct)) {
    throw new Error("A complex element was used as configuration, this is not supported: https://cdk.tf/complex-object-as-configuration");
  }
  const attrs = {
  };
  return attrs;
}

export class GlobalDatabaseInventoryOutputReference extends cdktf.ComplexObject {
  private isEmptyObject = false;

  /**
  * @param terraformResource The parent resource
  * @param terraformAttribute The attribute on the parent resource this class is referencing
  * @param complexObjectIndex the index of this item in the list
  * @param complexObjectIsFromSet whether the list is wrapping a set (will add tolist() to be able to access an item via an index)
  */
  public constructor(terraformResource: cdktf.IInterpolatingParent, terraformAttribute: string, complexObjectIndex: number, complexObjectIsFromSet: boolean) {
    super(terraformResource, terraformAttribute, complexObjectIsFromSet, complexObjectIndex);
  }

  public get internalValue(): GlobalDatabaseInventory | undefined {
    let hasAnyValues = this.isEmptyObject;
    const internalValueResult: any = {};
    return hasAnyValues ? internalValueResult : undefined;
  }

  public set internalValue(value: GlobalDatabaseInventory | undefined) {
    if (value === undefined) {
      this.isEmptyObject = false;
    }
    else {
      this.isEmptyObject = Object.keys(value).length === 0;
    }
  }

  // id - computed: true, optional: false, required: false
  public get id() {
    return this.getStringAttribute('id');
  }

  // kind - computed: true, optional: false, required: false
  public get kind() {
    return this.getStringAttribute('kind');
  }

  // region - computed: true, optional: false, required: false
  public get region() {
    return this.getStringAttribute('region');
  }
}

export class GlobalDatabaseInventoryList extends cdktf.ComplexList {

  /**
  * @param terraformResource The parent resource
  * @param terraformAttribute The attribute on the parent resource this class is referencing
  * @param wrapsSet whether the list is wrapping a set (will add tolist() to be able to access an item via an index)
  */
  constructor(protected terraformResource: cdktf.IInterpolatingParent, protected terraformAttribute: string, protected wrapsSet: boolean) {
    super(terraformResource, terraformAttribute, wrapsSet)
  }

  /**
  * @param index the index of the item to return
  */
  public get(index: number): GlobalDatabaseInventoryOutputReference {
    return new GlobalDatabaseInventoryOutputReference(this.terraformResource, this.terraformAttribute, index, this.wrapsSet);
  }
}
export interface GlobalDatabaseTimeouts {
  /**
  * Time limit for creating the whole pair.
  *
  * Docs at Terraform Registry: {@link https://registry.terraform.io/providers/drpair/drpair/0.1.0/docs/resources/global_database#create GlobalDatabase#create}
  */
  readonly create?: string;
  /**
  * Time limit for destroying the whole pair.
  *
  * Docs at Terraform Registry: {@link https://registry.terraform.io/providers/drpair/drpair/0.1.0/docs/resources/global_database#delete GlobalDatabase#delete}
  */
  readonly delete?: string;
  /**
  * Time limit for an in-place update or repair.
  *
  * Docs at Terraform Registry: {@link https://registry.terraform.io/providers/drpair/drpair/0.1.0/docs/resources/global_database#update GlobalDatabase#update}
  */
  readonly update?: string;
}

export function globalDatabaseTimeoutsToTerraform(struct?: GlobalDatabaseTimeouts | cdktf.IResolvable): any {
  if (!cdktf.canInspect(struct) || cdktf.Tokenization.isResolvable(struct)) { return struct; }
  if (cdktf.isComplexElement(struct)) {
    throw new Error("A complex element was used as configuration, this is not supported: https://cdk.tf/complex-object-as-configuration");
  }
  return {
    create: cdktf.stringToTerraform(struct!.create),
    delete: cdktf.stringToTerraform(struct!.delete),
    update: cdktf.stringToTerraform(struct!.update),
  }
}


export function globalDatabaseTimeoutsToHclTerraform(struct?: GlobalDatabaseTimeouts | cdktf.IResolvable): any {
  if (!cdktf.canInspect(struct) || cdktf.Tokenization.isResolvable(struct)) { return struct; }
  if (cdktf.isComplexElement(struct)) {
    throw new Error("A complex element was used as configuration, this is not supported: https://cdk.tf/complex-object-as-configuration");
  }
  const attrs = {
    create: {
      value: cdktf.stringToHclTerraform(struct!.create),
      isBlock: false,
      type: "simple",
      storageClassType: "string",
    },
    delete: {
      value: cdktf.stringToHclTerraform(struct!.delete),
      isBlock: false,
      type: "simple",
      storageClassType: "string",
    },
    update: {
      value: cdktf.stringToHclTerraform(struct!.update),
      isBlock: false,
      type: "simple",
      storageClassType: "string",
    },
  };

  // remove undefined attributes
  return Object.fromEntries(Object.entries(attrs).filter(([_, value]) => value !== undefined && value.value !== undefined));
}

export class GlobalDatabaseTimeoutsOutputReference extends cdktf.ComplexObject {
  private isEmptyObject = false;
  private resolvableValue?: cdktf.IResolvable;

  /**
  * @param terraformResource The parent resource
  * @param terraformAttribute The attribute on the parent resource this class is referencing
  */
  public constructor(terraformResource: cdktf.IInterpolatingParent, terraformAttribute: string) {
    super(terraformResource, terraformAttribute, false);
  }

  public get internalValue(): GlobalDatabaseTimeouts | cdktf.IResolvable | undefined {
    if (this.resolvableValue) {
      return this.resolvableValue;
    }
    let hasAnyValues = this.isEmptyObject;
    const internalValueResult: any = {};
    if (this._create !== undefined) {
      hasAnyValues = true;
      internalValueResult.create = this._create;
    }
    if (this._delete !== undefined) {
      hasAnyValues = true;
      internalValueResult.delete = this._delete;
    }
    if (this._update !== undefined) {
      hasAnyValues = true;
      internalValueResult.update = this._update;
    }
    return hasAnyValues ? internalValueResult : undefined;
  }

  public set internalValue(value: GlobalDatabaseTimeouts | cdktf.IResolvable | undefined) {
    if (value === undefined) {
      this.isEmptyObject = false;
      this.resolvableValue = undefined;
      this._create = undefined;
      this._delete = undefined;
      this._update = undefined;
    }
    else if (cdktf.Tokenization.isResolvable(value)) {
      this.isEmptyObject = false;
      this.resolvableValue = value;
    }
    else {
      this.isEmptyObject = Object.keys(value).length === 0;
      this.resolvableValue = undefined;
      this._create = value.create;
      this._delete = value.delete;
      this._update = value.update;
    }
  }

  // create - computed: false, optional: true, required: false
  private _create?: string; 
  public get create() {
    return this.getStringAttribute('create');
  }
  public set create(value: string) {
    this._create = value;
  }
  public resetCreate() {
    this._create = undefined;
  }
  // Temporarily expose input value. Use with caution.
  public get createInput() {
    return this._create;
  }

  // delete - computed: false, optional: true, required: false
  private _delete?: string; 
  public get delete() {
    return this.getStringAttribute('delete');
  }
  public set delete(value: string) {
    this._delete = value;
  }
  public resetDelete() {
    this._delete = undefined;
  }
  // Temporarily expose input value. Use with caution.
  public get deleteInput() {
    return this._delete;
  }

  // update - computed: false, optional: true, required: false
  private _update?: string; 
  public get update() {
    return this.getStringAttribute('update');
  }
  public set update(value: string) {
    this._update = value;
  }
  public resetUpdate() {
    this._update = undefined;
  }
  // Temporarily expose input value. Use with caution.
  public get updateInput() {
    return this._update;
  }
}

/**
* Represents a {@link https://registry.terraform.io/providers/drpair/drpair/0.1.0/docs/resources/global_database drpair_global_database}
*/
export class GlobalDatabase extends cdktf.TerraformResource {

  // =================
  // STATIC PROPERTIES
  // =================
  public static readonly tfResourceType = "drpair_global_database";

  // ==============
  // STATIC Methods
  // ==============
  /**
  * Generates CDKTF code for importing a GlobalDatabase resource upon running "cdktf plan <stack-name>"
  * @param scope The scope in which to define this construct
  * @param importToId The construct id used in the generated config for the GlobalDatabase to import
  * @param importFromId The id of the existing GlobalDatabase that should be imported. Refer to the {@link https://registry.terraform.io/providers/drpair/drpair/0.1.0/docs/resources/global_database#import import section} in the documentation of this resource for the id to use
  * @param provider? Optional instance of the provider where the GlobalDatabase to import is found
  */
  public static generateConfigForImport(scope: Construct, importToId: string, importFromId: string, provider?: cdktf.TerraformProvider) {
        return new cdktf.ImportableResource(scope, importToId, { terraformResourceType: "drpair_global_database", importId: importFromId, provider });
      }

  // ===========
  // INITIALIZER
  // ===========

  /**
  * Create a new {@link https://registry.terraform.io/providers/drpair/drpair/0.1.0/docs/resources/global_database drpair_global_database} Resource
  *
  * @param scope The scope in which to define this construct
  * @param id The scoped construct ID. Must be unique amongst siblings in the same scope
  * @param options GlobalDatabaseConfig
  */
  public constructor(scope: Construct, id: string, config: GlobalDatabaseConfig) {
    super(scope, id, {
      terraformResourceType: 'drpair_global_database',
      terraformGeneratorMetadata: {
        providerName: 'drpair',
        providerVersion: '0.1.0',
        providerVersionConstraint: '0.1.0'
      },
      provider: config.provider,
      dependsOn: config.dependsOn,
      count: config.count,
      lifecycle: config.lifecycle,
      provisioners: config.provisioners,
      connection: config.connection,
      forEach: config.forEach
    });
    this._databaseName = config.databaseName;
    this._deletionProtection = config.deletionProtection;
    this._engineVersion = config.engineVersion;
    this._instanceClass = config.instanceClass;
    this._masterPasswordWo = config.masterPasswordWo;
    this._masterPasswordWoVersion = config.masterPasswordWoVersion;
    this._masterUsername = config.masterUsername;
    this._maxRpoSeconds = config.maxRpoSeconds;
    this._name = config.name;
    this._primaryInstanceCount = config.primaryInstanceCount;
    this._primarySecurityGroupIds = config.primarySecurityGroupIds;
    this._primarySubnetIds = config.primarySubnetIds;
    this._secondaryInstanceCount = config.secondaryInstanceCount;
    this._secondarySecurityGroupIds = config.secondarySecurityGroupIds;
    this._secondarySubnetIds = config.secondarySubnetIds;
    this._timeouts.internalValue = config.timeouts;
  }

  // ==========
  // ATTRIBUTES
  // ==========

  // clusters - computed: true, optional: false, required: false
  private _clusters = new GlobalDatabaseClustersMap(this, "clusters");
  public get clusters() {
    return this._clusters;
  }

  // database_name - computed: false, optional: false, required: true
  private _databaseName?: string; 
  public get databaseName() {
    return this.getStringAttribute('database_name');
  }
  public set databaseName(value: string) {
    this._databaseName = value;
  }
  // Temporarily expose input value. Use with caution.
  public get databaseNameInput() {
    return this._databaseName;
  }

  // deletion_protection - computed: true, optional: true, required: false
  private _deletionProtection?: boolean | cdktf.IResolvable; 
  public get deletionProtection() {
    return this.getBooleanAttribute('deletion_protection');
  }
  public set deletionProtection(value: boolean | cdktf.IResolvable) {
    this._deletionProtection = value;
  }
  public resetDeletionProtection() {
    this._deletionProtection = undefined;
  }
  // Temporarily expose input value. Use with caution.
  public get deletionProtectionInput() {
    return this._deletionProtection;
  }

  // engine_version - computed: false, optional: false, required: true
  private _engineVersion?: string; 
  public get engineVersion() {
    return this.getStringAttribute('engine_version');
  }
  public set engineVersion(value: string) {
    this._engineVersion = value;
  }
  // Temporarily expose input value. Use with caution.
  public get engineVersionInput() {
    return this._engineVersion;
  }

  // global_cluster_arn - computed: true, optional: false, required: false
  public get globalClusterArn() {
    return this.getStringAttribute('global_cluster_arn');
  }

  // global_cluster_id - computed: true, optional: false, required: false
  public get globalClusterId() {
    return this.getStringAttribute('global_cluster_id');
  }

  // id - computed: true, optional: false, required: false
  public get id() {
    return this.getStringAttribute('id');
  }

  // instance_class - computed: false, optional: false, required: true
  private _instanceClass?: string; 
  public get instanceClass() {
    return this.getStringAttribute('instance_class');
  }
  public set instanceClass(value: string) {
    this._instanceClass = value;
  }
  // Temporarily expose input value. Use with caution.
  public get instanceClassInput() {
    return this._instanceClass;
  }

  // inventory - computed: true, optional: false, required: false
  private _inventory = new GlobalDatabaseInventoryList(this, "inventory", false);
  public get inventory() {
    return this._inventory;
  }

  // master_password_wo - computed: false, optional: true, required: false
  private _masterPasswordWo?: string; 
  public get masterPasswordWo() {
    return this.getStringAttribute('master_password_wo');
  }
  public set masterPasswordWo(value: string) {
    this._masterPasswordWo = value;
  }
  public resetMasterPasswordWo() {
    this._masterPasswordWo = undefined;
  }
  // Temporarily expose input value. Use with caution.
  public get masterPasswordWoInput() {
    return this._masterPasswordWo;
  }

  // master_password_wo_version - computed: false, optional: true, required: false
  private _masterPasswordWoVersion?: number; 
  public get masterPasswordWoVersion() {
    return this.getNumberAttribute('master_password_wo_version');
  }
  public set masterPasswordWoVersion(value: number) {
    this._masterPasswordWoVersion = value;
  }
  public resetMasterPasswordWoVersion() {
    this._masterPasswordWoVersion = undefined;
  }
  // Temporarily expose input value. Use with caution.
  public get masterPasswordWoVersionInput() {
    return this._masterPasswordWoVersion;
  }

  // master_username - computed: false, optional: false, required: true
  private _masterUsername?: string; 
  public get masterUsername() {
    return this.getStringAttribute('master_username');
  }
  public set masterUsername(value: string) {
    this._masterUsername = value;
  }
  // Temporarily expose input value. Use with caution.
  public get masterUsernameInput() {
    return this._masterUsername;
  }

  // max_rpo_seconds - computed: false, optional: true, required: false
  private _maxRpoSeconds?: number; 
  public get maxRpoSeconds() {
    return this.getNumberAttribute('max_rpo_seconds');
  }
  public set maxRpoSeconds(value: number) {
    this._maxRpoSeconds = value;
  }
  public resetMaxRpoSeconds() {
    this._maxRpoSeconds = undefined;
  }
  // Temporarily expose input value. Use with caution.
  public get maxRpoSecondsInput() {
    return this._maxRpoSeconds;
  }

  // name - computed: false, optional: false, required: true
  private _name?: string; 
  public get name() {
    return this.getStringAttribute('name');
  }
  public set name(value: string) {
    this._name = value;
  }
  // Temporarily expose input value. Use with caution.
  public get nameInput() {
    return this._name;
  }

  // primary_instance_count - computed: true, optional: true, required: false
  private _primaryInstanceCount?: number; 
  public get primaryInstanceCount() {
    return this.getNumberAttribute('primary_instance_count');
  }
  public set primaryInstanceCount(value: number) {
    this._primaryInstanceCount = value;
  }
  public resetPrimaryInstanceCount() {
    this._primaryInstanceCount = undefined;
  }
  // Temporarily expose input value. Use with caution.
  public get primaryInstanceCountInput() {
    return this._primaryInstanceCount;
  }

  // primary_region - computed: true, optional: false, required: false
  public get primaryRegion() {
    return this.getStringAttribute('primary_region');
  }

  // primary_security_group_ids - computed: false, optional: true, required: false
  private _primarySecurityGroupIds?: string[]; 
  public get primarySecurityGroupIds() {
    return cdktf.Fn.tolist(this.getListAttribute('primary_security_group_ids'));
  }
  public set primarySecurityGroupIds(value: string[]) {
    this._primarySecurityGroupIds = value;
  }
  public resetPrimarySecurityGroupIds() {
    this._primarySecurityGroupIds = undefined;
  }
  // Temporarily expose input value. Use with caution.
  public get primarySecurityGroupIdsInput() {
    return this._primarySecurityGroupIds;
  }

  // primary_subnet_ids - computed: false, optional: false, required: true
  private _primarySubnetIds?: string[]; 
  public get primarySubnetIds() {
    return cdktf.Fn.tolist(this.getListAttribute('primary_subnet_ids'));
  }
  public set primarySubnetIds(value: string[]) {
    this._primarySubnetIds = value;
  }
  // Temporarily expose input value. Use with caution.
  public get primarySubnetIdsInput() {
    return this._primarySubnetIds;
  }

  // rpo_bound_seconds - computed: true, optional: false, required: false
  public get rpoBoundSeconds() {
    return this.getNumberAttribute('rpo_bound_seconds');
  }

  // secondary_instance_count - computed: true, optional: true, required: false
  private _secondaryInstanceCount?: number; 
  public get secondaryInstanceCount() {
    return this.getNumberAttribute('secondary_instance_count');
  }
  public set secondaryInstanceCount(value: number) {
    this._secondaryInstanceCount = value;
  }
  public resetSecondaryInstanceCount() {
    this._secondaryInstanceCount = undefined;
  }
  // Temporarily expose input value. Use with caution.
  public get secondaryInstanceCountInput() {
    return this._secondaryInstanceCount;
  }

  // secondary_region - computed: true, optional: false, required: false
  public get secondaryRegion() {
    return this.getStringAttribute('secondary_region');
  }

  // secondary_security_group_ids - computed: false, optional: true, required: false
  private _secondarySecurityGroupIds?: string[]; 
  public get secondarySecurityGroupIds() {
    return cdktf.Fn.tolist(this.getListAttribute('secondary_security_group_ids'));
  }
  public set secondarySecurityGroupIds(value: string[]) {
    this._secondarySecurityGroupIds = value;
  }
  public resetSecondarySecurityGroupIds() {
    this._secondarySecurityGroupIds = undefined;
  }
  // Temporarily expose input value. Use with caution.
  public get secondarySecurityGroupIdsInput() {
    return this._secondarySecurityGroupIds;
  }

  // secondary_subnet_ids - computed: false, optional: false, required: true
  private _secondarySubnetIds?: string[]; 
  public get secondarySubnetIds() {
    return cdktf.Fn.tolist(this.getListAttribute('secondary_subnet_ids'));
  }
  public set secondarySubnetIds(value: string[]) {
    this._secondarySubnetIds = value;
  }
  // Temporarily expose input value. Use with caution.
  public get secondarySubnetIdsInput() {
    return this._secondarySubnetIds;
  }

  // writer_region - computed: true, optional: false, required: false
  public get writerRegion() {
    return this.getStringAttribute('writer_region');
  }

  // timeouts - computed: false, optional: true, required: false
  private _timeouts = new GlobalDatabaseTimeoutsOutputReference(this, "timeouts");
  public get timeouts() {
    return this._timeouts;
  }
  public putTimeouts(value: GlobalDatabaseTimeouts) {
    this._timeouts.internalValue = value;
  }
  public resetTimeouts() {
    this._timeouts.internalValue = undefined;
  }
  // Temporarily expose input value. Use with caution.
  public get timeoutsInput() {
    return this._timeouts.internalValue;
  }

  // =========
  // SYNTHESIS
  // =========

  protected synthesizeAttributes(): { [name: string]: any } {
    return {
      database_name: cdktf.stringToTerraform(this._databaseName),
      deletion_protection: cdktf.booleanToTerraform(this._deletionProtection),
      engine_version: cdktf.stringToTerraform(this._engineVersion),
      instance_class: cdktf.stringToTerraform(this._instanceClass),
      master_password_wo: cdktf.stringToTerraform(this._masterPasswordWo),
      master_password_wo_version: cdktf.numberToTerraform(this._masterPasswordWoVersion),
      master_username: cdktf.stringToTerraform(this._masterUsername),
      max_rpo_seconds: cdktf.numberToTerraform(this._maxRpoSeconds),
      name: cdktf.stringToTerraform(this._name),
      primary_instance_count: cdktf.numberToTerraform(this._primaryInstanceCount),
      primary_security_group_ids: cdktf.listMapper(cdktf.stringToTerraform, false)(this._primarySecurityGroupIds),
      primary_subnet_ids: cdktf.listMapper(cdktf.stringToTerraform, false)(this._primarySubnetIds),
      secondary_instance_count: cdktf.numberToTerraform(this._secondaryInstanceCount),
      secondary_security_group_ids: cdktf.listMapper(cdktf.stringToTerraform, false)(this._secondarySecurityGroupIds),
      secondary_subnet_ids: cdktf.listMapper(cdktf.stringToTerraform, false)(this._secondarySubnetIds),
      timeouts: globalDatabaseTimeoutsToTerraform(this._timeouts.internalValue),
    };
  }

  protected synthesizeHclAttributes(): { [name: string]: any } {
    const attrs = {
      database_name: {
        value: cdktf.stringToHclTerraform(this._databaseName),
        isBlock: false,
        type: "simple",
        storageClassType: "string",
      },
      deletion_protection: {
        value: cdktf.booleanToHclTerraform(this._deletionProtection),
        isBlock: false,
        type: "simple",
        storageClassType: "boolean",
      },
      engine_version: {
        value: cdktf.stringToHclTerraform(this._engineVersion),
        isBlock: false,
        type: "simple",
        storageClassType: "string",
      },
      instance_class: {
        value: cdktf.stringToHclTerraform(this._instanceClass),
        isBlock: false,
        type: "simple",
        storageClassType: "string",
      },
      master_password_wo: {
        value: cdktf.stringToHclTerraform(this._masterPasswordWo),
        isBlock: false,
        type: "simple",
        storageClassType: "string",
      },
      master_password_wo_version: {
        value: cdktf.numberToHclTerraform(this._masterPasswordWoVersion),
        isBlock: false,
        type: "simple",
        storageClassType: "number",
      },
      master_username: {
        value: cdktf.stringToHclTerraform(this._masterUsername),
        isBlock: false,
        type: "simple",
        storageClassType: "string",
      },
      max_rpo_seconds: {
        value: cdktf.numberToHclTerraform(this._maxRpoSeconds),
        isBlock: false,
        type: "simple",
        storageClassType: "number",
      },
      name: {
        value: cdktf.stringToHclTerraform(this._name),
        isBlock: false,
        type: "simple",
        storageClassType: "string",
      },
      primary_instance_count: {
        value: cdktf.numberToHclTerraform(this._primaryInstanceCount),
        isBlock: false,
        type: "simple",
        storageClassType: "number",
      },
      primary_security_group_ids: {
        value: cdktf.listMapperHcl(cdktf.stringToHclTerraform, false)(this._primarySecurityGroupIds),
        isBlock: false,
        type: "set",
        storageClassType: "stringList",
      },
      primary_subnet_ids: {
        value: cdktf.listMapperHcl(cdktf.stringToHclTerraform, false)(this._primarySubnetIds),
        isBlock: false,
        type: "set",
        storageClassType: "stringList",
      },
      secondary_instance_count: {
        value: cdktf.numberToHclTerraform(this._secondaryInstanceCount),
        isBlock: false,
        type: "simple",
        storageClassType: "number",
      },
      secondary_security_group_ids: {
        value: cdktf.listMapperHcl(cdktf.stringToHclTerraform, false)(this._secondarySecurityGroupIds),
        isBlock: false,
        type: "set",
        storageClassType: "stringList",
      },
      secondary_subnet_ids: {
        value: cdktf.listMapperHcl(cdktf.stringToHclTerraform, false)(this._secondarySubnetIds),
        isBlock: false,
        type: "set",
        storageClassType: "stringList",
      },
      timeouts: {
        value: globalDatabaseTimeoutsToHclTerraform(this._timeouts.internalValue),
        isBlock: true,
        type: "struct",
        storageClassType: "GlobalDatabaseTimeouts",
      },
    };

    // remove undefined attributes
    return Object.fromEntries(Object.entries(attrs).filter(([_, value]) => value !== undefined && value.value !== undefined ))
  }
}
