//! The connection: which API, with which credential. A typed key lives in memory; only the
//! user's explicit "Remember in this tab" copies it to sessionStorage (never localStorage: OWASP
//! ASVS V8). An embedded instance gets its credential from the host and stores nothing.

use crate::api::{ApiError, Client, Credential, HostCredential, ParentSegment, Region, Stop};
use crate::i18n::Message;
use crate::session::text::SessionText;
use crate::token::form::drafts::{DraftBook, Drafts};
use leptos::prelude::*;
use serde_json::Value;
use std::rc::Rc;

/// The sessionStorage entry written only when "Remember in this tab" is checked.
/// Also read by index.html's early-start script (which reads only `endpoint`).
const STORAGE_KEY: &str = "profiles-studio.session";

/// What the user entered on the connect screen.
#[derive(Clone, Debug, PartialEq)]
pub struct Credentials {
    pub region: String,
    pub base_url: String,
    pub api_key: String,
    /// The per-request deadline from `config.json` (`timeoutMs`); `None`: the client default.
    pub timeout_ms: Option<u32>,
}

impl Credentials {
    /// The API base URL these credentials point at: the region's host, or the custom URL.
    pub fn endpoint(&self) -> Option<String> {
        let region = Region::from_id(&self.region)?;
        match region.base_url() {
            Some(url) => Some(url.to_owned()),
            None => Some(self.base_url.trim().to_owned()).filter(|u| crate::config::is_api_base(u)),
        }
    }

    /// A client for these credentials; `None` if the region or URL is unusable.
    pub fn client(&self) -> Option<Client> {
        let key = self.api_key.trim();
        let url = self.endpoint().filter(|_| !key.is_empty())?;
        Some(with_timeout(Client::new(&url, Some(key.to_owned())), self.timeout_ms))
    }

    /// Reads what `to_json` wrote; anything else (tampered, old format) is ignored.
    pub fn from_json(text: &str) -> Option<Self> {
        // Read by hand rather than derived: four members do not need serde's generated reader.
        let stored: Value = serde_json::from_str(text).ok()?;
        let text = |key| stored.get(key)?.as_str().map(str::to_owned);
        let timeout_ms = match stored.get("timeoutMs") {
            None | Some(Value::Null) => None,
            Some(ms) => Some(u32::try_from(ms.as_u64()?).ok()?),
        };
        let credentials = Self {
            region: text("region")?,
            base_url: text("baseUrl")?,
            api_key: text("apiKey")?,
            timeout_ms,
        };
        credentials.client().is_some().then_some(credentials)
    }

    /// The credentials, and the endpoint they resolve to: index.html's script reads that to
    /// open the connection to the API while the wasm still downloads (it knows no regions).
    pub fn to_json(&self) -> String {
        let mut stored = serde_json::json!({
            "region": self.region,
            "baseUrl": self.base_url,
            "apiKey": self.api_key,
            "endpoint": self.endpoint(),
        });
        if let Some(ms) = self.timeout_ms {
            stored["timeoutMs"] = ms.into();
        }
        stored.to_string()
    }
}

/// The client with `config.json`'s deadline (`timeoutMs`), if it sets one.
pub fn with_timeout(client: Client, timeout_ms: Option<u32>) -> Client {
    match timeout_ms {
        Some(ms) => client.with_timeout_ms(ms),
        None => client,
    }
}

/// How an instance gets its credential.
#[derive(Clone)]
pub enum Access {
    /// The connect screen asks the user for a key, or connects through a proxy that
    /// `config.json` names (standalone).
    Connect,
    /// The embedding host hands the credential over: connected from the start, nothing stored,
    /// no connect screen. A credential refused even after asking the host again calls
    /// `on_refused`; the instance then waits for [`Session::use_host_credential`].
    Host {
        base_url: String,
        credential: HostCredential,
        on_refused: Rc<dyn Fn()>,
        lookup_base: Option<String>,
    },
}

/// An embedded session's API base URL and the host's "credential refused" callback.
type HostLink = (String, Rc<dyn Fn()>);

/// The session of one app instance, provided as context by `App`.
#[derive(Clone, Copy)]
pub struct Session {
    client: RwSignal<Option<Client>>,
    /// The host's link, when embedded.
    host: StoredValue<Option<HostLink>, LocalStorage>,
    /// Where the lookup tester sends lookups, when `config.json` or the host says; else the
    /// Profiles API host of the connected region.
    lookup_base: RwSignal<Option<String>>,
    /// Aborts the lookups in flight when the instance goes (they are sent without a client).
    lookups: StoredValue<Stop>,
    /// The instance's unsaved drafts: Disconnect forgets them, a connect accepts new ones.
    drafts: Drafts,
    /// Why the user is back on the connect screen (a rejected key), shown there once.
    notice: RwSignal<Option<Message>>,
    /// The parent segments read to verify the key, handed once to the list page so that
    /// connecting costs one request, not two.
    verified_parent_segments: RwSignal<Option<Vec<ParentSegment>>>,
}

