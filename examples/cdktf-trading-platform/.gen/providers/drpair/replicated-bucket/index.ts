// https://registry.terraform.io/providers/drpair/drpair/0.1.0/docs/resources/replicated_bucket
// generated from terraform resource schema

import { Construct } from 'constructs';
import * as cdktf from 'cdktf';

// Configuration

export interface ReplicatedBucketConfig extends cdktf.TerraformMetaArguments {
  /**
  * Replicate both ways (default false: primary to secondary only). Two-way replication also syncs metadata changes made to replicas.
  *
  * Docs at Terraform Registry: {@link https://registry.terraform.io/providers/drpair/drpair/0.1.0/docs/resources/replicated_bucket#bidirectional ReplicatedBucket#bidirectional}
  */
  readonly bidirectional?: boolean | cdktf.IResolvable;
  /**
  * `config` (default): application configuration. `audit`: audit logs; the bucket policy also denies `s3:DeleteObjectVersion` to everyone, and noncurrent versions are kept at least 365 days.
  *
  * Docs at Terraform Registry: {@link https://registry.terraform.io/providers/drpair/drpair/0.1.0/docs/resources/replicated_bucket#flavour ReplicatedBucket#flavour}
  */
  readonly flavour?: string;
  /**
  * Default true (suits test environments): destroy first removes the bucket policy, then every object version and delete marker from both buckets, then the buckets. Set false for production: destroy then fails, before changing anything, while either bucket holds any object version.
  *
  * Docs at Terraform Registry: {@link https://registry.terraform.io/providers/drpair/drpair/0.1.0/docs/resources/replicated_bucket#force_destroy ReplicatedBucket#force_destroy}
  */
  readonly forceDestroy?: boolean | cdktf.IResolvable;
  /**
  * Resource-type part of every AWS name: buckets are `<name>-<environment>-<suffix>-<region>` (S3 rules: at most 63 characters, lowercase letters, digits and hyphens, checked at plan for both regions). Changing it replaces the pair.
  *
  * Docs at Terraform Registry: {@link https://registry.terraform.io/providers/drpair/drpair/0.1.0/docs/resources/replicated_bucket#name ReplicatedBucket#name}
  */
  readonly name: string;
  /**
  * Days a superseded or deleted object version is kept before the lifecycle rule expires it, in both buckets. Default 30 for `config`, 365 for `audit` (which refuses less at plan).
  *
  * Docs at Terraform Registry: {@link https://registry.terraform.io/providers/drpair/drpair/0.1.0/docs/resources/replicated_bucket#noncurrent_version_expiration_days ReplicatedBucket#noncurrent_version_expiration_days}
  */
  readonly noncurrentVersionExpirationDays?: number;
  /**
  * S3 Replication Time Control with replication metrics (default true): 99.99% of objects replicated within 15 minutes, and metrics/events when it falls behind. Billed per GB replicated.
  *
  * Docs at Terraform Registry: {@link https://registry.terraform.io/providers/drpair/drpair/0.1.0/docs/resources/replicated_bucket#replication_time_control ReplicatedBucket#replication_time_control}
  */
  readonly replicationTimeControl?: boolean | cdktf.IResolvable;
  /**
  * timeouts block
  *
  * Docs at Terraform Registry: {@link https://registry.terraform.io/providers/drpair/drpair/0.1.0/docs/resources/replicated_bucket#timeouts ReplicatedBucket#timeouts}
  */
  readonly timeouts?: ReplicatedBucketTimeouts;
}
export interface ReplicatedBucketInventory {
}

export function replicatedBucketInventoryToTerraform(struct?: ReplicatedBucketInventory): any {
  if (!cdktf.canInspect(struct) || cdktf.Tokenization.isResolvable(struct)) { return struct; }
  if (cdktf.isComplexElement(struct)) {
    throw new Error("A complex element was used as configuration, this is not supported: https://cdk.tf/complex-object-as-configuration");
  }
  return {
  }
}


export function replicatedBucketInventoryToHclTerraform(struct?: ReplicatedBucketInventory): any {
  if (!cdktf.canInspect(struct) || cdktf.Tokenization.isResolvable(struct)) { return struct; }
  if (cdktf.isComplexElement(struct)) {
    throw new Error("A complex element was used as configuration, this is not supported: https://cdk.tf/complex-object-as-configuration");
  }
  const attrs = {
  };
  return attrs;
}

export class ReplicatedBucketInventoryOutputReference extends cdktf.ComplexObject {
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

  public get internalValue(): ReplicatedBucketInventory | undefined {
    let hasAnyValues = this.isEmptyObject;
    const internalValueResult: any = {};
    return hasAnyValues ? internalValueResult : undefined;
  }

