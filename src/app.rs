//! The root component: provides the session and the hash router, and picks the screen.

use crate::components::Loading;
use crate::config::RuntimeConfig;
use crate::pages::{BrowsePage, ConnectPage, NotFoundPage, ParentSegmentsPage};
use crate::routes::AppRoute;
use crate::state::{Handoff, HashRouter, Session};
use leptos::prelude::*;

/// Which screen the current route needs, so the view is rebuilt only when that changes.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
enum Screen {
    ParentSegments,
    Browse,
    NotFound,
}

/// The whole app.
#[component]
pub fn App() -> impl IntoView {
    let session = Session::restore();
    provide_context(session);
    let handoff = Handoff::new();
    provide_context(handoff);
    let router = HashRouter::install();
    provide_context(router);
    let config = LocalResource::new(RuntimeConfig::load);

    let screen = Memo::new(move |_| match router.route() {
        AppRoute::ParentSegments => Screen::ParentSegments,
        AppRoute::NotFound => Screen::NotFound,
        _ => Screen::Browse,
    });
    let parent_segment = Memo::new(move |_| router.route().parent_segment().cloned());
    let connected = Memo::new(move |_| session.is_connected());
    // Nothing read in one session may be shown in the next (another key may see less).
    Effect::new(move |_| {
        if !connected.get() {
            handoff.clear();
        }
    });

    let connected_view = move || match screen.get() {
        Screen::ParentSegments => view! { <ParentSegmentsPage/> }.into_any(),
        Screen::NotFound => view! { <NotFoundPage/> }.into_any(),
        Screen::Browse => parent_segment.get().map(|ps| view! { <BrowsePage ps/> }).into_any(),
    };
    view! {
        {move || {
            if connected.get() {
                connected_view.into_any()
            } else {
                match config.get() {
                    Some(config) => view! { <ConnectPage config/> }.into_any(),
                    None => view! { <main class="page narrow"><Loading/></main> }.into_any(),
                }
            }
        }}
    }
}
