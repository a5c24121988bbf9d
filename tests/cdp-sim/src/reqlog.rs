//! The request log (test endpoints): what the app sent, so tests can count writes and check
//! headers. It records whether `Authorization` was present and which configured key it named
//! (its position among the `--api-key`s), never its value; a configured key found anywhere else
//! (path, query, body) is replaced by `<redacted>` and flagged `keyLeaked`.

use crate::faults::Injected;
use crate::state::{lock, AppState};
use axum::body::Body;
use axum::extract::{Request, State};
use axum::http::{header, HeaderMap, StatusCode};
use axum::middleware::Next;
use axum::response::{IntoResponse, Response};
use serde::Serialize;
use serde_json::Value;
use std::collections::VecDeque;

/// Oldest entries go first beyond this (benchmarks send many requests).
const MAX_ENTRIES: usize = 10_000;
/// Largest request body accepted (the API's bodies are a few KB).
const MAX_BODY: usize = 1 << 20;

#[derive(Clone, Debug, Serialize)]
#[serde(rename_all = "camelCase")]
pub struct Entry {
    pub seq: u64,
    pub method: String,
    pub path: String,
    pub query: Option<String>,
    pub has_authorization: bool,
    /// Which `--api-key` (0-based) the `Authorization` header presented, if one.
    pub key_index: Option<usize>,
    pub content_type: Option<String>,
    pub if_match: Option<String>,
    pub origin: Option<String>,
    pub body: Option<Value>,
    /// The answer's status; 0 when the connection was dropped, `null` while in flight.
    pub status: Option<u16>,
    /// The fault kind that shaped the answer, if any.
    pub fault: Option<String>,
    /// A configured API key appeared outside the `Authorization` header.
    pub key_leaked: bool,
}

#[derive(Default)]
pub struct RequestLog {
    entries: VecDeque<Entry>,
    next_seq: u64,
}

impl RequestLog {
    pub fn clear(&mut self) {
        self.entries.clear();
    }

    pub fn entries(&self) -> Vec<Entry> {
        self.entries.iter().cloned().collect()
    }

    fn push(&mut self, mut e: Entry) -> u64 {
        self.next_seq += 1;
        e.seq = self.next_seq;
        if self.entries.len() == MAX_ENTRIES {
            self.entries.pop_front();
        }
        self.entries.push_back(e);
        self.next_seq
    }

    fn finish(&mut self, seq: u64, status: u16, fault: Option<String>) {
        if let Some(e) = self.entries.iter_mut().rev().find(|e| e.seq == seq) {
            e.status = Some(status);
            e.fault = fault;
        }
    }
}

fn header_str(h: &HeaderMap, name: header::HeaderName) -> Option<String> {
    h.get(name).and_then(|v| v.to_str().ok()).map(str::to_owned)
}

/// Keys shorter than this are not searched for: they would match ordinary text.
const MIN_SEARCHED_KEY: usize = 8;

/// Replaces every configured key in `text`; says whether there was one.
fn redact(text: &str, keys: &[String]) -> (String, bool) {
    let mut out = text.to_owned();
    let mut leaked = false;
    for k in keys.iter().filter(|k| k.len() >= MIN_SEARCHED_KEY) {
        if out.contains(k.as_str()) {
            leaked = true;
            out = out.replace(k.as_str(), "<redacted>");
        }
    }
    (out, leaked)
}

pub async fn record(State(state): State<AppState>, req: Request, next: Next) -> Response {
    if req.uri().path().starts_with("/_sim/") || !state.test_endpoints {
        return next.run(req).await;
    }
    let (parts, body) = req.into_parts();
    let Ok(bytes) = axum::body::to_bytes(body, MAX_BODY).await else {
        return (StatusCode::PAYLOAD_TOO_LARGE, "request body too large").into_response();
    };
    let keys = &state.api_keys;
    let (path, leak_path) = redact(parts.uri.path(), keys);
    let (query, leak_query) = match parts.uri.query() {
        Some(q) => {
            let (q, l) = redact(q, keys);
            (Some(q), l)
        }
        None => (None, false),
    };
    let (text, leak_body) = redact(&String::from_utf8_lossy(&bytes), keys);
    let logged_body = match text.as_str() {
        "" => None,
        t => Some(serde_json::from_str(t).unwrap_or_else(|_| Value::String(t.to_owned()))),
    };
    let entry = Entry {
        seq: 0,
        method: parts.method.to_string(),
        path,
        query,
        has_authorization: parts.headers.contains_key(header::AUTHORIZATION),
        key_index: crate::auth::presented_key(&parts.headers, keys),
        content_type: header_str(&parts.headers, header::CONTENT_TYPE),
        if_match: header_str(&parts.headers, header::IF_MATCH),
        origin: header_str(&parts.headers, header::ORIGIN),
        body: logged_body,
        status: None,
        fault: None,
        key_leaked: leak_path || leak_query || leak_body,
    };
    let seq = lock(&state.log).push(entry);
    let req = Request::from_parts(parts, Body::from(bytes));
    // The rest runs in its own task: a client that hangs up does not cancel a write half-way,
    // and the log still gets the status (as a real server would finish the request).
    let state2 = state.clone();
    let task = tokio::spawn(async move {
        let res = next.run(req).await;
        let fault = res.extensions().get::<Injected>().map(|i| i.0);
        let status =
            if matches!(fault, Some(crate::faults::FaultKind::Drop)) { 0 } else { res.status().as_u16() };
        let fault_name =
            fault.and_then(|k| serde_json::to_value(k).ok()).and_then(|v| v.as_str().map(str::to_owned));
        lock(&state2.log).finish(seq, status, fault_name);
        res
    });
    match task.await {
        Ok(res) => res,
        Err(_) => (StatusCode::INTERNAL_SERVER_ERROR, "handler panicked").into_response(),
    }
}
