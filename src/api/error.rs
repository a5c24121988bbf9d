//! The one error type every API call returns.

/// A server message about one field (`source.pointer` `/attributes/name` → field `name`).
/// `message` is the server's words only: empty when it named the field and said nothing.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct FieldError {
    /// The attribute or relationship name, e.g. `name`, `attributeColumns`, `segments`.
    pub field: String,
    pub message: String,
    /// `meta.validationCode` and the like, when given.
    pub code: Option<String>,
}

/// Why a call failed. Messages never contain the API key. A `message` is the server's own
/// words and empty when it gave none (the UI then words the error in the reader's language:
/// this layer writes no sentences of its own there).
#[derive(Clone, Debug, PartialEq, thiserror::Error)]
pub enum ApiError {
    /// 401: missing or wrong API key.
    #[error("The API key was not accepted (401). Check the key and the region.")]
    Unauthorized,
    /// 403: the key may not do this (e.g. `SEGMENT_FOLDER_EDIT_REQUIRED`).
    #[error("Permission denied: {message}")]
    Forbidden { message: String, code: Option<String> },
    /// 404.
    #[error("Not found: {message}")]
    NotFound { message: String },
    /// 409.
    #[error("Conflict: {message}")]
    Conflict { message: String, fields: Vec<FieldError> },
    /// 400 (validation or bad parameter) and 422: the request was refused as invalid.
    #[error("{message}")]
    Validation { status: u16, message: String, fields: Vec<FieldError> },
    /// 429, with the server's `Retry-After` in seconds when given.
    #[error("Too many requests; try again{}", .retry_after_secs.map(|s| format!(" in {s} s")).unwrap_or_default())]
    RateLimited { retry_after_secs: Option<u64> },
    /// 5xx (and any other unexpected status).
    #[error("The server failed ({status}): {message}")]
    Server { status: u16, message: String, retry_after_secs: Option<u64> },
    /// The request never got an answer (offline, DNS, CORS, dropped connection).
    #[error("Network error: {0}")]
    Network(String),
    /// No answer within the deadline; the request was aborted.
    #[error("The server did not answer in time.")]
    Timeout,
    /// An answer arrived but is not what the contract says (HTML, truncated JSON, missing field).
    #[error("Unexpected answer from the server: {0}")]
    Decode(String),
}

impl ApiError {
    /// The server's own words, for the kinds of error that carry them (empty when it gave none).
    pub fn server_message(&self) -> Option<&str> {
        match self {
            Self::Forbidden { message, .. }
            | Self::NotFound { message }
            | Self::Conflict { message, .. }
            | Self::Validation { message, .. }
            | Self::Server { message, .. } => Some(message),
            _ => None,
        }
    }

    /// The server's message about `field`, if any.
    pub fn field_error(&self, field: &str) -> Option<&str> {
        let fields = match self {
            Self::Validation { fields, .. } | Self::Conflict { fields, .. } => fields,
            _ => return None,
        };
        fields.iter().find(|f| f.field == field).map(|f| f.message.as_str())
    }

    /// Whether a read may be retried automatically (network, timeout, 5xx but 501, 429); the
    /// same rule the client's [`RetryPolicy`](super::RetryPolicy) applies.
    pub fn is_retryable(&self) -> bool {
        super::retry::is_retryable_error(self)
    }
}
