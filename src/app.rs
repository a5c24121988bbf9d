//! The root component: provides the hand-overs of one instance and picks the screen. The
//! instance itself (root, ids, drafts, session, router) comes from `crate::mount`.

use crate::browse::BrowsePage;
use crate::config::RuntimeConfig;
use crate::routes::AppRoute;
use crate::screens::{ConnectPage, HostRefusedPage, NotFoundPage, ParentSegmentsPage};
use crate::session::{use_router, use_session, Handoff};
use crate::ui::Loading;
use leptos::prelude::*;

/// Which screen the current route needs, so the view is rebuilt only when that changes.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
enum Screen {
    ParentSegments,
    Browse,
    NotFound,
}

/// The whole app, inside an instance made by `crate::mount`.
#[component]
pub fn App() -> impl IntoView {
    let (session, router) = (use_session(), use_router());
    let handoff = Handoff::new();
    provide_context(handoff);

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
    // Only a standalone page reads its `config.json`: an embedded one was told everything by
    // its host, and must not ask the host's server for files of ours.
    let hosted = session.is_hosted();
    let config = (!hosted).then(|| LocalResource::new(RuntimeConfig::load));
    Effect::new(move |_| {
        if let Some(config) = config.and_then(|c| c.get()) {
            session.set_lookup_base(config.lookup_base);
        }
    });
    let disconnected_view = move || match config.and_then(|c| c.get()) {
        _ if hosted => view! { <HostRefusedPage/> }.into_any(),
        Some(config) => view! { <ConnectPage config/> }.into_any(),
        None => view! { <main class="page narrow"><Loading/></main> }.into_any(),
    };
    view! {
        {move || if connected.get() { connected_view.into_any() } else { disconnected_view.into_any() }}
    }
}
