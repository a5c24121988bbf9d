use super::super::decode::decode_token;
use super::super::models::{SegmentKind, TokenId};
use super::assert_decode_err;

/// A token with one visible batch segment, one realtime segment in a folder the user may not
/// view (summary without attributes), one funnel stage linked without a summary, users, and
/// extra fields.
const TOKEN: &str = r#"{
  "data": {"id": "90", "type": "token",
    "attributes": {"audienceId": "394649", "name": "web_personalization", "description": "Homepage banner",
      "token": "5e7a1c2e-2f7b-4c7e-9d0b-0a1b2c3d4e5f", "keyColumn": "td_client_id",
      "attributeColumns": ["gender", "age", "ltv"], "createdAt": "2024-01-01T00:00:00Z",
      "updatedAt": "2024-05-02T03:04:05Z", "v2": true},
    "relationships": {
      "segments": {"data": [{"id": "55", "type": "segment-batch"}, {"id": 56, "type": "segment-realtime"},
                            {"id": "601", "type": "segment-funnel-stage"}]},
      "parentFolder": {"data": {"id": "772", "type": "folder-segment"}},
      "createdBy": {"data": {"id": "15", "type": "user"}},
      "updatedBy": {"data": {"id": "16", "type": "user"}}}},
  "included": [
    {"id": "15", "type": "user", "attributes": {"tdUserId": "15", "name": "Ana"}},
    {"id": "55", "type": "segment-batch", "attributes": {"name": "Frequent buyers", "description": "3+ orders", "population": 1200},
     "relationships": {"parentFolder": {"data": {"id": "771", "type": "folder-segment"}}}},
    {"id": "56", "type": "segment-realtime", "relationships": {"parentFolder": {"data": {"id": "999", "type": "folder-segment"}}}},
    {"id": "55", "type": "segment-realtime", "attributes": {"name": "Same id, other type"}}
  ]
}"#;

#[test]
fn decodes_a_token_and_joins_included() {
    let t = decode_token(TOKEN).unwrap();
    assert_eq!(t.id, TokenId::parse("90").unwrap());
    assert_eq!(t.audience_id.as_ref().map(|a| a.as_str()), Some("394649"));
    assert_eq!(t.name, "web_personalization");
    assert_eq!(t.description, "Homepage banner");
    assert_eq!(t.uuid, "5e7a1c2e-2f7b-4c7e-9d0b-0a1b2c3d4e5f");
    assert_eq!(t.key_column, "td_client_id");
    assert_eq!(t.attribute_columns, ["gender", "age", "ltv"]);
    assert_eq!(t.parent_folder_id.as_ref().map(|f| f.as_str()), Some("772"));
    assert_eq!(t.updated_at.as_deref(), Some("2024-05-02T03:04:05Z"));
    assert_eq!(t.created_by.as_ref().map(|u| (u.id.as_str(), u.name.as_str())), Some(("15", "Ana")));
    assert_eq!(t.updated_by, None, "user 16 is not included");

    let [batch, realtime, stage] = t.segments.as_slice() else { panic!("3 segments expected") };
    assert_eq!((batch.id.as_str(), batch.kind), ("55", SegmentKind::Batch));
    assert_eq!(batch.name.as_deref(), Some("Frequent buyers"), "joined by id and type");
    assert_eq!((batch.description.as_deref(), batch.population), (Some("3+ orders"), Some(1200)));
    assert_eq!((realtime.id.as_str(), realtime.kind), ("56", SegmentKind::Realtime));
    assert_eq!(realtime.name, None, "no attributes: no access, but kept");
    assert_eq!(
        (stage.id.as_str(), stage.kind, stage.name.as_deref()),
        ("601", SegmentKind::FunnelStage, None)
    );
}

#[test]
fn optional_fields_may_be_missing() {
    let minimal = r#"{"data": {"id": "1", "type": "token", "attributes": {"name": "t"}}}"#;
    let t = decode_token(minimal).unwrap();
    assert_eq!((t.description.as_str(), t.uuid.as_str(), t.key_column.as_str()), ("", "", ""));
    assert!(t.attribute_columns.is_empty() && t.segments.is_empty());
    assert_eq!((t.audience_id, t.parent_folder_id, t.created_by), (None, None, None));
    // null attributeColumns, null segment data, numeric ids, null description.
    let nulls = r#"{"data": {"id": 2, "attributes": {"name": "t", "attributeColumns": null, "description": null, "audienceId": 7},
        "relationships": {"segments": {"data": null}, "parentFolder": {"data": null}}}, "included": null}"#;
    let t = decode_token(nulls).unwrap();
    assert_eq!((t.id.as_str(), t.audience_id.as_ref().map(|a| a.as_str())), ("2", Some("7")));
    assert!(t.segments.is_empty());
}

#[test]
fn segment_kind_comes_from_the_summary_when_the_link_has_none() {
    let body = r#"{"data": {"id": "1", "attributes": {"name": "t"}, "relationships": {"segments": {"data": [{"id": "8"}]}}},
        "included": [{"id": "8", "type": "segment-realtime", "attributes": {"name": "RT"}}]}"#;
    let s = &decode_token(body).unwrap().segments[0];
    assert_eq!((s.kind, s.name.as_deref()), (SegmentKind::Realtime, Some("RT")));
}

#[test]
fn refuses_broken_tokens() {
    assert_decode_err(decode_token(r#"{"data": {"attributes": {"name": "t"}}}"#), "no id");
    assert_decode_err(decode_token(r#"{"data": {"id": "0x1", "attributes": {"name": "t"}}}"#), "token id");
    assert_decode_err(decode_token(r#"{"data": {"id": "1"}}"#), "token 1: attributes missing");
    assert_decode_err(
        decode_token(r#"{"data": {"id": "1", "attributes": {"description": "d"}}}"#),
        "name missing",
    );
    let seg = |link: &str| {
        format!(
            r#"{{"data": {{"id": "1", "attributes": {{"name": "t"}}, "relationships": {{"segments": {{"data": [{link}]}}}}}}}}"#
        )
    };
    assert_decode_err(decode_token(&seg(r#"{"type": "segment-batch"}"#)), "segment link has no id");
    assert_decode_err(decode_token(&seg(r#"{"id": "x", "type": "segment-batch"}"#)), "segment id");
    assert_decode_err(
        decode_token(&seg(r#"{"id": "3", "type": "composable-segment"}"#)),
        "segment 3 has a type",
    );
    assert_decode_err(decode_token(&seg(r#"{"id": "3"}"#)), "segment 3 has a type");
    assert_decode_err(decode_token("Internal Server Error"), "not valid JSON");
    assert_decode_err(decode_token(r#"{"data": {"id": "1", "attributes": {"name": "t"#), "not valid JSON");
}

#[test]
fn hostile_strings_are_kept_verbatim() {
    let name = "<script>alert(1)</script> \u{202e}مرحبا 🎉 \"q\" \u{0}";
    let body = serde_json::json!({"data": {"id": "1", "attributes": {"name": name, "description": "x".repeat(10_000)}}});
    let t = decode_token(&body.to_string()).unwrap();
    assert_eq!(t.name, name);
    assert_eq!(t.description.len(), 10_000);
}
