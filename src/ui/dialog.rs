//! A modal dialog (WAI-ARIA APG "Dialog (Modal)"): labelled by its visible title, focus moves
//! in and stays in (Tab and Shift+Tab wrap), Escape asks to close, and focus returns to the
//! element that opened it.
//!
//! It is a native `<dialog>` opened with `showModal()`, so the rest of the page is inert and the
//! dialog sits in the top layer; the wrapping Tab, the Escape handling and the focus return are
//! done here because the browser's own behaviour differs (Tab may leave for the browser UI).
//!
//! The dialog exists while the component is mounted: the owner shows it with a condition
//! (`move || open.get().then(|| view! { <Dialog .../> })`) and removes it in `on_close`.

use crate::i18n::locale::{tr, use_locale};
use crate::i18n::Message;
use crate::instance::{use_instance, Instance};
use crate::ui::text::UiText;
use leptos::prelude::*;
use leptos::tachys::html::event::{on, Custom};
use leptos::tachys::view::add_attr::AddAnyAttr;
use wasm_bindgen::JsCast;
use web_sys::{Element, HtmlElement};

/// What can take focus inside a dialog (then filtered: visible, not `tabindex=-1`).
const FOCUSABLE: &str = "a[href], button:not([disabled]), input:not([disabled]):not([type=hidden]), \
     select:not([disabled]), textarea:not([disabled]), [tabindex]:not([tabindex='-1'])";

/// A modal dialog. Put its fields and buttons in `children`; mark the element that should get
/// focus first with `data-autofocus` (else the first focusable element gets it). For a
/// destructive confirmation, give the least destructive button (Cancel) `data-autofocus`.
#[component]
pub fn Dialog(
    /// The visible title (an `h2`), which also names the dialog.
    #[prop(into)]
    title: Signal<String>,
    /// Asked to close: Escape, or a close request from the browser. The owner decides (it may
    /// ignore the request while a write is in flight) and removes the dialog to close it.
    #[prop(into)]
    on_close: Callback<()>,
    /// `role="alertdialog"` instead of `dialog`: for confirmations of destructive actions.
    #[prop(optional)]
    alert: bool,
    /// The local id of an element inside that describes the dialog (`aria-describedby`).
    #[prop(optional, into)]
    described_by: Option<String>,
    /// Extra class names for the `<dialog>` element (sizes).
    #[prop(optional, into)]
    class: Option<String>,
    /// The content: fields, messages and the buttons.
    children: Children,
) -> impl IntoView {
    let instance = use_instance();
    // Distinct per dialog, so titles never collide even if two dialogs are ever mounted.
    let title_id = instance.id(&format!("{}-title", instance.unique("dialog")));
    let described_by = described_by.map(|d| instance.ids(&d));
    // Whoever had focus when the dialog was created opened it (the button that was clicked or
    // pressed). Remembered to give focus back on close.
    let opener = StoredValue::new_local(active_element(instance));
    let node = NodeRef::<leptos::html::Dialog>::new();

    Effect::new(move |_| {
        let Some(dialog) = node.get() else { return };
        if !dialog.open() {
            _ = dialog.show_modal();
        }
        focus_initial(&dialog);
    });
    on_cleanup(move || {
        // While the modal is open the rest of the page is inert and can't take focus: close
        // it first. (Cleanups run before the owner's values are dropped: both are readable.)
        if let Some(dialog) = node.try_get_untracked().flatten() {
            dialog.close();
        }
        let opener = opener.try_get_value().flatten();
        if let Some(el) = opener.filter(|el| el.is_connected()) {
            _ = el.focus();
        }
    });

    let on_keydown = move |ev: web_sys::KeyboardEvent| {
        if let Some(dialog) = node.get_untracked() {
            on_dialog_key(instance, &dialog, on_close, ev);
        }
    };
    // The browser's own close request (Escape when focus is on the page, a back gesture): the
    // owner decides, the native dialog stays open until the component goes away.
    let on_cancel = on(Custom::<web_sys::Event>::new("cancel"), move |ev: web_sys::Event| {
        ev.prevent_default();
        on_close.run(());
    });

    let labelledby = title_id.clone();
    let role = if alert { "alertdialog" } else { "dialog" };
    let class = match class {
        Some(extra) => format!("dialog {extra}"),
        None => "dialog".to_owned(),
    };
    view! {
        <dialog
            node_ref=node
            class=class
            role=role
            aria-modal="true"
            aria-labelledby=labelledby
            aria-describedby=described_by
            on:keydown=on_keydown
        >
            <h2 class="dialog-title" id=title_id>{title}</h2>
            {children()}
        </dialog>
    }
    .add_any_attr(on_cancel)
}

