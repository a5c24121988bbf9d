//! The Profiles API listener against docs/cdp-api.md ("The Profiles API itself"): the answer's
//! shape, the error object, no key needed, `td_global_id` from the cookie, the workflow delay,
//! CORS with credentials and the preflight td-js-sdk causes.

mod common;

use cdp_sim::{Config, Fixture};
use common::{JSON_API, KEY, ORIGIN};
use serde_json::{json, Value};
use std::time::Duration;

const TOKEN_5001: &str = "6f1c2a4e-8b3d-4c1e-9a2f-1d2e3f4a5b61";

struct Both {
    api: cdp_sim::Running,
    lookup: cdp_sim::Running,
    http: reqwest::Client,
}

async fn start(delay: Duration) -> Both {
    let config = Config {
        fixture: Fixture::demo(),
        api_keys: vec![KEY.to_owned()],
        allow_origins: vec![ORIGIN.to_owned()],
        test_endpoints: true,
        user_name: None,
        workflow_delay: delay,
    };
    let any = "127.0.0.1:0".parse().unwrap();
    let (api, lookup) = cdp_sim::start_both(any, any, config).await.unwrap();
    Both { api, lookup, http: reqwest::Client::new() }
}

impl Both {
    async fn lookup(&self, query: &str) -> (u16, Value) {
        let res = self
            .http
            .get(format!("{}/cdp/lookup/collect/segments?{query}", self.lookup.url()))
            .send()
            .await
            .unwrap();
        (res.status().as_u16(), res.json().await.unwrap())
    }
}

#[tokio::test]
async fn a_profile_in_some_segments_none_and_no_profile() {
    let sim = start(Duration::from_secs(60)).await;
    let (status, body) = sim.lookup(&format!("version=2&token={TOKEN_5001}&key.td_client_id=c-1001")).await;
    assert_eq!(status, 200);
    assert_eq!(
        body,
        json!([{ "key": { "td_client_id": "c-1001" }, "values": ["3003", "3001"],
                 "attributes": { "gender": "female", "age_band": "25-34", "favorite_category": "shoes" },
                 "audienceId": "101" }])
    );
    let (_, none) = sim.lookup(&format!("version=2&token={TOKEN_5001}&key.td_client_id=c-1003")).await;
    assert_eq!(none[0]["values"], json!([]), "in none of the token's segments: an empty values");
    let (status, missing) =
        sim.lookup(&format!("version=2&token={TOKEN_5001}&key.td_client_id=nobody")).await;
    assert_eq!((status, missing), (200, json!([])), "no such profile: no entry");
}

#[tokio::test]
async fn errors_are_objects_and_no_key_is_needed() {
    let sim = start(Duration::from_secs(60)).await;
    let (status, body) = sim.lookup("version=2&token=00000000-0000-0000-0000-000000000000&key.email=x").await;
    assert_eq!(status, 200, "an unknown token answers 200 with the error object");
    assert_eq!(body["status"], 404);
    assert!(body["message"].as_str().unwrap().contains("not found"));
    let (status, body) = sim.lookup(&format!("token={TOKEN_5001}&key.td_client_id=c-1001")).await;
    assert_eq!((status, body["status"].clone()), (400, json!(400)));
    let (status, body) = sim.lookup(&format!("version=2&token={TOKEN_5001}&key.email=c-1001")).await;
    assert_eq!(status, 400, "the token's own key column is required: {body}");
}

#[tokio::test]
async fn td_global_id_comes_from_the_cookie_not_the_query() {
    let sim = start(Duration::from_secs(60)).await;
    let token = sim
        .http
        .get(format!("{}/entities/tokens/5004", sim.api.url()))
        .header("Authorization", format!("TD1 {KEY}"))
        .header("Accept", JSON_API)
        .send()
        .await
        .unwrap();
    let uuid =
        token.json::<Value>().await.unwrap()["data"]["attributes"]["token"].as_str().unwrap().to_owned();
    let url = format!(
        "{}/cdp/lookup/collect/segments?version=2&token={uuid}&key.td_global_id=g-42",
        sim.lookup.url()
    );
    let status = sim.http.get(&url).send().await.unwrap().status();
    assert_eq!(status, 400, "the query's td_global_id is not read");
    let res = sim.http.get(&url).header("Cookie", "_td_global=g-42").send().await.unwrap();
    let body: Value = res.json().await.unwrap();
    assert_eq!(body[0]["key"], json!({ "td_global_id": "g-42" }));
    assert_eq!(body[0]["values"], json!(["3006"]));
}

