//! The Profiles API (lookups) as a web page calls it: the regional lookup hosts, the URL with
//! the key name and value encoded (td-js-sdk does not, and breaks on `+`, `&` or Japanese
//! text), the answer decoded. No API key is ever sent: the token UUID is the credential.

use super::transport::{self, Outgoing, Stop};
use super::Region;
use gloo_net::http::Method;
use serde_json::Value;

/// The key column whose value is the browser's `td_global_id` cookie, never typed.
pub const GLOBAL_ID: &str = "td_global_id";

/// How long a lookup may take: the Profiles API is meant to answer a page in milliseconds.
pub const LOOKUP_TIMEOUT_MS: u32 = 10_000;

impl Region {
    /// The Profiles API host of the region; `None` for a custom API (configure `lookupBase`).
    pub fn lookup_base(self) -> Option<&'static str> {
        match self {
            Self::Us => Some("https://cdp.in.treasuredata.com"),
            Self::Tokyo => Some("https://cdp-tokyo.in.treasuredata.com"),
            Self::Eu => Some("https://cdp-eu01.in.treasuredata.com"),
            Self::Ap02 => Some("https://cdp-ap02.in.treasuredata.com"),
            Self::Ap03 => Some("https://cdp-ap03.in.treasuredata.com"),
            Self::Custom => None,
        }
    }

    /// The region whose CDP API is at `api_base`, if it is one of theirs.
    pub fn of_api_base(api_base: &str) -> Option<Self> {
        let base = api_base.trim_end_matches('/');
        Self::ALL.into_iter().find(|r| r.base_url() == Some(base))
    }
}

/// `encodeURIComponent`: everything but `A-Z a-z 0-9 - _ . ! ~ * ' ( )` as UTF-8 `%XX`.
pub fn encode_component(text: &str) -> String {
    const HEX: &[u8; 16] = b"0123456789ABCDEF";
    let mut out = String::with_capacity(text.len());
    for &b in text.as_bytes() {
        if b.is_ascii_alphanumeric() || b"-_.!~*'()".contains(&b) {
            out.push(b as char);
        } else {
            out.push('%');
            out.push(HEX[usize::from(b >> 4)] as char);
            out.push(HEX[usize::from(b & 15)] as char);
        }
    }
    out
}

/// The lookup URL. With `td_global_id` no value is sent: the server reads the cookie.
pub fn lookup_url(base: &str, uuid: &str, key_column: &str, value: &str) -> String {
    let mut url = format!(
        "{}/cdp/lookup/collect/segments?version=2&token={}",
        base.trim_end_matches('/'),
        encode_component(uuid)
    );
    if key_column != GLOBAL_ID {
        url.push_str("&key.");
        url.push_str(&encode_component(key_column));
        url.push('=');
        url.push_str(&encode_component(value));
    }
    url
}

/// What one token's lookup answered.
#[derive(Clone, Debug, PartialEq)]
pub enum Lookup {
    /// The profile: the ids of the token's segments it is in, and the token's attributes.
    Found { values: Vec<String>, attributes: Vec<(String, Value)> },
    /// No profile has this key value in the token's parent segment.
    NoProfile,
}

/// Why a lookup gave no answer.
#[derive(Clone, Debug, PartialEq)]
pub enum LookupError {
    /// The error object the Profiles API answers (sometimes with HTTP 200).
    Refused {
        status: Option<u64>,
        message: String,
    },
    /// Any other non-2xx.
    Status(u16),
    /// No answer could be read: offline, the host unreachable, or the browser refused it
    /// (CORS, an ad blocker).
    Unreachable,
    Timeout,
    /// An answer that is neither the array nor the error object.
    Garbled(String),
}

/// Decodes an answer: any array is success, any object an error (docs/cdp-api.md).
pub fn decode_lookup(http_status: u16, body: &str) -> Result<Lookup, LookupError> {
    let parsed: Result<Value, _> = serde_json::from_str(body);
    match parsed {
        Ok(Value::Array(entries)) if (200..300).contains(&http_status) => {
            let Some(entry) = entries.iter().find(|e| e.is_object()) else { return Ok(Lookup::NoProfile) };
            let values = entry["values"]
                .as_array()
                .map(|v| v.iter().filter_map(id_text).collect())
                .unwrap_or_default();
            let attributes = entry["attributes"]
                .as_object()
                .map(|a| a.iter().map(|(k, v)| (k.clone(), v.clone())).collect())
                .unwrap_or_default();
            Ok(Lookup::Found { values, attributes })
        }
        Ok(Value::Object(error)) => Err(LookupError::Refused {
            status: error.get("status").and_then(Value::as_u64),
            message: error
                .get("message")
                .or_else(|| error.get("error"))
                .and_then(Value::as_str)
                .unwrap_or("the Profiles API refused the lookup")
                .to_owned(),
        }),
        _ if !(200..300).contains(&http_status) => Err(LookupError::Status(http_status)),
        _ => Err(LookupError::Garbled(body.chars().take(120).collect())),
    }
}

