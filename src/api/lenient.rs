//! Forgiving field deserializers for the wire types.
//!
//! The CDP API is described loosely (ids are strings here and integers there, `population` may be
//! `null`, some routes add fields the schema never mentions). Every helper here reads the field
//! as a `serde_json::Value` first and then takes what it can, so one odd field never fails a whole
//! document: the decode step decides which missing values are fatal.

use serde::de::DeserializeOwned;
use serde::{Deserialize, Deserializer};
use serde_json::Value;

/// A string, a number or a bool, as text; anything else (null, objects, arrays) is `None`.
pub fn opt_string<'de, D: Deserializer<'de>>(d: D) -> Result<Option<String>, D::Error> {
    Ok(value_to_string(&Value::deserialize(d)?))
}

/// An id given as a string (`"42"`) or an integer (`42`), kept verbatim as text.
/// Whether it is a valid digit id is checked later, where the error can name the field.
pub fn opt_id<'de, D: Deserializer<'de>>(d: D) -> Result<Option<String>, D::Error> {
    Ok(value_to_id(&Value::deserialize(d)?))
}

/// A non-negative count (`population`): an integer, a whole float or a digit string.
pub fn opt_u64<'de, D: Deserializer<'de>>(d: D) -> Result<Option<u64>, D::Error> {
    Ok(value_to_u64(&Value::deserialize(d)?))
}

/// A bool; `"true"`/`"false"` strings are accepted, anything else is `None`.
pub fn opt_bool<'de, D: Deserializer<'de>>(d: D) -> Result<Option<bool>, D::Error> {
    Ok(value_to_bool(&Value::deserialize(d)?))
}

/// `T` if the value has its shape, else `None` (also for `null`).
pub fn opt<'de, D: Deserializer<'de>, T: DeserializeOwned>(d: D) -> Result<Option<T>, D::Error> {
    Ok(serde_json::from_value(Value::deserialize(d)?).ok())
}

pub fn value_to_string(v: &Value) -> Option<String> {
    match v {
        Value::String(s) => Some(s.clone()),
        Value::Number(n) => Some(n.to_string()),
        Value::Bool(b) => Some(b.to_string()),
        _ => None,
    }
}

pub fn value_to_bool(v: &Value) -> Option<bool> {
    match v {
        Value::Bool(b) => Some(*b),
        Value::String(s) if s == "true" => Some(true),
        Value::String(s) if s == "false" => Some(false),
        _ => None,
    }
}

pub fn value_to_strings(v: &Value) -> Option<Vec<String>> {
    v.as_array().map(|items| items.iter().filter_map(value_to_string).collect())
}

pub fn value_to_id(v: &Value) -> Option<String> {
    match v {
        Value::String(s) => Some(s.trim().to_owned()),
        // `as_u64` refuses negatives and fractions, which are never ids; showing them as text
        // lets the caller report "id -3 is not a digit id" instead of "id missing".
        Value::Number(n) => Some(n.as_u64().map_or_else(|| n.to_string(), |u| u.to_string())),
        _ => None,
    }
}

pub fn value_to_u64(v: &Value) -> Option<u64> {
    match v {
        Value::Number(n) => n.as_u64().or_else(|| {
            let f = n.as_f64()?;
            // Counts arrive as `1234.0` from some serializers; negative or huge values are noise.
            (f.is_finite() && f >= 0.0 && f <= u64::MAX as f64).then(|| f.round() as u64)
        }),
        Value::String(s) => s.trim().parse().ok(),
        _ => None,
    }
}
