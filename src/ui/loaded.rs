//! The one view of a read: progress while it loads, "Not found" for a 404 where the caller
//! names what is missing, the error with Retry, else the caller's view of the value.

use crate::api::ApiError;
use crate::i18n::locale::{tr, tr_with, use_locale};
use crate::routes::AppRoute;
use crate::ui::text::UiText;
use crate::ui::{ErrorView, Loading};
use leptos::prelude::*;

/// A read, in the words its views use.
#[derive(Clone, Copy)]
pub struct Read {
    /// The progress line, e.g. "Loading token…".
    pub loading: Signal<String>,
    /// What failed, before the explanation, e.g. "Could not load the token."
    pub failed: Signal<String>,
    /// For a 404, the thing that is not there ("This Profiles API token"); `None`: a 404 is an
    /// error like any other.
    pub missing: Option<Signal<String>>,
}

/// The view of `state` (a resource's value: `None` while loading): `ok` makes the view of a
/// value, `retry` reads again.
pub fn loaded<T>(
    state: Option<Result<T, ApiError>>,
    read: &Read,
    retry: Callback<()>,
    ok: impl FnOnce(T) -> AnyView,
) -> AnyView {
    match state {
        Some(Ok(value)) => ok(value),
        Some(Err(error)) => not_ready(Some(error), read, retry),
        None => not_ready(None, read, retry),
    }
}

/// The views of a read without a value: one copy, whatever the value's type.
fn not_ready(error: Option<ApiError>, read: &Read, retry: Callback<()>) -> AnyView {
    match (error, read.missing) {
        (None, _) => view! { <Loading label=read.loading/> }.into_any(),
        (Some(ApiError::NotFound { .. }), Some(what)) => view! { <NotFoundBody what/> }.into_any(),
        (Some(error), _) => view! { <ErrorView error context=read.failed on_retry=retry/> }.into_any(),
    }
}

/// "Not found" with the way back, for a page or for something a page was to show.
#[component]
pub fn NotFoundBody(
    /// What was not found, e.g. "This token". Defaults to "This page".
    #[prop(optional, into)]
    what: Option<Signal<String>>,
) -> impl IntoView {
    let locale = use_locale();
    let sentence = tr_with(move || {
        let what = what.map_or_else(|| locale.text(&UiText::ThisPage), |w| w.get());
        UiText::DoesNotExist(what).into()
    });
    view! {
        <h1>{tr(UiText::NotFound)}</h1>
        <p>{sentence}</p>
        <p><a href=AppRoute::ParentSegments.href()>{tr(UiText::BackToParentSegments)}</a></p>
    }
}
