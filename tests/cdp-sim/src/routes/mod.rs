//! The HTTP surface: the CDP API routes (behind the key check) and the test-only `/_sim/` ones.

mod entities;
mod legacy;
mod sim;
mod tokens;

use crate::errors::{bad_parameter, json_response, ApiError, Family, JSON, JSON_API};
use crate::state::AppState;
use axum::body::Bytes;
use axum::http::{header, HeaderMap, HeaderValue, StatusCode, Uri};
use axum::response::{IntoResponse, Response};
use axum::routing::get;
use axum::Router;
use serde_json::Value;

pub type Reply = Result<Response, ApiError>;

/// The CDP API routes. Authentication is layered on by the caller.
pub fn api() -> Router<AppState> {
    Router::new()
        .route("/entities/parent_segments", get(entities::parent_segments))
        .route("/entities/parent_segments/{id}", get(entities::parent_segment))
        .route("/entities/folders/{id}", get(entities::folder))
        .route("/entities/by-folder/{id}", get(entities::by_folder))
        .route("/entities/tokens", axum::routing::post(tokens::create))
        .route("/entities/tokens/{id}", get(tokens::read).patch(tokens::update).delete(tokens::delete))
        .route("/audiences/{id}", get(legacy::audience))
        .route("/audiences/{id}/attributes", get(legacy::attributes))
        .route("/audiences/{id}/segments", get(legacy::segments))
}

/// `/_sim/...`: only mounted with `--test-endpoints`; no key needed.
pub fn sim() -> Router<AppState> {
    sim::router()
}

/// Unknown routes: 404 in the family's shape.
pub async fn fallback(uri: Uri) -> Response {
    let path = uri.path();
    match Family::of(path) {
        Family::JsonApi => ApiError::not_found("route", path).into_response(),
        Family::Legacy => ApiError::legacy_not_found("route", path).into_response(),
    }
}

/// 200 with the media type the schema declares for `path`.
fn ok(path: &str, body: &Value) -> Response {
    json_response(StatusCode::OK, Family::success_type(path), body)
}

/// 200 for answers that carry token UUIDs: never stored by a cache (SEC-23).
fn ok_no_store(path: &str, body: &Value) -> Response {
    let mut res = ok(path, body);
    res.headers_mut().insert(header::CACHE_CONTROL, HeaderValue::from_static("no-store"));
    res
}

/// A JSON request body (vendor type, application/json, or no Content-Type at all).
fn json_body(headers: &HeaderMap, bytes: &Bytes) -> Result<Value, ApiError> {
    if let Some(ct) = headers.get(header::CONTENT_TYPE) {
        let mime =
            ct.to_str().unwrap_or_default().split(';').next().unwrap_or_default().trim().to_ascii_lowercase();
        if mime != JSON_API && mime != JSON {
            return Err(ApiError::one(bad_parameter(
                "/",
                "INVALID_FORMAT",
                format!("Content-Type must be {JSON_API} or {JSON}"),
            )));
        }
    }
    serde_json::from_slice(bytes).map_err(|e| {
        ApiError::one(bad_parameter("/", "INVALID_FORMAT", format!("the body is not valid JSON: {e}")))
    })
}