  public set internalValue(value: ReplicatedBucketInventory | undefined) {
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

export class ReplicatedBucketInventoryList extends cdktf.ComplexList {

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
  public get(index: number): ReplicatedBucketInventoryOutputReference {
    return new ReplicatedBucketInventoryOutputReference(this.terraformResource, this.terraformAttribute, index, this.wrapsSet);
  }
}
export interface ReplicatedBucketPrimary {
}

export function replicatedBucketPrimaryToTerraform(struct?: ReplicatedBucketPrimary): any {
  if (!cdktf.canInspect(struct) || cdktf.Tokenization.isResolvable(struct)) { return struct; }
  if (cdktf.isComplexElement(struct)) {
    throw new Error("A complex element was used as configuration, this is not supported: https://cdk.tf/complex-object-as-configuration");
  }
  return {
  }
}


export function replicatedBucketPrimaryToHclTerraform(struct?: ReplicatedBucketPrimary): any {
  if (!cdktf.canInspect(struct) || cdktf.Tokenization.isResolvable(struct)) { return struct; }
  if (cdktf.isComplexElement(struct)) {
    throw new Error("A complex element was used as configuration, this is not supported: https://cdk.tf/complex-object-as-configuration");
  }
  const attrs = {
  };
  return attrs;
}

export class ReplicatedBucketPrimaryOutputReference extends cdktf.ComplexObject {
  private isEmptyObject = false;

  /**
  * @param terraformResource The parent resource
  * @param terraformAttribute The attribute on the parent resource this class is referencing
  */
  public constructor(terraformResource: cdktf.IInterpolatingParent, terraformAttribute: string) {
    super(terraformResource, terraformAttribute, false);
  }

  public get internalValue(): ReplicatedBucketPrimary | undefined {
    let hasAnyValues = this.isEmptyObject;
    const internalValueResult: any = {};
    return hasAnyValues ? internalValueResult : undefined;
  }

  public set internalValue(value: ReplicatedBucketPrimary | undefined) {
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

  // bucket - computed: true, optional: false, required: false
  public get bucket() {
    return this.getStringAttribute('bucket');
  }

  // kms_key_arn - computed: true, optional: false, required: false
  public get kmsKeyArn() {
    return this.getStringAttribute('kms_key_arn');
  }
}
export interface ReplicatedBucketSecondary {
}

export function replicatedBucketSecondaryToTerraform(struct?: ReplicatedBucketSecondary): any {
  if (!cdktf.canInspect(struct) || cdktf.Tokenization.isResolvable(struct)) { return struct; }
  if (cdktf.isComplexElement(struct)) {
    throw new Error("A complex element was used as configuration, this is not supported: https://cdk.tf/complex-object-as-configuration");
  }
  return {
  }
}


export function replicatedBucketSecondaryToHclTerraform(struct?: ReplicatedBucketSecondary): any {
  if (!cdktf.canInspect(struct) || cdktf.Tokenization.isResolvable(struct)) { return struct; }
  if (cdktf.isComplexElement(struct)) {
    throw new Error("A complex element was used as configuration, this is not supported: https://cdk.tf/complex-object-as-configuration");
  }
  const attrs = {
  };
  return attrs;
}

export class ReplicatedBucketSecondaryOutputReference extends cdktf.ComplexObject {
  private isEmptyObject = false;

  /**
  * @param terraformResource The parent resource
  * @param terraformAttribute The attribute on the parent resource this class is referencing
  */
  public constructor(terraformResource: cdktf.IInterpolatingParent, terraformAttribute: string) {
    super(terraformResource, terraformAttribute, false);
  }

  public get internalValue(): ReplicatedBucketSecondary | undefined {
    let hasAnyValues = this.isEmptyObject;
    const internalValueResult: any = {};
    return hasAnyValues ? internalValueResult : undefined;
  }

  public set internalValue(value: ReplicatedBucketSecondary | undefined) {
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

  // bucket - computed: true, optional: false, required: false
  public get bucket() {
    return this.getStringAttribute('bucket');
  }

  // kms_key_arn - computed: true, optional: false, required: false
  public get kmsKeyArn() {
    return this.getStringAttribute('kms_key_arn');
  }
}
export interface ReplicatedBucketTimeouts {
  /**
  * Time limit for creating the whole pair.
  *
  * Docs at Terraform Registry: {@link https://registry.terraform.io/providers/drpair/drpair/0.1.0/docs/resources/replicated_bucket#create ReplicatedBucket#create}
  */
  readonly create?: string;
  /**
  * Time limit for destroying the whole pair.
  *
  * Docs at Terraform Registry: {@link https://registry.terraform.io/providers/drpair/drpair/0.1.0/docs/resources/replicated_bucket#delete ReplicatedBucket#delete}
  */
  readonly delete?: string;
  /**
  * Time limit for an in-place update or repair.
  *
  * Docs at Terraform Registry: {@link https://registry.terraform.io/providers/drpair/drpair/0.1.0/docs/resources/replicated_bucket#update ReplicatedBucket#update}
  */
  readonly update?: string;
}

export function replicatedBucketTimeoutsToTerraform(struct?: ReplicatedBucketTimeouts | cdktf.IResolvable): any {
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


export function replicatedBucketTimeoutsToHclTerraform(struct?: ReplicatedBucketTimeouts | cdktf.IResolvable): any {
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

export class ReplicatedBucketTimeoutsOutputReference extends cdktf.ComplexObject {
  private isEmptyObject = false;
  private resolvableValue?: cdktf.IResolvable;

  /**
  * @param terraformResource The parent resource
  * @param terraformAttribute The attribute on the parent resource this class is referencing
  */
  public constructor(terraformResource: cdktf.IInterpolatingParent, terraformAttribute: string) {
    super(terraformResource, terraformAttribute, false);
  }

  public get internalValue(): ReplicatedBucketTimeouts | cdktf.IResolvable | undefined {
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

  public set internalValue(value: ReplicatedBucketTimeouts | cdktf.IResolvable | undefined) {
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
* Represents a {@link https://registry.terraform.io/providers/drpair/drpair/0.1.0/docs/resources/replicated_bucket drpair_replicated_bucket}
*/
export class ReplicatedBucket extends cdktf.TerraformResource {

  // =================
  // STATIC PROPERTIES
  // =================
  public static readonly tfResourceType = "drpair_replicated_bucket";

  // ==============
  // STATIC Methods
  // ==============
  /**
  * Generates CDKTF code for importing a ReplicatedBucket resource upon running "cdktf plan <stack-name>"
  * @param scope The scope in which to define this construct
  * @param importToId The construct id used in the generated config for the ReplicatedBucket to import
  * @param importFromId The id of the existing ReplicatedBucket that should be imported. Refer to the {@link https://registry.terraform.io/providers/drpair/drpair/0.1.0/docs/resources/replicated_bucket#import import section} in the documentation of this resource for the id to use
  * @param provider? Optional instance of the provider where the ReplicatedBucket to import is found
  */
  public static generateConfigForImport(scope: Construct, importToId: string, importFromId: string, provider?: cdktf.TerraformProvider) {
        return new cdktf.ImportableResource(scope, importToId, { terraformResourceType: "drpair_replicated_bucket", importId: importFromId, provider });
      }

  // ===========
  // INITIALIZER
  // ===========

  /**
  * Create a new {@link https://registry.terraform.io/providers/drpair/drpair/0.1.0/docs/resources/replicated_bucket drpair_replicated_bucket} Resource
  *
  * @param scope The scope in which to define this construct
  * @param id The scoped construct ID. Must be unique amongst siblings in the same scope
  * @param options ReplicatedBucketConfig
  */
  public constructor(scope: Construct, id: string, config: ReplicatedBucketConfig) {
    super(scope, id, {
      terraformResourceType: 'drpair_replicated_bucket',
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
    this._bidirectional = config.bidirectional;
    this._flavour = config.flavour;
    this._forceDestroy = config.forceDestroy;
    this._name = config.name;
    this._noncurrentVersionExpirationDays = config.noncurrentVersionExpirationDays;
    this._replicationTimeControl = config.replicationTimeControl;
    this._timeouts.internalValue = config.timeouts;
  }

  // ==========
  // ATTRIBUTES
  // ==========

  // bidirectional - computed: true, optional: true, required: false
  private _bidirectional?: boolean | cdktf.IResolvable; 
  public get bidirectional() {
    return this.getBooleanAttribute('bidirectional');
  }
  public set bidirectional(value: boolean | cdktf.IResolvable) {
    this._bidirectional = value;
  }
  public resetBidirectional() {
    this._bidirectional = undefined;
  }
  // Temporarily expose input value. Use with caution.
  public get bidirectionalInput() {
    return this._bidirectional;
  }

  // drift - computed: true, optional: false, required: false
  public get drift() {
    return this.getListAttribute('drift');
  }

  // flavour - computed: true, optional: true, required: false
  private _flavour?: string; 
  public get flavour() {
    return this.getStringAttribute('flavour');
  }
  public set flavour(value: string) {
    this._flavour = value;
  }
  public resetFlavour() {
    this._flavour = undefined;
  }
  // Temporarily expose input value. Use with caution.
  public get flavourInput() {
    return this._flavour;
  }

  // force_destroy - computed: true, optional: true, required: false
  private _forceDestroy?: boolean | cdktf.IResolvable; 
  public get forceDestroy() {
    return this.getBooleanAttribute('force_destroy');
  }
  public set forceDestroy(value: boolean | cdktf.IResolvable) {
    this._forceDestroy = value;
  }
  public resetForceDestroy() {
    this._forceDestroy = undefined;
  }
  // Temporarily expose input value. Use with caution.
  public get forceDestroyInput() {
    return this._forceDestroy;
  }

  // id - computed: true, optional: false, required: false
  public get id() {
    return this.getStringAttribute('id');
  }

  // inventory - computed: true, optional: false, required: false
  private _inventory = new ReplicatedBucketInventoryList(this, "inventory", false);
  public get inventory() {
    return this._inventory;
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

  // noncurrent_version_expiration_days - computed: true, optional: true, required: false
  private _noncurrentVersionExpirationDays?: number; 
  public get noncurrentVersionExpirationDays() {
    return this.getNumberAttribute('noncurrent_version_expiration_days');
  }
  public set noncurrentVersionExpirationDays(value: number) {
    this._noncurrentVersionExpirationDays = value;
  }
  public resetNoncurrentVersionExpirationDays() {
    this._noncurrentVersionExpirationDays = undefined;
  }
  // Temporarily expose input value. Use with caution.
  public get noncurrentVersionExpirationDaysInput() {
    return this._noncurrentVersionExpirationDays;
  }

  // primary - computed: true, optional: false, required: false
  private _primary = new ReplicatedBucketPrimaryOutputReference(this, "primary");
  public get primary() {
    return this._primary;
  }

  // primary_region - computed: true, optional: false, required: false
  public get primaryRegion() {
    return this.getStringAttribute('primary_region');
  }

  // replication_role_arn - computed: true, optional: false, required: false
  public get replicationRoleArn() {
    return this.getStringAttribute('replication_role_arn');
  }

  // replication_time_control - computed: true, optional: true, required: false
  private _replicationTimeControl?: boolean | cdktf.IResolvable; 
  public get replicationTimeControl() {
    return this.getBooleanAttribute('replication_time_control');
  }
  public set replicationTimeControl(value: boolean | cdktf.IResolvable) {
    this._replicationTimeControl = value;
  }
  public resetReplicationTimeControl() {
    this._replicationTimeControl = undefined;
  }
  // Temporarily expose input value. Use with caution.
  public get replicationTimeControlInput() {
    return this._replicationTimeControl;
  }

  // secondary - computed: true, optional: false, required: false
  private _secondary = new ReplicatedBucketSecondaryOutputReference(this, "secondary");
  public get secondary() {
    return this._secondary;
  }

  // secondary_region - computed: true, optional: false, required: false
  public get secondaryRegion() {
    return this.getStringAttribute('secondary_region');
  }

  // timeouts - computed: false, optional: true, required: false
  private _timeouts = new ReplicatedBucketTimeoutsOutputReference(this, "timeouts");
  public get timeouts() {
    return this._timeouts;
  }
  public putTimeouts(value: ReplicatedBucketTimeouts) {
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
      bidirectional: cdktf.booleanToTerraform(this._bidirectional),
      flavour: cdktf.stringToTerraform(this._flavour),
      force_destroy: cdktf.booleanToTerraform(this._forceDestroy),
      name: cdktf.stringToTerraform(this._name),
      noncurrent_version_expiration_days: cdktf.numberToTerraform(this._noncurrentVersionExpirationDays),
      replication_time_control: cdktf.booleanToTerraform(this._replicationTimeControl),
      timeouts: replicatedBucketTimeoutsToTerraform(this._timeouts.internalValue),
    };
  }

  protected synthesizeHclAttributes(): { [name: string]: any } {
    const attrs = {
      bidirectional: {
        value: cdktf.booleanToHclTerraform(this._bidirectional),
        isBlock: false,
        type: "simple",
        storageClassType: "boolean",
      },
      flavour: {
        value: cdktf.stringToHclTerraform(this._flavour),
        isBlock: false,
        type: "simple",
        storageClassType: "string",
      },
      force_destroy: {
        value: cdktf.booleanToHclTerraform(this._forceDestroy),
        isBlock: false,
        type: "simple",
        storageClassType: "boolean",
      },
      name: {
        value: cdktf.stringToHclTerraform(this._name),
        isBlock: false,
        type: "simple",
        storageClassType: "string",
      },
      noncurrent_version_expiration_days: {
        value: cdktf.numberToHclTerraform(this._noncurrentVersionExpirationDays),
        isBlock: false,
        type: "simple",
        storageClassType: "number",
      },
      replication_time_control: {
        value: cdktf.booleanToHclTerraform(this._replicationTimeControl),
        isBlock: false,
        type: "simple",
        storageClassType: "boolean",
      },
      timeouts: {
        value: replicatedBucketTimeoutsToHclTerraform(this._timeouts.internalValue),
        isBlock: true,
        type: "struct",
        storageClassType: "ReplicatedBucketTimeouts",
      },
    };

    // remove undefined attributes
    return Object.fromEntries(Object.entries(attrs).filter(([_, value]) => value !== undefined && value.value !== undefined ))
  }
}
