// https://registry.terraform.io/providers/drpair/drpair/0.1.0/docs/resources/regional_api
// generated from terraform resource schema

import { Construct } from 'constructs';
import * as cdktf from 'cdktf';

// Configuration

export interface RegionalApiConfig extends cdktf.TerraformMetaArguments {
  /**
  * The custom domain, the same in both regions (e.g. `api.example.com`).
  *
  * Docs at Terraform Registry: {@link https://registry.terraform.io/providers/drpair/drpair/0.1.0/docs/resources/regional_api#domain_name RegionalApi#domain_name}
  */
  readonly domainName: string;
  /**
  * 5xx answers per minute (`AWS/ApiGateway 5XXError`, sum) above which the 5xx alarm fires. Default 5, 1 to 1000000.
  *
  * Docs at Terraform Registry: {@link https://registry.terraform.io/providers/drpair/drpair/0.1.0/docs/resources/regional_api#error_5xx_threshold RegionalApi#error_5xx_threshold}
  */
  readonly error5XxThreshold?: number;
  /**
  * p99 of `AWS/ApiGateway Latency` over a minute above which the latency alarm fires. Default 1000, 1 to 29000 (the integration timeout).
  *
  * Docs at Terraform Registry: {@link https://registry.terraform.io/providers/drpair/drpair/0.1.0/docs/resources/regional_api#latency_p99_threshold_ms RegionalApi#latency_p99_threshold_ms}
  */
  readonly latencyP99ThresholdMs?: number;
  /**
  * Resource-type part of every name, `<name>-<environment>-<suffix>`. Changing it replaces the APIs.
  *
  * Docs at Terraform Registry: {@link https://registry.terraform.io/providers/drpair/drpair/0.1.0/docs/resources/regional_api#name RegionalApi#name}
  */
  readonly name: string;
  /**
  * ACM certificate for `domain_name` in the primary region. Left out, the resource requests one (DNS validation) and deletes it on destroy.
  *
  * Docs at Terraform Registry: {@link https://registry.terraform.io/providers/drpair/drpair/0.1.0/docs/resources/regional_api#primary_certificate_arn RegionalApi#primary_certificate_arn}
  */
  readonly primaryCertificateArn?: string;
  /**
  * Unqualified or qualified ARN of the function in the primary region.
  *
  * Docs at Terraform Registry: {@link https://registry.terraform.io/providers/drpair/drpair/0.1.0/docs/resources/regional_api#primary_function_arn RegionalApi#primary_function_arn}
  */
  readonly primaryFunctionArn: string;
  /**
  * ACM certificate for `domain_name` in the secondary region; as above.
  *
  * Docs at Terraform Registry: {@link https://registry.terraform.io/providers/drpair/drpair/0.1.0/docs/resources/regional_api#secondary_certificate_arn RegionalApi#secondary_certificate_arn}
  */
  readonly secondaryCertificateArn?: string;
  /**
  * ARN of the function in the secondary region.
  *
  * Docs at Terraform Registry: {@link https://registry.terraform.io/providers/drpair/drpair/0.1.0/docs/resources/regional_api#secondary_function_arn RegionalApi#secondary_function_arn}
  */
  readonly secondaryFunctionArn: string;
  /**
  * Stage name (letters, digits, underscores). Default `live`.
  *
  * Docs at Terraform Registry: {@link https://registry.terraform.io/providers/drpair/drpair/0.1.0/docs/resources/regional_api#stage_name RegionalApi#stage_name}
  */
  readonly stageName?: string;
  /**
  * Burst of requests for every method of the stage. Default 2000, 0 to 5000.
  *
  * Docs at Terraform Registry: {@link https://registry.terraform.io/providers/drpair/drpair/0.1.0/docs/resources/regional_api#throttling_burst_limit RegionalApi#throttling_burst_limit}
  */
  readonly throttlingBurstLimit?: number;
  /**
  * Steady-state requests per second for every method of the stage. Default 1000, 0 to 10000.
  *
  * Docs at Terraform Registry: {@link https://registry.terraform.io/providers/drpair/drpair/0.1.0/docs/resources/regional_api#throttling_rate_limit RegionalApi#throttling_rate_limit}
  */
  readonly throttlingRateLimit?: number;
  /**
  * timeouts block
  *
  * Docs at Terraform Registry: {@link https://registry.terraform.io/providers/drpair/drpair/0.1.0/docs/resources/regional_api#timeouts RegionalApi#timeouts}
  */
  readonly timeouts?: RegionalApiTimeouts;
}
export interface RegionalApiInventory {
}

