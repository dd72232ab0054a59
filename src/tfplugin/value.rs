//! Terraform values: a typed model of cty values with null and unknown, and their two wire
//! encodings (MessagePack for every RPC, JSON for stored state during upgrades).
//!
//! Decoding is type-directed, as in cty: the same MessagePack map is a `map` or an `object`
//! depending on the schema, so every decode takes the [`Type`] it expects.

use std::collections::BTreeMap;
use std::fmt;

use rmpv::Value as Mp;

/// A cty type, as Terraform encodes it in schemas (JSON) and in dynamic values.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Type {
    String,
    Number,
    Bool,
    /// `dynamic`: the concrete type travels with the value.
    Dynamic,
    List(Box<Type>),
    Set(Box<Type>),
    Map(Box<Type>),
    Object(BTreeMap<String, Type>),
    Tuple(Vec<Type>),
}

impl Type {
    pub fn list(t: Type) -> Type {
        Type::List(Box::new(t))
    }
    pub fn set(t: Type) -> Type {
        Type::Set(Box::new(t))
    }
    pub fn map(t: Type) -> Type {
        Type::Map(Box::new(t))
    }

    /// The JSON form Terraform expects in `Schema.Attribute.type`.
    pub fn to_json(&self) -> serde_json::Value {
        use serde_json::json;
        match self {
            Type::String => json!("string"),
            Type::Number => json!("number"),
            Type::Bool => json!("bool"),
            Type::Dynamic => json!("dynamic"),
            Type::List(t) => json!(["list", t.to_json()]),
            Type::Set(t) => json!(["set", t.to_json()]),
            Type::Map(t) => json!(["map", t.to_json()]),
            Type::Object(attrs) => {
                let m: serde_json::Map<_, _> = attrs.iter().map(|(k, t)| (k.clone(), t.to_json())).collect();
                json!(["object", m])
            }
            Type::Tuple(ts) => json!(["tuple", ts.iter().map(Type::to_json).collect::<Vec<_>>()]),
        }
    }

    pub fn from_json(v: &serde_json::Value) -> Result<Type, ValueError> {
        use serde_json::Value as J;
        let bad = || ValueError::new(format!("invalid type {v}"));
        match v {
            J::String(s) => match s.as_str() {
                "string" => Ok(Type::String),
                "number" => Ok(Type::Number),
                "bool" => Ok(Type::Bool),
                "dynamic" => Ok(Type::Dynamic),
                _ => Err(bad()),
            },
            J::Array(a) if a.len() >= 2 => match (a[0].as_str(), &a[1]) {
                (Some("list"), t) => Ok(Type::list(Type::from_json(t)?)),
                (Some("set"), t) => Ok(Type::set(Type::from_json(t)?)),
                (Some("map"), t) => Ok(Type::map(Type::from_json(t)?)),
                (Some("object"), J::Object(m)) => Ok(Type::Object(
                    m.iter()
                        .map(|(k, t)| Ok((k.clone(), Type::from_json(t)?)))
                        .collect::<Result<_, ValueError>>()?,
                )),
                (Some("tuple"), J::Array(ts)) => {
                    Ok(Type::Tuple(ts.iter().map(Type::from_json).collect::<Result<_, _>>()?))
                }
                _ => Err(bad()),
            },
            _ => Err(bad()),
        }
    }
}

/// A number kept as its decimal text, so values beyond i64 or f64 survive a round trip.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Number(String);

impl Number {
    pub fn parse(text: &str) -> Option<Number> {
        let t = text.trim();
        // Accept what cty accepts: an optional sign, digits, fraction, exponent.
        let ok = !t.is_empty()
            && t.parse::<f64>().map(|f| f.is_finite()).unwrap_or(false)
            && t.chars().all(|c| c.is_ascii_digit() || "+-.eE".contains(c));
        ok.then(|| Number(t.to_string()))
    }
    pub fn as_i64(&self) -> Option<i64> {
        self.0.parse().ok().or_else(|| {
            let f: f64 = self.0.parse().ok()?;
            (f.fract() == 0.0 && f.abs() < 9.0e15).then_some(f as i64)
        })
    }
    pub fn as_f64(&self) -> Option<f64> {
        self.0.parse().ok()
    }
}

