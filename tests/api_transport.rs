//! Browser tests of the request layer (headless Chromium via wasm-bindgen-test): retries of
//! reads, no retry of writes, deadlines and shared in-flight reads. No server: each test puts a
//! scripted stub in place of `window.fetch` that answers from a plan and logs every request.
#![cfg(target_arch = "wasm32")]

use profiles_studio::api::{
    ApiError, Client, FolderId, ParentSegmentId, RetryPolicy, SegmentId, SegmentKind, TokenId, TokenWrite,
};
use serde_json::{json, Value};
use std::future::Future;
use std::task::Poll;
use wasm_bindgen::{JsCast, JsValue};
use wasm_bindgen_futures::JsFuture;
use wasm_bindgen_test::*;

wasm_bindgen_test_configure!(run_in_browser);

/// Replaces `window.fetch`. `plan` is a list of steps, used in order, the last one repeated:
/// `{status, body, headers, delay}` answers, `{kind: "network"}` fails like a dropped
/// connection, `{kind: "hang"}` never answers (until aborted). Every request is logged in
/// `window.__stubLog` with its method, URL, time and whether it was aborted.
const INSTALL: &str = r#"
    window.__realFetch = window.__realFetch || window.fetch;
    const steps = JSON.parse(plan);
    const log = [];
    window.__stubLog = log;
    window.fetch = function (input, init) {
        const req = input instanceof Request ? input : new Request(input, init);
        const step = steps.length > 1 ? steps.shift() : steps[0];
        const entry = { method: req.method, url: req.url, t: performance.now(), aborted: false };
        log.push(entry);
        return new Promise((resolve, reject) => {
            let settled = false;
            // Aborting after the answer (the client does so when done) does not count.
            const abort = () => {
                if (settled) return;
                settled = entry.aborted = true;
                reject(new DOMException("The operation was aborted.", "AbortError"));
            };
            if (req.signal.aborted) return abort();
            req.signal.addEventListener("abort", abort);
            if (step.kind === "hang") return;
            setTimeout(() => {
                if (settled) return;
                settled = true;
                if (step.kind === "network") {
                    reject(new TypeError("Failed to fetch"));
                } else {
                    resolve(new Response(step.body === undefined ? "" : step.body, {
                        status: step.status, headers: step.headers || {},
                    }));
                }
            }, step.delay || 0);
        });
    };
"#;

fn stub(plan: Value) {
    let install = js_sys::Function::new_with_args("plan", INSTALL);
    install.call1(&JsValue::NULL, &JsValue::from_str(&plan.to_string())).expect("stub installed");
}

/// The stub's log: (method, path and query, start time in ms, aborted).
fn requests() -> Vec<(String, String, f64, bool)> {
    let window = web_sys::window().expect("window");
    let log: js_sys::Array =
        js_sys::Reflect::get(&window, &"__stubLog".into()).expect("log").unchecked_into();
    log.iter()
        .map(|e| {
            let get = |k: &str| js_sys::Reflect::get(&e, &k.into()).expect("field");
            let url = get("url").as_string().unwrap_or_default();
            let path = url.split_once("//").map_or(url.as_str(), |(_, rest)| rest);
            let path = path.find('/').map_or("", |i| &path[i..]).to_owned();
            (
                get("method").as_string().unwrap_or_default(),
                path,
                get("t").as_f64().unwrap_or(0.0),
                get("aborted").is_truthy(),
            )
        })
        .collect()
}

fn request_count() -> usize {
    requests().len()
}

fn now() -> f64 {
    js_sys::Date::now()
}

async fn sleep(ms: i32) {
    let promise = js_sys::Promise::new(&mut |resolve, _| {
        web_sys::window()
            .expect("window")
            .set_timeout_with_callback_and_timeout_and_arguments_0(&resolve, ms)
            .expect("timer");
    });
    JsFuture::from(promise).await.expect("slept");
}

/// Fast retries, so that the tests run quickly: at most 3 retries, waits below 20/40/40 ms.
fn fast() -> RetryPolicy {
    RetryPolicy { max_retries: 3, base_ms: 20, cap_ms: 40, budget_ms: 5_000 }
}

fn client(retry: RetryPolicy) -> Client {
    Client::new("https://api.example.test", Some("1/secret".into())).with_retry_policy(retry)
}

fn ok_empty_list() -> Value {
    json!({"status": 200, "body": "[]"})
}

fn status(code: u16) -> Value {
    json!({"status": code, "body": "{\"errors\":[{\"title\":\"nope\"}]}"})
}

