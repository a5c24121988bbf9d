//! Fault injection and the request log.

mod common;

use common::*;
use reqwest::Method;
use serde_json::{json, Value};
use std::time::Duration;

#[tokio::test]
async fn status_faults_use_the_family_error_shape_and_count_down() {
    let sim = start().await;
    sim.fault(json!({ "method": "GET", "path": "/entities/by-folder/1010", "kind": "status", "status": 500, "count": 2 }))
        .await;
    for _ in 0..2 {
        let res = sim.get("/entities/by-folder/1010").await;
        assert_eq!(res.status(), 500);
        let body: Value = res.json().await.unwrap();
        assert_eq!(body["status"], 500);
        assert!(body["error"].is_string());
    }
    assert_eq!(sim.get("/entities/by-folder/1010").await.status(), 200, "count exhausted");
    // Other paths and methods are untouched.
    sim.fault(
        json!({ "method": "POST", "path": "/entities/by-folder/1010", "kind": "status", "status": 500 }),
    )
    .await;
    assert_eq!(sim.get("/entities/by-folder/1010").await.status(), 200);

    for (status, check) in [
        (401u16, "401"),
        (403, "SEGMENT_FOLDER_VIEW_REQUIRED"),
        (404, "record-not-found-error"),
        (422, "CANNOT_MOVE"),
        (429, "429"),
    ] {
        sim.fault(
            json!({ "method": "GET", "path": "/entities/tokens/*", "kind": "status", "status": status }),
        )
        .await;
        let res = sim.get("/entities/tokens/5001").await;
        assert_eq!(res.status().as_u16(), status);
        if status == 429 {
            assert_eq!(res.headers()["retry-after"], "1");
        }
        let body = res.text().await.unwrap();
        assert!(body.contains(check), "{status}: {body}");
        let body: Value = serde_json::from_str(&body).unwrap();
        assert_eq!(first_error(&body)["status"], status.to_string());
    }
    // 409 is an object keyed by field; writes get EDIT_REQUIRED on 403.
    sim.fault(
        json!({ "method": "DELETE", "path": "/entities/tokens/5001", "kind": "status", "status": 409 }),
    )
    .await;
    let res = sim.req(Method::DELETE, "/entities/tokens/5001").send().await.unwrap();
    assert_eq!(res.status(), 409);
    let body: Value = res.json().await.unwrap();
    assert!(body["errors"]["deletion"][0].is_string(), "{body}");
    sim.fault(json!({ "method": "PATCH", "path": "/entities/tokens/5001", "kind": "status", "status": 403 }))
        .await;
    let res = sim.send_json(Method::PATCH, "/entities/tokens/5001", &json!({})).await;
    let body: Value = res.json().await.unwrap();
    assert_eq!(first_error(&body)["meta"]["permissionCode"], "SEGMENT_FOLDER_EDIT_REQUIRED");
    // Legacy family: {code, message}; 503 with Retry-After.
    sim.fault(json!({ "method": "GET", "path": "/audiences/101/segments", "kind": "status", "status": 403 }))
        .await;
    let body: Value = sim.get("/audiences/101/segments").await.json().await.unwrap();
    assert!(body["code"].is_string() && body["message"].is_string(), "{body}");
    sim.fault(json!({ "method": "GET", "path": "/audiences/*", "kind": "status", "status": 503, "retryAfter": "3" })).await;
    let res = sim.get("/audiences/101/attributes").await;
    assert_eq!(res.status(), 503);
    assert_eq!(res.headers()["retry-after"], "3");
    // A custom body replaces the default one.
    sim.fault(json!({ "method": "GET", "path": "/entities/folders/1000", "kind": "status", "status": 403, "body": { "errors": "text form" } }))
        .await;
    let body: Value = sim.get("/entities/folders/1000").await.json().await.unwrap();
    assert_eq!(body, json!({ "errors": "text form" }));
}

#[tokio::test]
async fn a_status_fault_on_a_write_does_not_write() {
    let sim = start().await;
    sim.fault(json!({ "method": "POST", "path": "/entities/tokens", "kind": "status", "status": 500 })).await;
    let res = sim.send_json(Method::POST, "/entities/tokens", &new_token("Never Stored")).await;
    assert_eq!(res.status(), 500);
    let folder = sim.get_json("/entities/by-folder/1030").await;
    assert!(!folder.to_string().contains("Never Stored"));
}

