//! The wall clock, for the few places that need the time of day (freshness windows, hand-over
//! ages, HTTP dates). `SystemTime` panics on wasm32-unknown-unknown, so the browser's clock is
//! read there; native tests get the system clock. Logic that depends on time takes it as a value.

/// Milliseconds since the Unix epoch (0 if the clock cannot be read).
pub fn now_ms() -> f64 {
    #[cfg(target_arch = "wasm32")]
    let ms = js_sys::Date::now();
    #[cfg(not(target_arch = "wasm32"))]
    let ms = std::time::SystemTime::now()
        .duration_since(std::time::UNIX_EPOCH)
        .map_or(0.0, |d| d.as_secs_f64() * 1000.0);
    if ms.is_finite() && ms > 0.0 {
        ms
    } else {
        0.0
    }
}

#[cfg(test)]
mod tests {
    #[test]
    fn native_tests_read_the_system_clock() {
        // After 2020-09-13 (1.6e12 ms): a real clock, not the 0 of an unreadable one.
        assert!(super::now_ms() > 1.6e12);
    }
}
