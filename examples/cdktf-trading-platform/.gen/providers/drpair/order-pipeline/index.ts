// https://registry.terraform.io/providers/drpair/drpair/0.1.0/docs/resources/order_pipeline
// generated from terraform resource schema

import { Construct } from 'constructs';
import * as cdktf from 'cdktf';

// Configuration

export interface OrderPipelineConfig extends cdktf.TerraformMetaArguments {
  /**
  * Messages per invocation, 1 to 10. Default 10.
  *
  * Docs at Terraform Registry: {@link https://registry.terraform.io/providers/drpair/drpair/0.1.0/docs/resources/order_pipeline#batch_size OrderPipeline#batch_size}
  */
  readonly batchSize?: number;
  /**
  * S3 buckets the function may list and read/write objects in.
  *
  * Docs at Terraform Registry: {@link https://registry.terraform.io/providers/drpair/drpair/0.1.0/docs/resources/order_pipeline#bucket_arns OrderPipeline#bucket_arns}
  */
  readonly bucketArns?: string[];
  /**
  * Function environment variables (the reference processor needs `ORDERS_TABLE`).
  *
  * Docs at Terraform Registry: {@link https://registry.terraform.io/providers/drpair/drpair/0.1.0/docs/resources/order_pipeline#environment OrderPipeline#environment}
  */
  readonly environment?: { [key: string]: string };
  /**
  * Function handler. Default `orders.handler`.
  *
  * Docs at Terraform Registry: {@link https://registry.terraform.io/providers/drpair/drpair/0.1.0/docs/resources/order_pipeline#handler OrderPipeline#handler}
  */
  readonly handler?: string;
  /**
  * Receives before a message moves to the dead-letter queue, 1 to 1000. Default 5.
  *
  * Docs at Terraform Registry: {@link https://registry.terraform.io/providers/drpair/drpair/0.1.0/docs/resources/order_pipeline#max_receive_count OrderPipeline#max_receive_count}
  */
  readonly maxReceiveCount?: number;
  /**
  * Memory in MB, 128 to 10240. Default 256.
  *
  * Docs at Terraform Registry: {@link https://registry.terraform.io/providers/drpair/drpair/0.1.0/docs/resources/order_pipeline#memory_size OrderPipeline#memory_size}
  */
  readonly memorySize?: number;
  /**
  * First part of every name, `<name>-<environment>-<suffix>`. Changing it replaces the pipeline.
  *
  * Docs at Terraform Registry: {@link https://registry.terraform.io/providers/drpair/drpair/0.1.0/docs/resources/order_pipeline#name OrderPipeline#name}
  */
  readonly name: string;
  /**
  * Local zip deployed to both regions (e.g. `lambda/dist/order-processor.zip`). Hashed at plan time, so a changed file plans a redeploy of both regions. Exactly one of this and `package_s3_bucket` + `package_s3_key`.
  *
  * Docs at Terraform Registry: {@link https://registry.terraform.io/providers/drpair/drpair/0.1.0/docs/resources/order_pipeline#package_path OrderPipeline#package_path}
  */
  readonly packagePath?: string;
  /**
  * Bucket of an S3 package. The provider reads the object once and deploys the same bytes to both regions (so the bucket need not be replicated).
  *
  * Docs at Terraform Registry: {@link https://registry.terraform.io/providers/drpair/drpair/0.1.0/docs/resources/order_pipeline#package_s3_bucket OrderPipeline#package_s3_bucket}
  */
  readonly packageS3Bucket?: string;
  /**
  * Key of the S3 package.
  *
  * Docs at Terraform Registry: {@link https://registry.terraform.io/providers/drpair/drpair/0.1.0/docs/resources/order_pipeline#package_s3_key OrderPipeline#package_s3_key}
  */
  readonly packageS3Key?: string;
  /**
  * SSM parameters the function may read (GetParameter, GetParameters).
  *
  * Docs at Terraform Registry: {@link https://registry.terraform.io/providers/drpair/drpair/0.1.0/docs/resources/order_pipeline#parameter_arns OrderPipeline#parameter_arns}
  */
  readonly parameterArns?: string[];
  /**
  * Security groups for this region's function (e.g. the network's function security group).
  *
  * Docs at Terraform Registry: {@link https://registry.terraform.io/providers/drpair/drpair/0.1.0/docs/resources/order_pipeline#primary_security_group_ids OrderPipeline#primary_security_group_ids}
  */
  readonly primarySecurityGroupIds?: string[];
  /**
  * Private subnets for this region's function (e.g. `drpair_network.core.<region>.subnet_ids`); set with the security groups, or neither for no VPC.
  *
  * Docs at Terraform Registry: {@link https://registry.terraform.io/providers/drpair/drpair/0.1.0/docs/resources/order_pipeline#primary_subnet_ids OrderPipeline#primary_subnet_ids}
  */
  readonly primarySubnetIds?: string[];
  /**
  * Reserved concurrent executions per region, 1 to 900 (the account keeps 100 unreserved). Default 10.
  *
  * Docs at Terraform Registry: {@link https://registry.terraform.io/providers/drpair/drpair/0.1.0/docs/resources/order_pipeline#reserved_concurrency OrderPipeline#reserved_concurrency}
  */
  readonly reservedConcurrency?: number;
  /**
  * Managed runtime: `python3.12` (default) or `python3.13`.
  *
  * Docs at Terraform Registry: {@link https://registry.terraform.io/providers/drpair/drpair/0.1.0/docs/resources/order_pipeline#runtime OrderPipeline#runtime}
  */
  readonly runtime?: string;
  /**
  * Security groups for this region's function (e.g. the network's function security group).
  *
  * Docs at Terraform Registry: {@link https://registry.terraform.io/providers/drpair/drpair/0.1.0/docs/resources/order_pipeline#secondary_security_group_ids OrderPipeline#secondary_security_group_ids}
  */
  readonly secondarySecurityGroupIds?: string[];
  /**
  * Private subnets for this region's function (e.g. `drpair_network.core.<region>.subnet_ids`); set with the security groups, or neither for no VPC.
  *
  * Docs at Terraform Registry: {@link https://registry.terraform.io/providers/drpair/drpair/0.1.0/docs/resources/order_pipeline#secondary_subnet_ids OrderPipeline#secondary_subnet_ids}
  */
  readonly secondarySubnetIds?: string[];
  /**
  * DynamoDB tables the function may read and write (GetItem, PutItem, DescribeTable); give each region's replica ARN.
  *
  * Docs at Terraform Registry: {@link https://registry.terraform.io/providers/drpair/drpair/0.1.0/docs/resources/order_pipeline#table_arns OrderPipeline#table_arns}
  */
  readonly tableArns?: string[];
  /**
  * Function timeout in seconds, 1 to 900. Default 30.
  *
  * Docs at Terraform Registry: {@link https://registry.terraform.io/providers/drpair/drpair/0.1.0/docs/resources/order_pipeline#timeout OrderPipeline#timeout}
  */
  readonly timeout?: number;
  /**
  * Order queue visibility timeout, at most 43200 and at least 6 x `timeout` (AWS's guidance for SQS event sources). Default 6 x `timeout`.
  *
  * Docs at Terraform Registry: {@link https://registry.terraform.io/providers/drpair/drpair/0.1.0/docs/resources/order_pipeline#visibility_timeout_seconds OrderPipeline#visibility_timeout_seconds}
  */
  readonly visibilityTimeoutSeconds?: number;
  /**
  * timeouts block
  *
  * Docs at Terraform Registry: {@link https://registry.terraform.io/providers/drpair/drpair/0.1.0/docs/resources/order_pipeline#timeouts OrderPipeline#timeouts}
  */
  readonly timeouts?: OrderPipelineTimeouts;
}
export interface OrderPipelineInventory {
}

