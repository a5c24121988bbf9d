//! `Authorization: TD1 <key>` on every API route; 401 in the family's error shape otherwise.

use crate::errors::{ApiError, Family};
use crate::state::AppState;
use axum::extract::{Request, State};
use axum::http::header::AUTHORIZATION;
use axum::http::HeaderMap;
use axum::middleware::Next;
use axum::response::{IntoResponse, Response};

pub async fn require_key(State(state): State<AppState>, req: Request, next: Next) -> Response {
    if presented_key(req.headers(), &state.api_keys).is_some() {
        next.run(req).await
    } else {
        ApiError::unauthorized(Family::of(req.uri().path())).into_response()
    }
}

/// The position of the configured key that `Authorization: TD1 <key>` names, if any.
pub fn presented_key(headers: &HeaderMap, keys: &[String]) -> Option<usize> {
    let presented = headers.get(AUTHORIZATION)?.to_str().ok()?.strip_prefix("TD1 ")?.trim();
    keys.iter().position(|key| same(key.as_bytes(), presented.as_bytes()))
}

/// Compares without an early exit on the first differing byte (habit: keys are secrets).
fn same(a: &[u8], b: &[u8]) -> bool {
    a.len() == b.len() && a.iter().zip(b).fold(0u8, |acc, (x, y)| acc | (x ^ y)) == 0
}
