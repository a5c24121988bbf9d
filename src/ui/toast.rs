//! Toasts: short messages after an action ("Moved … to …"), some with an action button
//! ("Undo"). They sit in a polite live region that always exists, so each new message is
//! announced. A toast stays until it is dismissed or replaced (no timer: an Undo must not
//! vanish before the user gets to it, WCAG 2.2.1).

use crate::i18n::locale::tr;
use crate::i18n::{Language, Localized, Message};
use crate::ui::text::UiText;
use leptos::prelude::*;
use std::sync::Arc;

/// At most this many toasts show at once; older ones give way.
const MAX_TOASTS: usize = 3;

/// A toast's button: its label and what it does. It outlives the component that made it (the
/// user may have left the page), so it is a plain function, not a `Callback`.
#[derive(Clone)]
pub struct ToastAction {
    pub label: Message,
    pub run: Arc<dyn Fn() + Send + Sync>,
}

impl ToastAction {
    pub fn new(label: impl Into<Message>, run: impl Fn() + Send + Sync + 'static) -> Self {
        Self { label: label.into(), run: Arc::new(run) }
    }
}

#[derive(Clone)]
struct Toast {
    id: u64,
    message: Message,
    action: Option<ToastAction>,
    error: bool,
}

/// The toasts of the browse layout, provided as context there.
#[derive(Clone, Copy)]
pub struct Toasts {
    items: RwSignal<Vec<Toast>>,
    next_id: StoredValue<u64>,
}

impl Default for Toasts {
    fn default() -> Self {
        Self::new()
    }
}

impl Toasts {
    pub fn new() -> Self {
        Self { items: RwSignal::new(Vec::new()), next_id: StoredValue::new(1) }
    }

    /// Shows a message, with an optional button. Returns its id (for `dismiss`).
    pub fn show(&self, message: impl Into<Message>, action: Option<ToastAction>) -> u64 {
        self.push(message.into(), action, false)
    }

    /// Shows a failure (styled as an error; still polite: the user did not ask for it now).
    pub fn show_error(&self, message: impl Into<Message>) -> u64 {
        self.push(message.into(), None, true)
    }

    fn push(&self, message: Message, action: Option<ToastAction>, error: bool) -> u64 {
        let id = self.next_id.try_update_value(|n| std::mem::replace(n, *n + 1)).unwrap_or_default();
        self.items.try_update(|items| {
            items.push(Toast { id, message, action, error });
            let extra = items.len().saturating_sub(MAX_TOASTS);
            items.drain(..extra);
        });
        id
    }

    pub fn dismiss(&self, id: u64) {
        self.take(id);
    }

    /// Removes toast `id`; says whether it was still showing.
    fn take(&self, id: u64) -> bool {
        self.items
            .try_update(|items| {
                let before = items.len();
                items.retain(|t| t.id != id);
                items.len() < before
            })
            .unwrap_or(false)
    }

    /// The messages showing, oldest first, in English (tracked; for tests).
    pub fn messages(&self) -> Vec<String> {
        self.items
            .with(|items| items.iter().map(|t| t.message.in_language(Language::En).into_owned()).collect())
    }
}

/// The toasts from context: the browse layout provides them to every page in it.
pub fn use_toasts() -> Toasts {
    crate::context::required::<Toasts>("Toasts")
}

/// Where toasts appear: a `role="status"` region (polite) holding each message with its
/// button and "Dismiss".
#[component]
pub fn ToastHost(
    /// The toasts to show.
    toasts: Toasts,
) -> impl IntoView {
    let items = move || toasts.items.get();
    view! {
        <div class="toasts" role="status" aria-label=tr(UiText::Notifications)>
            <For each=items key=|t| t.id let:toast>
                {toast_view(toasts, toast)}
            </For>
        </div>
    }
}

fn toast_view(toasts: Toasts, toast: Toast) -> impl IntoView {
    let id = toast.id;
    let action = toast.action.map(|a| {
        let run = a.run.clone();
        // The toast goes first, and only the click that removed it runs the action: once,
        // however fast the clicks come (the button may get a second one before it is gone).
        let on_click = move |_| {
            if toasts.take(id) {
                run();
            }
        };
        view! { <button type="button" class="button button-small" on:click=on_click>{tr(a.label)}</button> }
    });
    let class = if toast.error { "toast toast-error" } else { "toast" };
    view! {
        <div class=class>
            <p class="toast-text">{tr(toast.message)}</p>
            {action}
            <button type="button" class="button button-small button-quiet" on:click=move |_| toasts.dismiss(id)>
                {tr(UiText::Dismiss)}
            </button>
        </div>
    }
}
