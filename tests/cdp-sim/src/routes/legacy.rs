//! Legacy REST routes under `/audiences/{id}`: plain camelCase JSON, `{code, message}` errors.
//! Ids here are strings too (`Segment.id`, `segmentFolderId`), as the schema types them.

use super::entities::num;
use super::{ok, Reply};
use crate::errors::ApiError;
use crate::fixture::ParentSegment;
use crate::state::AppState;
use crate::store::Store;
use axum::extract::{Path, State};
use axum::http::Uri;
use serde_json::{json, Value};

fn audience_of<'a>(store: &'a Store, id: &str) -> Result<&'a ParentSegment, ApiError> {
    num(id)
        .and_then(|n| store.parent_segments.get(&n))
        .ok_or_else(|| ApiError::legacy_not_found("Audience", id))
}

fn user(store: &Store, id: &str) -> Value {
    match store.users.get(id) {
        Some(u) => json!({ "id": u.id, "td_user_id": u.td_user_id, "name": u.name }),
        None => json!({ "id": id }),
    }
}

/// `GET /audiences/{id}`: the parent segment's configuration.
pub async fn audience(State(state): State<AppState>, Path(id): Path<String>, uri: Uri) -> Reply {
    let store = state.store();
    let ps = audience_of(&store, &id)?;
    let attributes: Vec<Value> = ps
        .attributes
        .iter()
        .map(|a| {
            json!({
                "audienceId": ps.id,
                "name": a.name,
                "type": a.column_type,
                "parentDatabaseName": a.parent_database_name,
                "parentTableName": a.parent_table_name,
                "parentColumn": a.parent_column,
                "parentKey": a.parent_key,
                "foreignKey": a.foreign_key,
                "groupingName": a.grouping_name,
            })
        })
        .collect();
    let me = user(&store, store.me());
    let body = json!({
        "id": ps.id,
        "name": ps.name,
        "description": ps.description,
        "scheduleType": ps.schedule_type,
        "scheduleOption": null,
        "timezone": ps.timezone,
        "matrixUpdatedAt": ps.matrix_updated_at,
        "workflowHiveOnly": false,
        "population": ps.population,
        "master": { "parentDatabaseName": ps.master.parent_database_name, "parentTableName": ps.master.parent_table_name },
        "attributes": attributes,
        "behaviors": [],
        "createdAt": ps.created_at,
        "updatedAt": ps.updated_at,
        "createdBy": me,
        "updatedBy": me,
    });
    Ok(ok(uri.path(), &body))
}

/// `GET /audiences/{id}/attributes`: attribute-table columns (with `visibility`), then the
/// master table's columns (no `audienceId`/`foreignKey`: that is how clients tell them apart).
pub async fn attributes(State(state): State<AppState>, Path(id): Path<String>, uri: Uri) -> Reply {
    let store = state.store();
    let ps = audience_of(&store, &id)?;
    let mut list: Vec<Value> = ps
        .attributes
        .iter()
        .map(|a| {
            json!({
                "audienceId": ps.id,
                "id": a.id,
                "name": a.name,
                "type": a.column_type,
                "parentDatabaseName": a.parent_database_name,
                "parentTableName": a.parent_table_name,
                "parentColumn": a.parent_column,
                "parentKey": a.parent_key,
                "foreignKey": a.foreign_key,
                "matrixColumnName": a.name,
                "matrixColumnDescription": null,
                "usedBySegmentInsight": false,
                "groupingName": a.grouping_name,
                "visibility": a.visibility,
            })
        })
        .collect();
    list.extend(ps.master_columns.iter().map(|m| {
        json!({
            "name": m.name,
            "type": m.column_type,
            "parentDatabaseName": ps.master.parent_database_name,
            "parentTableName": ps.master.parent_table_name,
            "parentColumn": m.name,
        })
    }));
    Ok(ok(uri.path(), &Value::Array(list)))
}

/// `GET /audiences/{id}/segments`: batch, realtime and funnel-stage segments the user may
/// view (composable segments belong to composable audiences and are not listed).
pub async fn segments(State(state): State<AppState>, Path(id): Path<String>, uri: Uri) -> Reply {
    let store = state.store();
    let ps = audience_of(&store, &id)?;
    let list: Vec<Value> = store
        .segments
        .values()
        .filter(|s| {
            let folder = store.folder(&s.folder_id);
            folder.is_some_and(|f| f.parent_segment_id == ps.id && f.permissions.view)
        })
        .filter_map(|s| {
            let kind = s.kind.legacy_kind()?;
            let author = user(&store, s.created_by.as_deref().unwrap_or(store.me()));
            Some(json!({
                "audienceId": ps.id,
                "id": s.id,
                "name": s.name,
                "realtime": kind == 1,
                "kind": kind,
                "description": s.description,
                "segmentFolderId": s.folder_id,
                "population": s.population,
                "createdAt": s.created_at,
                "updatedAt": s.updated_at,
                "createdBy": author,
                "updatedBy": author,
            }))
        })
        .collect();
    Ok(ok(uri.path(), &Value::Array(list)))
}
