//! Numbers, dates and ages in the instance's language, through the browser's `Intl` (so that
//! digit grouping, date order and "2 分前" are what the reader's platform does everywhere).

use super::Language;
use crate::format::{self, Age};
use wasm_bindgen::JsValue;

/// `1234567` → `"1,234,567"` (grouped as `language` groups); `None` (not computed yet) → `"—"`.
pub fn population(n: Option<u64>, language: Language) -> String {
    n.map_or_else(|| format::MISSING.into(), |n| count(n as f64, language))
}

/// A count with its digits grouped as `language` groups them (`20000` → `"20,000"`).
pub fn count(n: f64, language: Language) -> String {
    js_sys::Number::from(n).to_locale_string(language.tag()).into()
}

/// An RFC 3339 timestamp as a date and time (`2024/05/01 21:34`, `May 1, 2024, 9:34 PM`), in
/// the reader's time zone; anything unreadable is shown as received rather than hidden.
pub fn timestamp(raw: &str, language: Language) -> String {
    let Some(date) = parse(raw) else { return raw.trim().to_owned() };
    let options = js_sys::Object::new();
    set(&options, "dateStyle", "medium");
    set(&options, "timeStyle", "short");
    date.to_locale_string(language.tag(), &options).into()
}

/// `Some(ts)` → formatted, `None` → `"—"`.
pub fn optional_timestamp(raw: Option<&str>, language: Language) -> String {
    raw.map_or_else(|| format::MISSING.into(), |raw| timestamp(raw, language))
}

/// How long ago `raw` was, as `language` says it ("2 minutes ago", "2 分前"); `None` when the
/// timestamp cannot be read.
pub fn age(raw: &str, language: Language) -> Option<String> {
    let then = parse(raw)?.get_time();
    let Age { value, unit } = format::age((js_sys::Date::now() - then) / 1000.0);
    let locales = js_sys::Array::of1(&JsValue::from_str(language.tag()));
    let options = js_sys::Object::new();
    set(&options, "numeric", "auto");
    let relative = js_sys::Intl::RelativeTimeFormat::new(&locales, &options);
    Some(relative.format(-value, unit).into())
}

fn parse(raw: &str) -> Option<js_sys::Date> {
    let date = js_sys::Date::new(&JsValue::from_str(raw.trim()));
    (!date.get_time().is_nan() && !raw.trim().is_empty()).then_some(date)
}

fn set(object: &js_sys::Object, key: &str, value: &str) {
    _ = js_sys::Reflect::set(object, &JsValue::from_str(key), &JsValue::from_str(value));
}
