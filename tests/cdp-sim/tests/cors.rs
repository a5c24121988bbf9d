//! CORS: exact allowlist, preflights without a key, exposed headers (SEC-21/22/23).

mod common;

use common::*;
use reqwest::Method;

async fn preflight(sim: &Sim, origin: &str, method: &str) -> reqwest::Response {
    sim.http
        .request(Method::OPTIONS, sim.url("/entities/tokens/5001"))
        .header("Origin", origin)
        .header("Access-Control-Request-Method", method)
        .header("Access-Control-Request-Headers", "authorization, content-type, if-match")
        .send()
        .await
        .unwrap()
}

#[tokio::test]
async fn preflight_from_an_allowed_origin() {
    let sim = start().await;
    let res = preflight(&sim, ORIGIN, "PATCH").await;
    assert_eq!(res.status(), 204);
    let h = res.headers();
    assert_eq!(h["access-control-allow-origin"], ORIGIN);
    assert_eq!(h["access-control-allow-methods"], "GET, POST, PATCH, PUT, DELETE");
    let allowed = h["access-control-allow-headers"].to_str().unwrap().to_ascii_lowercase();
    for name in ["authorization", "content-type", "accept", "if-match"] {
        assert!(allowed.contains(name), "{name} in {allowed}");
    }
    assert!(h.contains_key("access-control-max-age"));
    assert!(h.get_all("vary").iter().any(|v| v == "Origin"));
    assert!(!h.contains_key("access-control-allow-credentials"));
    // Preflights are never logged as API calls, never need a key, never get faulted.
    sim.fault(serde_json::json!({ "method": "*", "path": "/entities/*", "kind": "status", "status": 500 }))
        .await;
    assert_eq!(preflight(&sim, ORIGIN, "GET").await.status(), 204);
}

#[tokio::test]
async fn preflight_from_another_origin_gets_no_cors_headers() {
    let sim = start().await;
    for origin in
        ["http://evil.example", "http://127.0.0.1:8081", "null", "http://127.0.0.1:8080.evil.example"]
    {
        let res = preflight(&sim, origin, "GET").await;
        assert_eq!(res.status(), 403, "{origin}");
        assert!(!res.headers().contains_key("access-control-allow-origin"), "{origin}");
        assert!(!res.headers().contains_key("access-control-allow-methods"), "{origin}");
    }
}

#[tokio::test]
async fn answers_to_an_allowed_origin_expose_etag_and_retry_after() {
    let sim = start().await;
    let res = sim.req(Method::GET, "/entities/tokens/5001").header("Origin", ORIGIN).send().await.unwrap();
    assert_eq!(res.status(), 200);
    let h = res.headers();
    assert_eq!(h["access-control-allow-origin"], ORIGIN);
    assert_eq!(h["access-control-expose-headers"], "ETag, Retry-After");
    assert_eq!(h["vary"], "Origin");
    assert_eq!(h["cache-control"], "no-store", "token answers are never cached");
    // Errors too: the app must read a 401 or a 429 cross-origin.
    let res = sim.http.get(sim.url("/entities/tokens/5001")).header("Origin", ORIGIN).send().await.unwrap();
    assert_eq!(res.status(), 401);
    assert_eq!(res.headers()["access-control-allow-origin"], ORIGIN);
    sim.fault(serde_json::json!({ "method": "GET", "path": "/entities/parent_segments", "kind": "status", "status": 429, "retryAfter": "7" }))
        .await;
    let res =
        sim.req(Method::GET, "/entities/parent_segments").header("Origin", ORIGIN).send().await.unwrap();
    assert_eq!(res.status(), 429);
    assert_eq!(res.headers()["retry-after"], "7");
    assert_eq!(res.headers()["access-control-allow-origin"], ORIGIN);
}

#[tokio::test]
async fn other_origins_are_never_reflected() {
    let sim = start().await;
    let res = sim
        .req(Method::GET, "/entities/tokens/5001")
        .header("Origin", "http://evil.example")
        .send()
        .await
        .unwrap();
    assert_eq!(res.status(), 200, "served, but the browser will not let the page read it");
    assert!(!res.headers().contains_key("access-control-allow-origin"));
    assert!(!res.headers().contains_key("access-control-expose-headers"));
    assert_eq!(res.headers()["vary"], "Origin");
    let res = sim.get("/entities/parent_segments").await;
    assert!(!res.headers().contains_key("access-control-allow-origin"), "no Origin, no CORS headers");
}

#[test]
fn origin_arguments_are_checked() {
    use cdp_sim::cors::check_origin;
    assert!(check_origin("http://127.0.0.1:8080").is_ok());
    assert!(check_origin("https://studio.example.com").is_ok());
    for bad in
        ["*", "null", "127.0.0.1:8080", "http://example.com/", "http://example.com/app", "ftp://x", "http://"]
    {
        assert!(check_origin(bad).is_err(), "{bad}");
    }
}
