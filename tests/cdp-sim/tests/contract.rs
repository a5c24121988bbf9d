//! Every route's 200 answers against the schema and media type the OpenAPI document declares.

mod common;

use common::*;
use reqwest::Method;
use serde_json::{json, Value};

/// GETs `url_path`, checks the declared media type and the declared 200 schema of `route`.
async fn check(sim: &Sim, route: &str, method: &str, res: reqwest::Response) -> Value {
    assert_eq!(res.status(), 200, "{method} {route}");
    let (media, schema) = route_schema(route, method);
    let ct = res.headers()["content-type"].to_str().unwrap().to_owned();
    assert_eq!(ct, media, "{method} {route}: media type");
    let body: Value = res.json().await.unwrap();
    assert_inline_schema(schema, &body);
    let _ = sim;
    body
}

#[tokio::test]
async fn parent_segments_match_the_schema() {
    let sim = start().await;
    let list =
        check(&sim, "/entities/parent_segments", "get", sim.get("/entities/parent_segments").await).await;
    assert_eq!(list.as_array().unwrap().len(), 2);
    let one =
        check(&sim, "/entities/parent_segments/{id}", "get", sim.get("/entities/parent_segments/101").await)
            .await;
    assert_eq!(one["data"]["attributes"]["name"], "Retail Customers");
    assert_eq!(one["data"]["relationships"]["parentSegmentFolder"]["data"]["id"], "1000");
}

#[tokio::test]
async fn folders_match_the_schema() {
    let sim = start().await;
    for id in ["1000", "1010", "1040", "2000"] {
        let path = format!("/entities/folders/{id}");
        let body = check(&sim, "/entities/folders/{id}", "get", sim.get(&path).await).await;
        assert_eq!(body["data"]["id"], id);
    }
    let root = sim.get_json("/entities/folders/1000").await;
    assert_eq!(root["data"]["relationships"]["parentFolder"]["data"], Value::Null);
    let locked = sim.get_json("/entities/folders/1040").await;
    assert_eq!(locked["data"]["attributes"]["permissions"], json!({ "view": true, "edit": false }));
}

#[tokio::test]
async fn by_folder_matches_the_schema_at_every_depth() {
    let sim = start().await;
    for (folder, depth) in [("1000", 1), ("1000", 32), ("1010", 2), ("2000", 3), ("1030", 1)] {
        for rule in ["", "&with_rule=false"] {
            let path = format!("/entities/by-folder/{folder}?depth={depth}{rule}");
            let body = check(&sim, "/entities/by-folder/{folderId}", "get", sim.get(&path).await).await;
            assert_eq!(body["data"][0]["id"], folder, "the folder itself comes first");
        }
    }
}

#[tokio::test]
async fn token_routes_match_the_schema() {
    let sim = start().await;
    for id in ["5001", "5007", "5008", "5104"] {
        let path = format!("/entities/tokens/{id}");
        check(&sim, "/entities/tokens/{id}", "get", sim.get(&path).await).await;
    }
    let created = sim.send_json(Method::POST, "/entities/tokens", &new_token("Schema Check")).await;
    let created = check(&sim, "/entities/tokens", "post", created).await;
    let id = created["data"]["id"].as_str().unwrap().to_owned();
    let mut update = created["data"].clone();
    update["attributes"]["description"] = json!("changed");
    let path = format!("/entities/tokens/{id}");
    let updated = sim.send_json(Method::PATCH, &path, &update).await;
    check(&sim, "/entities/tokens/{id}", "patch", updated).await;
    let deleted = sim.req(Method::DELETE, &path).send().await.unwrap();
    check(&sim, "/entities/tokens/{id}", "delete", deleted).await;
}

#[tokio::test]
async fn legacy_routes_match_the_schema() {
    let sim = start().await;
    for ps in ["101", "102"] {
        let a =
            check(&sim, "/audiences/{audienceId}", "get", sim.get(&format!("/audiences/{ps}")).await).await;
        assert_schema("Audience", &a);
        let attrs = sim.get(&format!("/audiences/{ps}/attributes")).await;
        let attrs = check(&sim, "/audiences/{audienceId}/attributes", "get", attrs).await;
        assert!(attrs.as_array().unwrap().iter().any(|c| c["visibility"] == "blocked"));
        assert!(attrs.as_array().unwrap().iter().any(|c| c.get("audienceId").is_none()), "master columns");
        let segs = sim.get(&format!("/audiences/{ps}/segments")).await;
        let segs = check(&sim, "/audiences/{audienceId}/segments", "get", segs).await;
        let kinds: Vec<i64> = segs.as_array().unwrap().iter().map(|s| s["kind"].as_i64().unwrap()).collect();
        for k in [0, 1, 2] {
            assert!(kinds.contains(&k), "{ps}: kind {k} present in {kinds:?}");
        }
    }
}

#[tokio::test]
async fn the_generated_fixture_matches_the_schema_too() {
    let fixture = cdp_sim::FixtureSource::Generated { seed: 7, folders: 40, entities: 400 }.load().unwrap();
    let sim = start_with(fixture).await;
    let body = sim.get("/entities/by-folder/1?depth=32").await;
    let body = check(&sim, "/entities/by-folder/{folderId}", "get", body).await;
    assert!(body["data"].as_array().unwrap().len() > 300);
    let token = body["data"].as_array().unwrap().iter().find(|i| i["type"] == "token").unwrap().clone();
    let path = format!("/entities/tokens/{}", token["id"].as_str().unwrap());
    check(&sim, "/entities/tokens/{id}", "get", sim.get(&path).await).await;
    check(&sim, "/audiences/{audienceId}/segments", "get", sim.get("/audiences/1/segments").await).await;
}

/// Guards the guard: a broken answer must fail validation (refs resolve, formats are checked).
#[tokio::test]
async fn the_schema_check_rejects_broken_answers() {
    let sim = start().await;
    let good = sim.get_json("/entities/tokens/5001").await;
    assert_schema("EntitiesGetTokenJsonApiResponse", &good);
    let mut cases = Vec::new();
    let mut numeric_id = good.clone();
    numeric_id["data"]["id"] = json!(5001);
    cases.push(numeric_id);
    let mut bad_uuid = good.clone();
    bad_uuid["data"]["attributes"]["token"] = json!("not-a-uuid");
    cases.push(bad_uuid);
    let mut bad_time = good.clone();
    bad_time["data"]["attributes"]["updatedAt"] = json!("yesterday");
    cases.push(bad_time);
    let mut no_included = good.clone();
    no_included.as_object_mut().unwrap().remove("included");
    cases.push(no_included);
    for case in cases {
        let failed =
            std::panic::catch_unwind(|| assert_schema("EntitiesGetTokenJsonApiResponse", &case)).is_err();
        assert!(failed, "accepted a broken answer: {case}");
    }
}