/// Runs two futures to completion together.
async fn join2<A: Future, B: Future>(a: A, b: B) -> (A::Output, B::Output) {
    let (mut a, mut b) = (Box::pin(a), Box::pin(b));
    let (mut ra, mut rb) = (None, None);
    std::future::poll_fn(move |cx| {
        if ra.is_none() {
            if let Poll::Ready(v) = a.as_mut().poll(cx) {
                ra = Some(v);
            }
        }
        if rb.is_none() {
            if let Poll::Ready(v) = b.as_mut().poll(cx) {
                rb = Some(v);
            }
        }
        match (ra.take(), rb.take()) {
            (Some(x), Some(y)) => Poll::Ready((x, y)),
            (x, y) => {
                (ra, rb) = (x, y);
                Poll::Pending
            }
        }
    })
    .await
}

fn write() -> TokenWrite {
    TokenWrite {
        name: "t".into(),
        description: String::new(),
        key_column: "td_client_id".into(),
        attribute_columns: vec!["age".into()],
        parent_folder_id: FolderId::parse("772").expect("id"),
        segments: vec![(SegmentId::parse("55").expect("id"), SegmentKind::Batch)],
    }
}

#[wasm_bindgen_test]
async fn a_network_error_on_a_read_is_tried_max_retries_plus_one_times() {
    stub(json!([{"kind": "network"}]));
    let start = now();
    let result = client(fast()).parent_segments().await;
    assert!(matches!(result, Err(ApiError::Network(_))), "{result:?}");
    let log = requests();
    assert_eq!(log.len(), 4, "{log:?}");
    assert!(log.iter().all(|(m, p, _, _)| m == "GET" && p == "/entities/parent_segments"));
    assert!(now() - start < 2_000.0, "bounded: {} ms", now() - start);
}

#[wasm_bindgen_test]
async fn a_read_recovers_from_transient_failures() {
    stub(json!([{"kind": "network"}, status(500), status(502), ok_empty_list()]));
    let result = client(fast()).parent_segments().await;
    assert_eq!(result, Ok(vec![]));
    assert_eq!(request_count(), 4);
}

#[wasm_bindgen_test]
async fn a_503_with_retry_after_is_waited_for_then_retried() {
    stub(json!([{"status": 503, "body": "busy", "headers": {"Retry-After": "1"}}, ok_empty_list()]));
    let start = now();
    let result = client(RetryPolicy::default()).parent_segments().await;
    assert_eq!(result, Ok(vec![]));
    let log = requests();
    assert_eq!(log.len(), 2);
    let gap = log[1].2 - log[0].2;
    assert!(gap >= 990.0, "Retry-After: 1 honoured, waited {gap} ms");
    assert!(now() - start < 3_000.0);
}

#[wasm_bindgen_test]
async fn a_429_is_retried_but_a_retry_after_beyond_the_budget_is_shown_at_once() {
    stub(json!([{"status": 429, "headers": {"Retry-After": "0"}}, ok_empty_list()]));
    assert_eq!(client(RetryPolicy::default()).parent_segments().await, Ok(vec![]));
    assert_eq!(request_count(), 2);

    stub(json!([{"status": 429, "headers": {"Retry-After": "60"}}, ok_empty_list()]));
    let start = now();
    let result = client(RetryPolicy::default()).parent_segments().await;
    assert_eq!(result, Err(ApiError::RateLimited { retry_after_secs: Some(60) }));
    assert_eq!(request_count(), 1);
    assert!(now() - start < 1_000.0);
}

#[wasm_bindgen_test]
async fn final_errors_of_a_read_are_not_retried() {
    for code in [400, 401, 403, 404, 409, 422, 501] {
        stub(json!([status(code), ok_empty_list()]));
        let result = client(fast()).parent_segments().await;
        assert!(result.is_err(), "{code}: {result:?}");
        assert_eq!(request_count(), 1, "{code}");
    }
    // An answer that does not decode is final too.
    stub(json!([{"status": 200, "body": "<html>proxy</html>"}, ok_empty_list()]));
    assert!(matches!(client(fast()).parent_segments().await, Err(ApiError::Decode(_))));
    assert_eq!(request_count(), 1);
}

