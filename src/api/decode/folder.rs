//! `GET /entities/folders/{id}` and `GET /entities/by-folder/{id}?depth=1`.

use super::super::error::ApiError;
use super::super::jsonapi::{
    decode_err, parse_body, parse_id, parse_opt_id, Attributes, Collection, Document, Identifier, Resource,
    Shape,
};
use super::super::models::{
    Entity, EntityKind, Folder, FolderId, FolderListing, FolderPermissions, ParentSegmentId,
};
use super::within;

const FOLDER_TYPE: &str = "folder-segment";

/// Decodes `{data: FolderJsonApiResource, included: [users]}`.
pub fn decode_folder(body: &str) -> Result<Folder, ApiError> {
    let doc: Document<Resource> = parse_body(body)?;
    folder_from(&doc.data)
}

/// Decodes a by-folder answer for `folder_id`: the folder itself (when present) and its direct
/// children, rebuilt from each item's `relationships.parentFolder`. Items without that link
/// count as children when the folder's own `relationships.children` lists them.
pub fn decode_folder_listing(folder_id: &FolderId, body: &str) -> Result<FolderListing, ApiError> {
    let doc: Document<Collection> = parse_body(body)?;
    // Only the folder itself, unwrapped (`Shape::Single`): tolerated rather than refused.
    if doc.data.shape == Shape::Neither {
        return Err(decode_err("by-folder: `data` is not a list"));
    }
    let resources = (doc.data.items.into_iter().enumerate())
        .map(|(i, r)| r.ok_or_else(|| decode_err(format!("by-folder: item #{} is not an object", i + 1))))
        .collect::<Result<Vec<_>, _>>()?;

    let wanted = folder_id.as_str();
    let is_self = |r: &Resource| r.kind() == FOLDER_TYPE && r.id.as_deref() == Some(wanted);
    let this = resources.iter().find(|r| is_self(r));
    let listed: &[Identifier] =
        this.and_then(|r| r.relationships.children.as_ref()).map_or(&[], |c| c.data.as_slice());
    let is_listed =
        |r: &Resource| listed.iter().any(|l| l.id == r.id && l.kind.as_deref().is_none_or(|k| k == r.kind()));

    let children = resources
        .iter()
        .filter(|r| !is_self(r))
        .filter(|r| match r.parent_folder_raw() {
            Some(parent) => parent == wanted,
            None => is_listed(r),
        })
        .map(entity_from)
        .collect::<Result<Vec<_>, _>>()?;
    Ok(FolderListing { folder: this.map(folder_from).transpose()?, children })
}

/// Decodes a deep by-folder answer into the tokens it lists, wherever they sit. Items that are
/// not tokens are skipped without being decoded, and so is a token that does not decode: the
/// list feeds advisory checks (a name already in use), and the server has the last word.
pub fn decode_tokens_in_tree(body: &str) -> Result<Vec<Entity>, ApiError> {
    let doc: Document<Collection> = parse_body(body)?;
    if doc.data.shape != Shape::List {
        return Err(decode_err("by-folder: `data` is not a list"));
    }
    Ok((doc.data.items)
        .into_iter()
        .flatten()
        .filter(|r| r.kind() == "token")
        .filter_map(|r| entity_from(&r).ok())
        .collect())
}

fn folder_from(r: &Resource) -> Result<Folder, ApiError> {
    let id = parse_id(r.require_raw_id("folder")?, "folder id", FolderId::parse)?;
    let inner = || -> Result<Folder, ApiError> {
        let a = r.attributes.as_ref().ok_or_else(|| decode_err("attributes missing"))?;
        let audience = a.audience_id.as_deref().ok_or_else(|| decode_err("audienceId missing"))?;
        Ok(Folder {
            id: id.clone(),
            audience_id: parse_id(audience, "audienceId", ParentSegmentId::parse)?,
            name: a.name.clone().ok_or_else(|| decode_err("name missing"))?,
            description: non_empty(a.description.as_deref()),
            parent_id: parse_opt_id(r.parent_folder_raw(), "parentFolder id", FolderId::parse)?,
            permissions: permissions(Some(a)),
            created_at: a.created_at.clone(),
            updated_at: a.updated_at.clone(),
        })
    };
    inner().map_err(within(format!("folder {id}")))
}

/// One entry of a listing. Names are required for the kinds the app works with; other kinds
/// (journeys, ML solutions, ...) are shown as they come.
fn entity_from(r: &Resource) -> Result<Entity, ApiError> {
    let kind_raw =
        r.kind.as_deref().filter(|k| !k.is_empty()).ok_or_else(|| decode_err("an item has no type"))?;
    // Same digit rule as every typed id, kept as text because ids are unique only per type.
    let id = parse_id(r.require_raw_id(kind_raw)?, "id", FolderId::parse)?.as_str().to_owned();
    let kind = EntityKind::from_api_type(kind_raw);
    let inner = || -> Result<Entity, ApiError> {
        let a = r.attributes.as_ref();
        let name = match (a.and_then(|a| a.name.clone()), &kind) {
            (Some(name), _) => name,
            (None, EntityKind::Other(_)) => String::new(),
            (None, _) => return Err(decode_err("name missing")),
        };
        let parent_folder_id = parse_opt_id(r.parent_folder_raw(), "parentFolder id", FolderId::parse)?;
        let nested = match (kind_raw, a) {
            ("funnel", Some(a)) => funnel_stages(a, parent_folder_id.as_ref()),
            _ => Vec::new(),
        };
        Ok(Entity {
            id: id.clone(),
            permissions: (kind == EntityKind::Folder).then(|| permissions(a)),
            kind: kind.clone(),
            name,
            description: non_empty(a.and_then(|a| a.description.as_deref())),
            population: a.and_then(|a| a.population),
            parent_folder_id,
            nested,
        })
    };
    inner().map_err(within(format!("{kind_raw} {id}")))
}

/// A funnel's stages as nested funnel-stage segments. A stage is referenced by its
/// `segmentId` (falling back to its own `id`); stages with neither cannot be attached to a
/// token and are left out.
fn funnel_stages(a: &Attributes, parent: Option<&FolderId>) -> Vec<Entity> {
    a.stages
        .iter()
        .filter_map(|s| {
            let raw = s.segment_id.as_deref().or(s.id.as_deref())?;
            let id = FolderId::parse(raw)?.as_str().to_owned();
            Some(Entity {
                name: s.name.clone().unwrap_or_default(),
                id,
                kind: EntityKind::SegmentFunnelStage,
                description: None,
                population: s.population,
                parent_folder_id: parent.cloned(),
                permissions: None,
                nested: Vec::new(),
            })
        })
        .collect()
}

/// `permissions`, each flag `false` unless granted. When the object is missing altogether, the
/// folder could be read (so `view`), and editing is assumed denied: the server decides anyway,
/// and offering an edit that fails is worse than hiding it.
fn permissions(a: Option<&Attributes>) -> FolderPermissions {
    match a.and_then(|a| a.permissions.as_ref()) {
        Some(p) => FolderPermissions { view: p.view.unwrap_or(false), edit: p.edit.unwrap_or(false) },
        None => FolderPermissions { view: true, edit: false },
    }
}

fn non_empty(s: Option<&str>) -> Option<String> {
    s.filter(|s| !s.trim().is_empty()).map(str::to_owned)
}
