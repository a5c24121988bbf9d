//! Token CRUD (JSON:API). Checks run in the order a server would: the record (404), who may
//! act (403), the body's shape (400 bad-parameter), the target folder (400), moving across
//! parent segments (422), then the fields (400 validation, all at once).
//!
//! 400 vs 422: a body that is wrong on its own terms (a blank name, an unknown folder or
//! segment, a segment of another parent segment) is a 400 with a pointer to the field.
//! A well-formed PATCH asking for a move the data model forbids (into a folder of another
//! parent segment, where its columns and segments mean nothing) is 422 CANNOT_MOVE.

use super::entities::num;
use super::{json_body, ok_no_store, Reply};
use crate::errors::{bad_parameter, validation, ApiError};
use crate::fixture::{Folder, Token};
use crate::render;
use crate::state::AppState;
use crate::store::Store;
use crate::validate::{self, TokenInput};
use axum::body::Bytes;
use axum::extract::{Path, State};
use axum::http::{HeaderMap, Uri};

const DEFAULT_KEY: &str = "td_global_id";

pub async fn read(State(state): State<AppState>, Path(id): Path<String>, uri: Uri) -> Reply {
    let store = state.store();
    let t = find(&store, &id)?;
    let f = folder_of(&store, t)?;
    if !f.permissions.view {
        return Err(ApiError::view_required(&f.id));
    }
    Ok(ok_no_store(uri.path(), &render::token_document(&store, t)))
}

pub async fn create(State(state): State<AppState>, uri: Uri, headers: HeaderMap, body: Bytes) -> Reply {
    let body = json_body(&headers, &body)?;
    // The schema requires `id` even on create; the server assigns one, so any `id` is ignored.
    let input = validate::parse(&body).map_err(ApiError::many)?;
    let mut store = state.store();
    let folder = target_folder(&store, &input)?;
    if !folder.permissions.edit {
        return Err(ApiError::edit_required(&folder.id));
    }
    let (folder_id, ps) = (folder.id.clone(), folder.parent_segment_id.clone());
    let errors = validate::check_fields(&store, &input, &ps, None);
    if !errors.is_empty() {
        return Err(ApiError::many(errors));
    }
    let now = store.clock.now();
    let me = store.me().to_owned();
    let token = Token {
        id: store.next_token_id().to_string(),
        folder_id,
        name: input.name.unwrap_or_default(),
        description: input.description,
        token: uuid::Uuid::new_v4().to_string(),
        key_column: key_or_default(input.key_column),
        attribute_columns: input.attribute_columns.unwrap_or_default(),
        segments: input.segments.into_iter().map(|(id, _)| id).collect(),
        created_at: now.clone(),
        updated_at: now,
        created_by: Some(me.clone()),
        updated_by: Some(me),
    };
    let doc = render::token_document(&store, &token);
    store.insert_token(token);
    Ok(ok_no_store(uri.path(), &doc))
}

pub async fn update(
    State(state): State<AppState>,
    Path(id): Path<String>,
    uri: Uri,
    headers: HeaderMap,
    body: Bytes,
) -> Reply {
    let mut store = state.store();
    let current = find(&store, &id)?.clone();
    let from = folder_of(&store, &current)?;
    // Editing, and moving out, both need edit permission where the token is now.
    if !from.permissions.edit {
        return Err(ApiError::edit_required(&from.id));
    }
    let from_ps = from.parent_segment_id.clone();
    let body = json_body(&headers, &body)?;
    let input = validate::parse(&body).map_err(ApiError::many)?;
    if input.id.as_deref().is_some_and(|body_id| body_id != id) {
        return Err(ApiError::one(bad_parameter(
            "/id",
            "INVALID_FORMAT",
            "id in the body differs from the URL",
        )));
    }
    let to = target_folder(&store, &input)?;
    if !to.permissions.edit {
        return Err(ApiError::edit_required(&to.id));
    }
    if to.parent_segment_id != from_ps {
        return Err(ApiError::unprocessable(
            "CANNOT_MOVE",
            "/relationships/parentFolder",
            format!("a token cannot move to folder {} of another parent segment", to.id),
        ));
    }
    let to_id = to.id.clone();
    let errors = validate::check_fields(&store, &input, &from_ps, num(&id));
    if !errors.is_empty() {
        return Err(ApiError::many(errors));
    }
    let token = Token {
        folder_id: to_id,
        name: input.name.unwrap_or_default(),
        description: input.description,
        key_column: key_or_default(input.key_column),
        attribute_columns: input.attribute_columns.unwrap_or_default(),
        segments: input.segments.into_iter().map(|(id, _)| id).collect(),
        updated_at: store.clock.now(),
        updated_by: Some(store.me().to_owned()),
        ..current
    };
    let doc = render::token_document(&store, &token);
    store.insert_token(token);
    Ok(ok_no_store(uri.path(), &doc))
}

pub async fn delete(State(state): State<AppState>, Path(id): Path<String>, uri: Uri) -> Reply {
    let mut store = state.store();
    let t = find(&store, &id)?;
    let f = folder_of(&store, t)?;
    if !f.permissions.edit {
        return Err(ApiError::edit_required(&f.id));
    }
    let doc = render::token_document(&store, t);
    if let Some(n) = num(&id) {
        store.remove_token(n);
    }
    Ok(ok_no_store(uri.path(), &doc))
}

fn find<'a>(store: &'a Store, id: &str) -> Result<&'a Token, ApiError> {
    num(id).and_then(|n| store.tokens.get(&n)).ok_or_else(|| ApiError::not_found("Token", id))
}

fn folder_of<'a>(store: &'a Store, t: &Token) -> Result<&'a Folder, ApiError> {
    store.folder(&t.folder_id).ok_or_else(|| ApiError::not_found("SegmentFolder", &t.folder_id))
}

/// The body's `parentFolder`: required, and must exist. Reports name errors alongside, so a
/// form with several mistakes hears about them together.
fn target_folder<'a>(store: &'a Store, input: &TokenInput) -> Result<&'a Folder, ApiError> {
    let pointer = "/relationships/parentFolder";
    let problem = match input.parent_folder.as_deref() {
        None => validation(pointer, "CANNOT_BE_BLANK", "parentFolder is required"),
        Some(id) => match store.folder(id) {
            Some(f) => return Ok(f),
            None => {
                validation(pointer, "INVALID_FORMAT_OR_ASSOCIATION", format!("folder {id} does not exist"))
            }
        },
    };
    let mut errors = vec![problem];
    errors.extend(validate::check_fields(store, input, "", None));
    Err(ApiError::many(errors))
}

fn key_or_default(key: String) -> String {
    if key.is_empty() {
        DEFAULT_KEY.to_owned()
    } else {
        key
    }
}
