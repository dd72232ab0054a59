// What every stack of the app shares: the drpair provider (one per stack, configured alike),
// the variables a deploy passes in, and a local state file in one directory so cross-stack
// references can read each other's outputs (CDKTF wires them through terraform_remote_state).
import * as path from "path";
import { Construct } from "constructs";
import { LocalBackend, TerraformStack, TerraformVariable, Token } from "cdktf";
import { DrpairProvider } from "../.gen/providers/drpair/provider";

export const PRIMARY = "us-east-1";
export const SECONDARY = "us-east-2";

export interface PairStackProps {
  /** Where each stack keeps `<stack>.tfstate`; the stacks read each other's from here. */
  readonly stateDir: string;
}

export class PairStack extends TerraformStack {
  readonly suffix: string;

  constructor(scope: Construct, id: string, props: PairStackProps) {
    super(scope, id);
    new LocalBackend(this, { path: path.join(props.stateDir, `${id}.tfstate`) });

    // Set per deploy, the same for every stack (TF_VAR_endpoint_url, TF_VAR_suffix).
    const endpoint = new TerraformVariable(this, "endpoint_url", {
      type: "string",
      nullable: true,
      default: Token.nullValue(),
      description: "AWS endpoint for every call (the local stand-in); null: real AWS",
    });
    const suffix = new TerraformVariable(this, "suffix", {
      type: "string",
      default: "ab12cd",
      description: "environment_suffix: the last part of every AWS name",
    });
    this.suffix = suffix.stringValue;

    new DrpairProvider(this, "drpair", {
      environment: "prod",
      environmentSuffix: suffix.stringValue,
      endpointUrl: endpoint.stringValue,
      primaryRegion: PRIMARY,
      secondaryRegion: SECONDARY,
    });
  }
}
