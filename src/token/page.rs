//! The token page (deep-linkable): loads the token, its folder path for the breadcrumbs, and
//! opens the tree down to it.

use crate::api::{ParentSegment, TokenId};
use crate::browse::Breadcrumbs;
use crate::i18n::locale::tr;
use crate::token::actions::bar::TokenActions;
use crate::token::details::TokenDetails;
use crate::token::lookup::LookupTester;
use crate::token::text::TokenText;
use leptos::prelude::*;

/// The page of one Profiles API token.
#[component]
pub fn TokenPage(
    /// The parent segment being browsed.
    ps: ParentSegment,
    /// The token from the URL.
    token: TokenId,
) -> impl IntoView {
    crate::token::loader::load_token(token, move |token, path| {
        let edit_href = crate::routes::AppRoute::EditToken(ps.id.clone(), token.id.clone()).href();
        // The token and its path as last read or written: a move updates both in place.
        let (token, path) = (RwSignal::new(token), RwSignal::new(path));
        let ps_for_crumbs = ps.clone();
        let crumbs = move || {
            let crumbs =
                token.with(|t| crate::browse::folder::crumbs(&ps_for_crumbs, &path.get(), Some(&t.name)));
            view! { <Breadcrumbs crumbs/> }
        };
        // The form starts from the token shown here instead of reading it again.
        let handoff = crate::session::use_handoff();
        let hand_over = move |_| {
            handoff.put_token(token.get_untracked());
        };
        view! {
            <article class="token-page">
                {crumbs}
                <TokenActions ps=ps.clone() token path>
                    <a class="button button-primary" href=edit_href on:click=hand_over>
                        {tr(TokenText::EditToken)}
                    </a>
                </TokenActions>
                {move || view! { <TokenDetails token=token.get()/> }}
                {move || view! { <LookupTester token=token.get()/> }}
            </article>
        }
    })
}
