// https://registry.terraform.io/providers/drpair/drpair/0.1.0/docs/resources/failover_orchestrator
// generated from terraform resource schema

import { Construct } from 'constructs';
import * as cdktf from 'cdktf';

// Configuration

export interface FailoverOrchestratorConfig extends cdktf.TerraformMetaArguments {
  /**
  * SSM parameter (same name in both regions) the orchestrator keeps set to the active region, e.g. a `runtime_managed` key of `drpair_parameters`. Default: `/<id>/active_region`, created here with the primary region and never called drift.
  *
  * Docs at Terraform Registry: {@link https://registry.terraform.io/providers/drpair/drpair/0.1.0/docs/resources/failover_orchestrator#active_region_parameter FailoverOrchestrator#active_region_parameter}
  */
  readonly activeRegionParameter?: string;
  /**
  * Bring the pair home by a planned switchover once the primary has been healthy for `failback_after_seconds`. Default true.
  *
  * Docs at Terraform Registry: {@link https://registry.terraform.io/providers/drpair/drpair/0.1.0/docs/resources/failover_orchestrator#auto_failback FailoverOrchestrator#auto_failback}
  */
  readonly autoFailback?: boolean | cdktf.IResolvable;
  /**
  * What moves traffic: `drpair_dns_failover.<name>.control_alarm`. Its region's state machine publishes the threshold to send traffic to the secondary and 0 to bring it home. Without it traffic follows Route 53's endpoint checks alone.
  *
  * Docs at Terraform Registry: {@link https://registry.terraform.io/providers/drpair/drpair/0.1.0/docs/resources/failover_orchestrator#control_alarm FailoverOrchestrator#control_alarm}
  */
  readonly controlAlarm?: FailoverOrchestratorControlAlarm;
  /**
  * `drpair_global_database.<name>.max_rpo_seconds`, for `rpo_bounds`.
  *
  * Docs at Terraform Registry: {@link https://registry.terraform.io/providers/drpair/drpair/0.1.0/docs/resources/failover_orchestrator#database_max_rpo_seconds FailoverOrchestrator#database_max_rpo_seconds}
  */
  readonly databaseMaxRpoSeconds?: number;
  /**
  * Your estimate of Aurora's cross-region promotion, used in `rto_budget_seconds`. Default 30; the drill measures it.
  *
  * Docs at Terraform Registry: {@link https://registry.terraform.io/providers/drpair/drpair/0.1.0/docs/resources/failover_orchestrator#database_promotion_seconds FailoverOrchestrator#database_promotion_seconds}
  */
  readonly databasePromotionSeconds?: number;
  /**
  * `drpair_dns_failover.<name>.detection_seconds`: Route 53's own path to the secondary.
  *
  * Docs at Terraform Registry: {@link https://registry.terraform.io/providers/drpair/drpair/0.1.0/docs/resources/failover_orchestrator#dns_detection_seconds FailoverOrchestrator#dns_detection_seconds}
  */
  readonly dnsDetectionSeconds?: number;
  /**
  * Fail the plan (instead of warning) when `rto_budget_seconds` exceeds `rto_target_seconds`. Default false.
  *
  * Docs at Terraform Registry: {@link https://registry.terraform.io/providers/drpair/drpair/0.1.0/docs/resources/failover_orchestrator#enforce_objectives FailoverOrchestrator#enforce_objectives}
  */
  readonly enforceObjectives?: boolean | cdktf.IResolvable;
  /**
  * How long the primary must stay healthy before the failback, 0 to 86400. Default 300.
  *
  * Docs at Terraform Registry: {@link https://registry.terraform.io/providers/drpair/drpair/0.1.0/docs/resources/failover_orchestrator#failback_after_seconds FailoverOrchestrator#failback_after_seconds}
  */
  readonly failbackAfterSeconds?: number;
  /**
  * The Aurora global cluster (`drpair_global_database.<name>.global_cluster_id`).
  *
  * Docs at Terraform Registry: {@link https://registry.terraform.io/providers/drpair/drpair/0.1.0/docs/resources/failover_orchestrator#global_cluster_id FailoverOrchestrator#global_cluster_id}
  */
  readonly globalClusterId: string;
  /**
  * Seconds between heartbeats each region sends the other: 10, 30 or 60 (the periods CloudWatch alarms on). Default 10.
  *
  * Docs at Terraform Registry: {@link https://registry.terraform.io/providers/drpair/drpair/0.1.0/docs/resources/failover_orchestrator#heartbeat_interval_seconds FailoverOrchestrator#heartbeat_interval_seconds}
  */
  readonly heartbeatIntervalSeconds?: number;
  /**
  * Silent intervals in a row after which the other region is declared down, 1 to 10. Default 2.
  *
  * Docs at Terraform Registry: {@link https://registry.terraform.io/providers/drpair/drpair/0.1.0/docs/resources/failover_orchestrator#missed_heartbeats FailoverOrchestrator#missed_heartbeats}
  */
  readonly missedHeartbeats?: number;
  /**
  * Resource-type part of every name, `<name>-<environment>-<suffix>`. Changing it replaces the orchestrator.
  *
  * Docs at Terraform Registry: {@link https://registry.terraform.io/providers/drpair/drpair/0.1.0/docs/resources/failover_orchestrator#name FailoverOrchestrator#name}
  */
  readonly name: string;
  /**
  * Its cluster in the primary (home) region: `clusters["<region>"].arn`.
  *
  * Docs at Terraform Registry: {@link https://registry.terraform.io/providers/drpair/drpair/0.1.0/docs/resources/failover_orchestrator#primary_cluster_arn FailoverOrchestrator#primary_cluster_arn}
  */
  readonly primaryClusterArn: string;
  /**
  * Order consumption in the primary region (`drpair_order_pipeline.<name>.primary.event_source_mapping_id`): disabled when the region is failed away from, enabled when it is active again.
  *
  * Docs at Terraform Registry: {@link https://registry.terraform.io/providers/drpair/drpair/0.1.0/docs/resources/failover_orchestrator#primary_event_source_mapping_ids FailoverOrchestrator#primary_event_source_mapping_ids}
  */
  readonly primaryEventSourceMappingIds?: string[];
  /**
  * The primary region's health signal (`drpair_region_health.<name>.primary.composite_alarm_name`): when it goes to ALARM the secondary fails over at once, without waiting for heartbeats to stop (a region that is up but broken).
  *
  * Docs at Terraform Registry: {@link https://registry.terraform.io/providers/drpair/drpair/0.1.0/docs/resources/failover_orchestrator#primary_health_alarm_name FailoverOrchestrator#primary_health_alarm_name}
  */
  readonly primaryHealthAlarmName?: string;
  /**
  * Functions whose code must be identical in both regions (readiness check).
  *
  * Docs at Terraform Registry: {@link https://registry.terraform.io/providers/drpair/drpair/0.1.0/docs/resources/failover_orchestrator#readiness_function_names FailoverOrchestrator#readiness_function_names}
  */
  readonly readinessFunctionNames?: string[];
  /**
  * Aurora replication lag above which the pair is not ready. Default 1000.
  *
  * Docs at Terraform Registry: {@link https://registry.terraform.io/providers/drpair/drpair/0.1.0/docs/resources/failover_orchestrator#readiness_max_lag_ms FailoverOrchestrator#readiness_max_lag_ms}
  */
  readonly readinessMaxLagMs?: number;
  /**
  * Zip of `lambda/readiness.py` (`make lambda` builds `lambda/dist/readiness.zip`), deployed to both regions and run hourly.
  *
  * Docs at Terraform Registry: {@link https://registry.terraform.io/providers/drpair/drpair/0.1.0/docs/resources/failover_orchestrator#readiness_package_path FailoverOrchestrator#readiness_package_path}
  */
  readonly readinessPackagePath: string;
  /**
  * SSM path whose parameters must be equal in both regions (readiness check).
  *
  * Docs at Terraform Registry: {@link https://registry.terraform.io/providers/drpair/drpair/0.1.0/docs/resources/failover_orchestrator#readiness_parameter_path FailoverOrchestrator#readiness_parameter_path}
  */
  readonly readinessParameterPath?: string;
  /**
  * DynamoDB global table whose replicas must be active (readiness check).
  *
  * Docs at Terraform Registry: {@link https://registry.terraform.io/providers/drpair/drpair/0.1.0/docs/resources/failover_orchestrator#readiness_session_table FailoverOrchestrator#readiness_session_table}
  */
  readonly readinessSessionTable?: string;
  /**
  * The recovery time the pair must meet. Default 60.
  *
  * Docs at Terraform Registry: {@link https://registry.terraform.io/providers/drpair/drpair/0.1.0/docs/resources/failover_orchestrator#rto_target_seconds FailoverOrchestrator#rto_target_seconds}
  */
  readonly rtoTargetSeconds?: number;
  /**
  * Its cluster in the secondary region.
  *
  * Docs at Terraform Registry: {@link https://registry.terraform.io/providers/drpair/drpair/0.1.0/docs/resources/failover_orchestrator#secondary_cluster_arn FailoverOrchestrator#secondary_cluster_arn}
  */
  readonly secondaryClusterArn: string;
  /**
  * Order consumption in the secondary region.
  *
  * Docs at Terraform Registry: {@link https://registry.terraform.io/providers/drpair/drpair/0.1.0/docs/resources/failover_orchestrator#secondary_event_source_mapping_ids FailoverOrchestrator#secondary_event_source_mapping_ids}
  */
  readonly secondaryEventSourceMappingIds?: string[];
  /**
  * The secondary region's health signal.
  *
  * Docs at Terraform Registry: {@link https://registry.terraform.io/providers/drpair/drpair/0.1.0/docs/resources/failover_orchestrator#secondary_health_alarm_name FailoverOrchestrator#secondary_health_alarm_name}
  */
  readonly secondaryHealthAlarmName?: string;
  /**
  * `eventual` or `strong` (`drpair_session_table`), for `rpo_bounds`.
  *
  * Docs at Terraform Registry: {@link https://registry.terraform.io/providers/drpair/drpair/0.1.0/docs/resources/failover_orchestrator#session_table_consistency FailoverOrchestrator#session_table_consistency}
  */
  readonly sessionTableConsistency?: string;
  /**
  * timeouts block
  *
  * Docs at Terraform Registry: {@link https://registry.terraform.io/providers/drpair/drpair/0.1.0/docs/resources/failover_orchestrator#timeouts FailoverOrchestrator#timeouts}
  */
  readonly timeouts?: FailoverOrchestratorTimeouts;
}
export interface FailoverOrchestratorControlAlarm {
  /**
  * Dimensions to publish with.
  *
  * Docs at Terraform Registry: {@link https://registry.terraform.io/providers/drpair/drpair/0.1.0/docs/resources/failover_orchestrator#dimensions FailoverOrchestrator#dimensions}
  */
  readonly dimensions?: { [key: string]: string };
  /**
  * Metric to publish.
  *
  * Docs at Terraform Registry: {@link https://registry.terraform.io/providers/drpair/drpair/0.1.0/docs/resources/failover_orchestrator#metric_name FailoverOrchestrator#metric_name}
  */
  readonly metricName?: string;
  /**
  * Alarm name.
  *
  * Docs at Terraform Registry: {@link https://registry.terraform.io/providers/drpair/drpair/0.1.0/docs/resources/failover_orchestrator#name FailoverOrchestrator#name}
  */
  readonly name?: string;
  /**
  * Namespace to publish to.
  *
  * Docs at Terraform Registry: {@link https://registry.terraform.io/providers/drpair/drpair/0.1.0/docs/resources/failover_orchestrator#namespace FailoverOrchestrator#namespace}
  */
  readonly namespace?: string;
  /**
  * Region the alarm lives in (the secondary region).
  *
  * Docs at Terraform Registry: {@link https://registry.terraform.io/providers/drpair/drpair/0.1.0/docs/resources/failover_orchestrator#region FailoverOrchestrator#region}
  */
  readonly region?: string;
  /**
  * Value that forces traffic to the secondary.
  *
  * Docs at Terraform Registry: {@link https://registry.terraform.io/providers/drpair/drpair/0.1.0/docs/resources/failover_orchestrator#threshold FailoverOrchestrator#threshold}
  */
  readonly threshold?: number;
}

