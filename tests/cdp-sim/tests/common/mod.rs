//! Shared test helpers: a simulator on port 0 with the demo fixture, a small client, and the
//! contract's JSON schemas.
#![allow(dead_code)] // each test binary uses a different subset

use cdp_sim::{Config, Fixture, Running};
use reqwest::{Method, RequestBuilder, Response};
use serde_json::{json, Value};
use std::path::PathBuf;
use std::sync::OnceLock;

pub const KEY: &str = "1/test0123456789abcdef";
pub const ORIGIN: &str = "http://127.0.0.1:8080";
pub const JSON_API: &str = "application/vnd.treasuredata.v1+json";

pub struct Sim {
    pub running: Running,
    pub http: reqwest::Client,
}

pub async fn start() -> Sim {
    start_with(Fixture::demo()).await
}

pub async fn start_with(fixture: Fixture) -> Sim {
    let config = Config {
        fixture,
        api_keys: vec![KEY.to_owned()],
        allow_origins: vec![ORIGIN.to_owned()],
        test_endpoints: true,
        user_name: Some("Test Runner".to_owned()),
        workflow_delay: std::time::Duration::from_secs(60),
    };
    let running = cdp_sim::start("127.0.0.1:0".parse().unwrap(), config).await.expect("simulator starts");
    Sim { running, http: reqwest::Client::new() }
}

impl Sim {
    pub fn url(&self, path: &str) -> String {
        format!("{}{path}", self.running.url())
    }

    /// A request with the test key and the JSON:API Accept header, as the app sends it.
    pub fn req(&self, method: Method, path: &str) -> RequestBuilder {
        self.http
            .request(method, self.url(path))
            .header("Authorization", format!("TD1 {KEY}"))
            .header("Accept", JSON_API)
    }

    pub async fn get(&self, path: &str) -> Response {
        self.req(Method::GET, path).send().await.expect("request")
    }

    pub async fn get_json(&self, path: &str) -> Value {
        let res = self.get(path).await;
        assert_eq!(res.status(), 200, "GET {path}");
        res.json().await.expect("JSON body")
    }

    pub async fn send_json(&self, method: Method, path: &str, body: &Value) -> Response {
        self.req(method, path)
            .header("Content-Type", JSON_API)
            .body(body.to_string())
            .send()
            .await
            .expect("request")
    }

    /// Like `send_json`, but hands back transport errors (dropped connections).
    pub async fn send_json_result(
        &self,
        method: Method,
        path: &str,
        body: &Value,
    ) -> reqwest::Result<Response> {
        self.req(method, path).header("Content-Type", JSON_API).body(body.to_string()).send().await
    }

    pub async fn sim_post(&self, path: &str, body: &Value) -> Response {
        self.http.post(self.url(path)).json(body).send().await.expect("request")
    }

    pub async fn fault(&self, fault: Value) {
        let res = self.sim_post("/_sim/faults", &fault).await;
        assert!(res.status().is_success(), "fault accepted: {}", res.text().await.unwrap_or_default());
    }

    pub async fn log(&self) -> Vec<Value> {
        let res = self.http.get(self.url("/_sim/requests")).send().await.expect("log");
        res.json::<Vec<Value>>().await.expect("log JSON")
    }
}

/// A valid create body: the bare resource object, as the app sends it.
pub fn new_token(name: &str) -> Value {
    json!({
        "type": "token",
        "attributes": {
            "name": name,
            "description": "made by a test",
            "keyColumn": "",
            "attributeColumns": ["gender", "country"],
        },
        "relationships": {
            "parentFolder": { "data": { "id": "1030", "type": "folder-segment" } },
            "segments": { "data": [
                { "id": "3005", "type": "segment-batch" },
                { "id": "3003", "type": "segment-realtime" },
                { "id": "3012", "type": "segment-funnel-stage" }
            ] },
        },
    })
}

/// The first error object of a JSON:API error body.
pub fn first_error(body: &Value) -> &Value {
    &body["errors"][0]
}

/// All `(pointer, validationCode)` pairs of a 400 body.
pub fn validation_codes(body: &Value) -> Vec<(String, String)> {
    body["errors"]
        .as_array()
        .map(|errs| {
            errs.iter()
                .map(|e| {
                    let p = e["source"]["pointer"].as_str().unwrap_or_default().to_owned();
                    let c = e["meta"]["validationCode"].as_str().or(e["meta"]["parameterCode"].as_str());
                    (p, c.unwrap_or_default().to_owned())
                })
                .collect()
        })
        .unwrap_or_default()
}

// ---- schemas ----------------------------------------------------------------------------

/// The published OpenAPI description, kept in this crate (`schema/`) so a clone tests on its own.
fn schema_path() -> PathBuf {
    PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("schema/cdp-openapi-subset.json")
}

