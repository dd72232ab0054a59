//! The Route 53 calls of `drpair_dns_failover`: the zone, the health checks and the records.
//! Route 53's control plane is us-east-1 only; nothing here runs during a failover.

use aws_sdk_route53::Client;
use aws_sdk_route53::types::{
    AlarmIdentifier, AliasTarget, Change, ChangeAction, ChangeBatch, ChangeStatus, CloudWatchRegion,
    HealthCheckConfig, HealthCheckType, InsufficientDataHealthStatus, ResourceRecordSet,
    ResourceRecordSetFailover, RrType, Tag, TagResourceType,
};

use crate::aws::AwsError;
use crate::aws::error::{absent_as_none, aws, gone_is_done};
use crate::aws::wait::{Poll, Waiter};

use super::model::{COMBINED_THRESHOLD, Endpoint, bare};

/// A hosted zone as we use it.
#[derive(Clone, Debug)]
pub struct ZoneInfo {
    /// Without the `/hostedzone/` prefix.
    pub id: String,
    pub name: String,
    pub caller_ref: String,
    pub name_servers: Vec<String>,
}

fn zone_id(raw: &str) -> String {
    raw.trim_start_matches("/hostedzone/").to_string()
}

/// The zone with its name servers; None when it does not exist.
pub async fn get_zone(r53: &Client, id: &str) -> Result<Option<ZoneInfo>, AwsError> {
    let out = absent_as_none(r53.get_hosted_zone().id(id).send().await.map_err(aws))?;
    Ok(out.and_then(|o| {
        let z = o.hosted_zone()?;
        Some(ZoneInfo {
            id: zone_id(z.id()),
            name: bare(z.name()),
            caller_ref: z.caller_reference().to_string(),
            name_servers: o.delegation_set().map(|d| d.name_servers().to_vec()).unwrap_or_default(),
        })
    }))
}

/// Zones named `name` whose CallerReference starts with `prefix` (ours, maybe from a killed run).
pub async fn owned_zones(r53: &Client, name: &str, prefix: &str) -> Result<Vec<ZoneInfo>, AwsError> {
    let mut found = Vec::new();
    let (mut dns, mut after) = (Some(format!("{name}.")), None::<String>);
    loop {
        let out = r53
            .list_hosted_zones_by_name()
            .set_dns_name(dns.clone())
            .set_hosted_zone_id(after.clone())
            .send()
            .await
            .map_err(aws)?;
        for z in out.hosted_zones() {
            if bare(z.name()) != name {
                return Ok(found); // sorted by name: past ours
            }
            if z.caller_reference().starts_with(prefix) {
                found.push(ZoneInfo {
                    id: zone_id(z.id()),
                    name: bare(z.name()),
                    caller_ref: z.caller_reference().to_string(),
                    name_servers: Vec::new(),
                });
            }
        }
        if !out.is_truncated() {
            return Ok(found);
        }
        dns = out.next_dns_name().map(str::to_string);
        after = out.next_hosted_zone_id().map(str::to_string);
    }
}

/// Every zone whose name is `record_name` or one of its parents, deepest first (import).
pub async fn zones_for(r53: &Client, record_name: &str) -> Result<Vec<ZoneInfo>, AwsError> {
    let mut found = Vec::new();
    let mut marker = None;
    loop {
        let out = r53.list_hosted_zones().set_marker(marker).send().await.map_err(aws)?;
        for z in out.hosted_zones() {
            let name = bare(z.name());
            if record_name == name || record_name.ends_with(&format!(".{name}")) {
                found.push(ZoneInfo {
                    id: zone_id(z.id()),
                    name,
                    caller_ref: z.caller_reference().to_string(),
                    name_servers: Vec::new(),
                });
            }
        }
        marker = out.next_marker().map(str::to_string);
        if !out.is_truncated() || marker.is_none() {
            found.sort_by_key(|z| std::cmp::Reverse(z.name.len()));
            return Ok(found);
        }
    }
}

