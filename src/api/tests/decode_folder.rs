use super::super::decode::{decode_folder, decode_folder_listing};
use super::super::models::{EntityKind, FolderId, FolderPermissions};
use super::assert_decode_err;

fn fid(s: &str) -> FolderId {
    FolderId::parse(s).unwrap()
}

const FOLDER: &str = r#"{
  "data": {"id": "771", "type": "folder-segment",
    "attributes": {"audienceId": "394649", "name": "Customers (web)", "description": null,
      "createdAt": "2023-01-05T10:00:00Z", "updatedAt": "2024-02-01T00:00:00Z",
      "enrichments": null, "rule": null, "permissions": {"view": true, "edit": true}},
    "relationships": {"parentFolder": {"data": null},
      "children": {"data": [{"data": {"id": "772", "type": "folder-segment"}}]},
      "createdBy": {"data": {"id": "15", "type": "user"}}, "updatedBy": {"data": null}}},
  "included": [{"id": "15", "type": "user", "attributes": {"tdUserId": "15", "name": "Ana"}}]
}"#;

#[test]
fn decodes_a_root_folder() {
    let f = decode_folder(FOLDER).unwrap();
    assert_eq!(f.id, fid("771"));
    assert_eq!(f.audience_id.as_str(), "394649");
    assert_eq!(f.name, "Customers (web)");
    assert_eq!(f.description, None);
    assert_eq!(f.parent_id, None);
    assert_eq!(f.permissions, FolderPermissions { view: true, edit: true });
    assert_eq!(f.created_at.as_deref(), Some("2023-01-05T10:00:00Z"));
}

#[test]
fn folder_permissions_default_to_read_only() {
    let no_perms = r#"{"data": {"id": "5", "attributes": {"audienceId": 1, "name": "n", "description": "d"},
        "relationships": {"parentFolder": {"data": {"id": 4, "type": "folder-segment"}}}}}"#;
    let f = decode_folder(no_perms).unwrap();
    assert_eq!(f.permissions, FolderPermissions { view: true, edit: false });
    assert_eq!(f.parent_id, Some(fid("4")));
    assert_eq!(f.description.as_deref(), Some("d"));
    let partial = r#"{"data": {"id": "5", "attributes": {"audienceId": "1", "name": "n", "permissions": {"view": true}}}}"#;
    assert_eq!(decode_folder(partial).unwrap().permissions, FolderPermissions { view: true, edit: false });
}