export function failoverOrchestratorControlAlarmToTerraform(struct?: FailoverOrchestratorControlAlarm | cdktf.IResolvable): any {
  if (!cdktf.canInspect(struct) || cdktf.Tokenization.isResolvable(struct)) { return struct; }
  if (cdktf.isComplexElement(struct)) {
    throw new Error("A complex element was used as configuration, this is not supported: https://cdk.tf/complex-object-as-configuration");
  }
  return {
    dimensions: cdktf.hashMapper(cdktf.stringToTerraform)(struct!.dimensions),
    metric_name: cdktf.stringToTerraform(struct!.metricName),
    name: cdktf.stringToTerraform(struct!.name),
    namespace: cdktf.stringToTerraform(struct!.namespace),
    region: cdktf.stringToTerraform(struct!.region),
    threshold: cdktf.numberToTerraform(struct!.threshold),
  }
}


export function failoverOrchestratorControlAlarmToHclTerraform(struct?: FailoverOrchestratorControlAlarm | cdktf.IResolvable): any {
  if (!cdktf.canInspect(struct) || cdktf.Tokenization.isResolvable(struct)) { return struct; }
  if (cdktf.isComplexElement(struct)) {
    throw new Error("A complex element was used as configuration, this is not supported: https://cdk.tf/complex-object-as-configuration");
  }
  const attrs = {
    dimensions: {
      value: cdktf.hashMapperHcl(cdktf.stringToHclTerraform)(struct!.dimensions),
      isBlock: false,
      type: "map",
      storageClassType: "stringMap",
    },
    metric_name: {
      value: cdktf.stringToHclTerraform(struct!.metricName),
      isBlock: false,
      type: "simple",
      storageClassType: "string",
    },
    name: {
      value: cdktf.stringToHclTerraform(struct!.name),
      isBlock: false,
      type: "simple",
      storageClassType: "string",
    },
    namespace: {
      value: cdktf.stringToHclTerraform(struct!.namespace),
      isBlock: false,
      type: "simple",
      storageClassType: "string",
    },
    region: {
      value: cdktf.stringToHclTerraform(struct!.region),
      isBlock: false,
      type: "simple",
      storageClassType: "string",
    },
    threshold: {
      value: cdktf.numberToHclTerraform(struct!.threshold),
      isBlock: false,
      type: "simple",
      storageClassType: "number",
    },
  };

  // remove undefined attributes
  return Object.fromEntries(Object.entries(attrs).filter(([_, value]) => value !== undefined && value.value !== undefined));
}