/// The OpenAPI document, with OpenAPI 3.0's `nullable: true` turned into JSON Schema
/// (`type: [T, "null"]`) and one erratum (below) fixed.
fn openapi() -> &'static Value {
    static DOC: OnceLock<Value> = OnceLock::new();
    DOC.get_or_init(|| {
        let path = schema_path();
        let text = std::fs::read_to_string(&path).unwrap_or_else(|e| panic!("read {}: {e}", path.display()));
        let mut doc: Value = serde_json::from_str(&text).expect("schema JSON");
        nullable_to_json_schema(&mut doc);
        // Erratum: RelationshipsSegmentJsonApiResource lists items as oneOf two schemas that
        // only constrain an optional nested `data`, so a plain `{id, type}` item (what the
        // contract page describes, and the only form a funnel stage can take) matches both
        // and fails `oneOf`. Accept the plain item, or the nested one, with the same types.
        let item = json!({
            "type": "object",
            "required": ["id", "type"],
            "properties": {
                "id": { "type": "string", "pattern": "^[1-9][0-9]*$" },
                "type": { "enum": ["segment-batch", "segment-realtime", "segment-funnel-stage"] }
            }
        });
        doc["components"]["schemas"]["RelationshipsSegmentJsonApiResource"]["properties"]["data"]["items"] =
            json!({ "anyOf": [item.clone(), { "type": "object", "required": ["data"], "properties": { "data": item } }] });
        doc
    })
}

fn nullable_to_json_schema(v: &mut Value) {
    match v {
        Value::Object(map) => {
            if map.get("nullable") == Some(&Value::Bool(true)) {
                match map.get("type").cloned() {
                    Some(Value::String(t)) => {
                        map.insert("type".into(), json!([t, "null"]));
                    }
                    // No `type`: an allOf/oneOf/ref; null is allowed besides it.
                    _ if map.contains_key("allOf")
                        || map.contains_key("$ref")
                        || map.contains_key("oneOf") =>
                    {
                        map.remove("nullable");
                        let inner = Value::Object(std::mem::take(map));
                        map.insert("anyOf".into(), json!([{ "type": "null" }, inner]));
                    }
                    _ => {}
                }
            }
            for child in map.values_mut() {
                nullable_to_json_schema(child);
            }
        }
        Value::Array(items) => items.iter_mut().for_each(nullable_to_json_schema),
        _ => {}
    }
}

/// Validates `instance` against `#/components/schemas/{name}`, or an array of them when
/// `name` ends with `[]`. Panics with every violation.
pub fn assert_schema(name: &str, instance: &Value) {
    let (name, array) = match name.strip_suffix("[]") {
        Some(n) => (n, true),
        None => (name, false),
    };
    let target = json!({ "$ref": format!("#/components/schemas/{name}") });
    let schema = json!({
        "$schema": "https://json-schema.org/draft/2020-12/schema",
        "allOf": [if array { json!({ "type": "array", "items": target }) } else { target }],
        "components": openapi()["components"].clone(),
    });
    let errors = violations(schema, instance);
    assert!(errors.is_empty(), "{name} schema violations:\n{}", errors.join("\n"));
}

/// Validates against a schema given inline (for routes whose 200 schema is not a component).
pub fn assert_inline_schema(schema: Value, instance: &Value) {
    let schema = json!({
        "$schema": "https://json-schema.org/draft/2020-12/schema",
        "allOf": [schema],
        "components": openapi()["components"].clone(),
    });
    let errors = violations(schema, instance);
    assert!(errors.is_empty(), "schema violations:\n{}", errors.join("\n"));
}

/// Compiles and runs the validator on a thread with a large stack: the document's deeply
/// recursive rule schemas overflow a test thread's default 2 MiB in debug builds.
fn violations(schema: Value, instance: &Value) -> Vec<String> {
    let instance = instance.clone();
    std::thread::Builder::new()
        .stack_size(256 << 20)
        .spawn(move || {
            let validator =
                jsonschema::options().should_validate_formats(true).build(&schema).expect("schema compiles");
            validator
                .iter_errors(&instance)
                .map(|e| format!("{} at {}", e, e.instance_path()))
                .take(20)
                .collect()
        })
        .expect("spawn validator thread")
        .join()
        .expect("validator thread")
}

/// The 200 schema the document declares for a route, e.g. ("/entities/tokens/{id}", "get").
pub fn route_schema(path: &str, method: &str) -> (String, Value) {
    let content = &openapi()["paths"][path][method]["responses"]["200"]["content"];
    let (media, body) = content.as_object().and_then(|c| c.iter().next()).expect("route has a 200 answer");
    (media.clone(), body["schema"].clone())
}