/// Segment ids come as strings or numbers.
fn id_text(v: &Value) -> Option<String> {
    v.as_str().map(str::to_owned).or_else(|| v.as_u64().map(|n| n.to_string()))
}

/// What the tester shows besides the decoded answer.
#[derive(Clone, Debug, PartialEq)]
pub struct Exchange {
    pub url: String,
    pub http_status: Option<u16>,
    pub latency_ms: u32,
    pub body: String,
    pub result: Result<Lookup, LookupError>,
}

/// Sends one lookup, with the browser's cookies when the key is `td_global_id`; `stop` aborts
/// it (the instance is going away).
pub async fn look_up(url: String, with_cookies: bool, stop: Stop) -> Exchange {
    let started = now_ms();
    let outgoing = Outgoing {
        method: Method::GET,
        url: &url,
        authorization: None,
        body: None,
        timeout_ms: LOOKUP_TIMEOUT_MS,
        stop: &stop,
        accept: "application/json",
        with_cookies,
    };
    let answer = transport::send(outgoing).await;
    let latency_ms = (now_ms() - started).max(0.0) as u32;
    match answer {
        Ok(a) => {
            let result = decode_lookup(a.status, &a.body);
            Exchange { url, http_status: Some(a.status), latency_ms, body: a.body, result }
        }
        Err(e) => {
            let error =
                if e == super::ApiError::Timeout { LookupError::Timeout } else { LookupError::Unreachable };
            Exchange { url, http_status: None, latency_ms, body: String::new(), result: Err(error) }
        }
    }
}

fn now_ms() -> f64 {
    if cfg!(target_arch = "wasm32") {
        js_sys::Date::now()
    } else {
        0.0
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn values_are_encoded_as_encode_uri_component_does() {
        assert_eq!(encode_component("ana+shop@example.com"), "ana%2Bshop%40example.com");
        assert_eq!(encode_component("a&b=c d"), "a%26b%3Dc%20d");
        assert_eq!(encode_component("田中"), "%E7%94%B0%E4%B8%AD");
        assert_eq!(encode_component("🎉"), "%F0%9F%8E%89");
        assert_eq!(encode_component("A-z_0.9!~*'()"), "A-z_0.9!~*'()");
    }

    #[test]
    fn urls_per_key() {
        assert_eq!(
            lookup_url("https://cdp.in.treasuredata.com/", "u-1", "email", "gold&friends@example.com"),
            "https://cdp.in.treasuredata.com/cdp/lookup/collect/segments?version=2&token=u-1&key.email=gold%26friends%40example.com"
        );
        // td_global_id: nothing in the query, the cookie carries it.
        assert_eq!(
            lookup_url("http://h:1", "u", GLOBAL_ID, "ignored"),
            "http://h:1/cdp/lookup/collect/segments?version=2&token=u"
        );
    }

    #[test]
    fn regions_and_their_lookup_hosts() {
        assert_eq!(Region::of_api_base("https://api-cdp.treasuredata.co.jp/"), Some(Region::Tokyo));
        assert_eq!(Region::Tokyo.lookup_base(), Some("https://cdp-tokyo.in.treasuredata.com"));
        assert_eq!(Region::of_api_base("http://127.0.0.1:8787"), None);
        assert_eq!(Region::Custom.lookup_base(), None);
    }

    #[test]
    fn answers_arrays_objects_and_garbage() {
        let found = r#"[{"key":{"email":"a"},"values":["3001",3002],"attributes":{"tier":"gold","points":5},"audienceId":"1"}]"#;
        assert_eq!(
            decode_lookup(200, found),
            Ok(Lookup::Found {
                values: vec!["3001".into(), "3002".into()],
                attributes: vec![
                    ("points".into(), serde_json::json!(5)),
                    ("tier".into(), serde_json::json!("gold"))
                ]
            })
        );
        assert_eq!(decode_lookup(200, "[]"), Ok(Lookup::NoProfile));
        let refused = r#"{"status":404,"error":"Not Found","message":"token u not found"}"#;
        assert_eq!(
            decode_lookup(200, refused),
            Err(LookupError::Refused { status: Some(404), message: "token u not found".into() })
        );
        assert_eq!(decode_lookup(502, "<html>bad gateway</html>"), Err(LookupError::Status(502)));
        assert!(matches!(decode_lookup(200, "<html>"), Err(LookupError::Garbled(_))));
    }
}
