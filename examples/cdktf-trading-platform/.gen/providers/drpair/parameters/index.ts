// https://registry.terraform.io/providers/drpair/drpair/0.1.0/docs/resources/parameters
// generated from terraform resource schema

import { Construct } from 'constructs';
import * as cdktf from 'cdktf';

// Configuration

export interface ParametersConfig extends cdktf.TerraformMetaArguments {
  /**
  * KMS key (id, ARN or alias valid in both regions) for SecureString values. Default: the account's `alias/aws/ssm` key in each region.
  *
  * Docs at Terraform Registry: {@link https://registry.terraform.io/providers/drpair/drpair/0.1.0/docs/resources/parameters#kms_key_id Parameters#kms_key_id}
  */
  readonly kmsKeyId?: string;
  /**
  * Resource-type part of the path. Changing it replaces the parameters.
  *
  * Docs at Terraform Registry: {@link https://registry.terraform.io/providers/drpair/drpair/0.1.0/docs/resources/parameters#name Parameters#name}
  */
  readonly name: string;
  /**
  * Values for the primary region only; a key also in `values` overrides it there.
  *
  * Docs at Terraform Registry: {@link https://registry.terraform.io/providers/drpair/drpair/0.1.0/docs/resources/parameters#primary_values Parameters#primary_values}
  */
  readonly primaryValues?: { [key: string]: string };
  /**
  * Keys owned by the running system (e.g. `active_region`), with their initial values: written when absent, never overwritten, so values the orchestrator sets at run time never show as drift.
  *
  * Docs at Terraform Registry: {@link https://registry.terraform.io/providers/drpair/drpair/0.1.0/docs/resources/parameters#runtime_managed Parameters#runtime_managed}
  */
  readonly runtimeManaged?: { [key: string]: string };
  /**
  * Values for the secondary region only; a key also in `values` overrides it there.
  *
  * Docs at Terraform Registry: {@link https://registry.terraform.io/providers/drpair/drpair/0.1.0/docs/resources/parameters#secondary_values Parameters#secondary_values}
  */
  readonly secondaryValues?: { [key: string]: string };
  /**
  * Secrets, written to both regions as SecureString (KMS). Write-only: never stored in plan or state. Change `secure_values_wo_version` to rewrite them.
  *
  * Docs at Terraform Registry: {@link https://registry.terraform.io/providers/drpair/drpair/0.1.0/docs/resources/parameters#secure_values_wo Parameters#secure_values_wo}
  */
  readonly secureValuesWo?: { [key: string]: string };
  /**
  * Change this number to write new `secure_values_wo` values.
  *
  * Docs at Terraform Registry: {@link https://registry.terraform.io/providers/drpair/drpair/0.1.0/docs/resources/parameters#secure_values_wo_version Parameters#secure_values_wo_version}
  */
  readonly secureValuesWoVersion?: number;
  /**
  * Plain values written to both regions.
  *
  * Docs at Terraform Registry: {@link https://registry.terraform.io/providers/drpair/drpair/0.1.0/docs/resources/parameters#values Parameters#values}
  */
  readonly values?: { [key: string]: string };
  /**
  * timeouts block
  *
  * Docs at Terraform Registry: {@link https://registry.terraform.io/providers/drpair/drpair/0.1.0/docs/resources/parameters#timeouts Parameters#timeouts}
  */
  readonly timeouts?: ParametersTimeouts;
}
export interface ParametersTimeouts {
  /**
  * Time limit for creating the whole pair.
  *
  * Docs at Terraform Registry: {@link https://registry.terraform.io/providers/drpair/drpair/0.1.0/docs/resources/parameters#create Parameters#create}
  */
  readonly create?: string;
  /**
  * Time limit for destroying the whole pair.
  *
  * Docs at Terraform Registry: {@link https://registry.terraform.io/providers/drpair/drpair/0.1.0/docs/resources/parameters#delete Parameters#delete}
  */
  readonly delete?: string;
  /**
  * Time limit for an in-place update or repair.
  *
  * Docs at Terraform Registry: {@link https://registry.terraform.io/providers/drpair/drpair/0.1.0/docs/resources/parameters#update Parameters#update}
  */
  readonly update?: string;
}