pub async fn create_zone(
    r53: &Client,
    name: &str,
    caller_ref: &str,
    tags: &[Tag],
) -> Result<String, AwsError> {
    let out = r53.create_hosted_zone().name(name).caller_reference(caller_ref).send().await.map_err(aws)?;
    let id = out.hosted_zone().map(|z| zone_id(z.id())).unwrap_or_default();
    tag(r53, TagResourceType::Hostedzone, &id, tags).await?;
    Ok(id)
}

pub async fn delete_zone(r53: &Client, id: &str) -> Result<(), AwsError> {
    gone_is_done(r53.delete_hosted_zone().id(id).send().await.map(|_| ()).map_err(aws))
}

pub async fn tag(r53: &Client, kind: TagResourceType, id: &str, tags: &[Tag]) -> Result<(), AwsError> {
    r53.change_tags_for_resource()
        .resource_type(kind)
        .resource_id(id)
        .set_add_tags(Some(tags.to_vec()))
        .send()
        .await
        .map_err(aws)?;
    Ok(())
}

// ---- health checks ----------------------------------------------------------------------

/// One of our health checks as Route 53 holds it.
#[derive(Clone, Debug)]
pub struct Check {
    pub id: String,
    pub caller_ref: String,
    pub version: i64,
    pub config: HealthCheckConfig,
}

/// Every health check whose CallerReference starts with `prefix`.
pub async fn owned_checks(r53: &Client, prefix: &str) -> Result<Vec<Check>, AwsError> {
    let mut found = Vec::new();
    let mut marker = None;
    loop {
        let out = r53.list_health_checks().set_marker(marker).send().await.map_err(aws)?;
        for hc in out.health_checks() {
            if hc.caller_reference().starts_with(prefix)
                && let Some(config) = hc.health_check_config()
            {
                found.push(Check {
                    id: hc.id().to_string(),
                    caller_ref: hc.caller_reference().to_string(),
                    version: hc.health_check_version(),
                    config: config.clone(),
                });
            }
        }
        marker = out.next_marker().map(str::to_string);
        if !out.is_truncated() || marker.is_none() {
            return Ok(found);
        }
    }
}

/// What a check of each kind must be.
#[derive(Clone, Debug, PartialEq)]
pub enum CheckWant {
    /// HTTPS on a region's `/health`.
    Endpoint { endpoint: Endpoint, interval: i32, threshold: i32 },
    /// Follows the control alarm; a fresh alarm (no data) counts as healthy.
    Control { region: String, alarm: String },
    /// Healthy only while every child is.
    Combined { children: Vec<String> },
}

impl CheckWant {
    pub fn config(&self) -> HealthCheckConfig {
        let b = HealthCheckConfig::builder();
        let b = match self {
            CheckWant::Endpoint { endpoint, interval, threshold } => b
                .r#type(HealthCheckType::Https)
                .fully_qualified_domain_name(&endpoint.fqdn)
                .resource_path(&endpoint.path)
                .port(endpoint.port as i32)
                .request_interval(*interval)
                .failure_threshold(*threshold)
                .enable_sni(true)
                .measure_latency(false),
            CheckWant::Control { region, alarm } => b
                .r#type(HealthCheckType::CloudwatchMetric)
                .alarm_identifier(
                    AlarmIdentifier::builder()
                        .region(CloudWatchRegion::from(region.as_str()))
                        .name(alarm)
                        .build()
                        .expect("region and name are set"),
                )
                .insufficient_data_health_status(InsufficientDataHealthStatus::Healthy),
            CheckWant::Combined { children } => b
                .r#type(HealthCheckType::Calculated)
                .set_child_health_checks(Some(children.clone()))
                .health_threshold(COMBINED_THRESHOLD),
        };
        b.inverted(false).build().expect("type is set")
    }

