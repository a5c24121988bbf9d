//! The one rule for a write (create, duplicate, move, undo, save, delete) whose outcome is not
//! known: it was not retried (writes never are), so before saying anything the app looks at
//! what the server holds now, and reports the write as done if it landed. No Leptos: tested
//! natively.

use crate::api::ApiError;

/// Whether the write that failed with `error` may have happened all the same: one that got no
/// answer (timeout, dropped connection) may have, and one whose answer did not decode (a 2xx
/// with a truncated or foreign body: only 2xx bodies are decoded) did. Any other answer,
/// a 5xx included, is the server's word that the write failed.
pub fn outcome_unknown(error: &ApiError) -> bool {
    matches!(error, ApiError::Timeout | ApiError::Network(_) | ApiError::Decode(_))
}

/// A write's `result` sorted by the rule: `Ok(result)` to report as it is, or `Err(error)`
/// when its outcome is unknown: the caller then looks at what the server holds, reports the
/// write as done if it landed, and `error` otherwise. (A plain function rather than one taking
/// the look as a closure: a closure's future nested in each write made the wasm bigger.)
pub fn unless_unknown<T>(result: Result<T, ApiError>) -> Result<Result<T, ApiError>, ApiError> {
    match result {
        Err(e) if outcome_unknown(&e) => Err(e),
        other => Ok(other),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

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
        assert_eq!(unless_unknown(Ok::<u32, ApiError>(1)), Ok(Ok(1)), "an answer stands");
        let server = ApiError::Server { status: 503, message: String::new(), retry_after_secs: None };
        assert_eq!(unless_unknown(Err::<u32, _>(server.clone())), Ok(Err(server)), "a 5xx is an answer");
        let conflict = ApiError::Conflict { message: String::new(), fields: vec![] };
        assert_eq!(unless_unknown(Err::<u32, _>(conflict.clone())), Ok(Err(conflict)));
        assert_eq!(unless_unknown(Err::<u32, _>(ApiError::Timeout)), Err(ApiError::Timeout), "look first");
        let garbled = ApiError::Decode("truncated".into());
        assert_eq!(unless_unknown(Err::<u32, _>(garbled.clone())), Err(garbled));
    }
}