#[tokio::test]
async fn drop_closes_the_connection_without_an_answer() {
    let sim = start().await;
    sim.fault(json!({ "method": "POST", "path": "/entities/tokens", "kind": "drop" })).await;
    let err = sim.send_json_result(Method::POST, "/entities/tokens", &new_token("Dropped")).await;
    assert!(err.is_err(), "the client sees a network error, not a response: {err:?}");
    // Not processed.
    let folder = sim.get_json("/entities/by-folder/1030").await;
    assert!(!folder.to_string().contains("Dropped"));
    let log = sim.log().await;
    let entry = log.iter().find(|e| e["method"] == "POST").unwrap();
    assert_eq!(entry["status"], 0);
    assert_eq!(entry["fault"], "drop");
    // The next request is served normally.
    assert_eq!(sim.send_json(Method::POST, "/entities/tokens", &new_token("Dropped")).await.status(), 200);
}

#[tokio::test]
async fn delay_holds_the_answer_after_the_write_lands() {
    let sim = start().await;
    sim.fault(json!({ "method": "POST", "path": "/entities/tokens", "kind": "delay", "delayMs": 2000 }))
        .await;
    let res = sim
        .req(Method::POST, "/entities/tokens")
        .header("Content-Type", JSON_API)
        .body(new_token("Slow Save").to_string())
        .timeout(Duration::from_millis(300))
        .send()
        .await;
    assert!(res.is_err_and(|e| e.is_timeout()), "the client times out");
    // The write happened anyway: look before retrying, or get a duplicate.
    let folder = sim.get_json("/entities/by-folder/1030").await;
    assert!(folder.to_string().contains("Slow Save"));
    let (status, _) = {
        let r = sim.send_json(Method::POST, "/entities/tokens", &new_token("Slow Save")).await;
        (r.status(), ())
    };
    assert_eq!(status, 400, "a blind retry is a duplicate name");
    // A GET delay makes the answer late but intact.
    sim.fault(
        json!({ "method": "GET", "path": "/entities/parent_segments", "kind": "delay", "delayMs": 150 }),
    )
    .await;
    let t0 = std::time::Instant::now();
    assert_eq!(sim.get("/entities/parent_segments").await.status(), 200);
    assert!(t0.elapsed() >= Duration::from_millis(150));
}

#[tokio::test]
async fn malformed_and_html_bodies() {
    let sim = start().await;
    sim.fault(json!({ "method": "GET", "path": "/entities/tokens/5001", "kind": "malformed" })).await;
    let res = sim.get("/entities/tokens/5001").await;
    assert_eq!(res.status(), 200);
    assert_eq!(res.headers()["content-type"], JSON_API);
    let text = res.text().await.unwrap();
    assert!(!text.is_empty());
    assert!(serde_json::from_str::<Value>(&text).is_err(), "truncated: {text}");

    sim.fault(json!({ "method": "GET", "path": "/entities/by-folder/*", "kind": "malformed" })).await;
    let res = sim.get("/entities/by-folder/1000").await;
    assert_eq!(res.headers()["content-type"], "application/json");
    assert!(serde_json::from_str::<Value>(&res.text().await.unwrap()).is_err());

    sim.fault(json!({ "method": "GET", "path": "/entities/folders/1000", "kind": "html" })).await;
    let res = sim.get("/entities/folders/1000").await;
    assert_eq!(res.status(), 502);
    assert!(res.headers()["content-type"].to_str().unwrap().starts_with("text/html"));
    assert!(res.text().await.unwrap().contains("<html>"));
    sim.fault(json!({ "method": "GET", "path": "/entities/folders/1000", "kind": "html", "status": 504 }))
        .await;
    assert_eq!(sim.get("/entities/folders/1000").await.status(), 504);
}

