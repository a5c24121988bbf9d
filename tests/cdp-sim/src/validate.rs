//! Token writes: the body's shape (400 `bad-parameter-error`), then its fields against the
//! store (400 `validation-error`). Permission (403) and move (422) checks live in the route,
//! between the two, because a server checks who may act before it judges the content.

use crate::errors::{bad_parameter, validation, ErrorObject};
use crate::fixture::{is_api_id, SegmentKind};
use crate::store::Store;
use serde_json::{Map, Value};
use std::collections::HashSet;

pub const MAX_NAME: usize = 255;
pub const MAX_ATTRIBUTES: usize = 5;
pub const MAX_SEGMENTS: usize = 15;
/// Key columns every parent segment accepts besides its master columns.
pub const BUILTIN_KEYS: [&str; 2] = ["td_global_id", "td_client_id"];

/// A decoded token body. `name`/`attribute_columns`/`parent_folder` are `None` when absent,
/// so that the field rules can say CANNOT_BE_BLANK on the right pointer.
#[derive(Debug, Default)]
pub struct TokenInput {
    pub id: Option<String>,
    pub name: Option<String>,
    pub description: String,
    /// Empty when the client sent none: the server fills `td_global_id`.
    pub key_column: String,
    pub attribute_columns: Option<Vec<String>>,
    pub parent_folder: Option<String>,
    /// (id, declared type)
    pub segments: Vec<(String, String)>,
}

/// Decodes the bare resource object or the `{"data": ...}` document form.
pub fn parse(body: &Value) -> Result<TokenInput, Vec<ErrorObject>> {
    let mut errors = Vec::new();
    let Some(mut root) = body.as_object() else {
        return Err(vec![bad_parameter("/", "INVALID_FORMAT", "the body must be a JSON object")]);
    };
    if let Some(data) = root.get("data") {
        match data.as_object() {
            Some(d) if !root.contains_key("attributes") => root = d,
            _ => {
                return Err(vec![bad_parameter(
                    "/data",
                    "INVALID_FORMAT",
                    "data must be a token resource object",
                )])
            }
        }
    }
    let mut input = TokenInput::default();
    match root.get("type") {
        Some(Value::String(t)) if t == "token" => {}
        _ => errors.push(bad_parameter("/type", "INVALID_FORMAT", "type must be \"token\"")),
    }
    match root.get("id") {
        None | Some(Value::Null) => {}
        Some(Value::String(id)) if is_api_id(id) => input.id = Some(id.clone()),
        Some(_) => errors.push(bad_parameter("/id", "INVALID_FORMAT", "id must be a string of digits")),
    }
    let empty = Map::new();
    let attrs = match root.get("attributes") {
        Some(Value::Object(a)) => a,
        _ => {
            errors.push(bad_parameter("/attributes", "INVALID_FORMAT", "attributes must be an object"));
            &empty
        }
    };
    input.name = optional_string(attrs, "name", &mut errors);
    input.description = optional_string(attrs, "description", &mut errors).unwrap_or_default();
    input.key_column = optional_string(attrs, "keyColumn", &mut errors).unwrap_or_default();
    input.attribute_columns = match attrs.get("attributeColumns") {
        None | Some(Value::Null) => None,
        Some(Value::Array(items)) => {
            let mut names = Vec::new();
            for (i, item) in items.iter().enumerate() {
                match item.as_str() {
                    Some(s) => names.push(s.to_owned()),
                    None => errors.push(bad_parameter(
                        &format!("/attributes/attributeColumns/{i}"),
                        "INVALID_FORMAT",
                        "attribute column names are strings",
                    )),
                }
            }
            Some(names)
        }
        Some(_) => {
            errors.push(bad_parameter(
                "/attributes/attributeColumns",
                "SHOULD_BE_ARRAY",
                "attributeColumns must be an array",
            ));
            None
        }
    };
    let rels = match root.get("relationships") {
        None | Some(Value::Null) => &empty,
        Some(Value::Object(r)) => r,
        Some(_) => {
            errors.push(bad_parameter("/relationships", "INVALID_FORMAT", "relationships must be an object"));
            &empty
        }
    };
    input.parent_folder = parse_parent_folder(rels.get("parentFolder"), &mut errors);
    input.segments = parse_segments(rels.get("segments"), &mut errors);
    if errors.is_empty() {
        Ok(input)
    } else {
        Err(errors)
    }
}

