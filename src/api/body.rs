//! Request bodies for token writes.

use super::models::{TokenId, TokenWrite};
use serde_json::{json, Value};

/// The bare JSON:API resource object for `POST /entities/tokens` (no `id`) or
/// `PATCH /entities/tokens/{id}` (with `id`). It is not wrapped in `{"data": ...}`: the published
/// schema and the live API take the bare object. Every field is sent, as the schema marks them
/// required: `attributeColumns` is `[]` for none, and segments without a name (no access) are
/// kept because they are in `w.segments` like any other.
pub fn token_write_body(w: &TokenWrite, id: Option<&TokenId>) -> Value {
    let segments: Vec<Value> =
        w.segments.iter().map(|(sid, kind)| json!({ "id": sid.as_str(), "type": kind.api_type() })).collect();
    let mut resource = json!({
        "type": "token",
        "attributes": {
            "name": w.name,
            "description": w.description,
            "keyColumn": w.key_column,
            "attributeColumns": w.attribute_columns,
        },
        "relationships": {
            "parentFolder": { "data": { "id": w.parent_folder_id.as_str(), "type": "folder-segment" } },
            "segments": { "data": segments },
        },
    });
    if let (Some(id), Some(obj)) = (id, resource.as_object_mut()) {
        obj.insert("id".to_owned(), Value::String(id.as_str().to_owned()));
    }
    resource
}
