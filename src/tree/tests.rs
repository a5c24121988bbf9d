//! Native tests of the tree model, its keyboard reducer and its in-place edits.

use crate::api::*;
use crate::test_support::{self as test_tokens, fid};
use crate::tree::keys::TreeKey::{self, *};
use crate::tree::model::{LoadState, NodeKey, TreeModel};

fn entity(kind: EntityKind, id: &str, name: &str, parent: &str) -> Entity {
    test_tokens::entity(kind, id, name, Some(parent))
}

fn listing(children: Vec<Entity>) -> FolderListing {
    FolderListing { folder: None, children }
}

fn key(kind: EntityKind, id: &str) -> NodeKey {
    NodeKey { kind, id: id.into() }
}

/// root(1): Alpha(10)/[Key A(100), Seg(200)], Beta(11) (not loaded), Migrated(12)/[], token Zed(101)
fn sample() -> TreeModel {
    let mut m = TreeModel::new(&fid("1"));
    m.apply_listing(
        &fid("1"),
        listing(vec![
            entity(EntityKind::Folder, "10", "Alpha", "1"),
            entity(EntityKind::Folder, "11", "Beta", "1"),
            entity(EntityKind::Folder, "12", "Migrated Web Access Token", "1"),
            entity(EntityKind::Token, "101", "Zed", "1"),
        ]),
    );
    m.apply_listing(
        &fid("10"),
        listing(vec![
            entity(EntityKind::Token, "100", "Key A", "10"),
            entity(EntityKind::SegmentBatch, "200", "Seg", "10"),
        ]),
    );
    m
}

fn names(m: &TreeModel) -> Vec<String> {
    m.visible_rows().iter().map(|r| m.name(&r.key).to_owned()).collect()
}

fn press(m: &mut TreeModel, k: TreeKey) -> String {
    let out = m.on_key(k, 0.0);
    assert!(out.handled);
    m.name(out.focus.as_ref().unwrap()).to_owned()
}

#[test]
fn visible_rows_follow_expansion() {
    let mut m = sample();
    assert_eq!(names(&m), ["Alpha", "Beta", "Migrated Web Access Token", "Zed"]);
    assert_eq!(m.expand(&key(EntityKind::Folder, "10")), None, "already loaded: no fetch");
    assert_eq!(names(&m), ["Alpha", "Key A", "Seg", "Beta", "Migrated Web Access Token", "Zed"]);
    let rows = m.visible_rows();
    assert_eq!((rows[1].level, rows[1].expandable), (2, false));
    assert_eq!(m.position(&rows[1].parent, &rows[1].key), (1, 2));
    assert_eq!(m.position(m.root(), &key(EntityKind::Token, "101")), (4, 4));
}

#[test]
fn expanding_unloaded_folder_asks_for_one_fetch() {
    let mut m = sample();
    let beta = key(EntityKind::Folder, "11");
    assert_eq!(m.expand(&beta), Some(fid("11")));
    assert_eq!(m.load_state(&beta), &LoadState::Loading);
    assert_eq!(m.expand(&beta), None, "a second expand shares the fetch in flight");
    m.finish_load(&fid("11"), Err(ApiError::Timeout));
    assert!(matches!(m.load_state(&beta), LoadState::Failed(ApiError::Timeout)));
    assert_eq!(m.begin_load(&beta), Some(fid("11")), "retry after failure");
    m.finish_load(&fid("11"), Ok(listing(vec![entity(EntityKind::Token, "7", "T", "11")])));
    assert_eq!(m.children_of(&beta).len(), 1);
    m.finish_load(&fid("11"), Ok(listing(vec![])));
    assert_eq!(m.children_of(&beta).len(), 1, "a late answer for a folder not loading is dropped");
}

#[test]
fn revealing_a_path_does_not_resend_a_read_that_just_failed() {
    let mut m = sample();
    let beta = key(EntityKind::Folder, "11");
    assert_eq!(m.open_on_path(&beta, false), Some(fid("11")), "never loaded: fetched");
    m.finish_load(&fid("11"), Err(ApiError::Forbidden { message: "no".into(), code: None }));
    // A page arriving reveals the path again: the error stays, no second request.
    assert_eq!(m.open_on_path(&beta, false), None);
    assert!(m.is_expanded(&beta));
    assert!(matches!(m.load_state(&beta), LoadState::Failed(ApiError::Forbidden { .. })));
    // The root the same way; the user's own expand (or Retry) still fetches again.
    let mut r = TreeModel::new(&fid("1"));
    let root = r.root().clone();
    assert_eq!(r.open_on_path(&root, true), Some(fid("1")));
    r.finish_load(&fid("1"), Err(ApiError::Timeout));
    assert_eq!(r.open_on_path(&root, true), None);
    assert_eq!(m.expand(&beta), Some(fid("11")), "an explicit expand retries");
}

