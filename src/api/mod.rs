//! The typed CDP API client: the only place that knows URLs and JSON.
mod body;
mod client;
mod credential;
mod decode;
mod error;
mod errors_decode;
mod inflight;
mod jsonapi;
mod lenient;
pub mod lookup;
pub mod models;
mod region;
mod retry;
mod retry_after;
mod secret;
mod transport;

#[cfg(test)]
mod tests;

/// The request body of a token write, for the form model's tests.
#[cfg(test)]
pub(crate) use body::token_write_body;
pub use client::{Client, DEFAULT_TIMEOUT_MS};
pub use credential::{checked_header, Answer, Ask, Credential, HostCredential};
pub use error::{ApiError, FieldError};
pub use models::*;
pub use region::Region;
pub use retry::RetryPolicy;
pub use retry_after::{parse_retry_after, MAX_RETRY_AFTER_SECS};
pub use transport::Stop;
