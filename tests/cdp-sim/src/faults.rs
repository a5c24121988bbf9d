//! Fault injection (test endpoints): the next N requests matching a method and a path get a
//! status, a delay, a dropped connection, a truncated body or an HTML error page instead of
//! (or on top of) the real answer. Preflights never reach this layer.

use crate::errors::{injected_body, json_response, Family};
use crate::state::{lock, AppState};
use axum::body::{Body, Bytes};
use axum::extract::{Request, State};
use axum::http::{header, HeaderValue, StatusCode};
use axum::middleware::Next;
use axum::response::Response;
use serde::{Deserialize, Serialize};
use serde_json::Value;
use std::pin::Pin;
use std::task::{Context, Poll};
use std::time::Duration;

#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum FaultKind {
    /// Answer `status` with the family's error body (or `body`), without running the handler.
    Status,
    /// Run the handler, then hold the answer `delayMs`. A write lands even if the client
    /// gives up first, as when a slow answer times out at the client.
    Delay,
    /// Close the connection without an answer; the handler does not run.
    Drop,
    /// Run the handler, answer 200 with the body cut in half and the route's JSON media type.
    Malformed,
    /// Answer `status` (default 502) with a proxy's HTML error page; the handler does not run.
    Html,
}

#[derive(Clone, Debug, Serialize, Deserialize)]
#[serde(rename_all = "camelCase", deny_unknown_fields)]
pub struct FaultSpec {
    /// An HTTP method, or `*` for any.
    pub method: String,
    /// An exact path, or a prefix when it ends with `*`.
    pub path: String,
    pub kind: FaultKind,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub status: Option<u16>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub delay_ms: Option<u64>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub retry_after: Option<String>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub body: Option<Value>,
    /// How many matching requests this applies to (default 1).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub count: Option<u32>,
}

impl FaultSpec {
    fn check(&self) -> Result<(), String> {
        if let Some(s) = self.status {
            if !(200..=599).contains(&s) {
                return Err(format!("status {s} is not a final HTTP status"));
            }
        }
        if self.kind == FaultKind::Status && self.status.is_none() {
            return Err("kind \"status\" needs a status".into());
        }
        if !self.path.starts_with('/') {
            return Err("path must start with '/'".into());
        }
        if let Some(r) = &self.retry_after {
            HeaderValue::from_str(r).map_err(|_| "retryAfter is not a valid header value".to_owned())?;
        }
        if self.count == Some(0) {
            return Err("count must be at least 1".into());
        }
        Ok(())
    }

    fn matches(&self, method: &str, path: &str) -> bool {
        let method_ok = self.method == "*" || self.method.eq_ignore_ascii_case(method);
        let path_ok = match self.path.strip_suffix('*') {
            Some(prefix) => path.starts_with(prefix),
            None => self.path == path,
        };
        method_ok && path_ok
    }
}

#[derive(Default)]
pub struct Faults {
    active: Vec<(FaultSpec, u32)>,
}

impl Faults {
    pub fn add(&mut self, spec: FaultSpec) -> Result<(), String> {
        spec.check()?;
        let n = spec.count.unwrap_or(1);
        self.active.push((spec, n));
        Ok(())
    }

    pub fn clear(&mut self) {
        self.active.clear();
    }

    /// Active faults with their remaining counts.
    pub fn list(&self) -> Vec<Value> {
        self.active
            .iter()
            .map(|(spec, left)| {
                let mut v = serde_json::to_value(spec).unwrap_or(Value::Null);
                v["remaining"] = (*left).into();
                v
            })
            .collect()
    }

    /// The first fault matching the request, counted down (and forgotten at zero).
    fn take(&mut self, method: &str, path: &str) -> Option<FaultSpec> {
        let at = self.active.iter().position(|(spec, _)| spec.matches(method, path))?;
        let (spec, left) = &mut self.active[at];
        *left -= 1;
        if *left > 0 {
            return Some(spec.clone());
        }
        Some(self.active.remove(at).0)
    }
}