impl Session {
    /// Standalone: starts disconnected, unless this tab remembered a connection. Embedded:
    /// connected with the host's credential, and storage is never read.
    pub fn start(drafts: Drafts, access: Access) -> Self {
        let (client, host, lookup_base) = match access {
            Access::Connect => (read_storage().and_then(|c| c.client()), None, None),
            Access::Host { base_url, credential, on_refused, lookup_base } => (
                Some(Client::with_credential(&base_url, Credential::Host(credential))),
                Some((base_url, on_refused)),
                lookup_base,
            ),
        };
        Self {
            client: RwSignal::new(client),
            host: StoredValue::new_local(host),
            lookup_base: RwSignal::new(lookup_base),
            lookups: StoredValue::new(Stop::default()),
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

    pub fn notice(&self) -> Option<Message> {
        self.notice.get()
    }

    /// The Profiles API host for lookups (tracked): the configured one, else the connected
    /// region's; `None` for a custom API without `lookupBase`.
    pub fn lookup_base(&self) -> Option<String> {
        self.lookup_base.get().or_else(|| {
            let base = self.client.with(|c| c.as_ref().map(|c| c.base_url().to_owned()))?;
            Region::of_api_base(&base)?.lookup_base().map(str::to_owned)
        })
    }

    /// `config.json`'s `lookupBase` (standalone; embedded, the host's option is kept).
    pub fn set_lookup_base(&self, base: Option<String>) {
        if !self.is_hosted() {
            self.lookup_base.try_set(base);
        }
    }

    /// Whether the embedding host owns the credential (no connect screen, no Disconnect).
    pub fn is_hosted(&self) -> bool {
        self.host.try_with_value(Option::is_some).unwrap_or(false)
    }

    /// Embedded: the host's new credential (`update({ authorization })`); connects again if it
    /// was refused, keeping the route and every draft.
    pub fn use_host_credential(&self, credential: HostCredential) {
        let Some(base_url) = self.host.try_with_value(|h| h.as_ref().map(|(base, _)| base.clone())).flatten()
        else {
            return;
        };
        self.drafts.with(DraftBook::accept);
        self.notice.try_set(None);
        self.client.try_set(Some(Client::with_credential(&base_url, Credential::Host(credential))));
    }

    /// Aborts every request in flight, lookups included: the instance is going away.
    pub fn stop(&self) {
        if let Some(client) = self.client.try_get_untracked().flatten() {
            client.stop();
        }
        self.lookups.try_with_value(Stop::stop);
    }

    /// What a lookup sends with, so that [`Session::stop`] aborts it.
    pub fn lookup_stop(&self) -> Stop {
        self.lookups.get_value()
    }

    /// Keeps a verified client and the parent segments that verified it; stores the typed
    /// credentials only when the user asked to (`remember`), and removes any stored otherwise.
    pub fn connect(
        &self,
        client: Client,
        remember: Option<&Credentials>,
        parent_segments: Vec<ParentSegment>,
    ) {
        if !self.is_hosted() {
            write_storage(remember.map(Credentials::to_json).as_deref());
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
        if !self.is_hosted() {
            write_storage(None);
        }
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
        if !matches!(result, Err(ApiError::Unauthorized)) {
            return;
        }
        let was_connected = self.client.try_with_untracked(Option::is_some).unwrap_or(false);
        let on_refused = self.host.try_with_value(|h| h.as_ref().map(|(_, f)| f.clone())).flatten();
        let notice = match on_refused {
            Some(_) => SessionText::HostCredentialRefused,
            None => {
                write_storage(None);
                SessionText::KeyRefused
            }
        };
        self.notice.try_set(Some(notice.into()));
        self.verified_parent_segments.try_set(None);
        self.client.try_set(None);
        // Once per refusal, however many requests were refused with it.
        if let (true, Some(on_refused)) = (was_connected, on_refused) {
            on_refused();
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

/// Writes or removes the stored credentials (only ever called standalone: an embedded session
/// never reaches storage). Failures (storage disabled) are ignored: the session then simply
/// isn't remembered, which is the safe direction.
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
        // The resolved endpoint goes along, for index.html's early-start script.
        let stored: serde_json::Value = serde_json::from_str(&creds("tokyo", "", "1/abc").to_json()).unwrap();
        assert_eq!(stored["endpoint"], "https://api-cdp.treasuredata.co.jp");
        assert_eq!(Credentials::from_json("{}"), None);
        assert_eq!(Credentials::from_json("<html>"), None);
        assert_eq!(Credentials::from_json(r#"{"region":"us","baseUrl":"","apiKey":""}"#), None);
    }
}
