// https://registry.terraform.io/providers/drpair/drpair/0.1.0/docs
// generated from terraform resource schema

import { Construct } from 'constructs';
import * as cdktf from 'cdktf';

// Configuration

export interface DrpairProviderConfig {
  /**
  * Tags added to every AWS object the provider creates.
  *
  * Docs at Terraform Registry: {@link https://registry.terraform.io/providers/drpair/drpair/0.1.0/docs#default_tags DrpairProvider#default_tags}
  */
  readonly defaultTags?: { [key: string]: string };
  /**
  * Send every AWS call to this endpoint (for the local AWS stand-in). `AWS_ENDPOINT_URL` does the same from the environment.
  *
  * Docs at Terraform Registry: {@link https://registry.terraform.io/providers/drpair/drpair/0.1.0/docs#endpoint_url DrpairProvider#endpoint_url}
  */
  readonly endpointUrl?: string;
  /**
  * Environment name in every AWS name (`<resource-type>-<environment>-<suffix>`): lowercase letters, digits, hyphens, at most 16. Default `dev`.
  *
  * Docs at Terraform Registry: {@link https://registry.terraform.io/providers/drpair/drpair/0.1.0/docs#environment DrpairProvider#environment}
  */
  readonly environment?: string;
  /**
  * Suffix that makes names unique per deployment: lowercase letters, digits, hyphens, at most 12.
  *
  * Docs at Terraform Registry: {@link https://registry.terraform.io/providers/drpair/drpair/0.1.0/docs#environment_suffix DrpairProvider#environment_suffix}
  */
  readonly environmentSuffix: string;
  /**
  * Home region, where writers live in normal operation. Default `us-east-1`.
  *
  * Docs at Terraform Registry: {@link https://registry.terraform.io/providers/drpair/drpair/0.1.0/docs#primary_region DrpairProvider#primary_region}
  */
  readonly primaryRegion?: string;
  /**
  * Shared config/credentials profile to use.
  *
  * Docs at Terraform Registry: {@link https://registry.terraform.io/providers/drpair/drpair/0.1.0/docs#profile DrpairProvider#profile}
  */
  readonly profile?: string;
  /**
  * Recovery region. Default `us-east-2`. Must differ from `primary_region`.
  *
  * Docs at Terraform Registry: {@link https://registry.terraform.io/providers/drpair/drpair/0.1.0/docs#secondary_region DrpairProvider#secondary_region}
  */
  readonly secondaryRegion?: string;
  /**
  * Alias name
  *
  * Docs at Terraform Registry: {@link https://registry.terraform.io/providers/drpair/drpair/0.1.0/docs#alias DrpairProvider#alias}
  */
  readonly alias?: string;
  /**
  * assume_role block
  *
  * Docs at Terraform Registry: {@link https://registry.terraform.io/providers/drpair/drpair/0.1.0/docs#assume_role DrpairProvider#assume_role}
  */
  readonly assumeRole?: DrpairProviderAssumeRole;
}
export interface DrpairProviderAssumeRole {
  /**
  * External id the role's trust policy requires.
  *
  * Docs at Terraform Registry: {@link https://registry.terraform.io/providers/drpair/drpair/0.1.0/docs#external_id DrpairProvider#external_id}
  */
  readonly externalId?: string;
  /**
  * ARN of the role to assume.
  *
  * Docs at Terraform Registry: {@link https://registry.terraform.io/providers/drpair/drpair/0.1.0/docs#role_arn DrpairProvider#role_arn}
  */
  readonly roleArn: string;
  /**
  * Session name recorded in CloudTrail. Default `drpair`.
  *
  * Docs at Terraform Registry: {@link https://registry.terraform.io/providers/drpair/drpair/0.1.0/docs#session_name DrpairProvider#session_name}
  */
  readonly sessionName?: string;
}

export function drpairProviderAssumeRoleToTerraform(struct?: DrpairProviderAssumeRole | cdktf.IResolvable): any {
  if (!cdktf.canInspect(struct) || cdktf.Tokenization.isResolvable(struct)) { return struct; }
  if (cdktf.isComplexElement(struct)) {
    throw new Error("A complex element was used as configuration, this is not supported: https://cdk.tf/complex-object-as-configuration");
  }
  return {
    external_id: cdktf.stringToTerraform(struct!.externalId),
    role_arn: cdktf.stringToTerraform(struct!.roleArn),
    session_name: cdktf.stringToTerraform(struct!.sessionName),
  }
}


