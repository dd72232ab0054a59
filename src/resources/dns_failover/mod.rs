//! `drpair_dns_failover`: Route 53 failover between the pair's regional APIs.
//!
//! - [`schema`], [`plan`], [`model`]: the schema; validation and planning (pure)
//! - [`route53`]: zone, health checks and records; [`alarm`]: the control alarm
//!
//! Every part carries a CallerReference (or name) derived from the environment and the record
//! name, so create, update and repair are one converge that adopts what an interrupted run
//! left: zone, control alarm, the four health checks, then all records in one change batch,
//! then health checks nothing routes on any more.

mod alarm;
mod model;
mod plan;
mod route53;
mod schema;

use std::time::{Duration, SystemTime, UNIX_EPOCH};

use aws_sdk_route53::types::{HealthCheckType, ResourceRecordSet, ResourceRecordSetFailover, Tag};

use crate::aws::AwsError;
use crate::aws::wait::{Waiter, parse_duration};
use crate::provider::Configured;
use crate::resources::{
    OpCtx, Outcome, PlanRequest, PlanResponse, Resource, finish_import, inventory_item, without_unknowns,
};
use crate::tfplugin::diag::Diagnostics;
use crate::tfplugin::schema::Schema;
use crate::tfplugin::value::Value;

use model::{
    DEFAULT_TTL, Endpoint, PART_COMBINED, PART_CONTROL, PART_ZONE, ROLES, Want, Zone, bare, caller_prefix,
    control_alarm_value, detection_seconds, key_prefix, ttl_from_description,
};
use route53::{Check, CheckWant};

const DEFAULT_TIMEOUT: Duration = Duration::from_secs(600);

pub struct DnsFailover {
    schema: Schema,
}

impl DnsFailover {
    pub fn new() -> Self {
        DnsFailover { schema: schema::schema() }
    }
}

/// Names that follow from the provider and the record name alone.
struct Names {
    record: String,
    key: String,
    alarm: String,
    alarm_region: String,
    base: String,
}

impl Names {
    fn new(p: &Configured, record_name: &str) -> Names {
        let s = &p.settings;
        let base = s.name("dns-failover");
        Names {
            record: bare(record_name),
            key: key_prefix(&s.environment, &s.environment_suffix, record_name),
            alarm: model::alarm_name(&base, record_name),
            alarm_region: s.secondary_region.clone(),
            base,
        }
    }
    fn part(&self, part: &str) -> String {
        caller_prefix(&self.key, part)
    }
    /// A fresh CallerReference: Route 53 refuses one that a deleted object used.
    fn new_ref(&self, part: &str) -> String {
        let ms = SystemTime::now().duration_since(UNIX_EPOCH).map(|d| d.as_millis()).unwrap_or_default();
        format!("{}{ms}", self.part(part))
    }
    fn tags(&self, p: &Configured, part: &str) -> Vec<Tag> {
        let mut tags = p.tags("drpair_dns_failover", &self.record);
        tags.push(("Name".into(), format!("{}-{part}", self.base)));
        tags.into_iter().map(|(k, v)| Tag::builder().key(k).value(v).build()).collect()
    }
}

fn error(verb: &str, id: &str, e: &AwsError) -> Diagnostics {
    let mut d = Diagnostics::default();
    d.error(format!("{verb} DNS failover ({id})"), e.to_string());
    d
}

fn waiter(ctx: &OpCtx, state: &Value, op: &str) -> Waiter {
    let t = state.get("timeouts").get(op).as_str().and_then(parse_duration).unwrap_or(DEFAULT_TIMEOUT);
    Waiter::new(t, Some(ctx.stop.clone()))
}

/// The newest of our checks for a part, preferring one something routes on.
fn pick<'a>(checks: &'a [Check], prefix: &str, referenced: &[&str]) -> Option<&'a Check> {
    let mine = checks.iter().filter(|c| c.caller_ref.starts_with(prefix));
    mine.max_by_key(|c| (referenced.contains(&c.id.as_str()), c.caller_ref.clone()))
}