    /// Can an existing check become this one? Type and request interval cannot be changed.
    pub fn compatible(&self, c: &HealthCheckConfig) -> bool {
        match self {
            CheckWant::Endpoint { interval, .. } => {
                c.r#type() == &HealthCheckType::Https
                    && c.request_interval().unwrap_or(30) == *interval
                    && !c.measure_latency().unwrap_or(false)
            }
            CheckWant::Control { .. } => c.r#type() == &HealthCheckType::CloudwatchMetric,
            CheckWant::Combined { .. } => c.r#type() == &HealthCheckType::Calculated,
        }
    }

    /// Is an existing check exactly this one (nothing to update)?
    pub fn matches(&self, c: &HealthCheckConfig) -> bool {
        let flags = !c.inverted().unwrap_or(false) && !c.disabled().unwrap_or(false);
        flags
            && self.compatible(c)
            && match self {
                CheckWant::Endpoint { endpoint, threshold, .. } => {
                    c.fully_qualified_domain_name().map(bare).as_deref() == Some(endpoint.fqdn.as_str())
                        && c.resource_path() == Some(endpoint.path.as_str())
                        && c.port().map(i64::from) == Some(endpoint.port)
                        && c.failure_threshold() == Some(*threshold)
                        && c.enable_sni() == Some(true)
                }
                CheckWant::Control { region, alarm } => {
                    c.alarm_identifier()
                        .is_some_and(|a| a.region().as_str() == region.as_str() && a.name() == alarm.as_str())
                        && c.insufficient_data_health_status() == Some(&InsufficientDataHealthStatus::Healthy)
                }
                CheckWant::Combined { children } => {
                    let mut have = c.child_health_checks().to_vec();
                    let mut want = children.clone();
                    have.sort();
                    want.sort();
                    have == want && c.health_threshold() == Some(COMBINED_THRESHOLD)
                }
            }
    }
}

pub async fn create_check(
    r53: &Client,
    caller_ref: &str,
    want: &CheckWant,
    tags: &[Tag],
) -> Result<String, AwsError> {
    let out = r53
        .create_health_check()
        .caller_reference(caller_ref)
        .health_check_config(want.config())
        .send()
        .await
        .map_err(aws)?;
    let id = out.health_check().map(|h| h.id().to_string()).unwrap_or_default();
    tag(r53, TagResourceType::Healthcheck, &id, tags).await?;
    Ok(id)
}

/// Brings a compatible check to `want` in place (UpdateHealthCheck changes only what it names).
pub async fn update_check(r53: &Client, check: &Check, want: &CheckWant) -> Result<(), AwsError> {
    let c = want.config();
    r53.update_health_check()
        .health_check_id(&check.id)
        .health_check_version(check.version)
        .set_fully_qualified_domain_name(c.fully_qualified_domain_name().map(str::to_string))
        .set_resource_path(c.resource_path().map(str::to_string))
        .set_port(c.port())
        .set_failure_threshold(c.failure_threshold())
        .set_enable_sni(c.enable_sni())
        .set_alarm_identifier(c.alarm_identifier().cloned())
        .set_insufficient_data_health_status(c.insufficient_data_health_status().cloned())
        .set_child_health_checks(
            (c.r#type() == &HealthCheckType::Calculated).then(|| c.child_health_checks().to_vec()),
        )
        .set_health_threshold(c.health_threshold())
        .inverted(false)
        .disabled(false)
        .send()
        .await
        .map_err(aws)?;
    Ok(())
}

pub async fn delete_check(r53: &Client, id: &str) -> Result<(), AwsError> {
    gone_is_done(r53.delete_health_check().health_check_id(id).send().await.map(|_| ()).map_err(aws))
}

// ---- records ----------------------------------------------------------------------------

/// The A records at `name` (any routing policy): the ones this resource owns.
pub async fn a_records(r53: &Client, zone: &str, name: &str) -> Result<Vec<ResourceRecordSet>, AwsError> {
    let mut found = Vec::new();
    let mut next_id = None;
    loop {
        let out = r53
            .list_resource_record_sets()
            .hosted_zone_id(zone)
            .start_record_name(format!("{name}."))
            .start_record_type(RrType::A)
            .set_start_record_identifier(next_id)
            .send()
            .await
            .map_err(aws)?;
        for rs in out.resource_record_sets() {
            if bare(rs.name()) != name || rs.r#type() != &RrType::A {
                return Ok(found); // sorted: past our name and type
            }
            found.push(rs.clone());
        }
        let more = out.is_truncated()
            && out.next_record_name().map(bare).as_deref() == Some(name)
            && out.next_record_type() == Some(&RrType::A);
        next_id = out.next_record_identifier().map(str::to_string);
        if !more || next_id.is_none() {
            return Ok(found);
        }
    }
}

