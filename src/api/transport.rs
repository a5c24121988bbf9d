//! One HTTP exchange over `fetch` (gloo-net), with a deadline. Knows headers and fetch options,
//! nothing about routes or JSON.

use super::error::ApiError;
use gloo_net::http::{Method, RequestBuilder};
use std::cell::{Cell, RefCell};
use std::rc::Rc;
use std::sync::Arc;
use wasm_bindgen::closure::Closure;
use wasm_bindgen::JsCast;
use web_sys::{AbortController, AbortSignal, ReferrerPolicy, RequestCache, RequestCredentials, Window};

/// The media type of the `/entities` routes, sent as `Accept` everywhere and as `Content-Type`
/// on writes (gloo's `.json()` would force `application/json`).
pub const MEDIA_TYPE: &str = "application/vnd.treasuredata.v1+json";

/// What to send.
pub struct Outgoing<'a> {
    pub method: Method,
    pub url: &'a str,
    /// The full `Authorization` value (`TD1 ...`), when the app holds the key.
    pub authorization: Option<&'a str>,
    pub body: Option<&'a str>,
    pub timeout_ms: u32,
    /// Aborts the request when its client is stopped.
    pub stop: &'a Stop,
    /// `MEDIA_TYPE` for the CDP API; lookups ask for plain JSON.
    pub accept: &'a str,
    /// Send the browser's cookies (only lookups by `td_global_id` need them; the CDP API never).
    pub with_cookies: bool,
}

/// One switch for every request of a client and its clones: [`Stop::stop`] aborts those in
/// flight and refuses new ones. (The controller is made with the first request: natively there
/// is none.)
#[derive(Clone)]
pub struct Stop(Arc<send_wrapper::SendWrapper<StopState>>);

impl Default for Stop {
    fn default() -> Self {
        Self(Arc::new(send_wrapper::SendWrapper::new(StopState::default())))
    }
}

#[derive(Default)]
struct StopState {
    stopped: Cell<bool>,
    controller: RefCell<Option<AbortController>>,
}

impl Stop {
    pub fn stop(&self) {
        self.0.stopped.set(true);
        if let Some(controller) = self.0.controller.borrow().as_ref() {
            controller.abort();
        }
    }

    pub fn stopped(&self) -> bool {
        self.0.stopped.get()
    }

    fn signal(&self) -> Option<AbortSignal> {
        let mut controller = self.0.controller.borrow_mut();
        if controller.is_none() {
            *controller = AbortController::new().ok();
        }
        controller.as_ref().map(AbortController::signal)
    }
}

/// What came back, whatever the status. The body is read as text so that HTML or truncated
/// answers are decoded (and refused) by pure code rather than failing inside fetch.
pub struct Incoming {
    pub status: u16,
    pub body: String,
    pub retry_after: Option<String>,
}

/// Sends one request and reads the whole answer. Fetch failures become `Network`, the deadline
/// `Timeout`; any status is returned as-is for the caller to judge.
pub async fn send(req: Outgoing<'_>) -> Result<Incoming, ApiError> {
    // The code below compiles natively (so clippy and tests see it) but `fetch` exists only in a
    // browser; calling it natively would panic inside wasm-bindgen.
    if !cfg!(target_arch = "wasm32") {
        return Err(ApiError::Network("not available natively".to_owned()));
    }
    if req.stop.stopped() {
        return Err(ApiError::Network("this view was closed".to_owned()));
    }
    let deadline = Deadline::start(req.timeout_ms, req.stop.signal())?;
    let credentials = if req.with_cookies { RequestCredentials::Include } else { RequestCredentials::Omit };
    let mut builder = RequestBuilder::new(req.url)
        .method(req.method)
        .header("Accept", req.accept)
        // The key travels in a header only: no cookies, no referrer to the API host, and no copy
        // of token data left in the HTTP cache.
        .credentials(credentials)
        .referrer_policy(ReferrerPolicy::NoReferrer)
        .cache(RequestCache::NoStore)
        .abort_signal(Some(&deadline.signal()));
    if let Some(authorization) = req.authorization {
        builder = builder.header("Authorization", authorization);
    }
    let request = match req.body {
        Some(body) => builder.header("Content-Type", MEDIA_TYPE).body(body),
        None => builder.build(),
    }
    .map_err(|e| ApiError::Network(format!("the request could not be made ({e}); check the API URL")))?;
    let response = request.send().await.map_err(|e| deadline.failure(&e))?;
    let status = response.status();
    let retry_after = response.headers().get("Retry-After");
    // The deadline covers the body too: a server that stalls mid-answer is cut off as well.
    let body = response.text().await.map_err(|e| deadline.failure(&e))?;
    Ok(Incoming { status, body, retry_after })
}

