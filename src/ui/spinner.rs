//! Progress indicators. They appear only after ~150 ms (a CSS animation delay, no timers), so
//! fast answers don't flash, and slow ones always show that something is happening. Every wait
//! on a request uses [`Loading`] (pages, forms, dialogs); tree items, whose groups may hold only
//! tree items, use the same `delayed` class around [`Spinner`] and a status line.

use crate::i18n::locale::tr;
use crate::ui::text::UiText;
use leptos::prelude::*;

/// A decorative spinning ring.
#[component]
pub fn Spinner() -> impl IntoView {
    view! { <span class="spinner" aria-hidden="true"></span> }
}

/// A "Loading…" (or "Saving…", "Moving…") status line, announced politely to screen readers,
/// visible only once the wait passes ~150 ms (`.delayed` in style/main.css).
#[component]
pub fn Loading(
    /// What is loading, e.g. "Loading parent segments…". Defaults to "Loading…".
    #[prop(optional, into)]
    label: Option<Signal<String>>,
) -> impl IntoView {
    let label = label.unwrap_or_else(|| Signal::derive(tr(UiText::Loading)));
    view! {
        <div class="loading delayed" role="status">
            <Spinner/>
            <span>{label}</span>
        </div>
    }
}
