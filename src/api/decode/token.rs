//! `GET|POST|PATCH|DELETE /entities/tokens[/{id}]`: `{data: TokenJsonApiResource, included}`.

use super::super::error::ApiError;
use super::super::jsonapi::{
    decode_err, parse_body, parse_id, parse_opt_id, Document, Identifier, Resource, ToOne,
};
use super::super::models::{
    FolderId, ParentSegmentId, SegmentId, SegmentKind, SegmentRef, Token, TokenId, User, UserId,
};
use super::within;

/// Decodes a token document, joining the `included` users and segment summaries.
/// A summary without attributes (the user may not view its folder) gives a `SegmentRef` with
/// `name: None`, which the editor keeps so that saving does not drop it.
pub fn decode_token(body: &str) -> Result<Token, ApiError> {
    let doc: Document<Resource> = parse_body(body)?;
    let r = &doc.data;
    let id = parse_id(r.require_raw_id("token")?, "token id", TokenId::parse)?;
    let inner = || -> Result<Token, ApiError> {
        let a = r.attributes.as_ref().ok_or_else(|| decode_err("attributes missing"))?;
        let rel = &r.relationships;
        let links = rel.segments.as_ref().map_or(&[][..], |s| s.data.as_slice());
        Ok(Token {
            id: id.clone(),
            audience_id: parse_opt_id(a.audience_id.as_deref(), "audienceId", ParentSegmentId::parse)?,
            name: a.name.clone().ok_or_else(|| decode_err("name missing"))?,
            description: a.description.clone().unwrap_or_default(),
            uuid: a.token.clone().unwrap_or_default(),
            key_column: a.key_column.clone().unwrap_or_default(),
            attribute_columns: a.attribute_columns.clone().unwrap_or_default(),
            segments: links.iter().map(|l| segment_ref(l, &doc.included)).collect::<Result<_, _>>()?,
            parent_folder_id: parse_opt_id(r.parent_folder_raw(), "parentFolder id", FolderId::parse)?,
            created_at: a.created_at.clone(),
            updated_at: a.updated_at.clone(),
            created_by: user(rel.created_by.as_ref(), &doc.included),
            updated_by: user(rel.updated_by.as_ref(), &doc.included),
        })
    };
    inner().map_err(within(format!("token {id}")))
}

/// One `relationships.segments` entry, with its summary from `included` when there is one.
fn segment_ref(link: &Identifier, included: &[Resource]) -> Result<SegmentRef, ApiError> {
    let raw = link.id.as_deref().ok_or_else(|| decode_err("a segment link has no id"))?;
    let id = parse_id(raw, "segment id", SegmentId::parse)?;
    let is_summary =
        |r: &&Resource| r.id.as_deref() == Some(raw) && SegmentKind::from_api_type(r.kind()).is_some();
    // Prefer the summary of the same type; ids are unique per type only.
    let summary = included
        .iter()
        .filter(is_summary)
        .find(|r| link.kind.as_deref().is_none_or(|k| k == r.kind()))
        .or_else(|| included.iter().find(is_summary));
    let kind_raw = link.kind.as_deref().or(summary.map(Resource::kind)).unwrap_or("");
    let kind = SegmentKind::from_api_type(kind_raw).ok_or_else(|| {
        // Refused rather than skipped: dropping it here would silently remove it on the next save.
        decode_err(format!("segment {id} has a type a token cannot reference ({kind_raw:?})"))
    })?;
    let attrs = summary.and_then(|s| s.attributes.as_ref());
    Ok(SegmentRef {
        id,
        kind,
        name: attrs.and_then(|a| a.name.clone()),
        description: attrs.and_then(|a| a.description.clone()),
        population: attrs.and_then(|a| a.population),
    })
}

/// The included user a `createdBy`/`updatedBy` link points at; `None` when not included.
fn user(link: Option<&ToOne>, included: &[Resource]) -> Option<User> {
    let raw = link?.id()?;
    let r = included.iter().find(|r| r.kind() == "user" && r.id.as_deref() == Some(raw))?;
    Some(User { id: UserId::parse(raw)?, name: r.attributes.as_ref()?.name.clone()? })
}
