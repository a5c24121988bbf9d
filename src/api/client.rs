//! The HTTP client: knows the base URL, the key, the media types; one typed fn per endpoint.

use super::body::token_write_body;
use super::credential::{header_for, Credential};
use super::decode;
use super::error::ApiError;
use super::errors_decode::error_from_response;
use super::inflight::{InFlight, Join};
use super::models::*;
use super::retry::RetryPolicy;
use super::transport::{self, Outgoing, Stop};
use gloo_net::http::Method;
use std::sync::Arc;

/// The deadline of every request unless [`Client::with_timeout_ms`] says otherwise.
pub const DEFAULT_TIMEOUT_MS: u32 = 20_000;

/// Talks to one CDP API base URL with one credential. Cheap to clone; `Debug` never shows the
/// credential.
///
/// Every request has a deadline ([`Client::with_timeout_ms`]). Reads are retried per the
/// [`RetryPolicy`] (writes never are), and identical reads that overlap in time share one
/// request: a GET of a path already in flight on this client (or a clone of it) waits for that
/// request and gets a copy of its answer.
#[derive(Clone)]
pub struct Client {
    base_url: Arc<str>,
    credential: Credential,
    timeout_ms: u32,
    /// Aborts every request of this client and its clones at once ([`Client::stop`]).
    stop: Stop,
    retry: RetryPolicy,
    /// GETs in flight by path, with their retries; the key and base URL are the client's own.
    reads: Arc<InFlight<Result<String, ApiError>>>,
}

impl std::fmt::Debug for Client {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("Client")
            .field("base_url", &self.base_url)
            .field("credential", &"<redacted>")
            .field("timeout_ms", &self.timeout_ms)
            .field("retry", &self.retry)
            .finish_non_exhaustive()
    }
}

impl Client {
    /// `base_url` without a trailing slash is fine either way. `api_key: None` sends no
    /// `Authorization` header (a same-origin proxy holds the credential).
    pub fn new(base_url: &str, api_key: Option<String>) -> Self {
        let credential = api_key.map_or(Credential::None, |key| Credential::ApiKey(key.into()));
        Self::with_credential(base_url, credential)
    }

    /// A client that sends `credential` (a relative `base_url` such as `/cdp-api` is resolved
    /// against the page, as fetch does).
    pub fn with_credential(base_url: &str, credential: Credential) -> Self {
        Self {
            base_url: base_url.trim_end_matches('/').into(),
            credential,
            timeout_ms: DEFAULT_TIMEOUT_MS,
            stop: Stop::default(),
            retry: RetryPolicy::default(),
            reads: Arc::default(),
        }
    }

    /// Aborts every request in flight on this client and its clones, and refuses new ones
    /// (`Network`): for an instance that is being unmounted.
    pub fn stop(&self) {
        self.stop.stop();
    }

    /// The same client with another retry policy for reads ([`RetryPolicy::none`]: one request
    /// per call). Clones keep sharing their in-flight reads.
    pub fn with_retry_policy(mut self, retry: RetryPolicy) -> Self {
        self.retry = retry;
        self
    }

    /// How reads are retried.
    pub fn retry_policy(&self) -> RetryPolicy {
        self.retry
    }

    /// How many distinct reads (paths) are in flight on this client and its clones.
    pub fn reads_in_flight(&self) -> usize {
        self.reads.running()
    }

    /// The same client with another per-request deadline (at least 1 ms; default 20 s).
    pub fn with_timeout_ms(mut self, timeout_ms: u32) -> Self {
        self.timeout_ms = timeout_ms.max(1);
        self
    }

    /// Whether requests carry an `Authorization` of ours (not when a proxy adds it).
    pub fn sends_credential(&self) -> bool {
        !matches!(self.credential, Credential::None)
    }

    pub fn base_url(&self) -> &str {
        &self.base_url
    }

    /// The per-request deadline in milliseconds.
    pub fn timeout_ms(&self) -> u32 {
        self.timeout_ms
    }

    /// `GET /entities/parent_segments`.
    pub async fn parent_segments(&self) -> Result<Vec<ParentSegment>, ApiError> {
        decode::decode_parent_segments(&self.get("/entities/parent_segments").await?)
    }

    /// `GET /entities/parent_segments/{id}`.
    pub async fn parent_segment(&self, id: &ParentSegmentId) -> Result<ParentSegment, ApiError> {
        decode::decode_parent_segment(&self.get(&format!("/entities/parent_segments/{id}")).await?)
    }

    /// `GET /entities/folders/{id}`.
    pub async fn folder(&self, id: &FolderId) -> Result<Folder, ApiError> {
        decode::decode_folder(&self.get(&format!("/entities/folders/{id}")).await?)
    }

    /// `GET /entities/by-folder/{id}?depth=1`: the folder and its direct children.
    pub async fn folder_children(&self, id: &FolderId) -> Result<FolderListing, ApiError> {
        decode::decode_folder_listing(id, &self.get(&format!("/entities/by-folder/{id}?depth=1")).await?)
    }

    /// `GET /entities/by-folder/{root}?depth=32&with_rule=false`: every token under `root` the
    /// user may see (folders without view are listed but not entered), for advisory checks such
    /// as "this name is already used in the parent segment". The API documents no maximum depth;
    /// 32 is what other tools use. Segment rules are left out to keep the answer small.
    pub async fn tokens_under(&self, root: &FolderId) -> Result<Vec<Entity>, ApiError> {
        decode::decode_tokens_in_tree(
            &self.get(&format!("/entities/by-folder/{root}?depth=32&with_rule=false")).await?,
        )
    }

