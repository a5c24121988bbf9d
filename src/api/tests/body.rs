use super::super::body::token_write_body;
use super::super::models::{FolderId, SegmentId, SegmentKind, TokenId, TokenWrite};
use serde_json::json;

fn write() -> TokenWrite {
    TokenWrite {
        name: "web_personalization".into(),
        description: "Homepage banner".into(),
        key_column: "td_client_id".into(),
        attribute_columns: vec!["gender".into(), "age".into()],
        parent_folder_id: FolderId::parse("772").unwrap(),
        segments: vec![
            (SegmentId::parse("55").unwrap(), SegmentKind::Batch),
            (SegmentId::parse("56").unwrap(), SegmentKind::Realtime),
            (SegmentId::parse("601").unwrap(), SegmentKind::FunnelStage),
        ],
    }
}

#[test]
fn create_body_is_the_bare_resource_without_id() {
    assert_eq!(
        token_write_body(&write(), None),
        json!({
            "type": "token",
            "attributes": {
                "name": "web_personalization",
                "description": "Homepage banner",
                "keyColumn": "td_client_id",
                "attributeColumns": ["gender", "age"]
            },
            "relationships": {
                "parentFolder": {"data": {"id": "772", "type": "folder-segment"}},
                "segments": {"data": [
                    {"id": "55", "type": "segment-batch"},
                    {"id": "56", "type": "segment-realtime"},
                    {"id": "601", "type": "segment-funnel-stage"}
                ]}
            }
        })
    );
}

#[test]
fn update_body_carries_the_id_and_empty_lists_stay_arrays() {
    let w = TokenWrite { attribute_columns: vec![], segments: vec![], key_column: String::new(), ..write() };
    let body = token_write_body(&w, Some(&TokenId::parse("90").unwrap()));
    assert_eq!(body["id"], json!("90"));
    assert_eq!(body["type"], json!("token"));
    assert!(body.get("data").is_none(), "no {{data: ...}} wrapper");
    assert_eq!(body["attributes"]["attributeColumns"], json!([]));
    assert_eq!(body["attributes"]["keyColumn"], json!(""));
    assert_eq!(body["relationships"]["segments"]["data"], json!([]));
    assert_eq!(body["relationships"]["parentFolder"]["data"]["id"], json!("772"));
}

#[test]
fn hostile_text_is_escaped_by_json_not_mangled() {
    let w =
        TokenWrite { name: "a\"b\\c\u{0}</script>".into(), description: "🎉\u{202e}".into(), ..write() };
    let text = token_write_body(&w, None).to_string();
    let back: serde_json::Value = serde_json::from_str(&text).unwrap();
    assert_eq!(back["attributes"]["name"], json!("a\"b\\c\u{0}</script>"));
    assert_eq!(back["attributes"]["description"], json!("🎉\u{202e}"));
}
