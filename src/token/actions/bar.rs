//! The token page's actions (the seed's "Select Move / Duplicate / Delete"): three buttons,
//! each opening its dialog (`move_dialog.rs`, `duplicate.rs`, `delete.rs`), and
//! what they share: the context they work in and how a finished write shows in the tree, the
//! page and a toast.

use crate::api::{ApiError, Folder, ParentSegment, Token};
use crate::i18n::locale::tr;
use crate::i18n::Message;
use crate::instance::{use_instance, Instance};
use crate::session::{use_router, Router, Session};
use crate::token::actions::delete::DeleteDialog;
use crate::token::actions::duplicate::DuplicateDialog;
use crate::token::actions::move_dialog::MoveDialog;
use crate::token::actions::text::ActionText;
use crate::token::form::drafts::{use_drafts, DialogDraft, Drafts};
use crate::tree::view::focus_item;
use crate::tree::{use_tree, NodeKey, TreeStore};
use crate::ui::toast::{use_toasts, Toasts};
use leptos::prelude::*;

/// Everything an action needs, `Copy` so that closures and async blocks take it freely.
/// Whatever may be gone by the time an answer arrives (the page) is reached with `try_` calls.
#[derive(Clone, Copy)]
pub(super) struct TokenCtx {
    pub ps: StoredValue<ParentSegment>,
    pub session: Session,
    pub store: TreeStore,
    pub router: Router,
    pub toasts: Toasts,
    /// Hands a written token to the page shown next (so it is not read again).
    pub handoff: crate::session::Handoff,
    /// The token as last read or written: the page shows it, a move updates it.
    pub token: RwSignal<Token>,
    /// Its folder path, root first, for the breadcrumbs.
    pub path: RwSignal<Vec<Folder>>,
    /// Closes the open dialog.
    pub close: Callback<()>,
    /// Where a dialog a rejected key closed keeps what the user entered.
    pub drafts: Drafts,
    pub instance: Instance,
}

impl TokenCtx {
    /// Ends the session on a 401, as every API call must.
    pub fn check<T>(&self, result: &Result<T, ApiError>) {
        self.session.check(result);
    }

    pub fn toast(&self, message: impl Into<Message>) {
        self.toasts.show(message, None);
    }

    /// From a dialog's cleanup: if the dialog goes away because a rejected key ended the
    /// session, keeps what the user had entered (`draft`) for when they connect again.
    pub fn keep_if_session_ended(&self, draft: impl FnOnce() -> Option<DialogDraft>) {
        if !self.session.is_connected_untracked() {
            let token = self.token.try_with_untracked(|t| t.id.clone());
            if let (Some(token), Some(draft)) = (token, draft()) {
                self.drafts.with(|b| b.keep_dialog(&token, draft));
            }
        }
    }

    /// Whether the page still shows the token `id` (the user may have moved on meanwhile).
    pub fn on_page(&self, id: &crate::api::TokenId) -> bool {
        self.token.try_with_untracked(|t| &t.id == id).unwrap_or(false)
    }
}

/// Which dialog is open.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
enum Open {
    Nothing,
    Move,
    Duplicate,
    Delete,
}