export function drpairProviderAssumeRoleToHclTerraform(struct?: DrpairProviderAssumeRole | cdktf.IResolvable): any {
  if (!cdktf.canInspect(struct) || cdktf.Tokenization.isResolvable(struct)) { return struct; }
  if (cdktf.isComplexElement(struct)) {
    throw new Error("A complex element was used as configuration, this is not supported: https://cdk.tf/complex-object-as-configuration");
  }
  const attrs = {
    external_id: {
      value: cdktf.stringToHclTerraform(struct!.externalId),
      isBlock: false,
      type: "simple",
      storageClassType: "string",
    },
    role_arn: {
      value: cdktf.stringToHclTerraform(struct!.roleArn),
      isBlock: false,
      type: "simple",
      storageClassType: "string",
    },
    session_name: {
      value: cdktf.stringToHclTerraform(struct!.sessionName),
      isBlock: false,
      type: "simple",
      storageClassType: "string",
    },
  };

  // remove undefined attributes
  return Object.fromEntries(Object.entries(attrs).filter(([_, value]) => value !== undefined && value.value !== undefined));
}


/**
* Represents a {@link https://registry.terraform.io/providers/drpair/drpair/0.1.0/docs drpair}
*/
export class DrpairProvider extends cdktf.TerraformProvider {

  // =================
  // STATIC PROPERTIES
  // =================
  public static readonly tfResourceType = "drpair";

  // ==============
  // STATIC Methods
  // ==============
  /**
  * Generates CDKTF code for importing a DrpairProvider resource upon running "cdktf plan <stack-name>"
  * @param scope The scope in which to define this construct
  * @param importToId The construct id used in the generated config for the DrpairProvider to import
  * @param importFromId The id of the existing DrpairProvider that should be imported. Refer to the {@link https://registry.terraform.io/providers/drpair/drpair/0.1.0/docs#import import section} in the documentation of this resource for the id to use
  * @param provider? Optional instance of the provider where the DrpairProvider to import is found
  */
  public static generateConfigForImport(scope: Construct, importToId: string, importFromId: string, provider?: cdktf.TerraformProvider) {
        return new cdktf.ImportableResource(scope, importToId, { terraformResourceType: "drpair", importId: importFromId, provider });
      }

  // ===========
  // INITIALIZER
  // ===========

  /**
  * Create a new {@link https://registry.terraform.io/providers/drpair/drpair/0.1.0/docs drpair} Resource
  *
  * @param scope The scope in which to define this construct
  * @param id The scoped construct ID. Must be unique amongst siblings in the same scope
  * @param options DrpairProviderConfig
  */
  public constructor(scope: Construct, id: string, config: DrpairProviderConfig) {
    super(scope, id, {
      terraformResourceType: 'drpair',
      terraformGeneratorMetadata: {
        providerName: 'drpair',
        providerVersion: '0.1.0',
        providerVersionConstraint: '0.1.0'
      },
      terraformProviderSource: 'drpair/drpair'
    });
    this._defaultTags = config.defaultTags;
    this._endpointUrl = config.endpointUrl;
    this._environment = config.environment;
    this._environmentSuffix = config.environmentSuffix;
    this._primaryRegion = config.primaryRegion;
    this._profile = config.profile;
    this._secondaryRegion = config.secondaryRegion;
    this._alias = config.alias;
    this._assumeRole = config.assumeRole;
  }

  // ==========
  // ATTRIBUTES
  // ==========

  // default_tags - computed: false, optional: true, required: false
  private _defaultTags?: { [key: string]: string }; 
  public get defaultTags() {
    return this._defaultTags;
  }
  public set defaultTags(value: { [key: string]: string } | undefined) {
    this._defaultTags = value;
  }
  public resetDefaultTags() {
    this._defaultTags = undefined;
  }
  // Temporarily expose input value. Use with caution.
  public get defaultTagsInput() {
    return this._defaultTags;
  }

  // endpoint_url - computed: false, optional: true, required: false
  private _endpointUrl?: string; 
  public get endpointUrl() {
    return this._endpointUrl;
  }
  public set endpointUrl(value: string | undefined) {
    this._endpointUrl = value;
  }
  public resetEndpointUrl() {
    this._endpointUrl = undefined;
  }
  // Temporarily expose input value. Use with caution.
  public get endpointUrlInput() {
    return this._endpointUrl;
  }

  // environment - computed: false, optional: true, required: false
  private _environment?: string; 
  public get environment() {
    return this._environment;
  }
  public set environment(value: string | undefined) {
    this._environment = value;
  }
  public resetEnvironment() {
    this._environment = undefined;
  }
  // Temporarily expose input value. Use with caution.
  public get environmentInput() {
    return this._environment;
  }

  // environment_suffix - computed: false, optional: false, required: true
  private _environmentSuffix?: string; 
  public get environmentSuffix() {
    return this._environmentSuffix;
  }
  public set environmentSuffix(value: string | undefined) {
    this._environmentSuffix = value;
  }
  // Temporarily expose input value. Use with caution.
  public get environmentSuffixInput() {
    return this._environmentSuffix;
  }

