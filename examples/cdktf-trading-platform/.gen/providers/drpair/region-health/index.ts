// https://registry.terraform.io/providers/drpair/drpair/0.1.0/docs/resources/region_health
// generated from terraform resource schema

import { Construct } from 'constructs';
import * as cdktf from 'cdktf';

// Configuration

export interface RegionHealthConfig extends cdktf.TerraformMetaArguments {
  /**
  * Resource-type part of every alarm name, `<name>-<environment>-<suffix>-<region>-...`. Changing it replaces the alarms.
  *
  * Docs at Terraform Registry: {@link https://registry.terraform.io/providers/drpair/drpair/0.1.0/docs/resources/region_health#name RegionHealth#name}
  */
  readonly name: string;
  /**
  * Alarms in the primary region that each mean "this region is unhealthy" (e.g. `drpair_order_pipeline.orders.primary.alarm_names`).
  *
  * Docs at Terraform Registry: {@link https://registry.terraform.io/providers/drpair/drpair/0.1.0/docs/resources/region_health#primary_alarm_names RegionHealth#primary_alarm_names}
  */
  readonly primaryAlarmNames?: string[];
  /**
  * The global database's cluster in the primary region (`drpair_global_database.db.clusters["<region>"].identifier`): its replication lag is alarmed whenever it is a secondary (a writer reports no lag: missing data is healthy).
  *
  * Docs at Terraform Registry: {@link https://registry.terraform.io/providers/drpair/drpair/0.1.0/docs/resources/region_health#primary_db_cluster_id RegionHealth#primary_db_cluster_id}
  */
  readonly primaryDbClusterId?: string;
  /**
  * Route 53 health check of the primary region's endpoint. Allowed only when the primary region is us-east-1 (see above).
  *
  * Docs at Terraform Registry: {@link https://registry.terraform.io/providers/drpair/drpair/0.1.0/docs/resources/region_health#primary_health_check_id RegionHealth#primary_health_check_id}
  */
  readonly primaryHealthCheckId?: string;
  /**
  * Replication lag (maximum over a minute, milliseconds) above which the region's replica counts as unhealthy. Default 5000, 1 to 3600000.
  *
  * Docs at Terraform Registry: {@link https://registry.terraform.io/providers/drpair/drpair/0.1.0/docs/resources/region_health#replication_lag_threshold_ms RegionHealth#replication_lag_threshold_ms}
  */
  readonly replicationLagThresholdMs?: number;
  /**
  * Alarms in the secondary region that each mean "this region is unhealthy".
  *
  * Docs at Terraform Registry: {@link https://registry.terraform.io/providers/drpair/drpair/0.1.0/docs/resources/region_health#secondary_alarm_names RegionHealth#secondary_alarm_names}
  */
  readonly secondaryAlarmNames?: string[];
  /**
  * The global database's cluster in the secondary region; lag alarmed as above.
  *
  * Docs at Terraform Registry: {@link https://registry.terraform.io/providers/drpair/drpair/0.1.0/docs/resources/region_health#secondary_db_cluster_id RegionHealth#secondary_db_cluster_id}
  */
  readonly secondaryDbClusterId?: string;
  /**
  * Route 53 health check of the secondary region's endpoint. Allowed only when the secondary region is us-east-1.
  *
  * Docs at Terraform Registry: {@link https://registry.terraform.io/providers/drpair/drpair/0.1.0/docs/resources/region_health#secondary_health_check_id RegionHealth#secondary_health_check_id}
  */
  readonly secondaryHealthCheckId?: string;
  /**
  * timeouts block
  *
  * Docs at Terraform Registry: {@link https://registry.terraform.io/providers/drpair/drpair/0.1.0/docs/resources/region_health#timeouts RegionHealth#timeouts}
  */
  readonly timeouts?: RegionHealthTimeouts;
}
export interface RegionHealthInventory {
}

export function regionHealthInventoryToTerraform(struct?: RegionHealthInventory): any {
  if (!cdktf.canInspect(struct) || cdktf.Tokenization.isResolvable(struct)) { return struct; }
  if (cdktf.isComplexElement(struct)) {
    throw new Error("A complex element was used as configuration, this is not supported: https://cdk.tf/complex-object-as-configuration");
  }
  return {
  }
}


export function regionHealthInventoryToHclTerraform(struct?: RegionHealthInventory): any {
  if (!cdktf.canInspect(struct) || cdktf.Tokenization.isResolvable(struct)) { return struct; }
  if (cdktf.isComplexElement(struct)) {
    throw new Error("A complex element was used as configuration, this is not supported: https://cdk.tf/complex-object-as-configuration");
  }
  const attrs = {
  };
  return attrs;
}

