//! The Profiles API itself, on its own listener (its own origin, as in production):
//! `GET /cdp/lookup/collect/segments?version=2&token=<uuid>[,<uuid>…]&key.<column>=<value>`
//! (docs/cdp-api.md, "The Profiles API itself"). No API key is needed or looked at: the token
//! UUID is the credential. The answer is an array with one entry per token whose profile was
//! found; an error is a JSON object `{status, error, message}`.
//! *(Inferred, not documented: an unknown token answers that object with HTTP 200; a profile
//! that does not exist has no entry in the array; `td_global_id` is read from the `_td_global`
//! cookie and never from the query.)*

use crate::state::AppState;
use crate::workflow::LiveConfig;
use axum::extract::{RawQuery, State};
use axum::http::{header, HeaderMap, HeaderValue, StatusCode};
use axum::response::{IntoResponse, Response};
use axum::routing::get;
use axum::{Json, Router};
use serde_json::{json, Map, Value};
use std::time::Instant;

pub const PATH: &str = "/cdp/lookup/collect/segments";
/// The cookie that holds a browser's `td_global_id`.
pub const GLOBAL_ID_COOKIE: &str = "_td_global";
pub const GLOBAL_ID: &str = "td_global_id";

pub fn router() -> Router<AppState> {
    Router::new().route(PATH, get(segments))
}

/// The error object, with the status it claims and the one it is sent with.
fn error(claimed: u16, sent: StatusCode, message: &str) -> Response {
    let reason = StatusCode::from_u16(claimed).ok().and_then(|s| s.canonical_reason()).unwrap_or("Error");
    (sent, Json(json!({ "status": claimed, "error": reason, "message": message }))).into_response()
}

/// What the query asks: the tokens and the one `key.<column>` given.
#[derive(Debug)]
struct Ask {
    tokens: Vec<String>,
    key: Option<(String, String)>,
}

/// Parses the query as a server does (`+` is a space; td-js-sdk's unencoded `+` breaks here).
fn ask(query: &str) -> Result<Ask, String> {
    let pairs: Vec<(String, String)> =
        serde_urlencoded::from_str(query).map_err(|e| format!("malformed query: {e}"))?;
    let get = |name: &str| pairs.iter().find(|(k, _)| k == name).map(|(_, v)| v.as_str());
    if get("version") != Some("2") {
        return Err("version must be 2".into());
    }
    let tokens: Vec<String> = get("token")
        .unwrap_or_default()
        .split(',')
        .map(str::trim)
        .filter(|t| !t.is_empty())
        .map(str::to_owned)
        .collect();
    if tokens.is_empty() {
        return Err("token is required".into());
    }
    let key = pairs.iter().find_map(|(k, v)| Some((k.strip_prefix("key.")?.to_owned(), v.clone())));
    Ok(Ask { tokens, key })
}

fn cookie(headers: &HeaderMap, name: &str) -> Option<String> {
    headers
        .get_all(header::COOKIE)
        .iter()
        .filter_map(|v| v.to_str().ok())
        .flat_map(|v| v.split(';'))
        .find_map(|c| {
            let (k, v) = c.trim().split_once('=')?;
            (k == name).then(|| v.to_owned())
        })
}

async fn segments(State(state): State<AppState>, headers: HeaderMap, RawQuery(query): RawQuery) -> Response {
    let ask = match ask(query.as_deref().unwrap_or_default()) {
        Ok(a) => a,
        Err(message) => return error(400, StatusCode::BAD_REQUEST, &message),
    };
    let mut store = state.store();
    let now = Instant::now();
    let mut entries = Vec::new();
    for uuid in &ask.tokens {
        let Some(token) = store.tokens.values().find(|t| &t.token == uuid).cloned() else {
            return error(404, StatusCode::OK, &format!("token {uuid} not found"));
        };
        let Some(ps) = store.folder_ps(&token.folder_id).map(str::to_owned) else { continue };
        // Not live until its first workflow has finished: unknown, like a token that never was.
        let Some(live) = store.workflows.live(token.id.parse().unwrap_or(0), now) else {
            return error(404, StatusCode::OK, &format!("token {uuid} not found"));
        };
        let value = if live.key_column == GLOBAL_ID {
            cookie(&headers, GLOBAL_ID_COOKIE)
        } else {
            ask.key.as_ref().filter(|(column, _)| *column == live.key_column).map(|(_, v)| v.clone())
        };
        let Some(value) = value else {
            return error(
                400,
                StatusCode::BAD_REQUEST,
                &format!("key.{} is required for token {uuid}", live.key_column),
            );
        };
        let profile = store
            .profiles
            .iter()
            .find(|p| p.audience_id == ps && p.keys.get(&live.key_column) == Some(&value));
        if let Some(profile) = profile {
            entries.push(entry(&live, &value, &profile.segments, &profile.attributes, &ps));
        }
    }
    drop(store);
    let mut res = Json(Value::Array(entries)).into_response();
    res.headers_mut().insert(header::CACHE_CONTROL, HeaderValue::from_static("no-store"));
    res
}

fn entry(
    live: &LiveConfig,
    value: &str,
    in_segments: &[String],
    attributes: &Map<String, Value>,
    ps: &str,
) -> Value {
    let values: Vec<&String> = live.segments.iter().filter(|s| in_segments.contains(s)).collect();
    let attributes: Map<String, Value> =
        live.attribute_columns.iter().filter_map(|a| Some((a.clone(), attributes.get(a)?.clone()))).collect();
    json!({ "key": { live.key_column.clone(): value }, "values": values, "attributes": attributes, "audienceId": ps })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn queries_are_decoded_as_a_server_does() {
        let a = ask("version=2&token=a,b&key.email=ana%2Bshop%40example.com").unwrap();
        assert_eq!(a.tokens, ["a", "b"]);
        assert_eq!(a.key, Some(("email".into(), "ana+shop@example.com".into())));
        // Unencoded, `+` arrives as a space: what td-js-sdk's users run into.
        assert_eq!(
            ask("version=2&token=a&key.email=ana+shop@example.com").unwrap().key.unwrap().1,
            "ana shop@example.com"
        );
        assert!(ask("token=a&key.email=x").unwrap_err().contains("version"));
        assert!(ask("version=2&key.email=x").unwrap_err().contains("token"));
    }

    #[test]
    fn cookies() {
        let mut h = HeaderMap::new();
        h.insert(header::COOKIE, HeaderValue::from_static("a=1; _td_global=g-42; b=2"));
        assert_eq!(cookie(&h, GLOBAL_ID_COOKIE).as_deref(), Some("g-42"));
        assert_eq!(cookie(&h, "c"), None);
    }
}
