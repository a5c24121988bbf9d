//! The folder tree (WAI-ARIA APG tree view): one tab stop (roving tabindex), arrows, Home/End,
//! Enter and type-ahead, lazily loaded folders. All state is in the `TreeStore`.

use super::error_view::ErrorView;
use super::focus::focus_by_id;
use super::spinner::Loading;
use super::tree_item::tree_item;
use crate::state::{LoadState, NodeKey, TreeKey, TreeStore};
use leptos::prelude::*;
use wasm_bindgen::JsCast;

/// What the root shows, as a small comparable value so the view switches only when it changes.
#[derive(Clone, Debug, PartialEq)]
enum RootView {
    Loading,
    Failed(crate::api::ApiError),
    Empty,
    Items,
}

/// The tree of one parent segment. The root folder itself is not shown; its children are the
/// top level.
#[component]
pub fn Tree(
    /// The store to show and update.
    store: TreeStore,
    /// The tree's accessible name (`aria-label`).
    #[prop(into)]
    label: String,
    /// Called when the user activates an item (click or Enter): open its page.
    #[prop(into)]
    on_activate: Callback<NodeKey>,
) -> impl IntoView {
    let root = store.with_untracked(|m| m.root().clone());
    let root_view = Memo::new(move |_| {
        store.with(|m| match m.load_state(m.root()) {
            LoadState::NotLoaded | LoadState::Loading => RootView::Loading,
            LoadState::Failed(e) => RootView::Failed(e.clone()),
            LoadState::Loaded(keys) if keys.is_empty() => RootView::Empty,
            LoadState::Loaded(_) => RootView::Items,
        })
    });
    // Computed once per change for all items, instead of once per item.
    let tab_stop = Memo::new(move |_| store.with(|m| m.tab_stop()));
    let top_level = Memo::new(move |_| store.with(|m| m.children_of(m.root()).to_vec()));

    let on_keydown = move |ev: web_sys::KeyboardEvent| {
        // Keys inside an item's Retry button belong to the button, not to the tree.
        let on_item = ev
            .target()
            .and_then(|t| t.dyn_into::<web_sys::Element>().ok())
            .is_some_and(|el| el.get_attribute("role").as_deref() == Some("treeitem"));
        if !on_item || ev.alt_key() || ev.ctrl_key() || ev.meta_key() {
            return;
        }
        let Some(key) = TreeKey::from_dom(&ev.key()) else { return };
        let out = store.on_key(key, js_sys::Date::now());
        if out.handled {
            ev.prevent_default();
        }
        if let Some(target) = out.focus {
            focus_dom_id(store.with_untracked(|m| m.dom_id(&target)));
        }
        if let Some(target) = out.activate {
            on_activate.run(target);
        }
    };

    let retry_root = {
        let root = root.clone();
        Callback::new(move |()| {
            if let Some(f) = root.as_folder() {
                store.reload(&f);
            }
        })
    };
    let root_for_items = root.clone();
    view! {
        {move || match root_view.get() {
            RootView::Loading => view! { <Loading label="Loading folders…"/> }.into_any(),
            RootView::Failed(error) => {
                view! { <ErrorView error context="Could not load the folders." on_retry=retry_root/> }
                    .into_any()
            }
            RootView::Empty => view! { <p class="tree-note">"No folders or tokens yet."</p> }.into_any(),
            RootView::Items => {
                let root = root_for_items.clone();
                view! {
                    <ul class="tree" role="tree" aria-label=label.clone() on:keydown=on_keydown>
                        <For
                            each=move || top_level.get()
                            key=|k| k.clone()
                            children=move |k| tree_item(store, k, root.clone(), 1, tab_stop, on_activate)
                        />
                    </ul>
                }
                    .into_any()
            }
        }}
    }
}

/// Moves DOM focus to an item; if it is not rendered yet (just loaded), tries once more on the
/// next frame.
pub fn focus_item(key: &NodeKey) {
    focus_dom_id(key.dom_id());
}

/// Focuses the element with this id now, or on the next frame if it is not rendered yet.
fn focus_dom_id(id: String) {
    if !focus_by_id(&id) {
        request_animation_frame(move || {
            _ = focus_by_id(&id);
        });
    }
}
