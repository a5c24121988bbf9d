use super::super::retry_after::{http_date_to_unix, parse_retry_after, MAX_RETRY_AFTER_SECS};

/// 1994-11-06T08:49:37Z, the RFC's example date.
const RFC_EXAMPLE: u64 = 784_111_777;

#[test]
fn delta_seconds() {
    assert_eq!(parse_retry_after("0", 0), Some(0));
    assert_eq!(parse_retry_after("  12 ", 0), Some(12));
    assert_eq!(parse_retry_after("60", 0), Some(60));
    assert_eq!(parse_retry_after("61", 0), Some(MAX_RETRY_AFTER_SECS));
    assert_eq!(parse_retry_after("99999999999999999999999999", 0), Some(MAX_RETRY_AFTER_SECS));
}

#[test]
fn http_dates_in_all_three_forms() {
    for form in
        ["Sun, 06 Nov 1994 08:49:37 GMT", "Sunday, 06-Nov-94 08:49:37 GMT", "Sun Nov  6 08:49:37 1994"]
    {
        assert_eq!(http_date_to_unix(form), Some(RFC_EXAMPLE), "{form}");
        assert_eq!(parse_retry_after(form, RFC_EXAMPLE - 30), Some(30), "{form}");
    }
    assert_eq!(http_date_to_unix("Thu, 01 Jan 1970 00:00:00 GMT"), Some(0));
    assert_eq!(http_date_to_unix("Tue, 29 Feb 2028 23:59:59 GMT"), Some(1_835_481_599));
    // In the past: retry now; far future: capped.
    assert_eq!(parse_retry_after("Sun, 06 Nov 1994 08:49:37 GMT", RFC_EXAMPLE + 100), Some(0));
    assert_eq!(parse_retry_after("Fri, 01 Jan 2100 00:00:00 GMT", RFC_EXAMPLE), Some(MAX_RETRY_AFTER_SECS));
}

#[test]
fn garbage_is_none() {
    for bad in [
        "",
        "   ",
        "-5",
        "1.5",
        "5s",
        "soon",
        "0x10",
        "Sun, 06 Nov 1994 08:49:37 UTC",
        "Sun, 32 Nov 1994 08:49:37 GMT",
        "Sun, 29 Feb 2023 08:49:37 GMT",
        "Sun, 06 Foo 1994 08:49:37 GMT",
        "Sun, 06 Nov 1994 24:00:00 GMT",
        "Sun, 06 Nov 1994 08:49 GMT",
        "Sun, 06 Nov 1994 08:49:37:01 GMT",
        "Sun, 06 Nov 94 08:49:37 GMT",
        "Sun, 06 Nov 1969 08:49:37 GMT",
        "Sunday, 06-Nov-1994 08:49:37 GMT",
        "Sun Nov  6 08:49:37",
        "\u{0}",
        "🎉",
    ] {
        assert_eq!(parse_retry_after(bad, RFC_EXAMPLE), None, "{bad:?}");
    }
}
