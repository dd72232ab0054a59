// https://registry.terraform.io/providers/drpair/drpair/0.1.0/docs/resources/session_table
// generated from terraform resource schema

import { Construct } from 'constructs';
import * as cdktf from 'cdktf';

// Configuration

export interface SessionTableConfig extends cdktf.TerraformMetaArguments {
  /**
  * `PAY_PER_REQUEST` (default) or `PROVISIONED`.
  *
  * Docs at Terraform Registry: {@link https://registry.terraform.io/providers/drpair/drpair/0.1.0/docs/resources/session_table#billing_mode SessionTable#billing_mode}
  */
  readonly billingMode?: string;
  /**
  * `eventual` (default: asynchronous replication, typically under a second, loss on regional failure unbounded) or `strong` (MRSC: writes acknowledged in two regions, RPO 0; the table must be created empty, no TTL, no transactions). Changing it replaces the table.
  *
  * Docs at Terraform Registry: {@link https://registry.terraform.io/providers/drpair/drpair/0.1.0/docs/resources/session_table#consistency SessionTable#consistency}
  */
  readonly consistency?: string;
  /**
  * Refuse to delete the table while true, on every replica. Default false.
  *
  * Docs at Terraform Registry: {@link https://registry.terraform.io/providers/drpair/drpair/0.1.0/docs/resources/session_table#deletion_protection SessionTable#deletion_protection}
  */
  readonly deletionProtection?: boolean | cdktf.IResolvable;
  /**
  * Partition key attribute. Changing it replaces the table.
  *
  * Docs at Terraform Registry: {@link https://registry.terraform.io/providers/drpair/drpair/0.1.0/docs/resources/session_table#hash_key SessionTable#hash_key}
  */
  readonly hashKey: string;
  /**
  * `S` (default), `N` or `B`. Changing it replaces the table.
  *
  * Docs at Terraform Registry: {@link https://registry.terraform.io/providers/drpair/drpair/0.1.0/docs/resources/session_table#hash_key_type SessionTable#hash_key_type}
  */
  readonly hashKeyType?: string;
  /**
  * Resource-type part of the table name `<name>-<environment>-<suffix>`. Changing it replaces the table.
  *
  * Docs at Terraform Registry: {@link https://registry.terraform.io/providers/drpair/drpair/0.1.0/docs/resources/session_table#name SessionTable#name}
  */
  readonly name: string;
  /**
  * Point-in-time recovery on every replica (it is a per-replica setting). Default true.
  *
  * Docs at Terraform Registry: {@link https://registry.terraform.io/providers/drpair/drpair/0.1.0/docs/resources/session_table#point_in_time_recovery SessionTable#point_in_time_recovery}
  */
  readonly pointInTimeRecovery?: boolean | cdktf.IResolvable;
  /**
  * Sort key attribute, if any. Changing it replaces the table.
  *
  * Docs at Terraform Registry: {@link https://registry.terraform.io/providers/drpair/drpair/0.1.0/docs/resources/session_table#range_key SessionTable#range_key}
  */
  readonly rangeKey?: string;
  /**
  * `S` (default), `N` or `B`; only with `range_key`.
  *
  * Docs at Terraform Registry: {@link https://registry.terraform.io/providers/drpair/drpair/0.1.0/docs/resources/session_table#range_key_type SessionTable#range_key_type}
  */
  readonly rangeKeyType?: string;
  /**
  * Read capacity units per replica; only with `PROVISIONED`.
  *
  * Docs at Terraform Registry: {@link https://registry.terraform.io/providers/drpair/drpair/0.1.0/docs/resources/session_table#read_capacity SessionTable#read_capacity}
  */
  readonly readCapacity?: number;
  /**
  * Attribute holding each item's expiry (epoch seconds). Not available with `consistency = "strong"`.
  *
  * Docs at Terraform Registry: {@link https://registry.terraform.io/providers/drpair/drpair/0.1.0/docs/resources/session_table#ttl_attribute SessionTable#ttl_attribute}
  */
  readonly ttlAttribute?: string;
  /**
  * With `consistency = "strong"`: the witness region, in the same region set as both regions. Default `us-west-2`.
  *
  * Docs at Terraform Registry: {@link https://registry.terraform.io/providers/drpair/drpair/0.1.0/docs/resources/session_table#witness_region SessionTable#witness_region}
  */
  readonly witnessRegion?: string;
  /**
  * Write capacity units per replica; only with `PROVISIONED`.
  *
  * Docs at Terraform Registry: {@link https://registry.terraform.io/providers/drpair/drpair/0.1.0/docs/resources/session_table#write_capacity SessionTable#write_capacity}
  */
  readonly writeCapacity?: number;
  /**
  * timeouts block
  *
  * Docs at Terraform Registry: {@link https://registry.terraform.io/providers/drpair/drpair/0.1.0/docs/resources/session_table#timeouts SessionTable#timeouts}
  */
  readonly timeouts?: SessionTableTimeouts;
}
export interface SessionTableInventory {
}

