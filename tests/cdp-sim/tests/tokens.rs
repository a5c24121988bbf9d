//! Token writes: create, update, move, delete, and every validation and error status.

mod common;

use common::*;
use reqwest::Method;
use serde_json::{json, Value};

async fn create(sim: &Sim, body: &Value) -> (u16, Value) {
    let res = sim.send_json(Method::POST, "/entities/tokens", body).await;
    let status = res.status().as_u16();
    (status, res.json().await.unwrap_or(Value::Null))
}

async fn patch(sim: &Sim, id: &str, body: &Value) -> (u16, Value) {
    let res = sim.send_json(Method::PATCH, &format!("/entities/tokens/{id}"), body).await;
    let status = res.status().as_u16();
    (status, res.json().await.unwrap_or(Value::Null))
}

/// The full representation of a stored token, for PATCH.
async fn representation(sim: &Sim, id: &str) -> Value {
    sim.get_json(&format!("/entities/tokens/{id}")).await["data"].clone()
}

fn assert_validation(status: u16, body: &Value, pointer: &str, code: &str) {
    assert_eq!(status, 400, "{body}");
    let codes = validation_codes(body);
    assert!(
        codes.contains(&(pointer.to_owned(), code.to_owned())),
        "expected ({pointer}, {code}) in {codes:?}"
    );
    let e = body["errors"].as_array().unwrap().iter().find(|e| e["source"]["pointer"] == pointer).unwrap();
    assert_eq!(e["status"], "400");
    assert!(e["detail"].as_str().is_some_and(|d| !d.is_empty()));
}

#[tokio::test]
async fn create_fills_defaults_and_shows_up_in_the_folder() {
    let sim = start().await;
    let res = sim.send_json(Method::POST, "/entities/tokens", &new_token("Spring_Campaign 2025")).await;
    assert_eq!(res.status(), 200);
    assert_eq!(res.headers()["cache-control"], "no-store");
    let doc: Value = res.json().await.unwrap();
    let data = &doc["data"];
    let id = data["id"].as_str().unwrap();
    assert!(id.parse::<u64>().unwrap() > 5104, "a new id: {id}");
    let uuid = data["attributes"]["token"].as_str().unwrap();
    assert_eq!(uuid.len(), 36);
    assert_eq!(&uuid[14..15], "4", "UUID v4");
    assert_eq!(data["attributes"]["keyColumn"], "td_global_id", "empty key → td_global_id");
    assert_eq!(data["attributes"]["audienceId"], "101");
    assert_eq!(data["attributes"]["createdAt"], data["attributes"]["updatedAt"]);
    assert!(data["attributes"]["createdAt"].as_str().unwrap().ends_with('Z'));
    assert_eq!(data["relationships"]["createdBy"]["data"]["id"], "1001");
    let me = doc["included"].as_array().unwrap().iter().find(|i| i["type"] == "user").unwrap();
    assert_eq!(me["attributes"]["name"], "Test Runner", "--user-name names the key's user");
    let listing = sim.get_json("/entities/by-folder/1030?depth=1").await;
    assert!(listing["data"].as_array().unwrap().iter().any(|i| i["id"] == id && i["type"] == "token"));
    // Read back through the real API.
    let again = sim.get_json(&format!("/entities/tokens/{id}")).await;
    assert_eq!(again["data"], doc["data"]);
}

#[tokio::test]
async fn create_accepts_the_wrapped_form_and_an_absent_key_column() {
    let sim = start().await;
    let mut body = new_token("Wrapped");
    body["attributes"].as_object_mut().unwrap().remove("keyColumn");
    let (status, doc) = create(&sim, &json!({ "data": body })).await;
    assert_eq!(status, 200, "{doc}");
    assert_eq!(doc["data"]["attributes"]["keyColumn"], "td_global_id");
    // application/json is accepted as a request type too.
    let res = sim
        .req(Method::POST, "/entities/tokens")
        .header("Content-Type", "application/json")
        .body(new_token("Plain JSON").to_string())
        .send()
        .await
        .unwrap();
    assert_eq!(res.status(), 200);
}