export function regionalApiInventoryToTerraform(struct?: RegionalApiInventory): any {
  if (!cdktf.canInspect(struct) || cdktf.Tokenization.isResolvable(struct)) { return struct; }
  if (cdktf.isComplexElement(struct)) {
    throw new Error("A complex element was used as configuration, this is not supported: https://cdk.tf/complex-object-as-configuration");
  }
  return {
  }
}


export function regionalApiInventoryToHclTerraform(struct?: RegionalApiInventory): any {
  if (!cdktf.canInspect(struct) || cdktf.Tokenization.isResolvable(struct)) { return struct; }
  if (cdktf.isComplexElement(struct)) {
    throw new Error("A complex element was used as configuration, this is not supported: https://cdk.tf/complex-object-as-configuration");
  }
  const attrs = {
  };
  return attrs;
}

export class RegionalApiInventoryOutputReference extends cdktf.ComplexObject {
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

  public get internalValue(): RegionalApiInventory | undefined {
    let hasAnyValues = this.isEmptyObject;
    const internalValueResult: any = {};
    return hasAnyValues ? internalValueResult : undefined;
  }

  public set internalValue(value: RegionalApiInventory | undefined) {
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

export class RegionalApiInventoryList extends cdktf.ComplexList {

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
  public get(index: number): RegionalApiInventoryOutputReference {
    return new RegionalApiInventoryOutputReference(this.terraformResource, this.terraformAttribute, index, this.wrapsSet);
  }
}
export interface RegionalApiPrimaryCertificateValidation {
}

export function regionalApiPrimaryCertificateValidationToTerraform(struct?: RegionalApiPrimaryCertificateValidation): any {
  if (!cdktf.canInspect(struct) || cdktf.Tokenization.isResolvable(struct)) { return struct; }
  if (cdktf.isComplexElement(struct)) {
    throw new Error("A complex element was used as configuration, this is not supported: https://cdk.tf/complex-object-as-configuration");
  }
  return {
  }
}


export function regionalApiPrimaryCertificateValidationToHclTerraform(struct?: RegionalApiPrimaryCertificateValidation): any {
  if (!cdktf.canInspect(struct) || cdktf.Tokenization.isResolvable(struct)) { return struct; }
  if (cdktf.isComplexElement(struct)) {
    throw new Error("A complex element was used as configuration, this is not supported: https://cdk.tf/complex-object-as-configuration");
  }
  const attrs = {
  };
  return attrs;
}

export class RegionalApiPrimaryCertificateValidationOutputReference extends cdktf.ComplexObject {
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

  public get internalValue(): RegionalApiPrimaryCertificateValidation | undefined {
    let hasAnyValues = this.isEmptyObject;
    const internalValueResult: any = {};
    return hasAnyValues ? internalValueResult : undefined;
  }

  public set internalValue(value: RegionalApiPrimaryCertificateValidation | undefined) {
    if (value === undefined) {
      this.isEmptyObject = false;
    }
    else {
      this.isEmptyObject = Object.keys(value).length === 0;
    }
  }

  // name - computed: true, optional: false, required: false
  public get name() {
    return this.getStringAttribute('name');
  }

  // type - computed: true, optional: false, required: false
  public get type() {
    return this.getStringAttribute('type');
  }

  // value - computed: true, optional: false, required: false
  public get value() {
    return this.getStringAttribute('value');
  }
}

export class RegionalApiPrimaryCertificateValidationList extends cdktf.ComplexList {

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
  public get(index: number): RegionalApiPrimaryCertificateValidationOutputReference {
    return new RegionalApiPrimaryCertificateValidationOutputReference(this.terraformResource, this.terraformAttribute, index, this.wrapsSet);
  }
}
export interface RegionalApiPrimary {
}

export function regionalApiPrimaryToTerraform(struct?: RegionalApiPrimary): any {
  if (!cdktf.canInspect(struct) || cdktf.Tokenization.isResolvable(struct)) { return struct; }
  if (cdktf.isComplexElement(struct)) {
    throw new Error("A complex element was used as configuration, this is not supported: https://cdk.tf/complex-object-as-configuration");
  }
  return {
  }
}


export function regionalApiPrimaryToHclTerraform(struct?: RegionalApiPrimary): any {
  if (!cdktf.canInspect(struct) || cdktf.Tokenization.isResolvable(struct)) { return struct; }
  if (cdktf.isComplexElement(struct)) {
    throw new Error("A complex element was used as configuration, this is not supported: https://cdk.tf/complex-object-as-configuration");
  }
  const attrs = {
  };
  return attrs;
}

export class RegionalApiPrimaryOutputReference extends cdktf.ComplexObject {
  private isEmptyObject = false;

  /**
  * @param terraformResource The parent resource
  * @param terraformAttribute The attribute on the parent resource this class is referencing
  */
  public constructor(terraformResource: cdktf.IInterpolatingParent, terraformAttribute: string) {
    super(terraformResource, terraformAttribute, false);
  }

  public get internalValue(): RegionalApiPrimary | undefined {
    let hasAnyValues = this.isEmptyObject;
    const internalValueResult: any = {};
    return hasAnyValues ? internalValueResult : undefined;
  }

  public set internalValue(value: RegionalApiPrimary | undefined) {
    if (value === undefined) {
      this.isEmptyObject = false;
    }
    else {
      this.isEmptyObject = Object.keys(value).length === 0;
    }
  }

  // alarm_names - computed: true, optional: false, required: false
  public get alarmNames() {
    return this.getListAttribute('alarm_names');
  }

  // api_id - computed: true, optional: false, required: false
  public get apiId() {
    return this.getStringAttribute('api_id');
  }

  // certificate_arn - computed: true, optional: false, required: false
  public get certificateArn() {
    return this.getStringAttribute('certificate_arn');
  }

  // certificate_validation - computed: true, optional: false, required: false
  private _certificateValidation = new RegionalApiPrimaryCertificateValidationList(this, "certificate_validation", false);
  public get certificateValidation() {
    return this._certificateValidation;
  }

  // health_fqdn - computed: true, optional: false, required: false
  public get healthFqdn() {
    return this.getStringAttribute('health_fqdn');
  }

  // health_path - computed: true, optional: false, required: false
  public get healthPath() {
    return this.getStringAttribute('health_path');
  }

  // invoke_url - computed: true, optional: false, required: false
  public get invokeUrl() {
    return this.getStringAttribute('invoke_url');
  }

  // parts_in_place - computed: true, optional: false, required: false
  public get partsInPlace() {
    return this.getListAttribute('parts_in_place');
  }

  // region - computed: true, optional: false, required: false
  public get region() {
    return this.getStringAttribute('region');
  }

  // regional_domain_name - computed: true, optional: false, required: false
  public get regionalDomainName() {
    return this.getStringAttribute('regional_domain_name');
  }

  // regional_zone_id - computed: true, optional: false, required: false
  public get regionalZoneId() {
    return this.getStringAttribute('regional_zone_id');
  }
}
export interface RegionalApiSecondaryCertificateValidation {
}

export function regionalApiSecondaryCertificateValidationToTerraform(struct?: RegionalApiSecondaryCertificateValidation): any {
  if (!cdktf.canInspect(struct) || cdktf.Tokenization.isResolvable(struct)) { return struct; }
  if (cdktf.isComplexElement(struct)) {
    throw new Error("A complex element was used as configuration, this is not supported: https://cdk.tf/complex-object-as-configuration");
  }
  return {
  }
}


export function regionalApiSecondaryCertificateValidationToHclTerraform(struct?: RegionalApiSecondaryCertificateValidation): any {
  if (!cdktf.canInspect(struct) || cdktf.Tokenization.isResolvable(struct)) { return struct; }
  if (cdktf.isComplexElement(struct)) {
    throw new Error("A complex element was used as configuration, this is not supported: https://cdk.tf/complex-object-as-configuration");
  }
  const attrs = {
  };
  return attrs;
}

export class RegionalApiSecondaryCertificateValidationOutputReference extends cdktf.ComplexObject {
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

  public get internalValue(): RegionalApiSecondaryCertificateValidation | undefined {
    let hasAnyValues = this.isEmptyObject;
    const internalValueResult: any = {};
    return hasAnyValues ? internalValueResult : undefined;
  }

  public set internalValue(value: RegionalApiSecondaryCertificateValidation | undefined) {
    if (value === undefined) {
      this.isEmptyObject = false;
    }
    else {
      this.isEmptyObject = Object.keys(value).length === 0;
    }
  }

  // name - computed: true, optional: false, required: false
  public get name() {
    return this.getStringAttribute('name');
  }

  // type - computed: true, optional: false, required: false
  public get type() {
    return this.getStringAttribute('type');
  }

  // value - computed: true, optional: false, required: false
  public get value() {
    return this.getStringAttribute('value');
  }
}

export class RegionalApiSecondaryCertificateValidationList extends cdktf.ComplexList {

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
  public get(index: number): RegionalApiSecondaryCertificateValidationOutputReference {
    return new RegionalApiSecondaryCertificateValidationOutputReference(this.terraformResource, this.terraformAttribute, index, this.wrapsSet);
  }
}
export interface RegionalApiSecondary {
}

export function regionalApiSecondaryToTerraform(struct?: RegionalApiSecondary): any {
  if (!cdktf.canInspect(struct) || cdktf.Tokenization.isResolvable(struct)) { return struct; }
  if (cdktf.isComplexElement(struct)) {
    throw new Error("A complex element was used as configuration, this is not supported: https://cdk.tf/complex-object-as-configuration");
  }
  return {
  }
}


export function regionalApiSecondaryToHclTerraform(struct?: RegionalApiSecondary): any {
  if (!cdktf.canInspect(struct) || cdktf.Tokenization.isResolvable(struct)) { return struct; }
  if (cdktf.isComplexElement(struct)) {
    throw new Error("A complex element was used as configuration, this is not supported: https://cdk.tf/complex-object-as-configuration");
  }
  const attrs = {
  };
  return attrs;
}

export class RegionalApiSecondaryOutputReference extends cdktf.ComplexObject {
  private isEmptyObject = false;

  /**
  * @param terraformResource The parent resource
  * @param terraformAttribute The attribute on the parent resource this class is referencing
  */
  public constructor(terraformResource: cdktf.IInterpolatingParent, terraformAttribute: string) {
    super(terraformResource, terraformAttribute, false);
  }

  public get internalValue(): RegionalApiSecondary | undefined {
    let hasAnyValues = this.isEmptyObject;
    const internalValueResult: any = {};
    return hasAnyValues ? internalValueResult : undefined;
  }

  public set internalValue(value: RegionalApiSecondary | undefined) {
    if (value === undefined) {
      this.isEmptyObject = false;
    }
    else {
      this.isEmptyObject = Object.keys(value).length === 0;
    }
  }

  // alarm_names - computed: true, optional: false, required: false
  public get alarmNames() {
    return this.getListAttribute('alarm_names');
  }

  // api_id - computed: true, optional: false, required: false
  public get apiId() {
    return this.getStringAttribute('api_id');
  }

  // certificate_arn - computed: true, optional: false, required: false
  public get certificateArn() {
    return this.getStringAttribute('certificate_arn');
  }

  // certificate_validation - computed: true, optional: false, required: false
  private _certificateValidation = new RegionalApiSecondaryCertificateValidationList(this, "certificate_validation", false);
  public get certificateValidation() {
    return this._certificateValidation;
  }

  // health_fqdn - computed: true, optional: false, required: false
  public get healthFqdn() {
    return this.getStringAttribute('health_fqdn');
  }

  // health_path - computed: true, optional: false, required: false
  public get healthPath() {
    return this.getStringAttribute('health_path');
  }

  // invoke_url - computed: true, optional: false, required: false
  public get invokeUrl() {
    return this.getStringAttribute('invoke_url');
  }

  // parts_in_place - computed: true, optional: false, required: false
  public get partsInPlace() {
    return this.getListAttribute('parts_in_place');
  }

  // region - computed: true, optional: false, required: false
  public get region() {
    return this.getStringAttribute('region');
  }

  // regional_domain_name - computed: true, optional: false, required: false
  public get regionalDomainName() {
    return this.getStringAttribute('regional_domain_name');
  }

  // regional_zone_id - computed: true, optional: false, required: false
  public get regionalZoneId() {
    return this.getStringAttribute('regional_zone_id');
  }
}
export interface RegionalApiTimeouts {
  /**
  * Time limit for creating the whole pair.
  *
  * Docs at Terraform Registry: {@link https://registry.terraform.io/providers/drpair/drpair/0.1.0/docs/resources/regional_api#create RegionalApi#create}
  */
  readonly create?: string;
  /**
  * Time limit for destroying the whole pair.
  *
  * Docs at Terraform Registry: {@link https://registry.terraform.io/providers/drpair/drpair/0.1.0/docs/resources/regional_api#delete RegionalApi#delete}
  */
  readonly delete?: string;
  /**
  * Time limit for an in-place update or repair.
  *
  * Docs at Terraform Registry: {@link https://registry.terraform.io/providers/drpair/drpair/0.1.0/docs/resources/regional_api#update RegionalApi#update}
  */
  readonly update?: string;
}

export function regionalApiTimeoutsToTerraform(struct?: RegionalApiTimeouts | cdktf.IResolvable): any {
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


export function regionalApiTimeoutsToHclTerraform(struct?: RegionalApiTimeouts | cdktf.IResolvable): any {
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

export class RegionalApiTimeoutsOutputReference extends cdktf.ComplexObject {
  private isEmptyObject = false;
  private resolvableValue?: cdktf.IResolvable;

  /**
  * @param terraformResource The parent resource
  * @param terraformAttribute The attribute on the parent resource this class is referencing
  */
  public constructor(terraformResource: cdktf.IInterpolatingParent, terraformAttribute: string) {
    super(terraformResource, terraformAttribute, false);
  }

  public get internalValue(): RegionalApiTimeouts | cdktf.IResolvable | undefined {
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

  public set internalValue(value: RegionalApiTimeouts | cdktf.IResolvable | undefined) {
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
* Represents a {@link https://registry.terraform.io/providers/drpair/drpair/0.1.0/docs/resources/regional_api drpair_regional_api}
*/
export class RegionalApi extends cdktf.TerraformResource {

  // =================
  // STATIC PROPERTIES
  // =================
  public static readonly tfResourceType = "drpair_regional_api";

  // ==============
  // STATIC Methods
  // ==============
  /**
  * Generates CDKTF code for importing a RegionalApi resource upon running "cdktf plan <stack-name>"
  * @param scope The scope in which to define this construct
  * @param importToId The construct id used in the generated config for the RegionalApi to import
  * @param importFromId The id of the existing RegionalApi that should be imported. Refer to the {@link https://registry.terraform.io/providers/drpair/drpair/0.1.0/docs/resources/regional_api#import import section} in the documentation of this resource for the id to use
  * @param provider? Optional instance of the provider where the RegionalApi to import is found
  */
  public static generateConfigForImport(scope: Construct, importToId: string, importFromId: string, provider?: cdktf.TerraformProvider) {
        return new cdktf.ImportableResource(scope, importToId, { terraformResourceType: "drpair_regional_api", importId: importFromId, provider });
      }

  // ===========
  // INITIALIZER
  // ===========

  /**
  * Create a new {@link https://registry.terraform.io/providers/drpair/drpair/0.1.0/docs/resources/regional_api drpair_regional_api} Resource
  *
  * @param scope The scope in which to define this construct
  * @param id The scoped construct ID. Must be unique amongst siblings in the same scope
  * @param options RegionalApiConfig
  */
  public constructor(scope: Construct, id: string, config: RegionalApiConfig) {
    super(scope, id, {
      terraformResourceType: 'drpair_regional_api',
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
    this._domainName = config.domainName;
    this._error5XxThreshold = config.error5XxThreshold;
    this._latencyP99ThresholdMs = config.latencyP99ThresholdMs;
    this._name = config.name;
    this._primaryCertificateArn = config.primaryCertificateArn;
    this._primaryFunctionArn = config.primaryFunctionArn;
    this._secondaryCertificateArn = config.secondaryCertificateArn;
    this._secondaryFunctionArn = config.secondaryFunctionArn;
    this._stageName = config.stageName;
    this._throttlingBurstLimit = config.throttlingBurstLimit;
    this._throttlingRateLimit = config.throttlingRateLimit;
    this._timeouts.internalValue = config.timeouts;
  }

  // ==========
  // ATTRIBUTES
  // ==========

  // domain_name - computed: false, optional: false, required: true
  private _domainName?: string; 
  public get domainName() {
    return this.getStringAttribute('domain_name');
  }
  public set domainName(value: string) {
    this._domainName = value;
  }
  // Temporarily expose input value. Use with caution.
  public get domainNameInput() {
    return this._domainName;
  }

  // error_5xx_threshold - computed: true, optional: true, required: false
  private _error5XxThreshold?: number; 
  public get error5XxThreshold() {
    return this.getNumberAttribute('error_5xx_threshold');
  }
  public set error5XxThreshold(value: number) {
    this._error5XxThreshold = value;
  }
  public resetError5XxThreshold() {
    this._error5XxThreshold = undefined;
  }
  // Temporarily expose input value. Use with caution.
  public get error5XxThresholdInput() {
    return this._error5XxThreshold;
  }

  // id - computed: true, optional: false, required: false
  public get id() {
    return this.getStringAttribute('id');
  }

  // inventory - computed: true, optional: false, required: false
  private _inventory = new RegionalApiInventoryList(this, "inventory", false);
  public get inventory() {
    return this._inventory;
  }

  // latency_p99_threshold_ms - computed: true, optional: true, required: false
  private _latencyP99ThresholdMs?: number; 
  public get latencyP99ThresholdMs() {
    return this.getNumberAttribute('latency_p99_threshold_ms');
  }
  public set latencyP99ThresholdMs(value: number) {
    this._latencyP99ThresholdMs = value;
  }
  public resetLatencyP99ThresholdMs() {
    this._latencyP99ThresholdMs = undefined;
  }
  // Temporarily expose input value. Use with caution.
  public get latencyP99ThresholdMsInput() {
    return this._latencyP99ThresholdMs;
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
  private _primary = new RegionalApiPrimaryOutputReference(this, "primary");
  public get primary() {
    return this._primary;
  }

  // primary_certificate_arn - computed: false, optional: true, required: false
  private _primaryCertificateArn?: string; 
  public get primaryCertificateArn() {
    return this.getStringAttribute('primary_certificate_arn');
  }
  public set primaryCertificateArn(value: string) {
    this._primaryCertificateArn = value;
  }
  public resetPrimaryCertificateArn() {
    this._primaryCertificateArn = undefined;
  }
  // Temporarily expose input value. Use with caution.
  public get primaryCertificateArnInput() {
    return this._primaryCertificateArn;
  }

  // primary_function_arn - computed: false, optional: false, required: true
  private _primaryFunctionArn?: string; 
  public get primaryFunctionArn() {
    return this.getStringAttribute('primary_function_arn');
  }
  public set primaryFunctionArn(value: string) {
    this._primaryFunctionArn = value;
  }
  // Temporarily expose input value. Use with caution.
  public get primaryFunctionArnInput() {
    return this._primaryFunctionArn;
  }

  // primary_region - computed: true, optional: false, required: false
  public get primaryRegion() {
    return this.getStringAttribute('primary_region');
  }

  // secondary - computed: true, optional: false, required: false
  private _secondary = new RegionalApiSecondaryOutputReference(this, "secondary");
  public get secondary() {
    return this._secondary;
  }

  // secondary_certificate_arn - computed: false, optional: true, required: false
  private _secondaryCertificateArn?: string; 
  public get secondaryCertificateArn() {
    return this.getStringAttribute('secondary_certificate_arn');
  }
  public set secondaryCertificateArn(value: string) {
    this._secondaryCertificateArn = value;
  }
  public resetSecondaryCertificateArn() {
    this._secondaryCertificateArn = undefined;
  }
  // Temporarily expose input value. Use with caution.
  public get secondaryCertificateArnInput() {
    return this._secondaryCertificateArn;
  }

  // secondary_function_arn - computed: false, optional: false, required: true
  private _secondaryFunctionArn?: string; 
  public get secondaryFunctionArn() {
    return this.getStringAttribute('secondary_function_arn');
  }
  public set secondaryFunctionArn(value: string) {
    this._secondaryFunctionArn = value;
  }
  // Temporarily expose input value. Use with caution.
  public get secondaryFunctionArnInput() {
    return this._secondaryFunctionArn;
  }

  // secondary_region - computed: true, optional: false, required: false
  public get secondaryRegion() {
    return this.getStringAttribute('secondary_region');
  }

  // stage_name - computed: true, optional: true, required: false
  private _stageName?: string; 
  public get stageName() {
    return this.getStringAttribute('stage_name');
  }
  public set stageName(value: string) {
    this._stageName = value;
  }
  public resetStageName() {
    this._stageName = undefined;
  }
  // Temporarily expose input value. Use with caution.
  public get stageNameInput() {
    return this._stageName;
  }

  // throttling_burst_limit - computed: true, optional: true, required: false
  private _throttlingBurstLimit?: number; 
  public get throttlingBurstLimit() {
    return this.getNumberAttribute('throttling_burst_limit');
  }
  public set throttlingBurstLimit(value: number) {
    this._throttlingBurstLimit = value;
  }
  public resetThrottlingBurstLimit() {
    this._throttlingBurstLimit = undefined;
  }
  // Temporarily expose input value. Use with caution.
  public get throttlingBurstLimitInput() {
    return this._throttlingBurstLimit;
  }

  // throttling_rate_limit - computed: true, optional: true, required: false
  private _throttlingRateLimit?: number; 
  public get throttlingRateLimit() {
    return this.getNumberAttribute('throttling_rate_limit');
  }
  public set throttlingRateLimit(value: number) {
    this._throttlingRateLimit = value;
  }
  public resetThrottlingRateLimit() {
    this._throttlingRateLimit = undefined;
  }
  // Temporarily expose input value. Use with caution.
  public get throttlingRateLimitInput() {
    return this._throttlingRateLimit;
  }

  // timeouts - computed: false, optional: true, required: false
  private _timeouts = new RegionalApiTimeoutsOutputReference(this, "timeouts");
  public get timeouts() {
    return this._timeouts;
  }
  public putTimeouts(value: RegionalApiTimeouts) {
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
      domain_name: cdktf.stringToTerraform(this._domainName),
      error_5xx_threshold: cdktf.numberToTerraform(this._error5XxThreshold),
      latency_p99_threshold_ms: cdktf.numberToTerraform(this._latencyP99ThresholdMs),
      name: cdktf.stringToTerraform(this._name),
      primary_certificate_arn: cdktf.stringToTerraform(this._primaryCertificateArn),
      primary_function_arn: cdktf.stringToTerraform(this._primaryFunctionArn),
      secondary_certificate_arn: cdktf.stringToTerraform(this._secondaryCertificateArn),
      secondary_function_arn: cdktf.stringToTerraform(this._secondaryFunctionArn),
      stage_name: cdktf.stringToTerraform(this._stageName),
      throttling_burst_limit: cdktf.numberToTerraform(this._throttlingBurstLimit),
      throttling_rate_limit: cdktf.numberToTerraform(this._throttlingRateLimit),
      timeouts: regionalApiTimeoutsToTerraform(this._timeouts.internalValue),
    };
  }

  protected synthesizeHclAttributes(): { [name: string]: any } {
    const attrs = {
      domain_name: {
        value: cdktf.stringToHclTerraform(this._domainName),
        isBlock: false,
        type: "simple",
        storageClassType: "string",
      },
      error_5xx_threshold: {
        value: cdktf.numberToHclTerraform(this._error5XxThreshold),
        isBlock: false,
        type: "simple",
        storageClassType: "number",
      },
      latency_p99_threshold_ms: {
        value: cdktf.numberToHclTerraform(this._latencyP99ThresholdMs),
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
      primary_certificate_arn: {
        value: cdktf.stringToHclTerraform(this._primaryCertificateArn),
        isBlock: false,
        type: "simple",
        storageClassType: "string",
      },
      primary_function_arn: {
        value: cdktf.stringToHclTerraform(this._primaryFunctionArn),
        isBlock: false,
        type: "simple",
        storageClassType: "string",
      },
      secondary_certificate_arn: {
        value: cdktf.stringToHclTerraform(this._secondaryCertificateArn),
        isBlock: false,
        type: "simple",
        storageClassType: "string",
      },
      secondary_function_arn: {
        value: cdktf.stringToHclTerraform(this._secondaryFunctionArn),
        isBlock: false,
        type: "simple",
        storageClassType: "string",
      },
      stage_name: {
        value: cdktf.stringToHclTerraform(this._stageName),
        isBlock: false,
        type: "simple",
        storageClassType: "string",
      },
      throttling_burst_limit: {
        value: cdktf.numberToHclTerraform(this._throttlingBurstLimit),
        isBlock: false,
        type: "simple",
        storageClassType: "number",
      },
      throttling_rate_limit: {
        value: cdktf.numberToHclTerraform(this._throttlingRateLimit),
        isBlock: false,
        type: "simple",
        storageClassType: "number",
      },
      timeouts: {
        value: regionalApiTimeoutsToHclTerraform(this._timeouts.internalValue),
        isBlock: true,
        type: "struct",
        storageClassType: "RegionalApiTimeouts",
      },
    };

    // remove undefined attributes
    return Object.fromEntries(Object.entries(attrs).filter(([_, value]) => value !== undefined && value.value !== undefined ))
  }
}