#[test]
fn arrows_home_end() {
    let mut m = sample();
    assert_eq!(m.tab_stop(), Some(key(EntityKind::Folder, "10")), "first item by default");
    assert_eq!(press(&mut m, Down), "Beta");
    assert_eq!(press(&mut m, Down), "Migrated Web Access Token");
    assert_eq!(press(&mut m, Up), "Beta");
    assert_eq!(press(&mut m, End), "Zed");
    assert_eq!(press(&mut m, Down), "Zed", "stays on the last item");
    assert_eq!(press(&mut m, Home), "Alpha");
    assert_eq!(press(&mut m, Up), "Alpha");
}

#[test]
fn right_opens_then_enters_left_closes_then_goes_up() {
    let mut m = sample();
    let alpha = key(EntityKind::Folder, "10");
    assert_eq!(press(&mut m, Right), "Alpha");
    assert!(m.is_expanded(&alpha));
    assert_eq!(press(&mut m, Right), "Key A");
    assert_eq!(press(&mut m, Right), "Key A", "end node: nothing");
    assert_eq!(press(&mut m, Left), "Alpha");
    assert!(m.is_expanded(&alpha), "Left on a child moves to the parent first");
    assert_eq!(press(&mut m, Left), "Alpha");
    assert!(!m.is_expanded(&alpha));
    assert_eq!(press(&mut m, Left), "Alpha", "top level: nothing");
}

#[test]
fn right_on_unloaded_folder_requests_load() {
    let mut m = sample();
    m.focus(key(EntityKind::Folder, "11"));
    let out = m.on_key(Right, 0.0);
    assert_eq!(out.load, Some(fid("11")));
    m.finish_load(&fid("11"), Err(ApiError::Network("x".into())));
    let out = m.on_key(Right, 0.0);
    assert_eq!(out.load, Some(fid("11")), "Right on a failed open folder retries");
}

#[test]
fn enter_selects_and_activates() {
    let mut m = sample();
    m.focus(key(EntityKind::Token, "101"));
    let out = m.on_key(Enter, 0.0);
    assert_eq!(out.activate, Some(key(EntityKind::Token, "101")));
    assert_eq!(m.selected(), Some(&key(EntityKind::Token, "101")));
    m.focus(key(EntityKind::Folder, "11"));
    let out = m.on_key(Enter, 0.0);
    assert_eq!(out.load, Some(fid("11")), "Enter on a closed folder opens it");
    assert!(m.is_expanded(&key(EntityKind::Folder, "11")));
}

#[test]
fn type_ahead() {
    let mut m = sample();
    assert_eq!(
        m.on_key(Char('m'), 1000.0).focus.map(|k| m.name(&k).to_owned()).unwrap(),
        "Migrated Web Access Token"
    );
    assert_eq!(m.on_key(Char('Z'), 2000.0).focus.map(|k| m.name(&k).to_owned()).unwrap(), "Zed");
    // Wraps around, and a quick second letter extends the search.
    assert_eq!(m.on_key(Char('b'), 3000.0).focus.map(|k| m.name(&k).to_owned()).unwrap(), "Beta");
    m.on_key(Home, 3100.0);
    m.on_key(Char('b'), 5000.0);
    assert_eq!(m.on_key(Char('e'), 5100.0).focus.map(|k| m.name(&k).to_owned()).unwrap(), "Beta");
    // Another key ends the string.
    m.on_key(Down, 5200.0);
    assert_eq!(m.on_key(Char('a'), 5300.0).focus.map(|k| m.name(&k).to_owned()).unwrap(), "Alpha");
    m.on_key(Char('b'), 6400.0);
    // No match: focus stays.
    assert_eq!(m.on_key(Char('q'), 9000.0).focus.map(|k| m.name(&k).to_owned()).unwrap(), "Beta");
    // Repeating a letter cycles through its matches.
    m.expand(&key(EntityKind::Folder, "10"));
    m.on_key(Home, 9500.0);
    assert_eq!(m.on_key(Char('a'), 20000.0).focus.map(|k| m.name(&k).to_owned()).unwrap(), "Alpha");
    assert_eq!(m.on_key(Char('a'), 20100.0).focus.map(|k| m.name(&k).to_owned()).unwrap(), "Alpha");
}

