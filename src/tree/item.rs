//! One tree item, recursively: its row (toggle, icon, name) and, when open, its children or
//! the loading / error / empty state of its folder.

use crate::fleeting::fleeting_memo;
use crate::i18n::locale::tr;
use crate::i18n::Message;
use crate::tree::text::TreeText;
use crate::tree::view::{piece_view, TreeCtx};
use crate::tree::{Below, LoadState, NodeKey};
use crate::ui::error_view::explain;
use crate::ui::icon::{Chevron, KindIcon};
use crate::ui::spinner::Spinner;
use crate::ui::text::UiText;
use leptos::prelude::*;
use leptos::tachys::html::attribute::custom::custom_attribute;
use leptos::tachys::view::add_attr::AddAnyAttr;

/// What an item shows below its row, as a small comparable value for the view to switch on.
#[derive(Clone, Debug, PartialEq)]
enum Shown {
    Nothing,
    Loading,
    Failed(Message),
    Empty,
    Children,
}

/// What one item shows, each a memo of its own so that a change re-renders only what it
/// touches. Fleeting memos: rows come and go with every scroll and filter, while the store,
/// the layout and the tab stop they read stay.
#[derive(Clone, Copy)]
struct ItemState {
    expandable: Memo<bool>,
    expanded: Memo<bool>,
    name: Memo<String>,
    /// `aria-posinset` and `aria-setsize`.
    position: Memo<(usize, usize)>,
    selected: Memo<bool>,
    is_tab_stop: Memo<bool>,
    below: Memo<Shown>,
    /// In a folder picker: why this folder can't be chosen (shown in the row).
    disabled: Memo<Option<TreeText>>,
}

impl ItemState {
    fn new(ctx: TreeCtx, key: &NodeKey) -> Self {
        let TreeCtx { store, tab_stop, layout, .. } = ctx;
        let k = key.clone();
        let expandable = fleeting_memo(move |_| store.with(|m| m.is_expandable(&k)));
        let k = key.clone();
        let expanded = fleeting_memo(move |_| store.with(|m| m.shows_expanded(&k)));
        let k = key.clone();
        let name = fleeting_memo(move |_| store.with(|m| m.name(&k).to_owned()));
        // From the layout, computed once for the whole tree (a scan of the siblings per item
        // was quadratic in a 5,000-child folder).
        let k = key.clone();
        let position =
            fleeting_memo(move |_| layout.with(|l| l.span(&k).map_or((0, 0), |s| (s.pos, s.size))));
        let k = key.clone();
        let selected = fleeting_memo(move |_| store.with(|m| m.selected() == Some(&k)));
        let k = key.clone();
        let is_tab_stop = fleeting_memo(move |_| tab_stop.with(|t| t.as_ref() == Some(&k)));
        let k = key.clone();
        let below = fleeting_memo(move |_| {
            store.with(|m| match m.below(&k) {
                Below::Nothing => Shown::Nothing,
                Below::Loading => Shown::Loading,
                Below::Failed => match m.load_state(&k) {
                    LoadState::Failed(e) => Shown::Failed(explain(e)),
                    _ => Shown::Nothing,
                },
                Below::Empty => Shown::Empty,
                Below::Children => Shown::Children,
            })
        });
        // In a folder picker: why this folder can't be chosen (shown in the row).
        let k = key.clone();
        let disabled = fleeting_memo(move |_| store.with(|m| m.disabled_reason(&k)));
        Self { expandable, expanded, name, position, selected, is_tab_stop, below, disabled }
    }
}

/// Renders the item `key` at `aria-level` `level`. A function returning `AnyView` rather than
/// a component, because it calls itself (through `piece_view`) for the children.
pub(super) fn tree_item(ctx: TreeCtx, key: NodeKey, level: u32) -> AnyView {
    let TreeCtx { store, on_activate, instance, .. } = ctx;
    let state = ItemState::new(ctx, &key);
    let ItemState { expandable, expanded, name, position, selected, is_tab_stop, below, disabled } = state;
    let dom_id = instance.id(&store.with_untracked(|m| m.dom_id(&key)));
    let label_id = format!("{dom_id}-label");
    let labelledby = label_id.clone();
    let data_kind = key.kind.data_kind().to_owned();
    let reason_id = format!("{dom_id}-reason");
    // The reason is visible text in the row, so it is part of the name ("Cart (Current folder)").
    let labelled_with_reason = format!("{label_id} {reason_id}");

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

    let toggle = move || {
        if expandable.get() {
            view! { <span class="tree-toggle" aria-hidden="true" on:click=on_toggle_click.clone()><Chevron/></span> }
                .into_any()
        } else {
            view! { <span class="tree-toggle tree-toggle-none" aria-hidden="true"></span> }.into_any()
        }
    };
    let kind = key.kind.clone();
    // The group is a sibling of the treeitem, owned through `aria-owns` (as in the APG
    // navigation tree): the item's DOM then holds only its own row, so its visible text
    // matches its accessible name, and status text and Retry stay out of the name.
    let group_id = format!("{dom_id}-group");
    let owns = group_id.clone();
    let group_body = group_body(ctx, key, below, level);
    let has_group = Memo::new(move |_| below.get() != Shown::Nothing);
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
                // Rows have one height (virtualization), so a long name is cut with an ellipsis;
                // the title shows it whole on hover.
                <span class="tree-label" id=label_id title=move || name.get()>{move || name.get()}</span>
                {move || {
                    disabled.get().map(|reason| view! { <span class="tree-reason" id=reason_id.clone()>"("{tr(reason)}")"</span> })
                }}
            </div>
        </div>
    }
    // tachys has no typed `aria-level`, and the view macro maps every `aria-*` name to one.
    .add_any_attr(custom_attribute("aria-level", level.to_string()));
    view! { <li role="none" class="tree-node">{item}{group}</li> }.into_any()
}

/// What an open item's group holds: its children (the window of them in view), or one status
/// item. Loading, failure and emptiness are shown as items of the group: a tree's groups may
/// only contain tree items, so a status line is an item of its own (not focusable, not in the
/// arrow-key order; Right or Enter on the folder retries, and so does the button).
fn group_body(ctx: TreeCtx, key: NodeKey, below: Memo<Shown>, level: u32) -> impl Fn() -> AnyView + Clone {
    let store = ctx.store;
    let empty_label = store.with_untracked(|m| m.empty_label());
    let k = key.clone();
    let retry = move |_| {
        if let Some(f) = k.as_folder() {
            store.reload(&f);
        }
    };
    let status_level = level + 1;
    move || match below.get() {
        Shown::Nothing => ().into_any(),
        Shown::Loading => {
            let content = view! { <Spinner/><span role="status">{tr(UiText::Loading)}</span> }.into_any();
            status_item(status_level, "tree-status delayed", true, content)
        }
        Shown::Failed(message) => {
            let content = view! {
                <span role="alert">{tr(message)}</span>
                " "
                <button type="button" class="button button-small" on:click=retry.clone()>{tr(UiText::Retry)}</button>
            }
            .into_any();
            status_item(status_level, "tree-error", false, content)
        }
        Shown::Empty => status_item(status_level, "tree-note", true, tr(empty_label.clone()).into_any()),
        Shown::Children => {
            let pieces = ctx.pieces(key.clone());
            view! {
                <For
                    each=move || pieces.get()
                    key=|p| p.clone()
                    children=move |p| piece_view(ctx, p, level + 1)
                />
            }
            .into_any()
        }
    }
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