/// Makes one health check as wanted: adopt a compatible one (updating it in place), or create.
async fn ensure_check(
    p: &Configured,
    n: &Names,
    checks: &[Check],
    part: &str,
    want: &CheckWant,
) -> Result<String, AwsError> {
    let r53 = p.route53();
    let prefix = n.part(part);
    let compatible: Vec<Check> = checks
        .iter()
        .filter(|c| c.caller_ref.starts_with(&prefix) && want.compatible(&c.config))
        .cloned()
        .collect();
    let exact: Vec<&str> =
        compatible.iter().filter(|c| want.matches(&c.config)).map(|c| c.id.as_str()).collect();
    if let Some(c) = pick(&compatible, &prefix, &exact) {
        if !want.matches(&c.config) {
            route53::update_check(&r53, c, want).await?;
        }
        return Ok(c.id.clone());
    }
    route53::create_check(&r53, &n.new_ref(part), want, &n.tags(p, part)).await
}

async fn ensure_zone(p: &Configured, n: &Names, zone: &Zone) -> Result<String, AwsError> {
    let r53 = p.route53();
    match zone {
        Zone::Existing(id) => match route53::get_zone(&r53, id).await? {
            Some(z) => Ok(z.id),
            None => Err(AwsError::Api {
                code: "NoSuchHostedZone".into(),
                message: format!("hosted zone {id} (zone_id) does not exist"),
                request_id: None,
            }),
        },
        Zone::Create(name) => match route53::owned_zones(&r53, name, &n.part(PART_ZONE)).await?.first() {
            Some(z) => Ok(z.id.clone()),
            None => route53::create_zone(&r53, name, &n.new_ref(PART_ZONE), &n.tags(p, PART_ZONE)).await,
        },
    }
}

/// Zone, alarm, checks, records (one batch), then checks nothing routes on any more.
async fn converge(p: &Configured, n: &Names, want: &Want, waiter: &Waiter) -> Result<(), AwsError> {
    let r53 = p.route53();
    let zone = ensure_zone(p, n, &want.zone).await?;
    let tags = p.tags("drpair_dns_failover", &n.record);
    alarm::put(&p.cloudwatch(&n.alarm_region), &n.alarm, &n.record, want.ttl, &tags).await?;

    let checks = route53::owned_checks(&r53, &n.key).await?;
    let endpoint = |e: &Endpoint| CheckWant::Endpoint {
        endpoint: e.clone(),
        interval: want.interval,
        threshold: want.threshold,
    };
    let primary = ensure_check(p, n, &checks, ROLES[0], &endpoint(&want.endpoints[0])).await?;
    let secondary = ensure_check(p, n, &checks, ROLES[1], &endpoint(&want.endpoints[1])).await?;
    let control_want = CheckWant::Control { region: n.alarm_region.clone(), alarm: n.alarm.clone() };
    let control = ensure_check(p, n, &checks, PART_CONTROL, &control_want).await?;
    let combined_want = CheckWant::Combined { children: vec![primary.clone(), control.clone()] };
    let combined = ensure_check(p, n, &checks, PART_COMBINED, &combined_want).await?;

    let desired = [
        route53::failover_record(&n.record, &want.set_ids[0], true, &combined, &want.endpoints[0]),
        route53::failover_record(&n.record, &want.set_ids[1], false, &secondary, &want.endpoints[1]),
    ];
    let current = route53::a_records(&r53, &zone, &n.record).await?;
    let changes = route53::batch(&current, &desired);
    if !changes.is_empty() {
        let id = route53::change(&r53, &zone, changes, "drpair_dns_failover").await?;
        route53::wait_insync(&r53, waiter, &id).await?;
    }

    // Only now that the records route on the chosen checks: calculated ones first, since
    // Route 53 refuses to delete a check a calculated check still watches.
    let keep = [primary, secondary, control, combined];
    let mut stale: Vec<&Check> = checks.iter().filter(|c| !keep.contains(&c.id)).collect();
    stale.sort_by_key(|c| c.config.r#type() != &HealthCheckType::Calculated);
    for c in stale {
        route53::delete_check(&r53, &c.id).await?;
    }
    Ok(())
}

fn failover_of<'a>(
    records: &'a [ResourceRecordSet],
    role: &ResourceRecordSetFailover,
) -> Option<&'a ResourceRecordSet> {
    records.iter().find(|r| r.failover() == Some(role))
}

