//! The page for addresses that name nothing (bad ids, unknown paths).

use crate::routes::AppRoute;
use leptos::prelude::*;

/// "Not found", with the way back.
#[component]
pub fn NotFoundPage() -> impl IntoView {
    view! {
        <super::AppHeader/>
        <main class="page narrow">
            <NotFoundBody/>
        </main>
    }
}

/// The message and link, also used inside the browse layout.
#[component]
pub fn NotFoundBody(
    /// What was not found, e.g. "This token". Defaults to "This page".
    #[prop(optional, into)]
    what: Option<String>,
) -> impl IntoView {
    let what = what.unwrap_or_else(|| "This page".into());
    view! {
        <h1>"Not found"</h1>
        <p>{what}" does not exist, or it was moved or deleted."</p>
        <p><a href=AppRoute::ParentSegments.href()>"Back to parent segments"</a></p>
    }
}