impl From<i64> for Number {
    fn from(n: i64) -> Self {
        Number(n.to_string())
    }
}

impl fmt::Display for Number {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.0)
    }
}

/// A Terraform value. Lists, sets and tuples share `List`; maps and objects share `Map`:
/// the schema type says which one is meant.
#[derive(Clone, Debug, PartialEq, Default)]
pub enum Value {
    /// Known only after apply.
    Unknown,
    #[default]
    Null,
    Bool(bool),
    Number(Number),
    String(String),
    List(Vec<Value>),
    Map(BTreeMap<String, Value>),
}

#[derive(Debug, thiserror::Error, PartialEq)]
#[error("{0}")]
pub struct ValueError(String);

impl ValueError {
    fn new(msg: impl Into<String>) -> Self {
        ValueError(msg.into())
    }
}

/// MessagePack extension code cty uses for an unknown value (refined unknowns use 12).
const UNKNOWN_EXT: i8 = 0;

impl Value {
    pub fn string(s: impl Into<String>) -> Value {
        Value::String(s.into())
    }
    pub fn int(n: i64) -> Value {
        Value::Number(n.into())
    }
    pub fn object<K: Into<String>>(attrs: impl IntoIterator<Item = (K, Value)>) -> Value {
        Value::Map(attrs.into_iter().map(|(k, v)| (k.into(), v)).collect())
    }
    pub fn strings<S: Into<String>>(items: impl IntoIterator<Item = S>) -> Value {
        Value::List(items.into_iter().map(|s| Value::String(s.into())).collect())
    }
    /// `Some(s)` becomes a string, `None` null.
    pub fn opt_string(s: Option<impl Into<String>>) -> Value {
        s.map_or(Value::Null, |s| Value::String(s.into()))
    }

    pub fn is_null(&self) -> bool {
        matches!(self, Value::Null)
    }
    pub fn is_unknown(&self) -> bool {
        matches!(self, Value::Unknown)
    }
    /// True when the value or anything inside it is unknown.
    pub fn contains_unknown(&self) -> bool {
        match self {
            Value::Unknown => true,
            Value::List(v) => v.iter().any(Value::contains_unknown),
            Value::Map(m) => m.values().any(Value::contains_unknown),
            _ => false,
        }
    }
    pub fn as_str(&self) -> Option<&str> {
        match self {
            Value::String(s) => Some(s),
            _ => None,
        }
    }
    pub fn as_i64(&self) -> Option<i64> {
        match self {
            Value::Number(n) => n.as_i64(),
            _ => None,
        }
    }
    pub fn as_bool(&self) -> Option<bool> {
        match self {
            Value::Bool(b) => Some(*b),
            _ => None,
        }
    }
    pub fn as_list(&self) -> Option<&[Value]> {
        match self {
            Value::List(v) => Some(v),
            _ => None,
        }
    }
    pub fn as_map(&self) -> Option<&BTreeMap<String, Value>> {
        match self {
            Value::Map(m) => Some(m),
            _ => None,
        }
    }
    /// Attribute of an object; null when the value is not an object or lacks it.
    pub fn get(&self, name: &str) -> &Value {
        static NULL: Value = Value::Null;
        self.as_map().and_then(|m| m.get(name)).unwrap_or(&NULL)
    }
    /// Strings of a list or set, skipping nothing: `None` if any element is not a known string.
    pub fn as_string_list(&self) -> Option<Vec<String>> {
        self.as_list()?.iter().map(|v| v.as_str().map(str::to_owned)).collect()
    }
    /// Sets an object attribute (no-op on non-objects).
    pub fn set(&mut self, name: &str, v: Value) {
        if let Value::Map(m) = self {
            m.insert(name.to_string(), v);
        }
    }

    // ---- MessagePack -------------------------------------------------------------------

