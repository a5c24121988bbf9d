//! Loading a token for a page (the token page and its edit form): the token, its folder path
//! for the breadcrumbs, the tree opened down to it, and the loading, not-found and error views.

use crate::api::{ApiError, Folder, Token, TokenId};
use crate::i18n::locale::tr;
use crate::session::{use_handoff, use_session};
use crate::token::text::TokenText;
use crate::tree::{use_tree, NodeKey};
use crate::ui::Read;
use leptos::prelude::*;

/// Starts reading token `id` now, for its page that mounts only once the parent segment is
/// known, and hands it over to that page: a deep link then waits for the two reads side by
/// side instead of one after the other. Errors are the page's to show: it reads again.
pub fn read_ahead(id: TokenId) {
    let session = use_session();
    let handoff = use_handoff();
    let Ok(client) = session.connected() else { return };
    handoff.awaiting_token(id.clone());
    leptos::task::spawn_local(async move {
        if let Ok(token) = client.token(&id).await {
            handoff.deliver_token(token);
        }
    });
}

/// Shows `token` once loaded with its folder path through `loaded`; until then progress, and
/// after a failure "not found" or the error with Retry.
pub fn load_token<V: IntoView + 'static>(
    token: TokenId,
    loaded: impl Fn(Token, Vec<Folder>) -> V + Send + Sync + 'static,
) -> impl IntoView {
    let read = Read {
        loading: Signal::derive(tr(TokenText::LoadingToken)),
        failed: Signal::derive(tr(TokenText::TokenFailed)),
        missing: Some(Signal::derive(tr(TokenText::ThisToken))),
    };
    let session = use_session();
    let store = use_tree();
    let handoff = use_handoff();
    let data = LocalResource::new(move || {
        let id = token.clone();
        // Just written or just shown: no need to read it again (a Retry always reads).
        let handed = handoff.take_token(&id);
        async move {
            let token = match handed {
                Some(token) => token,
                None => session.answered(session.connected()?.token(&id).await)?,
            };
            // The folder path is extra: without it the page still shows the token.
            let path = match &token.parent_folder_id {
                Some(folder) => {
                    store.reveal_path_to(folder, Some(NodeKey::token(&token.id))).await.unwrap_or_default()
                }
                None => Vec::new(),
            };
            Ok::<_, ApiError>((token, path))
        }
    });
    let retry = Callback::new(move |()| data.refetch());
    move || {
        let ok = |(token, path)| loaded(token, path).into_any();
        crate::ui::loaded(data.get(), &read, retry, ok)
    }
}
