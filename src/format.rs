//! Pure display helpers: CSS lengths, and the unit a relative age is told in. Numbers and
//! dates in the reader's language are `crate::i18n::intl`'s.

/// What a value not computed yet (a population, a date) shows.
pub const MISSING: &str = "—";

/// A CSS length in pixels to the hundredth (`1234.5` → `"1234.50px"`), formatted as integers:
/// `{}` on an `f64` would ship the float formatter (about 10 KB of wasm) for two style values.
pub fn px(length: f64) -> String {
    let hundredths = (length.max(0.0) * 100.0).round() as u64;
    format!("{}.{:02}px", hundredths / 100, hundredths % 100)
}

/// An age in the largest unit that keeps it at least 1 (`Intl.RelativeTimeFormat` units).
#[derive(Clone, Copy, Debug, PartialEq)]
pub struct Age {
    pub value: f64,
    pub unit: &'static str,
}

/// `seconds` ago as a whole number of seconds, minutes, hours, days, months or years (rounded
/// down: "2 hours ago" until the third hour is full). A time in the future (a clock ahead of the
/// server's) counts as now.
pub fn age(seconds: f64) -> Age {
    const UNITS: [(f64, &str); 6] = [
        (365.0 * 86_400.0, "year"),
        (30.0 * 86_400.0, "month"),
        (86_400.0, "day"),
        (3_600.0, "hour"),
        (60.0, "minute"),
        (1.0, "second"),
    ];
    let seconds = if seconds.is_finite() { seconds.max(0.0) } else { 0.0 };
    let (size, unit) = UNITS.into_iter().find(|(size, _)| seconds >= *size).unwrap_or(UNITS[5]);
    Age { value: (seconds / size).floor(), unit }
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
    fn ages_in_the_largest_whole_unit() {
        assert_eq!(age(0.4), Age { value: 0.0, unit: "second" });
        assert_eq!(age(59.0), Age { value: 59.0, unit: "second" });
        assert_eq!(age(150.0), Age { value: 2.0, unit: "minute" });
        assert_eq!(age(3.0 * 3600.0 - 1.0), Age { value: 2.0, unit: "hour" });
        assert_eq!(age(86_400.0 * 3.5), Age { value: 3.0, unit: "day" });
        assert_eq!(age(86_400.0 * 65.0), Age { value: 2.0, unit: "month" });
        assert_eq!(age(86_400.0 * 800.0), Age { value: 2.0, unit: "year" });
        assert_eq!(age(-30.0), Age { value: 0.0, unit: "second" }, "a clock ahead counts as now");
        assert_eq!(age(f64::NAN), Age { value: 0.0, unit: "second" });
    }
}
