//! Store records → wire JSON, shaped by the response schemas in cdp-openapi-subset.json.
//!
//! Relationship arrays (`children`, a token's `segments`) use plain `{id, type}` items, the
//! JSON:API norm the contract page describes; the schema's extra `{data: ...}` nesting is
//! a known oddity of the published description (see cdp-api.md, "Folders and the tree").

use crate::fixture::{Folder, Funnel, ParentSegment, PredictiveSegment, Segment, SegmentKind, Token};
use crate::store::{Child, Store};
use serde_json::{json, Value};

pub fn folder_ref(id: &str) -> Value {
    json!({ "data": { "id": id, "type": "folder-segment" } })
}

fn user_ref(id: &str) -> Value {
    json!({ "data": { "id": id, "type": "user" } })
}

/// Ids of users a set of resources mention, in first-seen order, for `included`.
#[derive(Default)]
pub struct Users(Vec<String>);

impl Users {
    pub fn add(&mut self, id: &str) {
        if !self.0.iter().any(|u| u == id) {
            self.0.push(id.to_owned());
        }
    }
    pub fn render(&self, store: &Store) -> Vec<Value> {
        self.0
            .iter()
            .filter_map(|id| store.users.get(id))
            .map(|u| json!({ "id": u.id, "type": "user", "attributes": { "tdUserId": u.td_user_id, "name": u.name } }))
            .collect()
    }
}

fn by<'a>(store: &'a Store, users: &mut Users, created_by: &'a Option<String>) -> &'a str {
    let id = created_by.as_deref().unwrap_or(store.me());
    users.add(id);
    id
}

pub fn parent_segment(ps: &ParentSegment) -> Value {
    json!({
        "id": ps.id,
        "type": "parentSegment",
        "attributes": {
            "name": ps.name,
            "description": ps.description,
            "matrixUpdatedAt": ps.matrix_updated_at,
            "population": ps.population,
            "scheduleType": ps.schedule_type,
            "timezone": ps.timezone,
            "createdAt": ps.created_at,
            "updatedAt": ps.updated_at,
            "v4Id": ps.v4_id,
            "allowActivationBehavior": false,
            "maxActivationBehaviorRow": 7,
        },
        "relationships": { "parentSegmentFolder": folder_ref(&ps.root_folder_id) },
    })
}

fn child_ref(store: &Store, c: Child) -> Option<Value> {
    let (id, ty) = match c {
        Child::Folder(id) => (id, "folder-segment"),
        Child::Segment(id) => (id, store.segments.get(&id)?.kind.api_type()),
        Child::Funnel(id) => (id, "funnel"),
        Child::Predictive(id) => (id, "predictive-segment"),
        Child::Token(id) => (id, "token"),
    };
    Some(json!({ "id": id.to_string(), "type": ty }))
}

pub fn folder(store: &Store, users: &mut Users, f: &Folder) -> Value {
    let id: u64 = f.id.parse().unwrap_or(0);
    // A folder the user may not view shows up in its parent, but not what it holds.
    let children: Vec<Value> = if f.permissions.view {
        store.children(id).iter().filter_map(|c| child_ref(store, *c)).collect()
    } else {
        Vec::new()
    };
    let author = by(store, users, &f.created_by);
    json!({
        "id": f.id,
        "type": "folder-segment",
        "attributes": {
            "audienceId": f.parent_segment_id,
            "name": f.name,
            "description": f.description,
            "createdAt": f.created_at,
            "updatedAt": f.updated_at,
            "permissions": { "view": f.permissions.view, "edit": f.permissions.edit },
        },
        "relationships": {
            "parentFolder": { "data": f.parent_id.as_ref().map(|p| json!({ "id": p, "type": "folder-segment" })) },
            "children": { "data": children },
            "createdBy": user_ref(author),
            "updatedBy": user_ref(author),
        },
    })
}

/// A plausible v5 rule when the fixture has none: one value condition on a column.
fn default_rule(s: &Segment) -> Value {
    json!({
        "type": "And",
        "conditions": [{
            "type": "And",
            "conditions": [{
                "type": "Value",
                "leftValue": { "name": "td_client_id" },
                "operator": { "type": "IsNull", "not": true, "rightValue": "" },
                "arrayMatching": null,
                "exclude": false,
            }],
            "description": format!("Rule of {}", s.name),
        }],
    })
}

