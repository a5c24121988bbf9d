//! Turns a non-2xx answer into an [`ApiError`], whatever shape its body has.

use super::error::{ApiError, FieldError};
use super::retry_after::parse_retry_after;
use serde_json::{Map, Value};

/// Longest server message kept; the rest is cut with an ellipsis.
const MAX_MESSAGE_CHARS: usize = 300;

/// Maps a status, body and `Retry-After` header to an error, using the current time for
/// HTTP-date `Retry-After` values. See [`error_from_response_at`].
pub fn error_from_response(status: u16, body: &str, retry_after: Option<&str>) -> ApiError {
    error_from_response_at(status, body, retry_after, (crate::clock::now_ms() / 1000.0) as u64)
}

/// Pure form of [`error_from_response`]. The body is read in this order: JSON:API `errors[]`
/// → an `errors` object keyed by field (409) or an `errors` string → legacy `message`/`code`
/// → `error`/`details` (5xx) → raw text (an HTML page becomes a short generic message).
pub fn error_from_response_at(status: u16, body: &str, retry_after: Option<&str>, now: u64) -> ApiError {
    let ErrorBody { message, code, fields } = parse_error_body(body);
    // Empty when the server gave no words: the UI says so in the reader's language.
    let message = message.unwrap_or_default();
    let retry_after_secs = retry_after.and_then(|v| parse_retry_after(v, now));
    match status {
        401 => ApiError::Unauthorized,
        403 => ApiError::Forbidden { message, code },
        404 => ApiError::NotFound { message },
        409 => ApiError::Conflict { message, fields },
        400 | 422 => ApiError::Validation { status, message, fields },
        429 => ApiError::RateLimited { retry_after_secs },
        _ => ApiError::Server { status, message, retry_after_secs },
    }
}

/// What an error body says, whatever its shape.
#[derive(Debug, Default, PartialEq)]
struct ErrorBody {
    message: Option<String>,
    /// `meta.permissionCode` and friends, else the error's own `code`.
    code: Option<String>,
    fields: Vec<FieldError>,
}

fn parse_error_body(body: &str) -> ErrorBody {
    let text = body.trim();
    if text.is_empty() {
        return ErrorBody::default();
    }
    match serde_json::from_str::<Value>(text) {
        Ok(Value::Object(o)) => from_object(&o),
        Ok(Value::String(s)) => ErrorBody { message: clean(&s), ..ErrorBody::default() },
        // Arrays, numbers and non-JSON: fall back to the text itself.
        _ => ErrorBody { message: raw_text_message(text), ..ErrorBody::default() },
    }
}

fn from_object(o: &Map<String, Value>) -> ErrorBody {
    match o.get("errors") {
        Some(Value::Array(items)) if !items.is_empty() => return from_error_list(items),
        Some(Value::Object(by_field)) if !by_field.is_empty() => return from_error_map(by_field),
        Some(Value::String(s)) if clean(s).is_some() => {
            return ErrorBody { message: clean(s), ..ErrorBody::default() };
        }
        _ => {}
    }
    let message = str_field(o, "message");
    if message.is_some() {
        return ErrorBody { message, code: str_field(o, "code"), fields: Vec::new() };
    }
    let error = match o.get("error") {
        Some(Value::Object(inner)) => str_field(inner, "message"),
        _ => str_field(o, "error"),
    };
    let message = match (error, str_field(o, "details")) {
        (Some(e), Some(d)) => clean(&format!("{e}: {d}")),
        (e, d) => e.or(d),
    };
    // A code alone (`{"code": "forbidden"}`) is better than nothing.
    let code = str_field(o, "code");
    ErrorBody { message: message.or_else(|| code.clone()), code, fields: Vec::new() }
}

