//! The legacy REST routes the pickers use: `/audiences/{id}/attributes` and `/segments`.

use super::super::error::ApiError;
use super::super::jsonapi::{decode_err, parse_body, parse_id, parse_opt_id};
use super::super::lenient;
use super::super::models::{AttributeColumn, FolderId, SegmentId, SegmentKind, SegmentSummary};
use super::within;
use serde::Deserialize;

#[derive(Default, Deserialize)]
#[serde(default, rename_all = "camelCase")]
struct WireAttribute {
    #[serde(deserialize_with = "lenient::opt_string")]
    name: Option<String>,
    #[serde(rename = "type", deserialize_with = "lenient::opt_string")]
    column_type: Option<String>,
    #[serde(deserialize_with = "lenient::opt_id")]
    audience_id: Option<String>,
    #[serde(deserialize_with = "lenient::opt_string")]
    foreign_key: Option<String>,
    #[serde(deserialize_with = "lenient::opt_string")]
    visibility: Option<String>,
}

#[derive(Default, Deserialize)]
#[serde(default, rename_all = "camelCase")]
struct WireSegment {
    #[serde(deserialize_with = "lenient::opt_id")]
    id: Option<String>,
    #[serde(deserialize_with = "lenient::opt_string")]
    name: Option<String>,
    /// Kept raw so that an unreadable kind is told apart from an absent one.
    #[serde(deserialize_with = "lenient::opt")]
    kind: Option<serde_json::Value>,
    /// Deprecated predecessor of `kind`, read only when `kind` is absent.
    #[serde(deserialize_with = "lenient::opt_bool")]
    realtime: Option<bool>,
    #[serde(deserialize_with = "lenient::opt_u64")]
    population: Option<u64>,
    #[serde(deserialize_with = "lenient::opt_id")]
    segment_folder_id: Option<String>,
}

/// Decodes the attribute columns. Master-table columns (usable as Lookup Key) are the entries
/// without `audienceId` and `foreignKey`; `visibility: "blocked"` marks hidden columns.
pub fn decode_attributes(body: &str) -> Result<Vec<AttributeColumn>, ApiError> {
    let items: Vec<serde_json::Value> = parse_body(body)?;
    items
        .into_iter()
        .enumerate()
        .map(|(i, v)| {
            let w: WireAttribute = serde_json::from_value(v)
                .map_err(|_| decode_err(format!("attribute #{} is not an object", i + 1)))?;
            Ok(AttributeColumn {
                name: w.name.ok_or_else(|| decode_err(format!("attribute #{}: name missing", i + 1)))?,
                column_type: w.column_type.unwrap_or_default(),
                is_master: w.audience_id.is_none() && w.foreign_key.is_none(),
                blocked: w.visibility.as_deref() == Some("blocked"),
            })
        })
        .collect()
}

/// Decodes the segments of a parent segment (`kind` 0 batch, 1 realtime, 2 funnel stage).
/// Segments of any other kind cannot be attached to a token, so the picker never sees them.
pub fn decode_segments(body: &str) -> Result<Vec<SegmentSummary>, ApiError> {
    let items: Vec<serde_json::Value> = parse_body(body)?;
    let mut out = Vec::with_capacity(items.len());
    for (i, v) in items.into_iter().enumerate() {
        let w: WireSegment = serde_json::from_value(v)
            .map_err(|_| decode_err(format!("segment #{} is not an object", i + 1)))?;
        let raw = w.id.as_deref().ok_or_else(|| decode_err(format!("segment #{}: id missing", i + 1)))?;
        let id = parse_id(raw, "segment id", SegmentId::parse)?;
        let kind = match (&w.kind, w.realtime) {
            (Some(k), _) => lenient::value_to_u64(k)
                .and_then(|k| i64::try_from(k).ok())
                .and_then(SegmentKind::from_legacy),
            (None, Some(true)) => Some(SegmentKind::Realtime),
            (None, _) => Some(SegmentKind::Batch),
        };
        let Some(kind) = kind else { continue };
        let inner = || -> Result<SegmentSummary, ApiError> {
            Ok(SegmentSummary {
                name: w.name.clone().ok_or_else(|| decode_err("name missing"))?,
                kind,
                population: w.population,
                folder_id: parse_opt_id(w.segment_folder_id.as_deref(), "segmentFolderId", FolderId::parse)?,
                id: id.clone(),
            })
        };
        out.push(inner().map_err(within(format!("segment {id}")))?);
    }
    Ok(out)
}
