//! The connection: which API, with which key. The key lives in memory; only the user's explicit
//! "Remember in this tab" copies it to sessionStorage (never localStorage: OWASP ASVS V8).

use crate::api::{ApiError, Client, ParentSegment, Region};
use crate::token::form::drafts::{DraftBook, Drafts};
use leptos::prelude::*;
use serde::{Deserialize, Serialize};

/// The sessionStorage entry written only when "Remember in this tab" is checked.
const STORAGE_KEY: &str = "profiles-studio.session";

/// What the user entered on the connect screen.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct Credentials {
    pub region: String,
    pub base_url: String,
    pub api_key: String,
    /// The per-request deadline from `config.json` (`timeoutMs`); `None`: the client default.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub timeout_ms: Option<u32>,
}

impl Credentials {
    /// The API base URL these credentials point at: the region's host, or the custom URL.
    pub fn endpoint(&self) -> Option<String> {
        let region = Region::from_id(&self.region)?;
        match region.base_url() {
            Some(url) => Some(url.to_owned()),
            None => Some(self.base_url.trim().to_owned()).filter(|u| crate::config::is_http_url(u)),
        }
    }

    /// A client for these credentials; `None` if the region or URL is unusable.
    pub fn client(&self) -> Option<Client> {
        let key = self.api_key.trim();
        let url = self.endpoint().filter(|_| !key.is_empty())?;
        let client = Client::new(&url, Some(key.to_owned()));
        Some(match self.timeout_ms {
            Some(ms) => client.with_timeout_ms(ms),
            None => client,
        })
    }

    /// Reads what `to_json` wrote; anything else (tampered, old format) is ignored.
    pub fn from_json(text: &str) -> Option<Self> {
        serde_json::from_str::<Self>(text).ok().filter(|c| c.client().is_some())
    }

    pub fn to_json(&self) -> String {
        serde_json::to_string(self).unwrap_or_default()
    }
}

/// The session of one app instance, provided as context by `App`.
#[derive(Clone, Copy)]
pub struct Session {
    client: RwSignal<Option<Client>>,
    /// The instance's unsaved drafts: Disconnect forgets them, a connect accepts new ones.
    drafts: Drafts,
    /// Why the user is back on the connect screen (a rejected key), shown there once.
    notice: RwSignal<Option<String>>,
    /// The parent segments read to verify the key, handed once to the list page so that
    /// connecting costs one request, not two.
    verified_parent_segments: RwSignal<Option<Vec<ParentSegment>>>,
}

impl Session {
    /// Starts disconnected, unless this tab remembered a connection.
    pub fn restore(drafts: Drafts) -> Self {
        let client = read_storage().and_then(|c| c.client());
        Self {
            client: RwSignal::new(client),
            drafts,
            notice: RwSignal::new(None),
            verified_parent_segments: RwSignal::new(None),
        }
    }

    /// The connected client (tracked).
    pub fn client(&self) -> Option<Client> {
        self.client.get()
    }

    /// The connected client, without subscribing the caller.
    pub fn client_untracked(&self) -> Option<Client> {
        self.client.get_untracked()
    }

    pub fn is_connected(&self) -> bool {
        self.client.with(Option::is_some)
    }

    /// Whether a client is set, without subscribing; for cleanups (a disposed session counts
    /// as connected: nothing ended it).
    pub fn is_connected_untracked(&self) -> bool {
        self.client.try_with_untracked(Option::is_some).unwrap_or(true)
    }

    pub fn notice(&self) -> Option<String> {
        self.notice.get()
    }

    /// Keeps a verified client and the parent segments that verified it; stores the
    /// credentials only when the user asked to.
    pub fn connect(
        &self,
        client: Client,
        credentials: &Credentials,
        remember: bool,
        parent_segments: Vec<ParentSegment>,
    ) {
        if remember {
            write_storage(Some(&credentials.to_json()));
        } else {
            write_storage(None);
        }
        self.drafts.with(DraftBook::accept);
        self.notice.set(None);
        self.verified_parent_segments.set(Some(parent_segments));
        self.client.set(Some(client));
    }

    /// The parent segments read when connecting, for the first list page shown after it;
    /// later visits read them afresh.
    pub fn take_verified_parent_segments(&self) -> Option<Vec<ParentSegment>> {
        self.verified_parent_segments.try_update_untracked(Option::take).flatten()
    }