    /// `GET /entities/tokens/{id}`, with its segment summaries and users joined in.
    pub async fn token(&self, id: &TokenId) -> Result<Token, ApiError> {
        decode::decode_token(&self.get(&format!("/entities/tokens/{id}")).await?)
    }

    /// `GET /audiences/{id}/attributes` (legacy): the columns for the Lookup Key and Attributes
    /// pickers.
    pub async fn attributes(&self, ps: &ParentSegmentId) -> Result<Vec<AttributeColumn>, ApiError> {
        decode::decode_attributes(&self.get(&format!("/audiences/{ps}/attributes")).await?)
    }

    /// `GET /audiences/{id}/segments` (legacy): the segments a token may reference.
    pub async fn segments(&self, ps: &ParentSegmentId) -> Result<Vec<SegmentSummary>, ApiError> {
        decode::decode_segments(&self.get(&format!("/audiences/{ps}/segments")).await?)
    }

    /// `POST /entities/tokens`. Never retried here: after a `Timeout` or `Network` error the
    /// token may exist anyway, so re-read the folder before offering to try again.
    pub async fn create_token(&self, w: &TokenWrite) -> Result<Token, ApiError> {
        let body = token_write_body(w, None).to_string();
        decode::decode_token(&self.call(Method::POST, "/entities/tokens", Some(body)).await?)
    }

    /// `PATCH /entities/tokens/{id}` with the full representation; also how a token is moved.
    pub async fn update_token(&self, id: &TokenId, w: &TokenWrite) -> Result<Token, ApiError> {
        let body = token_write_body(w, Some(id)).to_string();
        decode::decode_token(&self.call(Method::PATCH, &format!("/entities/tokens/{id}"), Some(body)).await?)
    }

    /// `DELETE /entities/tokens/{id}`: any 2xx counts (200 with the deleted document, or 204).
    pub async fn delete_token(&self, id: &TokenId) -> Result<(), ApiError> {
        self.call(Method::DELETE, &format!("/entities/tokens/{id}"), None).await.map(drop)
    }

    /// A read, shared with any identical read in flight (retries included): the first caller
    /// sends it, later ones wait for its answer. If the first caller is dropped (and its
    /// request aborted), a waiting caller sends the read itself.
    async fn get(&self, path: &str) -> Result<String, ApiError> {
        loop {
            match self.reads.join(path) {
                Join::Leader(lead) => {
                    let result = self.call(Method::GET, path, None).await;
                    lead.finish(&result);
                    return result;
                }
                Join::Follower(follow) => {
                    if let Some(result) = follow.await {
                        return result;
                    }
                }
            }
        }
    }

    /// Sends a request, and again while the retry policy allows (reads only, on transient
    /// failures, after a jittered backoff or the server's `Retry-After`). Returns the body of
    /// a 2xx answer or the last error.
    async fn call(&self, method: Method, path: &str, body: Option<String>) -> Result<String, ApiError> {
        let (mut attempt, mut waited_ms) = (0, 0u32);
        loop {
            let result = self.send_authorized(method.clone(), path, body.as_deref()).await;
            let Err(error) = &result else { return result };
            if self.stop.stopped() {
                return result;
            }
            let random = transport::jitter_random();
            match self.retry.next_delay(&method, attempt, waited_ms, error, random) {
                Some(delay_ms) => {
                    transport::sleep_ms(delay_ms).await;
                    attempt += 1;
                    waited_ms = waited_ms.saturating_add(delay_ms);
                }
                None => return result,
            }
        }
    }

    /// Sends one request with the credential; a host's credential refused with a 401 is asked
    /// for once more and the request sent again (a refused request did nothing, so even a write
    /// is safe to repeat). The credential is scrubbed from every message.
    async fn send_authorized(
        &self,
        method: Method,
        path: &str,
        body: Option<&str>,
    ) -> Result<String, ApiError> {
        let result = async {
            let (authorization, answer) = header_for(&self.credential).await?;
            let first = self.send_once(method.clone(), path, body, authorization.as_deref()).await;
            match (&self.credential, &first) {
                (Credential::Host(host), Err(ApiError::Unauthorized)) => {
                    let (authorization, _) = host.ask_again(answer).await?;
                    self.send_once(method, path, body, authorization.as_deref()).await
                }
                _ => first,
            }
        }
        .await;
        match self.credential.secret() {
            Some(secret) => result.map_err(|e| e.redact(&secret)),
            None => result,
        }
    }

    /// Sends one request and returns the body of a 2xx answer; anything else becomes the
    /// matching `ApiError`.
    async fn send_once(
        &self,
        method: Method,
        path: &str,
        body: Option<&str>,
        authorization: Option<&str>,
    ) -> Result<String, ApiError> {
        let url = format!("{}{path}", self.base_url);
        let outgoing = Outgoing {
            method,
            url: &url,
            authorization,
            body,
            timeout_ms: self.timeout_ms,
            stop: &self.stop,
            accept: transport::MEDIA_TYPE,
            with_cookies: false,
        };
        let answer = transport::send(outgoing).await?;
        if (200..300).contains(&answer.status) {
            Ok(answer.body)
        } else {
            Err(error_from_response(answer.status, &answer.body, answer.retry_after.as_deref()))
        }
    }
}
