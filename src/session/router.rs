//! A small router: the current `AppRoute` as a signal, with one of two histories chosen when the
//! app is mounted: the URL hash (standalone: links, Back and Forward work, no server rewrites
//! on static hosts) or memory (embedded: the host's URL is never read or written). (No
//! leptos_router: smaller bundle, and neither history needs it.)

use crate::instance::Instance;
use crate::routes::AppRoute;
use leptos::prelude::*;
use wasm_bindgen::closure::Closure;
use wasm_bindgen::JsCast;
use web_sys::Element;

/// Where the router keeps its history.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum History {
    /// `location.hash`, followed through `hashchange`.
    Hash,
    /// Only in this instance: navigating sets the route, nothing else on the page changes.
    Memory,
}

/// The current route, provided as context by `App`.
///
/// A page with unsaved work *guards* it: while guarded, a change of the hash (a link, the tree,
/// Back, Forward) is held back instead of followed, the browser is sent back to the entry it
/// came from, and the page asks the user (`held()`), who then leaves (`leave()`) or stays
/// (`stay()`). To know which way to go back, every history entry the app shows is stamped
/// with its position (`history.state.idx`).
#[derive(Clone, Copy)]
pub struct Router {
    history: History,
    route: RwSignal<AppRoute>,
    guarded: RwSignal<bool>,
    held: RwSignal<Option<AppRoute>>,
    /// The position of the current history entry; `None` when not following the browser.
    position: StoredValue<Option<f64>>,
}

impl Router {
    /// A router with `history`: `Hash` reads the current hash and follows `hashchange` for as
    /// long as the calling owner lives; `Memory` starts at `start`.
    pub fn install(history: History, start: AppRoute) -> Self {
        match history {
            History::Hash => Self::follow_hash(),
            History::Memory => Self::new(start),
        }
    }

    fn follow_hash() -> Self {
        let router = Self { history: History::Hash, ..Self::new(AppRoute::parse(&current_hash())) };
        let here = entry_position().unwrap_or(0.0);
        stamp_entry(here);
        router.position.set_value(Some(here));
        let handle = window_event_listener(leptos::ev::hashchange, move |_| {
            router.arrive(AppRoute::parse(&current_hash()));
        });
        on_cleanup(move || handle.remove());
        router
    }

    /// A memory router at `route` (component tests drive it with `arrive` too).
    pub fn new(route: AppRoute) -> Self {
        Self {
            history: History::Memory,
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

    /// The current route, untracked; `None` once the instance is gone.
    pub fn try_route_untracked(&self) -> Option<AppRoute> {
        self.route.try_get_untracked()
    }

    /// Goes to `route` (a history entry, like following a link).
    pub fn navigate(&self, route: &AppRoute) {
        match self.history {
            History::Hash => {
                if let Some(location) = web_sys::window().map(|w| w.location()) {
                    _ = location.set_hash(&route.href());
                }
            }
            History::Memory => self.arrive(route.clone()),
        }
    }

    /// Which history this router keeps.
    pub fn history(&self) -> History {
        self.history
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
/// in-app navigation is held for the page to ask about (`Router::held`), and closing or
/// reloading the tab makes the browser ask (`beforeunload`).
pub fn guard_unsaved(dirty: Signal<bool>) {
    let router = use_router();
    Effect::new(move |_| router.set_guarded(dirty.get()));
    let handle = window_event_listener(leptos::ev::beforeunload, move |ev| {
        if dirty.try_get_untracked().unwrap_or(false) {
            ev.prevent_default();
            // Older browsers need a return value to show their prompt.
            ev.set_return_value("unsaved");
        }
    });
    on_cleanup(move || {
        handle.remove();
        router.set_guarded(false);
    });
}

/// The router from context (`App` provides it; component tests of guarded pages do too).
pub fn use_router() -> Router {
    crate::context::required::<Router>("Router")
}

/// With memory history, a plain click on an in-app link (`#/…`) inside the instance is followed
/// by the router instead of the browser, so the host's URL never changes. Removed with the
/// calling owner. (With hash history the browser follows the link and `hashchange` follows it.)
pub fn follow_links_in_memory(instance: Instance, router: Router) {
    if router.history() != History::Memory {
        return;
    }
    let Some(root) = instance.root() else { return };
    let on_click = Closure::<dyn Fn(web_sys::MouseEvent)>::new(move |ev: web_sys::MouseEvent| {
        let modified = ev.ctrl_key() || ev.meta_key() || ev.shift_key() || ev.alt_key();
        if ev.default_prevented() || ev.button() != 0 || modified {
            return;
        }
        let link = ev
            .target()
            .and_then(|t| t.dyn_into::<Element>().ok())
            .and_then(|el| el.closest("a[href]").ok().flatten());
        let Some(href) = link.and_then(|a| a.get_attribute("href")).filter(|h| h.starts_with('#')) else {
            return;
        };
        ev.prevent_default();
        router.navigate(&AppRoute::parse(&href));
    });
    _ = root.add_event_listener_with_callback("click", on_click.as_ref().unchecked_ref());
    let listener = StoredValue::new_local((root, on_click));
    on_cleanup(move || {
        listener.try_with_value(|(root, on_click)| {
            _ = root.remove_event_listener_with_callback("click", on_click.as_ref().unchecked_ref());
        });
    });
}
