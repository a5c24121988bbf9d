//! Pure display helpers for numbers and timestamps from the API.

/// `1234567` → `"1,234,567"`; `None` (not computed yet) → `"—"`.
pub fn population(n: Option<u64>) -> String {
    let Some(n) = n else { return "—".into() };
    let digits = n.to_string();
    let mut out = String::with_capacity(digits.len() + digits.len() / 3);
    for (i, c) in digits.chars().enumerate() {
        if i > 0 && (digits.len() - i) % 3 == 0 {
            out.push(',');
        }
        out.push(c);
    }
    out
}

/// A CSS length in pixels to the hundredth (`1234.5` → `"1234.50px"`), formatted as integers:
/// `{}` on an `f64` would ship the float formatter (about 10 KB of wasm) for two style values.
pub fn px(length: f64) -> String {
    let hundredths = (length.max(0.0) * 100.0).round() as u64;
    format!("{}.{:02}px", hundredths / 100, hundredths % 100)
}

/// An RFC 3339 timestamp shown compactly (`2024-05-01T12:34:56.000Z` → `2024-05-01 12:34 UTC`).
/// Anything else is shown as received rather than hidden: a strange value is still information.
pub fn timestamp(raw: &str) -> String {
    let raw = raw.trim();
    let bytes = raw.as_bytes();
    let looks_iso = bytes.len() >= 16
        && bytes[4] == b'-'
        && bytes[7] == b'-'
        && (bytes[10] == b'T' || bytes[10] == b' ')
        && bytes[13] == b':'
        && raw.is_char_boundary(16);
    if !looks_iso {
        return raw.to_owned();
    }
    let (date, time) = (&raw[..10], &raw[11..16]);
    let zone = if raw.ends_with('Z') || raw.ends_with("+00:00") { " UTC" } else { "" };
    format!("{date} {time}{zone}")
}

/// `Some(ts)` → formatted, `None` → `"—"`.
pub fn optional_timestamp(raw: Option<&str>) -> String {
    raw.map_or_else(|| "—".into(), timestamp)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn pixels_to_the_hundredth() {
        assert_eq!(px(0.0), "0.00px");
        assert_eq!(px(32.0 * 5000.0), "160000.00px");
        assert_eq!(px(3.0 * 33.333), "100.00px");
        assert_eq!(px(12.345), "12.35px");
        assert_eq!(px(-4.0), "0.00px", "a spacer is never negative");
    }

    #[test]
    fn groups_thousands() {
        assert_eq!(population(Some(0)), "0");
        assert_eq!(population(Some(999)), "999");
        assert_eq!(population(Some(1000)), "1,000");
        assert_eq!(population(Some(1234567)), "1,234,567");
        assert_eq!(population(None), "—");
    }

    #[test]
    fn formats_timestamps() {
        assert_eq!(timestamp("2024-05-01T12:34:56.000Z"), "2024-05-01 12:34 UTC");
        assert_eq!(timestamp("2024-05-01T12:34:56+09:00"), "2024-05-01 12:34");
        assert_eq!(timestamp("yesterday"), "yesterday");
        assert_eq!(timestamp("2024-05-01T1é:34"), "2024-05-01T1é:34");
        assert_eq!(optional_timestamp(None), "—");
    }
}
