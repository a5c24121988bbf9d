//! Handling of the API key: the `Authorization` value, and keeping the key out of errors.

use super::error::ApiError;

/// `TD1 <key>`. The key is trimmed (pasted keys often carry a newline) and must be visible
/// ASCII: the browser's `Headers.append` throws on anything else, which would abort the app.
/// A key that cannot be sent is reported as not accepted, without echoing it.
pub fn authorization_value(key: &str) -> Result<String, ApiError> {
    let key = key.trim();
    if key.is_empty() || !key.bytes().all(|b| b.is_ascii_graphic()) {
        return Err(ApiError::Unauthorized);
    }
    Ok(format!("TD1 {key}"))
}

impl ApiError {
    /// The same error with every occurrence of `secret` in its texts replaced, in case a server
    /// or proxy echoes the key back in a message.
    pub(crate) fn redact(self, secret: &str) -> Self {
        let secret = secret.trim();
        if secret.is_empty() {
            return self;
        }
        let r = |s: String| if s.contains(secret) { s.replace(secret, "<redacted>") } else { s };
        let fields = |fs: Vec<super::FieldError>| {
            fs.into_iter()
                .map(|f| super::FieldError { message: r(f.message), code: f.code.map(r), field: r(f.field) })
                .collect()
        };
        match self {
            Self::Forbidden { message, code } => Self::Forbidden { message: r(message), code: code.map(r) },
            Self::NotFound { message } => Self::NotFound { message: r(message) },
            Self::Conflict { message, fields: fs } => {
                Self::Conflict { message: r(message), fields: fields(fs) }
            }
            Self::Validation { status, message, fields: fs } => {
                Self::Validation { status, message: r(message), fields: fields(fs) }
            }
            Self::Server { status, message, retry_after_secs } => {
                Self::Server { status, message: r(message), retry_after_secs }
            }
            Self::Network(m) => Self::Network(r(m)),
            Self::Decode(m) => Self::Decode(r(m)),
            e @ (Self::Unauthorized | Self::RateLimited { .. } | Self::Timeout) => e,
        }
    }
}
