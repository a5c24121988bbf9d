//! Read-only JSON:API routes: parent segments, folders, folder listings.

use super::{ok, ok_no_store, Reply};
use crate::errors::{bad_parameter, ApiError};
use crate::fixture::is_api_id;
use crate::render::{self, Users};
use crate::state::AppState;
use crate::store::{Child, Store};
use axum::extract::rejection::QueryRejection;
use axum::extract::{Path, Query, State};
use axum::http::Uri;
use serde_json::{json, Value};
use std::collections::HashMap;

/// Deepest `depth` honoured; larger values are clamped (one third-party tool asks for 32).
pub const MAX_DEPTH: u32 = 32;

pub async fn parent_segments(State(state): State<AppState>, uri: Uri) -> Reply {
    let store = state.store();
    let list: Vec<Value> =
        store.parent_segments.values().map(|p| json!({ "data": render::parent_segment(p) })).collect();
    Ok(ok(uri.path(), &Value::Array(list)))
}

pub async fn parent_segment(State(state): State<AppState>, Path(id): Path<String>, uri: Uri) -> Reply {
    let store = state.store();
    let ps = num(&id)
        .and_then(|n| store.parent_segments.get(&n))
        .ok_or_else(|| ApiError::not_found("ParentSegment", &id))?;
    Ok(ok(uri.path(), &json!({ "data": render::parent_segment(ps) })))
}

pub async fn folder(State(state): State<AppState>, Path(id): Path<String>, uri: Uri) -> Reply {
    let store = state.store();
    let f = viewable_folder(&store, &id)?;
    let mut users = Users::default();
    let data = render::folder(&store, &mut users, f);
    Ok(ok(uri.path(), &json!({ "data": data, "included": users.render(&store) })))
}

/// The folder, then everything under it to `depth` levels, depth-first in listing order.
/// Folders the user may not view are listed but not entered.
pub async fn by_folder(
    State(state): State<AppState>,
    Path(id): Path<String>,
    query: Result<Query<HashMap<String, String>>, QueryRejection>,
    uri: Uri,
) -> Reply {
    let Query(q) = query.map_err(|e| ApiError::one(bad_parameter("/", "INVALID_FORMAT", e.body_text())))?;
    let depth = match q.get("depth") {
        None => 1,
        Some(d) => d.parse::<u32>().map_err(|_| {
            ApiError::one(bad_parameter("depth", "INVALID_FORMAT", "depth must be a non-negative integer"))
        })?,
    }
    .min(MAX_DEPTH);
    let with_rule = match q.get("with_rule").map(String::as_str) {
        None | Some("true") => true,
        Some("false") => false,
        Some(_) => {
            return Err(ApiError::one(bad_parameter(
                "with_rule",
                "INVALID_FORMAT",
                "with_rule must be true or false",
            )))
        }
    };
    let store = state.store();
    let root = viewable_folder(&store, &id)?;
    let mut users = Users::default();
    let mut data = vec![render::folder(&store, &mut users, root)];
    if let Some(n) = num(&id) {
        walk(&store, &mut users, n, depth, with_rule, &mut data);
    }
    Ok(ok_no_store(uri.path(), &json!({ "data": data, "included": users.render(&store) })))
}

fn walk(store: &Store, users: &mut Users, folder: u64, depth: u32, with_rule: bool, out: &mut Vec<Value>) {
    if depth == 0 {
        return;
    }
    for &c in store.children(folder) {
        if let Some(item) = render::child(store, users, c, with_rule) {
            out.push(item);
        }
        if let Child::Folder(sub) = c {
            if store.folders.get(&sub).is_some_and(|f| f.permissions.view) {
                walk(store, users, sub, depth - 1, with_rule, out);
            }
        }
    }
}

/// 404 for an unknown folder, 403 SEGMENT_FOLDER_VIEW_REQUIRED for one the user may not view.
fn viewable_folder<'a>(store: &'a Store, id: &str) -> Result<&'a crate::fixture::Folder, ApiError> {
    let f = num(id)
        .and_then(|n| store.folders.get(&n))
        .ok_or_else(|| ApiError::not_found("SegmentFolder", id))?;
    if !f.permissions.view {
        return Err(ApiError::view_required(id));
    }
    Ok(f)
}

pub fn num(id: &str) -> Option<u64> {
    is_api_id(id).then(|| id.parse().ok()).flatten()
}
