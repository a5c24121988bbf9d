//! Runtime defaults from an optional `config.json` next to `index.html`, e.g.
//! `{"region":"custom","baseUrl":"http://127.0.0.1:8787"}`. It never holds a key: it only
//! preselects where the connect screen points, so one build serves every deployment.

use crate::api::Region;

/// How long the app waits for `config.json` before falling back to the defaults: the file is
/// static and tiny, so a slow answer means a broken host, and the user should not wait on it.
const CONFIG_TIMEOUT_MS: u64 = 1_500;

/// Where the connect screen points by default.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct RuntimeConfig {
    pub region: Region,
    /// Only used with `Region::Custom`.
    pub base_url: String,
}

impl Default for RuntimeConfig {
    fn default() -> Self {
        Self { region: Region::Us, base_url: String::new() }
    }
}

impl RuntimeConfig {
    /// Parses `config.json`. Anything unreadable falls back to the defaults, field by field,
    /// because a typo in a deployment file must not stop the console from starting.
    pub fn parse(text: &str) -> Self {
        let Ok(serde_json::Value::Object(map)) = serde_json::from_str::<serde_json::Value>(text) else {
            return Self::default();
        };
        let region = map.get("region").and_then(|v| v.as_str()).and_then(Region::from_id);
        let base_url = map
            .get("baseUrl")
            .and_then(|v| v.as_str())
            .filter(|u| is_http_url(u))
            .map(|u| u.trim().to_owned())
            .unwrap_or_default();
        match region {
            // A custom region without a usable URL would leave the user with a broken form.
            Some(Region::Custom) if base_url.is_empty() => Self::default(),
            Some(region) => Self { region, base_url },
            None => Self::default(),
        }
    }

    /// Fetches and parses `config.json` (relative, so it works under any base path).
    pub async fn load() -> Self {
        match fetch_text("config.json").await {
            Some(text) => Self::parse(&text),
            None => Self::default(),
        }
    }
}

/// Whether `url` looks like an absolute http(s) URL with a host.
pub fn is_http_url(url: &str) -> bool {
    let url = url.trim();
    let rest = url.strip_prefix("https://").or_else(|| url.strip_prefix("http://"));
    matches!(rest, Some(r) if !r.is_empty() && !r.starts_with('/') && !r.contains(char::is_whitespace))
}

/// GETs a small same-origin text file with a timeout; `None` on any failure.
async fn fetch_text(url: &str) -> Option<String> {
    let controller = web_sys::AbortController::new().ok()?;
    let signal = controller.signal();
    let timer = leptos::prelude::set_timeout_with_handle(
        move || controller.abort(),
        std::time::Duration::from_millis(CONFIG_TIMEOUT_MS),
    )
    .ok();
    let response = gloo_net::http::Request::get(url).abort_signal(Some(&signal)).send().await;
    let text = match response {
        Ok(r) if r.ok() => r.text().await.ok(),
        _ => None,
    };
    if let Some(timer) = timer {
        timer.clear();
    }
    text
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn reads_custom_region() {
        let c = RuntimeConfig::parse(r#"{"region":"custom","baseUrl":"http://127.0.0.1:8787"}"#);
        assert_eq!(c, RuntimeConfig { region: Region::Custom, base_url: "http://127.0.0.1:8787".into() });
    }

    #[test]
    fn reads_named_region_and_ignores_extra_fields() {
        let c = RuntimeConfig::parse(r#"{"region":"tokyo","apiKey":"never-used","x":1}"#);
        assert_eq!(c.region, Region::Tokyo);
        assert_eq!(c.base_url, "");
    }

    #[test]
    fn falls_back_on_garbage() {
        for text in [
            "",
            "<html>",
            "[]",
            "null",
            r#"{"region":"mars"}"#,
            r#"{"region":"custom"}"#,
            r#"{"region":"custom","baseUrl":"javascript:alert(1)"}"#,
            r#"{"region":7}"#,
        ] {
            assert_eq!(RuntimeConfig::parse(text), RuntimeConfig::default(), "{text}");
        }
    }

    #[test]
    fn url_check() {
        assert!(is_http_url("https://api-cdp.treasuredata.com"));
        assert!(is_http_url(" http://localhost:8787/ "));
        assert!(!is_http_url("ftp://x"));
        assert!(!is_http_url("http://"));
        assert!(!is_http_url("http:///x"));
        assert!(!is_http_url("http://a b"));
    }
}