fn optional_string(attrs: &Map<String, Value>, key: &str, errors: &mut Vec<ErrorObject>) -> Option<String> {
    match attrs.get(key) {
        None | Some(Value::Null) => None,
        Some(Value::String(s)) => Some(s.clone()),
        Some(_) => {
            errors.push(bad_parameter(
                &format!("/attributes/{key}"),
                "INVALID_FORMAT",
                format!("{key} must be a string"),
            ));
            None
        }
    }
}

/// `{data: {id, type: "folder-segment"}}`; `None` when absent (a validation error later).
fn parse_parent_folder(v: Option<&Value>, errors: &mut Vec<ErrorObject>) -> Option<String> {
    let pointer = "/relationships/parentFolder";
    let data = match v {
        None | Some(Value::Null) => return None,
        Some(v) => v.get("data"),
    };
    let data = match data {
        None | Some(Value::Null) => return None,
        Some(d) => d,
    };
    let id = data.get("id").and_then(Value::as_str).filter(|id| is_api_id(id));
    let type_ok = matches!(data.get("type"), None | Some(Value::Null))
        || data.get("type").and_then(Value::as_str) == Some("folder-segment");
    match (id, type_ok) {
        (Some(id), true) => Some(id.to_owned()),
        _ => {
            errors.push(bad_parameter(
                pointer,
                "INVALID_FORMAT",
                "parentFolder.data must be {id: digits, type: \"folder-segment\"}",
            ));
            None
        }
    }
}

/// `{data: [{id, type}]}`; items may also be nested one level deeper (`{data: {id, type}}`),
/// as the published schema draws them.
fn parse_segments(v: Option<&Value>, errors: &mut Vec<ErrorObject>) -> Vec<(String, String)> {
    let pointer = "/relationships/segments";
    let items = match v {
        None | Some(Value::Null) => return Vec::new(),
        Some(v) => match v.get("data") {
            None | Some(Value::Null) => return Vec::new(),
            Some(Value::Array(items)) => items,
            Some(_) => {
                errors.push(bad_parameter(pointer, "SHOULD_BE_ARRAY", "segments.data must be an array"));
                return Vec::new();
            }
        },
    };
    let mut out = Vec::new();
    for (i, item) in items.iter().enumerate() {
        let item = item.get("data").filter(|d| d.is_object()).unwrap_or(item);
        let id = item.get("id").and_then(Value::as_str).filter(|id| is_api_id(id));
        let ty = item.get("type").and_then(Value::as_str);
        match (id, ty) {
            (Some(id), Some(ty)) => out.push((id.to_owned(), ty.to_owned())),
            _ => errors.push(bad_parameter(
                &format!("{pointer}/data/{i}"),
                "INVALID_FORMAT",
                "each segment is {id: digits, type: segment-batch | segment-realtime | segment-funnel-stage}",
            )),
        }
    }
    out
}

