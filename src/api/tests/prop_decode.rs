//! Property tests: whatever the network sends, decoding gives a value or an `ApiError`, never a
//! panic. Inputs are arbitrary JSON built from the vocabulary of the real documents (so that
//! the generator reaches deep into the decoders instead of failing at the first key), real
//! documents with parts removed or replaced, and arbitrary text.

use super::super::decode::{
    decode_attributes, decode_folder, decode_folder_listing, decode_parent_segment, decode_parent_segments,
    decode_segments, decode_token,
};
use super::super::errors_decode::error_from_response_at;
use super::super::models::FolderId;
use super::super::retry_after::parse_retry_after;
use proptest::prelude::*;
use serde_json::{Map, Value};

/// Keys the decoders look for, plus a few they must ignore.
const KEYS: &[&str] = &[
    "data",
    "included",
    "id",
    "type",
    "attributes",
    "relationships",
    "name",
    "description",
    "population",
    "parentFolder",
    "parentSegmentFolder",
    "children",
    "segments",
    "createdBy",
    "updatedBy",
    "createdAt",
    "updatedAt",
    "keyColumn",
    "attributeColumns",
    "token",
    "audienceId",
    "permissions",
    "view",
    "edit",
    "kind",
    "errors",
    "detail",
    "source",
    "pointer",
    "status",
    "title",
    "message",
    "visibility",
    "tdUserId",
    "v2",
    "unknown_extra",
];
const TYPES: &[&str] = &[
    "token",
    "folder-segment",
    "segment-batch",
    "segment-realtime",
    "segment-funnel-stage",
    "user",
    "parentSegment",
    "funnel",
    "journey",
    "predictive-segment",
    "composable-segment",
    "",
];

fn leaf() -> impl Strategy<Value = Value> {
    prop_oneof![
        Just(Value::Null),
        any::<bool>().prop_map(Value::Bool),
        any::<i64>().prop_map(Value::from),
        any::<f64>().prop_map(|f| serde_json::Number::from_f64(f).map_or(Value::Null, Value::Number)),
        "[0-9]{1,20}".prop_map(Value::String),
        prop::sample::select(TYPES).prop_map(|t| Value::String(t.to_owned())),
        any::<String>().prop_map(Value::String),
    ]
}

fn json() -> impl Strategy<Value = Value> {
    leaf().prop_recursive(6, 96, 8, |inner| {
        prop_oneof![
            prop::collection::vec(inner.clone(), 0..6).prop_map(Value::Array),
            prop::collection::vec((prop::sample::select(KEYS), inner), 0..8).prop_map(|pairs| {
                Value::Object(pairs.into_iter().map(|(k, v)| (k.to_owned(), v)).collect::<Map<_, _>>())
            }),
        ]
    })
}

/// A real-shaped token document, to be damaged by the strategies below.
fn token_document() -> Value {
    serde_json::json!({
        "data": {"id": "90", "type": "token",
            "attributes": {"name": "web", "description": "d", "token": "u", "keyColumn": "email",
                "attributeColumns": ["a", "b"], "updatedAt": "2024-05-02T03:04:05Z"},
            "relationships": {
                "segments": {"data": [{"id": "55", "type": "segment-batch"}]},
                "parentFolder": {"data": {"id": "772", "type": "folder-segment"}},
                "updatedBy": {"data": {"id": "16", "type": "user"}}}},
        "included": [{"id": "16", "type": "user", "attributes": {"name": "Ana"}},
            {"id": "55", "type": "segment-batch", "attributes": {"name": "F", "population": 12}}]
    })
}

/// Replaces the value at a pseudo-random path of `doc` with `replacement`.
fn damage(doc: &mut Value, choice: usize, replacement: Value) {
    let descend = !choice.is_multiple_of(4);
    let child = match doc {
        Value::Object(map) if descend && !map.is_empty() => {
            let n = map.len();
            map.values_mut().nth(choice % n)
        }
        Value::Array(items) if descend && !items.is_empty() => {
            let n = items.len();
            items.get_mut(choice % n)
        }
        _ => None,
    };
    match child {
        Some(child) => damage(child, choice / 3, replacement),
        None => *doc = replacement,
    }
}

/// Runs every decoder on `body`; each must return, whatever the result.
fn decode_all(body: &str) {
    let folder = FolderId::parse("772").expect("a digit id");
    let _ = decode_token(body);
    let _ = decode_folder(body);
    let _ = decode_folder_listing(&folder, body);
    let _ = decode_parent_segments(body);
    let _ = decode_parent_segment(body);
    let _ = decode_attributes(body);
    let _ = decode_segments(body);
}

proptest! {
    #![proptest_config(ProptestConfig { cases: 512, ..ProptestConfig::default() })]

    #[test]
    fn arbitrary_json_never_panics(value in json()) {
        decode_all(&value.to_string());
    }

    #[test]
    fn damaged_real_documents_never_panic(choice in any::<usize>(), replacement in json()) {
        let mut doc = token_document();
        damage(&mut doc, choice, replacement);
        decode_all(&doc.to_string());
    }

    #[test]
    fn arbitrary_text_never_panics(body in any::<String>()) {
        decode_all(&body);
    }

    #[test]
    fn arbitrary_error_responses_never_panic(
        status in any::<u16>(), body in prop_oneof![any::<String>(), json().prop_map(|v| v.to_string())],
        retry_after in prop::option::of(any::<String>()), now in any::<u64>(),
    ) {
        let _ = error_from_response_at(status, &body, retry_after.as_deref(), now);
        if let Some(value) = &retry_after {
            let _ = parse_retry_after(value, now);
        }
    }
}

#[test]
fn an_undamaged_document_still_decodes() {
    // Guards the generator: if the base document stopped decoding, damage would prove nothing.
    let t = decode_token(&token_document().to_string()).expect("the base document decodes");
    assert_eq!(t.name, "web");
    assert_eq!(t.segments.len(), 1);
}
