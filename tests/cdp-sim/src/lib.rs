//! cdp-sim: an in-memory simulator of the Treasure Data CDP API subset Profiles Studio uses.
//!
//! Faithful to `docs/cdp-api.md` and `tests/cdp-sim/schema/cdp-openapi-subset.json`: the same
//! routes, shapes, media types, validation rules and error bodies, plus test-only endpoints
//! (`/_sim/...`) for a request log, resets and fault injection. Start it from a test with
//! [`start`], or run the `cdp-sim` binary.

pub mod auth;
pub mod clock;
pub mod cors;
pub mod errors;
pub mod faults;
pub mod fixture;
pub mod generate;
pub mod lookup;
pub mod render;
pub mod reqlog;
pub mod routes;
pub mod state;
pub mod store;
pub mod validate;
pub mod workflow;

use axum::middleware::from_fn_with_state;
use axum::Router;
use std::future::Future;
use std::net::SocketAddr;
use std::sync::Arc;
use tokio::net::TcpListener;
use tokio::sync::oneshot;

pub use fixture::{Fixture, FixtureSource};

/// What a simulator serves and to whom.
#[derive(Clone, Debug)]
pub struct Config {
    pub fixture: Fixture,
    /// Keys accepted in `Authorization: TD1 <key>`.
    pub api_keys: Vec<String>,
    /// Exact origins allowed by CORS (checked with [`cors::check_origin`]).
    pub allow_origins: Vec<String>,
    /// Mount `/_sim/...` and record requests.
    pub test_endpoints: bool,
    /// Overrides the name of the fixture's current user (the API key's owner).
    pub user_name: Option<String>,
    /// How long a token's workflow runs after a save before lookups see the change.
    pub workflow_delay: std::time::Duration,
}

/// The whole HTTP application. Layers, outermost first: CORS (answers preflights itself),
/// request log, fault injection, then the routes (API routes behind the key check).
pub fn app(config: Config) -> Router {
    apps(config).0
}

/// The CDP API and the Profiles API (the lookup listener, its own origin as in production),
/// sharing one store, fault list and request log.
pub fn apps(config: Config) -> (Router, Router) {
    let state = Arc::new(state::Shared::new(config));
    let lookup = lookup::router()
        .layer(from_fn_with_state(state.clone(), faults::inject))
        .layer(from_fn_with_state(state.clone(), reqlog::record))
        .layer(from_fn_with_state(state.clone(), cors::lookup_cors))
        .with_state(state.clone());
    (api_app(state), lookup)
}

fn api_app(state: state::AppState) -> Router {
    let mut router = routes::api().route_layer(from_fn_with_state(state.clone(), auth::require_key));
    if state.test_endpoints {
        router = router.merge(routes::sim());
    }
    router
        .fallback(routes::fallback)
        .layer(from_fn_with_state(state.clone(), faults::inject))
        .layer(from_fn_with_state(state.clone(), reqlog::record))
        .layer(from_fn_with_state(state.clone(), cors::cors))
        .with_state(state)
}

/// Both listeners of a simulator running in this process (tests): stop when dropped.
pub async fn start_both(
    addr: SocketAddr,
    lookup_addr: SocketAddr,
    config: Config,
) -> std::io::Result<(Running, Running)> {
    let (api, lookup) = apps(config);
    Ok((spawn(addr, api).await?, spawn(lookup_addr, lookup).await?))
}

async fn spawn(addr: SocketAddr, app: Router) -> std::io::Result<Running> {
    let listener = TcpListener::bind(addr).await?;
    let addr = listener.local_addr()?;
    let (stop, stopped) = oneshot::channel::<()>();
    tokio::spawn(serve(listener, app, async move {
        let _ = stopped.await;
    }));
    Ok(Running { addr, stop: Some(stop) })
}

/// Serves `app` on `listener` until `shutdown` resolves, then finishes in-flight requests.
pub async fn serve(
    listener: TcpListener,
    app: Router,
    shutdown: impl Future<Output = ()> + Send + 'static,
) -> std::io::Result<()> {
    axum::serve(listener, app).with_graceful_shutdown(shutdown).await
}

/// A simulator running in this process (tests): stops when dropped.
pub struct Running {
    pub addr: SocketAddr,
    stop: Option<oneshot::Sender<()>>,
}

impl Running {
    /// `http://127.0.0.1:PORT`, without a trailing slash.
    pub fn url(&self) -> String {
        format!("http://{}", self.addr)
    }
}

impl Drop for Running {
    fn drop(&mut self) {
        if let Some(stop) = self.stop.take() {
            let _ = stop.send(());
        }
    }
}

/// Binds `addr` (port 0 picks a free port) and serves in a background task.
pub async fn start(addr: SocketAddr, config: Config) -> std::io::Result<Running> {
    spawn(addr, app(config)).await
}
