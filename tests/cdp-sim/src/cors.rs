//! CORS with an exact origin allowlist (SEC-21/22): never `*`, never a reflected arbitrary
//! origin, never `null`. Preflights need no key and are never faulted. Each listener has its
//! policy: the CDP API's answers expose `ETag` and `Retry-After` so the app can read them; the
//! Profiles API's allow cookies.

use crate::state::AppState;
use axum::body::Body;
use axum::extract::{Request, State};
use axum::http::{header, HeaderMap, HeaderValue, Method, StatusCode};
use axum::middleware::Next;
use axum::response::Response;

pub const ALLOW_METHODS: &str = "GET, POST, PATCH, PUT, DELETE";
pub const ALLOW_HEADERS: &str = "Authorization, Content-Type, Accept, If-Match";
pub const EXPOSE_HEADERS: &str = "ETag, Retry-After";
/// Seconds a browser may cache a preflight answer.
pub const MAX_AGE: &str = "600";

/// Checks a `--allow-origin` value: `scheme://host[:port]`, as browsers send `Origin`.
pub fn check_origin(origin: &str) -> Result<String, String> {
    let rest =
        origin.strip_prefix("http://").or_else(|| origin.strip_prefix("https://")).ok_or_else(|| {
            format!("origin {origin:?} must start with http:// or https:// (`*` and `null` are refused)")
        })?;
    if rest.is_empty() || rest.contains(['/', '?', '#', '*', ' ']) {
        return Err(format!(
            "origin {origin:?} must be scheme://host[:port], without a path or trailing slash"
        ));
    }
    Ok(origin.to_owned())
}

/// What one listener allows an allowed origin.
pub struct Policy {
    pub methods: &'static str,
    pub headers: &'static str,
    /// Response headers scripts may read.
    pub expose: Option<&'static str>,
    /// Cookies may come along (`Access-Control-Allow-Credentials`).
    pub credentials: bool,
}

/// The CDP API: the key in a header, never cookies.
pub const API: Policy = Policy {
    methods: ALLOW_METHODS,
    headers: ALLOW_HEADERS,
    expose: Some(EXPOSE_HEADERS),
    credentials: false,
};

/// The Profiles API: GETs with the browser's cookies (`td_global_id`), and the preflight that
/// td-js-sdk's `Content-Type` on a GET causes.
pub const LOOKUP: Policy =
    Policy { methods: "GET", headers: "Content-Type, Accept", expose: None, credentials: true };

pub async fn cors(State(state): State<AppState>, req: Request, next: Next) -> Response {
    answer(&state, req, next, &API).await
}

pub async fn lookup_cors(State(state): State<AppState>, req: Request, next: Next) -> Response {
    answer(&state, req, next, &LOOKUP).await
}

async fn answer(state: &AppState, req: Request, next: Next, policy: &Policy) -> Response {
    let origin = req.headers().get(header::ORIGIN).cloned();
    let allowed = origin
        .as_ref()
        .and_then(|o| o.to_str().ok())
        .is_some_and(|o| state.allowed_origins.iter().any(|a| a == o));
    let preflight =
        req.method() == Method::OPTIONS && req.headers().contains_key(header::ACCESS_CONTROL_REQUEST_METHOD);
    let mut res = if preflight {
        let mut res = Response::new(Body::empty());
        if allowed {
            *res.status_mut() = StatusCode::NO_CONTENT;
            let h = res.headers_mut();
            h.insert(header::ACCESS_CONTROL_ALLOW_METHODS, HeaderValue::from_static(policy.methods));
            h.insert(header::ACCESS_CONTROL_ALLOW_HEADERS, HeaderValue::from_static(policy.headers));
            h.insert(header::ACCESS_CONTROL_MAX_AGE, HeaderValue::from_static(MAX_AGE));
        } else {
            // No CORS headers: the browser blocks the actual request.
            *res.status_mut() = StatusCode::FORBIDDEN;
        }
        res
    } else {
        next.run(req).await
    };
    decorate(res.headers_mut(), origin.filter(|_| allowed), preflight, policy);
    res
}

fn decorate(h: &mut HeaderMap, allowed_origin: Option<HeaderValue>, preflight: bool, policy: &Policy) {
    // Answers differ by Origin, so shared caches must key on it even for refused origins.
    h.append(header::VARY, HeaderValue::from_static("Origin"));
    if preflight {
        h.append(header::VARY, HeaderValue::from_static("Access-Control-Request-Method"));
        h.append(header::VARY, HeaderValue::from_static("Access-Control-Request-Headers"));
    }
    if let Some(origin) = allowed_origin {
        h.insert(header::ACCESS_CONTROL_ALLOW_ORIGIN, origin);
        if let Some(expose) = policy.expose {
            h.insert(header::ACCESS_CONTROL_EXPOSE_HEADERS, HeaderValue::from_static(expose));
        }
        if policy.credentials {
            h.insert(header::ACCESS_CONTROL_ALLOW_CREDENTIALS, HeaderValue::from_static("true"));
        }
    }
}
