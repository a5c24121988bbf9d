//! The root component: provides the session, the router and the hand-overs of one instance,
//! and picks the screen. The instance itself (root, ids, drafts) comes from `crate::mount`.

use crate::browse::BrowsePage;
use crate::config::RuntimeConfig;
use crate::instance::use_instance;
use crate::routes::AppRoute;
use crate::screens::{ConnectPage, NotFoundPage, ParentSegmentsPage};
use crate::session::router::follow_links_in_memory;
use crate::session::{Handoff, History, Router, Session};
use crate::token::form::drafts::use_drafts;
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
pub fn App(
    /// Where the route lives: the URL hash (standalone) or memory (embedded).
    history: History,
    /// The first route with memory history (the hash names it otherwise).
    start: AppRoute,
) -> impl IntoView {
    let session = Session::restore(use_drafts());
    provide_context(session);
    let handoff = Handoff::new();
    provide_context(handoff);
    let router = Router::install(history, start);
    provide_context(router);
    follow_links_in_memory(use_instance(), router);
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
