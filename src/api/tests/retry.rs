//! The retry policy: which failures of which methods are retried, and after how long.

use super::super::error::ApiError;
use super::super::retry::{is_retryable_error, is_retryable_method, RetryPolicy};
use gloo_net::http::Method;

fn server(status: u16, retry_after_secs: Option<u64>) -> ApiError {
    ApiError::Server { status, message: "boom".into(), retry_after_secs }
}

fn rate_limited(retry_after_secs: Option<u64>) -> ApiError {
    ApiError::RateLimited { retry_after_secs }
}

/// One of each transient failure.
fn transient() -> Vec<ApiError> {
    vec![
        ApiError::Network("dropped".into()),
        ApiError::Timeout,
        server(500, None),
        server(502, None),
        server(503, None),
        server(504, None),
        rate_limited(None),
    ]
}

/// One of each final failure (the request or the key is wrong, or the answer is garbage).
fn final_errors() -> Vec<ApiError> {
    vec![
        ApiError::Validation { status: 400, message: "bad".into(), fields: vec![] },
        ApiError::Unauthorized,
        ApiError::Forbidden { message: "no".into(), code: None },
        ApiError::NotFound { message: "gone".into() },
        ApiError::Conflict { message: "taken".into(), fields: vec![] },
        ApiError::Validation { status: 422, message: "invalid".into(), fields: vec![] },
        ApiError::Decode("not JSON".into()),
        server(501, None),
        // "Any other unexpected status" lands in `Server` too, but only 5xx is transient.
        server(418, None),
        server(302, None),
    ]
}

#[test]
fn default_policy_is_three_retries_with_a_bounded_backoff() {
    let p = RetryPolicy::default();
    assert_eq!(p, RetryPolicy { max_retries: 3, base_ms: 300, cap_ms: 5_000, budget_ms: 10_000 });
    let worst: u32 = (0..p.max_retries).map(|a| p.backoff_ceiling_ms(a)).sum();
    assert_eq!(worst, 300 + 600 + 1200);
}

#[test]
fn reads_are_retried_on_transient_failures() {
    let p = RetryPolicy::default();
    for e in transient() {
        assert!(is_retryable_error(&e), "{e:?}");
        for m in [Method::GET, Method::HEAD] {
            assert!(p.next_delay(&m, 0, 0, &e, 0.5).is_some(), "{m} {e:?}");
        }
    }
}

#[test]
fn writes_are_never_retried() {
    let p = RetryPolicy { max_retries: 10, base_ms: 1, cap_ms: 1, budget_ms: u32::MAX };
    for m in [Method::POST, Method::PATCH, Method::PUT, Method::DELETE] {
        assert!(!is_retryable_method(&m), "{m}");
        for e in transient().into_iter().chain(final_errors()) {
            for attempt in 0..3 {
                assert_eq!(p.next_delay(&m, attempt, 0, &e, 0.0), None, "{m} {e:?}");
            }
        }
    }
}

#[test]
fn final_errors_are_not_retried_even_for_reads() {
    let p = RetryPolicy::default();
    for e in final_errors() {
        assert!(!is_retryable_error(&e), "{e:?}");
        assert_eq!(p.delay_for(0, &e, 0.5), None, "{e:?}");
        assert_eq!(p.next_delay(&Method::GET, 0, 0, &e, 0.5), None, "{e:?}");
    }
}

#[test]
fn at_most_max_retries() {
    let p = RetryPolicy::default();
    let e = ApiError::Timeout;
    let made = (0..).take_while(|&a| p.next_delay(&Method::GET, a, 0, &e, 0.99).is_some()).count();
    assert_eq!(made, 3);
    assert_eq!(p.delay_for(3, &e, 0.5), None);
    assert_eq!(p.delay_for(u32::MAX, &e, 0.5), None);
    let one = RetryPolicy { max_retries: 1, ..p };
    assert!(one.delay_for(0, &e, 0.5).is_some());
    assert_eq!(one.delay_for(1, &e, 0.5), None);
}

#[test]
fn none_means_one_attempt() {
    let p = RetryPolicy::none();
    for e in transient() {
        assert_eq!(p.next_delay(&Method::GET, 0, 0, &e, 0.5), None, "{e:?}");
    }
}

#[test]
fn backoff_doubles_then_stops_at_the_cap() {
    let p = RetryPolicy { max_retries: 40, base_ms: 300, cap_ms: 5_000, budget_ms: u32::MAX };
    let ceilings: Vec<u32> = (0..8).map(|a| p.backoff_ceiling_ms(a)).collect();
    assert_eq!(ceilings, [300, 600, 1200, 2400, 4800, 5000, 5000, 5000]);
    // Huge attempt numbers neither overflow nor exceed the cap.
    assert_eq!(p.backoff_ceiling_ms(31), 5000);
    assert_eq!(p.backoff_ceiling_ms(64), 5000);
    assert_eq!(p.backoff_ceiling_ms(u32::MAX), 5000);
    let big = RetryPolicy { max_retries: 3, base_ms: u32::MAX, cap_ms: u32::MAX, budget_ms: u32::MAX };
    assert_eq!(big.backoff_ceiling_ms(5), u32::MAX);
    // With the same random number, each wait is at least the one before.
    let e = ApiError::Network("x".into());
    let waits: Vec<u32> = (0..8).map(|a| p.delay_for(a, &e, 0.999).unwrap_or(0)).collect();
    assert!(waits.windows(2).all(|w| w[0] <= w[1]), "{waits:?}");
    assert_eq!(waits[7], 4995);
}

