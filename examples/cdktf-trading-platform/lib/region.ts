// A region stack: what belongs to ONE region and nothing else. drpair's resources are pairs
// (each owns its primary and secondary halves, so one `terraform apply` can prove both halves
// equal), which leaves a region stack only the region's own settings: SSM parameters written
// to that region alone (`primary_values` or `secondary_values`), naming that region's
// replica of every shared store. Changing one region's stack never plans a change in the other
// region or in the shared stack. See README.md, "Why these stacks".
import { Construct } from "constructs";
import { Fn } from "cdktf";
import { Parameters } from "../.gen/providers/drpair/parameters";
import { PairStack, PairStackProps, PRIMARY } from "./pair-stack";
import { SharedStack } from "./shared";

export interface RegionStackProps extends PairStackProps {
  readonly region: string;
  readonly shared: SharedStack;
}

export class RegionStack extends PairStack {
  readonly region: string;
  readonly site: Parameters;

  constructor(scope: Construct, id: string, props: RegionStackProps) {
    super(scope, id, props);
    const { shared, region } = props;
    const isPrimary = region === PRIMARY;
    const bucket = isPrimary ? shared.configBucket.primary : shared.configBucket.secondary;
    const audit = isPrimary ? shared.auditBucket.primary : shared.auditBucket.secondary;
    const net = isPrimary ? shared.network.primary : shared.network.secondary;
    const bus = isPrimary ? shared.events.primary : shared.events.secondary;
    this.region = region;

    // Cross-stack references: each value below is an output of the shared stack, read here
    // through terraform_remote_state (CDKTF writes both sides).
    const values = {
      home: String(isPrimary), // the pair's home region (failback target)
      db_cluster: shared.cluster(region).identifier,
      db_reader_endpoint: shared.cluster(region).readerEndpoint,
      orders_table_arn: Fn.lookup(shared.orders.tableArns, region, ""),
      config_bucket: bucket.bucket,
      audit_bucket: audit.bucket,
      event_bus: bus.busName,
      vpc_id: net.vpcId,
    };
    this.site = new Parameters(this, "site", {
      name: id, // path /<primary|secondary>-prod-<suffix>, in this region only
      ...(isPrimary ? { primaryValues: values } : { secondaryValues: values }),
    });
  }
}
