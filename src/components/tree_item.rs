//! One tree item, recursively: its row (toggle, icon, name) and, when open, its children or
//! the loading / error / empty state of its folder.

use super::icon::{Chevron, KindIcon};
use super::spinner::Spinner;
use crate::components::error_view::explain;
use crate::state::{LoadState, NodeKey, TreeStore};
use leptos::prelude::*;
use leptos::tachys::html::attribute::custom::custom_attribute;
use leptos::tachys::view::add_attr::AddAnyAttr;

/// What an item shows below its row.
#[derive(Clone, Debug, PartialEq)]
enum Below {
    Nothing,
    Loading,
    Failed(String),
    Empty,
    Children,
}

/// Renders the item `key` (a child of `parent`) at `aria-level` `level`. A function returning
/// `AnyView` rather than a component, because it calls itself for the children.
pub fn tree_item(
    store: TreeStore,
    key: NodeKey,
    parent: NodeKey,
    level: u32,
    tab_stop: Memo<Option<NodeKey>>,
    on_activate: Callback<NodeKey>,
) -> AnyView {
    let dom_id = store.with_untracked(|m| m.dom_id(&key));
    let label_id = format!("{dom_id}-label");
    let labelledby = label_id.clone();
    let data_kind = key.kind.data_kind().to_owned();
    let k = key.clone();
    let expandable = Memo::new(move |_| store.with(|m| m.is_expandable(&k)));
    let k = key.clone();
    let expanded = Memo::new(move |_| store.with(|m| m.is_expanded(&k)));
    let k = key.clone();
    let name = Memo::new(move |_| store.with(|m| m.name(&k).to_owned()));
    let (k, p) = (key.clone(), parent.clone());
    let position = Memo::new(move |_| store.with(|m| m.position(&p, &k)));
    let k = key.clone();
    let selected = Memo::new(move |_| store.with(|m| m.selected() == Some(&k)));
    let k = key.clone();
    let is_tab_stop = Memo::new(move |_| tab_stop.with(|t| t.as_ref() == Some(&k)));
    let k = key.clone();
    let below = Memo::new(move |_| {
        if !expanded.get() {
            return Below::Nothing;
        }
        store.with(|m| match m.load_state(&k) {
            LoadState::NotLoaded => Below::Nothing,
            LoadState::Loading => Below::Loading,
            LoadState::Failed(e) => Below::Failed(explain(e)),
            LoadState::Loaded(c) if c.is_empty() => Below::Empty,
            LoadState::Loaded(_) => Below::Children,
        })
    });
    let k = key.clone();
    let children = Memo::new(move |_| store.with(|m| m.children_of(&k).to_vec()));
    // In a folder picker: why this folder can't be chosen (shown in the row).
    let k = key.clone();
    let disabled = Memo::new(move |_| store.with(|m| m.disabled_reason(&k)));
    let reason_id = format!("{dom_id}-reason");
    // The reason is visible text in the row, so it is part of the name ("Cart (Current folder)").
    let labelled_with_reason = format!("{label_id} {reason_id}");
    let empty_label = store.with_untracked(|m| m.empty_label());

    let k = key.clone();
    let on_row_click = move |_| {
        // A click selects and opens (never closes: that is the toggle's job) and opens the page.
        store.focus(k.clone());
        store.select(Some(k.clone()));
        if expandable.get_untracked() && !expanded.get_untracked() {
            store.expand(&k);
        }
        on_activate.run(k.clone());
    };
    let k = key.clone();
    let on_toggle_click = move |ev: web_sys::MouseEvent| {
        ev.stop_propagation();
        store.focus(k.clone());
        store.toggle(&k);
    };
    let k = key.clone();
    let retry = move |_| {
        if let Some(f) = k.as_folder() {
            store.reload(&f);
        }
    };

    let toggle = move || {
        if expandable.get() {
            view! { <span class="tree-toggle" aria-hidden="true" on:click=on_toggle_click.clone()><Chevron/></span> }
                .into_any()
        } else {
            view! { <span class="tree-toggle tree-toggle-none" aria-hidden="true"></span> }.into_any()
        }
    };
    let kind = key.kind.clone();
    let k = key.clone();
    // The group is a sibling of the treeitem, owned through `aria-owns` (as in the APG
    // navigation tree): the item's DOM then holds only its own row, so its visible text
    // matches its accessible name, and status text and Retry stay out of the name.
    let group_id = format!("{dom_id}-group");
    let owns = group_id.clone();
    // Loading, failure and emptiness are shown as items of the group: a tree's groups may
    // only contain tree items, so a status line is an item of its own (not focusable, not in
    // the arrow-key order; Right or Enter on the folder retries, and so does the button).
    let status_level = level + 1;
    let group_body = move || match below.get() {
        Below::Nothing => ().into_any(),
        Below::Loading => {
            let content = view! { <Spinner/><span role="status">"Loading…"</span> }.into_any();
            status_item(status_level, "tree-status delayed", true, content)
        }
        Below::Failed(message) => {
            let content = view! {
                <span role="alert">{message}</span>
                " "
                <button type="button" class="button button-small" on:click=retry.clone()>"Retry"</button>
            }
            .into_any();
            status_item(status_level, "tree-error", false, content)
        }
        Below::Empty => status_item(status_level, "tree-note", true, empty_label.into_any()),
        Below::Children => {
            let parent = k.clone();
            view! {
                <For
                    each=move || children.get()
                    key=|c| c.clone()
                    children=move |c| tree_item(store, c, parent.clone(), level + 1, tab_stop, on_activate)
                />
            }
            .into_any()
        }
    };
    let has_group = Memo::new(move |_| below.get() != Below::Nothing);
    let group = move || {
        has_group.get().then(|| view! { <ul role="group" id=group_id.clone()>{group_body.clone()}</ul> })
    };

    let item = view! {
        <div
            id=dom_id
            class="tree-item"
            role="treeitem"
            data-kind=data_kind
            aria-labelledby=move || {
                if disabled.get().is_some() { labelled_with_reason.clone() } else { labelledby.clone() }
            }
            aria-owns=move || has_group.get().then(|| owns.clone())
            aria-posinset=move || position.get().0.to_string()
            aria-setsize=move || position.get().1.to_string()
            aria-expanded=move || expandable.get().then(|| expanded.get().to_string())
            aria-selected=move || selected.get().to_string()
            aria-disabled=move || disabled.get().map(|_| "true")
            tabindex=move || if is_tab_stop.get() { "0" } else { "-1" }
        >
            <div class="tree-row" on:click=on_row_click>
                {toggle}
                <KindIcon kind/>
                <span class="tree-label" id=label_id>{move || name.get()}</span>
                {move || {
                    disabled.get().map(|reason| view! { <span class="tree-reason" id=reason_id.clone()>"("{reason}")"</span> })
                }}
            </div>
        </div>
    }
    // tachys has no typed `aria-level`, and the view macro maps every `aria-*` name to one.
    .add_any_attr(custom_attribute("aria-level", level.to_string()));
    view! { <li role="none" class="tree-node">{item}{group}</li> }.into_any()
}

/// A status line (loading, error, empty) as the only item of a group.
fn status_item(level: u32, class: &'static str, disabled: bool, content: AnyView) -> AnyView {
    let item = view! {
        <div role="treeitem" class=class aria-disabled=disabled.then_some("true") aria-setsize="1" aria-posinset="1">
            {content}
        </div>
    }
    .add_any_attr(custom_attribute("aria-level", level.to_string()));
    view! { <li role="none">{item}</li> }.into_any()
}
