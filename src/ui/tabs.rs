//! Tabs (WAI-ARIA APG "Tabs with automatic activation"): a `tablist` of `tab` buttons with one
//! tab stop (roving tabindex); Left/Right move between tabs (wrapping) and select them,
//! Home/End go to the first and last; each `tabpanel` is labelled by its tab. Panels stay
//! mounted and are hidden, so what the user typed in one survives a visit to the other.

use crate::instance::use_instance;
use leptos::prelude::*;

/// The DOM id of tab `index` in the tab set `prefix`.
pub fn tab_id(prefix: &str, index: usize) -> String {
    format!("{prefix}-tab-{index}")
}

/// The DOM id of panel `index` in the tab set `prefix`.
pub fn panel_id(prefix: &str, index: usize) -> String {
    format!("{prefix}-panel-{index}")
}

/// The tab a key moves to from `current` among `count` tabs, if it is a tab key.
pub fn tab_key_target(key: &str, current: usize, count: usize) -> Option<usize> {
    if count == 0 {
        return None;
    }
    match key {
        "ArrowRight" => Some((current + 1) % count),
        "ArrowLeft" => Some((current + count - 1) % count),
        "Home" => Some(0),
        "End" => Some(count - 1),
        _ => None,
    }
}

/// The row of tabs. Render one [`TabPanel`] per tab with the same `prefix`.
#[component]
pub fn TabList(
    /// The tab set's accessible name (`aria-label`).
    #[prop(into)]
    label: Signal<String>,
    /// Prefix of the tabs' and panels' local ids; unique in the instance.
    #[prop(into)]
    prefix: String,
    /// The tabs' labels, in order (tracked: they follow the language).
    tabs: Vec<Signal<String>>,
    /// The selected tab's index.
    selected: RwSignal<usize>,
) -> impl IntoView {
    let count = tabs.len();
    let instance = use_instance();
    let prefix = StoredValue::new(prefix);
    let on_keydown = move |ev: web_sys::KeyboardEvent| {
        if ev.alt_key() || ev.ctrl_key() || ev.meta_key() {
            return;
        }
        let Some(next) = tab_key_target(&ev.key(), selected.get_untracked(), count) else { return };
        ev.prevent_default();
        selected.set(next);
        _ = instance.focus(&tab_id(&prefix.get_value(), next));
    };
    let buttons = tabs
        .into_iter()
        .enumerate()
        .map(|(i, text)| {
            let is_selected = move || selected.get() == i;
            view! {
                <button
                    type="button"
                    role="tab"
                    class="tab"
                    id=instance.id(&tab_id(&prefix.get_value(), i))
                    aria-controls=instance.id(&panel_id(&prefix.get_value(), i))
                    aria-selected=move || is_selected().to_string()
                    tabindex=move || if is_selected() { "0" } else { "-1" }
                    on:click=move |_| selected.set(i)
                >
                    {text}
                </button>
            }
        })
        .collect_view();
    view! {
        <div class="tablist" role="tablist" aria-label=label on:keydown=on_keydown>
            {buttons}
        </div>
    }
}

/// One tab's panel, labelled by its tab; hidden while another tab is selected.
#[component]
pub fn TabPanel(
    /// The same prefix as the [`TabList`].
    #[prop(into)]
    prefix: String,
    /// This panel's index.
    index: usize,
    /// The selected tab's index.
    selected: RwSignal<usize>,
    /// The panel's content.
    children: Children,
) -> impl IntoView {
    let instance = use_instance();
    view! {
        <div
            class="tabpanel"
            role="tabpanel"
            id=instance.id(&panel_id(&prefix, index))
            aria-labelledby=instance.id(&tab_id(&prefix, index))
            tabindex="0"
            hidden=move || selected.get() != index
        >
            {children()}
        </div>
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn keys_wrap_and_jump() {
        assert_eq!(tab_key_target("ArrowRight", 0, 2), Some(1));
        assert_eq!(tab_key_target("ArrowRight", 1, 2), Some(0));
        assert_eq!(tab_key_target("ArrowLeft", 0, 2), Some(1));
        assert_eq!(tab_key_target("Home", 1, 3), Some(0));
        assert_eq!(tab_key_target("End", 0, 3), Some(2));
        assert_eq!(tab_key_target("ArrowDown", 0, 2), None);
        assert_eq!(tab_key_target("ArrowRight", 0, 0), None);
        assert_eq!(tab_id("edit", 1), "edit-tab-1");
        assert_eq!(panel_id("edit", 0), "edit-panel-0");
    }
}
