use super::super::client::{Client, DEFAULT_TIMEOUT_MS};
use super::super::error::{ApiError, FieldError};
use super::super::errors_decode::error_from_response_at;
use super::super::secret::authorization_value;

const KEY: &str = "1234/0123456789abcdef0123456789abcdef01234567";

#[test]
fn client_debug_never_shows_the_key() {
    let c = Client::new("https://api-cdp.treasuredata.com/", Some(KEY.to_owned()));
    let shown = format!("{c:?} {c:#?}");
    assert!(!shown.contains(KEY) && !shown.contains("0123456789abcdef"), "{shown}");
    assert!(shown.contains("<redacted>"));
    assert_eq!(c.base_url(), "https://api-cdp.treasuredata.com");
}

#[test]
fn timeout_defaults_and_is_configurable() {
    let c = Client::new("/cdp-api", None);
    assert_eq!(c.timeout_ms(), DEFAULT_TIMEOUT_MS);
    assert_eq!(c.clone().with_timeout_ms(5_000).timeout_ms(), 5_000);
    assert_eq!(c.with_timeout_ms(0).timeout_ms(), 1);
}

#[test]
fn authorization_value_is_td1_and_refuses_unsendable_keys() {
    assert_eq!(authorization_value(&format!(" {KEY}\n")).unwrap(), format!("TD1 {KEY}"));
    for bad in ["", "  ", "12 34", "key\nX-Evil: 1", "clé", "k\u{0}"] {
        let e = authorization_value(bad).unwrap_err();
        assert_eq!(e, ApiError::Unauthorized);
        assert!(!e.to_string().contains(bad.trim()) || bad.trim().is_empty());
    }
}

#[test]
fn a_key_echoed_by_the_server_is_redacted_from_every_variant() {
    let echo = format!("invalid key {KEY}");
    let errors = [
        error_from_response_at(401, &echo, None, 0),
        error_from_response_at(403, &format!(r#"{{"message": "{echo}", "code": "{KEY}"}}"#), None, 0),
        error_from_response_at(404, &echo, None, 0),
        error_from_response_at(409, &format!(r#"{{"errors": {{"key": ["{echo}"]}}}}"#), None, 0),
        error_from_response_at(
            400,
            &format!(
                r#"{{"errors": [{{"detail": "{echo}", "source": {{"pointer": "/attributes/name"}}}}]}}"#
            ),
            None,
            0,
        ),
        error_from_response_at(500, &echo, None, 0),
        error_from_response_at(429, &echo, None, 0),
        ApiError::Network(echo.clone()),
        ApiError::Decode(echo.clone()),
        ApiError::Timeout,
        ApiError::Conflict {
            message: String::new(),
            fields: vec![FieldError { field: KEY.into(), message: echo.clone(), code: Some(KEY.into()) }],
        },
    ];
    for e in errors {
        let e = e.redact(KEY);
        let shown = format!("{e} {e:?}");
        assert!(!shown.contains(KEY), "{shown}");
    }
    // Nothing to redact without a key; texts without it are untouched.
    assert_eq!(ApiError::Decode("x".into()).redact(""), ApiError::Decode("x".into()));
    assert_eq!(ApiError::Decode("x".into()).redact(KEY), ApiError::Decode("x".into()));
}

#[test]
fn client_errors_never_contain_the_key() {
    // Natively there is no fetch: the call fails cleanly (no panic) and without the key.
    let c = Client::new("https://api-cdp.treasuredata.com", Some(KEY.to_owned()));
    let e = block_on(c.parent_segments()).unwrap_err();
    assert!(matches!(e, ApiError::Network(_)));
    assert!(!format!("{e} {e:?}").contains(KEY));
    // A key that cannot go in a header is refused before any request, without echoing it.
    let bad = Client::new("https://x", Some("bad key\n".to_owned()));
    let e = block_on(bad.token(&super::super::models::TokenId::parse("1").unwrap())).unwrap_err();
    assert_eq!(e, ApiError::Unauthorized);
}

/// Polls a future that never waits (the native transport answers at once) to completion.
fn block_on<F: std::future::Future>(f: F) -> F::Output {
    let mut cx = std::task::Context::from_waker(std::task::Waker::noop());
    let mut f = std::pin::pin!(f);
    loop {
        if let std::task::Poll::Ready(out) = f.as_mut().poll(&mut cx) {
            return out;
        }
    }
}
