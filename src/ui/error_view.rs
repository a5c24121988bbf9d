//! A typed API error shown in place: what failed, why, and what to do (usually Retry).

use crate::api::ApiError;
use leptos::prelude::*;

/// A plain-language explanation of `err`, with the next step. Never contains the API key.
pub fn explain(err: &ApiError) -> String {
    match err {
        ApiError::Unauthorized => err.to_string(),
        ApiError::Forbidden { .. } => format!("{err}. Ask an administrator for access to this folder."),
        ApiError::NotFound { .. } => format!("{err}. It may have been moved or deleted."),
        ApiError::Network(_) => "Could not reach the API. Check your network connection, the region or API \
             base URL, and that the API allows requests from this site (CORS)."
            .into(),
        ApiError::Timeout => format!("{err} Try again in a moment."),
        ApiError::RateLimited { .. } | ApiError::Server { .. } => format!("{err}. Try again in a moment."),
        ApiError::Conflict { .. } => format!(
            "{}. It may have been changed at the same time elsewhere: reload to see the current version, then try again.",
            sentence(err)
        ),
        ApiError::Validation { .. } => format!("{}. Correct it and try again.", sentence(err)),
        ApiError::Decode(_) => format!(
            "{}. Try again; if it happens again, a proxy between this page and the API may be changing the answers.",
            sentence(err)
        ),
    }
}

/// The error's text without a final full stop, to go on with another sentence.
fn sentence(err: &ApiError) -> String {
    err.to_string().trim_end().trim_end_matches('.').to_owned()
}

/// An error message (`role="alert"`) with an optional "Retry" button.
#[component]
pub fn ErrorView(
    /// The error to explain.
    error: ApiError,
    /// What was being done, e.g. "Could not load this folder." Shown first.
    #[prop(optional, into)]
    context: Option<String>,
    /// Retries the failed read; no button without it.
    #[prop(optional, into)]
    on_retry: Option<Callback<()>>,
) -> impl IntoView {
    let message = explain(&error);
    let retry = on_retry.map(|cb| {
        view! {
            <button type="button" class="button" on:click=move |_| cb.run(())>
                "Retry"
            </button>
        }
    });
    view! {
        <div class="error-view" role="alert">
            <p class="error-text">{context.map(|c| view! { <strong>{c}" "</strong> })}{message}</p>
            {retry}
        </div>
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn explains_every_kind() {
        assert!(explain(&ApiError::Unauthorized).starts_with("The API key was not accepted"));
        assert!(explain(&ApiError::Network("TypeError".into())).contains("CORS"));
        assert!(explain(&ApiError::NotFound { message: "x".into() }).contains("moved or deleted"));
        let server = ApiError::Server { status: 500, message: "boom".into(), retry_after_secs: None };
        assert!(explain(&server).contains("500"));
    }

    #[test]
    fn conflicts_refusals_and_garbled_answers_say_what_to_do() {
        let conflict = ApiError::Conflict { message: "injected conflict on id".into(), fields: vec![] };
        assert!(explain(&conflict).starts_with("Conflict: injected conflict on id. "));
        assert!(explain(&conflict).contains("reload to see the current version, then try again"));
        let refused =
            ApiError::Validation { status: 422, message: "Name is reserved.".into(), fields: vec![] };
        assert_eq!(explain(&refused), "Name is reserved. Correct it and try again.");
        let garbled = ApiError::Decode("EOF while parsing".into());
        assert!(explain(&garbled).contains("Try again"));
    }
}