#[tokio::test]
async fn two_creates_get_different_ids_and_uuids() {
    let sim = start().await;
    let (_, a) = create(&sim, &new_token("First")).await;
    let (_, b) = create(&sim, &new_token("Second")).await;
    assert_ne!(a["data"]["id"], b["data"]["id"]);
    assert_ne!(a["data"]["attributes"]["token"], b["data"]["attributes"]["token"]);
}

#[tokio::test]
async fn update_changes_fields_and_updated_at_and_keeps_the_uuid() {
    let sim = start().await;
    let before = representation(&sim, "5001").await;
    let mut body = before.clone();
    body["attributes"]["name"] = json!("Homepage Personalization v2");
    body["attributes"]["keyColumn"] = json!("email");
    body["attributes"]["attributeColumns"] = json!(["country"]);
    body["relationships"]["segments"] = json!({ "data": [{ "id": "3001", "type": "segment-batch" }] });
    let (status, doc) = patch(&sim, "5001", &json!({ "data": body })).await;
    assert_eq!(status, 200, "{doc}");
    let a = &doc["data"]["attributes"];
    assert_eq!(a["name"], "Homepage Personalization v2");
    assert_eq!(a["keyColumn"], "email");
    assert_eq!(a["attributeColumns"], json!(["country"]));
    assert_eq!(a["token"], before["attributes"]["token"]);
    assert_eq!(a["createdAt"], before["attributes"]["createdAt"]);
    assert!(a["updatedAt"].as_str().unwrap() > before["attributes"]["updatedAt"].as_str().unwrap());
    assert_eq!(doc["data"]["relationships"]["updatedBy"]["data"]["id"], "1001");
    // A second identical PATCH still moves updatedAt on.
    let (_, again) = patch(&sim, "5001", &doc["data"]).await;
    assert_ne!(again["data"]["attributes"]["updatedAt"], a["updatedAt"]);
}

#[tokio::test]
async fn move_is_a_patch_with_a_new_parent_folder() {
    let sim = start().await;
    let mut body = representation(&sim, "5004").await;
    body["relationships"]["parentFolder"]["data"]["id"] = json!("1030");
    let (status, doc) = patch(&sim, "5004", &body).await;
    assert_eq!(status, 200, "{doc}");
    assert_eq!(doc["data"]["relationships"]["parentFolder"]["data"]["id"], "1030");
    let old = sim.get_json("/entities/by-folder/1020").await;
    assert!(!old["data"].as_array().unwrap().iter().any(|i| i["id"] == "5004" && i["type"] == "token"));
    let new = sim.get_json("/entities/by-folder/1030").await;
    assert!(new["data"].as_array().unwrap().iter().any(|i| i["id"] == "5004" && i["type"] == "token"));
    // Into the folder it is already in: fine.
    let (status, _) = patch(&sim, "5004", &doc["data"]).await;
    assert_eq!(status, 200);
}

#[tokio::test]
async fn delete_returns_the_document_and_the_token_is_gone() {
    let sim = start().await;
    let res = sim.req(Method::DELETE, "/entities/tokens/5003").send().await.unwrap();
    assert_eq!(res.status(), 200);
    let doc: Value = res.json().await.unwrap();
    assert_eq!(doc["data"]["attributes"]["name"], "Email Preference Sync");
    let gone = sim.get("/entities/tokens/5003").await;
    assert_eq!(gone.status(), 404);
    let again = sim.req(Method::DELETE, "/entities/tokens/5003").send().await.unwrap();
    assert_eq!(again.status(), 404);
}

#[tokio::test]
async fn a_segment_in_a_folder_without_view_has_no_attributes() {
    let sim = start().await;
    let doc = sim.get_json("/entities/tokens/5007").await;
    let summaries: Vec<&Value> =
        doc["included"].as_array().unwrap().iter().filter(|i| i["type"] != "user").collect();
    assert_eq!(summaries.len(), 3);
    let hidden = summaries.iter().find(|s| s["id"] == "3007").unwrap();
    assert!(hidden.get("attributes").is_none(), "{hidden}");
    assert_eq!(hidden["relationships"]["parentFolder"]["data"]["id"], "1050");
    let shown = summaries.iter().find(|s| s["id"] == "3012").unwrap();
    assert_eq!(shown["type"], "segment-funnel-stage");
    assert_eq!(shown["attributes"]["name"], "Consideration");
    // Saving it back unchanged keeps the hidden segment.
    let (status, saved) = patch(&sim, "5007", &doc["data"]).await;
    assert_eq!(status, 200, "{saved}");
    assert_eq!(saved["data"]["relationships"]["segments"], doc["data"]["relationships"]["segments"]);
}

