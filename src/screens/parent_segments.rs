//! Audience Studio's first step: "select a segment" from the list of parent segments.

use crate::api::ParentSegment;
use crate::i18n::intl;
use crate::i18n::locale::{tr, tr_with, use_locale};
use crate::routes::AppRoute;
use crate::screens::text::ScreenText;
use crate::session::{use_handoff, use_session};
use crate::ui::{loaded, Read};
use leptos::prelude::*;

/// The parent segment list: name, population, last updated; each opens its folder tree.
#[component]
pub fn ParentSegmentsPage() -> impl IntoView {
    let session = use_session();
    let handoff = use_handoff();
    let read = Read {
        loading: Signal::derive(tr(ScreenText::LoadingParentSegments)),
        failed: Signal::derive(tr(ScreenText::ParentSegmentsFailed)),
        missing: None,
    };
    let list = LocalResource::new(move || async move {
        let result = match session.take_verified_parent_segments() {
            Some(verified) => Ok(verified),
            None => match session.connected() {
                Ok(client) => session.answered(client.parent_segments().await),
                Err(e) => Err(e),
            },
        };
        // The one picked next opens without reading it again.
        if let Ok(list) = &result {
            handoff.put_parent_segments(list.clone());
        }
        result
    });
    let retry = Callback::new(move |()| list.refetch());
    let body = move || {
        loaded(list.get(), &read, retry, |items: Vec<ParentSegment>| {
            if items.is_empty() {
                return view! { <p>{tr(ScreenText::NoParentSegments)}</p> }.into_any();
            }
            view! {
                <ul class="card-list">{items.into_iter().map(|ps| view! { <ParentSegmentCard ps/> }).collect_view()}</ul>
            }
            .into_any()
        })
    };
    view! {
        <crate::session::AppHeader/>
        <main class="page">
            <h1>{tr(ScreenText::ParentSegments)}</h1>
            <p class="lead">{tr(ScreenText::ParentSegmentsLead)}</p>
            {body}
        </main>
    }
}

/// One parent segment as a link; its accessible name starts with the segment's name.
#[component]
fn ParentSegmentCard(
    /// The parent segment to show.
    ps: ParentSegment,
) -> impl IntoView {
    let href = AppRoute::ParentSegment(ps.id.clone()).href();
    let locale = use_locale();
    let count = ps.population;
    let population = tr_with(move || ScreenText::Profiles(intl::population(count, locale.language())).into());
    let updated_at = ps.updated_at.clone();
    let updated = tr_with(move || {
        let language = locale.language();
        let when = updated_at.as_deref().and_then(|at| intl::age(at, language));
        ScreenText::Updated(when.unwrap_or_else(|| intl::optional_timestamp(updated_at.as_deref(), language)))
            .into()
    });
    let description = Some(ps.description).filter(|d| !d.is_empty());
    view! {
        <li>
            <a class="card" href=href>
                // The spaces between the parts keep the link's accessible name readable
                // ("Retail 1,284 profiles · Updated …"); the grid layout ignores them.
                <span class="card-title">{ps.name}</span>
                " "
                <span class="card-meta">{population}" · "{updated}</span>
                " "
                {description.map(|d| view! { <span class="card-desc">{d}</span> })}
            </a>
        </li>
    }
}
