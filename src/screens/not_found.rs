//! The page for addresses that name nothing (bad ids, unknown paths).

use crate::ui::NotFoundBody;
use leptos::prelude::*;

/// "Not found", with the way back.
#[component]
pub fn NotFoundPage() -> impl IntoView {
    view! {
        <crate::session::AppHeader/>
        <main class="page narrow">
            <NotFoundBody/>
        </main>
    }
}