/// The Move, Duplicate and Delete buttons of a token page, and their dialogs.
#[component]
pub fn TokenActions(
    /// The parent segment being browsed.
    ps: ParentSegment,
    /// The token as the page shows it; a move updates it.
    token: RwSignal<Token>,
    /// The token's folder path (root first); a move updates it.
    path: RwSignal<Vec<Folder>>,
    /// More controls to show first in the same toolbar (the edit link).
    #[prop(optional)]
    children: Option<Children>,
) -> impl IntoView {
    // A dialog a rejected key closed comes back open, with what the user had entered.
    let drafts = use_drafts();
    let kept = drafts.with(|b| b.take_dialog(&token.with_untracked(|t| t.id.clone()))).flatten();
    let open = RwSignal::new(match &kept {
        None => Open::Nothing,
        Some(DialogDraft::Move(_)) => Open::Move,
        Some(DialogDraft::Duplicate { .. }) => Open::Duplicate,
        Some(DialogDraft::Delete) => Open::Delete,
    });
    let kept = StoredValue::new(kept);
    let ctx = TokenCtx {
        ps: StoredValue::new(ps),
        session: crate::session::use_session(),
        store: use_tree(),
        router: use_router(),
        toasts: use_toasts(),
        handoff: crate::session::use_handoff(),
        token,
        path,
        close: Callback::new(move |()| open.set(Open::Nothing)),
        drafts,
        instance: use_instance(),
    };
    let dialog = move || {
        // Given to the first dialog opened only.
        let kept = kept.try_update_value(Option::take).flatten();
        match open.get() {
            Open::Nothing => ().into_any(),
            Open::Move => {
                let kept = match kept {
                    Some(DialogDraft::Move(to)) => to,
                    _ => None,
                };
                view! { <MoveDialog ctx kept/> }.into_any()
            }
            Open::Duplicate => {
                let kept = match kept {
                    Some(DialogDraft::Duplicate { name, description }) => Some((name, description)),
                    _ => None,
                };
                view! { <DuplicateDialog ctx kept/> }.into_any()
            }
            Open::Delete => view! { <DeleteDialog ctx/> }.into_any(),
        }
    };
    view! {
        <div class="token-actions" role="group" aria-label=tr(ActionText::TokenActions)>
            {children.map(|c| c())}
            <button type="button" class="button" aria-haspopup="dialog" on:click=move |_| open.set(Open::Move)>
                {tr(ActionText::Move)}
            </button>
            <button type="button" class="button" aria-haspopup="dialog" on:click=move |_| open.set(Open::Duplicate)>
                {tr(ActionText::Duplicate)}
            </button>
            <button
                type="button"
                class="button button-danger-outline"
                aria-haspopup="dialog"
                on:click=move |_| open.set(Open::Delete)
            >
                {tr(ActionText::Delete)}
            </button>
        </div>
        {dialog}
    }
}

/// Shows a token where a move put it: in its new folder in the tree (opened down to it and
/// selected, if its page is still showing), and on the page with the breadcrumbs following.
pub(super) async fn show_moved(ctx: TokenCtx, moved: Token) {
    let store = ctx.store;
    store.upsert_token(&moved);
    if ctx.on_page(&moved.id) {
        ctx.token.try_set(moved.clone());
    }
    let Some(folder) = moved.parent_folder_id.clone() else { return };
    let path = store.folder_path(&folder).await;
    ctx.check(&path);
    if let (Ok(path), true) = (path, ctx.on_page(&moved.id)) {
        let ids: Vec<_> = path.iter().map(|f| f.id.clone()).collect();
        store.reveal(&ids, Some(NodeKey::token(&moved.id)));
        ctx.path.try_set(path);
    }
}

/// Moves keyboard focus into the main tree, on `key` (or, without one, on the tree's tab
/// stop): where focus goes when the button that opened a dialog is gone with its page. Done on
/// the next frame, once the dialog (which makes the rest of the page inert) is gone.
pub(super) fn focus_in_tree(ctx: TokenCtx, key: Option<NodeKey>) {
    let instance = ctx.instance;
    request_animation_frame(move || match key {
        Some(key) => {
            ctx.store.focus(key.clone());
            focus_item(instance, &key);
        }
        _ => {
            let el = instance
                .root()
                .and_then(|root| root.query_selector(".browse-tree [role=treeitem][tabindex='0']").ok())
                .flatten()
                .and_then(|el| wasm_bindgen::JsCast::dyn_into::<web_sys::HtmlElement>(el).ok());
            if let Some(el) = el {
                _ = el.focus();
            }
        }
    });
}

/// The dialog's error line: what failed, why and what to do (`explain`), in place.
pub(super) fn error_text(context: impl Into<Message>, error: &ApiError) -> Message {
    Message::joined(context, crate::ui::explain(error))
}