#[tokio::test]
async fn faults_can_be_listed_cleared_and_reset() {
    let sim = start().await;
    sim.fault(json!({ "method": "*", "path": "/entities/*", "kind": "status", "status": 500, "count": 5 }))
        .await;
    let list: Vec<Value> = sim.http.get(sim.url("/_sim/faults")).send().await.unwrap().json().await.unwrap();
    assert_eq!(list.len(), 1);
    assert_eq!(list[0]["remaining"], 5);
    assert_eq!(sim.get("/entities/parent_segments").await.status(), 500);
    sim.http.delete(sim.url("/_sim/faults")).send().await.unwrap();
    assert_eq!(sim.get("/entities/parent_segments").await.status(), 200);
    // Bad specs are refused with a reason.
    for bad in [
        json!({ "method": "GET", "path": "/x", "kind": "explode" }),
        json!({ "method": "GET", "path": "/x", "kind": "status" }),
        json!({ "method": "GET", "path": "x", "kind": "drop" }),
        json!({ "method": "GET", "path": "/x", "kind": "drop", "count": 0 }),
        json!({ "method": "GET", "path": "/x", "kind": "status", "status": 42 }),
        json!({ "method": "GET", "path": "/x", "kind": "drop", "typo": 1 }),
    ] {
        let res = sim.sim_post("/_sim/faults", &bad).await;
        assert_eq!(res.status(), 400, "{bad}");
        let body: Value = res.json().await.unwrap();
        assert!(body["error"].is_string());
    }
    // Reset restores the fixture and clears the log and the faults.
    sim.fault(json!({ "method": "GET", "path": "/entities/tokens/5002", "kind": "status", "status": 500 }))
        .await;
    let res = sim.req(Method::DELETE, "/entities/tokens/5001").send().await.unwrap();
    assert_eq!(res.status(), 200);
    assert_eq!(sim.sim_post("/_sim/reset", &json!({})).await.status(), 204);
    assert!(sim.log().await.is_empty());
    assert_eq!(sim.get("/entities/tokens/5001").await.status(), 200);
    assert_eq!(sim.get("/entities/tokens/5002").await.status(), 200);
}

#[tokio::test]
async fn the_request_log_records_calls_but_never_the_key() {
    let sim = start().await;
    sim.get("/entities/by-folder/1010?depth=2").await;
    sim.http.get(sim.url("/entities/parent_segments")).send().await.unwrap();
    let body = new_token("Logged");
    sim.req(Method::POST, "/entities/tokens")
        .header("Content-Type", JSON_API)
        .header("If-Match", "\"v1\"")
        .header("Origin", ORIGIN)
        .body(body.to_string())
        .send()
        .await
        .unwrap();
    // A client bug that puts the key in the URL is flagged, and the key still not logged.
    sim.http.get(sim.url(&format!("/entities/parent_segments?apikey={KEY}"))).send().await.unwrap();
    let log = sim.log().await;
    assert_eq!(log.len(), 4);
    let text = serde_json::to_string(&log).unwrap();
    assert!(!text.contains(KEY), "the key never appears in the log");
    assert!(!text.contains("TD1"), "nor the header");
    assert_eq!(log[0]["seq"], 1);
    assert_eq!(log[0]["path"], "/entities/by-folder/1010");
    assert_eq!(log[0]["query"], "depth=2");
    assert_eq!(log[0]["hasAuthorization"], true);
    assert_eq!(log[0]["keyIndex"], 0, "which configured key, never the key");
    assert_eq!(log[0]["status"], 200);
    assert_eq!(log[1]["hasAuthorization"], false);
    assert_eq!(log[1]["keyIndex"], serde_json::Value::Null);
    assert_eq!(log[1]["status"], 401);
    assert_eq!(log[2]["method"], "POST");
    assert_eq!(log[2]["body"], body, "parsed JSON body");
    assert_eq!(log[2]["ifMatch"], "\"v1\"");
    assert_eq!(log[2]["origin"], ORIGIN);
    assert_eq!(log[2]["keyLeaked"], false);
    assert_eq!(log[3]["keyLeaked"], true);
    assert!(log[3]["query"].as_str().unwrap().contains("<redacted>"));
    // Unparseable bodies are kept as text; the log can be cleared.
    sim.req(Method::POST, "/entities/tokens").body("not json").send().await.unwrap();
    assert_eq!(sim.log().await[4]["body"], "not json");
    sim.http.delete(sim.url("/_sim/requests")).send().await.unwrap();
    assert!(sim.log().await.is_empty());
}

#[tokio::test]
async fn test_endpoints_are_absent_unless_enabled() {
    let config = cdp_sim::Config {
        fixture: cdp_sim::Fixture::demo(),
        api_keys: vec![KEY.into()],
        allow_origins: vec![],
        test_endpoints: false,
        user_name: None,
        workflow_delay: std::time::Duration::from_secs(60),
    };
    let running = cdp_sim::start("127.0.0.1:0".parse().unwrap(), config).await.unwrap();
    let http = reqwest::Client::new();
    for (m, p) in
        [(Method::GET, "/_sim/requests"), (Method::POST, "/_sim/reset"), (Method::POST, "/_sim/faults")]
    {
        let res = http.request(m, format!("{}{p}", running.url())).send().await.unwrap();
        assert_eq!(res.status(), 404, "{p}");
    }
}