/// Field rules against the store. `ps` is the parent segment of the target folder;
/// `except` the token being updated (its own name is not a duplicate).
pub fn check_fields(store: &Store, input: &TokenInput, ps: &str, except: Option<u64>) -> Vec<ErrorObject> {
    let mut errors = Vec::new();
    check_name(store, input.name.as_deref(), ps, except, &mut errors);
    let Some(psr) = ps.parse::<u64>().ok().and_then(|id| store.parent_segments.get(&id)) else {
        return errors;
    };
    match &input.attribute_columns {
        None => errors.push(validation(
            "/attributes/attributeColumns",
            "CANNOT_BE_BLANK",
            "attributeColumns is required (send [] for none)",
        )),
        Some(cols) => {
            let p = "/attributes/attributeColumns";
            if cols.len() > MAX_ATTRIBUTES {
                errors.push(validation(
                    p,
                    "IS_TOO_LONG",
                    format!("at most {MAX_ATTRIBUTES} attribute columns"),
                ));
            }
            let mut seen = HashSet::new();
            for c in cols {
                if !seen.insert(c) {
                    errors.push(validation(
                        p,
                        "VIOLATES_UNIQUENESS_CONSTRAINT",
                        format!("attribute column {c:?} is listed twice"),
                    ));
                }
                let known = psr.attributes.iter().any(|a| &a.name == c && a.visibility != "blocked");
                if !known {
                    errors.push(validation(
                        p,
                        "INVALID_FORMAT_OR_ASSOCIATION",
                        format!("{c:?} is not an attribute column of parent segment {ps}"),
                    ));
                }
            }
        }
    }
    let key = input.key_column.as_str();
    if !key.is_empty() && !BUILTIN_KEYS.contains(&key) && !psr.master_columns.iter().any(|m| m.name == key) {
        errors.push(validation(
            "/attributes/keyColumn",
            "INVALID_FORMAT_OR_ASSOCIATION",
            format!("{key:?} is not a key column of parent segment {ps}"),
        ));
    }
    check_segments(store, &input.segments, ps, &mut errors);
    errors
}

fn check_name(
    store: &Store,
    name: Option<&str>,
    ps: &str,
    except: Option<u64>,
    errors: &mut Vec<ErrorObject>,
) {
    let p = "/attributes/name";
    let name = name.unwrap_or_default();
    if name.trim().is_empty() {
        errors.push(validation(p, "CANNOT_BE_BLANK", "Name can't be blank"));
        return;
    }
    if name.chars().count() > MAX_NAME {
        errors.push(validation(
            p,
            "IS_TOO_LONG",
            format!("Name is too long (maximum is {MAX_NAME} characters)"),
        ));
    }
    if !name_pattern_ok(name) {
        errors.push(validation(
            p,
            "INVALID_FORMAT_OR_ASSOCIATION",
            "Name may contain letters, digits, '_' and spaces, and must start with a letter or '_'",
        ));
    }
    if store.token_name_taken(ps, name, except) {
        errors.push(validation(p, "VIOLATES_UNIQUENESS_CONSTRAINT", "Name has already been taken"));
    }
}

/// `^[A-Za-z_][A-Za-z0-9_ ]*$`
pub fn name_pattern_ok(name: &str) -> bool {
    let mut chars = name.chars();
    chars.next().is_some_and(|c| c.is_ascii_alphabetic() || c == '_')
        && chars.all(|c| c.is_ascii_alphanumeric() || c == '_' || c == ' ')
}

fn check_segments(store: &Store, segments: &[(String, String)], ps: &str, errors: &mut Vec<ErrorObject>) {
    let p = "/relationships/segments";
    if segments.len() > MAX_SEGMENTS {
        errors.push(validation(p, "IS_TOO_LONG", format!("at most {MAX_SEGMENTS} segments")));
    }
    let mut seen = HashSet::new();
    for (id, declared) in segments {
        if !seen.insert(id) {
            errors.push(validation(
                p,
                "VIOLATES_UNIQUENESS_CONSTRAINT",
                format!("segment {id} is listed twice"),
            ));
            continue;
        }
        let bad = |detail: String| validation(p, "INVALID_FORMAT_OR_ASSOCIATION", detail);
        if declared == "composable-segment" {
            errors.push(bad(format!("segment {id}: composable segments cannot be attached to a token")));
            continue;
        }
        let Some(seg) = store.segment(id) else {
            errors.push(bad(format!("segment {id} does not exist")));
            continue;
        };
        if seg.kind == SegmentKind::Composable {
            errors.push(bad(format!("segment {id}: composable segments cannot be attached to a token")));
        } else if seg.kind.api_type() != declared {
            errors.push(bad(format!("segment {id} is a {}, not a {declared}", seg.kind.api_type())));
        } else if store.folder_ps(&seg.folder_id) != Some(ps) {
            errors.push(bad(format!("segment {id} belongs to another parent segment")));
        }
    }
}