/// A failover alias record.
pub fn failover_record(
    name: &str,
    set_id: &str,
    primary: bool,
    health_check: &str,
    target: &Endpoint,
) -> ResourceRecordSet {
    let alias = AliasTarget::builder()
        .hosted_zone_id(&target.zone_id)
        .dns_name(&target.domain_name)
        .evaluate_target_health(false)
        .build()
        .expect("alias fields are set");
    ResourceRecordSet::builder()
        .name(format!("{name}."))
        .r#type(RrType::A)
        .set_identifier(set_id)
        .failover(if primary {
            ResourceRecordSetFailover::Primary
        } else {
            ResourceRecordSetFailover::Secondary
        })
        .health_check_id(health_check)
        .alias_target(alias)
        .build()
        .expect("name and type are set")
}

/// The parts of a record that matter when comparing (names without trailing dots, lowercase).
pub fn same_record(a: &ResourceRecordSet, b: &ResourceRecordSet) -> bool {
    let alias = |r: &ResourceRecordSet| {
        r.alias_target()
            .map(|t| (t.hosted_zone_id().to_string(), bare(t.dns_name()), t.evaluate_target_health()))
    };
    bare(a.name()) == bare(b.name())
        && a.r#type() == b.r#type()
        && a.set_identifier() == b.set_identifier()
        && a.failover() == b.failover()
        && a.health_check_id() == b.health_check_id()
        && alias(a) == alias(b)
        && a.ttl() == b.ttl()
        && a.resource_records() == b.resource_records()
        && a.weight() == b.weight()
        && a.region() == b.region()
        && a.geo_location() == b.geo_location()
        && a.multi_value_answer() == b.multi_value_answer()
}

/// The one batch that turns `current` into `desired`: records whose identity (SetIdentifier)
/// is gone are deleted with the values Route 53 holds, changed ones upserted, new ones created.
/// Route 53 applies a batch entirely or not at all, so a set-identifier or routing-policy
/// change never leaves the name half-switched.
pub fn batch(current: &[ResourceRecordSet], desired: &[ResourceRecordSet]) -> Vec<Change> {
    let change = |action: ChangeAction, rs: &ResourceRecordSet| {
        Change::builder().action(action).resource_record_set(rs.clone()).build().expect("fields are set")
    };
    let mut deletes = Vec::new();
    let mut upserts = Vec::new();
    for c in current {
        match desired.iter().find(|d| d.set_identifier() == c.set_identifier()) {
            None => deletes.push(change(ChangeAction::Delete, c)),
            Some(d) if !same_record(c, d) => upserts.push(change(ChangeAction::Upsert, d)),
            Some(_) => {}
        }
    }
    let creates = desired
        .iter()
        .filter(|d| !current.iter().any(|c| c.set_identifier() == d.set_identifier()))
        .map(|d| change(ChangeAction::Create, d));
    deletes.into_iter().chain(upserts).chain(creates).collect()
}

