//! A small hash router: the current `AppRoute` as a signal, kept in step with `location.hash`.
//! (No leptos_router: smaller bundle, and hash URLs need no server rewrites on static hosts or
//! inside an embedding console.)

use crate::routes::AppRoute;
use leptos::prelude::*;

/// The current route, provided as context by `App`.
#[derive(Clone, Copy)]
pub struct HashRouter {
    route: RwSignal<AppRoute>,
}

impl HashRouter {
    /// Reads the current hash and follows `hashchange` for as long as the calling owner lives.
    pub fn install() -> Self {
        let route = RwSignal::new(AppRoute::parse(&current_hash()));
        let handle = window_event_listener(leptos::ev::hashchange, move |_| {
            route.set(AppRoute::parse(&current_hash()));
        });
        on_cleanup(move || handle.remove());
        Self { route }
    }

    /// The current route (tracked).
    pub fn route(&self) -> AppRoute {
        self.route.get()
    }

    /// Goes to `route` (a history entry, like following a link).
    pub fn navigate(&self, route: &AppRoute) {
        if let Some(location) = web_sys::window().map(|w| w.location()) {
            _ = location.set_hash(&route.href());
        }
    }
}

fn current_hash() -> String {
    web_sys::window().and_then(|w| w.location().hash().ok()).unwrap_or_default()
}

/// The router from context, if `App` provided one (component tests don't).
pub fn use_router() -> Option<HashRouter> {
    use_context::<HashRouter>()
}