export function orderPipelineInventoryToTerraform(struct?: OrderPipelineInventory): any {
  if (!cdktf.canInspect(struct) || cdktf.Tokenization.isResolvable(struct)) { return struct; }
  if (cdktf.isComplexElement(struct)) {
    throw new Error("A complex element was used as configuration, this is not supported: https://cdk.tf/complex-object-as-configuration");
  }
  return {
  }
}


export function orderPipelineInventoryToHclTerraform(struct?: OrderPipelineInventory): any {
  if (!cdktf.canInspect(struct) || cdktf.Tokenization.isResolvable(struct)) { return struct; }
  if (cdktf.isComplexElement(struct)) {
    throw new Error("A complex element was used as configuration, this is not supported: https://cdk.tf/complex-object-as-configuration");
  }
  const attrs = {
  };
  return attrs;
}

export class OrderPipelineInventoryOutputReference extends cdktf.ComplexObject {
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

  public get internalValue(): OrderPipelineInventory | undefined {
    let hasAnyValues = this.isEmptyObject;
    const internalValueResult: any = {};
    return hasAnyValues ? internalValueResult : undefined;
  }

  public set internalValue(value: OrderPipelineInventory | undefined) {
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

export class OrderPipelineInventoryList extends cdktf.ComplexList {

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
  public get(index: number): OrderPipelineInventoryOutputReference {
    return new OrderPipelineInventoryOutputReference(this.terraformResource, this.terraformAttribute, index, this.wrapsSet);
  }
}
export interface OrderPipelinePrimary {
}

export function orderPipelinePrimaryToTerraform(struct?: OrderPipelinePrimary): any {
  if (!cdktf.canInspect(struct) || cdktf.Tokenization.isResolvable(struct)) { return struct; }
  if (cdktf.isComplexElement(struct)) {
    throw new Error("A complex element was used as configuration, this is not supported: https://cdk.tf/complex-object-as-configuration");
  }
  return {
  }
}


export function orderPipelinePrimaryToHclTerraform(struct?: OrderPipelinePrimary): any {
  if (!cdktf.canInspect(struct) || cdktf.Tokenization.isResolvable(struct)) { return struct; }
  if (cdktf.isComplexElement(struct)) {
    throw new Error("A complex element was used as configuration, this is not supported: https://cdk.tf/complex-object-as-configuration");
  }
  const attrs = {
  };
  return attrs;
}

export class OrderPipelinePrimaryOutputReference extends cdktf.ComplexObject {
  private isEmptyObject = false;

  /**
  * @param terraformResource The parent resource
  * @param terraformAttribute The attribute on the parent resource this class is referencing
  */
  public constructor(terraformResource: cdktf.IInterpolatingParent, terraformAttribute: string) {
    super(terraformResource, terraformAttribute, false);
  }

  public get internalValue(): OrderPipelinePrimary | undefined {
    let hasAnyValues = this.isEmptyObject;
    const internalValueResult: any = {};
    return hasAnyValues ? internalValueResult : undefined;
  }

  public set internalValue(value: OrderPipelinePrimary | undefined) {
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

  // code_sha256 - computed: true, optional: false, required: false
  public get codeSha256() {
    return this.getStringAttribute('code_sha256');
  }

  // dlq_arn - computed: true, optional: false, required: false
  public get dlqArn() {
    return this.getStringAttribute('dlq_arn');
  }

  // dlq_url - computed: true, optional: false, required: false
  public get dlqUrl() {
    return this.getStringAttribute('dlq_url');
  }

  // event_source_mapping_id - computed: true, optional: false, required: false
  public get eventSourceMappingId() {
    return this.getStringAttribute('event_source_mapping_id');
  }

  // function_arn - computed: true, optional: false, required: false
  public get functionArn() {
    return this.getStringAttribute('function_arn');
  }

  // function_name - computed: true, optional: false, required: false
  public get functionName() {
    return this.getStringAttribute('function_name');
  }

  // queue_arn - computed: true, optional: false, required: false
  public get queueArn() {
    return this.getStringAttribute('queue_arn');
  }

  // queue_url - computed: true, optional: false, required: false
  public get queueUrl() {
    return this.getStringAttribute('queue_url');
  }

  // region - computed: true, optional: false, required: false
  public get region() {
    return this.getStringAttribute('region');
  }
}
export interface OrderPipelineSecondary {
}

export function orderPipelineSecondaryToTerraform(struct?: OrderPipelineSecondary): any {
  if (!cdktf.canInspect(struct) || cdktf.Tokenization.isResolvable(struct)) { return struct; }
  if (cdktf.isComplexElement(struct)) {
    throw new Error("A complex element was used as configuration, this is not supported: https://cdk.tf/complex-object-as-configuration");
  }
  return {
  }
}


export function orderPipelineSecondaryToHclTerraform(struct?: OrderPipelineSecondary): any {
  if (!cdktf.canInspect(struct) || cdktf.Tokenization.isResolvable(struct)) { return struct; }
  if (cdktf.isComplexElement(struct)) {
    throw new Error("A complex element was used as configuration, this is not supported: https://cdk.tf/complex-object-as-configuration");
  }
  const attrs = {
  };
  return attrs;
}

export class OrderPipelineSecondaryOutputReference extends cdktf.ComplexObject {
  private isEmptyObject = false;

  /**
  * @param terraformResource The parent resource
  * @param terraformAttribute The attribute on the parent resource this class is referencing
  */
  public constructor(terraformResource: cdktf.IInterpolatingParent, terraformAttribute: string) {
    super(terraformResource, terraformAttribute, false);
  }

  public get internalValue(): OrderPipelineSecondary | undefined {
    let hasAnyValues = this.isEmptyObject;
    const internalValueResult: any = {};
    return hasAnyValues ? internalValueResult : undefined;
  }

  public set internalValue(value: OrderPipelineSecondary | undefined) {
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

  // code_sha256 - computed: true, optional: false, required: false
  public get codeSha256() {
    return this.getStringAttribute('code_sha256');
  }

  // dlq_arn - computed: true, optional: false, required: false
  public get dlqArn() {
    return this.getStringAttribute('dlq_arn');
  }

  // dlq_url - computed: true, optional: false, required: false
  public get dlqUrl() {
    return this.getStringAttribute('dlq_url');
  }

  // event_source_mapping_id - computed: true, optional: false, required: false
  public get eventSourceMappingId() {
    return this.getStringAttribute('event_source_mapping_id');
  }

  // function_arn - computed: true, optional: false, required: false
  public get functionArn() {
    return this.getStringAttribute('function_arn');
  }

  // function_name - computed: true, optional: false, required: false
  public get functionName() {
    return this.getStringAttribute('function_name');
  }

  // queue_arn - computed: true, optional: false, required: false
  public get queueArn() {
    return this.getStringAttribute('queue_arn');
  }

  // queue_url - computed: true, optional: false, required: false
  public get queueUrl() {
    return this.getStringAttribute('queue_url');
  }

  // region - computed: true, optional: false, required: false
  public get region() {
    return this.getStringAttribute('region');
  }
}
export interface OrderPipelineTimeouts {
  /**
  * Time limit for creating the whole pair.
  *
  * Docs at Terraform Registry: {@link https://registry.terraform.io/providers/drpair/drpair/0.1.0/docs/resources/order_pipeline#create OrderPipeline#create}
  */
  readonly create?: string;
  /**
  * Time limit for destroying the whole pair.
  *
  * Docs at Terraform Registry: {@link https://registry.terraform.io/providers/drpair/drpair/0.1.0/docs/resources/order_pipeline#delete OrderPipeline#delete}
  */
  readonly delete?: string;
  /**
  * Time limit for an in-place update or repair.
  *
  * Docs at Terraform Registry: {@link https://registry.terraform.io/providers/drpair/drpair/0.1.0/docs/resources/order_pipeline#update OrderPipeline#update}
  */
  readonly update?: string;
}

export function orderPipelineTimeoutsToTerraform(struct?: OrderPipelineTimeouts | cdktf.IResolvable): any {
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


export function orderPipelineTimeoutsToHclTerraform(struct?: OrderPipelineTimeouts | cdktf.IResolvable): any {
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

export class OrderPipelineTimeoutsOutputReference extends cdktf.ComplexObject {
  private isEmptyObject = false;
  private resolvableValue?: cdktf.IResolvable;

  /**
  * @param terraformResource The parent resource
  * @param terraformAttribute The attribute on the parent resource this class is referencing
  */
  public constructor(terraformResource: cdktf.IInterpolatingParent, terraformAttribute: string) {
    super(terraformResource, terraformAttribute, false);
  }

  public get internalValue(): OrderPipelineTimeouts | cdktf.IResolvable | undefined {
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

  public set internalValue(value: OrderPipelineTimeouts | cdktf.IResolvable | undefined) {
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
* Represents a {@link https://registry.terraform.io/providers/drpair/drpair/0.1.0/docs/resources/order_pipeline drpair_order_pipeline}
*/
export class OrderPipeline extends cdktf.TerraformResource {

  // =================
  // STATIC PROPERTIES
  // =================
  public static readonly tfResourceType = "drpair_order_pipeline";

  // ==============
  // STATIC Methods
  // ==============
  /**
  * Generates CDKTF code for importing a OrderPipeline resource upon running "cdktf plan <stack-name>"
  * @param scope The scope in which to define this construct
  * @param importToId The construct id used in the generated config for the OrderPipeline to import
  * @param importFromId The id of the existing OrderPipeline that should be imported. Refer to the {@link https://registry.terraform.io/providers/drpair/drpair/0.1.0/docs/resources/order_pipeline#import import section} in the documentation of this resource for the id to use
  * @param provider? Optional instance of the provider where the OrderPipeline to import is found
  */
  public static generateConfigForImport(scope: Construct, importToId: string, importFromId: string, provider?: cdktf.TerraformProvider) {
        return new cdktf.ImportableResource(scope, importToId, { terraformResourceType: "drpair_order_pipeline", importId: importFromId, provider });
      }

  // ===========
  // INITIALIZER
  // ===========

  /**
  * Create a new {@link https://registry.terraform.io/providers/drpair/drpair/0.1.0/docs/resources/order_pipeline drpair_order_pipeline} Resource
  *
  * @param scope The scope in which to define this construct
  * @param id The scoped construct ID. Must be unique amongst siblings in the same scope
  * @param options OrderPipelineConfig
  */
  public constructor(scope: Construct, id: string, config: OrderPipelineConfig) {
    super(scope, id, {
      terraformResourceType: 'drpair_order_pipeline',
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
    this._batchSize = config.batchSize;
    this._bucketArns = config.bucketArns;
    this._environment = config.environment;
    this._handler = config.handler;
    this._maxReceiveCount = config.maxReceiveCount;
    this._memorySize = config.memorySize;
    this._name = config.name;
    this._packagePath = config.packagePath;
    this._packageS3Bucket = config.packageS3Bucket;
    this._packageS3Key = config.packageS3Key;
    this._parameterArns = config.parameterArns;
    this._primarySecurityGroupIds = config.primarySecurityGroupIds;
    this._primarySubnetIds = config.primarySubnetIds;
    this._reservedConcurrency = config.reservedConcurrency;
    this._runtime = config.runtime;
    this._secondarySecurityGroupIds = config.secondarySecurityGroupIds;
    this._secondarySubnetIds = config.secondarySubnetIds;
    this._tableArns = config.tableArns;
    this._timeout = config.timeout;
    this._visibilityTimeoutSeconds = config.visibilityTimeoutSeconds;
    this._timeouts.internalValue = config.timeouts;
  }

  // ==========
  // ATTRIBUTES
  // ==========

  // batch_size - computed: true, optional: true, required: false
  private _batchSize?: number; 
  public get batchSize() {
    return this.getNumberAttribute('batch_size');
  }
  public set batchSize(value: number) {
    this._batchSize = value;
  }
  public resetBatchSize() {
    this._batchSize = undefined;
  }
  // Temporarily expose input value. Use with caution.
  public get batchSizeInput() {
    return this._batchSize;
  }

  // bucket_arns - computed: false, optional: true, required: false
  private _bucketArns?: string[]; 
  public get bucketArns() {
    return this.getListAttribute('bucket_arns');
  }
  public set bucketArns(value: string[]) {
    this._bucketArns = value;
  }
  public resetBucketArns() {
    this._bucketArns = undefined;
  }
  // Temporarily expose input value. Use with caution.
  public get bucketArnsInput() {
    return this._bucketArns;
  }

  // environment - computed: false, optional: true, required: false
  private _environment?: { [key: string]: string }; 
  public get environment() {
    return this.getStringMapAttribute('environment');
  }
  public set environment(value: { [key: string]: string }) {
    this._environment = value;
  }
  public resetEnvironment() {
    this._environment = undefined;
  }
  // Temporarily expose input value. Use with caution.
  public get environmentInput() {
    return this._environment;
  }

  // execution_role_arn - computed: true, optional: false, required: false
  public get executionRoleArn() {
    return this.getStringAttribute('execution_role_arn');
  }

  // handler - computed: true, optional: true, required: false
  private _handler?: string; 
  public get handler() {
    return this.getStringAttribute('handler');
  }
  public set handler(value: string) {
    this._handler = value;
  }
  public resetHandler() {
    this._handler = undefined;
  }
  // Temporarily expose input value. Use with caution.
  public get handlerInput() {
    return this._handler;
  }

  // id - computed: true, optional: false, required: false
  public get id() {
    return this.getStringAttribute('id');
  }

  // inventory - computed: true, optional: false, required: false
  private _inventory = new OrderPipelineInventoryList(this, "inventory", false);
  public get inventory() {
    return this._inventory;
  }

  // max_receive_count - computed: true, optional: true, required: false
  private _maxReceiveCount?: number; 
  public get maxReceiveCount() {
    return this.getNumberAttribute('max_receive_count');
  }
  public set maxReceiveCount(value: number) {
    this._maxReceiveCount = value;
  }
  public resetMaxReceiveCount() {
    this._maxReceiveCount = undefined;
  }
  // Temporarily expose input value. Use with caution.
  public get maxReceiveCountInput() {
    return this._maxReceiveCount;
  }

  // memory_size - computed: true, optional: true, required: false
  private _memorySize?: number; 
  public get memorySize() {
    return this.getNumberAttribute('memory_size');
  }
  public set memorySize(value: number) {
    this._memorySize = value;
  }
  public resetMemorySize() {
    this._memorySize = undefined;
  }
  // Temporarily expose input value. Use with caution.
  public get memorySizeInput() {
    return this._memorySize;
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

  // orchestrator_role_arn - computed: true, optional: false, required: false
  public get orchestratorRoleArn() {
    return this.getStringAttribute('orchestrator_role_arn');
  }

  // package_path - computed: false, optional: true, required: false
  private _packagePath?: string; 
  public get packagePath() {
    return this.getStringAttribute('package_path');
  }
  public set packagePath(value: string) {
    this._packagePath = value;
  }
  public resetPackagePath() {
    this._packagePath = undefined;
  }
  // Temporarily expose input value. Use with caution.
  public get packagePathInput() {
    return this._packagePath;
  }

  // package_s3_bucket - computed: false, optional: true, required: false
  private _packageS3Bucket?: string; 
  public get packageS3Bucket() {
    return this.getStringAttribute('package_s3_bucket');
  }
  public set packageS3Bucket(value: string) {
    this._packageS3Bucket = value;
  }
  public resetPackageS3Bucket() {
    this._packageS3Bucket = undefined;
  }
  // Temporarily expose input value. Use with caution.
  public get packageS3BucketInput() {
    return this._packageS3Bucket;
  }

  // package_s3_key - computed: false, optional: true, required: false
  private _packageS3Key?: string; 
  public get packageS3Key() {
    return this.getStringAttribute('package_s3_key');
  }
  public set packageS3Key(value: string) {
    this._packageS3Key = value;
  }
  public resetPackageS3Key() {
    this._packageS3Key = undefined;
  }
  // Temporarily expose input value. Use with caution.
  public get packageS3KeyInput() {
    return this._packageS3Key;
  }

  // package_sha256 - computed: true, optional: false, required: false
  public get packageSha256() {
    return this.getStringAttribute('package_sha256');
  }

  // parameter_arns - computed: false, optional: true, required: false
  private _parameterArns?: string[]; 
  public get parameterArns() {
    return this.getListAttribute('parameter_arns');
  }
  public set parameterArns(value: string[]) {
    this._parameterArns = value;
  }
  public resetParameterArns() {
    this._parameterArns = undefined;
  }
  // Temporarily expose input value. Use with caution.
  public get parameterArnsInput() {
    return this._parameterArns;
  }

  // primary - computed: true, optional: false, required: false
  private _primary = new OrderPipelinePrimaryOutputReference(this, "primary");
  public get primary() {
    return this._primary;
  }

  // primary_region - computed: true, optional: false, required: false
  public get primaryRegion() {
    return this.getStringAttribute('primary_region');
  }

  // primary_security_group_ids - computed: false, optional: true, required: false
  private _primarySecurityGroupIds?: string[]; 
  public get primarySecurityGroupIds() {
    return this.getListAttribute('primary_security_group_ids');
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

  // primary_subnet_ids - computed: false, optional: true, required: false
  private _primarySubnetIds?: string[]; 
  public get primarySubnetIds() {
    return this.getListAttribute('primary_subnet_ids');
  }
  public set primarySubnetIds(value: string[]) {
    this._primarySubnetIds = value;
  }
  public resetPrimarySubnetIds() {
    this._primarySubnetIds = undefined;
  }
  // Temporarily expose input value. Use with caution.
  public get primarySubnetIdsInput() {
    return this._primarySubnetIds;
  }

  // reserved_concurrency - computed: true, optional: true, required: false
  private _reservedConcurrency?: number; 
  public get reservedConcurrency() {
    return this.getNumberAttribute('reserved_concurrency');
  }
  public set reservedConcurrency(value: number) {
    this._reservedConcurrency = value;
  }
  public resetReservedConcurrency() {
    this._reservedConcurrency = undefined;
  }
  // Temporarily expose input value. Use with caution.
  public get reservedConcurrencyInput() {
    return this._reservedConcurrency;
  }

  // runtime - computed: true, optional: true, required: false
  private _runtime?: string; 
  public get runtime() {
    return this.getStringAttribute('runtime');
  }
  public set runtime(value: string) {
    this._runtime = value;
  }
  public resetRuntime() {
    this._runtime = undefined;
  }
  // Temporarily expose input value. Use with caution.
  public get runtimeInput() {
    return this._runtime;
  }

  // secondary - computed: true, optional: false, required: false
  private _secondary = new OrderPipelineSecondaryOutputReference(this, "secondary");
  public get secondary() {
    return this._secondary;
  }

  // secondary_region - computed: true, optional: false, required: false
  public get secondaryRegion() {
    return this.getStringAttribute('secondary_region');
  }

  // secondary_security_group_ids - computed: false, optional: true, required: false
  private _secondarySecurityGroupIds?: string[]; 
  public get secondarySecurityGroupIds() {
    return this.getListAttribute('secondary_security_group_ids');
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

  // secondary_subnet_ids - computed: false, optional: true, required: false
  private _secondarySubnetIds?: string[]; 
  public get secondarySubnetIds() {
    return this.getListAttribute('secondary_subnet_ids');
  }
  public set secondarySubnetIds(value: string[]) {
    this._secondarySubnetIds = value;
  }
  public resetSecondarySubnetIds() {
    this._secondarySubnetIds = undefined;
  }
  // Temporarily expose input value. Use with caution.
  public get secondarySubnetIdsInput() {
    return this._secondarySubnetIds;
  }

  // table_arns - computed: false, optional: true, required: false
  private _tableArns?: string[]; 
  public get tableArns() {
    return this.getListAttribute('table_arns');
  }
  public set tableArns(value: string[]) {
    this._tableArns = value;
  }
  public resetTableArns() {
    this._tableArns = undefined;
  }
  // Temporarily expose input value. Use with caution.
  public get tableArnsInput() {
    return this._tableArns;
  }

  // timeout - computed: true, optional: true, required: false
  private _timeout?: number; 
  public get timeout() {
    return this.getNumberAttribute('timeout');
  }
  public set timeout(value: number) {
    this._timeout = value;
  }
  public resetTimeout() {
    this._timeout = undefined;
  }
  // Temporarily expose input value. Use with caution.
  public get timeoutInput() {
    return this._timeout;
  }

  // visibility_timeout_seconds - computed: true, optional: true, required: false
  private _visibilityTimeoutSeconds?: number; 
  public get visibilityTimeoutSeconds() {
    return this.getNumberAttribute('visibility_timeout_seconds');
  }
  public set visibilityTimeoutSeconds(value: number) {
    this._visibilityTimeoutSeconds = value;
  }
  public resetVisibilityTimeoutSeconds() {
    this._visibilityTimeoutSeconds = undefined;
  }
  // Temporarily expose input value. Use with caution.
  public get visibilityTimeoutSecondsInput() {
    return this._visibilityTimeoutSeconds;
  }

  // timeouts - computed: false, optional: true, required: false
  private _timeouts = new OrderPipelineTimeoutsOutputReference(this, "timeouts");
  public get timeouts() {
    return this._timeouts;
  }
  public putTimeouts(value: OrderPipelineTimeouts) {
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
      batch_size: cdktf.numberToTerraform(this._batchSize),
      bucket_arns: cdktf.listMapper(cdktf.stringToTerraform, false)(this._bucketArns),
      environment: cdktf.hashMapper(cdktf.stringToTerraform)(this._environment),
      handler: cdktf.stringToTerraform(this._handler),
      max_receive_count: cdktf.numberToTerraform(this._maxReceiveCount),
      memory_size: cdktf.numberToTerraform(this._memorySize),
      name: cdktf.stringToTerraform(this._name),
      package_path: cdktf.stringToTerraform(this._packagePath),
      package_s3_bucket: cdktf.stringToTerraform(this._packageS3Bucket),
      package_s3_key: cdktf.stringToTerraform(this._packageS3Key),
      parameter_arns: cdktf.listMapper(cdktf.stringToTerraform, false)(this._parameterArns),
      primary_security_group_ids: cdktf.listMapper(cdktf.stringToTerraform, false)(this._primarySecurityGroupIds),
      primary_subnet_ids: cdktf.listMapper(cdktf.stringToTerraform, false)(this._primarySubnetIds),
      reserved_concurrency: cdktf.numberToTerraform(this._reservedConcurrency),
      runtime: cdktf.stringToTerraform(this._runtime),
      secondary_security_group_ids: cdktf.listMapper(cdktf.stringToTerraform, false)(this._secondarySecurityGroupIds),
      secondary_subnet_ids: cdktf.listMapper(cdktf.stringToTerraform, false)(this._secondarySubnetIds),
      table_arns: cdktf.listMapper(cdktf.stringToTerraform, false)(this._tableArns),
      timeout: cdktf.numberToTerraform(this._timeout),
      visibility_timeout_seconds: cdktf.numberToTerraform(this._visibilityTimeoutSeconds),
      timeouts: orderPipelineTimeoutsToTerraform(this._timeouts.internalValue),
    };
  }

  protected synthesizeHclAttributes(): { [name: string]: any } {
    const attrs = {
      batch_size: {
        value: cdktf.numberToHclTerraform(this._batchSize),
        isBlock: false,
        type: "simple",
        storageClassType: "number",
      },
      bucket_arns: {
        value: cdktf.listMapperHcl(cdktf.stringToHclTerraform, false)(this._bucketArns),
        isBlock: false,
        type: "list",
        storageClassType: "stringList",
      },
      environment: {
        value: cdktf.hashMapperHcl(cdktf.stringToHclTerraform)(this._environment),
        isBlock: false,
        type: "map",
        storageClassType: "stringMap",
      },
      handler: {
        value: cdktf.stringToHclTerraform(this._handler),
        isBlock: false,
        type: "simple",
        storageClassType: "string",
      },
      max_receive_count: {
        value: cdktf.numberToHclTerraform(this._maxReceiveCount),
        isBlock: false,
        type: "simple",
        storageClassType: "number",
      },
      memory_size: {
        value: cdktf.numberToHclTerraform(this._memorySize),
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
      package_path: {
        value: cdktf.stringToHclTerraform(this._packagePath),
        isBlock: false,
        type: "simple",
        storageClassType: "string",
      },
      package_s3_bucket: {
        value: cdktf.stringToHclTerraform(this._packageS3Bucket),
        isBlock: false,
        type: "simple",
        storageClassType: "string",
      },
      package_s3_key: {
        value: cdktf.stringToHclTerraform(this._packageS3Key),
        isBlock: false,
        type: "simple",
        storageClassType: "string",
      },
      parameter_arns: {
        value: cdktf.listMapperHcl(cdktf.stringToHclTerraform, false)(this._parameterArns),
        isBlock: false,
        type: "list",
        storageClassType: "stringList",
      },
      primary_security_group_ids: {
        value: cdktf.listMapperHcl(cdktf.stringToHclTerraform, false)(this._primarySecurityGroupIds),
        isBlock: false,
        type: "list",
        storageClassType: "stringList",
      },
      primary_subnet_ids: {
        value: cdktf.listMapperHcl(cdktf.stringToHclTerraform, false)(this._primarySubnetIds),
        isBlock: false,
        type: "list",
        storageClassType: "stringList",
      },
      reserved_concurrency: {
        value: cdktf.numberToHclTerraform(this._reservedConcurrency),
        isBlock: false,
        type: "simple",
        storageClassType: "number",
      },
      runtime: {
        value: cdktf.stringToHclTerraform(this._runtime),
        isBlock: false,
        type: "simple",
        storageClassType: "string",
      },
      secondary_security_group_ids: {
        value: cdktf.listMapperHcl(cdktf.stringToHclTerraform, false)(this._secondarySecurityGroupIds),
        isBlock: false,
        type: "list",
        storageClassType: "stringList",
      },
      secondary_subnet_ids: {
        value: cdktf.listMapperHcl(cdktf.stringToHclTerraform, false)(this._secondarySubnetIds),
        isBlock: false,
        type: "list",
        storageClassType: "stringList",
      },
      table_arns: {
        value: cdktf.listMapperHcl(cdktf.stringToHclTerraform, false)(this._tableArns),
        isBlock: false,
        type: "list",
        storageClassType: "stringList",
      },
      timeout: {
        value: cdktf.numberToHclTerraform(this._timeout),
        isBlock: false,
        type: "simple",
        storageClassType: "number",
      },
      visibility_timeout_seconds: {
        value: cdktf.numberToHclTerraform(this._visibilityTimeoutSeconds),
        isBlock: false,
        type: "simple",
        storageClassType: "number",
      },
      timeouts: {
        value: orderPipelineTimeoutsToHclTerraform(this._timeouts.internalValue),
        isBlock: true,
        type: "struct",
        storageClassType: "OrderPipelineTimeouts",
      },
    };

    // remove undefined attributes
    return Object.fromEntries(Object.entries(attrs).filter(([_, value]) => value !== undefined && value.value !== undefined ))
  }
}
