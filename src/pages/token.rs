//! The token page (deep-linkable): loads the token, its folder path for the breadcrumbs, and
//! opens the tree down to it.

use super::token_actions::TokenActions;
use super::token_details::TokenDetails;
use crate::api::{ApiError, ParentSegment, TokenId};
use crate::components::{Breadcrumbs, ErrorView, Loading};
use crate::state::{use_tree, NodeKey, Session};
use leptos::prelude::*;

/// The page of one Profiles API token.
#[component]
pub fn TokenPage(
    /// The parent segment being browsed.
    ps: ParentSegment,
    /// The token from the URL.
    token: TokenId,
) -> impl IntoView {
    let session = expect_context::<Session>();
    let store = use_tree();
    let id = token.clone();
    let data = LocalResource::new(move || {
        let id = id.clone();
        async move {
            let client = session.client_untracked().ok_or(ApiError::Unauthorized)?;
            let result = client.token(&id).await;
            session.check(&result);
            let token = result?;
            // The folder path is extra: without it the page still shows the token.
            let path = match (store, &token.parent_folder_id) {
                (Some(store), Some(folder)) => store.folder_path(folder).await.ok(),
                _ => None,
            };
            if let (Some(store), Some(path)) = (store, &path) {
                let ids: Vec<_> = path.iter().map(|f| f.id.clone()).collect();
                store.reveal(&ids, Some(NodeKey::token(&token.id)));
            }
            Ok::<_, ApiError>((token, path.unwrap_or_default()))
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
        Some(Ok((token, path))) => {
            let edit_href = crate::routes::AppRoute::EditToken(ps.id.clone(), token.id.clone()).href();
            // The token and its path as last read or written: a move updates both in place.
            let (token, path) = (RwSignal::new(token), RwSignal::new(path));
            let ps_for_crumbs = ps.clone();
            let crumbs = move || {
                let crumbs =
                    token.with(|t| super::folder::crumbs(&ps_for_crumbs, &path.get(), Some(&t.name)));
                view! { <Breadcrumbs crumbs/> }
            };
            view! {
                <article class="token-page">
                    {crumbs}
                    <p class="page-actions">
                        <a class="button button-primary" href=edit_href>"Edit Profiles API Token"</a>
                    </p>
                    <TokenActions ps=ps.clone() token path/>
                    {move || view! { <TokenDetails token=token.get()/> }}
                </article>
            }
            .into_any()
        }
    }
}