#[tokio::test]
async fn a_saved_change_is_live_only_when_the_workflow_finishes() {
    let sim = start(Duration::from_secs(3600)).await;
    let patch = json!({ "data": { "id": "5001", "type": "token", "attributes": {
        "name": "Homepage Personalization", "description": "", "keyColumn": "email",
        "attributeColumns": ["gender"] },
        "relationships": { "parentFolder": { "data": { "id": "1011", "type": "folder-segment" } },
                           "segments": { "data": [{ "id": "3001", "type": "segment-batch" }] } } } });
    let res = sim
        .http
        .patch(format!("{}/entities/tokens/5001", sim.api.url()))
        .header("Authorization", format!("TD1 {KEY}"))
        .header("Content-Type", JSON_API)
        .header("Accept", JSON_API)
        .body(patch.to_string())
        .send()
        .await
        .unwrap();
    assert_eq!(res.status(), 200, "{}", res.text().await.unwrap());
    // Still the old configuration: the old key column answers, the new one is refused.
    let (status, _) = sim.lookup(&format!("version=2&token={TOKEN_5001}&key.td_client_id=c-1001")).await;
    assert_eq!(status, 200);
    let (status, _) =
        sim.lookup(&format!("version=2&token={TOKEN_5001}&key.email=ana%2Bshop%40example.com")).await;
    assert_eq!(status, 400);
    let finish =
        sim.http.post(format!("{}/_sim/tokens/5001/finish-workflow", sim.api.url())).send().await.unwrap();
    assert_eq!(finish.status(), 204);
    let (_, body) =
        sim.lookup(&format!("version=2&token={TOKEN_5001}&key.email=ana%2Bshop%40example.com")).await;
    assert_eq!(body[0]["values"], json!(["3001"]));
    assert_eq!(body[0]["attributes"], json!({ "gender": "female" }));
    let again =
        sim.http.post(format!("{}/_sim/tokens/5001/finish-workflow", sim.api.url())).send().await.unwrap();
    assert_eq!(again.status(), 404, "no workflow runs any more");
}

#[tokio::test]
async fn cors_with_credentials_and_the_preflight() {
    let sim = start(Duration::from_secs(60)).await;
    let url = format!(
        "{}/cdp/lookup/collect/segments?version=2&token={TOKEN_5001}&key.td_client_id=c-1001",
        sim.lookup.url()
    );
    let pre = sim
        .http
        .request(reqwest::Method::OPTIONS, &url)
        .header("Origin", ORIGIN)
        .header("Access-Control-Request-Method", "GET")
        .header("Access-Control-Request-Headers", "content-type")
        .send()
        .await
        .unwrap();
    assert_eq!(pre.status(), 204);
    assert_eq!(pre.headers()["access-control-allow-origin"], ORIGIN);
    assert_eq!(pre.headers()["access-control-allow-credentials"], "true");
    assert!(pre.headers()["access-control-allow-headers"].to_str().unwrap().contains("Content-Type"));
    let res = sim.http.get(&url).header("Origin", ORIGIN).send().await.unwrap();
    assert_eq!(res.headers()["access-control-allow-origin"], ORIGIN);
    let other = sim.http.get(&url).header("Origin", "http://evil.example").send().await.unwrap();
    assert!(other.headers().get("access-control-allow-origin").is_none());
    // The profiles behind it, for tests that pick real values.
    let profiles: Value = sim
        .http
        .get(format!("{}/_sim/profiles/101", sim.api.url()))
        .send()
        .await
        .unwrap()
        .json()
        .await
        .unwrap();
    assert!(profiles.as_array().unwrap().iter().any(|p| p["keys"]["email"] == "田中@example.jp"));
}