    pub fn from_msgpack(bytes: &[u8], ty: &Type) -> Result<Value, ValueError> {
        if bytes.is_empty() {
            return Ok(Value::Null);
        }
        let mut rd = bytes;
        let mp = rmpv::decode::read_value(&mut rd).map_err(|e| ValueError::new(format!("msgpack: {e}")))?;
        Value::from_mp(&mp, ty)
    }

    fn from_mp(mp: &Mp, ty: &Type) -> Result<Value, ValueError> {
        match mp {
            Mp::Nil => return Ok(Value::Null),
            Mp::Ext(_, _) => return Ok(Value::Unknown),
            _ => {}
        }
        let mismatch = || ValueError::new(format!("msgpack value {mp} does not fit type {ty:?}"));
        Ok(match ty {
            Type::String => Value::String(mp.as_str().ok_or_else(mismatch)?.to_string()),
            Type::Bool => Value::Bool(mp.as_bool().ok_or_else(mismatch)?),
            Type::Number => Value::Number(match mp {
                Mp::Integer(i) => Number(i.to_string()),
                Mp::F64(f) => Number(f.to_string()),
                Mp::F32(f) => Number(f.to_string()),
                Mp::String(s) => s.as_str().and_then(Number::parse).ok_or_else(mismatch)?,
                _ => return Err(mismatch()),
            }),
            Type::List(t) | Type::Set(t) => Value::List(
                mp.as_array()
                    .ok_or_else(mismatch)?
                    .iter()
                    .map(|e| Value::from_mp(e, t))
                    .collect::<Result<_, _>>()?,
            ),
            Type::Tuple(ts) => {
                let items = mp.as_array().ok_or_else(mismatch)?;
                if items.len() != ts.len() {
                    return Err(mismatch());
                }
                Value::List(
                    items.iter().zip(ts).map(|(e, t)| Value::from_mp(e, t)).collect::<Result<_, _>>()?,
                )
            }
            Type::Map(t) => Value::Map(
                mp.as_map()
                    .ok_or_else(mismatch)?
                    .iter()
                    .map(|(k, v)| Ok((k.as_str().ok_or_else(mismatch)?.to_string(), Value::from_mp(v, t)?)))
                    .collect::<Result<_, ValueError>>()?,
            ),
            Type::Object(attrs) => {
                let mut out = BTreeMap::new();
                for (k, v) in mp.as_map().ok_or_else(mismatch)? {
                    let k = k.as_str().ok_or_else(mismatch)?;
                    let t =
                        attrs.get(k).ok_or_else(|| ValueError::new(format!("unexpected attribute {k:?}")))?;
                    out.insert(k.to_string(), Value::from_mp(v, t)?);
                }
                // Absent attributes are null, so every object has its full shape.
                for k in attrs.keys() {
                    out.entry(k.clone()).or_insert(Value::Null);
                }
                Value::Map(out)
            }
            Type::Dynamic => {
                // A known dynamic value travels as [type JSON, value].
                let pair = mp.as_array().filter(|a| a.len() == 2).ok_or_else(mismatch)?;
                let ty_json: serde_json::Value = match &pair[0] {
                    Mp::Binary(b) => serde_json::from_slice(b),
                    Mp::String(s) => serde_json::from_slice(s.as_bytes()),
                    _ => return Err(mismatch()),
                }
                .map_err(|e| ValueError::new(e.to_string()))?;
                Value::from_mp(&pair[1], &Type::from_json(&ty_json)?)?
            }
        })
    }

    pub fn to_msgpack(&self, ty: &Type) -> Result<Vec<u8>, ValueError> {
        let mut out = Vec::new();
        rmpv::encode::write_value(&mut out, &self.to_mp(ty)?).map_err(|e| ValueError::new(e.to_string()))?;
        Ok(out)
    }

