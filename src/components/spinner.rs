//! Progress indicators. They appear only after ~150 ms (a CSS animation delay, no timers), so
//! fast answers don't flash, and slow ones always show that something is happening.

use leptos::prelude::*;

/// A decorative spinning ring.
#[component]
pub fn Spinner() -> impl IntoView {
    view! { <span class="spinner" aria-hidden="true"></span> }
}

/// A "Loading…" status line, announced politely to screen readers.
#[component]
pub fn Loading(
    /// What is loading, e.g. "Loading parent segments…". Defaults to "Loading…".
    #[prop(optional, into)]
    label: Option<String>,
) -> impl IntoView {
    let label = label.unwrap_or_else(|| "Loading…".into());
    view! {
        <div class="loading delayed" role="status">
            <Spinner/>
            <span>{label}</span>
        </div>
    }
}