export class RegionHealthInventoryOutputReference extends cdktf.ComplexObject {
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

  public get internalValue(): RegionHealthInventory | undefined {
    let hasAnyValues = this.isEmptyObject;
    const internalValueResult: any = {};
    return hasAnyValues ? internalValueResult : undefined;
  }

  public set internalValue(value: RegionHealthInventory | undefined) {
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

export class RegionHealthInventoryList extends cdktf.ComplexList {

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
  public get(index: number): RegionHealthInventoryOutputReference {
    return new RegionHealthInventoryOutputReference(this.terraformResource, this.terraformAttribute, index, this.wrapsSet);
  }
}
export interface RegionHealthPrimary {
}

export function regionHealthPrimaryToTerraform(struct?: RegionHealthPrimary): any {
  if (!cdktf.canInspect(struct) || cdktf.Tokenization.isResolvable(struct)) { return struct; }
  if (cdktf.isComplexElement(struct)) {
    throw new Error("A complex element was used as configuration, this is not supported: https://cdk.tf/complex-object-as-configuration");
  }
  return {
  }
}


export function regionHealthPrimaryToHclTerraform(struct?: RegionHealthPrimary): any {
  if (!cdktf.canInspect(struct) || cdktf.Tokenization.isResolvable(struct)) { return struct; }
  if (cdktf.isComplexElement(struct)) {
    throw new Error("A complex element was used as configuration, this is not supported: https://cdk.tf/complex-object-as-configuration");
  }
  const attrs = {
  };
  return attrs;
}

export class RegionHealthPrimaryOutputReference extends cdktf.ComplexObject {
  private isEmptyObject = false;

  /**
  * @param terraformResource The parent resource
  * @param terraformAttribute The attribute on the parent resource this class is referencing
  */
  public constructor(terraformResource: cdktf.IInterpolatingParent, terraformAttribute: string) {
    super(terraformResource, terraformAttribute, false);
  }

  public get internalValue(): RegionHealthPrimary | undefined {
    let hasAnyValues = this.isEmptyObject;
    const internalValueResult: any = {};
    return hasAnyValues ? internalValueResult : undefined;
  }

  public set internalValue(value: RegionHealthPrimary | undefined) {
    if (value === undefined) {
      this.isEmptyObject = false;
    }
    else {
      this.isEmptyObject = Object.keys(value).length === 0;
    }
  }

  // alarm_rule - computed: true, optional: false, required: false
  public get alarmRule() {
    return this.getStringAttribute('alarm_rule');
  }

  // composite_alarm_arn - computed: true, optional: false, required: false
  public get compositeAlarmArn() {
    return this.getStringAttribute('composite_alarm_arn');
  }

  // composite_alarm_name - computed: true, optional: false, required: false
  public get compositeAlarmName() {
    return this.getStringAttribute('composite_alarm_name');
  }

  // owned_alarm_names - computed: true, optional: false, required: false
  public get ownedAlarmNames() {
    return this.getListAttribute('owned_alarm_names');
  }

  // region - computed: true, optional: false, required: false
  public get region() {
    return this.getStringAttribute('region');
  }
}
export interface RegionHealthSecondary {
}

export function regionHealthSecondaryToTerraform(struct?: RegionHealthSecondary): any {
  if (!cdktf.canInspect(struct) || cdktf.Tokenization.isResolvable(struct)) { return struct; }
  if (cdktf.isComplexElement(struct)) {
    throw new Error("A complex element was used as configuration, this is not supported: https://cdk.tf/complex-object-as-configuration");
  }
  return {
  }
}


export function regionHealthSecondaryToHclTerraform(struct?: RegionHealthSecondary): any {
  if (!cdktf.canInspect(struct) || cdktf.Tokenization.isResolvable(struct)) { return struct; }
  if (cdktf.isComplexElement(struct)) {
    throw new Error("A complex element was used as configuration, this is not supported: https://cdk.tf/complex-object-as-configuration");
  }
  const attrs = {
  };
  return attrs;
}

export class RegionHealthSecondaryOutputReference extends cdktf.ComplexObject {
  private isEmptyObject = false;

  /**
  * @param terraformResource The parent resource
  * @param terraformAttribute The attribute on the parent resource this class is referencing
  */
  public constructor(terraformResource: cdktf.IInterpolatingParent, terraformAttribute: string) {
    super(terraformResource, terraformAttribute, false);
  }

  public get internalValue(): RegionHealthSecondary | undefined {
    let hasAnyValues = this.isEmptyObject;
    const internalValueResult: any = {};
    return hasAnyValues ? internalValueResult : undefined;
  }

  public set internalValue(value: RegionHealthSecondary | undefined) {
    if (value === undefined) {
      this.isEmptyObject = false;
    }
    else {
      this.isEmptyObject = Object.keys(value).length === 0;
    }
  }

  // alarm_rule - computed: true, optional: false, required: false
  public get alarmRule() {
    return this.getStringAttribute('alarm_rule');
  }

  // composite_alarm_arn - computed: true, optional: false, required: false
  public get compositeAlarmArn() {
    return this.getStringAttribute('composite_alarm_arn');
  }

  // composite_alarm_name - computed: true, optional: false, required: false
  public get compositeAlarmName() {
    return this.getStringAttribute('composite_alarm_name');
  }

  // owned_alarm_names - computed: true, optional: false, required: false
  public get ownedAlarmNames() {
    return this.getListAttribute('owned_alarm_names');
  }

  // region - computed: true, optional: false, required: false
  public get region() {
    return this.getStringAttribute('region');
  }
}
export interface RegionHealthTimeouts {
  /**
  * Time limit for creating the whole pair.
  *
  * Docs at Terraform Registry: {@link https://registry.terraform.io/providers/drpair/drpair/0.1.0/docs/resources/region_health#create RegionHealth#create}
  */
  readonly create?: string;
  /**
  * Time limit for destroying the whole pair.
  *
  * Docs at Terraform Registry: {@link https://registry.terraform.io/providers/drpair/drpair/0.1.0/docs/resources/region_health#delete RegionHealth#delete}
  */
  readonly delete?: string;
  /**
  * Time limit for an in-place update or repair.
  *
  * Docs at Terraform Registry: {@link https://registry.terraform.io/providers/drpair/drpair/0.1.0/docs/resources/region_health#update RegionHealth#update}
  */
  readonly update?: string;
}

export function regionHealthTimeoutsToTerraform(struct?: RegionHealthTimeouts | cdktf.IResolvable): any {
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


export function regionHealthTimeoutsToHclTerraform(struct?: RegionHealthTimeouts | cdktf.IResolvable): any {
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

export class RegionHealthTimeoutsOutputReference extends cdktf.ComplexObject {
  private isEmptyObject = false;
  private resolvableValue?: cdktf.IResolvable;

  /**
  * @param terraformResource The parent resource
  * @param terraformAttribute The attribute on the parent resource this class is referencing
  */
  public constructor(terraformResource: cdktf.IInterpolatingParent, terraformAttribute: string) {
    super(terraformResource, terraformAttribute, false);
  }

  public get internalValue(): RegionHealthTimeouts | cdktf.IResolvable | undefined {
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

  public set internalValue(value: RegionHealthTimeouts | cdktf.IResolvable | undefined) {
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
* Represents a {@link https://registry.terraform.io/providers/drpair/drpair/0.1.0/docs/resources/region_health drpair_region_health}
*/
export class RegionHealth extends cdktf.TerraformResource {

  // =================
  // STATIC PROPERTIES
  // =================
  public static readonly tfResourceType = "drpair_region_health";

  // ==============
  // STATIC Methods
  // ==============
  /**
  * Generates CDKTF code for importing a RegionHealth resource upon running "cdktf plan <stack-name>"
  * @param scope The scope in which to define this construct
  * @param importToId The construct id used in the generated config for the RegionHealth to import
  * @param importFromId The id of the existing RegionHealth that should be imported. Refer to the {@link https://registry.terraform.io/providers/drpair/drpair/0.1.0/docs/resources/region_health#import import section} in the documentation of this resource for the id to use
  * @param provider? Optional instance of the provider where the RegionHealth to import is found
  */
  public static generateConfigForImport(scope: Construct, importToId: string, importFromId: string, provider?: cdktf.TerraformProvider) {
        return new cdktf.ImportableResource(scope, importToId, { terraformResourceType: "drpair_region_health", importId: importFromId, provider });
      }

  // ===========
  // INITIALIZER
  // ===========

  /**
  * Create a new {@link https://registry.terraform.io/providers/drpair/drpair/0.1.0/docs/resources/region_health drpair_region_health} Resource
  *
  * @param scope The scope in which to define this construct
  * @param id The scoped construct ID. Must be unique amongst siblings in the same scope
  * @param options RegionHealthConfig
  */
  public constructor(scope: Construct, id: string, config: RegionHealthConfig) {
    super(scope, id, {
      terraformResourceType: 'drpair_region_health',
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
    this._name = config.name;
    this._primaryAlarmNames = config.primaryAlarmNames;
    this._primaryDbClusterId = config.primaryDbClusterId;
    this._primaryHealthCheckId = config.primaryHealthCheckId;
    this._replicationLagThresholdMs = config.replicationLagThresholdMs;
    this._secondaryAlarmNames = config.secondaryAlarmNames;
    this._secondaryDbClusterId = config.secondaryDbClusterId;
    this._secondaryHealthCheckId = config.secondaryHealthCheckId;
    this._timeouts.internalValue = config.timeouts;
  }

  // ==========
  // ATTRIBUTES
  // ==========

  // id - computed: true, optional: false, required: false
  public get id() {
    return this.getStringAttribute('id');
  }

  // inventory - computed: true, optional: false, required: false
  private _inventory = new RegionHealthInventoryList(this, "inventory", false);
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

  // primary - computed: true, optional: false, required: false
  private _primary = new RegionHealthPrimaryOutputReference(this, "primary");
  public get primary() {
    return this._primary;
  }

  // primary_alarm_names - computed: false, optional: true, required: false
  private _primaryAlarmNames?: string[]; 
  public get primaryAlarmNames() {
    return this.getListAttribute('primary_alarm_names');
  }
  public set primaryAlarmNames(value: string[]) {
    this._primaryAlarmNames = value;
  }
  public resetPrimaryAlarmNames() {
    this._primaryAlarmNames = undefined;
  }
  // Temporarily expose input value. Use with caution.
  public get primaryAlarmNamesInput() {
    return this._primaryAlarmNames;
  }

  // primary_db_cluster_id - computed: false, optional: true, required: false
  private _primaryDbClusterId?: string; 
  public get primaryDbClusterId() {
    return this.getStringAttribute('primary_db_cluster_id');
  }
  public set primaryDbClusterId(value: string) {
    this._primaryDbClusterId = value;
  }
  public resetPrimaryDbClusterId() {
    this._primaryDbClusterId = undefined;
  }
  // Temporarily expose input value. Use with caution.
  public get primaryDbClusterIdInput() {
    return this._primaryDbClusterId;
  }

  // primary_health_check_id - computed: false, optional: true, required: false
  private _primaryHealthCheckId?: string; 
  public get primaryHealthCheckId() {
    return this.getStringAttribute('primary_health_check_id');
  }
  public set primaryHealthCheckId(value: string) {
    this._primaryHealthCheckId = value;
  }
  public resetPrimaryHealthCheckId() {
    this._primaryHealthCheckId = undefined;
  }
  // Temporarily expose input value. Use with caution.
  public get primaryHealthCheckIdInput() {
    return this._primaryHealthCheckId;
  }

  // primary_region - computed: true, optional: false, required: false
  public get primaryRegion() {
    return this.getStringAttribute('primary_region');
  }

  // replication_lag_threshold_ms - computed: true, optional: true, required: false
  private _replicationLagThresholdMs?: number; 
  public get replicationLagThresholdMs() {
    return this.getNumberAttribute('replication_lag_threshold_ms');
  }
  public set replicationLagThresholdMs(value: number) {
    this._replicationLagThresholdMs = value;
  }
  public resetReplicationLagThresholdMs() {
    this._replicationLagThresholdMs = undefined;
  }
  // Temporarily expose input value. Use with caution.
  public get replicationLagThresholdMsInput() {
    return this._replicationLagThresholdMs;
  }

  // secondary - computed: true, optional: false, required: false
  private _secondary = new RegionHealthSecondaryOutputReference(this, "secondary");
  public get secondary() {
    return this._secondary;
  }

  // secondary_alarm_names - computed: false, optional: true, required: false
  private _secondaryAlarmNames?: string[]; 
  public get secondaryAlarmNames() {
    return this.getListAttribute('secondary_alarm_names');
  }
  public set secondaryAlarmNames(value: string[]) {
    this._secondaryAlarmNames = value;
  }
  public resetSecondaryAlarmNames() {
    this._secondaryAlarmNames = undefined;
  }
  // Temporarily expose input value. Use with caution.
  public get secondaryAlarmNamesInput() {
    return this._secondaryAlarmNames;
  }

  // secondary_db_cluster_id - computed: false, optional: true, required: false
  private _secondaryDbClusterId?: string; 
  public get secondaryDbClusterId() {
    return this.getStringAttribute('secondary_db_cluster_id');
  }
  public set secondaryDbClusterId(value: string) {
    this._secondaryDbClusterId = value;
  }
  public resetSecondaryDbClusterId() {
    this._secondaryDbClusterId = undefined;
  }
  // Temporarily expose input value. Use with caution.
  public get secondaryDbClusterIdInput() {
    return this._secondaryDbClusterId;
  }

  // secondary_health_check_id - computed: false, optional: true, required: false
  private _secondaryHealthCheckId?: string; 
  public get secondaryHealthCheckId() {
    return this.getStringAttribute('secondary_health_check_id');
  }
  public set secondaryHealthCheckId(value: string) {
    this._secondaryHealthCheckId = value;
  }
  public resetSecondaryHealthCheckId() {
    this._secondaryHealthCheckId = undefined;
  }
  // Temporarily expose input value. Use with caution.
  public get secondaryHealthCheckIdInput() {
    return this._secondaryHealthCheckId;
  }

  // secondary_region - computed: true, optional: false, required: false
  public get secondaryRegion() {
    return this.getStringAttribute('secondary_region');
  }

  // timeouts - computed: false, optional: true, required: false
  private _timeouts = new RegionHealthTimeoutsOutputReference(this, "timeouts");
  public get timeouts() {
    return this._timeouts;
  }
  public putTimeouts(value: RegionHealthTimeouts) {
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
      name: cdktf.stringToTerraform(this._name),
      primary_alarm_names: cdktf.listMapper(cdktf.stringToTerraform, false)(this._primaryAlarmNames),
      primary_db_cluster_id: cdktf.stringToTerraform(this._primaryDbClusterId),
      primary_health_check_id: cdktf.stringToTerraform(this._primaryHealthCheckId),
      replication_lag_threshold_ms: cdktf.numberToTerraform(this._replicationLagThresholdMs),
      secondary_alarm_names: cdktf.listMapper(cdktf.stringToTerraform, false)(this._secondaryAlarmNames),
      secondary_db_cluster_id: cdktf.stringToTerraform(this._secondaryDbClusterId),
      secondary_health_check_id: cdktf.stringToTerraform(this._secondaryHealthCheckId),
      timeouts: regionHealthTimeoutsToTerraform(this._timeouts.internalValue),
    };
  }

  protected synthesizeHclAttributes(): { [name: string]: any } {
    const attrs = {
      name: {
        value: cdktf.stringToHclTerraform(this._name),
        isBlock: false,
        type: "simple",
        storageClassType: "string",
      },
      primary_alarm_names: {
        value: cdktf.listMapperHcl(cdktf.stringToHclTerraform, false)(this._primaryAlarmNames),
        isBlock: false,
        type: "list",
        storageClassType: "stringList",
      },
      primary_db_cluster_id: {
        value: cdktf.stringToHclTerraform(this._primaryDbClusterId),
        isBlock: false,
        type: "simple",
        storageClassType: "string",
      },
      primary_health_check_id: {
        value: cdktf.stringToHclTerraform(this._primaryHealthCheckId),
        isBlock: false,
        type: "simple",
        storageClassType: "string",
      },
      replication_lag_threshold_ms: {
        value: cdktf.numberToHclTerraform(this._replicationLagThresholdMs),
        isBlock: false,
        type: "simple",
        storageClassType: "number",
      },
      secondary_alarm_names: {
        value: cdktf.listMapperHcl(cdktf.stringToHclTerraform, false)(this._secondaryAlarmNames),
        isBlock: false,
        type: "list",
        storageClassType: "stringList",
      },
      secondary_db_cluster_id: {
        value: cdktf.stringToHclTerraform(this._secondaryDbClusterId),
        isBlock: false,
        type: "simple",
        storageClassType: "string",
      },
      secondary_health_check_id: {
        value: cdktf.stringToHclTerraform(this._secondaryHealthCheckId),
        isBlock: false,
        type: "simple",
        storageClassType: "string",
      },
      timeouts: {
        value: regionHealthTimeoutsToHclTerraform(this._timeouts.internalValue),
        isBlock: true,
        type: "struct",
        storageClassType: "RegionHealthTimeouts",
      },
    };

    // remove undefined attributes
    return Object.fromEntries(Object.entries(attrs).filter(([_, value]) => value !== undefined && value.value !== undefined ))
  }
}