#[tokio::test]
async fn name_rules() {
    let sim = start().await;
    let p = "/attributes/name";
    for (name, code) in [
        (json!(""), "CANNOT_BE_BLANK"),
        (json!("   "), "CANNOT_BE_BLANK"),
        (Value::Null, "CANNOT_BE_BLANK"),
        (json!("9 lives"), "INVALID_FORMAT_OR_ASSOCIATION"),
        (json!(" leading space"), "INVALID_FORMAT_OR_ASSOCIATION"),
        (json!("bad-dash"), "INVALID_FORMAT_OR_ASSOCIATION"),
        (json!("<script>alert(1)</script>"), "INVALID_FORMAT_OR_ASSOCIATION"),
        (json!("émoji 🎉"), "INVALID_FORMAT_OR_ASSOCIATION"),
        (json!("a".repeat(256)), "IS_TOO_LONG"),
        (json!("Legacy Web Token"), "VIOLATES_UNIQUENESS_CONSTRAINT"),
    ] {
        let mut body = new_token("x");
        body["attributes"]["name"] = name.clone();
        let (status, err) = create(&sim, &body).await;
        assert_validation(status, &err, p, code);
    }
    // 255 characters, and a name taken only in the other parent segment, are fine.
    for name in ["a".repeat(255), "Tier_Badge".to_owned(), "_underscore first".to_owned()] {
        let (status, doc) = create(&sim, &new_token(&name)).await;
        assert_eq!(status, 200, "{name}: {doc}");
    }
    // Renaming a token to its own name is not a duplicate; to another's is.
    let mut body = representation(&sim, "5005").await;
    let (status, _) = patch(&sim, "5005", &body).await;
    assert_eq!(status, 200);
    body["attributes"]["name"] = json!("Legacy Web Token");
    let (status, err) = patch(&sim, "5005", &body).await;
    assert_validation(status, &err, p, "VIOLATES_UNIQUENESS_CONSTRAINT");
}

#[tokio::test]
async fn attribute_column_rules() {
    let sim = start().await;
    let p = "/attributes/attributeColumns";
    for (cols, code) in [
        (
            json!(["gender", "age_band", "country", "cart_value", "lifetime_value", "interests"]),
            "IS_TOO_LONG",
        ),
        (json!(["gender", "gender"]), "VIOLATES_UNIQUENESS_CONSTRAINT"),
        (json!(["no_such_column"]), "INVALID_FORMAT_OR_ASSOCIATION"),
        (json!(["ssn_last4"]), "INVALID_FORMAT_OR_ASSOCIATION"),
        (json!(["tier"]), "INVALID_FORMAT_OR_ASSOCIATION"),
        (Value::Null, "CANNOT_BE_BLANK"),
        (json!("gender"), "SHOULD_BE_ARRAY"),
    ] {
        let mut body = new_token("Attr Test");
        body["attributes"]["attributeColumns"] = cols.clone();
        let (status, err) = create(&sim, &body).await;
        assert_eq!(status, 400, "{cols}: {err}");
        assert!(validation_codes(&err).contains(&(p.to_owned(), code.to_owned())), "{cols}: {err}");
    }
    let mut body = new_token("Attr Missing");
    body["attributes"].as_object_mut().unwrap().remove("attributeColumns");
    let (status, err) = create(&sim, &body).await;
    assert_validation(status, &err, p, "CANNOT_BE_BLANK");
    for cols in [json!([]), json!(["gender", "age_band", "country", "cart_value", "phone_number"])] {
        let mut body = new_token("Attr Ok");
        body["attributes"]["attributeColumns"] = cols.clone();
        let (status, doc) = create(&sim, &body).await;
        assert_eq!(status, 200, "{cols}: {doc}");
        sim.req(Method::DELETE, &format!("/entities/tokens/{}", doc["data"]["id"].as_str().unwrap()))
            .send()
            .await
            .unwrap();
    }
}