export class FailoverOrchestratorControlAlarmOutputReference extends cdktf.ComplexObject {
  private isEmptyObject = false;
  private resolvableValue?: cdktf.IResolvable;

  /**
  * @param terraformResource The parent resource
  * @param terraformAttribute The attribute on the parent resource this class is referencing
  */
  public constructor(terraformResource: cdktf.IInterpolatingParent, terraformAttribute: string) {
    super(terraformResource, terraformAttribute, false);
  }

  public get internalValue(): FailoverOrchestratorControlAlarm | cdktf.IResolvable | undefined {
    if (this.resolvableValue) {
      return this.resolvableValue;
    }
    let hasAnyValues = this.isEmptyObject;
    const internalValueResult: any = {};
    if (this._dimensions !== undefined) {
      hasAnyValues = true;
      internalValueResult.dimensions = this._dimensions;
    }
    if (this._metricName !== undefined) {
      hasAnyValues = true;
      internalValueResult.metricName = this._metricName;
    }
    if (this._name !== undefined) {
      hasAnyValues = true;
      internalValueResult.name = this._name;
    }
    if (this._namespace !== undefined) {
      hasAnyValues = true;
      internalValueResult.namespace = this._namespace;
    }
    if (this._region !== undefined) {
      hasAnyValues = true;
      internalValueResult.region = this._region;
    }
    if (this._threshold !== undefined) {
      hasAnyValues = true;
      internalValueResult.threshold = this._threshold;
    }
    return hasAnyValues ? internalValueResult : undefined;
  }

  public set internalValue(value: FailoverOrchestratorControlAlarm | cdktf.IResolvable | undefined) {
    if (value === undefined) {
      this.isEmptyObject = false;
      this.resolvableValue = undefined;
      this._dimensions = undefined;
      this._metricName = undefined;
      this._name = undefined;
      this._namespace = undefined;
      this._region = undefined;
      this._threshold = undefined;
    }
    else if (cdktf.Tokenization.isResolvable(value)) {
      this.isEmptyObject = false;
      this.resolvableValue = value;
    }
    else {
      this.isEmptyObject = Object.keys(value).length === 0;
      this.resolvableValue = undefined;
      this._dimensions = value.dimensions;
      this._metricName = value.metricName;
      this._name = value.name;
      this._namespace = value.namespace;
      this._region = value.region;
      this._threshold = value.threshold;
    }
  }

  // dimensions - computed: false, optional: true, required: false
  private _dimensions?: { [key: string]: string }; 
  public get dimensions() {
    return this.getStringMapAttribute('dimensions');
  }
  public set dimensions(value: { [key: string]: string }) {
    this._dimensions = value;
  }
  public resetDimensions() {
    this._dimensions = undefined;
  }
  // Temporarily expose input value. Use with caution.
  public get dimensionsInput() {
    return this._dimensions;
  }

  // metric_name - computed: false, optional: true, required: false
  private _metricName?: string; 
  public get metricName() {
    return this.getStringAttribute('metric_name');
  }
  public set metricName(value: string) {
    this._metricName = value;
  }
  public resetMetricName() {
    this._metricName = undefined;
  }
  // Temporarily expose input value. Use with caution.
  public get metricNameInput() {
    return this._metricName;
  }

  // name - computed: false, optional: true, required: false
  private _name?: string; 
  public get name() {
    return this.getStringAttribute('name');
  }
  public set name(value: string) {
    this._name = value;
  }
  public resetName() {
    this._name = undefined;
  }
  // Temporarily expose input value. Use with caution.
  public get nameInput() {
    return this._name;
  }

  // namespace - computed: false, optional: true, required: false
  private _namespace?: string; 
  public get namespace() {
    return this.getStringAttribute('namespace');
  }
  public set namespace(value: string) {
    this._namespace = value;
  }
  public resetNamespace() {
    this._namespace = undefined;
  }
  // Temporarily expose input value. Use with caution.
  public get namespaceInput() {
    return this._namespace;
  }

  // region - computed: false, optional: true, required: false
  private _region?: string; 
  public get region() {
    return this.getStringAttribute('region');
  }
  public set region(value: string) {
    this._region = value;
  }
  public resetRegion() {
    this._region = undefined;
  }
  // Temporarily expose input value. Use with caution.
  public get regionInput() {
    return this._region;
  }

  // threshold - computed: false, optional: true, required: false
  private _threshold?: number; 
  public get threshold() {
    return this.getNumberAttribute('threshold');
  }
  public set threshold(value: number) {
    this._threshold = value;
  }
  public resetThreshold() {
    this._threshold = undefined;
  }
  // Temporarily expose input value. Use with caution.
  public get thresholdInput() {
    return this._threshold;
  }
}
export interface FailoverOrchestratorInventory {
}

export function failoverOrchestratorInventoryToTerraform(struct?: FailoverOrchestratorInventory): any {
  if (!cdktf.canInspect(struct) || cdktf.Tokenization.isResolvable(struct)) { return struct; }
  if (cdktf.isComplexElement(struct)) {
    throw new Error("A complex element was used as configuration, this is not supported: https://cdk.tf/complex-object-as-configuration");
  }
  return {
  }
}


export function failoverOrchestratorInventoryToHclTerraform(struct?: FailoverOrchestratorInventory): any {
  if (!cdktf.canInspect(struct) || cdktf.Tokenization.isResolvable(struct)) { return struct; }
  if (cdktf.isComplexElement(struct)) {
    throw new Error("A complex element was used as configuration, this is not supported: https://cdk.tf/complex-object-as-configuration");
  }
  const attrs = {
  };
  return attrs;
}

export class FailoverOrchestratorInventoryOutputReference extends cdktf.ComplexObject {
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

