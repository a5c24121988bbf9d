//! "Integration snippets": the token's td-js-sdk, `fetch` and `curl` code, each with Copy.

use super::snippets::{curl, fetch, td_js_sdk, SnippetInput};
use super::text::LookupText;
use crate::api::Token;
use crate::i18n::locale::tr;
use crate::instance::use_instance;
use crate::ui::CopyButton;
use leptos::prelude::*;

/// The snippets for `token` against the Profiles API at `lookup_base`.
#[component]
pub fn Snippets(token: Token, lookup_base: String) -> impl IntoView {
    let inst = use_instance();
    let input = SnippetInput {
        token_name: &token.name,
        uuid: &token.uuid,
        key_column: &token.key_column,
        lookup_base: &lookup_base,
    };
    let snippets = [
        ("td-js-sdk 4.x", "snippet-sdk", td_js_sdk(&input)),
        ("fetch", "snippet-fetch", fetch(&input)),
        ("curl", "snippet-curl", curl(&input)),
    ];
    let items = snippets
        .into_iter()
        .map(|(title, local, code)| {
            let label = tr(LookupText::CopySnippet(title.to_owned()));
            view! {
                <figure class="snippet" aria-labelledby=inst.id(local)>
                    <figcaption id=inst.id(local)>{title}</figcaption>
                    // Focusable: it may scroll sideways, and keyboard users must reach that too.
                    <pre tabindex="0"><code>{code.clone()}</code></pre>
                    <CopyButton value=code label/>
                </figure>
            }
        })
        .collect_view();
    view! {
        <section class="snippets" aria-labelledby=inst.id("snippets-heading")>
            <h2 id=inst.id("snippets-heading")>{tr(LookupText::Snippets)}</h2>
            <p class="hint">{tr(LookupText::SnippetsBefore)}<code>"VALUE"</code>{tr(LookupText::SnippetsAfter)}</p>
            {items}
        </section>
    }
}