#[tokio::test]
async fn key_column_rules() {
    let sim = start().await;
    for key in ["td_client_id", "td_global_id", "email", "customer_id"] {
        let mut body = new_token(&format!("Key {}", key.replace('_', " ")));
        body["attributes"]["keyColumn"] = json!(key);
        let (status, doc) = create(&sim, &body).await;
        assert_eq!(status, 200, "{key}: {doc}");
        assert_eq!(doc["data"]["attributes"]["keyColumn"], key);
    }
    for key in ["member_id", "gender", "nope"] {
        let mut body = new_token("Key Bad");
        body["attributes"]["keyColumn"] = json!(key);
        let (status, err) = create(&sim, &body).await;
        assert_validation(status, &err, "/attributes/keyColumn", "INVALID_FORMAT_OR_ASSOCIATION");
    }
}

#[tokio::test]
async fn segment_rules() {
    let sim = start().await;
    let p = "/relationships/segments";
    let seg = |id: &str, ty: &str| json!({ "id": id, "type": ty });
    let cases = [
        (vec![seg("999999", "segment-batch")], "INVALID_FORMAT_OR_ASSOCIATION"),
        (vec![seg("3003", "segment-batch")], "INVALID_FORMAT_OR_ASSOCIATION"),
        (vec![seg("3101", "segment-batch")], "INVALID_FORMAT_OR_ASSOCIATION"),
        (vec![seg("3020", "segment-batch")], "INVALID_FORMAT_OR_ASSOCIATION"),
        (vec![seg("3020", "composable-segment")], "INVALID_FORMAT_OR_ASSOCIATION"),
        (vec![seg("3001", "segment-batch"), seg("3001", "segment-batch")], "VIOLATES_UNIQUENESS_CONSTRAINT"),
    ];
    for (segments, code) in cases {
        let mut body = new_token("Seg Test");
        body["relationships"]["segments"] = json!({ "data": segments });
        let (status, err) = create(&sim, &body).await;
        assert_validation(status, &err, p, code);
    }
    // 16 segments: too many (the fixture has fewer, so repeat ids: both rules fire).
    let many: Vec<Value> = (0..16).map(|_| seg("3001", "segment-batch")).collect();
    let mut body = new_token("Seg Many");
    body["relationships"]["segments"] = json!({ "data": many });
    let (status, err) = create(&sim, &body).await;
    assert_validation(status, &err, p, "IS_TOO_LONG");
    // The schema's nested item form is accepted, and no segments at all is fine.
    let mut body = new_token("Seg Nested");
    body["relationships"]["segments"] = json!({ "data": [{ "data": seg("3001", "segment-batch") }] });
    assert_eq!(create(&sim, &body).await.0, 200);
    let mut body = new_token("Seg None");
    body["relationships"].as_object_mut().unwrap().remove("segments");
    assert_eq!(create(&sim, &body).await.0, 200);
}

#[tokio::test]
async fn parent_folder_rules() {
    let sim = start().await;
    let p = "/relationships/parentFolder";
    let mut body = new_token("Folder Missing");
    body["relationships"].as_object_mut().unwrap().remove("parentFolder");
    let (status, err) = create(&sim, &body).await;
    assert_validation(status, &err, p, "CANNOT_BE_BLANK");
    let mut body = new_token("Folder Unknown");
    body["relationships"]["parentFolder"]["data"]["id"] = json!("424242");
    let (status, err) = create(&sim, &body).await;
    assert_validation(status, &err, p, "INVALID_FORMAT_OR_ASSOCIATION");
    // Creating in the other parent segment's folder: its columns and segments do not match.
    let mut body = new_token("Other PS");
    body["relationships"]["parentFolder"]["data"]["id"] = json!("2010");
    let (status, err) = create(&sim, &body).await;
    assert_eq!(status, 400, "{err}");
    let codes = validation_codes(&err);
    assert!(codes.iter().any(|(p, _)| p == "/relationships/segments"), "{codes:?}");
    assert!(codes.iter().any(|(p, _)| p == "/attributes/attributeColumns"), "{codes:?}");
}

