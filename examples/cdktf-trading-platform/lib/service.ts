// The service stack: the order service and what moves it between regions, applied last. These
// pairs are code and routing rather than data: the same Lambda package proved identical in both
// regions, an API per region behind one failover record, one health signal per region, and the
// orchestrator that acts from whichever region survives.
import * as path from "path";
import { Construct } from "constructs";
import { Fn, TerraformOutput, TerraformVariable, Token } from "cdktf";
import { DnsFailover } from "../.gen/providers/drpair/dns-failover";
import { FailoverOrchestrator } from "../.gen/providers/drpair/failover-orchestrator";
import { OrderPipeline } from "../.gen/providers/drpair/order-pipeline";
import { RegionHealth } from "../.gen/providers/drpair/region-health";
import { RegionalApi } from "../.gen/providers/drpair/regional-api";
import { PairStack, PairStackProps, PRIMARY, SECONDARY } from "./pair-stack";
import { RegionStack } from "./region";
import { SharedStack } from "./shared";

export interface ServiceStackProps extends PairStackProps {
  readonly shared: SharedStack;
  readonly primary: RegionStack;
  readonly secondary: RegionStack;
  /** Directory holding order-processor.zip and readiness.zip (`make lambda`). */
  readonly packagesDir: string;
}

export class ServiceStack extends PairStack {
  constructor(scope: Construct, id: string, props: ServiceStackProps) {
    super(scope, id, props);
    const { shared, primary, secondary } = props;
    const zone = new TerraformVariable(this, "zone_name", { type: "string", default: "trading.example.com" });
    const heartbeat = new TerraformVariable(this, "heartbeat_interval_seconds", { type: "number", default: 10 });
    const missed = new TerraformVariable(this, "missed_heartbeats", { type: "number", default: 3 });
    const failbackAfter = new TerraformVariable(this, "failback_after_seconds", { type: "number", default: 300 });
    const apiDomain = `api.${zone.stringValue}`;

    const pipeline = new OrderPipeline(this, "orders", {
      name: "orders",
      packagePath: path.join(props.packagesDir, "order-processor.zip"),
      tableArns: Fn.values(shared.orders.tableArns),
      environment: {
        ORDERS_TABLE: shared.orders.id,
        // The queue has the pipeline's name in both regions; each copy finds its own region's.
        ORDERS_QUEUE_NAME: `orders-prod-${this.suffix}`,
        // Each region's own settings (the region stacks), by region.
        SITE_PARAMETERS: Fn.jsonencode({ [PRIMARY]: primary.site.path, [SECONDARY]: secondary.site.path }),
      },
    });

    const api = new RegionalApi(this, "api", {
      name: "api",
      primaryFunctionArn: pipeline.primary.functionArn,
      secondaryFunctionArn: pipeline.secondary.functionArn,
      domainName: apiDomain,
    });

    // Traffic follows health, or one metric the orchestrator puts.
    const dns = new DnsFailover(this, "dns", {
      zoneName: zone.stringValue,
      recordName: apiDomain,
      primary: {
        domainName: api.primary.regionalDomainName,
        zoneId: api.primary.regionalZoneId,
        healthFqdn: api.primary.healthFqdn,
        healthPath: api.primary.healthPath,
      },
      secondary: {
        domainName: api.secondary.regionalDomainName,
        zoneId: api.secondary.regionalZoneId,
        healthFqdn: api.secondary.healthFqdn,
        healthPath: api.secondary.healthPath,
      },
    });

    // One "region unhealthy" composite alarm per region.
    const db = shared.database;
    const health = new RegionHealth(this, "health", {
      name: "health",
      primaryAlarmNames: Fn.concat([pipeline.primary.alarmNames, api.primary.alarmNames]),
      secondaryAlarmNames: Fn.concat([pipeline.secondary.alarmNames, api.secondary.alarmNames]),
      primaryHealthCheckId: dns.healthCheckIds.primary,
      primaryDbClusterId: shared.cluster(PRIMARY).identifier,
      secondaryDbClusterId: shared.cluster(SECONDARY).identifier,
    });

    const alarm = dns.controlAlarm;
    const orchestrator = new FailoverOrchestrator(this, "dr", {
      name: "dr",
      globalClusterId: db.globalClusterId,
      primaryClusterArn: shared.cluster(PRIMARY).arn,
      secondaryClusterArn: shared.cluster(SECONDARY).arn,
      readinessPackagePath: path.join(props.packagesDir, "readiness.zip"),
      readinessFunctionNames: [pipeline.primary.functionName],
      // Field by field: the generated config type of a nested object does not accept another
      // resource's computed object of the same shape (HCL passes it whole).
      controlAlarm: {
        name: alarm.name,
        region: alarm.region,
        namespace: alarm.namespace,
        metricName: alarm.metricName,
        dimensions: Token.asStringMap(alarm.dimensions),
        threshold: alarm.threshold,
      },
      primaryEventSourceMappingIds: [pipeline.primary.eventSourceMappingId],
      secondaryEventSourceMappingIds: [pipeline.secondary.eventSourceMappingId],
      primaryHealthAlarmName: health.primary.compositeAlarmName,
      secondaryHealthAlarmName: health.secondary.compositeAlarmName,
      activeRegionParameter: `${shared.config.path}/active_region`,
      heartbeatIntervalSeconds: heartbeat.numberValue,
      missedHeartbeats: missed.numberValue,
      autoFailback: true,
      failbackAfterSeconds: failbackAfter.numberValue,
      rtoTargetSeconds: 120,
      dnsDetectionSeconds: dns.detectionSeconds,
      databaseMaxRpoSeconds: db.rpoBoundSeconds,
      sessionTableConsistency: shared.orders.consistency,
    });

    // Recovery objectives, computed at plan time from the configuration.
    new TerraformOutput(this, "rto_budget_seconds", { value: orchestrator.rtoBudgetSeconds });
    new TerraformOutput(this, "rto_breakdown", { value: orchestrator.rtoBreakdown });
    new TerraformOutput(this, "rpo_bounds", { value: orchestrator.rpoBounds });
    new TerraformOutput(this, "record_name", { value: dns.id });
    new TerraformOutput(this, "active_region_parameter", { value: orchestrator.activeRegionParameterName });
  }
}