    fn to_mp(&self, ty: &Type) -> Result<Mp, ValueError> {
        let mismatch = || ValueError::new(format!("value {self:?} does not fit type {ty:?}"));
        Ok(match (self, ty) {
            (Value::Null, _) => Mp::Nil,
            (Value::Unknown, _) => Mp::Ext(UNKNOWN_EXT, vec![0]),
            (Value::String(s), Type::String) => Mp::from(s.as_str()),
            (Value::Bool(b), Type::Bool) => Mp::Boolean(*b),
            (Value::Number(n), Type::Number) => {
                if let Ok(i) = n.0.parse::<i64>() {
                    Mp::from(i)
                } else if let Some(f) = n.as_f64().filter(|f| f.to_string() == n.0) {
                    Mp::F64(f)
                } else {
                    // Beyond f64 precision: cty accepts the decimal text.
                    Mp::from(n.0.as_str())
                }
            }
            (Value::List(items), Type::List(t) | Type::Set(t)) => {
                Mp::Array(items.iter().map(|v| v.to_mp(t)).collect::<Result<_, _>>()?)
            }
            (Value::List(items), Type::Tuple(ts)) if items.len() == ts.len() => {
                Mp::Array(items.iter().zip(ts).map(|(v, t)| v.to_mp(t)).collect::<Result<_, _>>()?)
            }
            (Value::Map(m), Type::Map(t)) => Mp::Map(
                m.iter()
                    .map(|(k, v)| Ok((Mp::from(k.as_str()), v.to_mp(t)?)))
                    .collect::<Result<_, ValueError>>()?,
            ),
            (Value::Map(m), Type::Object(attrs)) => Mp::Map(
                attrs
                    .iter()
                    .map(|(k, t)| {
                        let v = m.get(k).unwrap_or(&Value::Null);
                        Ok((Mp::from(k.as_str()), v.to_mp(t)?))
                    })
                    .collect::<Result<_, ValueError>>()?,
            ),
            (v, Type::Dynamic) => {
                let inferred = v.infer_type();
                let ty_json = inferred.to_json().to_string().into_bytes();
                Mp::Array(vec![Mp::Binary(ty_json), v.to_mp(&inferred)?])
            }
            _ => return Err(mismatch()),
        })
    }

    /// The natural type of a value held in a `dynamic` slot.
    fn infer_type(&self) -> Type {
        match self {
            Value::Null | Value::Unknown => Type::Dynamic,
            Value::Bool(_) => Type::Bool,
            Value::Number(_) => Type::Number,
            Value::String(_) => Type::String,
            Value::List(v) => Type::Tuple(v.iter().map(Value::infer_type).collect()),
            Value::Map(m) => Type::Object(m.iter().map(|(k, v)| (k.clone(), v.infer_type())).collect()),
        }
    }

    // ---- JSON (stored state) -----------------------------------------------------------

    pub fn from_json(bytes: &[u8], ty: &Type) -> Result<Value, ValueError> {
        let j: serde_json::Value =
            serde_json::from_slice(bytes).map_err(|e| ValueError::new(format!("json: {e}")))?;
        Value::from_json_value(&j, ty)
    }