#[tokio::test]
async fn several_mistakes_are_reported_together() {
    let sim = start().await;
    let mut body = new_token("");
    body["attributes"]["keyColumn"] = json!("nope");
    body["attributes"]["attributeColumns"] = json!(["gender", "gender"]);
    let (status, err) = create(&sim, &body).await;
    assert_eq!(status, 400);
    let pointers: Vec<String> = validation_codes(&err).into_iter().map(|(p, _)| p).collect();
    for p in ["/attributes/name", "/attributes/keyColumn", "/attributes/attributeColumns"] {
        assert!(pointers.contains(&p.to_owned()), "{p} in {pointers:?}");
    }
}

#[tokio::test]
async fn malformed_bodies_are_bad_parameter_errors() {
    let sim = start().await;
    for raw in ["{", "[]", "\"token\"", "{\"type\":\"token\"}", "{\"type\":\"folder\",\"attributes\":{}}", ""]
    {
        let res = sim
            .req(Method::POST, "/entities/tokens")
            .header("Content-Type", JSON_API)
            .body(raw.to_owned())
            .send()
            .await
            .unwrap();
        assert_eq!(res.status(), 400, "{raw}");
        let body: Value = res.json().await.unwrap();
        assert_eq!(first_error(&body)["code"], "bad-parameter-error", "{raw}: {body}");
        assert_eq!(first_error(&body)["status"], "400");
    }
    let mut body = new_token("Shape");
    body["attributes"]["name"] = json!(42);
    let (status, err) = create(&sim, &body).await;
    assert_eq!(status, 400);
    assert_eq!(first_error(&err)["code"], "bad-parameter-error");
    assert_eq!(first_error(&err)["source"]["pointer"], "/attributes/name");
    let res = sim
        .req(Method::POST, "/entities/tokens")
        .header("Content-Type", "text/plain")
        .body(new_token("Text").to_string())
        .send()
        .await
        .unwrap();
    assert_eq!(res.status(), 400);
    // PATCH with an id that differs from the URL.
    let mut body = representation(&sim, "5001").await;
    body["id"] = json!("5002");
    let (status, err) = patch(&sim, "5001", &body).await;
    assert_eq!(status, 400);
    assert_eq!(first_error(&err)["source"]["pointer"], "/id");
}

#[tokio::test]
async fn edit_permission_is_required_to_write() {
    let sim = start().await;
    let edit = |status: u16, body: &Value| {
        assert_eq!(status, 403, "{body}");
        let e = first_error(body);
        assert_eq!(e["code"], "permission-error");
        assert_eq!(e["status"], "403");
        assert_eq!(e["meta"]["permissionCode"], "SEGMENT_FOLDER_EDIT_REQUIRED");
    };
    // Create into the locked folder.
    let mut body = new_token("Into Locked");
    body["relationships"]["parentFolder"]["data"]["id"] = json!("1040");
    let (status, err) = create(&sim, &body).await;
    edit(status, &err);
    // Update in it, move out of it.
    let locked = representation(&sim, "5006").await;
    let (status, err) = patch(&sim, "5006", &locked).await;
    edit(status, &err);
    let mut out = locked.clone();
    out["relationships"]["parentFolder"]["data"]["id"] = json!("1030");
    let (status, err) = patch(&sim, "5006", &out).await;
    edit(status, &err);
    // Move into it.
    let mut into = representation(&sim, "5001").await;
    into["relationships"]["parentFolder"]["data"]["id"] = json!("1040");
    let (status, err) = patch(&sim, "5001", &into).await;
    edit(status, &err);
    // Delete in it.
    let res = sim.req(Method::DELETE, "/entities/tokens/5006").send().await.unwrap();
    let status = res.status().as_u16();
    edit(status, &res.json().await.unwrap());
    // Nothing changed.
    assert_eq!(representation(&sim, "5006").await, locked);
    // Reading the locked folder and its token is fine.
    assert_eq!(sim.get("/entities/by-folder/1040").await.status(), 200);
}

