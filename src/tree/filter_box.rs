//! The tree's filter box: typing filters the loaded tree (`filter.rs`), a status line
//! announces the match count, Escape clears.

use crate::i18n::locale::{tr, tr_with, use_locale};
use crate::i18n::{intl, Verbatim};
use crate::instance::use_instance;
use crate::tree::text::TreeText;
use crate::tree::TreeStore;
use leptos::prelude::*;
use wasm_bindgen::JsCast;

/// A search box named "Filter" above the tree it filters.
#[component]
pub fn TreeFilterBox(
    /// The tree to filter.
    store: TreeStore,
) -> impl IntoView {
    let (inst, locale) = (use_instance(), use_locale());
    let matches = Memo::new(move |_| store.with(|m| m.filter().map(|f| f.matches())));
    // Nothing until the box filters: then how many match.
    let status = tr_with(move || match matches.get() {
        Some(n) => TreeText::matches(n, intl::count(n as f64, locale.language())).into(),
        None => Verbatim(String::new()).into(),
    });
    let on_keydown = move |ev: web_sys::KeyboardEvent| {
        let Some(input) = ev.target().and_then(|t| t.dyn_into::<web_sys::HtmlInputElement>().ok()) else {
            return;
        };
        // Escape clears (and is kept from also closing something around the box).
        if ev.key() == "Escape" && !input.value().is_empty() {
            ev.prevent_default();
            ev.stop_propagation();
            input.set_value("");
            store.set_filter("");
        }
    };
    view! {
        <div class="tree-filter">
            <label for=inst.id("tree-filter")>{tr(TreeText::Filter)}</label>
            <input
                id=inst.id("tree-filter")
                type="search"
                autocomplete="off"
                spellcheck="false"
                placeholder=tr(TreeText::FilterPlaceholder)
                aria-describedby=inst.ids("tree-filter-status")
                on:input=move |ev| store.set_filter(&event_target_value(&ev))
                on:keydown=on_keydown
            />
            <p id=inst.id("tree-filter-status") class="tree-filter-status" role="status">{status}</p>
        </div>
    }
}
