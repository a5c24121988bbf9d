use super::super::decode::{decode_attributes, decode_segments};
use super::super::models::{FolderId, SegmentKind};
use super::assert_decode_err;

/// Master-table columns (no `audienceId`/`foreignKey`) and attribute columns, one blocked,
/// one enriched (null keys), plus extra fields.
const ATTRIBUTES: &str = r#"[
  {"name": "td_client_id", "type": "string", "parentColumn": "td_client_id"},
  {"name": "email", "type": "string", "parentDatabaseName": "cdp", "parentTableName": "customers", "parentColumn": "email"},
  {"audienceId": "394649", "id": "11", "name": "gender", "type": "string", "parentDatabaseName": "cdp",
   "parentTableName": "profiles", "parentColumn": "sex", "parentKey": "id", "foreignKey": "td_client_id",
   "matrixColumnName": "gender", "visibility": "clear", "groupingName": null},
  {"audienceId": 394649, "id": null, "name": "ltv_score", "type": "number", "parentKey": null, "foreignKey": null},
  {"audienceId": "394649", "id": "12", "name": "ssn", "type": "string", "foreignKey": "td_client_id", "visibility": "blocked"}
]"#;

#[test]
fn splits_master_columns_and_marks_blocked() {
    let cols = decode_attributes(ATTRIBUTES).unwrap();
    let summary: Vec<(&str, &str, bool, bool)> =
        cols.iter().map(|c| (c.name.as_str(), c.column_type.as_str(), c.is_master, c.blocked)).collect();
    assert_eq!(
        summary,
        [
            ("td_client_id", "string", true, false),
            ("email", "string", true, false),
            ("gender", "string", false, false),
            ("ltv_score", "number", false, false),
            ("ssn", "string", false, true),
        ]
    );
}

#[test]
fn attributes_refuse_missing_names_and_bad_shapes() {
    assert_decode_err(decode_attributes(r#"[{"type": "string"}]"#), "attribute #1: name missing");
    assert_decode_err(decode_attributes(r#"[{"name": "a"}, 5]"#), "attribute #2 is not an object");
    assert_decode_err(decode_attributes(r#"{"name": "a"}"#), "unexpected shape");
    assert_decode_err(decode_attributes("<html></html>"), "not valid JSON");
    assert!(decode_attributes("[]").unwrap().is_empty());
    let no_type = &decode_attributes(r#"[{"name": "a"}]"#).unwrap()[0];
    assert_eq!((no_type.column_type.as_str(), no_type.is_master), ("", true));
}

const SEGMENTS: &str = r#"[
  {"audienceId": "394649", "id": "55", "name": "Frequent buyers", "realtime": false, "kind": 0, "description": null,
   "segmentFolderId": "771", "population": 1200, "createdAt": "2024-01-01T00:00:00Z", "rule": {"type": "And"}},
  {"audienceId": "394649", "id": 56, "name": "On site now", "kind": 1, "segmentFolderId": 771, "population": null},
  {"id": "601", "name": "Checkout: Viewed", "kind": 2},
  {"id": "700", "name": "Future kind", "kind": 9},
  {"id": "701", "name": "Old realtime", "realtime": true},
  {"id": "702", "name": "Old batch"}
]"#;

#[test]
fn decodes_segments_with_legacy_kinds_and_numeric_ids() {
    let segs = decode_segments(SEGMENTS).unwrap();
    let summary: Vec<(&str, SegmentKind)> = segs.iter().map(|s| (s.id.as_str(), s.kind)).collect();
    assert_eq!(
        summary,
        [
            ("55", SegmentKind::Batch),
            ("56", SegmentKind::Realtime),
            ("601", SegmentKind::FunnelStage),
            ("701", SegmentKind::Realtime),
            ("702", SegmentKind::Batch),
        ],
        "kind 9 cannot be attached to a token and is left out"
    );
    assert_eq!((segs[0].name.as_str(), segs[0].population), ("Frequent buyers", Some(1200)));
    assert_eq!(segs[0].folder_id, FolderId::parse("771"));
    assert_eq!(segs[1].folder_id, FolderId::parse("771"));
    assert_eq!((segs[1].population, segs[2].folder_id.clone()), (None, None));
}

#[test]
fn segments_refuse_missing_or_invalid_fields() {
    assert_decode_err(decode_segments(r#"[{"name": "x", "kind": 0}]"#), "segment #1: id missing");
    assert_decode_err(decode_segments(r#"[{"id": "1.5", "name": "x"}]"#), "segment id");
    assert_decode_err(decode_segments(r#"[{"id": "3", "kind": 0}]"#), "segment 3: name missing");
    assert_decode_err(
        decode_segments(r#"[{"id": "3", "name": "x", "segmentFolderId": "abc"}]"#),
        "segmentFolderId",
    );
    assert_decode_err(decode_segments(r#"[null]"#), "segment #1 is not an object");
    assert_decode_err(decode_segments(""), "empty");
    // An unreadable kind is not guessed.
    assert!(decode_segments(r#"[{"id": "3", "name": "x", "kind": "batch"}]"#).unwrap().is_empty());
    assert_eq!(
        decode_segments(r#"[{"id": "3", "name": "x", "kind": "1"}]"#).unwrap()[0].kind,
        SegmentKind::Realtime
    );
}
