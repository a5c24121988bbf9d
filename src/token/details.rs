//! What a token page shows about a token: a pure view of `Token`, all server text as text.

use crate::api::{SegmentRef, Token, User};
use crate::browse::text::BrowseText;
use crate::format::MISSING;
use crate::i18n::locale::{tr, tr_with, use_locale};
use crate::i18n::{intl, Language, Message, Verbatim};
use crate::token::text::{segment_label, TokenText};
use crate::ui::CopyButton;
use leptos::prelude::*;

/// "Name on 2024-05-01 12:34 UTC", with dashes for what the API did not say.
fn who_when(user: Option<&User>, at: Option<&str>, language: Language) -> Message {
    let who = user.map_or(MISSING, |u| u.name.as_str()).to_owned();
    TokenText::WhoWhen(who, intl::optional_timestamp(at, language)).into()
}

/// The token's name, description, configuration, UUID, history and segments.
#[component]
pub fn TokenDetails(
    /// The token to show.
    token: Token,
) -> impl IntoView {
    let locale = use_locale();
    let description = match token.description {
        d if d.is_empty() => tr(TokenText::NoDescription).into_any(),
        d => d.into_any(),
    };
    let attributes = if token.attribute_columns.is_empty() {
        view! { <span>{tr(TokenText::NoneChosen)}</span> }.into_any()
    } else {
        let items =
            token.attribute_columns.into_iter().map(|a| view! { <li><code>{a}</code></li> }).collect_view();
        view! { <ul class="inline-list">{items}</ul> }.into_any()
    };
    let (created_by, created_at) = (token.created_by, token.created_at);
    let created = tr_with(move || who_when(created_by.as_ref(), created_at.as_deref(), locale.language()));
    let (updated_by, updated_at) = (token.updated_by, token.updated_at);
    let updated = tr_with(move || who_when(updated_by.as_ref(), updated_at.as_deref(), locale.language()));
    let uuid = token.uuid.clone();
    view! {
        <h1>{token.name}</h1>
        <p class="description">{description}</p>
        <dl class="details">
            <dt>{tr(TokenText::LookupKey)}</dt>
            <dd><code>{token.key_column}</code></dd>
            <dt>{tr(TokenText::Attributes)}</dt>
            <dd>{attributes}</dd>
            <dt>{tr(TokenText::TokenUuid)}</dt>
            <dd class="uuid"><code>{token.uuid}</code><CopyButton value=uuid/></dd>
            <dt>{tr(TokenText::Created)}</dt>
            <dd>{created}</dd>
            <dt>{tr(TokenText::Updated)}</dt>
            <dd>{updated}</dd>
        </dl>
        <h2>{tr(TokenText::Segments)}</h2>
        <SegmentsTable segments=token.segments/>
    }
}

/// The segments a token serves; segments the user may not view show as "Segment #id (no access)".
#[component]
fn SegmentsTable(
    /// The token's segments, in order.
    segments: Vec<SegmentRef>,
) -> impl IntoView {
    if segments.is_empty() {
        return view! { <p>{tr(TokenText::NoSegmentsYet)}</p> }.into_any();
    }
    let locale = use_locale();
    let rows = segments
        .into_iter()
        .map(|s| {
            let kind = tr(BrowseText::from(s.kind));
            let population = s.population;
            view! {
                <tr>
                    <td>{tr_with(move || Verbatim(segment_label(&s, locale.language())).into())}</td>
                    <td>{kind}</td>
                    <td class="num">{tr_with(move || Verbatim(intl::population(population, locale.language())).into())}</td>
                </tr>
            }
        })
        .collect_view();
    view! {
        <table class="table">
            <thead>
                <tr>
                    <th scope="col">{tr(TokenText::Name)}</th>
                    <th scope="col">{tr(TokenText::Kind)}</th>
                    <th scope="col" class="num">{tr(TokenText::Population)}</th>
                </tr>
            </thead>
            <tbody>{rows}</tbody>
        </table>
    }
    .into_any()
}
