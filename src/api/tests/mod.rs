//! Native unit tests of the pure parts of the API client: decoders (one file per route family),
//! error mapping, `Retry-After`, the retry policy, shared in-flight reads, request bodies and key
//! redaction.

mod body;
mod decode_folder;
mod decode_legacy;
#[cfg(not(target_arch = "wasm32"))]
mod decode_memory;
mod decode_parent_segment;
mod decode_token;
mod errors;
mod inflight;
#[cfg(not(target_arch = "wasm32"))]
mod prop_decode;
#[cfg(not(target_arch = "wasm32"))]
mod prop_token_form;
mod retry;
mod retry_after;
mod secrets;

use super::error::ApiError;

/// Asserts a `Decode` error whose message contains `needle`.
#[track_caller]
fn assert_decode_err<T: std::fmt::Debug>(result: Result<T, ApiError>, needle: &str) {
    match result {
        Err(ApiError::Decode(m)) => assert!(m.contains(needle), "message {m:?} lacks {needle:?}"),
        other => panic!("expected a Decode error containing {needle:?}, got {other:?}"),
    }
}