export function parametersTimeoutsToTerraform(struct?: ParametersTimeouts | cdktf.IResolvable): any {
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


export function parametersTimeoutsToHclTerraform(struct?: ParametersTimeouts | cdktf.IResolvable): any {
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

export class ParametersTimeoutsOutputReference extends cdktf.ComplexObject {
  private isEmptyObject = false;
  private resolvableValue?: cdktf.IResolvable;

  /**
  * @param terraformResource The parent resource
  * @param terraformAttribute The attribute on the parent resource this class is referencing
  */
  public constructor(terraformResource: cdktf.IInterpolatingParent, terraformAttribute: string) {
    super(terraformResource, terraformAttribute, false);
  }

  public get internalValue(): ParametersTimeouts | cdktf.IResolvable | undefined {
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

  public set internalValue(value: ParametersTimeouts | cdktf.IResolvable | undefined) {
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
* Represents a {@link https://registry.terraform.io/providers/drpair/drpair/0.1.0/docs/resources/parameters drpair_parameters}
*/
export class Parameters extends cdktf.TerraformResource {

  // =================
  // STATIC PROPERTIES
  // =================
  public static readonly tfResourceType = "drpair_parameters";

  // ==============
  // STATIC Methods
  // ==============
  /**
  * Generates CDKTF code for importing a Parameters resource upon running "cdktf plan <stack-name>"
  * @param scope The scope in which to define this construct
  * @param importToId The construct id used in the generated config for the Parameters to import
  * @param importFromId The id of the existing Parameters that should be imported. Refer to the {@link https://registry.terraform.io/providers/drpair/drpair/0.1.0/docs/resources/parameters#import import section} in the documentation of this resource for the id to use
  * @param provider? Optional instance of the provider where the Parameters to import is found
  */
  public static generateConfigForImport(scope: Construct, importToId: string, importFromId: string, provider?: cdktf.TerraformProvider) {
        return new cdktf.ImportableResource(scope, importToId, { terraformResourceType: "drpair_parameters", importId: importFromId, provider });
      }

  // ===========
  // INITIALIZER
  // ===========

  /**
  * Create a new {@link https://registry.terraform.io/providers/drpair/drpair/0.1.0/docs/resources/parameters drpair_parameters} Resource
  *
  * @param scope The scope in which to define this construct
  * @param id The scoped construct ID. Must be unique amongst siblings in the same scope
  * @param options ParametersConfig
  */
  public constructor(scope: Construct, id: string, config: ParametersConfig) {
    super(scope, id, {
      terraformResourceType: 'drpair_parameters',
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
    this._kmsKeyId = config.kmsKeyId;
    this._name = config.name;
    this._primaryValues = config.primaryValues;
    this._runtimeManaged = config.runtimeManaged;
    this._secondaryValues = config.secondaryValues;
    this._secureValuesWo = config.secureValuesWo;
    this._secureValuesWoVersion = config.secureValuesWoVersion;
    this._values = config.values;
    this._timeouts.internalValue = config.timeouts;
  }

  // ==========
  // ATTRIBUTES
  // ==========

  // effective - computed: true, optional: false, required: false
  private _effective = new cdktf.AnyMap(this, "effective");
  public get effective() {
    return this._effective;
  }

  // id - computed: true, optional: false, required: false
  public get id() {
    return this.getStringAttribute('id');
  }

  // kms_key_id - computed: false, optional: true, required: false
  private _kmsKeyId?: string; 
  public get kmsKeyId() {
    return this.getStringAttribute('kms_key_id');
  }
  public set kmsKeyId(value: string) {
    this._kmsKeyId = value;
  }
  public resetKmsKeyId() {
    this._kmsKeyId = undefined;
  }
  // Temporarily expose input value. Use with caution.
  public get kmsKeyIdInput() {
    return this._kmsKeyId;
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

  // path - computed: true, optional: false, required: false
  public get path() {
    return this.getStringAttribute('path');
  }

  // primary_region - computed: true, optional: false, required: false
  public get primaryRegion() {
    return this.getStringAttribute('primary_region');
  }

  // primary_values - computed: false, optional: true, required: false
  private _primaryValues?: { [key: string]: string }; 
  public get primaryValues() {
    return this.getStringMapAttribute('primary_values');
  }
  public set primaryValues(value: { [key: string]: string }) {
    this._primaryValues = value;
  }
  public resetPrimaryValues() {
    this._primaryValues = undefined;
  }
  // Temporarily expose input value. Use with caution.
  public get primaryValuesInput() {
    return this._primaryValues;
  }

  // runtime_managed - computed: false, optional: true, required: false
  private _runtimeManaged?: { [key: string]: string }; 
  public get runtimeManaged() {
    return this.getStringMapAttribute('runtime_managed');
  }
  public set runtimeManaged(value: { [key: string]: string }) {
    this._runtimeManaged = value;
  }
  public resetRuntimeManaged() {
    this._runtimeManaged = undefined;
  }
  // Temporarily expose input value. Use with caution.
  public get runtimeManagedInput() {
    return this._runtimeManaged;
  }

  // runtime_values - computed: true, optional: false, required: false
  private _runtimeValues = new cdktf.AnyMap(this, "runtime_values");
  public get runtimeValues() {
    return this._runtimeValues;
  }

  // secondary_region - computed: true, optional: false, required: false
  public get secondaryRegion() {
    return this.getStringAttribute('secondary_region');
  }

  // secondary_values - computed: false, optional: true, required: false
  private _secondaryValues?: { [key: string]: string }; 
  public get secondaryValues() {
    return this.getStringMapAttribute('secondary_values');
  }
  public set secondaryValues(value: { [key: string]: string }) {
    this._secondaryValues = value;
  }
  public resetSecondaryValues() {
    this._secondaryValues = undefined;
  }
  // Temporarily expose input value. Use with caution.
  public get secondaryValuesInput() {
    return this._secondaryValues;
  }

  // secure_keys - computed: true, optional: false, required: false
  public get secureKeys() {
    return cdktf.Fn.tolist(this.getListAttribute('secure_keys'));
  }

  // secure_values_wo - computed: false, optional: true, required: false
  private _secureValuesWo?: { [key: string]: string }; 
  public get secureValuesWo() {
    return this.getStringMapAttribute('secure_values_wo');
  }
  public set secureValuesWo(value: { [key: string]: string }) {
    this._secureValuesWo = value;
  }
  public resetSecureValuesWo() {
    this._secureValuesWo = undefined;
  }
  // Temporarily expose input value. Use with caution.
  public get secureValuesWoInput() {
    return this._secureValuesWo;
  }

  // secure_values_wo_version - computed: false, optional: true, required: false
  private _secureValuesWoVersion?: number; 
  public get secureValuesWoVersion() {
    return this.getNumberAttribute('secure_values_wo_version');
  }
  public set secureValuesWoVersion(value: number) {
    this._secureValuesWoVersion = value;
  }
  public resetSecureValuesWoVersion() {
    this._secureValuesWoVersion = undefined;
  }
  // Temporarily expose input value. Use with caution.
  public get secureValuesWoVersionInput() {
    return this._secureValuesWoVersion;
  }

  // values - computed: false, optional: true, required: false
  private _values?: { [key: string]: string }; 
  public get values() {
    return this.getStringMapAttribute('values');
  }
  public set values(value: { [key: string]: string }) {
    this._values = value;
  }
  public resetValues() {
    this._values = undefined;
  }
  // Temporarily expose input value. Use with caution.
  public get valuesInput() {
    return this._values;
  }

  // timeouts - computed: false, optional: true, required: false
  private _timeouts = new ParametersTimeoutsOutputReference(this, "timeouts");
  public get timeouts() {
    return this._timeouts;
  }
  public putTimeouts(value: ParametersTimeouts) {
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
      kms_key_id: cdktf.stringToTerraform(this._kmsKeyId),
      name: cdktf.stringToTerraform(this._name),
      primary_values: cdktf.hashMapper(cdktf.stringToTerraform)(this._primaryValues),
      runtime_managed: cdktf.hashMapper(cdktf.stringToTerraform)(this._runtimeManaged),
      secondary_values: cdktf.hashMapper(cdktf.stringToTerraform)(this._secondaryValues),
      secure_values_wo: cdktf.hashMapper(cdktf.stringToTerraform)(this._secureValuesWo),
      secure_values_wo_version: cdktf.numberToTerraform(this._secureValuesWoVersion),
      values: cdktf.hashMapper(cdktf.stringToTerraform)(this._values),
      timeouts: parametersTimeoutsToTerraform(this._timeouts.internalValue),
    };
  }

  protected synthesizeHclAttributes(): { [name: string]: any } {
    const attrs = {
      kms_key_id: {
        value: cdktf.stringToHclTerraform(this._kmsKeyId),
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
      primary_values: {
        value: cdktf.hashMapperHcl(cdktf.stringToHclTerraform)(this._primaryValues),
        isBlock: false,
        type: "map",
        storageClassType: "stringMap",
      },
      runtime_managed: {
        value: cdktf.hashMapperHcl(cdktf.stringToHclTerraform)(this._runtimeManaged),
        isBlock: false,
        type: "map",
        storageClassType: "stringMap",
      },
      secondary_values: {
        value: cdktf.hashMapperHcl(cdktf.stringToHclTerraform)(this._secondaryValues),
        isBlock: false,
        type: "map",
        storageClassType: "stringMap",
      },
      secure_values_wo: {
        value: cdktf.hashMapperHcl(cdktf.stringToHclTerraform)(this._secureValuesWo),
        isBlock: false,
        type: "map",
        storageClassType: "stringMap",
      },
      secure_values_wo_version: {
        value: cdktf.numberToHclTerraform(this._secureValuesWoVersion),
        isBlock: false,
        type: "simple",
        storageClassType: "number",
      },
      values: {
        value: cdktf.hashMapperHcl(cdktf.stringToHclTerraform)(this._values),
        isBlock: false,
        type: "map",
        storageClassType: "stringMap",
      },
      timeouts: {
        value: parametersTimeoutsToHclTerraform(this._timeouts.internalValue),
        isBlock: true,
        type: "struct",
        storageClassType: "ParametersTimeouts",
      },
    };

    // remove undefined attributes
    return Object.fromEntries(Object.entries(attrs).filter(([_, value]) => value !== undefined && value.value !== undefined ))
  }
}