/// Marks an answer as shaped by a fault, for the request log.
#[derive(Clone, Copy, Debug)]
pub struct Injected(pub FaultKind);

pub async fn inject(State(state): State<AppState>, req: Request, next: Next) -> Response {
    let path = req.uri().path().to_owned();
    if path.starts_with("/_sim/") {
        return next.run(req).await;
    }
    let method = req.method().as_str().to_owned();
    let Some(fault) = lock(&state.faults).take(&method, &path) else {
        return next.run(req).await;
    };
    let mut res = match fault.kind {
        FaultKind::Status => status_answer(&fault, &path, &method),
        FaultKind::Delay => {
            let res = next.run(req).await;
            tokio::time::sleep(Duration::from_millis(fault.delay_ms.unwrap_or(1000))).await;
            res
        }
        FaultKind::Drop => Response::new(Body::new(Abort)),
        FaultKind::Malformed => truncated(next.run(req).await, &path).await,
        FaultKind::Html => html_answer(&fault),
    };
    if let Some(r) = fault.retry_after.as_deref().and_then(|r| HeaderValue::from_str(r).ok()) {
        res.headers_mut().insert(header::RETRY_AFTER, r);
    }
    res.extensions_mut().insert(Injected(fault.kind));
    res
}

fn status_answer(fault: &FaultSpec, path: &str, method: &str) -> Response {
    let status =
        fault.status.and_then(|s| StatusCode::from_u16(s).ok()).unwrap_or(StatusCode::INTERNAL_SERVER_ERROR);
    let body = fault.body.clone().unwrap_or_else(|| injected_body(Family::of(path), status, method));
    let media = if status.is_success() { Family::success_type(path) } else { crate::errors::JSON };
    let mut res = json_response(status, media, &body);
    // Rate limits and maintenance come with a hint of when to come back.
    if status == StatusCode::TOO_MANY_REQUESTS || status == StatusCode::SERVICE_UNAVAILABLE {
        res.headers_mut().insert(header::RETRY_AFTER, HeaderValue::from_static("1"));
    }
    res
}

fn html_answer(fault: &FaultSpec) -> Response {
    let status = fault.status.and_then(|s| StatusCode::from_u16(s).ok()).unwrap_or(StatusCode::BAD_GATEWAY);
    let title = format!("{} {}", status.as_u16(), status.canonical_reason().unwrap_or("Error"));
    let page = format!(
        "<html>\r\n<head><title>{title}</title></head>\r\n<body>\r\n<center><h1>{title}</h1></center>\r\n<hr><center>nginx</center>\r\n</body>\r\n</html>\r\n"
    );
    let mut res = Response::new(Body::from(page));
    *res.status_mut() = status;
    res.headers_mut().insert(header::CONTENT_TYPE, HeaderValue::from_static("text/html"));
    res
}

/// The real answer's body cut short: 200, the route's JSON media type, invalid JSON.
async fn truncated(res: Response, path: &str) -> Response {
    let (mut parts, body) = res.into_parts();
    let bytes = axum::body::to_bytes(body, usize::MAX).await.unwrap_or_default();
    let keep = (bytes.len() / 2).max(1).min(bytes.len().saturating_sub(1));
    let mut cut = bytes.slice(..keep).to_vec();
    if cut.is_empty() {
        cut.push(b'{');
    }
    parts.status = StatusCode::OK;
    parts.headers.remove(header::CONTENT_LENGTH);
    parts.headers.insert(header::CONTENT_TYPE, HeaderValue::from_static(Family::success_type(path)));
    Response::from_parts(parts, Body::from(cut))
}

/// A body that fails at once: hyper then aborts the connection instead of answering.
struct Abort;

impl http_body::Body for Abort {
    type Data = Bytes;
    type Error = std::io::Error;

    fn poll_frame(
        self: Pin<&mut Self>,
        _: &mut Context<'_>,
    ) -> Poll<Option<Result<http_body::Frame<Bytes>, Self::Error>>> {
        Poll::Ready(Some(Err(std::io::Error::new(std::io::ErrorKind::ConnectionAborted, "injected drop"))))
    }
}
