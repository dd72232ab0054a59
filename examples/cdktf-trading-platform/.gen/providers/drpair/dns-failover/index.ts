// https://registry.terraform.io/providers/drpair/drpair/0.1.0/docs/resources/dns_failover
// generated from terraform resource schema

import { Construct } from 'constructs';
import * as cdktf from 'cdktf';

// Configuration

export interface DnsFailoverConfig extends cdktf.TerraformMetaArguments {
  /**
  * Consecutive failures before an endpoint counts as unhealthy: 1 to 10, default 3.
  *
  * Docs at Terraform Registry: {@link https://registry.terraform.io/providers/drpair/drpair/0.1.0/docs/resources/dns_failover#failure_threshold DnsFailover#failure_threshold}
  */
  readonly failureThreshold?: number;
  /**
  * The primary region's API.
  *
  * Docs at Terraform Registry: {@link https://registry.terraform.io/providers/drpair/drpair/0.1.0/docs/resources/dns_failover#primary DnsFailover#primary}
  */
  readonly primary: DnsFailoverPrimary;
  /**
  * SetIdentifier of the PRIMARY record. Default `primary`. Changing it swaps the record in one change batch.
  *
  * Docs at Terraform Registry: {@link https://registry.terraform.io/providers/drpair/drpair/0.1.0/docs/resources/dns_failover#primary_set_identifier DnsFailover#primary_set_identifier}
  */
  readonly primarySetIdentifier?: string;
  /**
  * Record name in the zone, e.g. `api.example.com` (lowercase). Also the id and the import id. Changing it replaces the resource.
  *
  * Docs at Terraform Registry: {@link https://registry.terraform.io/providers/drpair/drpair/0.1.0/docs/resources/dns_failover#record_name DnsFailover#record_name}
  */
  readonly recordName: string;
  /**
  * The TTL resolvers are assumed to cache an answer for, used in `detection_seconds`. Alias records carry no TTL of their own (Route 53 answers with the target's, 60 s for API Gateway), so set this to what clients really see. Default 60, 0 to 172800.
  *
  * Docs at Terraform Registry: {@link https://registry.terraform.io/providers/drpair/drpair/0.1.0/docs/resources/dns_failover#record_ttl_seconds DnsFailover#record_ttl_seconds}
  */
  readonly recordTtlSeconds?: number;
  /**
  * Seconds between health-check requests from each checker: 10 (fast, default) or 30. Route 53 cannot change it on a check, so a change makes new checks.
  *
  * Docs at Terraform Registry: {@link https://registry.terraform.io/providers/drpair/drpair/0.1.0/docs/resources/dns_failover#request_interval DnsFailover#request_interval}
  */
  readonly requestInterval?: number;
  /**
  * The secondary region's API.
  *
  * Docs at Terraform Registry: {@link https://registry.terraform.io/providers/drpair/drpair/0.1.0/docs/resources/dns_failover#secondary DnsFailover#secondary}
  */
  readonly secondary: DnsFailoverSecondary;
  /**
  * SetIdentifier of the SECONDARY record. Default `secondary`.
  *
  * Docs at Terraform Registry: {@link https://registry.terraform.io/providers/drpair/drpair/0.1.0/docs/resources/dns_failover#secondary_set_identifier DnsFailover#secondary_set_identifier}
  */
  readonly secondarySetIdentifier?: string;
  /**
  * Use this existing hosted zone (never deleted). Exactly one of `zone_name` and `zone_id`; with `zone_name` it reports the created zone's id.
  *
  * Docs at Terraform Registry: {@link https://registry.terraform.io/providers/drpair/drpair/0.1.0/docs/resources/dns_failover#zone_id DnsFailover#zone_id}
  */
  readonly zoneId?: string;
  /**
  * Create a public hosted zone with this name (deleted on destroy). Exactly one of `zone_name` and `zone_id`. Changing it replaces the resource.
  *
  * Docs at Terraform Registry: {@link https://registry.terraform.io/providers/drpair/drpair/0.1.0/docs/resources/dns_failover#zone_name DnsFailover#zone_name}
  */
  readonly zoneName?: string;
  /**
  * timeouts block
  *
  * Docs at Terraform Registry: {@link https://registry.terraform.io/providers/drpair/drpair/0.1.0/docs/resources/dns_failover#timeouts DnsFailover#timeouts}
  */
  readonly timeouts?: DnsFailoverTimeouts;
}
export interface DnsFailoverControlAlarm {
}

export function dnsFailoverControlAlarmToTerraform(struct?: DnsFailoverControlAlarm): any {
  if (!cdktf.canInspect(struct) || cdktf.Tokenization.isResolvable(struct)) { return struct; }
  if (cdktf.isComplexElement(struct)) {
    throw new Error("A complex element was used as configuration, this is not supported: https://cdk.tf/complex-object-as-configuration");
  }
  return {
  }
}


