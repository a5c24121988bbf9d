//! A searchable picker (WAI-ARIA APG "Combobox" with a listbox popup, list autocomplete with
//! automatic selection): typing filters the list and makes the first match active; Down/Up
//! open it and move through it (wrapping), Enter or a click picks an option and closes the list
//! (Down opens it again for the next pick), Escape closes the list (then clears the text, then
//! asks the owner to close the picker). Focus stays in the text box;
//! the active option is `aria-activedescendant`. Options already chosen are marked
//! (`aria-selected="true"` in a multi-select listbox, and a visible "Added").

use crate::i18n::locale::{tr, tr_with};
use crate::instance::use_instance;
use crate::ui::text::UiText;
use leptos::prelude::*;

/// One entry of the list.
#[derive(Clone, Debug, PartialEq)]
pub struct PickerOption {
    /// What `on_pick` receives (an id or a column name).
    pub value: String,
    /// The name, which the filter searches.
    pub label: String,
    /// A second line (kind, population); may be empty.
    pub detail: String,
    /// Already part of the token: marked as such.
    pub chosen: bool,
}

/// The options whose label contains every word of `query` (case-insensitive), in order.
pub fn filter_options(options: &[PickerOption], query: &str) -> Vec<PickerOption> {
    let words: Vec<String> = query.split_whitespace().map(str::to_lowercase).collect();
    options
        .iter()
        .filter(|o| {
            let label = o.label.to_lowercase();
            words.iter().all(|w| label.contains(w.as_str()))
        })
        .cloned()
        .collect()
}

/// The index a Down (`forward`) or Up key makes active among `len` options.
pub fn step_active(active: Option<usize>, len: usize, forward: bool) -> Option<usize> {
    if len == 0 {
        return None;
    }
    Some(match (active, forward) {
        (None, true) => 0,
        (None, false) => len - 1,
        (Some(i), true) => (i + 1) % len,
        (Some(i), false) => (i.min(len - 1) + len - 1) % len,
    })
}

/// The picker's state and what its keys and clicks do to it, `Copy` for the handlers.
#[derive(Clone, Copy)]
struct PickerState {
    query: RwSignal<String>,
    open: RwSignal<bool>,
    /// The active option's index among `filtered`, if any.
    active: RwSignal<Option<usize>>,
    filtered: Memo<Vec<PickerOption>>,
    on_pick: Callback<String>,
    on_escape: Option<Callback<()>>,
}

impl PickerState {
    fn new(
        options: Signal<Vec<PickerOption>>,
        on_pick: Callback<String>,
        on_escape: Option<Callback<()>>,
    ) -> Self {
        let query = RwSignal::new(String::new());
        let filtered = Memo::new(move |_| options.with(|o| filter_options(o, &query.get())));
        Self { query, open: RwSignal::new(false), active: RwSignal::new(None), filtered, on_pick, on_escape }
    }

    /// Picks option `i`: the owner gets its value, the box empties and the list closes.
    fn pick(self, i: usize) {
        let Some(option) = self.filtered.with_untracked(|f| f.get(i).cloned()) else { return };
        self.on_pick.run(option.value);
        self.query.set(String::new());
        self.close();
    }

    fn close(self) {
        self.open.set(false);
        self.active.set(None);
    }

    /// The text changed: the list opens on the first match.
    fn typed(self, text: String) {
        self.query.set(text);
        self.open.set(true);
        let any = self.filtered.with_untracked(|f| !f.is_empty());
        self.active.set(any.then_some(0));
    }

    /// Escape closes the list, then clears the text, then asks the owner. Whether it was used.
    fn escape(self) -> bool {
        if self.open.get_untracked() {
            self.close();
        } else if !self.query.get_untracked().is_empty() {
            self.query.set(String::new());
        } else if let Some(cb) = self.on_escape {
            cb.run(());
        } else {
            return false;
        }
        true
    }

    fn on_keydown(self, ev: web_sys::KeyboardEvent) {
        if ev.alt_key() && ev.key() == "ArrowDown" {
            ev.prevent_default();
            self.open.set(true);
            return;
        }
        if ev.alt_key() || ev.ctrl_key() || ev.meta_key() {
            return;
        }
        let len = self.filtered.with_untracked(Vec::len);
        match ev.key().as_str() {
            key @ ("ArrowDown" | "ArrowUp") => {
                ev.prevent_default();
                let forward = key == "ArrowDown";
                let from = self.active.get_untracked().filter(|_| self.open.get_untracked());
                self.open.set(true);
                self.active.set(step_active(from, len, forward));
            }
            "Enter" => {
                // Never submits the surrounding form.
                ev.prevent_default();
                match self.active.get_untracked().filter(|_| self.open.get_untracked()) {
                    Some(i) => self.pick(i),
                    None => self.open.set(true),
                }
            }
            "Escape" if self.escape() => {
                ev.prevent_default();
                ev.stop_propagation();
            }
            "Tab" => self.open.set(false),
            _ => {}
        }
    }
}