    fn from_json_value(j: &serde_json::Value, ty: &Type) -> Result<Value, ValueError> {
        use serde_json::Value as J;
        let mismatch = || ValueError::new(format!("json value {j} does not fit type {ty:?}"));
        Ok(match (j, ty) {
            (J::Null, _) => Value::Null,
            (J::String(s), Type::String) => Value::String(s.clone()),
            (J::Bool(b), Type::Bool) => Value::Bool(*b),
            (J::Number(n), Type::Number) => {
                Value::Number(Number::parse(&n.to_string()).ok_or_else(mismatch)?)
            }
            (J::String(s), Type::Number) => Value::Number(Number::parse(s).ok_or_else(mismatch)?),
            (J::Array(a), Type::List(t) | Type::Set(t)) => {
                Value::List(a.iter().map(|e| Value::from_json_value(e, t)).collect::<Result<_, _>>()?)
            }
            (J::Array(a), Type::Tuple(ts)) if a.len() == ts.len() => Value::List(
                a.iter().zip(ts).map(|(e, t)| Value::from_json_value(e, t)).collect::<Result<_, _>>()?,
            ),
            (J::Object(m), Type::Map(t)) => Value::Map(
                m.iter()
                    .map(|(k, v)| Ok((k.clone(), Value::from_json_value(v, t)?)))
                    .collect::<Result<_, ValueError>>()?,
            ),
            (J::Object(m), Type::Object(attrs)) => Value::Map(
                // Attributes a newer schema dropped are ignored; missing ones become null.
                attrs
                    .iter()
                    .map(|(k, t)| {
                        let v = m.get(k).map_or(Ok(Value::Null), |v| Value::from_json_value(v, t))?;
                        Ok((k.clone(), v))
                    })
                    .collect::<Result<_, ValueError>>()?,
            ),
            (J::Object(m), Type::Dynamic) => {
                let ty = Type::from_json(m.get("type").ok_or_else(mismatch)?)?;
                Value::from_json_value(m.get("value").unwrap_or(&J::Null), &ty)?
            }
            _ => return Err(mismatch()),
        })
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn obj_type() -> Type {
        Type::Object(BTreeMap::from([
            ("name".into(), Type::String),
            ("count".into(), Type::Number),
            ("tags".into(), Type::map(Type::String)),
            ("ids".into(), Type::set(Type::String)),
            ("on".into(), Type::Bool),
        ]))
    }

    #[test]
    fn msgpack_round_trip_keeps_null_and_unknown() {
        let v = Value::object([
            ("name", Value::string("db")),
            ("count", Value::int(3)),
            ("tags", Value::Unknown),
            ("ids", Value::strings(["a", "b"])),
            ("on", Value::Null),
        ]);
        let bytes = v.to_msgpack(&obj_type()).unwrap();
        assert_eq!(Value::from_msgpack(&bytes, &obj_type()).unwrap(), v);
    }

    #[test]
    fn numbers_beyond_i64_and_fractions_survive() {
        for text in ["18446744073709551616123", "0.1", "-7", "1.5e300"] {
            let v = Value::Number(Number::parse(text).unwrap());
            let bytes = v.to_msgpack(&Type::Number).unwrap();
            let back = Value::from_msgpack(&bytes, &Type::Number).unwrap();
            assert_eq!(back.as_i64(), v.as_i64(), "{text}");
            let Value::Number(n) = back else { panic!() };
            assert_eq!(n.as_f64(), text.parse::<f64>().ok(), "{text}");
        }
        assert!(Number::parse("12abc").is_none());
    }

    #[test]
    fn missing_object_attributes_decode_as_null() {
        let bytes = Value::object([("name", Value::string("x"))])
            .to_msgpack(&Type::Object(BTreeMap::from([("name".into(), Type::String)])))
            .unwrap();
        let v = Value::from_msgpack(&bytes, &obj_type()).unwrap();
        assert_eq!(v.get("count"), &Value::Null);
        assert_eq!(v.get("name").as_str(), Some("x"));
    }

    #[test]
    fn json_state_decodes_with_schema_type() {
        let v = Value::from_json(br#"{"name":"db","count":2,"ids":["a"],"gone":1}"#, &obj_type()).unwrap();
        assert_eq!(v.get("count").as_i64(), Some(2));
        assert_eq!(v.get("ids").as_string_list().unwrap(), vec!["a"]);
        assert!(v.get("tags").is_null());
    }

    #[test]
    fn dynamic_values_carry_their_type() {
        let v = Value::object([("a", Value::string("x"))]);
        let bytes = v.to_msgpack(&Type::Dynamic).unwrap();
        assert_eq!(Value::from_msgpack(&bytes, &Type::Dynamic).unwrap(), v);
    }

    #[test]
    fn type_json_round_trip() {
        let t = obj_type();
        assert_eq!(Type::from_json(&t.to_json()).unwrap(), t);
    }

    #[test]
    fn type_mismatch_is_an_error_not_a_panic() {
        let bytes = Value::string("x").to_msgpack(&Type::String).unwrap();
        assert!(Value::from_msgpack(&bytes, &Type::Bool).is_err());
    }
}