pub fn segment(store: &Store, users: &mut Users, s: &Segment, with_rule: bool) -> Value {
    let author = by(store, users, &s.created_by);
    let ps = store.folder_ps(&s.folder_id).unwrap_or_default();
    // `{}` is the schema's "no rule" form (the second branch of v5IonRule).
    let rule = if with_rule { s.rule.clone().unwrap_or_else(|| default_rule(s)) } else { json!({}) };
    let mut attributes = json!({
        "name": s.name,
        "description": s.description,
        "population": s.population,
        "rule": rule,
        "createdAt": s.created_at,
        "updatedAt": s.updated_at,
        "numSyndications": 0,
        "countPopulation": true,
    });
    if s.kind == SegmentKind::Composable {
        attributes["composableAudienceId"] = json!(ps);
        attributes["isEmptyRule"] = json!(false);
        attributes["population"] = Value::Null;
        attributes.as_object_mut().map(|a| a.remove("countPopulation"));
    } else {
        attributes["audienceId"] = json!(ps);
    }
    if s.kind == SegmentKind::Batch {
        attributes["isEmptyRule"] = json!(false);
    }
    json!({
        "id": s.id,
        "type": s.kind.api_type(),
        "attributes": attributes,
        "relationships": {
            "parentFolder": folder_ref(&s.folder_id),
            "createdBy": user_ref(author),
            "updatedBy": user_ref(author),
        },
    })
}

pub fn funnel(store: &Store, users: &mut Users, f: &Funnel) -> Value {
    let author = by(store, users, &f.created_by);
    let stages: Vec<Value> = f
        .stages
        .iter()
        .map(|st| {
            let seg = store.segment(&st.segment_id);
            let name = seg.map(|s| s.name.as_str()).unwrap_or_default();
            // `population` is beyond the schema's stage object; the tree shows it.
            let population = seg.and_then(|s| s.population);
            json!({ "id": st.id, "segmentId": st.segment_id, "name": name, "population": population, "numSyndications": 0 })
        })
        .collect();
    json!({
        "id": f.id,
        "type": "funnel",
        "attributes": {
            "audienceId": store.folder_ps(&f.folder_id).unwrap_or_default(),
            "name": f.name,
            "description": f.description,
            "population": f.population,
            "numSyndications": 0,
            "createdAt": f.created_at,
            "updatedAt": f.updated_at,
            "countPopulation": true,
            "stages": stages,
        },
        "relationships": {
            "parentFolder": folder_ref(&f.folder_id),
            "createdBy": user_ref(author),
            "updatedBy": user_ref(author),
        },
    })
}

pub fn predictive(store: &Store, users: &mut Users, p: &PredictiveSegment) -> Value {
    let author = by(store, users, &p.created_by);
    let mut attributes = json!({
        "audienceId": store.folder_ps(&p.folder_id).unwrap_or_default(),
        "name": p.name,
        "description": p.description,
        "createdAt": p.created_at,
        "updatedAt": p.updated_at,
    });
    if let Some(b) = &p.base_segment_id {
        attributes["baseSegmentId"] = json!(b);
    }
    json!({
        "id": p.id,
        "type": "predictive-segment",
        "attributes": attributes,
        "relationships": {
            "parentFolder": folder_ref(&p.folder_id),
            "createdBy": user_ref(author),
            "updatedBy": user_ref(author),
        },
    })
}

pub fn token(store: &Store, users: &mut Users, t: &Token) -> Value {
    let created = by(store, users, &t.created_by);
    let updated = by(store, users, &t.updated_by);
    let segments: Vec<Value> = t
        .segments
        .iter()
        .filter_map(|id| store.segment(id))
        .map(|s| json!({ "id": s.id, "type": s.kind.api_type() }))
        .collect();
    json!({
        "id": t.id,
        "type": "token",
        "attributes": {
            "audienceId": store.folder_ps(&t.folder_id).unwrap_or_default(),
            "name": t.name,
            "description": t.description,
            "token": t.token,
            "keyColumn": t.key_column,
            "attributeColumns": t.attribute_columns,
            "createdAt": t.created_at,
            "updatedAt": t.updated_at,
        },
        "relationships": {
            "segments": { "data": segments },
            "parentFolder": folder_ref(&t.folder_id),
            "createdBy": user_ref(created),
            "updatedBy": user_ref(updated),
        },
    })
}

/// `{data: token, included: [users, segment summaries]}`. A summary has no `attributes`
/// when the user may not view the segment's folder.
pub fn token_document(store: &Store, t: &Token) -> Value {
    let mut users = Users::default();
    let data = token(store, &mut users, t);
    let mut included = users.render(store);
    for s in t.segments.iter().filter_map(|id| store.segment(id)) {
        let mut summary = json!({
            "id": s.id,
            "type": s.kind.api_type(),
            "relationships": { "parentFolder": folder_ref(&s.folder_id) },
        });
        if store.folder(&s.folder_id).is_some_and(|f| f.permissions.view) {
            summary["attributes"] =
                json!({ "name": s.name, "description": s.description, "population": s.population });
        }
        included.push(summary);
    }
    json!({ "data": data, "included": included })
}

/// One item of a by-folder listing.
pub fn child(store: &Store, users: &mut Users, c: Child, with_rule: bool) -> Option<Value> {
    Some(match c {
        Child::Folder(id) => folder(store, users, store.folders.get(&id)?),
        Child::Segment(id) => segment(store, users, store.segments.get(&id)?, with_rule),
        Child::Funnel(id) => funnel(store, users, store.funnels.get(&id)?),
        Child::Predictive(id) => predictive(store, users, store.predictive.get(&id)?),
        Child::Token(id) => token(store, users, store.tokens.get(&id)?),
    })
}
