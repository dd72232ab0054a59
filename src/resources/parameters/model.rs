//! What the configuration asks for, per region.

use std::collections::{BTreeMap, BTreeSet};

use crate::tfplugin::value::Value;

/// Plain values of one map attribute; None when the map (or a value in it) is unknown.
pub fn string_map(v: &Value) -> Option<BTreeMap<String, String>> {
    match v {
        Value::Null => Some(BTreeMap::new()),
        Value::Map(m) => m.iter().map(|(k, v)| Some((k.clone(), v.as_str()?.to_string()))).collect(),
        _ => None,
    }
}

/// Plain values each region should hold: shared values merged with that region's overrides.
/// None while any of them is unknown.
pub fn desired_effective(config: &Value) -> Option<[BTreeMap<String, String>; 2]> {
    let shared = string_map(config.get("values"))?;
    let mut regions = [shared.clone(), shared];
    for (i, attr) in ["primary_values", "secondary_values"].iter().enumerate() {
        regions[i].extend(string_map(config.get(attr))?);
    }
    Some(regions)
}

pub fn secure_keys(config: &Value) -> Option<BTreeSet<String>> {
    string_map(config.get("secure_values_wo")).map(|m| m.into_keys().collect())
}

pub fn runtime_keys(state: &Value) -> BTreeSet<String> {
    string_map(state.get("runtime_managed")).map(|m| m.into_keys().collect()).unwrap_or_default()
}

/// The `effective` attribute: region name -> key -> value.
pub fn effective_value(regions: &[String; 2], maps: &[BTreeMap<String, String>; 2]) -> Value {
    Value::Map(
        regions
            .iter()
            .zip(maps)
            .map(|(r, m)| {
                (r.clone(), Value::Map(m.iter().map(|(k, v)| (k.clone(), Value::string(v))).collect()))
            })
            .collect(),
    )
}

pub fn string_set(keys: &BTreeSet<String>) -> Value {
    Value::strings(keys.iter().cloned())
}