export function dnsFailoverControlAlarmToHclTerraform(struct?: DnsFailoverControlAlarm): any {
  if (!cdktf.canInspect(struct) || cdktf.Tokenization.isResolvable(struct)) { return struct; }
  if (cdktf.isComplexElement(struct)) {
    throw new Error("A complex element was used as configuration, this is not supported: https://cdk.tf/complex-object-as-configuration");
  }
  const attrs = {
  };
  return attrs;
}

export class DnsFailoverControlAlarmOutputReference extends cdktf.ComplexObject {
  private isEmptyObject = false;

  /**
  * @param terraformResource The parent resource
  * @param terraformAttribute The attribute on the parent resource this class is referencing
  */
  public constructor(terraformResource: cdktf.IInterpolatingParent, terraformAttribute: string) {
    super(terraformResource, terraformAttribute, false);
  }

  public get internalValue(): DnsFailoverControlAlarm | undefined {
    let hasAnyValues = this.isEmptyObject;
    const internalValueResult: any = {};
    return hasAnyValues ? internalValueResult : undefined;
  }

  public set internalValue(value: DnsFailoverControlAlarm | undefined) {
    if (value === undefined) {
      this.isEmptyObject = false;
    }
    else {
      this.isEmptyObject = Object.keys(value).length === 0;
    }
  }

  // dimensions - computed: true, optional: false, required: false
  private _dimensions = new cdktf.StringMap(this, "dimensions");
  public get dimensions() {
    return this._dimensions;
  }

  // metric_name - computed: true, optional: false, required: false
  public get metricName() {
    return this.getStringAttribute('metric_name');
  }

  // name - computed: true, optional: false, required: false
  public get name() {
    return this.getStringAttribute('name');
  }

  // namespace - computed: true, optional: false, required: false
  public get namespace() {
    return this.getStringAttribute('namespace');
  }

  // region - computed: true, optional: false, required: false
  public get region() {
    return this.getStringAttribute('region');
  }

  // threshold - computed: true, optional: false, required: false
  public get threshold() {
    return this.getNumberAttribute('threshold');
  }
}
export interface DnsFailoverHealthCheckIds {
}

export function dnsFailoverHealthCheckIdsToTerraform(struct?: DnsFailoverHealthCheckIds): any {
  if (!cdktf.canInspect(struct) || cdktf.Tokenization.isResolvable(struct)) { return struct; }
  if (cdktf.isComplexElement(struct)) {
    throw new Error("A complex element was used as configuration, this is not supported: https://cdk.tf/complex-object-as-configuration");
  }
  return {
  }
}


export function dnsFailoverHealthCheckIdsToHclTerraform(struct?: DnsFailoverHealthCheckIds): any {
  if (!cdktf.canInspect(struct) || cdktf.Tokenization.isResolvable(struct)) { return struct; }
  if (cdktf.isComplexElement(struct)) {
    throw new Error("A complex element was used as configuration, this is not supported: https://cdk.tf/complex-object-as-configuration");
  }
  const attrs = {
  };
  return attrs;
}

export class DnsFailoverHealthCheckIdsOutputReference extends cdktf.ComplexObject {
  private isEmptyObject = false;

  /**
  * @param terraformResource The parent resource
  * @param terraformAttribute The attribute on the parent resource this class is referencing
  */
  public constructor(terraformResource: cdktf.IInterpolatingParent, terraformAttribute: string) {
    super(terraformResource, terraformAttribute, false);
  }

  public get internalValue(): DnsFailoverHealthCheckIds | undefined {
    let hasAnyValues = this.isEmptyObject;
    const internalValueResult: any = {};
    return hasAnyValues ? internalValueResult : undefined;
  }

  public set internalValue(value: DnsFailoverHealthCheckIds | undefined) {
    if (value === undefined) {
      this.isEmptyObject = false;
    }
    else {
      this.isEmptyObject = Object.keys(value).length === 0;
    }
  }

  // control - computed: true, optional: false, required: false
  public get control() {
    return this.getStringAttribute('control');
  }

  // primary - computed: true, optional: false, required: false
  public get primary() {
    return this.getStringAttribute('primary');
  }

  // primary_combined - computed: true, optional: false, required: false
  public get primaryCombined() {
    return this.getStringAttribute('primary_combined');
  }

  // secondary - computed: true, optional: false, required: false
  public get secondary() {
    return this.getStringAttribute('secondary');
  }
}
export interface DnsFailoverInventory {
}

export function dnsFailoverInventoryToTerraform(struct?: DnsFailoverInventory): any {
  if (!cdktf.canInspect(struct) || cdktf.Tokenization.isResolvable(struct)) { return struct; }
  if (cdktf.isComplexElement(struct)) {
    throw new Error("A complex element was used as configuration, this is not supported: https://cdk.tf/complex-object-as-configuration");
  }
  return {
  }
}