#[test]
fn full_jitter_stays_within_zero_and_the_ceiling() {
    let p = RetryPolicy::default();
    let e = server(503, None);
    for attempt in 0..3 {
        let ceiling = p.backoff_ceiling_ms(attempt);
        assert_eq!(p.delay_for(attempt, &e, 0.0), Some(0));
        assert_eq!(p.delay_for(attempt, &e, 0.5), Some(ceiling / 2));
        for i in 0..1000 {
            let r = f64::from(i) / 1000.0;
            let d = p.delay_for(attempt, &e, r).unwrap_or(u32::MAX);
            assert!(d < ceiling, "attempt {attempt} r {r}: {d} ≥ {ceiling}");
        }
        // Out-of-range "random" numbers are clamped, never stretch the wait.
        for r in [-1.0, 1.0, 7.5, f64::INFINITY, f64::NEG_INFINITY, f64::NAN] {
            let d = p.delay_for(attempt, &e, r).unwrap_or(u32::MAX);
            assert!(d <= ceiling, "attempt {attempt} r {r}: {d}");
        }
    }
}

#[test]
fn retry_after_is_honoured_as_a_minimum() {
    let p = RetryPolicy::default();
    for e in [rate_limited(Some(2)), server(503, Some(2))] {
        for attempt in 0..3 {
            assert_eq!(p.delay_for(attempt, &e, 0.0), Some(2000), "{e:?}");
            assert_eq!(p.delay_for(attempt, &e, 0.999), Some(2000), "{e:?}");
        }
    }
    // When the jittered backoff is longer than the server's wait, the backoff wins.
    let slow = RetryPolicy { base_ms: 4000, ..p };
    assert_eq!(slow.delay_for(0, &rate_limited(Some(1)), 0.5), Some(2000));
    assert_eq!(slow.delay_for(0, &rate_limited(Some(0)), 0.25), Some(1000));
    // `Retry-After: 0` (or a date in the past) still gets the jittered backoff.
    assert_eq!(p.delay_for(0, &rate_limited(Some(0)), 0.5), Some(150));
    // Without a `Retry-After`, the 429 backs off like any transient failure.
    assert_eq!(p.delay_for(1, &rate_limited(None), 0.5), Some(300));
}

#[test]
fn retry_after_is_capped_at_sixty_seconds() {
    let p = RetryPolicy { budget_ms: u32::MAX, ..RetryPolicy::default() };
    for secs in [60, 61, 3600, u64::MAX] {
        assert_eq!(p.delay_for(0, &rate_limited(Some(secs)), 0.5), Some(60_000), "{secs}");
        assert_eq!(p.delay_for(0, &server(503, Some(secs)), 0.5), Some(60_000), "{secs}");
    }
}

#[test]
fn the_budget_bounds_the_total_wait() {
    let p = RetryPolicy::default();
    // A server asking for more than the whole budget: no automatic retry, the error (with its
    // seconds) is shown at once.
    assert_eq!(p.next_delay(&Method::GET, 0, 0, &rate_limited(Some(11)), 0.5), None);
    assert_eq!(p.next_delay(&Method::GET, 0, 0, &server(503, Some(60)), 0.5), None);
    // Exactly the budget is fine.
    assert_eq!(p.next_delay(&Method::GET, 0, 0, &rate_limited(Some(10)), 0.5), Some(10_000));
    // `Retry-After: 4` three times: 4 s + 4 s fit, a third 4 s would not.
    let e = rate_limited(Some(4));
    let mut waited = 0;
    let mut attempt = 0;
    while let Some(d) = p.next_delay(&Method::GET, attempt, waited, &e, 0.5) {
        waited += d;
        attempt += 1;
    }
    assert_eq!((attempt, waited), (2, 8000));
    // The plain backoff always fits the default budget.
    let e = ApiError::Network("x".into());
    let (mut waited, mut attempt) = (0, 0);
    while let Some(d) = p.next_delay(&Method::GET, attempt, waited, &e, 0.999_999) {
        waited += d;
        attempt += 1;
    }
    assert_eq!(attempt, 3);
    assert!(waited < 2100, "{waited}");
    // A waited total near u32::MAX does not overflow.
    assert_eq!(p.next_delay(&Method::GET, 0, u32::MAX, &e, 0.5), None);
}