/// A text box that filters a listbox of options.
#[component]
pub fn Picker(
    /// The local id of the text box (see `Instance`); the list and options derive theirs from it.
    #[prop(into)]
    id: String,
    /// The visible label of the text box.
    #[prop(into)]
    label: Signal<String>,
    /// What the list offers (tracked).
    #[prop(into)]
    options: Signal<Vec<PickerOption>>,
    /// Called with an option's `value` when the user picks it.
    #[prop(into)]
    on_pick: Callback<String>,
    /// Escape in an empty, closed box: the owner may close the picker.
    #[prop(optional, into)]
    on_escape: Option<Callback<()>>,
    /// Local ids of elements describing the box (hints, errors), space separated.
    #[prop(optional, into)]
    described_by: Signal<String>,
    /// Marks the box invalid (a server or rule message is shown for it).
    #[prop(optional, into)]
    invalid: Signal<bool>,
    /// What the list says when nothing matches, e.g. "No segment matches".
    #[prop(into)]
    empty_text: Signal<String>,
    /// Focus the box when it appears.
    #[prop(optional)]
    autofocus: bool,
) -> impl IntoView {
    let state = PickerState::new(options, on_pick, on_escape);
    let PickerState { query, open, active, filtered, .. } = state;
    let input = NodeRef::<leptos::html::Input>::new();
    let instance = use_instance();
    let option_id = StoredValue::new(format!("{id}-opt-"));
    let active_local_id =
        move || active.get().filter(|_| open.get()).map(|i| format!("{}{i}", option_id.get_value()));
    if autofocus {
        Effect::new(move |_| {
            if let Some(el) = input.get() {
                _ = el.focus();
            }
        });
    }
    // Keep the active option in view as it moves.
    Effect::new(move |_| {
        if let Some(el) = active_local_id().and_then(|id| instance.element(&id)) {
            el.scroll_into_view_with_bool(false);
        }
    });
    let no_match = move || {
        (open.get() && filtered.with(Vec::is_empty))
            .then(|| view! { <p class="picker-empty">{move || empty_text.get()}</p> })
    };
    let list_id = instance.id(&format!("{id}-list"));
    let list_label = tr_with(move || UiText::PickerOptions(label.get()).into());
    let id = instance.id(&id);
    view! {
        <div class="picker">
            <label for=id.clone()>{label}</label>
            <input
                id=id.clone()
                node_ref=input
                type="text"
                role="combobox"
                autocomplete="off"
                spellcheck="false"
                aria-autocomplete="list"
                aria-expanded=move || open.get().to_string()
                aria-controls=list_id.clone()
                aria-activedescendant=move || active_local_id().map(|l| instance.id(&l))
                aria-describedby=move || Some(instance.ids(&described_by.get())).filter(|d| !d.is_empty())
                aria-invalid=move || invalid.get().then_some("true")
                prop:value=move || query.get()
                on:input=move |ev| state.typed(event_target_value(&ev))
                on:keydown=move |ev| state.on_keydown(ev)
                on:blur=move |_| open.set(false)
                on:click=move |_| open.set(true)
            />
            <ul
                id=list_id
                class="picker-list"
                role="listbox"
                aria-label=list_label
                aria-multiselectable="true"
                hidden=move || !open.get() || filtered.with(Vec::is_empty)
            >
                {move || options_view(state, instance.id(&option_id.get_value()))}
            </ul>
            <div role="status" class="picker-status">{no_match}</div>
        </div>
    }
}

/// The options as `li` elements with DOM ids `id_prefix` + index; chosen ones marked "Added".
fn options_view(state: PickerState, id_prefix: String) -> impl IntoView {
    let active = state.active;
    state
        .filtered
        .get()
        .into_iter()
        .enumerate()
        .map(|(i, o)| {
            let class =
                move || if active.get() == Some(i) { "picker-option active" } else { "picker-option" };
            let mark = o.chosen.then(|| view! { <span class="picker-added">"✓ "{tr(UiText::Added)}</span> });
            let detail = (!o.detail.is_empty())
                .then(|| view! { <span class="picker-detail">{o.detail.clone()}</span> });
            view! {
                <li
                    role="option"
                    id=format!("{id_prefix}{i}")
                    class=class
                    aria-selected=o.chosen.to_string()
                    on:mousedown=|ev| ev.prevent_default()
                    on:click=move |_| state.pick(i)
                >
                    <span class="picker-label">{o.label.clone()}</span>
                    {detail}
                    {mark}
                </li>
            }
        })
        .collect_view()
}

#[cfg(test)]
mod tests {
    use super::*;

    fn opt(label: &str) -> PickerOption {
        PickerOption {
            value: label.to_lowercase(),
            label: label.into(),
            detail: String::new(),
            chosen: false,
        }
    }

    #[test]
    fn filters_by_every_word_ignoring_case() {
        let all = [opt("High Spenders"), opt("Lapsed Buyers 90d"), opt("Weekend Shoppers")];
        let labels = |q: &str| filter_options(&all, q).into_iter().map(|o| o.label).collect::<Vec<_>>();
        assert_eq!(labels(""), ["High Spenders", "Lapsed Buyers 90d", "Weekend Shoppers"]);
        assert_eq!(labels("sp"), ["High Spenders"]);
        assert_eq!(labels("SHOP"), ["Weekend Shoppers"]);
        assert_eq!(labels("buyers 90"), ["Lapsed Buyers 90d"]);
        assert!(labels("<script>").is_empty());
    }

    #[test]
    fn arrows_wrap() {
        assert_eq!(step_active(None, 3, true), Some(0));
        assert_eq!(step_active(None, 3, false), Some(2));
        assert_eq!(step_active(Some(2), 3, true), Some(0));
        assert_eq!(step_active(Some(0), 3, false), Some(2));
        assert_eq!(step_active(Some(1), 3, false), Some(0));
        assert_eq!(step_active(Some(0), 0, true), None);
    }
}