export function dnsFailoverInventoryToHclTerraform(struct?: DnsFailoverInventory): any {
  if (!cdktf.canInspect(struct) || cdktf.Tokenization.isResolvable(struct)) { return struct; }
  if (cdktf.isComplexElement(struct)) {
    throw new Error("A complex element was used as configuration, this is not supported: https://cdk.tf/complex-object-as-configuration");
  }
  const attrs = {
  };
  return attrs;
}

export class DnsFailoverInventoryOutputReference extends cdktf.ComplexObject {
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

  public get internalValue(): DnsFailoverInventory | undefined {
    let hasAnyValues = this.isEmptyObject;
    const internalValueResult: any = {};
    return hasAnyValues ? internalValueResult : undefined;
  }

  public set internalValue(value: DnsFailoverInventory | undefined) {
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

export class DnsFailoverInventoryList extends cdktf.ComplexList {

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
  public get(index: number): DnsFailoverInventoryOutputReference {
    return new DnsFailoverInventoryOutputReference(this.terraformResource, this.terraformAttribute, index, this.wrapsSet);
  }
}
export interface DnsFailoverPrimary {
  /**
  * The region's API domain to alias to: the regional API Gateway domain name (`d-xxxx.execute-api.<region>.amazonaws.com`).
  *
  * Docs at Terraform Registry: {@link https://registry.terraform.io/providers/drpair/drpair/0.1.0/docs/resources/dns_failover#domain_name DnsFailover#domain_name}
  */
  readonly domainName: string;
  /**
  * Host name the HTTPS health check calls (and sends as SNI): the region's own API name.
  *
  * Docs at Terraform Registry: {@link https://registry.terraform.io/providers/drpair/drpair/0.1.0/docs/resources/dns_failover#health_fqdn DnsFailover#health_fqdn}
  */
  readonly healthFqdn: string;
  /**
  * Path the health check requests. Default `/health`.
  *
  * Docs at Terraform Registry: {@link https://registry.terraform.io/providers/drpair/drpair/0.1.0/docs/resources/dns_failover#health_path DnsFailover#health_path}
  */
  readonly healthPath?: string;
  /**
  * HTTPS port. Default 443.
  *
  * Docs at Terraform Registry: {@link https://registry.terraform.io/providers/drpair/drpair/0.1.0/docs/resources/dns_failover#health_port DnsFailover#health_port}
  */
  readonly healthPort?: number;
  /**
  * Hosted zone id of `domain_name`, the alias target's zone (API Gateway's regional zone).
  *
  * Docs at Terraform Registry: {@link https://registry.terraform.io/providers/drpair/drpair/0.1.0/docs/resources/dns_failover#zone_id DnsFailover#zone_id}
  */
  readonly zoneId: string;
}

export function dnsFailoverPrimaryToTerraform(struct?: DnsFailoverPrimary | cdktf.IResolvable): any {
  if (!cdktf.canInspect(struct) || cdktf.Tokenization.isResolvable(struct)) { return struct; }
  if (cdktf.isComplexElement(struct)) {
    throw new Error("A complex element was used as configuration, this is not supported: https://cdk.tf/complex-object-as-configuration");
  }
  return {
    domain_name: cdktf.stringToTerraform(struct!.domainName),
    health_fqdn: cdktf.stringToTerraform(struct!.healthFqdn),
    health_path: cdktf.stringToTerraform(struct!.healthPath),
    health_port: cdktf.numberToTerraform(struct!.healthPort),
    zone_id: cdktf.stringToTerraform(struct!.zoneId),
  }
}


export function dnsFailoverPrimaryToHclTerraform(struct?: DnsFailoverPrimary | cdktf.IResolvable): any {
  if (!cdktf.canInspect(struct) || cdktf.Tokenization.isResolvable(struct)) { return struct; }
  if (cdktf.isComplexElement(struct)) {
    throw new Error("A complex element was used as configuration, this is not supported: https://cdk.tf/complex-object-as-configuration");
  }
  const attrs = {
    domain_name: {
      value: cdktf.stringToHclTerraform(struct!.domainName),
      isBlock: false,
      type: "simple",
      storageClassType: "string",
    },
    health_fqdn: {
      value: cdktf.stringToHclTerraform(struct!.healthFqdn),
      isBlock: false,
      type: "simple",
      storageClassType: "string",
    },
    health_path: {
      value: cdktf.stringToHclTerraform(struct!.healthPath),
      isBlock: false,
      type: "simple",
      storageClassType: "string",
    },
    health_port: {
      value: cdktf.numberToHclTerraform(struct!.healthPort),
      isBlock: false,
      type: "simple",
      storageClassType: "number",
    },
    zone_id: {
      value: cdktf.stringToHclTerraform(struct!.zoneId),
      isBlock: false,
      type: "simple",
      storageClassType: "string",
    },
  };

  // remove undefined attributes
  return Object.fromEntries(Object.entries(attrs).filter(([_, value]) => value !== undefined && value.value !== undefined));
}

export class DnsFailoverPrimaryOutputReference extends cdktf.ComplexObject {
  private isEmptyObject = false;
  private resolvableValue?: cdktf.IResolvable;

  /**
  * @param terraformResource The parent resource
  * @param terraformAttribute The attribute on the parent resource this class is referencing
  */
  public constructor(terraformResource: cdktf.IInterpolatingParent, terraformAttribute: string) {
    super(terraformResource, terraformAttribute, false);
  }

  public get internalValue(): DnsFailoverPrimary | cdktf.IResolvable | undefined {
    if (this.resolvableValue) {
      return this.resolvableValue;
    }
    let hasAnyValues = this.isEmptyObject;
    const internalValueResult: any = {};
    if (this._domainName !== undefined) {
      hasAnyValues = true;
      internalValueResult.domainName = this._domainName;
    }
    if (this._healthFqdn !== undefined) {
      hasAnyValues = true;
      internalValueResult.healthFqdn = this._healthFqdn;
    }
    if (this._healthPath !== undefined) {
      hasAnyValues = true;
      internalValueResult.healthPath = this._healthPath;
    }
    if (this._healthPort !== undefined) {
      hasAnyValues = true;
      internalValueResult.healthPort = this._healthPort;
    }
    if (this._zoneId !== undefined) {
      hasAnyValues = true;
      internalValueResult.zoneId = this._zoneId;
    }
    return hasAnyValues ? internalValueResult : undefined;
  }

  public set internalValue(value: DnsFailoverPrimary | cdktf.IResolvable | undefined) {
    if (value === undefined) {
      this.isEmptyObject = false;
      this.resolvableValue = undefined;
      this._domainName = undefined;
      this._healthFqdn = undefined;
      this._healthPath = undefined;
      this._healthPort = undefined;
      this._zoneId = undefined;
    }
    else if (cdktf.Tokenization.isResolvable(value)) {
      this.isEmptyObject = false;
      this.resolvableValue = value;
    }
    else {
      this.isEmptyObject = Object.keys(value).length === 0;
      this.resolvableValue = undefined;
      this._domainName = value.domainName;
      this._healthFqdn = value.healthFqdn;
      this._healthPath = value.healthPath;
      this._healthPort = value.healthPort;
      this._zoneId = value.zoneId;
    }
  }

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

  // health_fqdn - computed: false, optional: false, required: true
  private _healthFqdn?: string; 
  public get healthFqdn() {
    return this.getStringAttribute('health_fqdn');
  }
  public set healthFqdn(value: string) {
    this._healthFqdn = value;
  }
  // Temporarily expose input value. Use with caution.
  public get healthFqdnInput() {
    return this._healthFqdn;
  }

  // health_path - computed: true, optional: true, required: false
  private _healthPath?: string; 
  public get healthPath() {
    return this.getStringAttribute('health_path');
  }
  public set healthPath(value: string) {
    this._healthPath = value;
  }
  public resetHealthPath() {
    this._healthPath = undefined;
  }
  // Temporarily expose input value. Use with caution.
  public get healthPathInput() {
    return this._healthPath;
  }

  // health_port - computed: true, optional: true, required: false
  private _healthPort?: number; 
  public get healthPort() {
    return this.getNumberAttribute('health_port');
  }
  public set healthPort(value: number) {
    this._healthPort = value;
  }
  public resetHealthPort() {
    this._healthPort = undefined;
  }
  // Temporarily expose input value. Use with caution.
  public get healthPortInput() {
    return this._healthPort;
  }

  // zone_id - computed: false, optional: false, required: true
  private _zoneId?: string; 
  public get zoneId() {
    return this.getStringAttribute('zone_id');
  }
  public set zoneId(value: string) {
    this._zoneId = value;
  }
  // Temporarily expose input value. Use with caution.
  public get zoneIdInput() {
    return this._zoneId;
  }
}
export interface DnsFailoverSecondary {
  /**
  * The region's API domain to alias to: the regional API Gateway domain name (`d-xxxx.execute-api.<region>.amazonaws.com`).
  *
  * Docs at Terraform Registry: {@link https://registry.terraform.io/providers/drpair/drpair/0.1.0/docs/resources/dns_failover#domain_name DnsFailover#domain_name}
  */
  readonly domainName: string;
  /**
  * Host name the HTTPS health check calls (and sends as SNI): the region's own API name.
  *
  * Docs at Terraform Registry: {@link https://registry.terraform.io/providers/drpair/drpair/0.1.0/docs/resources/dns_failover#health_fqdn DnsFailover#health_fqdn}
  */
  readonly healthFqdn: string;
  /**
  * Path the health check requests. Default `/health`.
  *
  * Docs at Terraform Registry: {@link https://registry.terraform.io/providers/drpair/drpair/0.1.0/docs/resources/dns_failover#health_path DnsFailover#health_path}
  */
  readonly healthPath?: string;
  /**
  * HTTPS port. Default 443.
  *
  * Docs at Terraform Registry: {@link https://registry.terraform.io/providers/drpair/drpair/0.1.0/docs/resources/dns_failover#health_port DnsFailover#health_port}
  */
  readonly healthPort?: number;
  /**
  * Hosted zone id of `domain_name`, the alias target's zone (API Gateway's regional zone).
  *
  * Docs at Terraform Registry: {@link https://registry.terraform.io/providers/drpair/drpair/0.1.0/docs/resources/dns_failover#zone_id DnsFailover#zone_id}
  */
  readonly zoneId: string;
}

export function dnsFailoverSecondaryToTerraform(struct?: DnsFailoverSecondary | cdktf.IResolvable): any {
  if (!cdktf.canInspect(struct) || cdktf.Tokenization.isResolvable(struct)) { return struct; }
  if (cdktf.isComplexElement(struct)) {
    throw new Error("A complex element was used as configuration, this is not supported: https://cdk.tf/complex-object-as-configuration");
  }
  return {
    domain_name: cdktf.stringToTerraform(struct!.domainName),
    health_fqdn: cdktf.stringToTerraform(struct!.healthFqdn),
    health_path: cdktf.stringToTerraform(struct!.healthPath),
    health_port: cdktf.numberToTerraform(struct!.healthPort),
    zone_id: cdktf.stringToTerraform(struct!.zoneId),
  }
}


export function dnsFailoverSecondaryToHclTerraform(struct?: DnsFailoverSecondary | cdktf.IResolvable): any {
  if (!cdktf.canInspect(struct) || cdktf.Tokenization.isResolvable(struct)) { return struct; }
  if (cdktf.isComplexElement(struct)) {
    throw new Error("A complex element was used as configuration, this is not supported: https://cdk.tf/complex-object-as-configuration");
  }
  const attrs = {
    domain_name: {
      value: cdktf.stringToHclTerraform(struct!.domainName),
      isBlock: false,
      type: "simple",
      storageClassType: "string",
    },
    health_fqdn: {
      value: cdktf.stringToHclTerraform(struct!.healthFqdn),
      isBlock: false,
      type: "simple",
      storageClassType: "string",
    },
    health_path: {
      value: cdktf.stringToHclTerraform(struct!.healthPath),
      isBlock: false,
      type: "simple",
      storageClassType: "string",
    },
    health_port: {
      value: cdktf.numberToHclTerraform(struct!.healthPort),
      isBlock: false,
      type: "simple",
      storageClassType: "number",
    },
    zone_id: {
      value: cdktf.stringToHclTerraform(struct!.zoneId),
      isBlock: false,
      type: "simple",
      storageClassType: "string",
    },
  };

  // remove undefined attributes
  return Object.fromEntries(Object.entries(attrs).filter(([_, value]) => value !== undefined && value.value !== undefined));
}

export class DnsFailoverSecondaryOutputReference extends cdktf.ComplexObject {
  private isEmptyObject = false;
  private resolvableValue?: cdktf.IResolvable;

  /**
  * @param terraformResource The parent resource
  * @param terraformAttribute The attribute on the parent resource this class is referencing
  */
  public constructor(terraformResource: cdktf.IInterpolatingParent, terraformAttribute: string) {
    super(terraformResource, terraformAttribute, false);
  }

  public get internalValue(): DnsFailoverSecondary | cdktf.IResolvable | undefined {
    if (this.resolvableValue) {
      return this.resolvableValue;
    }
    let hasAnyValues = this.isEmptyObject;
    const internalValueResult: any = {};
    if (this._domainName !== undefined) {
      hasAnyValues = true;
      internalValueResult.domainName = this._domainName;
    }
    if (this._healthFqdn !== undefined) {
      hasAnyValues = true;
      internalValueResult.healthFqdn = this._healthFqdn;
    }
    if (this._healthPath !== undefined) {
      hasAnyValues = true;
      internalValueResult.healthPath = this._healthPath;
    }
    if (this._healthPort !== undefined) {
      hasAnyValues = true;
      internalValueResult.healthPort = this._healthPort;
    }
    if (this._zoneId !== undefined) {
      hasAnyValues = true;
      internalValueResult.zoneId = this._zoneId;
    }
    return hasAnyValues ? internalValueResult : undefined;
  }

  public set internalValue(value: DnsFailoverSecondary | cdktf.IResolvable | undefined) {
    if (value === undefined) {
      this.isEmptyObject = false;
      this.resolvableValue = undefined;
      this._domainName = undefined;
      this._healthFqdn = undefined;
      this._healthPath = undefined;
      this._healthPort = undefined;
      this._zoneId = undefined;
    }
    else if (cdktf.Tokenization.isResolvable(value)) {
      this.isEmptyObject = false;
      this.resolvableValue = value;
    }
    else {
      this.isEmptyObject = Object.keys(value).length === 0;
      this.resolvableValue = undefined;
      this._domainName = value.domainName;
      this._healthFqdn = value.healthFqdn;
      this._healthPath = value.healthPath;
      this._healthPort = value.healthPort;
      this._zoneId = value.zoneId;
    }
  }

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

  // health_fqdn - computed: false, optional: false, required: true
  private _healthFqdn?: string; 
  public get healthFqdn() {
    return this.getStringAttribute('health_fqdn');
  }
  public set healthFqdn(value: string) {
    this._healthFqdn = value;
  }
  // Temporarily expose input value. Use with caution.
  public get healthFqdnInput() {
    return this._healthFqdn;
  }

  // health_path - computed: true, optional: true, required: false
  private _healthPath?: string; 
  public get healthPath() {
    return this.getStringAttribute('health_path');
  }
  public set healthPath(value: string) {
    this._healthPath = value;
  }
  public resetHealthPath() {
    this._healthPath = undefined;
  }
  // Temporarily expose input value. Use with caution.
  public get healthPathInput() {
    return this._healthPath;
  }

  // health_port - computed: true, optional: true, required: false
  private _healthPort?: number; 
  public get healthPort() {
    return this.getNumberAttribute('health_port');
  }
  public set healthPort(value: number) {
    this._healthPort = value;
  }
  public resetHealthPort() {
    this._healthPort = undefined;
  }
  // Temporarily expose input value. Use with caution.
  public get healthPortInput() {
    return this._healthPort;
  }

  // zone_id - computed: false, optional: false, required: true
  private _zoneId?: string; 
  public get zoneId() {
    return this.getStringAttribute('zone_id');
  }
  public set zoneId(value: string) {
    this._zoneId = value;
  }
  // Temporarily expose input value. Use with caution.
  public get zoneIdInput() {
    return this._zoneId;
  }
}
export interface DnsFailoverTimeouts {
  /**
  * Time limit for creating the whole pair.
  *
  * Docs at Terraform Registry: {@link https://registry.terraform.io/providers/drpair/drpair/0.1.0/docs/resources/dns_failover#create DnsFailover#create}
  */
  readonly create?: string;
  /**
  * Time limit for destroying the whole pair.
  *
  * Docs at Terraform Registry: {@link https://registry.terraform.io/providers/drpair/drpair/0.1.0/docs/resources/dns_failover#delete DnsFailover#delete}
  */
  readonly delete?: string;
  /**
  * Time limit for an in-place update or repair.
  *
  * Docs at Terraform Registry: {@link https://registry.terraform.io/providers/drpair/drpair/0.1.0/docs/resources/dns_failover#update DnsFailover#update}
  */
  readonly update?: string;
}

export function dnsFailoverTimeoutsToTerraform(struct?: DnsFailoverTimeouts | cdktf.IResolvable): any {
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


export function dnsFailoverTimeoutsToHclTerraform(struct?: DnsFailoverTimeouts | cdktf.IResolvable): any {
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

export class DnsFailoverTimeoutsOutputReference extends cdktf.ComplexObject {
  private isEmptyObject = false;
  private resolvableValue?: cdktf.IResolvable;

  /**
  * @param terraformResource The parent resource
  * @param terraformAttribute The attribute on the parent resource this class is referencing
  */
  public constructor(terraformResource: cdktf.IInterpolatingParent, terraformAttribute: string) {
    super(terraformResource, terraformAttribute, false);
  }

  public get internalValue(): DnsFailoverTimeouts | cdktf.IResolvable | undefined {
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

  public set internalValue(value: DnsFailoverTimeouts | cdktf.IResolvable | undefined) {
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
* Represents a {@link https://registry.terraform.io/providers/drpair/drpair/0.1.0/docs/resources/dns_failover drpair_dns_failover}
*/
export class DnsFailover extends cdktf.TerraformResource {

  // =================
  // STATIC PROPERTIES
  // =================
  public static readonly tfResourceType = "drpair_dns_failover";

  // ==============
  // STATIC Methods
  // ==============
  /**
  * Generates CDKTF code for importing a DnsFailover resource upon running "cdktf plan <stack-name>"
  * @param scope The scope in which to define this construct
  * @param importToId The construct id used in the generated config for the DnsFailover to import
  * @param importFromId The id of the existing DnsFailover that should be imported. Refer to the {@link https://registry.terraform.io/providers/drpair/drpair/0.1.0/docs/resources/dns_failover#import import section} in the documentation of this resource for the id to use
  * @param provider? Optional instance of the provider where the DnsFailover to import is found
  */
  public static generateConfigForImport(scope: Construct, importToId: string, importFromId: string, provider?: cdktf.TerraformProvider) {
        return new cdktf.ImportableResource(scope, importToId, { terraformResourceType: "drpair_dns_failover", importId: importFromId, provider });
      }

  // ===========
  // INITIALIZER
  // ===========

  /**
  * Create a new {@link https://registry.terraform.io/providers/drpair/drpair/0.1.0/docs/resources/dns_failover drpair_dns_failover} Resource
  *
  * @param scope The scope in which to define this construct
  * @param id The scoped construct ID. Must be unique amongst siblings in the same scope
  * @param options DnsFailoverConfig
  */
  public constructor(scope: Construct, id: string, config: DnsFailoverConfig) {
    super(scope, id, {
      terraformResourceType: 'drpair_dns_failover',
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
    this._failureThreshold = config.failureThreshold;
    this._primary.internalValue = config.primary;
    this._primarySetIdentifier = config.primarySetIdentifier;
    this._recordName = config.recordName;
    this._recordTtlSeconds = config.recordTtlSeconds;
    this._requestInterval = config.requestInterval;
    this._secondary.internalValue = config.secondary;
    this._secondarySetIdentifier = config.secondarySetIdentifier;
    this._zoneId = config.zoneId;
    this._zoneName = config.zoneName;
    this._timeouts.internalValue = config.timeouts;
  }

  // ==========
  // ATTRIBUTES
  // ==========

  // control_alarm - computed: true, optional: false, required: false
  private _controlAlarm = new DnsFailoverControlAlarmOutputReference(this, "control_alarm");
  public get controlAlarm() {
    return this._controlAlarm;
  }

  // detection_seconds - computed: true, optional: false, required: false
  public get detectionSeconds() {
    return this.getNumberAttribute('detection_seconds');
  }

  // failure_threshold - computed: true, optional: true, required: false
  private _failureThreshold?: number; 
  public get failureThreshold() {
    return this.getNumberAttribute('failure_threshold');
  }
  public set failureThreshold(value: number) {
    this._failureThreshold = value;
  }
  public resetFailureThreshold() {
    this._failureThreshold = undefined;
  }
  // Temporarily expose input value. Use with caution.
  public get failureThresholdInput() {
    return this._failureThreshold;
  }

  // health_check_ids - computed: true, optional: false, required: false
  private _healthCheckIds = new DnsFailoverHealthCheckIdsOutputReference(this, "health_check_ids");
  public get healthCheckIds() {
    return this._healthCheckIds;
  }

  // id - computed: true, optional: false, required: false
  public get id() {
    return this.getStringAttribute('id');
  }

  // inventory - computed: true, optional: false, required: false
  private _inventory = new DnsFailoverInventoryList(this, "inventory", false);
  public get inventory() {
    return this._inventory;
  }

  // name_servers - computed: true, optional: false, required: false
  public get nameServers() {
    return this.getListAttribute('name_servers');
  }

  // primary - computed: false, optional: false, required: true
  private _primary = new DnsFailoverPrimaryOutputReference(this, "primary");
  public get primary() {
    return this._primary;
  }
  public putPrimary(value: DnsFailoverPrimary) {
    this._primary.internalValue = value;
  }
  // Temporarily expose input value. Use with caution.
  public get primaryInput() {
    return this._primary.internalValue;
  }

  // primary_set_identifier - computed: true, optional: true, required: false
  private _primarySetIdentifier?: string; 
  public get primarySetIdentifier() {
    return this.getStringAttribute('primary_set_identifier');
  }
  public set primarySetIdentifier(value: string) {
    this._primarySetIdentifier = value;
  }
  public resetPrimarySetIdentifier() {
    this._primarySetIdentifier = undefined;
  }
  // Temporarily expose input value. Use with caution.
  public get primarySetIdentifierInput() {
    return this._primarySetIdentifier;
  }

  // record_name - computed: false, optional: false, required: true
  private _recordName?: string; 
  public get recordName() {
    return this.getStringAttribute('record_name');
  }
  public set recordName(value: string) {
    this._recordName = value;
  }
  // Temporarily expose input value. Use with caution.
  public get recordNameInput() {
    return this._recordName;
  }

  // record_ttl_seconds - computed: true, optional: true, required: false
  private _recordTtlSeconds?: number; 
  public get recordTtlSeconds() {
    return this.getNumberAttribute('record_ttl_seconds');
  }
  public set recordTtlSeconds(value: number) {
    this._recordTtlSeconds = value;
  }
  public resetRecordTtlSeconds() {
    this._recordTtlSeconds = undefined;
  }
  // Temporarily expose input value. Use with caution.
  public get recordTtlSecondsInput() {
    return this._recordTtlSeconds;
  }

  // request_interval - computed: true, optional: true, required: false
  private _requestInterval?: number; 
  public get requestInterval() {
    return this.getNumberAttribute('request_interval');
  }
  public set requestInterval(value: number) {
    this._requestInterval = value;
  }
  public resetRequestInterval() {
    this._requestInterval = undefined;
  }
  // Temporarily expose input value. Use with caution.
  public get requestIntervalInput() {
    return this._requestInterval;
  }

  // secondary - computed: false, optional: false, required: true
  private _secondary = new DnsFailoverSecondaryOutputReference(this, "secondary");
  public get secondary() {
    return this._secondary;
  }
  public putSecondary(value: DnsFailoverSecondary) {
    this._secondary.internalValue = value;
  }
  // Temporarily expose input value. Use with caution.
  public get secondaryInput() {
    return this._secondary.internalValue;
  }

  // secondary_set_identifier - computed: true, optional: true, required: false
  private _secondarySetIdentifier?: string; 
  public get secondarySetIdentifier() {
    return this.getStringAttribute('secondary_set_identifier');
  }
  public set secondarySetIdentifier(value: string) {
    this._secondarySetIdentifier = value;
  }
  public resetSecondarySetIdentifier() {
    this._secondarySetIdentifier = undefined;
  }
  // Temporarily expose input value. Use with caution.
  public get secondarySetIdentifierInput() {
    return this._secondarySetIdentifier;
  }

  // zone_id - computed: true, optional: true, required: false
  private _zoneId?: string; 
  public get zoneId() {
    return this.getStringAttribute('zone_id');
  }
  public set zoneId(value: string) {
    this._zoneId = value;
  }
  public resetZoneId() {
    this._zoneId = undefined;
  }
  // Temporarily expose input value. Use with caution.
  public get zoneIdInput() {
    return this._zoneId;
  }

  // zone_name - computed: false, optional: true, required: false
  private _zoneName?: string; 
  public get zoneName() {
    return this.getStringAttribute('zone_name');
  }
  public set zoneName(value: string) {
    this._zoneName = value;
  }
  public resetZoneName() {
    this._zoneName = undefined;
  }
  // Temporarily expose input value. Use with caution.
  public get zoneNameInput() {
    return this._zoneName;
  }

  // timeouts - computed: false, optional: true, required: false
  private _timeouts = new DnsFailoverTimeoutsOutputReference(this, "timeouts");
  public get timeouts() {
    return this._timeouts;
  }
  public putTimeouts(value: DnsFailoverTimeouts) {
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
      failure_threshold: cdktf.numberToTerraform(this._failureThreshold),
      primary: dnsFailoverPrimaryToTerraform(this._primary.internalValue),
      primary_set_identifier: cdktf.stringToTerraform(this._primarySetIdentifier),
      record_name: cdktf.stringToTerraform(this._recordName),
      record_ttl_seconds: cdktf.numberToTerraform(this._recordTtlSeconds),
      request_interval: cdktf.numberToTerraform(this._requestInterval),
      secondary: dnsFailoverSecondaryToTerraform(this._secondary.internalValue),
      secondary_set_identifier: cdktf.stringToTerraform(this._secondarySetIdentifier),
      zone_id: cdktf.stringToTerraform(this._zoneId),
      zone_name: cdktf.stringToTerraform(this._zoneName),
      timeouts: dnsFailoverTimeoutsToTerraform(this._timeouts.internalValue),
    };
  }

  protected synthesizeHclAttributes(): { [name: string]: any } {
    const attrs = {
      failure_threshold: {
        value: cdktf.numberToHclTerraform(this._failureThreshold),
        isBlock: false,
        type: "simple",
        storageClassType: "number",
      },
      primary: {
        value: dnsFailoverPrimaryToHclTerraform(this._primary.internalValue),
        isBlock: true,
        type: "struct",
        storageClassType: "DnsFailoverPrimary",
      },
      primary_set_identifier: {
        value: cdktf.stringToHclTerraform(this._primarySetIdentifier),
        isBlock: false,
        type: "simple",
        storageClassType: "string",
      },
      record_name: {
        value: cdktf.stringToHclTerraform(this._recordName),
        isBlock: false,
        type: "simple",
        storageClassType: "string",
      },
      record_ttl_seconds: {
        value: cdktf.numberToHclTerraform(this._recordTtlSeconds),
        isBlock: false,
        type: "simple",
        storageClassType: "number",
      },
      request_interval: {
        value: cdktf.numberToHclTerraform(this._requestInterval),
        isBlock: false,
        type: "simple",
        storageClassType: "number",
      },
      secondary: {
        value: dnsFailoverSecondaryToHclTerraform(this._secondary.internalValue),
        isBlock: true,
        type: "struct",
        storageClassType: "DnsFailoverSecondary",
      },
      secondary_set_identifier: {
        value: cdktf.stringToHclTerraform(this._secondarySetIdentifier),
        isBlock: false,
        type: "simple",
        storageClassType: "string",
      },
      zone_id: {
        value: cdktf.stringToHclTerraform(this._zoneId),
        isBlock: false,
        type: "simple",
        storageClassType: "string",
      },
      zone_name: {
        value: cdktf.stringToHclTerraform(this._zoneName),
        isBlock: false,
        type: "simple",
        storageClassType: "string",
      },
      timeouts: {
        value: dnsFailoverTimeoutsToHclTerraform(this._timeouts.internalValue),
        isBlock: true,
        type: "struct",
        storageClassType: "DnsFailoverTimeouts",
      },
    };

    // remove undefined attributes
    return Object.fromEntries(Object.entries(attrs).filter(([_, value]) => value !== undefined && value.value !== undefined ))
  }
}