#[wasm_bindgen_test]
async fn writes_are_never_retried() {
    let id = TokenId::parse("90").expect("id");
    let failures = [
        status(500),
        json!({"status": 503, "headers": {"Retry-After": "0"}}),
        json!({"status": 429, "headers": {"Retry-After": "0"}}),
        json!({"kind": "network"}),
    ];
    for step in failures {
        let c = client(fast());
        stub(json!([step.clone(), {"status": 200, "body": "{}"}]));
        assert!(c.create_token(&write()).await.is_err(), "POST {step}");
        assert_eq!(request_count(), 1, "POST {step}");
        stub(json!([step.clone(), {"status": 200, "body": "{}"}]));
        assert!(c.update_token(&id, &write()).await.is_err(), "PATCH {step}");
        assert_eq!(request_count(), 1, "PATCH {step}");
        stub(json!([step.clone(), {"status": 204}]));
        assert!(c.delete_token(&id).await.is_err(), "DELETE {step}");
        let methods: Vec<String> = requests().into_iter().map(|r| r.0).collect();
        assert_eq!(methods, ["DELETE"], "{step}");
    }
}

#[wasm_bindgen_test]
async fn a_stalled_request_times_out_and_is_aborted() {
    stub(json!([{"kind": "hang"}]));
    let start = now();
    let result = client(RetryPolicy::none()).with_timeout_ms(100).parent_segments().await;
    assert_eq!(result, Err(ApiError::Timeout));
    let elapsed = now() - start;
    assert!((90.0..2_000.0).contains(&elapsed), "{elapsed} ms");
    let log = requests();
    assert_eq!(log.len(), 1);
    assert!(log[0].3, "the fetch was aborted");
}

#[wasm_bindgen_test]
async fn a_timed_out_read_is_retried_a_timed_out_write_is_not() {
    stub(json!([{"kind": "hang"}]));
    let c = client(RetryPolicy { max_retries: 2, ..fast() }).with_timeout_ms(100);
    assert_eq!(c.parent_segments().await, Err(ApiError::Timeout));
    assert_eq!(request_count(), 3);

    stub(json!([{"kind": "hang"}]));
    assert_eq!(c.create_token(&write()).await, Err(ApiError::Timeout));
    assert_eq!(request_count(), 1, "a POST that timed out may have worked: never resent");
}

#[wasm_bindgen_test]
async fn concurrent_identical_reads_share_one_request() {
    stub(json!([{"status": 200, "body": "[]", "delay": 100}]));
    let c = client(fast());
    let other = c.clone();
    let (a, b) = join2(c.parent_segments(), other.parent_segments()).await;
    assert_eq!((a, b), (Ok(vec![]), Ok(vec![])));
    assert_eq!(request_count(), 1);
    assert_eq!(c.reads_in_flight(), 0);

    // Once finished, the same read is sent again (freshness is the store's business).
    assert_eq!(c.parent_segments().await, Ok(vec![]));
    assert_eq!(request_count(), 2);
}

#[wasm_bindgen_test]
async fn different_reads_and_different_clients_do_not_share() {
    stub(json!([{"status": 200, "body": "[]", "delay": 50}]));
    let c = client(fast());
    let ps = ParentSegmentId::parse("1").expect("id");
    let (_, _) = join2(c.parent_segments(), c.segments(&ps)).await;
    assert_eq!(request_count(), 2);

    stub(json!([{"status": 200, "body": "[]", "delay": 50}]));
    let (a, b) = join2(client(fast()).parent_segments(), client(fast()).parent_segments()).await;
    assert_eq!((a, b), (Ok(vec![]), Ok(vec![])));
    assert_eq!(request_count(), 2, "another key may see other data");
}

#[wasm_bindgen_test]
async fn a_shared_read_shares_its_retries_and_its_error() {
    stub(json!([{"status": 503, "delay": 20}]));
    let c = client(fast());
    let (a, b) = join2(c.parent_segments(), c.parent_segments()).await;
    assert!(matches!(a, Err(ApiError::Server { status: 503, .. })), "{a:?}");
    assert_eq!(a, b);
    assert_eq!(request_count(), 4, "one read with 3 retries, not two");
}

#[wasm_bindgen_test]
async fn when_the_first_reader_gives_up_the_second_sends_the_read_itself() {
    stub(json!([{"status": 200, "body": "[]", "delay": 100}]));
    let c = client(fast());
    let mut first = Box::pin(c.parent_segments());
    let mut second = Box::pin(c.parent_segments());
    // Start both: the first sends the request, the second waits for it.
    std::future::poll_fn(|cx| {
        assert!(first.as_mut().poll(cx).is_pending());
        assert!(second.as_mut().poll(cx).is_pending());
        Poll::Ready(())
    })
    .await;
    sleep(10).await;
    assert_eq!(request_count(), 1);
    drop(first);
    assert_eq!(second.await, Ok(vec![]));
    let log = requests();
    assert_eq!(log.len(), 2, "{log:?}");
    assert!(log[0].3, "the abandoned request was aborted");
    assert!(!log[1].3);
}
