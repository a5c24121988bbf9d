//! "Delete Profiles API Token" (seed: "Review the consequences of deleting the Profiles API
//! Token", then "Select Delete"): what stops working, one DELETE, then the token's folder.

use crate::api::{ApiError, Client, TokenId};
use crate::i18n::locale::{tr, tr_with, use_locale};
use crate::i18n::{Message, Verbatim};
use crate::instance::use_instance;
use crate::routes::AppRoute;
use crate::token::actions::bar::{error_text, focus_in_tree, TokenCtx};
use crate::token::actions::text::ActionText;
use crate::token::text::{segment_label, TokenText};
use crate::token::writes::unless_unknown;
use crate::tree::NodeKey;
use crate::ui::{close_unless_pending, Dialog, DialogFooter};
use leptos::prelude::*;

/// How a delete ended.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(super) enum Deleted {
    Now,
    /// 404: someone (or another tab) deleted it first.
    AlreadyGone,
}

/// Sends the one DELETE. A 404 means it is gone: done. No answer at all: read it again, and a
/// 404 then means the DELETE went through.
pub(super) async fn delete_token(client: &Client, id: &TokenId) -> Result<Deleted, ApiError> {
    let sent = match client.delete_token(id).await {
        Ok(()) => Ok(Deleted::Now),
        Err(ApiError::NotFound { .. }) => Ok(Deleted::AlreadyGone),
        Err(e) => Err(e),
    };
    let error = match unless_unknown(sent) {
        Ok(answer) => return answer,
        Err(e) => e,
    };
    match client.token(id).await {
        Err(ApiError::NotFound { .. }) => Ok(Deleted::Now),
        _ => Err(error),
    }
}

/// `names` as a list for the confirmation, or "none".
fn listed(names: Vec<String>) -> Message {
    match names.is_empty() {
        true => ActionText::NoneServed.into(),
        false => Verbatim(names.join(", ")).into(),
    }
}

/// The Delete dialog (`alertdialog`): the consequences, then Delete; Cancel has the focus.
#[component]
pub(super) fn DeleteDialog(ctx: TokenCtx) -> impl IntoView {
    let (inst, locale) = (use_instance(), use_locale());
    let token = ctx.token.get_untracked();
    let attributes = listed(token.attribute_columns.clone());
    let segments = token.segments.clone();
    let segments =
        tr_with(move || listed(segments.iter().map(|s| segment_label(s, locale.language())).collect()));
    let error = RwSignal::new(None::<Message>);
    let id = token.id.clone();
    let name = token.name.clone();
    let action = Action::new_local(move |_: &()| {
        let (id, name) = (id.clone(), name.clone());
        async move {
            let result = match ctx.session.connected() {
                Ok(client) => ctx.session.answered(delete_token(&client, &id).await),
                Err(e) => Err(e),
            };
            match result {
                Ok(how) => gone(ctx, &id, &name, how),
                Err(e) => _ = error.try_set(Some(error_text(ActionText::NotDeleted, &e))),
            }
        }
    });
    let pending = action.pending();
    let confirm = Callback::new(move |()| {
        if !pending.get_untracked() {
            error.set(None);
            action.dispatch(());
        }
    });
    let close = close_unless_pending(pending, ctx.close);
    on_cleanup(move || ctx.keep_if_session_ended(|| Some(crate::token::form::drafts::DialogDraft::Delete)));
    view! {
        <Dialog title=tr(ActionText::DeleteTitle) on_close=close alert=true described_by="delete-token-consequences">
            <div id=inst.id("delete-token-consequences") class="consequences">
                <p>{tr(ActionText::DeleteLead)}</p>
                <dl class="details">
                    <dt>{tr(TokenText::Name)}</dt>
                    <dd>{token.name.clone()}</dd>
                    <dt>{tr(TokenText::TokenUuid)}</dt>
                    <dd><code>{token.uuid.clone()}</code></dd>
                </dl>
                <p>{tr(ActionText::DeleteConsequence)}</p>
                <ul>
                    <li>{tr(ActionText::ServedKey)}<code>{token.key_column.clone()}</code></li>
                    <li>{tr(ActionText::ServedAttributes)}{tr(attributes)}</li>
                    <li>{tr(ActionText::ServedSegments)}{segments}</li>
                </ul>
                <p><strong>{tr(ActionText::CannotBeUndone)}</strong></p>
            </div>
            <DialogFooter action=tr(ActionText::Delete) progress=tr(ActionText::Deleting) error pending
                on_action=confirm on_cancel=close danger=true/>
        </Dialog>
    }
}

/// After the DELETE: the token leaves the tree, the dialog closes, and the user lands on the
/// folder it was in, with focus there in the tree.
fn gone(ctx: TokenCtx, id: &TokenId, name: &str, how: Deleted) {
    ctx.store.remove_entity(&NodeKey::token(id));
    ctx.toast(match how {
        Deleted::Now => ActionText::Deleted(name.to_owned()),
        Deleted::AlreadyGone => ActionText::AlreadyDeleted(name.to_owned()),
    });
    let folder = ctx.token.try_with_untracked(|t| t.parent_folder_id.clone()).flatten();
    ctx.close.run(());
    let Some(ps) = ctx.ps.try_get_value() else { return };
    let is_root = folder.is_none() || folder == ps.root_folder_id;
    let target = match &folder {
        Some(f) if !is_root => AppRoute::Folder(ps.id.clone(), f.clone()),
        _ => AppRoute::ParentSegment(ps.id.clone()),
    };
    ctx.router.navigate(&target);
    focus_in_tree(ctx, folder.filter(|_| !is_root).map(|f| NodeKey::folder(&f)));
}
