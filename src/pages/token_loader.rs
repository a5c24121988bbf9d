//! Loading a token for a page (the token page and its edit form): the token, its folder path
//! for the breadcrumbs, the tree opened down to it, and the loading, not-found and error views.

use crate::api::{ApiError, Folder, Token, TokenId};
use crate::components::{ErrorView, Loading};
use crate::state::{use_handoff, use_tree, NodeKey, Session};
use leptos::prelude::*;

/// Shows `token` once loaded with its folder path through `loaded`; until then progress, and
/// after a failure "not found" or the error with Retry.
pub fn load_token<V: IntoView + 'static>(
    token: TokenId,
    loaded: impl Fn(Token, Vec<Folder>) -> V + Send + Sync + 'static,
) -> impl IntoView {
    let session = expect_context::<Session>();
    let store = use_tree();
    let handoff = use_handoff();
    let data = LocalResource::new(move || {
        let id = token.clone();
        // Just written or just shown: no need to read it again (a Retry always reads).
        let handed = handoff.and_then(|h| h.take_token(&id));
        async move {
            let token = match handed {
                Some(token) => token,
                None => {
                    let client = session.client_untracked().ok_or(ApiError::Unauthorized)?;
                    let result = client.token(&id).await;
                    session.check(&result);
                    result?
                }
            };
            // The folder path is extra: without it the page still shows the token.
            let path = match (store, &token.parent_folder_id) {
                (Some(store), Some(folder)) => {
                    store.reveal_path_to(folder, Some(NodeKey::token(&token.id))).await.unwrap_or_default()
                }
                _ => Vec::new(),
            };
            Ok::<_, ApiError>((token, path))
        }
    });
    let retry = Callback::new(move |()| data.refetch());
    move || match data.get() {
        None => view! { <Loading label="Loading token…"/> }.into_any(),
        Some(Err(ApiError::NotFound { .. })) => {
            view! { <super::not_found::NotFoundBody what="This Profiles API token"/> }.into_any()
        }
        Some(Err(error)) => {
            view! { <ErrorView error context="Could not load the token." on_retry=retry/> }.into_any()
        }
        Some(Ok((token, path))) => loaded(token, path).into_any(),
    }
}