/// The state as AWS has it (inputs included, so drift shows in the plan); None when the zone
/// is gone (and with it everything).
async fn refresh(p: &Configured, prior: &Value) -> Result<Option<Value>, AwsError> {
    let Some(record) = prior.get("record_name").as_str() else { return Ok(None) };
    let n = Names::new(p, record);
    let r53 = p.route53();
    let zone = match (prior.get("zone_id").as_str(), prior.get("zone_name").as_str()) {
        (Some(id), _) => route53::get_zone(&r53, id).await?,
        (None, Some(name)) => {
            match route53::owned_zones(&r53, &bare(name), &n.part(PART_ZONE)).await?.first() {
                Some(z) => route53::get_zone(&r53, &z.id).await?,
                None => None,
            }
        }
        (None, None) => None,
    };
    let Some(zone) = zone else { return Ok(None) };
    let checks = route53::owned_checks(&r53, &n.key).await?;
    let records = route53::a_records(&r53, &zone.id, &n.record).await?;
    let found_alarm = alarm::find(&p.cloudwatch(&n.alarm_region), &n.alarm).await?;

    let mut state = prior.clone();
    state.set("id", Value::string(&n.record));
    state.set("zone_id", Value::string(&zone.id));
    if !prior.get("zone_name").is_null() {
        state.set("zone_name", Value::string(&zone.name));
    }
    state.set("name_servers", Value::strings(zone.name_servers.clone()));

    // Which of our checks are current: the ones the records (and the combined check) use.
    let primary_rec = failover_of(&records, &ResourceRecordSetFailover::Primary);
    let secondary_rec = failover_of(&records, &ResourceRecordSetFailover::Secondary);
    let combined = pick(
        &checks,
        &n.part(PART_COMBINED),
        &primary_rec.and_then(|r| r.health_check_id()).into_iter().collect::<Vec<_>>(),
    );
    let children: Vec<&str> = combined
        .map(|c| c.config.child_health_checks().iter().map(String::as_str).collect())
        .unwrap_or_default();
    let control = pick(&checks, &n.part(PART_CONTROL), &children);
    let endpoint_checks = [
        pick(&checks, &n.part(ROLES[0]), &children),
        pick(
            &checks,
            &n.part(ROLES[1]),
            &secondary_rec.and_then(|r| r.health_check_id()).into_iter().collect::<Vec<_>>(),
        ),
    ];

    // Interval and threshold as the primary's check has them (else the secondary's).
    if let Some(c) = endpoint_checks.iter().flatten().next() {
        state.set("request_interval", Value::int(c.config.request_interval().unwrap_or(30).into()));
        state.set("failure_threshold", Value::int(c.config.failure_threshold().unwrap_or(3).into()));
    }
    for ((role, check), rec) in ROLES.iter().zip(&endpoint_checks).zip([primary_rec, secondary_rec]) {
        let mut obj = Value::object(
            ["domain_name", "zone_id", "health_fqdn", "health_path", "health_port"]
                .map(|k| (k, prior.get(role).get(k).clone())),
        );
        if let Some(c) = check {
            obj.set("health_fqdn", Value::opt_string(c.config.fully_qualified_domain_name().map(bare)));
            obj.set("health_path", Value::opt_string(c.config.resource_path()));
            obj.set("health_port", c.config.port().map_or(Value::Null, |v| Value::int(v.into())));
        }
        if let Some(alias) = rec.and_then(|r| r.alias_target()) {
            obj.set("domain_name", Value::string(bare(alias.dns_name())));
            obj.set("zone_id", Value::string(alias.hosted_zone_id()));
        }
        state.set(role, obj);
    }

    // A check counts (its id is reported) only when it is exactly as wanted; a null id plans
    // an update that puts it right.
    let endpoint_want = |role: &str| {
        Some(CheckWant::Endpoint {
            endpoint: Endpoint::from(state.get(role))?,
            interval: state.get("request_interval").as_i64()? as i32,
            threshold: state.get("failure_threshold").as_i64()? as i32,
        })
    };
    let id_if = |c: Option<&Check>, want: Option<CheckWant>| match (c, want) {
        (Some(c), Some(w)) if w.matches(&c.config) => Value::string(&c.id),
        _ => Value::Null,
    };
    let primary_id = id_if(endpoint_checks[0], endpoint_want(ROLES[0]));
    let secondary_id = id_if(endpoint_checks[1], endpoint_want(ROLES[1]));
    let control_id =
        id_if(control, Some(CheckWant::Control { region: n.alarm_region.clone(), alarm: n.alarm.clone() }));
    let combined_want = match (endpoint_checks[0], control) {
        (Some(a), Some(b)) => Some(CheckWant::Combined { children: vec![a.id.clone(), b.id.clone()] }),
        _ => None,
    };
    let combined_id = id_if(combined, combined_want);
    // A record is ours as configured only when it routes on the right check (and on it alone,
    // not on the target's health); else its set identifier is reported null and the plan
    // shows the record being put back.
    let routed = |rec: Option<&ResourceRecordSet>, check: &Value| {
        rec.filter(|r| r.health_check_id().is_some() && r.health_check_id() == check.as_str())
            .filter(|r| r.alias_target().is_some_and(|a| !a.evaluate_target_health()))
            .and_then(|r| r.set_identifier())
            .map_or(Value::Null, Value::string)
    };
    state.set("primary_set_identifier", routed(primary_rec, &combined_id));
    state.set("secondary_set_identifier", routed(secondary_rec, &secondary_id));
    state.set(
        "health_check_ids",
        Value::object([
            ("primary", primary_id),
            ("secondary", secondary_id),
            ("control", control_id),
            ("primary_combined", combined_id),
        ]),
    );

    let alarm_ok = found_alarm.as_ref().filter(|a| alarm::as_wanted(a, &n.record));
    state.set(
        "control_alarm",
        if alarm_ok.is_some() {
            control_alarm_value(&n.alarm, &n.alarm_region, &n.record)
        } else {
            Value::Null
        },
    );
    if state.get("record_ttl_seconds").as_i64().is_none() {
        let ttl = found_alarm.as_ref().and_then(|a| a.alarm_description()).and_then(ttl_from_description);
        state.set("record_ttl_seconds", Value::int(ttl.unwrap_or(DEFAULT_TTL)));
    }
    let detection = match (
        state.get("request_interval").as_i64(),
        state.get("failure_threshold").as_i64(),
        state.get("record_ttl_seconds").as_i64(),
    ) {
        (Some(i), Some(t), Some(ttl)) => Value::int(detection_seconds(i, t, ttl)),
        _ => Value::Null,
    };
    state.set("detection_seconds", detection);

    let mut inventory = vec![inventory_item("route53_hosted_zone", "global", &zone.id)];
    for c in [endpoint_checks[0], endpoint_checks[1], control, combined].into_iter().flatten() {
        inventory.push(inventory_item("route53_health_check", "global", &c.id));
    }
    if found_alarm.is_some() {
        inventory.push(inventory_item("cloudwatch_metric_alarm", &n.alarm_region, &n.alarm));
    }
    for r in [primary_rec, secondary_rec].into_iter().flatten() {
        let id = format!("{}_{}_A_{}", zone.id, n.record, r.set_identifier().unwrap_or_default());
        inventory.push(inventory_item("route53_record", "global", &id));
    }
    state.set("inventory", Value::List(inventory));
    Ok(Some(state))
}