/// Sends one batch; returns the change id to wait on.
pub async fn change(
    r53: &Client,
    zone: &str,
    changes: Vec<Change>,
    comment: &str,
) -> Result<String, AwsError> {
    let batch =
        ChangeBatch::builder().set_changes(Some(changes)).comment(comment).build().expect("changes are set");
    let out = r53
        .change_resource_record_sets()
        .hosted_zone_id(zone)
        .change_batch(batch)
        .send()
        .await
        .map_err(aws)?;
    Ok(out.change_info().map(|c| c.id().to_string()).unwrap_or_default())
}

/// Waits until Route 53's name servers all answer with the change.
pub async fn wait_insync(r53: &Client, waiter: &Waiter, change_id: &str) -> Result<(), AwsError> {
    waiter
        .until(&format!("Route 53 change {change_id}"), || async {
            let out = r53.get_change().id(change_id).send().await.map_err(aws)?;
            Ok(match out.change_info().map(|c| c.status().clone()) {
                Some(ChangeStatus::Insync) => Poll::Done(()),
                other => Poll::Pending(format!("{other:?}")),
            })
        })
        .await
}

#[cfg(test)]
mod tests {
    use super::*;

    fn endpoint(domain: &str) -> Endpoint {
        Endpoint {
            domain_name: domain.into(),
            zone_id: "Z1UJRXOUMOOFQ8".into(),
            fqdn: "h.example.com".into(),
            path: "/health".into(),
            port: 443,
        }
    }

    fn actions(changes: &[Change]) -> Vec<(String, String)> {
        changes
            .iter()
            .map(|c| {
                let rs = c.resource_record_set().unwrap();
                (c.action().as_str().to_string(), rs.set_identifier().unwrap_or_default().to_string())
            })
            .collect()
    }

    #[test]
    fn set_identifier_change_is_delete_and_create_in_one_batch() {
        let p = failover_record("api.example.com", "primary", true, "hc-1", &endpoint("a.example.com"));
        let s = failover_record("api.example.com", "secondary", false, "hc-2", &endpoint("b.example.com"));
        assert!(batch(&[p.clone(), s.clone()], &[p.clone(), s.clone()]).is_empty());
        let p2 = failover_record("api.example.com", "p2", true, "hc-1", &endpoint("a.example.com"));
        let got = batch(&[p.clone(), s.clone()], &[p2, s.clone()]);
        assert_eq!(actions(&got), [("DELETE".into(), "primary".into()), ("CREATE".into(), "p2".into())]);
        // A retarget is an upsert of the same identity.
        let moved =
            failover_record("api.example.com", "secondary", false, "hc-2", &endpoint("c.example.com"));
        assert_eq!(actions(&batch(&[p.clone(), s], &[p, moved])), [("UPSERT".into(), "secondary".into())]);
    }

    #[test]
    fn trailing_dots_and_case_do_not_count_as_changes() {
        let a = failover_record("api.example.com", "primary", true, "hc-1", &endpoint("a.example.com"));
        let b = failover_record("API.example.com.", "primary", true, "hc-1", &endpoint("A.example.com."));
        assert!(same_record(&a, &b));
    }

    #[test]
    fn checks_know_what_can_change_in_place() {
        let want = CheckWant::Endpoint { endpoint: endpoint("a"), interval: 10, threshold: 3 };
        let config = want.config();
        assert!(want.matches(&config));
        let other = CheckWant::Endpoint { endpoint: endpoint("a"), interval: 30, threshold: 3 };
        assert!(!other.compatible(&config));
        let control = CheckWant::Control { region: "us-east-2".into(), alarm: "a".into() };
        assert!(control.matches(&control.config()) && !control.compatible(&config));
        let combined = CheckWant::Combined { children: vec!["b".into(), "a".into()] };
        assert!(CheckWant::Combined { children: vec!["a".into(), "b".into()] }.matches(&combined.config()));
    }
}
