//! "Move Profiles API Token" (seed: "Select a different destination folder and then select
//! Move"): a folder picker over the parent segment's tree, one PATCH, the tree and breadcrumbs
//! updated in place, and a toast with Undo.

use crate::api::{ApiError, Client, FolderId, Token, TokenId};
use crate::i18n::locale::{tr, tr_with};
use crate::i18n::Message;
use crate::token::actions::bar::{error_text, show_moved, TokenCtx};
use crate::token::actions::ops::{move_write, MoveRecord};
use crate::token::actions::text::ActionText;
use crate::token::form::drafts::DialogDraft;
use crate::token::writes::unless_unknown;
use crate::tree::Tree;
use crate::tree::{NodeKey, TreeModel, TreeStore};
use crate::ui::toast::ToastAction;
use crate::ui::{close_unless_pending, Dialog, DialogFooter};
use leptos::prelude::*;

/// Moves token `id` to `to`: reads it (so that edits made elsewhere since the page loaded are
/// kept, not reverted), then sends the one PATCH. A PATCH without an answer is settled by
/// reading the token again: if it is in `to`, the move happened.
pub(super) async fn move_token(client: &Client, id: &TokenId, to: &FolderId) -> Result<Token, ApiError> {
    let current = client.token(id).await?;
    let write = move_write(&current, to).ok_or_else(|| ApiError::Decode("the token has no folder".into()))?;
    let error = match unless_unknown(client.update_token(id, &write).await) {
        Ok(answer) => return answer,
        Err(e) => e,
    };
    match client.token(id).await {
        Ok(t) if t.parent_folder_id.as_ref() == Some(to) => Ok(t),
        _ => Err(error),
    }
}

/// The destination picker: a folder tree that starts from what the main tree has loaded (the
/// token's folder `current` shown, not selectable) and loads the rest lazily itself. What it
/// reads also fills the main tree: after the move that shows the folder picked.
fn folder_picker(ctx: TokenCtx, current: Option<&FolderId>) -> TreeStore {
    let ps = ctx.ps.get_value();
    let model = match current {
        Some(current) => ctx.store.with_untracked(|m| TreeModel::folder_picker(m, &ps.name, current)),
        None => TreeModel::new(&FolderId::parse("0").unwrap_or_else(|| unreachable!())),
    };
    let picker = TreeStore::new(model, Some(ctx.session)).feeding(Some(ctx.store));
    if let Some(root) = &ps.root_folder_id {
        picker.ensure_loaded(root);
    }
    picker
}

/// The one move (`move_token`): a toast with Undo and the token in its new place, or the error
/// in place.
fn move_action(
    ctx: TokenCtx,
    id: TokenId,
    from_name: String,
    error: RwSignal<Option<Message>>,
) -> Action<(FolderId, String), ()> {
    Action::new_local(move |(to, to_name): &(FolderId, String)| {
        let (id, to, to_name, from_name) = (id.clone(), to.clone(), to_name.clone(), from_name.clone());
        async move {
            let result = match ctx.session.connected() {
                Ok(client) => ctx.session.answered(move_token(&client, &id, &to).await),
                Err(e) => Err(e),
            };
            match result {
                Ok(moved) => {
                    moved_toast(ctx, &moved, from_name, to_name);
                    ctx.close.run(());
                    show_moved(ctx, moved).await;
                }
                Err(e) => _ = error.try_set(Some(error_text(ActionText::NotMoved, &e))),
            }
        }
    })
}