#[test]
fn tab_stop_prefers_focused_then_selected() {
    let mut m = sample();
    m.select(Some(key(EntityKind::Token, "101")));
    assert_eq!(m.tab_stop(), Some(key(EntityKind::Token, "101")));
    m.focus(key(EntityKind::Token, "100")); // inside collapsed Alpha: not visible
    assert_eq!(m.tab_stop(), Some(key(EntityKind::Token, "101")));
    m.focus(key(EntityKind::Folder, "11"));
    assert_eq!(m.tab_stop(), Some(key(EntityKind::Folder, "11")));
}

#[test]
fn nested_entries_are_expandable() {
    let mut m = TreeModel::new(&fid("1"));
    let mut funnel = entity(EntityKind::Other("funnel".into()), "5", "Funnel", "1");
    funnel.nested = vec![entity(EntityKind::SegmentFunnelStage, "6", "Stage 1", "1")];
    m.apply_listing(&fid("1"), listing(vec![funnel]));
    let fk = key(EntityKind::Other("funnel".into()), "5");
    assert!(m.is_expandable(&fk));
    assert_eq!(m.expand(&fk), None);
    assert_eq!(names(&m), ["Funnel", "Stage 1"]);
    assert_eq!(fk.dom_id(), "ti-funnel-5");
}

#[test]
fn upsert_move_remove_update_in_place() {
    let mut m = sample();
    let token = test_tokens::token("300", "New", "10");
    m.upsert_token(&token);
    let tk = NodeKey::token(&token.id);
    assert_eq!(m.children_of(&key(EntityKind::Folder, "10")).last(), Some(&tk));
    let renamed = Token { name: "Renamed".into(), ..token.clone() };
    m.upsert_token(&renamed);
    assert_eq!(m.children_of(&key(EntityKind::Folder, "10")).len(), 3, "replaced, not duplicated");
    assert_eq!(m.name(&tk), "Renamed");
    m.move_entity(&tk, &fid("1"));
    assert!(!m.children_of(&key(EntityKind::Folder, "10")).contains(&tk));
    assert!(m.children_of(m.root()).contains(&tk));
    m.focus(tk.clone());
    m.select(Some(tk.clone()));
    m.remove_entity(&tk);
    assert!(!m.children_of(m.root()).contains(&tk));
    assert_eq!(m.selected(), None);
    assert_eq!(m.focused(), Some(&key(EntityKind::Token, "101")), "focus moves to a neighbour");
    // A token moved into an unloaded folder just leaves; it appears when that folder loads.
    m.move_entity(&key(EntityKind::Token, "101"), &fid("11"));
    assert!(!m.children_of(m.root()).contains(&key(EntityKind::Token, "101")));
}

#[test]
fn dom_keys() {
    assert_eq!(TreeKey::from_dom("ArrowDown"), Some(Down));
    assert_eq!(TreeKey::from_dom("a"), Some(Char('a')));
    assert_eq!(TreeKey::from_dom("Tab"), None);
    assert_eq!(TreeKey::from_dom(" "), None);
    assert_eq!(key(EntityKind::Other("x y".into()), "1").dom_id(), "ti-x-y-1");
}

#[test]
fn a_duplicate_is_inserted_right_after_its_original() {
    let mut m = sample();
    let original = key(EntityKind::Token, "100");
    let copy = test_tokens::token("150", "Copy of Key A", "10");
    m.insert_token_after(&copy, &original);
    m.expand(&key(EntityKind::Folder, "10"));
    assert_eq!(
        names(&m),
        ["Alpha", "Key A", "Copy of Key A", "Seg", "Beta", "Migrated Web Access Token", "Zed"]
    );
    // Inserting it again (an answer applied twice) does not show it twice.
    m.insert_token_after(&copy, &original);
    assert_eq!(m.children_of(&key(EntityKind::Folder, "10")).len(), 3);
}