/// Escape asks to close; Tab and Shift+Tab wrap inside. A key a widget inside used (a listbox,
/// a combobox) is left alone.
fn on_dialog_key(
    instance: Instance,
    dialog: &HtmlElement,
    on_close: Callback<()>,
    ev: web_sys::KeyboardEvent,
) {
    if ev.default_prevented() {
        return;
    }
    match ev.key().as_str() {
        "Escape" => {
            ev.prevent_default();
            ev.stop_propagation();
            on_close.run(());
        }
        "Tab" if wrap_tab(instance, dialog, ev.shift_key()) => ev.prevent_default(),
        _ => {}
    }
}

fn active_element(instance: Instance) -> Option<HtmlElement> {
    instance.active_element()?.dyn_into::<HtmlElement>().ok()
}

/// The focusable elements inside `root`, in document order.
fn focusables(root: &Element) -> Vec<HtmlElement> {
    let Ok(list) = root.query_selector_all(FOCUSABLE) else { return Vec::new() };
    (0..list.length())
        .filter_map(|i| list.item(i))
        .filter_map(|n| n.dyn_into::<HtmlElement>().ok())
        .filter(|el| el.get_client_rects().length() > 0)
        .collect()
}

/// Focuses the `[data-autofocus]` element, else the first focusable one, else the dialog.
fn focus_initial(dialog: &HtmlElement) {
    let marked = dialog
        .query_selector("[data-autofocus]")
        .ok()
        .flatten()
        .and_then(|el| el.dyn_into::<HtmlElement>().ok());
    let target = marked.or_else(|| focusables(dialog).into_iter().next());
    match target {
        Some(el) => _ = el.focus(),
        None => {
            _ = dialog.set_attribute("tabindex", "-1");
            _ = dialog.focus();
        }
    }
}

/// Keeps Tab inside: from the last element to the first, and Shift+Tab the other way; from
/// outside (should not happen in a modal), to the first. Returns whether it moved focus.
fn wrap_tab(instance: Instance, dialog: &HtmlElement, backwards: bool) -> bool {
    let items = focusables(dialog);
    let (Some(first), Some(last)) = (items.first(), items.last()) else { return true };
    let active = instance.active_element();
    let inside = active.as_ref().is_some_and(|a| dialog.contains(Some(a)));
    let is = |el: &HtmlElement| active.as_ref().is_some_and(|a| a == el.unchecked_ref::<Element>());
    let target = if !inside {
        Some(first)
    } else if backwards
        && (is(first) || active.as_ref().is_some_and(|a| a == dialog.unchecked_ref::<Element>()))
    {
        Some(last)
    } else if !backwards && is(last) {
        Some(first)
    } else {
        None
    };
    match target {
        Some(el) => {
            _ = el.focus();
            true
        }
        None => false,
    }
}

/// `close`, unless a write is in flight (`pending`): a dialog that writes cannot be closed
/// while its write may still land, so the user always sees how it ended.
pub fn close_unless_pending(pending: Memo<bool>, close: Callback<()>) -> Callback<()> {
    Callback::new(move |()| {
        if !pending.get_untracked() {
            close.run(());
        }
    })
}

/// The end of a dialog that writes: the error of the last try in place, the action button,
/// Cancel, and the progress line while the write is in flight (both buttons disabled then).
#[component]
pub fn DialogFooter(
    /// The action button's label, e.g. "Move".
    #[prop(into)]
    action: Signal<String>,
    /// The progress line while writing, e.g. "Moving…".
    #[prop(into)]
    progress: Signal<String>,
    /// The error of the last try (tracked).
    #[prop(into)]
    error: Signal<Option<Message>>,
    /// Whether the write is in flight (tracked).
    pending: Memo<bool>,
    /// Runs the write; without it the action button submits the dialog's form.
    #[prop(optional, into)]
    on_action: Option<Callback<()>>,
    /// Cancel (the dialog's guarded close).
    on_cancel: Callback<()>,
    /// A reason to keep the action disabled besides a write in flight (tracked).
    #[prop(optional, into)]
    blocked: Signal<bool>,
    /// A destructive action: styled as such, and Cancel takes the first focus.
    #[prop(optional)]
    danger: bool,
) -> impl IntoView {
    let locale = use_locale();
    let class = if danger { "button button-danger" } else { "button button-primary" };
    let kind = if on_action.is_some() { "button" } else { "submit" };
    let act = move |_| {
        if let Some(cb) = on_action {
            cb.run(());
        }
    };
    view! {
        {move || error.get().map(|e| view! { <p class="form-error" role="alert">{locale.text(&e)}</p> })}
        <div class="dialog-actions">
            <button type=kind class=class disabled=move || blocked.get() || pending.get() on:click=act>
                {action}
            </button>
            <button
                type="button"
                class="button"
                data-autofocus=danger.then_some("")
                disabled=move || pending.get()
                on:click=move |_| on_cancel.run(())
            >
                {tr(UiText::Cancel)}
            </button>
            {move || pending.get().then(|| view! { <crate::ui::Loading label=progress/> })}
        </div>
    }
}
