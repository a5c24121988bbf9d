use super::super::decode::{decode_parent_segment, decode_parent_segments};
use super::super::models::{FolderId, ParentSegmentId};
use super::assert_decode_err;

/// The schema's shape: an array of documents, with extra fields the app ignores.
const LIST: &str = r#"[
  {"data": {"id": "394649", "type": "parentSegment",
    "attributes": {"name": "Customers (web)", "description": "All web visitors", "matrixUpdatedAt": null,
      "population": 1234567, "scheduleType": "daily", "timezone": "UTC",
      "createdAt": "2023-01-05T10:00:00.000Z", "updatedAt": "2024-06-01T08:30:00.000Z", "v4Id": 394649,
      "customerGroup": null, "somethingNew": {"x": 1}},
    "relationships": {"parentSegmentFolder": {"data": {"id": "771", "type": "folder-segment"}}}}},
  {"data": {"id": 394650, "type": "parent-segment",
    "attributes": {"name": "Loyalty", "description": null, "population": null},
    "relationships": {}}}
]"#;

#[test]
fn decodes_an_array_of_documents() {
    let list = decode_parent_segments(LIST).unwrap();
    assert_eq!(list.len(), 2);
    let web = &list[0];
    assert_eq!(web.id, ParentSegmentId::parse("394649").unwrap());
    assert_eq!(web.name, "Customers (web)");
    assert_eq!(web.description, "All web visitors");
    assert_eq!(web.population, Some(1_234_567));
    assert_eq!(web.updated_at.as_deref(), Some("2024-06-01T08:30:00.000Z"));
    assert_eq!(web.root_folder_id, FolderId::parse("771"));
    // Numeric id, other `type` spelling, null description and population, no folder link.
    let loyalty = &list[1];
    assert_eq!(loyalty.id.as_str(), "394650");
    assert_eq!(loyalty.description, "");
    assert_eq!(loyalty.population, None);
    assert_eq!(loyalty.root_folder_id, None);
}

#[test]
fn accepts_a_collection_document_and_bare_resources() {
    let collection = r#"{"data": [{"id": "1", "type": "parentSegment", "attributes": {"name": "A"}}]}"#;
    assert_eq!(decode_parent_segments(collection).unwrap()[0].name, "A");
    let bare = r#"[{"id": "2", "type": "parentSegment", "attributes": {"name": "B", "population": 12.0}}]"#;
    let b = &decode_parent_segments(bare).unwrap()[0];
    assert_eq!((b.name.as_str(), b.population), ("B", Some(12)));
    assert!(decode_parent_segments("[]").unwrap().is_empty());
}

#[test]
fn decodes_one_document() {
    let one = r#"{"data": {"id": "5", "type": "parentSegment", "attributes": {"name": "One", "population": "42"},
        "relationships": {"parentSegmentFolder": {"data": {"id": 9, "type": "folder-segment"}}}}, "included": []}"#;
    let ps = decode_parent_segment(one).unwrap();
    assert_eq!((ps.name.as_str(), ps.population), ("One", Some(42)));
    assert_eq!(ps.root_folder_id, FolderId::parse("9"));
}

#[test]
fn refuses_missing_or_invalid_required_fields() {
    assert_decode_err(
        decode_parent_segments(r#"[{"data": {"type": "parentSegment", "attributes": {"name": "x"}}}]"#),
        "no id",
    );
    assert_decode_err(
        decode_parent_segments(r#"[{"data": {"id": "abc", "attributes": {"name": "x"}}}]"#),
        "\"abc\"",
    );
    assert_decode_err(
        decode_parent_segments(r#"[{"data": {"id": "7", "attributes": {}}}]"#),
        "parent segment 7: name missing",
    );
    assert_decode_err(decode_parent_segments(r#"[{"data": {"id": "7"}}]"#), "attributes missing");
    assert_decode_err(
        decode_parent_segments(
            r#"[{"data": {"id": "7", "attributes": {"name": "x"}, "relationships": {"parentSegmentFolder": {"data": {"id": "-1"}}}}}]"#,
        ),
        "parentSegmentFolder id",
    );
    assert_decode_err(decode_parent_segments(r#"{"data": {"id": "7"}}"#), "expected a list");
    assert_decode_err(decode_parent_segments("[1]"), "#1 is not an object");
}

#[test]
fn refuses_non_json_without_panicking() {
    for body in
        ["", "   ", "<html><body>502 Bad Gateway</body></html>", "[{\"data\": {\"id\": \"1\"", "null", "42"]
    {
        assert!(decode_parent_segments(body).is_err(), "{body:?}");
        assert!(decode_parent_segment(body).is_err(), "{body:?}");
    }
    assert_decode_err(decode_parent_segments("<html>"), "not valid JSON");
    assert_decode_err(decode_parent_segments(""), "empty");
}
