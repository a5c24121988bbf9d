//! Forgiving readers of the values in an API answer.
//!
//! The CDP API is described loosely (ids are strings here and integers there, `population` may be
//! `null`, some routes add fields the schema never mentions). Each reader here takes what it can
//! from a `serde_json::Value` and gives `None` otherwise, so one odd field never fails a whole
//! document: the decode step decides which missing values are fatal.

use serde_json::{Map, Value};

/// A string, a number or a bool, as text; anything else (null, objects, arrays) is `None`.
pub fn value_to_string(v: &Value) -> Option<String> {
    match v {
        Value::String(s) => Some(s.clone()),
        Value::Number(n) => Some(n.to_string()),
        Value::Bool(b) => Some(b.to_string()),
        _ => None,
    }
}

/// A bool; `"true"`/`"false"` strings are accepted, anything else is `None`.
pub fn value_to_bool(v: &Value) -> Option<bool> {
    match v {
        Value::Bool(b) => Some(*b),
        Value::String(s) if s == "true" => Some(true),
        Value::String(s) if s == "false" => Some(false),
        _ => None,
    }
}

/// An array of strings; non-string entries are dropped, a non-array is `None`.
pub fn value_to_strings(v: &Value) -> Option<Vec<String>> {
    v.as_array().map(|items| items.iter().filter_map(value_to_string).collect())
}

/// An id given as a string (`"42"`) or an integer (`42`), kept verbatim as text.
/// Whether it is a valid digit id is checked later, where the error can name the field.
pub fn value_to_id(v: &Value) -> Option<String> {
    match v {
        Value::String(s) => Some(s.trim().to_owned()),
        // `as_u64` refuses negatives and fractions, which are never ids; showing them as text
        // lets the caller report "id -3 is not a digit id" instead of "id missing".
        Value::Number(n) => Some(n.as_u64().map_or_else(|| n.to_string(), |u| u.to_string())),
        _ => None,
    }
}

/// A non-negative count (`population`): an integer, a whole float or a digit string.
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

/// A member, `null` when absent (every reader treats the two alike).
pub fn member<'a>(o: &'a Map<String, Value>, key: &str) -> &'a Value {
    o.get(key).unwrap_or(&Value::Null)
}

/// The entries of an array read with `read`, those it refuses left out; no array, no entries.
pub fn each<T>(v: &Value, read: fn(&Value) -> Option<T>) -> Vec<T> {
    v.as_array().map_or_else(Vec::new, |items| items.iter().filter_map(read).collect())
}
