//! The one rule for a write (create, duplicate, move, undo, save, delete) whose outcome is not
//! known: it was not retried (writes never are), so before saying anything the app looks at
//! what the server holds now, and reports the write as done if it landed. No Leptos: tested
//! natively.

use crate::api::ApiError;
use std::future::Future;

/// Whether the write that failed with `error` may have happened all the same: one that got no
/// answer (timeout, dropped connection) may have, and one whose answer did not decode (a 2xx
/// with a truncated or foreign body: only 2xx bodies are decoded) did. Any other answer,
/// a 5xx included, is the server's word that the write failed.
pub fn outcome_unknown(error: &ApiError) -> bool {
    matches!(error, ApiError::Timeout | ApiError::Network(_) | ApiError::Decode(_))
}

/// A write's `result`, settled: when its outcome is unknown, `look` reads what the server holds
/// and says whether the write landed (`Some`, with what to report) or not (`None`: the write's
/// own error stands).
pub async fn settled<T, Fut>(result: Result<T, ApiError>, look: impl FnOnce() -> Fut) -> Result<T, ApiError>
where
    Fut: Future<Output = Option<Result<T, ApiError>>>,
{
    match result {
        Err(e) if outcome_unknown(&e) => look().await.unwrap_or(Err(e)),
        other => other,
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use std::task::{Context, Poll, Waker};

    /// Runs a future that never waits (the looks below answer at once).
    fn now<F: Future>(f: F) -> F::Output {
        let mut f = std::pin::pin!(f);
        match f.as_mut().poll(&mut Context::from_waker(Waker::noop())) {
            Poll::Ready(out) => out,
            Poll::Pending => panic!("the future waited"),
        }
    }

    #[test]
    fn unknown_outcomes() {
        assert!(outcome_unknown(&ApiError::Timeout));
        assert!(outcome_unknown(&ApiError::Network("reset".into())));
        assert!(outcome_unknown(&ApiError::Decode("truncated".into())), "a 2xx that did not decode landed");
        assert!(!outcome_unknown(&ApiError::Conflict { message: String::new(), fields: vec![] }));
        assert!(!outcome_unknown(&ApiError::Server {
            status: 500,
            message: String::new(),
            retry_after_secs: None
        }));
    }

    #[test]
    fn only_an_unknown_outcome_is_looked_at() {
        let looked = std::cell::Cell::new(0);
        let look = |found: Option<Result<u32, ApiError>>| {
            let looked = &looked;
            move || {
                looked.set(looked.get() + 1);
                async move { found }
            }
        };
        assert_eq!(now(settled(Ok(1), look(Some(Ok(2))))), Ok(1), "an answer stands");
        let server = ApiError::Server { status: 503, message: String::new(), retry_after_secs: None };
        assert_eq!(now(settled(Err(server.clone()), look(Some(Ok(2))))), Err(server), "a 5xx is an answer");
        assert_eq!(looked.get(), 0);
        assert_eq!(now(settled(Err(ApiError::Timeout), look(Some(Ok(2))))), Ok(2), "it landed");
        assert_eq!(now(settled(Err(ApiError::Timeout), look(None))), Err(ApiError::Timeout), "it did not");
        let gone = ApiError::Forbidden { message: String::new(), code: None };
        assert_eq!(now(settled(Err(ApiError::Timeout), look(Some(Err(gone.clone()))))), Err(gone));
        assert_eq!(looked.get(), 3);
    }
}
