//! What decoding a large folder listing costs in memory at its peak, with the counting
//! allocator of the native tests. The wasm memory never shrinks, so a decode's peak is what
//! the app holds for the rest of the visit.

use super::super::decode::decode_folder_listing;
use crate::api::FolderId;
use crate::test_support::heap;
use serde_json::json;

/// A by-folder answer of `n` entries under folder 2, shaped like the simulator's: segments with
/// a rule the app never reads, tokens with their attributes and segments.
fn listing(n: usize) -> String {
    let data: Vec<_> = (1..=n)
        .map(|i| {
            let links = json!({
                "parentFolder": {"data": {"id": "2", "type": "folder-segment"}},
                "createdBy": {"data": {"id": "1", "type": "user"}},
                "segments": {"data": [{"id": "1", "type": "segment-batch"}]},
            });
            let attributes = if i % 4 == 0 {
                json!({"name": format!("Token_{i}"), "audienceId": "1", "keyColumn": "td_client_id",
                       "attributeColumns": ["age_band"], "token": "2fbca587-f359-4f89-8aae-48fe74412fc8",
                       "createdAt": "2023-08-02T01:19:20Z", "updatedAt": "2023-08-02T01:19:20Z"})
            } else {
                json!({"name": format!("Lapsed 90d VIP {i}"), "audienceId": "1", "population": 780155,
                       "rule": {"type": "And", "conditions": [{"type": "Value", "exclude": false,
                                "leftValue": {"name": "td_client_id"},
                                "operator": {"not": true, "rightValue": "", "type": "IsNull"}}]},
                       "createdAt": "2023-03-31T02:06:46Z", "updatedAt": "2023-03-31T02:06:46Z"})
            };
            let kind = if i % 4 == 0 { "token" } else { "segment-batch" };
            json!({"id": i.to_string(), "type": kind, "attributes": attributes, "relationships": links})
        })
        .collect();
    json!({ "data": data }).to_string()
}

#[test]
fn a_large_listing_is_decoded_entry_by_entry() {
    let body = listing(5_000);
    let folder = FolderId::parse("2").expect("a digit id");
    let (listing, peak, kept) = heap::measure(|| decode_folder_listing(&folder, &body));
    assert_eq!(listing.expect("decodes").children.len(), 5_000);
    // Read whole into a `Value` first, this listing took 16 times its body at the peak; read
    // entry by entry, what is left is its resources and the entries made of them (3.2 times).
    assert!(peak < 4 * body.len(), "peak {peak} B for a body of {} B (kept {kept} B)", body.len());
}