#[tokio::test]
async fn view_permission_is_required_to_read() {
    let sim = start().await;
    for path in ["/entities/folders/1050", "/entities/by-folder/1050?depth=1"] {
        let res = sim.get(path).await;
        assert_eq!(res.status(), 403, "{path}");
        let body: Value = res.json().await.unwrap();
        assert_eq!(first_error(&body)["meta"]["permissionCode"], "SEGMENT_FOLDER_VIEW_REQUIRED");
    }
    // Listed in its parent (with its permissions), but not entered.
    let root = sim.get_json("/entities/by-folder/1000?depth=32").await;
    let items = root["data"].as_array().unwrap();
    let hidden = items.iter().find(|i| i["id"] == "1050" && i["type"] == "folder-segment").unwrap();
    assert_eq!(hidden["attributes"]["permissions"]["view"], false);
    assert!(!items.iter().any(|i| i["relationships"]["parentFolder"]["data"]["id"] == "1050"));
    // The picker does not offer its segment.
    let segs = sim.get_json("/audiences/101/segments").await;
    assert!(!segs.as_array().unwrap().iter().any(|s| s["id"] == "3007"));
}

#[tokio::test]
async fn unknown_ids_are_404() {
    let sim = start().await;
    for path in [
        "/entities/tokens/999999",
        "/entities/tokens/abc",
        "/entities/tokens/0123",
        "/entities/folders/999999",
        "/entities/by-folder/999999",
        "/entities/parent_segments/999",
    ] {
        let res = sim.get(path).await;
        assert_eq!(res.status(), 404, "{path}");
        let body: Value = res.json().await.unwrap();
        assert_eq!(first_error(&body)["code"], "record-not-found-error", "{path}");
        assert_eq!(first_error(&body)["status"], "404");
    }
    let (status, _) = patch(&sim, "999999", &new_token("Nope")).await;
    assert_eq!(status, 404);
    for path in ["/audiences/999", "/audiences/999/attributes", "/audiences/999/segments"] {
        let res = sim.get(path).await;
        assert_eq!(res.status(), 404, "{path}");
        let body: Value = res.json().await.unwrap();
        assert!(body["code"].is_string() && body["message"].is_string(), "legacy shape: {body}");
    }
}

#[tokio::test]
async fn moving_to_another_parent_segment_is_422() {
    let sim = start().await;
    let mut body = representation(&sim, "5004").await;
    body["relationships"]["parentFolder"]["data"]["id"] = json!("2020");
    let (status, err) = patch(&sim, "5004", &body).await;
    assert_eq!(status, 422, "{err}");
    let e = first_error(&err);
    assert_eq!(e["code"], "unprocessable-entity-error");
    assert_eq!(e["status"], "422");
    assert_eq!(e["meta"]["unprocessableEntityCode"], "CANNOT_MOVE");
    assert_eq!(e["source"]["pointer"], "/relationships/parentFolder");
}

#[tokio::test]
async fn a_missing_or_wrong_key_is_401_in_each_family() {
    let sim = start().await;
    for path in ["/entities/parent_segments", "/entities/tokens/5001", "/audiences/101/segments"] {
        for auth in [None, Some("TD1 wrong"), Some(format!("Bearer {KEY}").as_str()), Some("TD1 ")] {
            let mut req = sim.http.get(sim.url(path));
            if let Some(a) = auth {
                req = req.header("Authorization", a);
            }
            let res = req.send().await.unwrap();
            assert_eq!(res.status(), 401, "{path} {auth:?}");
            let body: Value = res.json().await.unwrap();
            if path.starts_with("/entities") {
                assert_eq!(first_error(&body)["status"], "401", "{body}");
            } else {
                assert!(body["code"].is_string() && body["message"].is_string(), "{body}");
            }
        }
    }
    let res = sim.http.post(sim.url("/entities/tokens")).json(&new_token("No Key")).send().await.unwrap();
    assert_eq!(res.status(), 401);
    assert_eq!(sim.get("/entities/by-folder/1030").await.status(), 200);
}
