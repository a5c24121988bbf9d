//! Guards a form's unsaved work: in-app navigation (links, the tree, Back) is held and asked
//! about in a dialog; closing or reloading the tab makes the browser ask (`beforeunload`).

use crate::i18n::locale::{tr, tr_with};
use crate::instance::use_instance;
use crate::session::router::guard_unsaved;
use crate::session::text::SessionText;
use crate::session::use_router;
use crate::ui::Dialog;
use leptos::prelude::*;

/// Asks "Leave without saving?" when the user tries to leave while `dirty`.
#[component]
pub fn LeaveGuard(
    /// Whether there is unsaved work (tracked).
    #[prop(into)]
    dirty: Signal<bool>,
    /// What is unsaved, for the question, e.g. "your changes to this token".
    #[prop(into)]
    what: Signal<String>,
    /// Called when the user chooses to stay (e.g. to put the tree's selection back).
    #[prop(optional, into)]
    on_stay: Option<Callback<()>>,
    /// Called when the user chooses to leave, before leaving: the work is discarded.
    #[prop(optional, into)]
    on_leave: Option<Callback<()>>,
) -> impl IntoView {
    let inst = use_instance();
    guard_unsaved(dirty);
    let router = use_router();
    let stay = Callback::new(move |()| {
        router.stay();
        if let Some(cb) = on_stay {
            cb.run(());
        }
    });
    let leave = move |_| {
        if let Some(cb) = on_leave {
            cb.run(());
        }
        router.leave();
    };
    let question = tr_with(move || SessionText::LeaveQuestion(what.get()).into());
    move || {
        router.held().map(|_| {
            let question = question.clone();
            view! {
                <Dialog title=tr(SessionText::LeaveTitle) on_close=stay>
                    <p id=inst.id("leave-question")>{question}</p>
                    <div class="actions">
                        <button type="button" class="button button-primary" data-autofocus="" on:click=move |_| stay.run(())>
                            {tr(SessionText::Stay)}
                        </button>
                        <button type="button" class="button" on:click=leave>
                            {tr(SessionText::LeaveAndDiscard)}
                        </button>
                    </div>
                </Dialog>
            }
        })
    }
}
