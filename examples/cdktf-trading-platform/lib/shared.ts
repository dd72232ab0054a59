// The shared stack: the data and its replication, applied first and destroyed last. Every
// resource here is one pair across both regions (the provider's unit), and these are the ones
// whose state is the business: losing this stack's state is losing track of the data.
import { Construct } from "constructs";
import { TerraformVariable } from "cdktf";
import { EventBus } from "../.gen/providers/drpair/event-bus";
import { GlobalDatabase } from "../.gen/providers/drpair/global-database";
import { Network } from "../.gen/providers/drpair/network";
import { Parameters } from "../.gen/providers/drpair/parameters";
import { ReplicatedBucket } from "../.gen/providers/drpair/replicated-bucket";
import { SessionTable } from "../.gen/providers/drpair/session-table";
import { PairStack, PairStackProps, PRIMARY } from "./pair-stack";

export class SharedStack extends PairStack {
  readonly network: Network;
  readonly database: GlobalDatabase;
  readonly orders: SessionTable;
  readonly config: Parameters;
  readonly configBucket: ReplicatedBucket;
  readonly auditBucket: ReplicatedBucket;
  readonly events: EventBus;

  constructor(scope: Construct, id: string, props: PairStackProps) {
    super(scope, id, props);
    const masterPassword = new TerraformVariable(this, "master_password", {
      type: "string",
      sensitive: true, // only ever sent to a write-only argument: never in plan or state
    });

    this.network = new Network(this, "core", {
      name: "core",
      primaryCidr: "10.10.0.0/16",
      secondaryCidr: "10.20.0.0/16",
    });

    this.database = new GlobalDatabase(this, "orders_db", {
      name: "orders",
      engineVersion: "15.4",
      instanceClass: "db.r6g.large",
      primaryInstanceCount: 1,
      secondaryInstanceCount: 1,
      databaseName: "orders",
      masterUsername: "trader",
      masterPasswordWo: masterPassword.stringValue,
      masterPasswordWoVersion: 1,
      maxRpoSeconds: 20,
      primarySubnetIds: this.network.primary.subnetIds,
      secondarySubnetIds: this.network.secondary.subnetIds,
      primarySecurityGroupIds: [this.network.primary.databaseSecurityGroupId],
      secondarySecurityGroupIds: [this.network.secondary.databaseSecurityGroupId],
    });

    // The order store, one item per order id.
    this.orders = new SessionTable(this, "orders_table", { name: "orders", hashKey: "order_id" });

    // Equal in both regions (the readiness check may compare them); `active_region` is the
    // orchestrator's to change, so Terraform writes it once and never reverts it.
    this.config = new Parameters(this, "config", {
      name: "config",
      values: { orders_table: this.orders.id },
      runtimeManaged: { active_region: PRIMARY },
    });

    this.configBucket = new ReplicatedBucket(this, "config_bucket", { name: "config" });
    this.auditBucket = new ReplicatedBucket(this, "audit_bucket", { name: "audit", flavour: "audit" });

    // Order events, archived in both regions and forwarded to the other.
    this.events = new EventBus(this, "events", { name: "events" });
  }

  /** The database's cluster in `region` (`clusters["<region>"]` in HCL). The generated map's
   * get() puts the key into the expression as it is, so a key that is not an identifier
   * (a region has dashes) must come quoted. */
  cluster(region: string) {
    return this.database.clusters.get(JSON.stringify(region));
  }
}
