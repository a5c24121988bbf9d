//! "Copy" button for a value such as a token UUID, announcing the result in a live region.

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
    label: Option<String>,
) -> impl IntoView {
    let status = RwSignal::new(String::new());
    let value = StoredValue::new(value);
    let copy = move |_| {
        let text = value.get_value();
        leptos::task::spawn_local(async move {
            let ok = match clipboard() {
                Some(c) => JsFuture::from(c.write_text(&text)).await.is_ok(),
                None => false,
            };
            let message = if ok { "Copied" } else { "Copy failed: select the text and copy it manually" };
            status.try_set(message.to_owned());
        });
    };
    view! {
        <button type="button" class="button button-small" aria-label=label on:click=copy>
            "Copy"
        </button>
        <span class="copy-status" role="status" aria-live="polite">
            {move || status.get()}
        </span>
    }
}

/// The Clipboard API, absent on insecure origins and in some embeddings.
fn clipboard() -> Option<web_sys::Clipboard> {
    let navigator = web_sys::window()?.navigator();
    let has = js_sys::Reflect::get(&navigator, &"clipboard".into()).ok().is_some_and(|c| !c.is_undefined());
    has.then(|| navigator.clipboard())
}
