//! "Delete Profiles API Token" (seed: "Review the consequences of deleting the Profiles API
//! Token", then "Select Delete"): what stops working, one DELETE, then the token's folder.

use crate::api::{ApiError, Client, Token, TokenId};
use crate::instance::use_instance;
use crate::routes::AppRoute;
use crate::token::actions::bar::{error_text, focus_in_tree, TokenCtx};
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

/// What the token serves, in words, for the confirmation.
fn served(token: &Token) -> (String, String) {
    let attributes = if token.attribute_columns.is_empty() {
        "none".to_owned()
    } else {
        token.attribute_columns.join(", ")
    };
    let segments = if token.segments.is_empty() {
        "none".to_owned()
    } else {
        let names: Vec<String> = token
            .segments
            .iter()
            .map(|s| s.name.clone().unwrap_or_else(|| format!("Segment #{} (no access)", s.id)))
            .collect();
        names.join(", ")
    };
    (attributes, segments)
}

/// The Delete dialog (`alertdialog`): the consequences, then Delete; Cancel has the focus.
#[component]
pub(super) fn DeleteDialog(ctx: TokenCtx) -> impl IntoView {
    let inst = use_instance();
    let token = ctx.token.get_untracked();
    let (attributes, segments) = served(&token);
    let error = RwSignal::new(None::<String>);
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
                Err(e) => _ = error.try_set(Some(error_text("The token was not deleted.", &e))),
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
        <Dialog title="Delete Profiles API Token" on_close=close alert=true described_by="delete-token-consequences">
            <div id=inst.id("delete-token-consequences") class="consequences">
                <p>"You are about to delete this Profiles API token:"</p>
                <dl class="details">
                    <dt>"Name"</dt>
                    <dd>{token.name.clone()}</dd>
                    <dt>"Token UUID"</dt>
                    <dd><code>{token.uuid.clone()}</code></dd>
                </dl>
                <p>
                    "Every web page or tool that calls the Profiles API with this UUID stops getting "
                    "segments and attributes at once. It served:"
                </p>
                <ul>
                    <li>"Lookup Key: " <code>{token.key_column.clone()}</code></li>
                    <li>"Attributes: " {attributes}</li>
                    <li>"Segments: " {segments}</li>
                </ul>
                <p><strong>"This cannot be undone."</strong></p>
            </div>
            <DialogFooter action="Delete" progress="Deleting…" error pending on_action=confirm on_cancel=close danger=true/>
        </Dialog>
    }
}

/// After the DELETE: the token leaves the tree, the dialog closes, and the user lands on the
/// folder it was in, with focus there in the tree.
fn gone(ctx: TokenCtx, id: &TokenId, name: &str, how: Deleted) {
    ctx.store.remove_entity(&NodeKey::token(id));
    ctx.toast(match how {
        Deleted::Now => format!("Deleted “{name}”."),
        Deleted::AlreadyGone => {
            format!("“{name}” had already been deleted (someone else, or another tab, did it).")
        }
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