#[test]
fn folder_requires_id_audience_and_name() {
    assert_decode_err(
        decode_folder(r#"{"data": {"attributes": {"audienceId": "1", "name": "n"}}}"#),
        "no id",
    );
    assert_decode_err(
        decode_folder(r#"{"data": {"id": "5", "attributes": {"name": "n"}}}"#),
        "folder 5: audienceId missing",
    );
    assert_decode_err(
        decode_folder(r#"{"data": {"id": "5", "attributes": {"audienceId": "1"}}}"#),
        "name missing",
    );
    assert_decode_err(
        decode_folder(r#"{"data": {"id": "5", "attributes": {"audienceId": "x1", "name": "n"}}}"#),
        "audienceId",
    );
    assert_decode_err(decode_folder(r#"{"data": null}"#), "unexpected shape");
    assert_decode_err(decode_folder("<!DOCTYPE html><html></html>"), "not valid JSON");
}

/// A realistic depth=1 answer: the folder itself, a child folder (nested `children` form),
/// segments of each kind, a funnel with stages, a token, a journey, and a grandchild that a
/// server ignoring `depth` might add. Extra fields everywhere.
const LISTING: &str = r#"{
  "data": [
    {"id": "771", "type": "folder-segment",
      "attributes": {"audienceId": "394649", "name": "Root", "description": "", "permissions": {"view": true, "edit": false}},
      "relationships": {"parentFolder": {"data": null},
        "children": {"data": [{"data": {"id": "772", "type": "folder-segment"}}, {"id": "90", "type": "token"},
                              {"id": "55", "type": "segment-batch"}]}}},
    {"id": "772", "type": "folder-segment",
      "attributes": {"audienceId": "394649", "name": "Migrated Web Access Token", "description": null,
        "permissions": {"view": true, "edit": true}},
      "relationships": {"parentFolder": {"data": {"id": "771", "type": "folder-segment"}}}},
    {"id": "55", "type": "segment-batch",
      "attributes": {"audienceId": "394649", "name": "Frequent buyers", "description": "3+ orders", "population": 1200,
        "rule": {"type": "And", "conditions": []}, "numSyndications": 2, "isEmptyRule": false},
      "relationships": {"parentFolder": {"data": {"id": 771, "type": "folder-segment"}}}},
    {"id": "56", "type": "segment-realtime",
      "attributes": {"name": "On site now", "population": null},
      "relationships": {"parentFolder": {"data": {"id": "771", "type": "folder-segment"}}}},
    {"id": "60", "type": "funnel",
      "attributes": {"audienceId": "394649", "name": "Checkout funnel", "population": 900, "numSyndications": 0,
        "stages": [{"id": "1", "segmentId": "601", "name": "Viewed"}, {"id": "2", "segmentId": 602, "name": "Carted"},
                   {"name": "No id"}, {"id": "4", "name": "Bought"}]},
      "relationships": {"parentFolder": {"data": {"id": "771", "type": "folder-segment"}}}},
    {"id": "90", "type": "token",
      "attributes": {"audienceId": "394649", "name": "web_personalization", "token": "0b5e-uuid", "keyColumn": "td_client_id",
        "attributeColumns": ["gender"]},
      "relationships": {"parentFolder": {"data": {"id": "771", "type": "folder-segment"}},
        "segments": {"data": [{"id": "55", "type": "segment-batch"}]}}},
    {"id": "70", "type": "journey", "attributes": {"name": "Welcome journey", "state": "launched"},
      "relationships": {"parentFolder": {"data": {"id": "771"}}}},
    {"id": "71", "type": "mlSolution", "attributes": {}, "relationships": {"parentFolder": {"data": {"id": "771"}}}},
    {"id": "900", "type": "token", "attributes": {"name": "deeper"},
      "relationships": {"parentFolder": {"data": {"id": "772", "type": "folder-segment"}}}}
  ],
  "included": [{"id": "15", "type": "user", "attributes": {"tdUserId": "15", "name": "Ana"}}],
  "meta": {"unexpected": true}
}"#;

#[test]
fn listing_rebuilds_direct_children_from_parent_folder() {
    let l = decode_folder_listing(&fid("771"), LISTING).unwrap();
    let folder = l.folder.unwrap();
    assert_eq!((folder.name.as_str(), folder.description.as_deref()), ("Root", None));
    let ids: Vec<(&str, &str)> = l.children.iter().map(|e| (e.kind.data_kind(), e.id.as_str())).collect();
    assert_eq!(
        ids,
        [
            ("folder", "772"),
            ("segment-batch", "55"),
            ("segment-realtime", "56"),
            ("funnel", "60"),
            ("token", "90"),
            ("journey", "70"),
            ("mlSolution", "71"),
        ]
    );
    let migrated = &l.children[0];
    assert_eq!(migrated.kind, EntityKind::Folder);
    assert_eq!(migrated.permissions, Some(FolderPermissions { view: true, edit: true }));
    assert_eq!(migrated.parent_folder_id, Some(fid("771")));
    let batch = &l.children[1];
    assert_eq!(
        (batch.name.as_str(), batch.description.as_deref(), batch.population),
        ("Frequent buyers", Some("3+ orders"), Some(1200))
    );
    assert_eq!(batch.permissions, None);
    assert_eq!(l.children[2].population, None);
    assert_eq!(l.children[4].kind, EntityKind::Token);
    assert_eq!(l.children[6].name, "", "unknown kinds may lack a name");
}

#[test]
fn funnel_stages_become_nested_funnel_stage_segments() {
    let l = decode_folder_listing(&fid("771"), LISTING).unwrap();
    let funnel = l.children.iter().find(|e| e.id == "60").unwrap();
    assert_eq!(funnel.kind, EntityKind::Other("funnel".into()));
    let stages: Vec<(&str, &str)> = funnel.nested.iter().map(|s| (s.id.as_str(), s.name.as_str())).collect();
    // The stage's segment id wins; a stage without any id is left out; `id` is the fallback.
    assert_eq!(stages, [("601", "Viewed"), ("602", "Carted"), ("4", "Bought")]);
    assert!(funnel.nested.iter().all(|s| s.kind == EntityKind::SegmentFunnelStage));
    assert!(funnel.nested.iter().all(|s| s.parent_folder_id == Some(fid("771"))));
}

#[test]
fn listing_of_a_subfolder_excludes_the_folder_and_its_parent() {
    let l = decode_folder_listing(&fid("772"), LISTING).unwrap();
    assert_eq!(l.folder.unwrap().name, "Migrated Web Access Token");
    let ids: Vec<&str> = l.children.iter().map(|e| e.id.as_str()).collect();
    assert_eq!(ids, ["900"]);
}

#[test]
fn children_without_parent_folder_fall_back_to_the_children_list() {
    // Both `children.data[]` forms: nested `{data:{id,type}}` and plain `{id,type}`.
    let body = r#"{"data": [
        {"id": "10", "type": "folder-segment", "attributes": {"audienceId": "1", "name": "F"},
         "relationships": {"children": {"data": [{"data": {"id": "11", "type": "folder-segment"}}, {"id": "12", "type": "token"}]}}},
        {"id": "11", "type": "folder-segment", "attributes": {"audienceId": "1", "name": "Nested form"}},
        {"id": "12", "type": "token", "attributes": {"name": "Plain form"}},
        {"id": "12", "type": "segment-batch", "attributes": {"name": "Same id, other type, not listed"}},
        {"id": "13", "type": "token", "attributes": {"name": "Orphan"}}
    ], "included": []}"#;
    let l = decode_folder_listing(&fid("10"), body).unwrap();
    let names: Vec<&str> = l.children.iter().map(|e| e.name.as_str()).collect();
    assert_eq!(names, ["Nested form", "Plain form"]);
}

#[test]
fn listing_without_the_folder_itself_or_included() {
    let body = r#"{"data": [{"id": "20", "type": "token", "attributes": {"name": "t"},
        "relationships": {"parentFolder": {"data": {"id": "10", "type": "folder-segment"}}}}]}"#;
    let l = decode_folder_listing(&fid("10"), body).unwrap();
    assert!(l.folder.is_none());
    assert_eq!(l.children.len(), 1);
    assert!(decode_folder_listing(&fid("10"), r#"{"data": []}"#).unwrap().children.is_empty());
}

#[test]
fn listing_refuses_broken_items() {
    let f = fid("10");
    let child = |item: &str| format!(r#"{{"data": [{item}]}}"#);
    let linked = r#""relationships": {"parentFolder": {"data": {"id": "10"}}}"#;
    assert_decode_err(
        decode_folder_listing(
            &f,
            &child(&format!(r#"{{"id": "1", "attributes": {{"name": "x"}}, {linked}}}"#)),
        ),
        "no type",
    );
    assert_decode_err(
        decode_folder_listing(
            &f,
            &child(&format!(r#"{{"type": "token", "attributes": {{"name": "x"}}, {linked}}}"#)),
        ),
        "no id",
    );
    assert_decode_err(
        decode_folder_listing(
            &f,
            &child(&format!(r#"{{"id": "1a", "type": "token", "attributes": {{"name": "x"}}, {linked}}}"#)),
        ),
        "\"1a\"",
    );
    assert_decode_err(
        decode_folder_listing(&f, &child(&format!(r#"{{"id": "3", "type": "segment-batch", {linked}}}"#))),
        "segment-batch 3: name missing",
    );
    // An item linked to some other (even malformed) parent is not a child, so not an error.
    let elsewhere =
        r#"{"id": "3", "type": "token", "relationships": {"parentFolder": {"data": {"id": "x"}}}}"#;
    assert!(decode_folder_listing(&f, &child(elsewhere)).unwrap().children.is_empty());
    assert_decode_err(decode_folder_listing(&f, &child("7")), "item #1 is not an object");
    assert_decode_err(decode_folder_listing(&f, r#"{"data": "nope"}"#), "not a list");
    assert_decode_err(decode_folder_listing(&f, r#"{"included": []}"#), "unexpected shape");
    assert_decode_err(decode_folder_listing(&f, r#"{"data": [{"id": "1", "type": "tok"#), "not valid JSON");
}

#[test]
fn deep_listing_yields_every_token_at_any_depth() {
    use super::super::decode::decode_tokens_in_tree;
    let deep = r#"{"data": [
      {"id": "1", "type": "folder-segment", "attributes": {"audienceId": "9", "name": "Root"},
        "relationships": {"parentFolder": {"data": null}}},
      {"id": "2", "type": "folder-segment", "attributes": {"audienceId": "9", "name": "Web"},
        "relationships": {"parentFolder": {"data": {"id": "1", "type": "folder-segment"}}}},
      {"id": "70", "type": "token", "attributes": {"name": "Top token"},
        "relationships": {"parentFolder": {"data": {"id": "1", "type": "folder-segment"}}}},
      {"id": "71", "type": "token", "attributes": {"name": "Deep token", "description": "x"},
        "relationships": {"parentFolder": {"data": {"id": "2", "type": "folder-segment"}}}},
      {"id": "72", "type": "token", "attributes": {},
        "relationships": {"parentFolder": {"data": {"id": "2", "type": "folder-segment"}}}},
      {"id": "55", "type": "segment-batch", "attributes": {"name": "Top token"}},
      "garbage"
    ], "included": []}"#;
    let tokens = decode_tokens_in_tree(deep).unwrap();
    let found: Vec<(&str, &str, Option<&str>)> = tokens
        .iter()
        .map(|t| (t.id.as_str(), t.name.as_str(), t.parent_folder_id.as_ref().map(|f| f.as_str())))
        .collect();
    assert_eq!(found, [("70", "Top token", Some("1")), ("71", "Deep token", Some("2"))]);
    assert!(tokens.iter().all(|t| t.kind == EntityKind::Token));
    assert_decode_err(decode_tokens_in_tree(r#"{"data": {"id": "1"}}"#), "not a list");
    assert_decode_err(decode_tokens_in_tree("<html>502</html>"), "not valid JSON");
}