/// Resolves after `ms` milliseconds (a `setTimeout` promise): the pause between two attempts of
/// a read. Dropping the future clears the timer. Natively, and where there is no `window`, it
/// returns at once.
pub async fn sleep_ms(ms: u32) {
    if !cfg!(target_arch = "wasm32") || ms == 0 {
        return;
    }
    let Some(window) = web_sys::window() else { return };
    let ms = i32::try_from(ms).unwrap_or(i32::MAX);
    let mut handle = None;
    let promise = js_sys::Promise::new(&mut |resolve, _reject| {
        handle = window.set_timeout_with_callback_and_timeout_and_arguments_0(&resolve, ms).ok();
    });
    let Some(handle) = handle else { return };
    let _clear_on_drop = ClearTimeout { window, handle };
    // The promise only ever resolves.
    let _ = wasm_bindgen_futures::JsFuture::from(promise).await;
}

struct ClearTimeout {
    window: Window,
    handle: i32,
}

impl Drop for ClearTimeout {
    fn drop(&mut self) {
        // A no-op once the timer has fired.
        self.window.clear_timeout_with_handle(self.handle);
    }
}

/// A uniform random number in `[0, 1)` for the retry jitter (`Math.random()`; natively 0.5).
pub fn jitter_random() -> f64 {
    if cfg!(target_arch = "wasm32") {
        js_sys::Math::random()
    } else {
        0.5
    }
}

/// An `AbortController` plus a timer that aborts it. Dropping it clears the timer and aborts
/// the request, so a caller that stops waiting (a superseded read) also stops the download.
struct Deadline {
    controller: AbortController,
    fired: Rc<Cell<bool>>,
    timer: Option<Timer>,
    /// The client's stop signal and the listener that passes its abort on to this request.
    on_stop: Option<(AbortSignal, Closure<dyn FnMut()>)>,
}

/// A pending `setTimeout`; the closure must live until the timer fires or is cleared.
struct Timer {
    window: Window,
    handle: i32,
    _on_timeout: Closure<dyn FnMut()>,
}

impl Deadline {
    fn start(timeout_ms: u32, stop: Option<AbortSignal>) -> Result<Self, ApiError> {
        let controller = AbortController::new()
            .map_err(|_| ApiError::Network("this browser cannot cancel requests".into()))?;
        let fired = Rc::new(Cell::new(false));
        let timer = web_sys::window().and_then(|window| {
            let (c, f) = (controller.clone(), fired.clone());
            let on_timeout = Closure::<dyn FnMut()>::new(move || {
                f.set(true);
                // No reason argument: gloo expects fetch to reject with an `Error`
                // (an `AbortError` DOMException), and panics on anything else.
                c.abort();
            });
            let ms = i32::try_from(timeout_ms).unwrap_or(i32::MAX);
            let handle = window
                .set_timeout_with_callback_and_timeout_and_arguments_0(
                    on_timeout.as_ref().unchecked_ref(),
                    ms,
                )
                .ok()?;
            Some(Timer { window, handle, _on_timeout: on_timeout })
        });
        let on_stop = stop.map(|signal| {
            let c = controller.clone();
            let on_abort = Closure::<dyn FnMut()>::new(move || c.abort());
            _ = signal.add_event_listener_with_callback("abort", on_abort.as_ref().unchecked_ref());
            (signal, on_abort)
        });
        Ok(Self { controller, fired, timer, on_stop })
    }

    fn signal(&self) -> AbortSignal {
        self.controller.signal()
    }

    /// A fetch failure is a timeout when our timer caused it, else a network error.
    fn failure(&self, e: &gloo_net::Error) -> ApiError {
        if self.fired.get() {
            ApiError::Timeout
        } else {
            ApiError::Network(format!("could not reach the server ({e})"))
        }
    }
}

impl Drop for Deadline {
    fn drop(&mut self) {
        if let Some(timer) = &self.timer {
            timer.window.clear_timeout_with_handle(timer.handle);
        }
        if let Some((signal, on_abort)) = &self.on_stop {
            _ = signal.remove_event_listener_with_callback("abort", on_abort.as_ref().unchecked_ref());
        }
        // A no-op once the body has been read.
        self.controller.abort();
    }
}
