//! What the resources' plan tests share: one test provider and the paths of a plan's errors.

use crate::provider::{Configured, Settings};
use crate::resources::{PlanRequest, PlanResponse};
use crate::tfplugin::value::Value;

/// The provider every plan test runs under: us-east-1/us-east-2, environment `test`, suffix `ab12`.
pub fn test_provider() -> Configured {
    Configured::for_tests(Settings {
        primary_region: "us-east-1".into(),
        secondary_region: "us-east-2".into(),
        environment: "test".into(),
        environment_suffix: "ab12".into(),
        default_tags: Default::default(),
    })
}

/// Runs a resource's pure `plan` for `config` given `prior` under [`test_provider`].
pub fn plan_with(
    plan: fn(PlanRequest<'_>, &mut PlanResponse),
    prior: &Value,
    config: &Value,
) -> PlanResponse {
    let configured = test_provider();
    let mut resp = PlanResponse::default();
    plan(PlanRequest { prior, config, provider: Some(&configured) }, &mut resp);
    resp
}

/// The attribute paths the plan's diagnostics name.
pub fn error_paths(r: &PlanResponse) -> Vec<String> {
    r.diags.0.iter().filter_map(|d| d.path.as_ref().map(|p| p.to_string())).collect()
}