/// JSON:API `errors: [{code, status, detail, source: {pointer}, meta}]`.
fn from_error_list(items: &[Value]) -> ErrorBody {
    let mut out = ErrorBody::default();
    let mut messages: Vec<String> = Vec::new();
    for item in items {
        let (message, code, field) = match item {
            Value::Object(e) => {
                let code = meta_code(e).or_else(|| str_field(e, "code"));
                let message = ["detail", "title", "message"].iter().find_map(|k| str_field(e, k));
                let field = e
                    .get("source")
                    .and_then(|s| s.get("pointer").or_else(|| s.get("parameter")))
                    .and_then(Value::as_str)
                    .and_then(pointer_field);
                (message, code, field)
            }
            Value::String(s) => (clean(s), None, None),
            _ => (None, None, None),
        };
        if out.code.is_none() {
            out.code.clone_from(&code);
        }
        if let Some(field) = field {
            // Empty when the server named the field but said nothing: the form words it.
            let text = message.clone().or_else(|| code.clone()).unwrap_or_default();
            out.fields.push(FieldError { field, message: text, code: code.clone() });
        }
        if let Some(m) = message.or(code) {
            if !messages.contains(&m) {
                messages.push(m);
            }
        }
    }
    out.message = clean(&messages.join("; "));
    out
}

/// `errors: {"deletion": ["SegmentFolder has segments: 123"], "name": "taken"}`.
fn from_error_map(by_field: &Map<String, Value>) -> ErrorBody {
    let fields: Vec<FieldError> = by_field
        .iter()
        .filter_map(|(field, v)| {
            let texts: Vec<&str> = match v {
                Value::String(s) => vec![s.as_str()],
                Value::Array(items) => items.iter().filter_map(Value::as_str).collect(),
                _ => Vec::new(),
            };
            let message = clean(&texts.join("; "))?;
            Some(FieldError { field: field.clone(), message, code: None })
        })
        .collect();
    let joined: Vec<&str> = fields.iter().map(|f| f.message.as_str()).collect();
    ErrorBody { message: clean(&joined.join("; ")), code: None, fields }
}

/// The detailed code TD puts in `meta` (`validationCode`, `permissionCode`, ...).
fn meta_code(e: &Map<String, Value>) -> Option<String> {
    let meta = e.get("meta")?.as_object()?;
    ["validationCode", "permissionCode", "unprocessableEntityCode", "parameterCode"]
        .iter()
        .find_map(|k| str_field(meta, k))
}

/// `/attributes/name` → `name`, `/relationships/segments` → `segments`,
/// `/data/attributes/keyColumn` → `keyColumn`; a bare `/name` → `name`.
fn pointer_field(pointer: &str) -> Option<String> {
    let segments: Vec<&str> = pointer.split('/').filter(|s| !s.is_empty()).collect();
    let raw = match segments.iter().position(|s| *s == "attributes" || *s == "relationships") {
        Some(i) => segments.get(i + 1).copied(),
        None => segments.last().copied().filter(|s| *s != "data" && !s.bytes().all(|b| b.is_ascii_digit())),
    }?;
    // JSON Pointer escapes; and the published schema's misspelling, should the server echo it.
    let field = raw.replace("~1", "/").replace("~0", "~");
    Some(if field == "attrributeColumns" { "attributeColumns".to_owned() } else { field })
}

fn str_field(o: &Map<String, Value>, key: &str) -> Option<String> {
    match o.get(key)? {
        Value::String(s) => clean(s),
        Value::Number(n) => Some(n.to_string()),
        _ => None,
    }
}

/// Plain text as a message; an HTML page (a proxy's error page) is never shown verbatim: it
/// gives no message, and the status says what happened.
fn raw_text_message(text: &str) -> Option<String> {
    let head: String = text.chars().take(200).collect::<String>().to_ascii_lowercase();
    let looks_html = head.starts_with('<')
        || ["<!doctype", "<html", "<head", "<body"].iter().any(|tag| head.contains(tag));
    if looks_html {
        return None;
    }
    clean(text)
}

/// Trims, turns control characters (newlines, NUL) into spaces and caps the length.
fn clean(s: &str) -> Option<String> {
    let flat: String = s.chars().map(|c| if c.is_control() { ' ' } else { c }).collect();
    let flat = flat.split_whitespace().collect::<Vec<_>>().join(" ");
    if flat.is_empty() {
        return None;
    }
    Some(match flat.char_indices().nth(MAX_MESSAGE_CHARS) {
        Some((i, _)) => format!("{}…", &flat[..i]),
        None => flat,
    })
}
