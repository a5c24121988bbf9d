//! The header of every connected screen: product name, the parent segment, "Disconnect".

use crate::routes::AppRoute;
use crate::session::{use_router, use_session};
use leptos::prelude::*;

/// The app header. "Disconnect" forgets the key (memory and sessionStorage) and the page.
#[component]
pub fn AppHeader(
    /// The parent segment being browsed, if any.
    #[prop(optional, into)]
    parent_segment: Option<Signal<String>>,
) -> impl IntoView {
    let (session, router) = (use_session(), use_router());
    let disconnect = move |_| {
        router.navigate(&AppRoute::ParentSegments);
        session.disconnect();
    };
    view! {
        <header class="app-header">
            <a class="brand" href=AppRoute::ParentSegments.href()>"Profiles Studio"</a>
            {parent_segment.map(|name| view! { <span class="header-context">{move || name.get()}</span> })}
            <button type="button" class="button button-quiet" on:click=disconnect>"Disconnect"</button>
        </header>
    }
}
