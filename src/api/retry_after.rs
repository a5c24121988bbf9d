//! `Retry-After` (RFC 9110 §10.2.3): delta-seconds or an HTTP-date, capped.

/// The longest wait the app honours; a server asking for more gets retried (or shown) sooner.
pub const MAX_RETRY_AFTER_SECS: u64 = 60;

/// Seconds to wait per a `Retry-After` value, relative to `now_unix_secs`, capped at
/// [`MAX_RETRY_AFTER_SECS`]. A date in the past gives 0. Anything unparsable gives `None`, so the
/// caller falls back to its own backoff.
pub fn parse_retry_after(value: &str, now_unix_secs: u64) -> Option<u64> {
    let value = value.trim();
    if value.is_empty() {
        return None;
    }
    let secs = if value.bytes().all(|b| b.is_ascii_digit()) {
        // More digits than fit in a u64 is still "a long time": cap rather than refuse.
        value.parse::<u64>().unwrap_or(u64::MAX)
    } else {
        http_date_to_unix(value)?.saturating_sub(now_unix_secs)
    };
    Some(secs.min(MAX_RETRY_AFTER_SECS))
}

/// Seconds since the Unix epoch for any of the three HTTP-date forms recipients must accept:
/// IMF-fixdate `Sun, 06 Nov 1994 08:49:37 GMT`, RFC 850 `Sunday, 06-Nov-94 08:49:37 GMT` and
/// asctime `Sun Nov  6 08:49:37 1994`.
pub fn http_date_to_unix(s: &str) -> Option<u64> {
    let parts: Vec<&str> = s.split_whitespace().collect();
    let (day, month, year, time) = match parts.as_slice() {
        [wd, d, m, y, t, "GMT"] if wd.ends_with(',') => (*d, *m, parse_year(y)?, *t),
        [wd, dmy, t, "GMT"] if wd.ends_with(',') => {
            let mut it = dmy.split('-');
            let (d, m, y) = (it.next()?, it.next()?, it.next()?);
            if it.next().is_some() {
                return None;
            }
            (d, m, two_digit_year(y)?, *t)
        }
        [_wd, m, d, t, y] => (*d, *m, parse_year(y)?, *t),
        _ => return None,
    };
    let day: u32 = small_number(day)?;
    let month = month_number(month)?;
    let mut hms = time.split(':').map(small_number::<u32>);
    let (h, mi, se) = (hms.next()??, hms.next()??, hms.next()??);
    if hms.next().is_some() || h > 23 || mi > 59 || se > 60 || day == 0 || day > days_in_month(year, month) {
        return None;
    }
    let days = days_from_civil(year, month, day);
    let secs = days.checked_mul(86_400)? + i64::from(h * 3600 + mi * 60 + se);
    u64::try_from(secs).ok()
}

fn small_number<T: std::str::FromStr>(s: &str) -> Option<T> {
    (!s.is_empty() && s.len() <= 4 && s.bytes().all(|b| b.is_ascii_digit())).then(|| s.parse().ok())?
}

fn parse_year(s: &str) -> Option<i64> {
    (s.len() == 4).then(|| small_number(s))?
}

/// RFC 9110: a two-digit year more than 50 years in the future means the past century.
/// Resolved against 2000 here, which is right until 2050 and never matters for a 60 s cap.
fn two_digit_year(s: &str) -> Option<i64> {
    let y: i64 = (s.len() == 2).then(|| small_number(s))??;
    Some(if y >= 70 { 1900 + y } else { 2000 + y })
}

fn month_number(m: &str) -> Option<u32> {
    const MONTHS: [&str; 12] =
        ["Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"];
    MONTHS.iter().position(|x| *x == m).and_then(|i| u32::try_from(i + 1).ok())
}

fn days_in_month(year: i64, month: u32) -> u32 {
    let leap = (year % 4 == 0 && year % 100 != 0) || year % 400 == 0;
    match month {
        2 if leap => 29,
        2 => 28,
        4 | 6 | 9 | 11 => 30,
        _ => 31,
    }
}

/// Days since 1970-01-01 (Howard Hinnant's `days_from_civil`).
fn days_from_civil(year: i64, month: u32, day: u32) -> i64 {
    let y = if month <= 2 { year - 1 } else { year };
    let era = y.div_euclid(400);
    let yoe = y - era * 400;
    let m = i64::from(month);
    let doy = (153 * (if m > 2 { m - 3 } else { m + 9 }) + 2) / 5 + i64::from(day) - 1;
    let doe = yoe * 365 + yoe / 4 - yoe / 100 + doy;
    era * 146_097 + doe - 719_468
}
