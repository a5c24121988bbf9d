//! `GET /entities/parent_segments` and `GET /entities/parent_segments/{id}`.

use super::super::error::ApiError;
use super::super::jsonapi::{decode_err, parse_body, parse_id, parse_opt_id, Document, Resource};
use super::super::models::{FolderId, ParentSegment, ParentSegmentId};
use super::within;
use serde_json::Value;

/// Decodes the list. The schema says an array of documents (`[{data: {...}}, ...]`); a plain
/// JSON:API collection (`{data: [...]}`) and a bare array of resources are accepted too.
pub fn decode_parent_segments(body: &str) -> Result<Vec<ParentSegment>, ApiError> {
    let items = match parse_body::<Value>(body)? {
        Value::Array(items) => items,
        Value::Object(mut doc) => match doc.remove("data") {
            Some(Value::Array(items)) => items,
            _ => return Err(decode_err("expected a list of parent segments")),
        },
        _ => return Err(decode_err("expected a list of parent segments")),
    };
    items
        .into_iter()
        .enumerate()
        .map(|(i, item)| {
            // Each entry is either a document `{data: resource}` or the resource itself.
            let item = match item {
                Value::Object(mut o) if o.get("data").is_some_and(Value::is_object) => {
                    o.remove("data").unwrap_or_default()
                }
                other => other,
            };
            let resource = Resource::from_value(&item)
                .ok_or_else(|| decode_err(format!("parent segment #{} is not an object", i + 1)))?;
            parent_segment_from(&resource)
        })
        .collect()
}

/// Decodes one `{data: ParentSegmentJsonApiResource}` document.
pub fn decode_parent_segment(body: &str) -> Result<ParentSegment, ApiError> {
    let doc: Document<Resource> = parse_body(body)?;
    parent_segment_from(&doc.data)
}

fn parent_segment_from(r: &Resource) -> Result<ParentSegment, ApiError> {
    // The `type` is not checked: sources disagree (`parentSegment`, `parent-segment`).
    let id = parse_id(r.require_raw_id("parent segment")?, "parent segment id", ParentSegmentId::parse)?;
    let inner = || -> Result<ParentSegment, ApiError> {
        let a = r.attributes.as_ref().ok_or_else(|| decode_err("attributes missing"))?;
        let root = r.relationships.parent_segment_folder.as_ref().and_then(|l| l.id());
        Ok(ParentSegment {
            id: id.clone(),
            name: a.name.clone().ok_or_else(|| decode_err("name missing"))?,
            description: a.description.clone().unwrap_or_default(),
            population: a.population,
            updated_at: a.updated_at.clone(),
            root_folder_id: parse_opt_id(root, "parentSegmentFolder id", FolderId::parse)?,
        })
    };
    inner().map_err(within(format!("parent segment {id}")))
}
