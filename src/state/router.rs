//! A small hash router: the current `AppRoute` as a signal, kept in step with `location.hash`.
//! (No leptos_router: smaller bundle, and hash URLs need no server rewrites on static hosts or
//! inside an embedding console.)

use crate::routes::AppRoute;
use leptos::prelude::*;

/// The current route, provided as context by `App`.
///
/// A page with unsaved work *guards* it: while guarded, a change of the hash (a link, the tree,
/// Back, Forward) is held back instead of followed, the browser is sent back to the entry it
/// came from, and the page asks the user (`held()`), who then leaves (`leave()`) or stays
/// (`stay()`). To know which way to go back, every history entry the app shows is stamped
/// with its position (`history.state.idx`).
#[derive(Clone, Copy)]
pub struct HashRouter {
    route: RwSignal<AppRoute>,
    guarded: RwSignal<bool>,
    held: RwSignal<Option<AppRoute>>,
    /// The position of the current history entry; `None` when not following the browser.
    position: StoredValue<Option<f64>>,
}

impl HashRouter {
    /// Reads the current hash and follows `hashchange` for as long as the calling owner lives.
    pub fn install() -> Self {
        let router = Self::new(AppRoute::parse(&current_hash()));
        let here = entry_position().unwrap_or(0.0);
        stamp_entry(here);
        router.position.set_value(Some(here));
        let handle = window_event_listener(leptos::ev::hashchange, move |_| {
            router.arrive(AppRoute::parse(&current_hash()));
        });
        on_cleanup(move || handle.remove());
        router
    }

    /// A router at `route` that follows no events (component tests drive it with `arrive`).
    pub fn new(route: AppRoute) -> Self {
        Self {
            route: RwSignal::new(route),
            guarded: RwSignal::new(false),
            held: RwSignal::new(None),
            position: StoredValue::new(None),
        }
    }

    /// The address now names `next`: follow it, or, while guarded, hold it and return to the
    /// entry the user was on (back after a link, forward after Back).
    pub fn arrive(&self, next: AppRoute) {
        let current = self.route.get_untracked();
        let position = self.position.try_get_value().flatten();
        let arrived_at = position.and(entry_position());
        if next == current {
            return;
        }
        if self.guarded.get_untracked() {
            self.held.set(Some(next));
            if let Some(from) = position {
                let delta = match arrived_at {
                    // A new entry (a link, `navigate`): it is one step ahead.
                    None => -1.0,
                    Some(at) => from - at,
                };
                go(delta);
            }
        } else {
            self.route.set(next);
            if let Some(from) = position {
                let at = arrived_at.unwrap_or(from + 1.0);
                stamp_entry(at);
                self.position.set_value(Some(at));
            }
        }
    }

    /// Whether leaving the current page needs asking first. The page that guards clears it
    /// when its work is saved or discarded, and when it goes away.
    pub fn set_guarded(&self, guarded: bool) {
        self.guarded.try_set(guarded);
        if !guarded {
            self.held.try_set(None);
        }
    }

    /// Where the user tried to go while guarded (tracked), until they leave or stay.
    pub fn held(&self) -> Option<AppRoute> {
        self.held.get()
    }

    /// Gives up the guard and goes where the user wanted to go.
    pub fn leave(&self) {
        let target = self.held.get_untracked();
        self.set_guarded(false);
        if let Some(target) = target {
            self.navigate(&target);
        }
    }

    /// Keeps the user on the page (and the guard on).
    pub fn stay(&self) {
        self.held.set(None);
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

/// The position stamped on the current history entry, if any.
fn entry_position() -> Option<f64> {
    let state = web_sys::window()?.history().ok()?.state().ok()?;
    js_sys::Reflect::get(&state, &"idx".into()).ok()?.as_f64()
}

/// Stamps the current history entry with its position (keeping its URL).
fn stamp_entry(position: f64) {
    let Some(history) = web_sys::window().and_then(|w| w.history().ok()) else { return };
    let state = js_sys::Object::new();
    _ = js_sys::Reflect::set(&state, &"idx".into(), &position.into());
    _ = history.replace_state(&state, "");
}

/// Moves through the history by `delta` entries (`hashchange` follows).
fn go(delta: f64) {
    if let Some(history) = web_sys::window().and_then(|w| w.history().ok()) {
        _ = history.go_with_delta(delta as i32);
    }
}

fn current_hash() -> String {
    web_sys::window().and_then(|w| w.location().hash().ok()).unwrap_or_default()
}

/// Guards the calling page's unsaved work for as long as it lives: while `dirty` is true,
/// in-app navigation is held for the page to ask about (`HashRouter::held`), and closing or
/// reloading the tab makes the browser ask (`beforeunload`).
pub fn guard_unsaved(dirty: Signal<bool>) {
    let router = use_router();
    if let Some(router) = router {
        Effect::new(move |_| router.set_guarded(dirty.get()));
    }
    let handle = window_event_listener(leptos::ev::beforeunload, move |ev| {
        if dirty.try_get_untracked().unwrap_or(false) {
            ev.prevent_default();
            // Older browsers need a return value to show their prompt.
            ev.set_return_value("unsaved");
        }
    });
    on_cleanup(move || {
        handle.remove();
        if let Some(router) = router {
            router.set_guarded(false);
        }
    });
}

/// The router from context, if `App` provided one (component tests don't).
pub fn use_router() -> Option<HashRouter> {
    use_context::<HashRouter>()
}