export function sessionTableInventoryToTerraform(struct?: SessionTableInventory): any {
  if (!cdktf.canInspect(struct) || cdktf.Tokenization.isResolvable(struct)) { return struct; }
  if (cdktf.isComplexElement(struct)) {
    throw new Error("A complex element was used as configuration, this is not supported: https://cdk.tf/complex-object-as-configuration");
  }
  return {
  }
}


export function sessionTableInventoryToHclTerraform(struct?: SessionTableInventory): any {
  if (!cdktf.canInspect(struct) || cdktf.Tokenization.isResolvable(struct)) { return struct; }
  if (cdktf.isComplexElement(struct)) {
    throw new Error("A complex element was used as configuration, this is not supported: https://cdk.tf/complex-object-as-configuration");
  }
  const attrs = {
  };
  return attrs;
}

export class SessionTableInventoryOutputReference extends cdktf.ComplexObject {
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

  public get internalValue(): SessionTableInventory | undefined {
    let hasAnyValues = this.isEmptyObject;
    const internalValueResult: any = {};
    return hasAnyValues ? internalValueResult : undefined;
  }

  public set internalValue(value: SessionTableInventory | undefined) {
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

export class SessionTableInventoryList extends cdktf.ComplexList {

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
  public get(index: number): SessionTableInventoryOutputReference {
    return new SessionTableInventoryOutputReference(this.terraformResource, this.terraformAttribute, index, this.wrapsSet);
  }
}
export interface SessionTableTimeouts {
  /**
  * Time limit for creating the whole pair.
  *
  * Docs at Terraform Registry: {@link https://registry.terraform.io/providers/drpair/drpair/0.1.0/docs/resources/session_table#create SessionTable#create}
  */
  readonly create?: string;
  /**
  * Time limit for destroying the whole pair.
  *
  * Docs at Terraform Registry: {@link https://registry.terraform.io/providers/drpair/drpair/0.1.0/docs/resources/session_table#delete SessionTable#delete}
  */
  readonly delete?: string;
  /**
  * Time limit for an in-place update or repair.
  *
  * Docs at Terraform Registry: {@link https://registry.terraform.io/providers/drpair/drpair/0.1.0/docs/resources/session_table#update SessionTable#update}
  */
  readonly update?: string;
}

export function sessionTableTimeoutsToTerraform(struct?: SessionTableTimeouts | cdktf.IResolvable): any {
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


export function sessionTableTimeoutsToHclTerraform(struct?: SessionTableTimeouts | cdktf.IResolvable): any {
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

export class SessionTableTimeoutsOutputReference extends cdktf.ComplexObject {
  private isEmptyObject = false;
  private resolvableValue?: cdktf.IResolvable;

  /**
  * @param terraformResource The parent resource
  * @param terraformAttribute The attribute on the parent resource this class is referencing
  */
  public constructor(terraformResource: cdktf.IInterpolatingParent, terraformAttribute: string) {
    super(terraformResource, terraformAttribute, false);
  }

  public get internalValue(): SessionTableTimeouts | cdktf.IResolvable | undefined {
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

  public set internalValue(value: SessionTableTimeouts | cdktf.IResolvable | undefined) {
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
* Represents a {@link https://registry.terraform.io/providers/drpair/drpair/0.1.0/docs/resources/session_table drpair_session_table}
*/
export class SessionTable extends cdktf.TerraformResource {

  // =================
  // STATIC PROPERTIES
  // =================
  public static readonly tfResourceType = "drpair_session_table";

  // ==============
  // STATIC Methods
  // ==============
  /**
  * Generates CDKTF code for importing a SessionTable resource upon running "cdktf plan <stack-name>"
  * @param scope The scope in which to define this construct
  * @param importToId The construct id used in the generated config for the SessionTable to import
  * @param importFromId The id of the existing SessionTable that should be imported. Refer to the {@link https://registry.terraform.io/providers/drpair/drpair/0.1.0/docs/resources/session_table#import import section} in the documentation of this resource for the id to use
  * @param provider? Optional instance of the provider where the SessionTable to import is found
  */
  public static generateConfigForImport(scope: Construct, importToId: string, importFromId: string, provider?: cdktf.TerraformProvider) {
        return new cdktf.ImportableResource(scope, importToId, { terraformResourceType: "drpair_session_table", importId: importFromId, provider });
      }

  // ===========
  // INITIALIZER
  // ===========

  /**
  * Create a new {@link https://registry.terraform.io/providers/drpair/drpair/0.1.0/docs/resources/session_table drpair_session_table} Resource
  *
  * @param scope The scope in which to define this construct
  * @param id The scoped construct ID. Must be unique amongst siblings in the same scope
  * @param options SessionTableConfig
  */
  public constructor(scope: Construct, id: string, config: SessionTableConfig) {
    super(scope, id, {
      terraformResourceType: 'drpair_session_table',
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
    this._billingMode = config.billingMode;
    this._consistency = config.consistency;
    this._deletionProtection = config.deletionProtection;
    this._hashKey = config.hashKey;
    this._hashKeyType = config.hashKeyType;
    this._name = config.name;
    this._pointInTimeRecovery = config.pointInTimeRecovery;
    this._rangeKey = config.rangeKey;
    this._rangeKeyType = config.rangeKeyType;
    this._readCapacity = config.readCapacity;
    this._ttlAttribute = config.ttlAttribute;
    this._witnessRegion = config.witnessRegion;
    this._writeCapacity = config.writeCapacity;
    this._timeouts.internalValue = config.timeouts;
  }

  // ==========
  // ATTRIBUTES
  // ==========

  // billing_mode - computed: true, optional: true, required: false
  private _billingMode?: string; 
  public get billingMode() {
    return this.getStringAttribute('billing_mode');
  }
  public set billingMode(value: string) {
    this._billingMode = value;
  }
  public resetBillingMode() {
    this._billingMode = undefined;
  }
  // Temporarily expose input value. Use with caution.
  public get billingModeInput() {
    return this._billingMode;
  }

  // consistency - computed: true, optional: true, required: false
  private _consistency?: string; 
  public get consistency() {
    return this.getStringAttribute('consistency');
  }
  public set consistency(value: string) {
    this._consistency = value;
  }
  public resetConsistency() {
    this._consistency = undefined;
  }
  // Temporarily expose input value. Use with caution.
  public get consistencyInput() {
    return this._consistency;
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

  // hash_key - computed: false, optional: false, required: true
  private _hashKey?: string; 
  public get hashKey() {
    return this.getStringAttribute('hash_key');
  }
  public set hashKey(value: string) {
    this._hashKey = value;
  }
  // Temporarily expose input value. Use with caution.
  public get hashKeyInput() {
    return this._hashKey;
  }

  // hash_key_type - computed: true, optional: true, required: false
  private _hashKeyType?: string; 
  public get hashKeyType() {
    return this.getStringAttribute('hash_key_type');
  }
  public set hashKeyType(value: string) {
    this._hashKeyType = value;
  }
  public resetHashKeyType() {
    this._hashKeyType = undefined;
  }
  // Temporarily expose input value. Use with caution.
  public get hashKeyTypeInput() {
    return this._hashKeyType;
  }

  // id - computed: true, optional: false, required: false
  public get id() {
    return this.getStringAttribute('id');
  }

  // inventory - computed: true, optional: false, required: false
  private _inventory = new SessionTableInventoryList(this, "inventory", false);
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

  // point_in_time_recovery - computed: true, optional: true, required: false
  private _pointInTimeRecovery?: boolean | cdktf.IResolvable; 
  public get pointInTimeRecovery() {
    return this.getBooleanAttribute('point_in_time_recovery');
  }
  public set pointInTimeRecovery(value: boolean | cdktf.IResolvable) {
    this._pointInTimeRecovery = value;
  }
  public resetPointInTimeRecovery() {
    this._pointInTimeRecovery = undefined;
  }
  // Temporarily expose input value. Use with caution.
  public get pointInTimeRecoveryInput() {
    return this._pointInTimeRecovery;
  }

  // primary_region - computed: true, optional: false, required: false
  public get primaryRegion() {
    return this.getStringAttribute('primary_region');
  }

  // range_key - computed: false, optional: true, required: false
  private _rangeKey?: string; 
  public get rangeKey() {
    return this.getStringAttribute('range_key');
  }
  public set rangeKey(value: string) {
    this._rangeKey = value;
  }
  public resetRangeKey() {
    this._rangeKey = undefined;
  }
  // Temporarily expose input value. Use with caution.
  public get rangeKeyInput() {
    return this._rangeKey;
  }

  // range_key_type - computed: true, optional: true, required: false
  private _rangeKeyType?: string; 
  public get rangeKeyType() {
    return this.getStringAttribute('range_key_type');
  }
  public set rangeKeyType(value: string) {
    this._rangeKeyType = value;
  }
  public resetRangeKeyType() {
    this._rangeKeyType = undefined;
  }
  // Temporarily expose input value. Use with caution.
  public get rangeKeyTypeInput() {
    return this._rangeKeyType;
  }

  // read_capacity - computed: false, optional: true, required: false
  private _readCapacity?: number; 
  public get readCapacity() {
    return this.getNumberAttribute('read_capacity');
  }
  public set readCapacity(value: number) {
    this._readCapacity = value;
  }
  public resetReadCapacity() {
    this._readCapacity = undefined;
  }
  // Temporarily expose input value. Use with caution.
  public get readCapacityInput() {
    return this._readCapacity;
  }

  // replica_status - computed: true, optional: false, required: false
  private _replicaStatus = new cdktf.StringMap(this, "replica_status");
  public get replicaStatus() {
    return this._replicaStatus;
  }

  // rpo - computed: true, optional: false, required: false
  public get rpo() {
    return this.getStringAttribute('rpo');
  }

  // rpo_bound_seconds - computed: true, optional: false, required: false
  public get rpoBoundSeconds() {
    return this.getNumberAttribute('rpo_bound_seconds');
  }

  // secondary_region - computed: true, optional: false, required: false
  public get secondaryRegion() {
    return this.getStringAttribute('secondary_region');
  }

  // stream_arns - computed: true, optional: false, required: false
  private _streamArns = new cdktf.StringMap(this, "stream_arns");
  public get streamArns() {
    return this._streamArns;
  }

  // table_arns - computed: true, optional: false, required: false
  private _tableArns = new cdktf.StringMap(this, "table_arns");
  public get tableArns() {
    return this._tableArns;
  }

  // ttl_attribute - computed: false, optional: true, required: false
  private _ttlAttribute?: string; 
  public get ttlAttribute() {
    return this.getStringAttribute('ttl_attribute');
  }
  public set ttlAttribute(value: string) {
    this._ttlAttribute = value;
  }
  public resetTtlAttribute() {
    this._ttlAttribute = undefined;
  }
  // Temporarily expose input value. Use with caution.
  public get ttlAttributeInput() {
    return this._ttlAttribute;
  }

  // witness_region - computed: true, optional: true, required: false
  private _witnessRegion?: string; 
  public get witnessRegion() {
    return this.getStringAttribute('witness_region');
  }
  public set witnessRegion(value: string) {
    this._witnessRegion = value;
  }
  public resetWitnessRegion() {
    this._witnessRegion = undefined;
  }
  // Temporarily expose input value. Use with caution.
  public get witnessRegionInput() {
    return this._witnessRegion;
  }

  // write_capacity - computed: false, optional: true, required: false
  private _writeCapacity?: number; 
  public get writeCapacity() {
    return this.getNumberAttribute('write_capacity');
  }
  public set writeCapacity(value: number) {
    this._writeCapacity = value;
  }
  public resetWriteCapacity() {
    this._writeCapacity = undefined;
  }
  // Temporarily expose input value. Use with caution.
  public get writeCapacityInput() {
    return this._writeCapacity;
  }

  // timeouts - computed: false, optional: true, required: false
  private _timeouts = new SessionTableTimeoutsOutputReference(this, "timeouts");
  public get timeouts() {
    return this._timeouts;
  }
  public putTimeouts(value: SessionTableTimeouts) {
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
      billing_mode: cdktf.stringToTerraform(this._billingMode),
      consistency: cdktf.stringToTerraform(this._consistency),
      deletion_protection: cdktf.booleanToTerraform(this._deletionProtection),
      hash_key: cdktf.stringToTerraform(this._hashKey),
      hash_key_type: cdktf.stringToTerraform(this._hashKeyType),
      name: cdktf.stringToTerraform(this._name),
      point_in_time_recovery: cdktf.booleanToTerraform(this._pointInTimeRecovery),
      range_key: cdktf.stringToTerraform(this._rangeKey),
      range_key_type: cdktf.stringToTerraform(this._rangeKeyType),
      read_capacity: cdktf.numberToTerraform(this._readCapacity),
      ttl_attribute: cdktf.stringToTerraform(this._ttlAttribute),
      witness_region: cdktf.stringToTerraform(this._witnessRegion),
      write_capacity: cdktf.numberToTerraform(this._writeCapacity),
      timeouts: sessionTableTimeoutsToTerraform(this._timeouts.internalValue),
    };
  }

  protected synthesizeHclAttributes(): { [name: string]: any } {
    const attrs = {
      billing_mode: {
        value: cdktf.stringToHclTerraform(this._billingMode),
        isBlock: false,
        type: "simple",
        storageClassType: "string",
      },
      consistency: {
        value: cdktf.stringToHclTerraform(this._consistency),
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
      hash_key: {
        value: cdktf.stringToHclTerraform(this._hashKey),
        isBlock: false,
        type: "simple",
        storageClassType: "string",
      },
      hash_key_type: {
        value: cdktf.stringToHclTerraform(this._hashKeyType),
        isBlock: false,
        type: "simple",
        storageClassType: "string",
      },
      name: {
        value: cdktf.stringToHclTerraform(this._name),
        isBlock: false,
        type: "simple",
        storageClassType: "string",
      },
      point_in_time_recovery: {
        value: cdktf.booleanToHclTerraform(this._pointInTimeRecovery),
        isBlock: false,
        type: "simple",
        storageClassType: "boolean",
      },
      range_key: {
        value: cdktf.stringToHclTerraform(this._rangeKey),
        isBlock: false,
        type: "simple",
        storageClassType: "string",
      },
      range_key_type: {
        value: cdktf.stringToHclTerraform(this._rangeKeyType),
        isBlock: false,
        type: "simple",
        storageClassType: "string",
      },
      read_capacity: {
        value: cdktf.numberToHclTerraform(this._readCapacity),
        isBlock: false,
        type: "simple",
        storageClassType: "number",
      },
      ttl_attribute: {
        value: cdktf.stringToHclTerraform(this._ttlAttribute),
        isBlock: false,
        type: "simple",
        storageClassType: "string",
      },
      witness_region: {
        value: cdktf.stringToHclTerraform(this._witnessRegion),
        isBlock: false,
        type: "simple",
        storageClassType: "string",
      },
      write_capacity: {
        value: cdktf.numberToHclTerraform(this._writeCapacity),
        isBlock: false,
        type: "simple",
        storageClassType: "number",
      },
      timeouts: {
        value: sessionTableTimeoutsToHclTerraform(this._timeouts.internalValue),
        isBlock: true,
        type: "struct",
        storageClassType: "SessionTableTimeouts",
      },
    };

    // remove undefined attributes
    return Object.fromEntries(Object.entries(attrs).filter(([_, value]) => value !== undefined && value.value !== undefined ))
  }
}