    /// Forgets the client, anything stored, and every unsaved draft of this session (the next
    /// person at this tab must not find them).
    pub fn disconnect(&self) {
        write_storage(None);
        self.drafts.forget_all();
        self.notice.set(None);
        self.verified_parent_segments.set(None);
        self.client.set(None);
    }

    /// The client to send a request with; without one, `Unauthorized` and nothing is sent.
    /// Every answer then goes through [`Session::answered`]: the one way pages talk to the API.
    /// (Two plain calls rather than one taking a closure: a closure's future nested in another
    /// made every call site's state machine bigger in the shipped wasm.)
    pub fn connected(&self) -> Result<Client, ApiError> {
        self.client_untracked().ok_or(ApiError::Unauthorized)
    }

    /// An answer of the API, after ending the session if it is a 401.
    pub fn answered<T>(&self, result: Result<T, ApiError>) -> Result<T, ApiError> {
        self.check(&result);
        result
    }

    /// Call with every API result: a 401 ends the session (and clears the stored key) but
    /// leaves the URL alone, so the user returns to the same page after connecting again.
    pub fn check<T>(&self, result: &Result<T, ApiError>) {
        if matches!(result, Err(ApiError::Unauthorized)) {
            write_storage(None);
            self.notice.try_set(Some(
                "The API key was not accepted any more (401). Connect again to continue where you were."
                    .into(),
            ));
            self.verified_parent_segments.try_set(None);
            self.client.try_set(None);
        }
    }
}

/// The session of the calling component's instance (`App` provides it).
pub fn use_session() -> Session {
    crate::context::required::<Session>("Session")
}

fn storage() -> Option<web_sys::Storage> {
    web_sys::window()?.session_storage().ok().flatten()
}

fn read_storage() -> Option<Credentials> {
    Credentials::from_json(&storage()?.get_item(STORAGE_KEY).ok().flatten()?)
}

/// Writes or removes the stored credentials. Failures (storage disabled) are ignored: the
/// session then simply isn't remembered, which is the safe direction.
fn write_storage(value: Option<&str>) {
    if let Some(s) = storage() {
        _ = match value {
            Some(v) => s.set_item(STORAGE_KEY, v),
            None => s.remove_item(STORAGE_KEY),
        };
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn creds(region: &str, base: &str, key: &str) -> Credentials {
        Credentials { region: region.into(), base_url: base.into(), api_key: key.into(), timeout_ms: None }
    }

    #[test]
    fn client_takes_the_configured_timeout() {
        let default = creds("us", "", "1/abc").client().map(|c| c.timeout_ms());
        assert_eq!(default, Some(crate::api::DEFAULT_TIMEOUT_MS));
        let tuned = Credentials { timeout_ms: Some(2_000), ..creds("us", "", "1/abc") };
        assert_eq!(tuned.client().map(|c| c.timeout_ms()), Some(2_000));
        // Kept across a reload in a remembered tab.
        assert_eq!(Credentials::from_json(&tuned.to_json()).and_then(|c| c.timeout_ms), Some(2_000));
    }

    #[test]
    fn endpoint_per_region() {
        assert_eq!(creds("us", "", "k").endpoint().as_deref(), Some("https://api-cdp.treasuredata.com"));
        assert_eq!(
            creds("custom", " http://127.0.0.1:8787 ", "k").endpoint().as_deref(),
            Some("http://127.0.0.1:8787")
        );
        assert_eq!(creds("custom", "not a url", "k").endpoint(), None);
        assert_eq!(creds("mars", "", "k").endpoint(), None);
    }

    #[test]
    fn client_needs_a_key() {
        assert!(creds("us", "", "  ").client().is_none());
        assert!(creds("us", "", "1/abc").client().is_some());
    }

    #[test]
    fn json_round_trip_and_garbage() {
        let c = creds("custom", "http://h:1", "1/abc");
        assert_eq!(Credentials::from_json(&c.to_json()), Some(c));
        assert_eq!(Credentials::from_json("{}"), None);
        assert_eq!(Credentials::from_json("<html>"), None);
        assert_eq!(Credentials::from_json(r#"{"region":"us","baseUrl":"","apiKey":""}"#), None);
    }
}
