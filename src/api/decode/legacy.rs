//! The legacy REST routes the pickers use: `/audiences/{id}/attributes` and `/segments`.

use super::super::error::ApiError;
use super::super::jsonapi::{decode_err, parse_body, parse_id, parse_opt_id};
use super::super::lenient::{member, value_to_bool, value_to_id, value_to_string, value_to_u64};
use super::super::models::{AttributeColumn, FolderId, SegmentId, SegmentKind, SegmentSummary};
use super::within;

/// Decodes the attribute columns. Master-table columns (usable as Lookup Key) are the entries
/// without `audienceId` and `foreignKey`; `visibility: "blocked"` marks hidden columns.
pub fn decode_attributes(body: &str) -> Result<Vec<AttributeColumn>, ApiError> {
    let items: Vec<serde_json::Value> = parse_body(body)?;
    items
        .into_iter()
        .enumerate()
        .map(|(i, v)| {
            let o =
                v.as_object().ok_or_else(|| decode_err(format!("attribute #{} is not an object", i + 1)))?;
            let text = |key| value_to_string(member(o, key));
            Ok(AttributeColumn {
                name: text("name")
                    .ok_or_else(|| decode_err(format!("attribute #{}: name missing", i + 1)))?,
                column_type: text("type").unwrap_or_default(),
                is_master: value_to_id(member(o, "audienceId")).is_none() && text("foreignKey").is_none(),
                blocked: text("visibility").as_deref() == Some("blocked"),
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
        let o = v.as_object().ok_or_else(|| decode_err(format!("segment #{} is not an object", i + 1)))?;
        let raw = value_to_id(member(o, "id"));
        let raw = raw.as_deref().ok_or_else(|| decode_err(format!("segment #{}: id missing", i + 1)))?;
        let id = parse_id(raw, "segment id", SegmentId::parse)?;
        // `kind` is told apart when present but unreadable (left out) from absent: then the
        // deprecated `realtime` flag decides.
        let kind = match (o.get("kind"), value_to_bool(member(o, "realtime"))) {
            (Some(k), _) => {
                value_to_u64(k).and_then(|k| i64::try_from(k).ok()).and_then(SegmentKind::from_legacy)
            }
            (None, Some(true)) => Some(SegmentKind::Realtime),
            (None, _) => Some(SegmentKind::Batch),
        };
        let Some(kind) = kind else { continue };
        let inner = || -> Result<SegmentSummary, ApiError> {
            Ok(SegmentSummary {
                name: value_to_string(member(o, "name")).ok_or_else(|| decode_err("name missing"))?,
                kind,
                population: value_to_u64(member(o, "population")),
                folder_id: parse_opt_id(
                    value_to_id(member(o, "segmentFolderId")).as_deref(),
                    "segmentFolderId",
                    FolderId::parse,
                )?,
                id: id.clone(),
            })
        };
        out.push(inner().map_err(within(format!("segment {id}")))?);
    }
    Ok(out)
}