  // primary_region - computed: false, optional: true, required: false
  private _primaryRegion?: string; 
  public get primaryRegion() {
    return this._primaryRegion;
  }
  public set primaryRegion(value: string | undefined) {
    this._primaryRegion = value;
  }
  public resetPrimaryRegion() {
    this._primaryRegion = undefined;
  }
  // Temporarily expose input value. Use with caution.
  public get primaryRegionInput() {
    return this._primaryRegion;
  }

  // profile - computed: false, optional: true, required: false
  private _profile?: string; 
  public get profile() {
    return this._profile;
  }
  public set profile(value: string | undefined) {
    this._profile = value;
  }
  public resetProfile() {
    this._profile = undefined;
  }
  // Temporarily expose input value. Use with caution.
  public get profileInput() {
    return this._profile;
  }

  // secondary_region - computed: false, optional: true, required: false
  private _secondaryRegion?: string; 
  public get secondaryRegion() {
    return this._secondaryRegion;
  }
  public set secondaryRegion(value: string | undefined) {
    this._secondaryRegion = value;
  }
  public resetSecondaryRegion() {
    this._secondaryRegion = undefined;
  }
  // Temporarily expose input value. Use with caution.
  public get secondaryRegionInput() {
    return this._secondaryRegion;
  }

  // alias - computed: false, optional: true, required: false
  private _alias?: string; 
  public get alias() {
    return this._alias;
  }
  public set alias(value: string | undefined) {
    this._alias = value;
  }
  public resetAlias() {
    this._alias = undefined;
  }
  // Temporarily expose input value. Use with caution.
  public get aliasInput() {
    return this._alias;
  }

  // assume_role - computed: false, optional: true, required: false
  private _assumeRole?: DrpairProviderAssumeRole; 
  public get assumeRole() {
    return this._assumeRole;
  }
  public set assumeRole(value: DrpairProviderAssumeRole | undefined) {
    this._assumeRole = value;
  }
  public resetAssumeRole() {
    this._assumeRole = undefined;
  }
  // Temporarily expose input value. Use with caution.
  public get assumeRoleInput() {
    return this._assumeRole;
  }

  // =========
  // SYNTHESIS
  // =========

  protected synthesizeAttributes(): { [name: string]: any } {
    return {
      default_tags: cdktf.hashMapper(cdktf.stringToTerraform)(this._defaultTags),
      endpoint_url: cdktf.stringToTerraform(this._endpointUrl),
      environment: cdktf.stringToTerraform(this._environment),
      environment_suffix: cdktf.stringToTerraform(this._environmentSuffix),
      primary_region: cdktf.stringToTerraform(this._primaryRegion),
      profile: cdktf.stringToTerraform(this._profile),
      secondary_region: cdktf.stringToTerraform(this._secondaryRegion),
      alias: cdktf.stringToTerraform(this._alias),
      assume_role: drpairProviderAssumeRoleToTerraform(this._assumeRole),
    };
  }

  protected synthesizeHclAttributes(): { [name: string]: any } {
    const attrs = {
      default_tags: {
        value: cdktf.hashMapperHcl(cdktf.stringToHclTerraform)(this._defaultTags),
        isBlock: false,
        type: "map",
        storageClassType: "stringMap",
      },
      endpoint_url: {
        value: cdktf.stringToHclTerraform(this._endpointUrl),
        isBlock: false,
        type: "simple",
        storageClassType: "string",
      },
      environment: {
        value: cdktf.stringToHclTerraform(this._environment),
        isBlock: false,
        type: "simple",
        storageClassType: "string",
      },
      environment_suffix: {
        value: cdktf.stringToHclTerraform(this._environmentSuffix),
        isBlock: false,
        type: "simple",
        storageClassType: "string",
      },
      primary_region: {
        value: cdktf.stringToHclTerraform(this._primaryRegion),
        isBlock: false,
        type: "simple",
        storageClassType: "string",
      },
      profile: {
        value: cdktf.stringToHclTerraform(this._profile),
        isBlock: false,
        type: "simple",
        storageClassType: "string",
      },
      secondary_region: {
        value: cdktf.stringToHclTerraform(this._secondaryRegion),
        isBlock: false,
        type: "simple",
        storageClassType: "string",
      },
      alias: {
        value: cdktf.stringToHclTerraform(this._alias),
        isBlock: false,
        type: "simple",
        storageClassType: "string",
      },
      assume_role: {
        value: drpairProviderAssumeRoleToHclTerraform(this._assumeRole),
        isBlock: true,
        type: "struct",
        storageClassType: "DrpairProviderAssumeRole",
      },
    };

    // remove undefined attributes
    return Object.fromEntries(Object.entries(attrs).filter(([_, value]) => value !== undefined && value.value !== undefined ))
  }
}
