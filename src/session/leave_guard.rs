//! Guards a form's unsaved work: in-app navigation (links, the tree, Back) is held and asked
//! about in a dialog; closing or reloading the tab makes the browser ask (`beforeunload`).

use crate::instance::use_instance;
use crate::session::router::guard_unsaved;
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
    what: String,
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
    let what = StoredValue::new(what);
    move || {
        router.held().map(|_| {
            view! {
                <Dialog title="Leave without saving?" on_close=stay>
                    <p id=inst.id("leave-question")>
                        "You have not saved " {what.get_value()} ". If you leave this page, they are lost."
                    </p>
                    <div class="actions">
                        <button type="button" class="button button-primary" data-autofocus="" on:click=move |_| stay.run(())>
                            "Stay on this page"
                        </button>
                        <button type="button" class="button" on:click=leave>
                            "Leave and discard"
                        </button>
                    </div>
                </Dialog>
            }
        })
    }
}
