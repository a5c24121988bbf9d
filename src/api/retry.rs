//! When a failed request is tried again, and after how long. Pure: the caller supplies the
//! random number and does the sleeping.
//!
//! Only safe methods (GET, HEAD) are ever retried (RFC 9110 §9.2.2; TanStack Query retries
//! queries, never mutations). POST, PATCH and DELETE are not: a write that timed out may have
//! been applied, and the user decides what happens next. A read is retried on a network error,
//! a timeout, a 5xx (except 501) and a 429, at most [`RetryPolicy::max_retries`] times, after a
//! capped exponential backoff with full jitter (AWS Builders' Library), and never sooner than the
//! server's `Retry-After`. The total waiting is bounded by [`RetryPolicy::budget_ms`]: a server
//! that asks for a longer pause gets its error shown (it carries the seconds) instead of a
//! spinner that turns for a minute.

use super::error::ApiError;
use super::retry_after::MAX_RETRY_AFTER_SECS;
use gloo_net::http::Method;

/// How reads are retried. [`RetryPolicy::default`] is what the app uses; tests that want one
/// attempt per call use [`RetryPolicy::none`].
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct RetryPolicy {
    /// Retries after the first attempt (so at most `max_retries + 1` requests per read).
    pub max_retries: u32,
    /// The backoff ceiling before the first retry; it doubles per retry.
    pub base_ms: u32,
    /// No backoff ceiling exceeds this (a `Retry-After` may, within the budget).
    pub cap_ms: u32,
    /// The most a read may spend waiting between attempts, all retries together. A retry whose
    /// pause would go beyond it is not made.
    pub budget_ms: u32,
}

impl Default for RetryPolicy {
    /// 3 retries; backoff ceilings 300, 600, 1200 ms (each wait uniform below its ceiling, so at
    /// most 2.1 s in all); `Retry-After` honoured while the waits add up to 10 s at most.
    fn default() -> Self {
        Self { max_retries: 3, base_ms: 300, cap_ms: 5_000, budget_ms: 10_000 }
    }
}

impl RetryPolicy {
    /// Never retry: every call is exactly one request.
    pub const fn none() -> Self {
        Self { max_retries: 0, base_ms: 0, cap_ms: 0, budget_ms: 0 }
    }

    /// The pause before retry number `attempt + 1` of a `method` request that failed with
    /// `error`, given that `waited_ms` have already been spent waiting for this call; `None`
    /// means give up and return `error`. `random` is uniform in `[0, 1)` (`Math.random()`).
    pub fn next_delay(
        &self,
        method: &Method,
        attempt: u32,
        waited_ms: u32,
        error: &ApiError,
        random: f64,
    ) -> Option<u32> {
        if !is_retryable_method(method) {
            return None;
        }
        let delay = self.delay_for(attempt, error, random)?;
        (u64::from(waited_ms) + u64::from(delay) <= u64::from(self.budget_ms)).then_some(delay)
    }

    /// The pause before retry number `attempt + 1` (`attempt` counts the retries already made)
    /// of a read that failed with `error`, ignoring the budget; `None` if this error is final or
    /// the retries are used up. The pause is the larger of the jittered backoff and the
    /// server's `Retry-After` (capped at [`MAX_RETRY_AFTER_SECS`]).
    pub fn delay_for(&self, attempt: u32, error: &ApiError, random: f64) -> Option<u32> {
        if attempt >= self.max_retries || !is_retryable_error(error) {
            return None;
        }
        let backoff = full_jitter(self.backoff_ceiling_ms(attempt), random);
        let server = retry_after_secs(error)
            .map(|s| u32::try_from(s.min(MAX_RETRY_AFTER_SECS) * 1000).unwrap_or(u32::MAX));
        Some(server.map_or(backoff, |s| s.max(backoff)))
    }

    /// `min(cap, base · 2^attempt)`: the most the jittered backoff before retry `attempt + 1`
    /// can be.
    pub fn backoff_ceiling_ms(&self, attempt: u32) -> u32 {
        let factor = 1u64.checked_shl(attempt.min(32)).unwrap_or(u64::MAX);
        let ceiling = u64::from(self.base_ms).saturating_mul(factor).min(u64::from(self.cap_ms));
        u32::try_from(ceiling).unwrap_or(u32::MAX)
    }
}

/// Safe methods only: DELETE is idempotent in HTTP terms, but the app never repeats a write
/// the user did not ask for twice.
pub fn is_retryable_method(method: &Method) -> bool {
    *method == Method::GET || *method == Method::HEAD
}

/// Failures that may pass by themselves. 4xx other than 429 say the request itself is wrong
/// (or the key is), 501 says the server will never do it, and an undecodable answer will
/// not decode better the second time.
pub fn is_retryable_error(error: &ApiError) -> bool {
    match error {
        ApiError::Network(_) | ApiError::Timeout | ApiError::RateLimited { .. } => true,
        ApiError::Server { status, .. } => (500..=599).contains(status) && *status != 501,
        _ => false,
    }
}

fn retry_after_secs(error: &ApiError) -> Option<u64> {
    match error {
        ApiError::RateLimited { retry_after_secs } | ApiError::Server { retry_after_secs, .. } => {
            *retry_after_secs
        }
        _ => None,
    }
}

/// A uniform pick in `[0, ceiling)`; `random` outside `[0, 1)` (or NaN) is clamped.
fn full_jitter(ceiling: u32, random: f64) -> u32 {
    let r = if random.is_nan() { 0.0 } else { random.clamp(0.0, 1.0) };
    // `as` saturates; with r < 1 the result stays below the ceiling, with r == 1 it is the
    // ceiling itself, which is still within bounds.
    (f64::from(ceiling) * r) as u32
}