  public get internalValue(): FailoverOrchestratorInventory | undefined {
    let hasAnyValues = this.isEmptyObject;
    const internalValueResult: any = {};
    return hasAnyValues ? internalValueResult : undefined;
  }

  public set internalValue(value: FailoverOrchestratorInventory | undefined) {
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

export class FailoverOrchestratorInventoryList extends cdktf.ComplexList {

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
  public get(index: number): FailoverOrchestratorInventoryOutputReference {
    return new FailoverOrchestratorInventoryOutputReference(this.terraformResource, this.terraformAttribute, index, this.wrapsSet);
  }
}
export interface FailoverOrchestratorPrimary {
}

export function failoverOrchestratorPrimaryToTerraform(struct?: FailoverOrchestratorPrimary): any {
  if (!cdktf.canInspect(struct) || cdktf.Tokenization.isResolvable(struct)) { return struct; }
  if (cdktf.isComplexElement(struct)) {
    throw new Error("A complex element was used as configuration, this is not supported: https://cdk.tf/complex-object-as-configuration");
  }
  return {
  }
}


export function failoverOrchestratorPrimaryToHclTerraform(struct?: FailoverOrchestratorPrimary): any {
  if (!cdktf.canInspect(struct) || cdktf.Tokenization.isResolvable(struct)) { return struct; }
  if (cdktf.isComplexElement(struct)) {
    throw new Error("A complex element was used as configuration, this is not supported: https://cdk.tf/complex-object-as-configuration");
  }
  const attrs = {
  };
  return attrs;
}

export class FailoverOrchestratorPrimaryOutputReference extends cdktf.ComplexObject {
  private isEmptyObject = false;

  /**
  * @param terraformResource The parent resource
  * @param terraformAttribute The attribute on the parent resource this class is referencing
  */
  public constructor(terraformResource: cdktf.IInterpolatingParent, terraformAttribute: string) {
    super(terraformResource, terraformAttribute, false);
  }

  public get internalValue(): FailoverOrchestratorPrimary | undefined {
    let hasAnyValues = this.isEmptyObject;
    const internalValueResult: any = {};
    return hasAnyValues ? internalValueResult : undefined;
  }

  public set internalValue(value: FailoverOrchestratorPrimary | undefined) {
    if (value === undefined) {
      this.isEmptyObject = false;
    }
    else {
      this.isEmptyObject = Object.keys(value).length === 0;
    }
  }

  // peer_down_alarm_name - computed: true, optional: false, required: false
  public get peerDownAlarmName() {
    return this.getStringAttribute('peer_down_alarm_name');
  }

  // readiness_alarm_name - computed: true, optional: false, required: false
  public get readinessAlarmName() {
    return this.getStringAttribute('readiness_alarm_name');
  }

  // readiness_function_name - computed: true, optional: false, required: false
  public get readinessFunctionName() {
    return this.getStringAttribute('readiness_function_name');
  }

  // region - computed: true, optional: false, required: false
  public get region() {
    return this.getStringAttribute('region');
  }

  // role_arn - computed: true, optional: false, required: false
  public get roleArn() {
    return this.getStringAttribute('role_arn');
  }

  // state_machine_arn - computed: true, optional: false, required: false
  public get stateMachineArn() {
    return this.getStringAttribute('state_machine_arn');
  }
}
export interface FailoverOrchestratorSecondary {
}

export function failoverOrchestratorSecondaryToTerraform(struct?: FailoverOrchestratorSecondary): any {
  if (!cdktf.canInspect(struct) || cdktf.Tokenization.isResolvable(struct)) { return struct; }
  if (cdktf.isComplexElement(struct)) {
    throw new Error("A complex element was used as configuration, this is not supported: https://cdk.tf/complex-object-as-configuration");
  }
  return {
  }
}


export function failoverOrchestratorSecondaryToHclTerraform(struct?: FailoverOrchestratorSecondary): any {
  if (!cdktf.canInspect(struct) || cdktf.Tokenization.isResolvable(struct)) { return struct; }
  if (cdktf.isComplexElement(struct)) {
    throw new Error("A complex element was used as configuration, this is not supported: https://cdk.tf/complex-object-as-configuration");
  }
  const attrs = {
  };
  return attrs;
}

export class FailoverOrchestratorSecondaryOutputReference extends cdktf.ComplexObject {
  private isEmptyObject = false;

  /**
  * @param terraformResource The parent resource
  * @param terraformAttribute The attribute on the parent resource this class is referencing
  */
  public constructor(terraformResource: cdktf.IInterpolatingParent, terraformAttribute: string) {
    super(terraformResource, terraformAttribute, false);
  }

  public get internalValue(): FailoverOrchestratorSecondary | undefined {
    let hasAnyValues = this.isEmptyObject;
    const internalValueResult: any = {};
    return hasAnyValues ? internalValueResult : undefined;
  }

  public set internalValue(value: FailoverOrchestratorSecondary | undefined) {
    if (value === undefined) {
      this.isEmptyObject = false;
    }
    else {
      this.isEmptyObject = Object.keys(value).length === 0;
    }
  }

  // peer_down_alarm_name - computed: true, optional: false, required: false
  public get peerDownAlarmName() {
    return this.getStringAttribute('peer_down_alarm_name');
  }

  // readiness_alarm_name - computed: true, optional: false, required: false
  public get readinessAlarmName() {
    return this.getStringAttribute('readiness_alarm_name');
  }

  // readiness_function_name - computed: true, optional: false, required: false
  public get readinessFunctionName() {
    return this.getStringAttribute('readiness_function_name');
  }

  // region - computed: true, optional: false, required: false
  public get region() {
    return this.getStringAttribute('region');
  }

  // role_arn - computed: true, optional: false, required: false
  public get roleArn() {
    return this.getStringAttribute('role_arn');
  }

  // state_machine_arn - computed: true, optional: false, required: false
  public get stateMachineArn() {
    return this.getStringAttribute('state_machine_arn');
  }
}
export interface FailoverOrchestratorTimeouts {
  /**
  * Time limit for creating the whole pair.
  *
  * Docs at Terraform Registry: {@link https://registry.terraform.io/providers/drpair/drpair/0.1.0/docs/resources/failover_orchestrator#create FailoverOrchestrator#create}
  */
  readonly create?: string;
  /**
  * Time limit for destroying the whole pair.
  *
  * Docs at Terraform Registry: {@link https://registry.terraform.io/providers/drpair/drpair/0.1.0/docs/resources/failover_orchestrator#delete FailoverOrchestrator#delete}
  */
  readonly delete?: string;
  /**
  * Time limit for an in-place update or repair.
  *
  * Docs at Terraform Registry: {@link https://registry.terraform.io/providers/drpair/drpair/0.1.0/docs/resources/failover_orchestrator#update FailoverOrchestrator#update}
  */
  readonly update?: string;
}

export function failoverOrchestratorTimeoutsToTerraform(struct?: FailoverOrchestratorTimeouts | cdktf.IResolvable): any {
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


export function failoverOrchestratorTimeoutsToHclTerraform(struct?: FailoverOrchestratorTimeouts | cdktf.IResolvable): any {
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

export class FailoverOrchestratorTimeoutsOutputReference extends cdktf.ComplexObject {
  private isEmptyObject = false;
  private resolvableValue?: cdktf.IResolvable;

  /**
  * @param terraformResource The parent resource
  * @param terraformAttribute The attribute on the parent resource this class is referencing
  */
  public constructor(terraformResource: cdktf.IInterpolatingParent, terraformAttribute: string) {
    super(terraformResource, terraformAttribute, false);
  }

  public get internalValue(): FailoverOrchestratorTimeouts | cdktf.IResolvable | undefined {
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

  public set internalValue(value: FailoverOrchestratorTimeouts | cdktf.IResolvable | undefined) {
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
* Represents a {@link https://registry.terraform.io/providers/drpair/drpair/0.1.0/docs/resources/failover_orchestrator drpair_failover_orchestrator}
*/
export class FailoverOrchestrator extends cdktf.TerraformResource {

  // =================
  // STATIC PROPERTIES
  // =================
  public static readonly tfResourceType = "drpair_failover_orchestrator";

  // ==============
  // STATIC Methods
  // ==============
  /**
  * Generates CDKTF code for importing a FailoverOrchestrator resource upon running "cdktf plan <stack-name>"
  * @param scope The scope in which to define this construct
  * @param importToId The construct id used in the generated config for the FailoverOrchestrator to import
  * @param importFromId The id of the existing FailoverOrchestrator that should be imported. Refer to the {@link https://registry.terraform.io/providers/drpair/drpair/0.1.0/docs/resources/failover_orchestrator#import import section} in the documentation of this resource for the id to use
  * @param provider? Optional instance of the provider where the FailoverOrchestrator to import is found
  */
  public static generateConfigForImport(scope: Construct, importToId: string, importFromId: string, provider?: cdktf.TerraformProvider) {
        return new cdktf.ImportableResource(scope, importToId, { terraformResourceType: "drpair_failover_orchestrator", importId: importFromId, provider });
      }

  // ===========
  // INITIALIZER
  // ===========

  /**
  * Create a new {@link https://registry.terraform.io/providers/drpair/drpair/0.1.0/docs/resources/failover_orchestrator drpair_failover_orchestrator} Resource
  *
  * @param scope The scope in which to define this construct
  * @param id The scoped construct ID. Must be unique amongst siblings in the same scope
  * @param options FailoverOrchestratorConfig
  */
  public constructor(scope: Construct, id: string, config: FailoverOrchestratorConfig) {
    super(scope, id, {
      terraformResourceType: 'drpair_failover_orchestrator',
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
    this._activeRegionParameter = config.activeRegionParameter;
    this._autoFailback = config.autoFailback;
    this._controlAlarm.internalValue = config.controlAlarm;
    this._databaseMaxRpoSeconds = config.databaseMaxRpoSeconds;
    this._databasePromotionSeconds = config.databasePromotionSeconds;
    this._dnsDetectionSeconds = config.dnsDetectionSeconds;
    this._enforceObjectives = config.enforceObjectives;
    this._failbackAfterSeconds = config.failbackAfterSeconds;
    this._globalClusterId = config.globalClusterId;
    this._heartbeatIntervalSeconds = config.heartbeatIntervalSeconds;
    this._missedHeartbeats = config.missedHeartbeats;
    this._name = config.name;
    this._primaryClusterArn = config.primaryClusterArn;
    this._primaryEventSourceMappingIds = config.primaryEventSourceMappingIds;
    this._primaryHealthAlarmName = config.primaryHealthAlarmName;
    this._readinessFunctionNames = config.readinessFunctionNames;
    this._readinessMaxLagMs = config.readinessMaxLagMs;
    this._readinessPackagePath = config.readinessPackagePath;
    this._readinessParameterPath = config.readinessParameterPath;
    this._readinessSessionTable = config.readinessSessionTable;
    this._rtoTargetSeconds = config.rtoTargetSeconds;
    this._secondaryClusterArn = config.secondaryClusterArn;
    this._secondaryEventSourceMappingIds = config.secondaryEventSourceMappingIds;
    this._secondaryHealthAlarmName = config.secondaryHealthAlarmName;
    this._sessionTableConsistency = config.sessionTableConsistency;
    this._timeouts.internalValue = config.timeouts;
  }

  // ==========
  // ATTRIBUTES
  // ==========

  // active_region_parameter - computed: false, optional: true, required: false
  private _activeRegionParameter?: string; 
  public get activeRegionParameter() {
    return this.getStringAttribute('active_region_parameter');
  }
  public set activeRegionParameter(value: string) {
    this._activeRegionParameter = value;
  }
  public resetActiveRegionParameter() {
    this._activeRegionParameter = undefined;
  }
  // Temporarily expose input value. Use with caution.
  public get activeRegionParameterInput() {
    return this._activeRegionParameter;
  }

  // active_region_parameter_name - computed: true, optional: false, required: false
  public get activeRegionParameterName() {
    return this.getStringAttribute('active_region_parameter_name');
  }

  // auto_failback - computed: true, optional: true, required: false
  private _autoFailback?: boolean | cdktf.IResolvable; 
  public get autoFailback() {
    return this.getBooleanAttribute('auto_failback');
  }
  public set autoFailback(value: boolean | cdktf.IResolvable) {
    this._autoFailback = value;
  }
  public resetAutoFailback() {
    this._autoFailback = undefined;
  }
  // Temporarily expose input value. Use with caution.
  public get autoFailbackInput() {
    return this._autoFailback;
  }

  // control_alarm - computed: false, optional: true, required: false
  private _controlAlarm = new FailoverOrchestratorControlAlarmOutputReference(this, "control_alarm");
  public get controlAlarm() {
    return this._controlAlarm;
  }
  public putControlAlarm(value: FailoverOrchestratorControlAlarm) {
    this._controlAlarm.internalValue = value;
  }
  public resetControlAlarm() {
    this._controlAlarm.internalValue = undefined;
  }
  // Temporarily expose input value. Use with caution.
  public get controlAlarmInput() {
    return this._controlAlarm.internalValue;
  }

  // database_max_rpo_seconds - computed: false, optional: true, required: false
  private _databaseMaxRpoSeconds?: number; 
  public get databaseMaxRpoSeconds() {
    return this.getNumberAttribute('database_max_rpo_seconds');
  }
  public set databaseMaxRpoSeconds(value: number) {
    this._databaseMaxRpoSeconds = value;
  }
  public resetDatabaseMaxRpoSeconds() {
    this._databaseMaxRpoSeconds = undefined;
  }
  // Temporarily expose input value. Use with caution.
  public get databaseMaxRpoSecondsInput() {
    return this._databaseMaxRpoSeconds;
  }

  // database_promotion_seconds - computed: true, optional: true, required: false
  private _databasePromotionSeconds?: number; 
  public get databasePromotionSeconds() {
    return this.getNumberAttribute('database_promotion_seconds');
  }
  public set databasePromotionSeconds(value: number) {
    this._databasePromotionSeconds = value;
  }
  public resetDatabasePromotionSeconds() {
    this._databasePromotionSeconds = undefined;
  }
  // Temporarily expose input value. Use with caution.
  public get databasePromotionSecondsInput() {
    return this._databasePromotionSeconds;
  }

  // dns_detection_seconds - computed: false, optional: true, required: false
  private _dnsDetectionSeconds?: number; 
  public get dnsDetectionSeconds() {
    return this.getNumberAttribute('dns_detection_seconds');
  }
  public set dnsDetectionSeconds(value: number) {
    this._dnsDetectionSeconds = value;
  }
  public resetDnsDetectionSeconds() {
    this._dnsDetectionSeconds = undefined;
  }
  // Temporarily expose input value. Use with caution.
  public get dnsDetectionSecondsInput() {
    return this._dnsDetectionSeconds;
  }

  // drift - computed: true, optional: false, required: false
  public get drift() {
    return this.getListAttribute('drift');
  }

  // enforce_objectives - computed: true, optional: true, required: false
  private _enforceObjectives?: boolean | cdktf.IResolvable; 
  public get enforceObjectives() {
    return this.getBooleanAttribute('enforce_objectives');
  }
  public set enforceObjectives(value: boolean | cdktf.IResolvable) {
    this._enforceObjectives = value;
  }
  public resetEnforceObjectives() {
    this._enforceObjectives = undefined;
  }
  // Temporarily expose input value. Use with caution.
  public get enforceObjectivesInput() {
    return this._enforceObjectives;
  }

  // failback_after_seconds - computed: true, optional: true, required: false
  private _failbackAfterSeconds?: number; 
  public get failbackAfterSeconds() {
    return this.getNumberAttribute('failback_after_seconds');
  }
  public set failbackAfterSeconds(value: number) {
    this._failbackAfterSeconds = value;
  }
  public resetFailbackAfterSeconds() {
    this._failbackAfterSeconds = undefined;
  }
  // Temporarily expose input value. Use with caution.
  public get failbackAfterSecondsInput() {
    return this._failbackAfterSeconds;
  }

  // global_cluster_id - computed: false, optional: false, required: true
  private _globalClusterId?: string; 
  public get globalClusterId() {
    return this.getStringAttribute('global_cluster_id');
  }
  public set globalClusterId(value: string) {
    this._globalClusterId = value;
  }
  // Temporarily expose input value. Use with caution.
  public get globalClusterIdInput() {
    return this._globalClusterId;
  }

  // heartbeat_interval_seconds - computed: true, optional: true, required: false
  private _heartbeatIntervalSeconds?: number; 
  public get heartbeatIntervalSeconds() {
    return this.getNumberAttribute('heartbeat_interval_seconds');
  }
  public set heartbeatIntervalSeconds(value: number) {
    this._heartbeatIntervalSeconds = value;
  }
  public resetHeartbeatIntervalSeconds() {
    this._heartbeatIntervalSeconds = undefined;
  }
  // Temporarily expose input value. Use with caution.
  public get heartbeatIntervalSecondsInput() {
    return this._heartbeatIntervalSeconds;
  }

  // id - computed: true, optional: false, required: false
  public get id() {
    return this.getStringAttribute('id');
  }

  // inventory - computed: true, optional: false, required: false
  private _inventory = new FailoverOrchestratorInventoryList(this, "inventory", false);
  public get inventory() {
    return this._inventory;
  }

  // missed_heartbeats - computed: true, optional: true, required: false
  private _missedHeartbeats?: number; 
  public get missedHeartbeats() {
    return this.getNumberAttribute('missed_heartbeats');
  }
  public set missedHeartbeats(value: number) {
    this._missedHeartbeats = value;
  }
  public resetMissedHeartbeats() {
    this._missedHeartbeats = undefined;
  }
  // Temporarily expose input value. Use with caution.
  public get missedHeartbeatsInput() {
    return this._missedHeartbeats;
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
  private _primary = new FailoverOrchestratorPrimaryOutputReference(this, "primary");
  public get primary() {
    return this._primary;
  }

  // primary_cluster_arn - computed: false, optional: false, required: true
  private _primaryClusterArn?: string; 
  public get primaryClusterArn() {
    return this.getStringAttribute('primary_cluster_arn');
  }
  public set primaryClusterArn(value: string) {
    this._primaryClusterArn = value;
  }
  // Temporarily expose input value. Use with caution.
  public get primaryClusterArnInput() {
    return this._primaryClusterArn;
  }

  // primary_event_source_mapping_ids - computed: false, optional: true, required: false
  private _primaryEventSourceMappingIds?: string[]; 
  public get primaryEventSourceMappingIds() {
    return this.getListAttribute('primary_event_source_mapping_ids');
  }
  public set primaryEventSourceMappingIds(value: string[]) {
    this._primaryEventSourceMappingIds = value;
  }
  public resetPrimaryEventSourceMappingIds() {
    this._primaryEventSourceMappingIds = undefined;
  }
  // Temporarily expose input value. Use with caution.
  public get primaryEventSourceMappingIdsInput() {
    return this._primaryEventSourceMappingIds;
  }

  // primary_health_alarm_name - computed: false, optional: true, required: false
  private _primaryHealthAlarmName?: string; 
  public get primaryHealthAlarmName() {
    return this.getStringAttribute('primary_health_alarm_name');
  }
  public set primaryHealthAlarmName(value: string) {
    this._primaryHealthAlarmName = value;
  }
  public resetPrimaryHealthAlarmName() {
    this._primaryHealthAlarmName = undefined;
  }
  // Temporarily expose input value. Use with caution.
  public get primaryHealthAlarmNameInput() {
    return this._primaryHealthAlarmName;
  }

  // primary_region - computed: true, optional: false, required: false
  public get primaryRegion() {
    return this.getStringAttribute('primary_region');
  }

  // readiness_function_names - computed: false, optional: true, required: false
  private _readinessFunctionNames?: string[]; 
  public get readinessFunctionNames() {
    return this.getListAttribute('readiness_function_names');
  }
  public set readinessFunctionNames(value: string[]) {
    this._readinessFunctionNames = value;
  }
  public resetReadinessFunctionNames() {
    this._readinessFunctionNames = undefined;
  }
  // Temporarily expose input value. Use with caution.
  public get readinessFunctionNamesInput() {
    return this._readinessFunctionNames;
  }

  // readiness_max_lag_ms - computed: true, optional: true, required: false
  private _readinessMaxLagMs?: number; 
  public get readinessMaxLagMs() {
    return this.getNumberAttribute('readiness_max_lag_ms');
  }
  public set readinessMaxLagMs(value: number) {
    this._readinessMaxLagMs = value;
  }
  public resetReadinessMaxLagMs() {
    this._readinessMaxLagMs = undefined;
  }
  // Temporarily expose input value. Use with caution.
  public get readinessMaxLagMsInput() {
    return this._readinessMaxLagMs;
  }

  // readiness_package_path - computed: false, optional: false, required: true
  private _readinessPackagePath?: string; 
  public get readinessPackagePath() {
    return this.getStringAttribute('readiness_package_path');
  }
  public set readinessPackagePath(value: string) {
    this._readinessPackagePath = value;
  }
  // Temporarily expose input value. Use with caution.
  public get readinessPackagePathInput() {
    return this._readinessPackagePath;
  }

  // readiness_package_sha256 - computed: true, optional: false, required: false
  public get readinessPackageSha256() {
    return this.getStringAttribute('readiness_package_sha256');
  }

  // readiness_parameter_path - computed: false, optional: true, required: false
  private _readinessParameterPath?: string; 
  public get readinessParameterPath() {
    return this.getStringAttribute('readiness_parameter_path');
  }
  public set readinessParameterPath(value: string) {
    this._readinessParameterPath = value;
  }
  public resetReadinessParameterPath() {
    this._readinessParameterPath = undefined;
  }
  // Temporarily expose input value. Use with caution.
  public get readinessParameterPathInput() {
    return this._readinessParameterPath;
  }

  // readiness_session_table - computed: false, optional: true, required: false
  private _readinessSessionTable?: string; 
  public get readinessSessionTable() {
    return this.getStringAttribute('readiness_session_table');
  }
  public set readinessSessionTable(value: string) {
    this._readinessSessionTable = value;
  }
  public resetReadinessSessionTable() {
    this._readinessSessionTable = undefined;
  }
  // Temporarily expose input value. Use with caution.
  public get readinessSessionTableInput() {
    return this._readinessSessionTable;
  }

  // rpo_bounds - computed: true, optional: false, required: false
  private _rpoBounds = new cdktf.StringMap(this, "rpo_bounds");
  public get rpoBounds() {
    return this._rpoBounds;
  }

  // rto_breakdown - computed: true, optional: false, required: false
  private _rtoBreakdown = new cdktf.NumberMap(this, "rto_breakdown");
  public get rtoBreakdown() {
    return this._rtoBreakdown;
  }

  // rto_budget_seconds - computed: true, optional: false, required: false
  public get rtoBudgetSeconds() {
    return this.getNumberAttribute('rto_budget_seconds');
  }

  // rto_target_seconds - computed: true, optional: true, required: false
  private _rtoTargetSeconds?: number; 
  public get rtoTargetSeconds() {
    return this.getNumberAttribute('rto_target_seconds');
  }
  public set rtoTargetSeconds(value: number) {
    this._rtoTargetSeconds = value;
  }
  public resetRtoTargetSeconds() {
    this._rtoTargetSeconds = undefined;
  }
  // Temporarily expose input value. Use with caution.
  public get rtoTargetSecondsInput() {
    return this._rtoTargetSeconds;
  }

  // secondary - computed: true, optional: false, required: false
  private _secondary = new FailoverOrchestratorSecondaryOutputReference(this, "secondary");
  public get secondary() {
    return this._secondary;
  }

  // secondary_cluster_arn - computed: false, optional: false, required: true
  private _secondaryClusterArn?: string; 
  public get secondaryClusterArn() {
    return this.getStringAttribute('secondary_cluster_arn');
  }
  public set secondaryClusterArn(value: string) {
    this._secondaryClusterArn = value;
  }
  // Temporarily expose input value. Use with caution.
  public get secondaryClusterArnInput() {
    return this._secondaryClusterArn;
  }

  // secondary_event_source_mapping_ids - computed: false, optional: true, required: false
  private _secondaryEventSourceMappingIds?: string[]; 
  public get secondaryEventSourceMappingIds() {
    return this.getListAttribute('secondary_event_source_mapping_ids');
  }
  public set secondaryEventSourceMappingIds(value: string[]) {
    this._secondaryEventSourceMappingIds = value;
  }
  public resetSecondaryEventSourceMappingIds() {
    this._secondaryEventSourceMappingIds = undefined;
  }
  // Temporarily expose input value. Use with caution.
  public get secondaryEventSourceMappingIdsInput() {
    return this._secondaryEventSourceMappingIds;
  }

  // secondary_health_alarm_name - computed: false, optional: true, required: false
  private _secondaryHealthAlarmName?: string; 
  public get secondaryHealthAlarmName() {
    return this.getStringAttribute('secondary_health_alarm_name');
  }
  public set secondaryHealthAlarmName(value: string) {
    this._secondaryHealthAlarmName = value;
  }
  public resetSecondaryHealthAlarmName() {
    this._secondaryHealthAlarmName = undefined;
  }
  // Temporarily expose input value. Use with caution.
  public get secondaryHealthAlarmNameInput() {
    return this._secondaryHealthAlarmName;
  }

  // secondary_region - computed: true, optional: false, required: false
  public get secondaryRegion() {
    return this.getStringAttribute('secondary_region');
  }

  // session_table_consistency - computed: false, optional: true, required: false
  private _sessionTableConsistency?: string; 
  public get sessionTableConsistency() {
    return this.getStringAttribute('session_table_consistency');
  }
  public set sessionTableConsistency(value: string) {
    this._sessionTableConsistency = value;
  }
  public resetSessionTableConsistency() {
    this._sessionTableConsistency = undefined;
  }
  // Temporarily expose input value. Use with caution.
  public get sessionTableConsistencyInput() {
    return this._sessionTableConsistency;
  }

  // timeouts - computed: false, optional: true, required: false
  private _timeouts = new FailoverOrchestratorTimeoutsOutputReference(this, "timeouts");
  public get timeouts() {
    return this._timeouts;
  }
  public putTimeouts(value: FailoverOrchestratorTimeouts) {
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
      active_region_parameter: cdktf.stringToTerraform(this._activeRegionParameter),
      auto_failback: cdktf.booleanToTerraform(this._autoFailback),
      control_alarm: failoverOrchestratorControlAlarmToTerraform(this._controlAlarm.internalValue),
      database_max_rpo_seconds: cdktf.numberToTerraform(this._databaseMaxRpoSeconds),
      database_promotion_seconds: cdktf.numberToTerraform(this._databasePromotionSeconds),
      dns_detection_seconds: cdktf.numberToTerraform(this._dnsDetectionSeconds),
      enforce_objectives: cdktf.booleanToTerraform(this._enforceObjectives),
      failback_after_seconds: cdktf.numberToTerraform(this._failbackAfterSeconds),
      global_cluster_id: cdktf.stringToTerraform(this._globalClusterId),
      heartbeat_interval_seconds: cdktf.numberToTerraform(this._heartbeatIntervalSeconds),
      missed_heartbeats: cdktf.numberToTerraform(this._missedHeartbeats),
      name: cdktf.stringToTerraform(this._name),
      primary_cluster_arn: cdktf.stringToTerraform(this._primaryClusterArn),
      primary_event_source_mapping_ids: cdktf.listMapper(cdktf.stringToTerraform, false)(this._primaryEventSourceMappingIds),
      primary_health_alarm_name: cdktf.stringToTerraform(this._primaryHealthAlarmName),
      readiness_function_names: cdktf.listMapper(cdktf.stringToTerraform, false)(this._readinessFunctionNames),
      readiness_max_lag_ms: cdktf.numberToTerraform(this._readinessMaxLagMs),
      readiness_package_path: cdktf.stringToTerraform(this._readinessPackagePath),
      readiness_parameter_path: cdktf.stringToTerraform(this._readinessParameterPath),
      readiness_session_table: cdktf.stringToTerraform(this._readinessSessionTable),
      rto_target_seconds: cdktf.numberToTerraform(this._rtoTargetSeconds),
      secondary_cluster_arn: cdktf.stringToTerraform(this._secondaryClusterArn),
      secondary_event_source_mapping_ids: cdktf.listMapper(cdktf.stringToTerraform, false)(this._secondaryEventSourceMappingIds),
      secondary_health_alarm_name: cdktf.stringToTerraform(this._secondaryHealthAlarmName),
      session_table_consistency: cdktf.stringToTerraform(this._sessionTableConsistency),
      timeouts: failoverOrchestratorTimeoutsToTerraform(this._timeouts.internalValue),
    };
  }

  protected synthesizeHclAttributes(): { [name: string]: any } {
    const attrs = {
      active_region_parameter: {
        value: cdktf.stringToHclTerraform(this._activeRegionParameter),
        isBlock: false,
        type: "simple",
        storageClassType: "string",
      },
      auto_failback: {
        value: cdktf.booleanToHclTerraform(this._autoFailback),
        isBlock: false,
        type: "simple",
        storageClassType: "boolean",
      },
      control_alarm: {
        value: failoverOrchestratorControlAlarmToHclTerraform(this._controlAlarm.internalValue),
        isBlock: true,
        type: "struct",
        storageClassType: "FailoverOrchestratorControlAlarm",
      },
      database_max_rpo_seconds: {
        value: cdktf.numberToHclTerraform(this._databaseMaxRpoSeconds),
        isBlock: false,
        type: "simple",
        storageClassType: "number",
      },
      database_promotion_seconds: {
        value: cdktf.numberToHclTerraform(this._databasePromotionSeconds),
        isBlock: false,
        type: "simple",
        storageClassType: "number",
      },
      dns_detection_seconds: {
        value: cdktf.numberToHclTerraform(this._dnsDetectionSeconds),
        isBlock: false,
        type: "simple",
        storageClassType: "number",
      },
      enforce_objectives: {
        value: cdktf.booleanToHclTerraform(this._enforceObjectives),
        isBlock: false,
        type: "simple",
        storageClassType: "boolean",
      },
      failback_after_seconds: {
        value: cdktf.numberToHclTerraform(this._failbackAfterSeconds),
        isBlock: false,
        type: "simple",
        storageClassType: "number",
      },
      global_cluster_id: {
        value: cdktf.stringToHclTerraform(this._globalClusterId),
        isBlock: false,
        type: "simple",
        storageClassType: "string",
      },
      heartbeat_interval_seconds: {
        value: cdktf.numberToHclTerraform(this._heartbeatIntervalSeconds),
        isBlock: false,
        type: "simple",
        storageClassType: "number",
      },
      missed_heartbeats: {
        value: cdktf.numberToHclTerraform(this._missedHeartbeats),
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
      primary_cluster_arn: {
        value: cdktf.stringToHclTerraform(this._primaryClusterArn),
        isBlock: false,
        type: "simple",
        storageClassType: "string",
      },
      primary_event_source_mapping_ids: {
        value: cdktf.listMapperHcl(cdktf.stringToHclTerraform, false)(this._primaryEventSourceMappingIds),
        isBlock: false,
        type: "list",
        storageClassType: "stringList",
      },
      primary_health_alarm_name: {
        value: cdktf.stringToHclTerraform(this._primaryHealthAlarmName),
        isBlock: false,
        type: "simple",
        storageClassType: "string",
      },
      readiness_function_names: {
        value: cdktf.listMapperHcl(cdktf.stringToHclTerraform, false)(this._readinessFunctionNames),
        isBlock: false,
        type: "list",
        storageClassType: "stringList",
      },
      readiness_max_lag_ms: {
        value: cdktf.numberToHclTerraform(this._readinessMaxLagMs),
        isBlock: false,
        type: "simple",
        storageClassType: "number",
      },
      readiness_package_path: {
        value: cdktf.stringToHclTerraform(this._readinessPackagePath),
        isBlock: false,
        type: "simple",
        storageClassType: "string",
      },
      readiness_parameter_path: {
        value: cdktf.stringToHclTerraform(this._readinessParameterPath),
        isBlock: false,
        type: "simple",
        storageClassType: "string",
      },
      readiness_session_table: {
        value: cdktf.stringToHclTerraform(this._readinessSessionTable),
        isBlock: false,
        type: "simple",
        storageClassType: "string",
      },
      rto_target_seconds: {
        value: cdktf.numberToHclTerraform(this._rtoTargetSeconds),
        isBlock: false,
        type: "simple",
        storageClassType: "number",
      },
      secondary_cluster_arn: {
        value: cdktf.stringToHclTerraform(this._secondaryClusterArn),
        isBlock: false,
        type: "simple",
        storageClassType: "string",
      },
      secondary_event_source_mapping_ids: {
        value: cdktf.listMapperHcl(cdktf.stringToHclTerraform, false)(this._secondaryEventSourceMappingIds),
        isBlock: false,
        type: "list",
        storageClassType: "stringList",
      },
      secondary_health_alarm_name: {
        value: cdktf.stringToHclTerraform(this._secondaryHealthAlarmName),
        isBlock: false,
        type: "simple",
        storageClassType: "string",
      },
      session_table_consistency: {
        value: cdktf.stringToHclTerraform(this._sessionTableConsistency),
        isBlock: false,
        type: "simple",
        storageClassType: "string",
      },
      timeouts: {
        value: failoverOrchestratorTimeoutsToHclTerraform(this._timeouts.internalValue),
        isBlock: true,
        type: "struct",
        storageClassType: "FailoverOrchestratorTimeouts",
      },
    };

    // remove undefined attributes
    return Object.fromEntries(Object.entries(attrs).filter(([_, value]) => value !== undefined && value.value !== undefined ))
  }
}