/// The Move dialog. Opens on the folder the token is in (shown, not selectable).
#[component]
pub(super) fn MoveDialog(
    ctx: TokenCtx,
    /// The destination the user had chosen when a rejected key closed the dialog.
    kept: Option<(FolderId, String)>,
) -> impl IntoView {
    let token = ctx.token.get_untracked();
    let ps = ctx.ps.get_value();
    let root = ps.root_folder_id.clone();
    let current = token.parent_folder_id.clone().or_else(|| root.clone());
    let picker = folder_picker(ctx, current.as_ref());
    let was_kept = kept.is_some();
    if let Some((to, _)) = &kept {
        picker.select(Some(NodeKey::folder(to)));
    }
    let picked = Memo::new(move |_| picker.with(|m| m.picked()));
    // The picker may not have loaded a kept destination again: its name comes with it.
    let kept_name = StoredValue::new(kept);
    let picked_name = move || {
        let Some(f) = picked.get() else { return String::new() };
        let known = picker.with(|m| m.name(&NodeKey::folder(&f)).to_owned());
        let kept = kept_name.with_value(|k| k.as_ref().filter(|(id, _)| *id == f).map(|(_, n)| n.clone()));
        if known.is_empty() {
            kept.unwrap_or_default()
        } else {
            known
        }
    };
    on_cleanup(move || {
        ctx.keep_if_session_ended(|| {
            let to = picked.try_get_untracked()?;
            Some(DialogDraft::Move(to.map(|f| (f.clone(), picked_name_untracked(picker, kept_name, &f)))))
        })
    });
    let kept_note = was_kept.then(|| {
        view! { <p class="notice" role="status">{tr(ActionText::KeptChoice)}</p> }
    });
    let error = RwSignal::new(None::<Message>);
    let name = token.name.clone();
    let from_name = ctx
        .path
        .with_untracked(|p| p.last().map(|f| f.name.clone()))
        .filter(|_| current != root)
        .unwrap_or_else(|| ps.name.clone());
    let action = move_action(ctx, token.id.clone(), from_name, error);
    let pending = action.pending();

    let submit = Callback::new(move |()| {
        if pending.get_untracked() {
            return;
        }
        if let Some(to) = picked.get_untracked() {
            error.set(None);
            action.dispatch((to, picked_name()));
        }
    });
    let close = close_unless_pending(pending, ctx.close);
    let nothing_picked = Signal::derive(move || picked.get().is_none());
    let noop = Callback::new(|_: NodeKey| {});
    view! {
        <Dialog title=tr(ActionText::MoveTitle) on_close=close class="dialog-wide">
            <p>{tr(ActionText::MoveLead(name))}</p>
            {kept_note}
            <div class="dialog-picker">
                <Tree store=picker label=tr(ActionText::DestinationFolder) on_activate=noop/>
            </div>
            <p class="hint" aria-live="polite">
                {tr_with(move || match picked.get() {
                    Some(_) => ActionText::Destination(picked_name()).into(),
                    None => ActionText::NoDestination.into(),
                })}
            </p>
            <DialogFooter action=tr(ActionText::Move) progress=tr(ActionText::Moving) error pending
                on_action=submit on_cancel=close blocked=nothing_picked/>
        </Dialog>
    }
}

/// The name of destination `f` for keeping it, without subscribing (from a cleanup).
fn picked_name_untracked(
    picker: TreeStore,
    kept: StoredValue<Option<(FolderId, String)>>,
    f: &FolderId,
) -> String {
    let known = picker.try_with_untracked(|m| m.name(&NodeKey::folder(f)).to_owned()).unwrap_or_default();
    if !known.is_empty() {
        return known;
    }
    kept.try_with_value(|k| k.as_ref().filter(|(id, _)| id == f).map(|(_, n)| n.clone()))
        .flatten()
        .unwrap_or_default()
}

/// "Moved … to …" with Undo, which moves it back (one PATCH, after reading it again).
fn moved_toast(ctx: TokenCtx, moved: &Token, from_name: String, to_name: String) {
    let toasts = ctx.toasts;
    let (Some(to), Some(from)) = (moved.parent_folder_id.clone(), ctx.token.get_untracked().parent_folder_id)
    else {
        return;
    };
    let record = MoveRecord { token: moved.id.clone(), name: moved.name.clone(), from, to };
    let message = ActionText::Moved(record.name.clone(), to_name);
    let undo = ToastAction::new(ActionText::Undo, move || {
        let (record, from_name) = (record.clone(), from_name.clone());
        leptos::task::spawn_local(async move {
            let result = match ctx.session.connected() {
                Ok(client) => ctx.session.answered(undo_move(&client, &record).await),
                Err(e) => Err(e),
            };
            match result {
                Ok(back) => {
                    toasts.show(ActionText::MovedBack(record.name.clone(), from_name), None);
                    show_moved(ctx, back).await;
                }
                Err(e) => {
                    toasts.show_error(error_text(ActionText::UndoFailed(record.name.clone()), &e));
                }
            }
        });
    });
    toasts.show(message, Some(undo));
}

/// Undo: reads the token, and moves it back if it is still where the move put it.
async fn undo_move(client: &Client, record: &MoveRecord) -> Result<Token, ApiError> {
    let current = client.token(&record.token).await?;
    let write = record.undo_write(&current).map_err(|_| ApiError::Conflict {
        message: "it has been moved again since, so it was left where it is".into(),
        fields: Vec::new(),
    })?;
    let error = match unless_unknown(client.update_token(&record.token, &write).await) {
        Ok(answer) => return answer,
        Err(e) => e,
    };
    match client.token(&record.token).await {
        Ok(t) if t.parent_folder_id.as_ref() == Some(&record.from) => Ok(t),
        _ => Err(error),
    }
}
