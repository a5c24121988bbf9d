//! `Authorization: TD1 <key>` on every API route; 401 in the family's error shape otherwise.

use crate::errors::{ApiError, Family};
use crate::state::AppState;
use axum::extract::{Request, State};
use axum::http::header::AUTHORIZATION;
use axum::middleware::Next;
use axum::response::{IntoResponse, Response};

pub async fn require_key(State(state): State<AppState>, req: Request, next: Next) -> Response {
    let presented = req
        .headers()
        .get(AUTHORIZATION)
        .and_then(|v| v.to_str().ok())
        .and_then(|v| v.strip_prefix("TD1 "))
        .map(str::trim);
    let ok = presented.is_some_and(|k| state.api_keys.iter().any(|key| same(key.as_bytes(), k.as_bytes())));
    if ok {
        next.run(req).await
    } else {
        ApiError::unauthorized(Family::of(req.uri().path())).into_response()
    }
}

/// Compares without an early exit on the first differing byte (habit: keys are secrets).
fn same(a: &[u8], b: &[u8]) -> bool {
    a.len() == b.len() && a.iter().zip(b).fold(0u8, |acc, (x, y)| acc | (x ^ y)) == 0
}