/// Deletes records, checks, alarm and (when ours) the zone; anything already gone is done.
async fn destroy(p: &Configured, prior: &Value) -> Result<(), AwsError> {
    let Some(record) = prior.get("record_name").as_str() else { return Ok(()) };
    let n = Names::new(p, record);
    let r53 = p.route53();
    let checks = route53::owned_checks(&r53, &n.key).await?;
    let zone_name = prior.get("zone_name").as_str().map(bare);
    let mut zones: Vec<String> = prior.get("zone_id").as_str().map(str::to_string).into_iter().collect();
    if let Some(name) = &zone_name {
        for z in route53::owned_zones(&r53, name, &n.part(PART_ZONE)).await? {
            if !zones.contains(&z.id) {
                zones.push(z.id);
            }
        }
    }
    // Our failover records: the ones routing on our checks or carrying our set identifiers.
    let ours_ids: Vec<&str> = checks.iter().map(|c| c.id.as_str()).collect();
    let set_ids: Vec<&str> = ["primary_set_identifier", "secondary_set_identifier"]
        .iter()
        .filter_map(|a| prior.get(a).as_str())
        .collect();
    for zone in &zones {
        if route53::get_zone(&r53, zone).await?.is_none() {
            continue;
        }
        let current = route53::a_records(&r53, zone, &n.record).await?;
        let mine: Vec<ResourceRecordSet> = current
            .into_iter()
            .filter(|r| {
                r.failover().is_some()
                    && (r.health_check_id().is_some_and(|h| ours_ids.contains(&h))
                        || r.set_identifier().is_some_and(|s| set_ids.contains(&s)))
            })
            .collect();
        let changes = route53::batch(&mine, &[]);
        if !changes.is_empty() {
            route53::change(&r53, zone, changes, "drpair_dns_failover destroy").await?;
        }
    }
    let mut ordered: Vec<&Check> = checks.iter().collect();
    ordered.sort_by_key(|c| c.config.r#type() != &HealthCheckType::Calculated);
    for c in ordered {
        route53::delete_check(&r53, &c.id).await?;
    }
    alarm::delete(&p.cloudwatch(&n.alarm_region), &n.alarm).await?;
    if zone_name.is_some() {
        for zone in &zones {
            route53::delete_zone(&r53, zone).await?;
        }
    }
    Ok(())
}

/// Import: find the zone holding failover records at the name (deepest zone first).
async fn import_state(p: &Configured, schema: &Schema, id: &str) -> Result<Option<Value>, AwsError> {
    let n = Names::new(p, id);
    let r53 = p.route53();
    let zones = route53::zones_for(&r53, &n.record).await?;
    let mut chosen = None;
    for z in &zones {
        let records = route53::a_records(&r53, &z.id, &n.record).await?;
        if records.iter().any(|r| r.failover().is_some()) {
            chosen = Some(z.clone());
            break;
        }
    }
    let chosen =
        chosen.or_else(|| zones.iter().find(|z| z.caller_ref.starts_with(&n.part(PART_ZONE))).cloned());
    let Some(zone) = chosen else { return Ok(None) };
    let mut state = Value::object(schema.block.attrs.iter().map(|a| (a.name, Value::Null)));
    for b in &schema.block.blocks {
        state.set(b.name, Value::Null);
    }
    state.set("id", Value::string(&n.record));
    state.set("record_name", Value::string(&n.record));
    state.set("zone_id", Value::string(&zone.id));
    if zone.caller_ref.starts_with(&n.part(PART_ZONE)) {
        state.set("zone_name", Value::string(&zone.name));
    }
    refresh(p, &state).await
}

#[tonic::async_trait]
impl Resource for DnsFailover {
    fn type_name(&self) -> &'static str {
        "drpair_dns_failover"
    }

    fn schema(&self) -> &Schema {
        &self.schema
    }

    fn validate(&self, config: &Value, diags: &mut Diagnostics) {
        plan::validate(config, diags);
    }

    fn plan(&self, req: PlanRequest<'_>, resp: &mut PlanResponse) {
        plan::plan(req, resp);
    }

    async fn apply(&self, ctx: &OpCtx, prior: &Value, planned: &Value, _config: &Value) -> Outcome {
        let p = &ctx.provider;
        let record = planned.get("record_name").as_str().unwrap_or_default().to_string();
        let n = Names::new(p, &record);
        let want = Want::from(planned).expect("inputs are known at apply");
        let op = if prior.is_null() { "create" } else { "update" };
        let result = converge(p, &n, &want, &waiter(ctx, planned, op)).await;
        let mut diags = match &result {
            Ok(_) => Diagnostics::default(),
            Err(e) => error(if prior.is_null() { "Creating" } else { "Updating" }, &record, e),
        };
        // What exists is recorded, also after a failure (the batch either happened or not).
        let mut state = without_unknowns(planned);
        match refresh(p, &state).await {
            Ok(Some(fresh)) => state = fresh,
            Ok(None) if prior.is_null() => state = Value::Null,
            Ok(None) => {}
            Err(e) => diags.extend(error("Reading", &record, &e)),
        }
        Outcome { state, diags }
    }

    async fn delete(&self, ctx: &OpCtx, prior: &Value) -> Diagnostics {
        let id = prior.get("record_name").as_str().unwrap_or_default().to_string();
        match destroy(&ctx.provider, prior).await {
            Ok(()) => Diagnostics::default(),
            Err(e) => error("Deleting", &id, &e),
        }
    }

    async fn read(&self, ctx: &OpCtx, state: &Value) -> Outcome {
        let id = state.get("record_name").as_str().unwrap_or_default().to_string();
        match refresh(&ctx.provider, state).await {
            Ok(fresh) => Outcome { state: fresh.unwrap_or(Value::Null), diags: Diagnostics::default() },
            Err(e) => Outcome { state: state.clone(), diags: error("Reading", &id, &e) },
        }
    }

    async fn import(&self, ctx: &OpCtx, id: &str) -> Outcome {
        let out = match import_state(&ctx.provider, &self.schema, id).await {
            Ok(state) => Outcome { state: state.unwrap_or(Value::Null), diags: Diagnostics::default() },
            Err(e) => Outcome { state: Value::Null, diags: error("Importing", id, &e) },
        };
        finish_import(out, "DNS failover", || {
            format!("No hosted zone holds failover records at {id:?} (the import id is the record name).")
        })
    }
}
