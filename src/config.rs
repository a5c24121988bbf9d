//! Runtime defaults from an optional `config.json` next to `index.html`, e.g.
//! `{"region":"custom","baseUrl":"http://127.0.0.1:8787","timeoutMs":20000}`. It never holds a
//! key: it only preselects where the connect screen points (and how long a request may take), so
//! one build serves every deployment. Two deployments need more:
//! - behind a same-origin proxy that adds the credential: `{"apiBase":"/cdp-api","auth":"proxy"}`
//!   (no key is asked, no `Authorization` sent);
//! - framed by another console: `"embedOrigins":["https://console.example.com"]`, the exact
//!   origins whose `profiles-studio:authorization` messages are accepted.

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
    /// `timeoutMs`: the per-request deadline, for hosts behind slow proxies (longer) or tests
    /// of timeouts (shorter). `None`: the client's default (20 s).
    pub timeout_ms: Option<u32>,
    /// `auth: "proxy"`: the API at `base_url` (a custom region) is a proxy holding the credential.
    pub proxy: bool,
    /// `embedOrigins`: the parent pages allowed to hand over a credential to a framed app.
    pub embed_origins: Vec<String>,
    /// `lookupBase`: the Profiles API host for the lookup tester (else the region's).
    pub lookup_base: Option<String>,
}

impl Default for RuntimeConfig {
    fn default() -> Self {
        Self {
            region: Region::Us,
            base_url: String::new(),
            timeout_ms: None,
            proxy: false,
            embed_origins: vec![],
            lookup_base: None,
        }
    }
}

/// The accepted `timeoutMs` range: below half a second even a healthy API times out; above ten
/// minutes nobody is waiting any more. Values outside are ignored (the default applies).
pub const TIMEOUT_MS_RANGE: std::ops::RangeInclusive<u32> = 500..=600_000;

impl RuntimeConfig {
    /// Parses `config.json`. Anything unreadable falls back to the defaults, field by field,
    /// because a typo in a deployment file must not stop the console from starting.
    pub fn parse(text: &str) -> Self {
        let Ok(serde_json::Value::Object(map)) = serde_json::from_str::<serde_json::Value>(text) else {
            return Self::default();
        };
        let text = |name: &str| map.get(name).and_then(|v| v.as_str()).map(str::trim);
        // `apiBase` (an http(s) URL or a same-origin path) wins over region and baseUrl.
        let api_base = text("apiBase").filter(|u| is_api_base(u));
        let region = match api_base {
            Some(_) => Some(Region::Custom),
            None => text("region").and_then(Region::from_id),
        };
        let base_url = api_base
            .or_else(|| text("baseUrl").filter(|u| is_http_url(u)))
            .map(|u| u.trim_end_matches('/').to_owned())
            .unwrap_or_default();
        let proxy = api_base.is_some() && text("auth") == Some("proxy");
        let embed_origins: Vec<String> = map
            .get("embedOrigins")
            .and_then(|v| v.as_array())
            .map(|list| {
                list.iter().filter_map(|o| o.as_str()).filter(|o| is_origin(o)).map(str::to_owned).collect()
            })
            .unwrap_or_default();
        // Independent of the region: a deployment may tune only the deadline.
        let timeout_ms = map
            .get("timeoutMs")
            .and_then(serde_json::Value::as_u64)
            .and_then(|ms| u32::try_from(ms).ok())
            .filter(|ms| TIMEOUT_MS_RANGE.contains(ms));
        let lookup_base =
            text("lookupBase").filter(|u| is_api_base(u)).map(|u| u.trim_end_matches('/').to_owned());
        let fallback = Self {
            timeout_ms,
            embed_origins: embed_origins.clone(),
            lookup_base: lookup_base.clone(),
            ..Self::default()
        };
        match region {
            // A custom region without a usable URL would leave the user with a broken form.
            Some(Region::Custom) if base_url.is_empty() => fallback,
            Some(region) => Self { region, base_url, timeout_ms, proxy, embed_origins, lookup_base },
            None => fallback,
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

/// An absolute http(s) URL, or a path on the page's own origin (a same-origin proxy).
pub fn is_api_base(base: &str) -> bool {
    let base = base.trim();
    is_http_url(base)
        || (base.starts_with('/') && !base.starts_with("//") && !base.contains(char::is_whitespace))
}

/// Whether `origin` is an origin exactly as browsers report one (`https://host[:port]`).
fn is_origin(origin: &str) -> bool {
    is_http_url(origin) && !origin.trim_start_matches("https://").trim_start_matches("http://").contains('/')
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
        assert_eq!(
            c,
            RuntimeConfig {
                region: Region::Custom,
                base_url: "http://127.0.0.1:8787".into(),
                ..RuntimeConfig::default()
            }
        );
    }

    #[test]
    fn reads_timeout_within_range() {
        let c = RuntimeConfig::parse(r#"{"region":"custom","baseUrl":"http://h:1","timeoutMs":2000}"#);
        assert_eq!(c.timeout_ms, Some(2_000));
        // Alone, without a region: the region falls back, the deadline stays.
        assert_eq!(RuntimeConfig::parse(r#"{"timeoutMs":45000}"#).timeout_ms, Some(45_000));
        assert_eq!(RuntimeConfig::parse(r#"{"region":"mars","timeoutMs":500}"#).timeout_ms, Some(500));
    }

    #[test]
    fn ignores_unusable_timeouts() {
        for v in ["0", "499", "600001", "-5", "1.5", "\"2000\"", "null", "1e12", "true"] {
            let c = RuntimeConfig::parse(&format!(r#"{{"region":"us","timeoutMs":{v}}}"#));
            assert_eq!(c, RuntimeConfig::default(), "timeoutMs {v}");
        }
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
    fn proxy_mode_needs_an_api_base() {
        let c = RuntimeConfig::parse(r#"{"apiBase":"/cdp-api/","auth":"proxy","region":"tokyo"}"#);
        assert_eq!((c.region, c.base_url.as_str(), c.proxy), (Region::Custom, "/cdp-api", true));
        // An apiBase alone is a custom base URL that still needs a key.
        let c = RuntimeConfig::parse(r#"{"apiBase":"https://proxy.example.com"}"#);
        assert_eq!((c.region, c.proxy), (Region::Custom, false));
        // "proxy" without a usable apiBase is ignored: the connect screen asks for a key.
        assert_eq!(RuntimeConfig::parse(r#"{"auth":"proxy","apiBase":"cdp api"}"#), RuntimeConfig::default());
    }

    #[test]
    fn lookup_base_when_usable() {
        let c =
            RuntimeConfig::parse(r#"{"region":"custom","baseUrl":"http://h:1","lookupBase":"http://h:2/"}"#);
        assert_eq!(c.lookup_base.as_deref(), Some("http://h:2"));
        assert_eq!(RuntimeConfig::parse(r#"{"lookupBase":"nope"}"#).lookup_base, None);
    }

    #[test]
    fn embed_origins_are_exact_origins() {
        let c = RuntimeConfig::parse(
            r#"{"embedOrigins":["https://console.example.com","http://127.0.0.1:9000","https://x.com/path","*",7]}"#,
        );
        assert_eq!(c.embed_origins, ["https://console.example.com", "http://127.0.0.1:9000"]);
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
