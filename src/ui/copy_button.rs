//! "Copy" button for a value such as a token UUID, announcing the result in a live region.

use crate::i18n::locale::{tr, tr_with};
use crate::i18n::{Message, Verbatim};
use crate::ui::text::UiText;
use leptos::prelude::*;
use wasm_bindgen_futures::JsFuture;

/// Copies `value` with the async Clipboard API and says "Copied" (or how to copy by hand).
#[component]
pub fn CopyButton(
    /// The text to copy.
    #[prop(into)]
    value: String,
    /// The button's accessible name when "Copy" alone would be ambiguous ("Copy the curl
    /// snippet"); it starts with the visible "Copy".
    #[prop(optional, into)]
    label: Option<Signal<String>>,
) -> impl IntoView {
    let status = RwSignal::new(None::<Message>);
    let value = StoredValue::new(value);
    let copy = move |_| {
        let text = value.get_value();
        leptos::task::spawn_local(async move {
            let ok = match clipboard() {
                Some(c) => JsFuture::from(c.write_text(&text)).await.is_ok(),
                None => false,
            };
            status.try_set(Some(if ok { UiText::Copied } else { UiText::CopyFailed }.into()));
        });
    };
    view! {
        <button type="button" class="button button-small" aria-label=label on:click=copy>
            {tr(UiText::Copy)}
        </button>
        <span class="copy-status" role="status" aria-live="polite">
            {tr_with(move || status.get().unwrap_or_else(|| Verbatim(String::new()).into()))}
        </span>
    }
}

/// The Clipboard API, absent on insecure origins and in some embeddings.
fn clipboard() -> Option<web_sys::Clipboard> {
    let navigator = web_sys::window()?.navigator();
    let has = js_sys::Reflect::get(&navigator, &"clipboard".into()).ok().is_some_and(|c| !c.is_undefined());
    has.then(|| navigator.clipboard())
}
