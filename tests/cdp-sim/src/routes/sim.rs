//! Test-only endpoints: request log, reset, fault injection. Tests read data through the real
//! API, never through here.

use crate::faults::FaultSpec;
use crate::state::{lock, AppState};
use axum::extract::{Path, State};
use axum::http::StatusCode;
use axum::response::{IntoResponse, Response};
use axum::routing::{get, post};
use axum::{Json, Router};
use serde_json::json;

pub fn router() -> Router<AppState> {
    Router::new()
        .route("/_sim/requests", get(requests).delete(clear_requests))
        .route("/_sim/reset", post(reset))
        .route("/_sim/faults", get(faults).post(add_fault).delete(clear_faults))
        .route("/_sim/profiles/{audience_id}", get(profiles))
        .route("/_sim/tokens/{id}/finish-workflow", post(finish_workflow))
}

/// The fixture's profiles of a parent segment (key values, segment ids, attributes), so that
/// tests pick real values instead of hard-coding them.
async fn profiles(State(state): State<AppState>, Path(audience_id): Path<String>) -> Response {
    let store = state.store();
    let list: Vec<_> = store.profiles.iter().filter(|p| p.audience_id == audience_id).cloned().collect();
    Json(list).into_response()
}

/// Finishes the token's workflow now: lookups use its latest saved configuration. 404 if
/// no workflow runs.
async fn finish_workflow(State(state): State<AppState>, Path(id): Path<u64>) -> StatusCode {
    if state.store().workflows.finish(id) {
        StatusCode::NO_CONTENT
    } else {
        StatusCode::NOT_FOUND
    }
}

async fn requests(State(state): State<AppState>) -> Response {
    Json(lock(&state.log).entries()).into_response()
}

async fn clear_requests(State(state): State<AppState>) -> StatusCode {
    lock(&state.log).clear();
    StatusCode::NO_CONTENT
}

async fn reset(State(state): State<AppState>) -> StatusCode {
    state.reset();
    StatusCode::NO_CONTENT
}

async fn faults(State(state): State<AppState>) -> Response {
    Json(lock(&state.faults).list()).into_response()
}

/// The body is parsed by hand so that a typo answers 400 with the reason, not a bare 422.
async fn add_fault(State(state): State<AppState>, body: axum::body::Bytes) -> Response {
    let spec: FaultSpec = match serde_json::from_slice(&body) {
        Ok(s) => s,
        Err(e) => return (StatusCode::BAD_REQUEST, Json(json!({ "error": e.to_string() }))).into_response(),
    };
    let echo = serde_json::to_value(&spec).unwrap_or_default();
    match lock(&state.faults).add(spec) {
        Ok(()) => (StatusCode::CREATED, Json(echo)).into_response(),
        Err(e) => (StatusCode::BAD_REQUEST, Json(json!({ "error": e }))).into_response(),
    }
}

async fn clear_faults(State(state): State<AppState>) -> StatusCode {
    lock(&state.faults).clear();
    StatusCode::NO_CONTENT
}
