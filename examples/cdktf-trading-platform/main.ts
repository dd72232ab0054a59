// The trading-platform pair (examples/trading-platform/main.tf) as a CDKTF app: four stacks,
// applied in this order and destroyed in reverse (scripts/cdktf-deploy):
//   shared     network, global database, order table, shared parameters, buckets, event bus
//   primary    us-east-1's own parameters, naming its half of every shared store
//   secondary  us-east-2's own parameters
//   service    order pipeline, regional APIs, DNS failover, region health, orchestrator
// Synth-time settings come from the environment: DRPAIR_STATE_DIR (default ./state) and
// DRPAIR_PACKAGES_DIR (default ../../lambda/dist, built by `make lambda`).
import * as path from "path";
import { App } from "cdktf";
import { PRIMARY, SECONDARY } from "./lib/pair-stack";
import { RegionStack } from "./lib/region";
import { ServiceStack } from "./lib/service";
import { SharedStack } from "./lib/shared";

const stateDir = path.resolve(process.env.DRPAIR_STATE_DIR ?? "state");
const packagesDir = path.resolve(process.env.DRPAIR_PACKAGES_DIR ?? path.join("..", "..", "lambda", "dist"));

const app = new App();
const shared = new SharedStack(app, "shared", { stateDir });
const primary = new RegionStack(app, "primary", { stateDir, shared, region: PRIMARY });
const secondary = new RegionStack(app, "secondary", { stateDir, shared, region: SECONDARY });
new ServiceStack(app, "service", { stateDir, shared, primary, secondary, packagesDir });
app.synth();
