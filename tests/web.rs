//! Browser tests of the folder tree (headless Chromium via wasm-bindgen-test): rendering,
//! ARIA attributes and the APG keyboard behaviour, with a pre-filled model and no network.
#![cfg(target_arch = "wasm32")]

use leptos::prelude::*;
use profiles_studio::api::{ApiError, Entity, EntityKind, FolderId, FolderListing};
use profiles_studio::i18n::Verbatim;
use profiles_studio::token::actions::text::ActionText;
use profiles_studio::tree::Tree;
use profiles_studio::tree::{NodeKey, TreeModel, TreeStore};
use std::sync::{Arc, Mutex};
use wasm_bindgen::JsCast;
use wasm_bindgen_test::*;
use web_sys::{Element, HtmlElement};

wasm_bindgen_test_configure!(run_in_browser);

mod support;
use support::{attr, mount_in, new_root, next_frame, press, type_into, use_app_styles, wasm_memory};

fn fid(s: &str) -> FolderId {
    FolderId::parse(s).unwrap()
}

fn entity(kind: EntityKind, id: &str, name: &str, parent: &str) -> Entity {
    Entity {
        id: id.into(),
        kind,
        name: name.into(),
        description: None,
        population: Some(10),
        parent_folder_id: Some(fid(parent)),
        permissions: None,
        nested: vec![],
    }
}

/// root(1): Alpha(10)/[Key A(100), Seg(200)], Beta(11) failed, Migrated Web Access Token(12) loading, Zed(101)
fn model() -> TreeModel {
    let mut m = TreeModel::new(&fid("1"));
    let top = vec![
        entity(EntityKind::Folder, "10", "Alpha", "1"),
        entity(EntityKind::Folder, "11", "Beta", "1"),
        entity(EntityKind::Folder, "12", "Migrated Web Access Token", "1"),
        entity(EntityKind::Token, "101", "Zed", "1"),
    ];
    m.apply_listing(&fid("1"), FolderListing { folder: None, children: top });
    let alpha = vec![
        entity(EntityKind::Token, "100", "Key A", "10"),
        entity(EntityKind::SegmentRealtime, "200", "Seg", "10"),
    ];
    m.apply_listing(&fid("10"), FolderListing { folder: None, children: alpha });
    m
}

struct Mounted {
    _handle: Box<dyn std::any::Any>,
    root: HtmlElement,
    activated: Arc<Mutex<Vec<NodeKey>>>,
}

fn mount(model: TreeModel) -> Mounted {
    use_app_styles();
    let root = new_root();
    let activated = Arc::new(Mutex::new(Vec::new()));
    let log = activated.clone();
    let handle = mount_in(&root, move || {
        let store = TreeStore::new(model, None);
        let on_activate = Callback::new(move |k: NodeKey| log.lock().unwrap().push(k));
        view! { <Tree store label="Folders of Demo" on_activate/> }
    });
    Mounted { _handle: handle, root, activated }
}

fn item(root: &HtmlElement, name: &str) -> HtmlElement {
    let items = root.query_selector_all("[role=treeitem]").unwrap();
    for i in 0..items.length() {
        let el: HtmlElement = items.item(i).unwrap().unchecked_into();
        if accessible_name(&el) == name {
            return el;
        }
    }
    panic!("no treeitem named {name}");
}

/// The name given by `aria-labelledby` (how the tree items are named).
fn accessible_name(el: &Element) -> String {
    let id = el.get_attribute("aria-labelledby").unwrap_or_default();
    document().get_element_by_id(&id).and_then(|l| l.text_content()).unwrap_or_default()
}

/// The group an item owns through `aria-owns` (a DOM sibling, as in the APG navigation tree).
fn group_of(item: &Element) -> Option<Element> {
    let group = document().get_element_by_id(&item.get_attribute("aria-owns")?)?;
    (group.get_attribute("role").as_deref() == Some("group")).then_some(group)
}

fn focused_name() -> String {
    document().active_element().map(|el| accessible_name(&el)).unwrap_or_default()
}

#[wasm_bindgen_test]
async fn renders_tree_roles_and_aria() {
    let m = mount(model());
    leptos::task::tick().await;
    let tree = m.root.query_selector("[role=tree]").unwrap().expect("a tree");
    assert_eq!(attr(&tree, "aria-label").as_deref(), Some("Folders of Demo"));
    let top = m.root.query_selector_all("[role=tree] > li > [role=treeitem]").unwrap();
    assert_eq!(top.length(), 4);

    let alpha = item(&m.root, "Alpha");
    assert_eq!(attr(&alpha, "data-kind").as_deref(), Some("folder"));
    assert_eq!(attr(&alpha, "aria-expanded").as_deref(), Some("false"));
    assert_eq!(attr(&alpha, "aria-level").as_deref(), Some("1"));
    assert_eq!(attr(&alpha, "aria-posinset").as_deref(), Some("1"));
    assert_eq!(attr(&alpha, "aria-setsize").as_deref(), Some("4"));
    assert_eq!(attr(&alpha, "aria-selected").as_deref(), Some("false"));
    assert_eq!(attr(&alpha, "tabindex").as_deref(), Some("0"), "the first item is the tab stop");

    let zed = item(&m.root, "Zed");
    assert_eq!(attr(&zed, "data-kind").as_deref(), Some("token"));
    assert_eq!(attr(&zed, "aria-expanded"), None, "end nodes have no aria-expanded");
    assert_eq!(attr(&zed, "aria-posinset").as_deref(), Some("4"));
    assert_eq!(attr(&zed, "tabindex").as_deref(), Some("-1"));
    let key_icon = zed.query_selector("svg.icon-key").unwrap().expect("tokens are prefaced with a key icon");
    assert_eq!(attr(&key_icon, "aria-hidden").as_deref(), Some("true"));
    assert!(alpha.query_selector("svg.icon-key").unwrap().is_none());
    assert!(m.root.query_selector_all("[role=treeitem][tabindex='0']").unwrap().length() == 1);
    assert!(m.root.inner_html().find("style=").is_none(), "no inline styles");
}

#[wasm_bindgen_test]
async fn arrows_open_close_and_move() {
    let m = mount(model());
    leptos::task::tick().await;
    item(&m.root, "Alpha").focus().unwrap();

    press("ArrowDown").await;
    assert_eq!(focused_name(), "Beta");
    assert_eq!(
        attr(&item(&m.root, "Beta"), "tabindex").as_deref(),
        Some("0"),
        "roving tabindex follows focus"
    );
    assert_eq!(attr(&item(&m.root, "Alpha"), "tabindex").as_deref(), Some("-1"));
    press("ArrowUp").await;
    assert_eq!(focused_name(), "Alpha");

    press("ArrowRight").await;
    let alpha = item(&m.root, "Alpha");
    assert_eq!(attr(&alpha, "aria-expanded").as_deref(), Some("true"));
    assert_eq!(focused_name(), "Alpha", "Right opens without moving");
    let group = group_of(&alpha).expect("children in a group owned by the item");
    assert_eq!(group.query_selector_all("[role=treeitem]").unwrap().length(), 2);
    let seg = item(&m.root, "Seg");
    assert_eq!(attr(&seg, "aria-level").as_deref(), Some("2"));
    assert_eq!(attr(&seg, "data-kind").as_deref(), Some("segment-realtime"));
    assert_eq!(attr(&seg, "aria-posinset").as_deref(), Some("2"));
    assert_eq!(attr(&seg, "aria-setsize").as_deref(), Some("2"));

    press("ArrowRight").await;
    assert_eq!(focused_name(), "Key A", "Right on an open folder enters it");
    press("ArrowDown").await;
    assert_eq!(focused_name(), "Seg");
    press("ArrowLeft").await;
    assert_eq!(focused_name(), "Alpha", "Left on a child goes to the parent");
    press("ArrowLeft").await;
    assert_eq!(attr(&item(&m.root, "Alpha"), "aria-expanded").as_deref(), Some("false"));
    assert!(m.root.query_selector_all("[role=group]").unwrap().length() == 0);

    press("End").await;
    assert_eq!(focused_name(), "Zed");
    press("Home").await;
    assert_eq!(focused_name(), "Alpha");
    assert_eq!(m.root.query_selector_all("[role=treeitem][tabindex='0']").unwrap().length(), 1);
}

#[wasm_bindgen_test]
async fn enter_selects_and_type_ahead_finds() {
    let m = mount(model());
    leptos::task::tick().await;
    item(&m.root, "Alpha").focus().unwrap();

    press("z").await;
    assert_eq!(focused_name(), "Zed");
    press("Enter").await;
    let zed = item(&m.root, "Zed");
    assert_eq!(attr(&zed, "aria-selected").as_deref(), Some("true"));
    assert_eq!(m.activated.lock().unwrap().last().map(|k| k.id.clone()).as_deref(), Some("101"));

    press("m").await;
    assert_eq!(focused_name(), "Migrated Web Access Token");
    press("Tab").await; // not the tree's key: nothing changes
    assert_eq!(focused_name(), "Migrated Web Access Token");
}

#[wasm_bindgen_test]
async fn loading_and_failed_folders_show_status_and_retry() {
    let mut model = model();
    let beta = NodeKey::folder(&fid("11"));
    model.expand(&beta);
    model.finish_load(
        &fid("11"),
        Err(ApiError::Server { status: 500, message: "boom".into(), retry_after_secs: None }),
    );
    model.expand(&NodeKey::folder(&fid("12"))); // stays loading: no client in tests
    let m = mount(model);
    leptos::task::tick().await;

    let beta = item(&m.root, "Beta");
    let group = group_of(&beta).expect("a group under the failed folder");
    let alert = group.query_selector("[role=alert]").unwrap().expect("error in place");
    assert!(alert.text_content().unwrap_or_default().contains("500"));
    let status_item = alert.parent_element().unwrap();
    assert_eq!(attr(&status_item, "role").as_deref(), Some("treeitem"), "groups hold only tree items");
    assert_eq!(attr(&status_item, "aria-level").as_deref(), Some("2"));
    let retry = status_item.query_selector("button").unwrap().expect("a Retry button");
    assert_eq!(retry.text_content().as_deref(), Some("Retry"));
    assert_eq!(accessible_name(&beta), "Beta", "status text is not part of the item's name");
    assert_eq!(beta.text_content().as_deref(), Some("Beta"), "the item's own text is just its name");

    let migrated = item(&m.root, "Migrated Web Access Token");
    let status =
        group_of(&migrated).unwrap().query_selector("[role=status]").unwrap().expect("loading status");
    assert!(status.text_content().unwrap_or_default().contains("Loading"));
}

#[wasm_bindgen_test]
async fn clicking_a_folder_row_opens_and_selects_it() {
    let m = mount(model());
    leptos::task::tick().await;
    let alpha = item(&m.root, "Alpha");
    let row: HtmlElement = alpha.query_selector(".tree-row").unwrap().unwrap().unchecked_into();
    row.click();
    leptos::task::tick().await;
    assert_eq!(attr(&alpha, "aria-expanded").as_deref(), Some("true"));
    assert_eq!(attr(&alpha, "aria-selected").as_deref(), Some("true"));
    assert_eq!(m.activated.lock().unwrap().len(), 1);
    // The toggle closes it again, without activating.
    let toggle: HtmlElement = alpha.query_selector(".tree-toggle").unwrap().unwrap().unchecked_into();
    toggle.click();
    leptos::task::tick().await;
    assert_eq!(attr(&alpha, "aria-expanded").as_deref(), Some("false"));
    assert_eq!(m.activated.lock().unwrap().len(), 1);
}

// ---------- Large folders: the tree is virtualized ----------

/// root(1): Bulk import(10)/[Token 0..Token 4999], After(11); Bulk import open.
fn big_model() -> TreeModel {
    let mut m = TreeModel::new(&fid("1"));
    let top = vec![
        entity(EntityKind::Folder, "10", "Bulk import", "1"),
        entity(EntityKind::Folder, "11", "After", "1"),
    ];
    m.apply_listing(&fid("1"), FolderListing { folder: None, children: top });
    let tokens = (0..5000)
        .map(|i| entity(EntityKind::Token, &(1000 + i).to_string(), &format!("Token {i}"), "10"))
        .collect();
    m.apply_listing(&fid("10"), FolderListing { folder: None, children: tokens });
    m.expand(&NodeKey::folder(&fid("10")));
    m
}

fn treeitem_count(root: &HtmlElement) -> u32 {
    root.query_selector_all("[role=treeitem]").unwrap().length()
}

fn in_view(el: &Element) -> bool {
    let r = el.get_bounding_client_rect();
    let height = web_sys::window().unwrap().inner_height().unwrap().as_f64().unwrap();
    r.top() >= 0.0 && r.bottom() <= height && r.height() > 0.0
}

#[wasm_bindgen_test]
async fn a_5000_child_folder_renders_only_the_rows_in_view() {
    let m = mount(big_model());
    next_frame().await;
    next_frame().await;
    let n = treeitem_count(&m.root);
    assert!((10..200).contains(&n), "{n} tree items in the DOM for 5,002 rows");
    let first = item(&m.root, "Token 0");
    assert_eq!(attr(&first, "aria-setsize").as_deref(), Some("5000"), "the set size counts every child");
    assert_eq!(attr(&first, "aria-posinset").as_deref(), Some("1"));
    assert_eq!(attr(&first, "aria-level").as_deref(), Some("2"));
    // Spacers keep the group as tall as all its rows, so the scroll bar is true.
    let group = group_of(&item(&m.root, "Bulk import")).unwrap();
    let row = first.get_bounding_client_rect().height();
    let tall = group.get_bounding_client_rect().height();
    assert!((tall - 5000.0 * row).abs() < row, "group {tall}px for 5,000 rows of {row}px");
}

#[wasm_bindgen_test]
async fn end_reaches_the_last_child_of_a_large_folder_focused_and_visible() {
    let m = mount(big_model());
    next_frame().await;
    item(&m.root, "Bulk import").focus().unwrap();
    press("ArrowDown").await;
    assert_eq!(focused_name(), "Token 0");
    press("End").await;
    next_frame().await;
    next_frame().await;
    assert_eq!(focused_name(), "After", "End goes to the last row of the tree");
    press("ArrowUp").await;
    next_frame().await;
    next_frame().await;
    assert_eq!(focused_name(), "Token 4999", "the row above it was not rendered before");
    let last = item(&m.root, "Token 4999");
    assert_eq!(attr(&last, "aria-posinset").as_deref(), Some("5000"));
    assert_eq!(attr(&last, "tabindex").as_deref(), Some("0"));
    assert!(in_view(&last), "the focused row is scrolled into view");
    let n = treeitem_count(&m.root);
    assert!(n < 200, "{n} tree items after scrolling to the end");
    // Type-ahead jumps back up to a row far outside the window.
    press("T").await;
    press("o").await;
    press("k").await;
    next_frame().await;
    next_frame().await;
    assert!(focused_name().starts_with("Token "), "type-ahead stays on a token");
    press("Home").await;
    next_frame().await;
    assert_eq!(focused_name(), "Bulk import");
    assert!(in_view(&item(&m.root, "Bulk import")));
}

#[wasm_bindgen_test]
async fn a_5000_row_folder_table_renders_only_the_rows_in_view() {
    use profiles_studio::api::ParentSegmentId;
    use profiles_studio::browse::FolderTable;
    use_app_styles();
    let root = new_root();
    let _handle = mount_in(&root, move || {
        let store = TreeStore::new(big_model(), None);
        view! { <FolderTable store folder=fid("10") ps=ParentSegmentId::parse("9").unwrap()/> }
    });
    next_frame().await;
    next_frame().await;
    let table = root.query_selector("table").unwrap().unwrap();
    assert_eq!(attr(&table, "aria-rowcount").as_deref(), Some("5001"), "the header row and 5,000 rows");
    let rows = || root.query_selector_all("tbody tr[aria-rowindex]").unwrap();
    let n = rows().length();
    assert!((10..200).contains(&n), "{n} rows in the DOM");
    let first: Element = rows().item(0).unwrap().unchecked_into();
    assert_eq!(attr(&first, "aria-rowindex").as_deref(), Some("2"));
    assert!(first.text_content().unwrap_or_default().contains("Token 0"));
    // Scrolling to the end renders the last rows, and only those.
    let window = web_sys::window().unwrap();
    window.scroll_to_with_x_and_y(0.0, root.get_bounding_client_rect().bottom() + window.scroll_y().unwrap());
    next_frame().await;
    next_frame().await;
    let n = rows().length();
    assert!(n < 200, "{n} rows after scrolling");
    let last: Element = rows().item(n - 1).unwrap().unchecked_into();
    assert_eq!(attr(&last, "aria-rowindex").as_deref(), Some("5001"));
    assert!(in_view(&last), "the last row is on screen");
    window.scroll_to_with_x_and_y(0.0, 0.0);
}

/// A tree of `model` with its filter box above it, as the browse layout shows them.
fn mount_filtered(model: TreeModel) -> (HtmlElement, Box<dyn std::any::Any>) {
    use profiles_studio::tree::TreeFilterBox;
    use_app_styles();
    let root = new_root();
    let handle = mount_in(&root, move || {
        let store = TreeStore::new(model, None);
        view! { <TreeFilterBox store/><Tree store label="Folders of Demo" on_activate=|_| {}/> }
    });
    (root, handle)
}

#[wasm_bindgen_test]
async fn the_filter_box_filters_announces_and_clears_with_escape() {
    let (root, _handle) = mount_filtered(model());
    leptos::task::tick().await;
    let input: web_sys::HtmlInputElement = root.query_selector("input").unwrap().unwrap().unchecked_into();
    assert_eq!(attr(&input, "type").as_deref(), Some("search"));
    let label = root.query_selector("label[for=tree-filter]").unwrap().unwrap();
    assert_eq!(label.text_content().as_deref(), Some("Filter"), "named Filter");
    let status = root.query_selector("[role=status]").unwrap().expect("a status line");
    let names = || {
        let items = root.query_selector_all("[role=treeitem]").unwrap();
        (0..items.length())
            .map(|i| accessible_name(&items.item(i).unwrap().unchecked_into()))
            .collect::<Vec<_>>()
    };
    assert_eq!(names(), ["Alpha", "Beta", "Migrated Web Access Token", "Zed"]);
    input.set_value("KEY");
    input.dispatch_event(&web_sys::Event::new("input").unwrap()).unwrap();
    leptos::task::tick().await;
    assert_eq!(names(), ["Alpha", "Key A"], "the match and its (opened) folder");
    assert_eq!(status.text_content().as_deref(), Some("1 match"));
    assert_eq!(attr(&item(&root, "Alpha"), "aria-expanded").as_deref(), Some("true"));
    assert_eq!(
        attr(&item(&root, "Key A"), "aria-setsize").as_deref(),
        Some("1"),
        "sizes count what is shown"
    );
    input.focus().unwrap();
    assert_eq!(document().active_element().map(|e| e.tag_name()).as_deref(), Some("INPUT"));
    press("Escape").await;
    assert_eq!(status.text_content().as_deref(), Some(""));
    assert_eq!(input.value(), "");
    assert_eq!(status.text_content().as_deref(), Some(""));
    assert_eq!(
        names(),
        ["Alpha", "Beta", "Migrated Web Access Token", "Zed"],
        "Escape shows everything again"
    );
}

/// Filters typed and cleared over a working day leave nothing of the rows they showed behind:
/// each row's memos leave the tree's layout and tab stop when the row goes.
#[wasm_bindgen_test]
async fn filtering_again_and_again_leaves_no_rows_behind() {
    let (root, _handle) = mount_filtered(big_model());
    next_frame().await;
    let input: web_sys::HtmlInputElement = root.query_selector("input").unwrap().unwrap().unchecked_into();
    let filters = |times: usize| {
        let input = input.clone();
        async move {
            for i in 0..times {
                type_into(&input, &format!("Token {}", i % 10)).await;
                type_into(&input, "").await;
            }
        }
    };
    filters(10).await; // warm-up: the allocator's first pages
    assert!(treeitem_count(&root) > 20, "the cleared filter shows the rows again");
    let before = wasm_memory();
    filters(40).await;
    let grown = wasm_memory() - before;
    // Without fleeting row memos, each row shown stays behind in the layout's and the tab
    // stop's subscriber sets: 3.8 MiB here (about 100 KB per filter). With them, 384 KiB:
    // reactive_graph keeps each row's owner in the list's owner until the list goes.
    assert!(grown <= 1024.0 * 1024.0, "the wasm memory grew by {grown} bytes over 40 filters");
}

// ---------- Dialog (APG modal dialog) ----------

mod dialog {
    use super::*;
    use profiles_studio::ui::Dialog;
    use support::{active_id, by_id, press_with};

    /// An "Open" button and a dialog with a field, Cancel (first focus) and OK.
    fn mount_dialog(prefix: &'static str) -> (Box<dyn std::any::Any>, Arc<Mutex<u32>>) {
        let root = new_root();
        let closes = Arc::new(Mutex::new(0));
        let count = closes.clone();
        let handle = mount_in(&root, move || {
            let open = RwSignal::new(false);
            let on_close = Callback::new(move |()| {
                *count.lock().unwrap() += 1;
                open.set(false);
            });
            view! {
                <button id=format!("{prefix}-opener") on:click=move |_| open.set(true)>"Open"</button>
                <button id=format!("{prefix}-outside")>"Outside"</button>
                {move || open.get().then(|| view! {
                    <Dialog title="Rename the thing" on_close>
                        <label>"Name" <input id=format!("{prefix}-name") type="text"/></label>
                        <div>
                            <button id=format!("{prefix}-cancel") data-autofocus="" on:click=move |_| open.set(false)>"Cancel"</button>
                            <button id=format!("{prefix}-ok")>"OK"</button>
                        </div>
                    </Dialog>
                })}
            }
        });
        (handle, closes)
    }

    async fn open(prefix: &str) -> Element {
        let opener = by_id(&format!("{prefix}-opener"));
        opener.focus().unwrap();
        opener.click();
        leptos::task::tick().await;
        document()
            .query_selector("dialog[role=dialog]")
            .unwrap()
            .expect("a dialog is shown after clicking the opener")
    }

    #[wasm_bindgen_test]
    async fn is_labelled_modal_and_focuses_inside() {
        let (_h, _) = mount_dialog("d1");
        let dialog = open("d1").await;
        assert_eq!(attr(&dialog, "aria-modal").as_deref(), Some("true"));
        let title_id = attr(&dialog, "aria-labelledby").expect("labelled by its title");
        let title = document().get_element_by_id(&title_id).expect("the title element");
        assert_eq!(title.text_content().as_deref(), Some("Rename the thing"));
        assert_eq!(title.tag_name(), "H2");
        let native: web_sys::HtmlDialogElement = dialog.clone().unchecked_into();
        assert!(native.open(), "shown with showModal()");
        assert_eq!(active_id(), "d1-cancel", "focus moves to the data-autofocus element");
        press("Escape").await;
    }

    #[wasm_bindgen_test]
    async fn tab_and_shift_tab_wrap_inside() {
        let (_h, _) = mount_dialog("d2");
        open("d2").await;
        by_id("d2-ok").focus().unwrap();
        press_with("Tab", false).await;
        assert_eq!(active_id(), "d2-name", "Tab on the last element wraps to the first");
        press_with("Tab", true).await;
        assert_eq!(active_id(), "d2-ok", "Shift+Tab on the first element wraps to the last");
        // In the middle, Tab is left to the browser (not moved by the dialog).
        by_id("d2-cancel").focus().unwrap();
        press_with("Tab", false).await;
        assert_eq!(active_id(), "d2-cancel");
        press("Escape").await;
    }

    #[wasm_bindgen_test]
    async fn escape_closes_and_focus_returns_to_the_opener() {
        let (_h, closes) = mount_dialog("d3");
        open("d3").await;
        by_id("d3-name").focus().unwrap();
        press("Escape").await;
        assert_eq!(*closes.lock().unwrap(), 1, "Escape asks the owner to close, once");
        assert!(document().query_selector("dialog").unwrap().is_none(), "the dialog is gone");
        assert_eq!(active_id(), "d3-opener", "focus is back on the button that opened it");
    }

    #[wasm_bindgen_test]
    async fn cancel_closes_and_focus_returns_to_the_opener() {
        let (_h, closes) = mount_dialog("d4");
        open("d4").await;
        by_id("d4-cancel").click();
        leptos::task::tick().await;
        assert!(document().query_selector("dialog").unwrap().is_none());
        assert_eq!(*closes.lock().unwrap(), 0, "Cancel is the owner's own button");
        assert_eq!(active_id(), "d4-opener");
    }
}

// ---------- Folder picker (the Move dialog's tree) ----------

mod picker {
    use super::*;
    use profiles_studio::api::FolderPermissions;

    /// root(1): Alpha(10)/[Key A (token), Inner(13)], Locked(11, no edit), Zed (token)
    fn source() -> TreeModel {
        let mut m = TreeModel::new(&fid("1"));
        let mut locked = entity(EntityKind::Folder, "11", "Locked", "1");
        locked.permissions = Some(FolderPermissions { view: true, edit: false });
        let top = vec![
            entity(EntityKind::Folder, "10", "Alpha", "1"),
            locked,
            entity(EntityKind::Token, "101", "Zed", "1"),
        ];
        m.apply_listing(&fid("1"), FolderListing { folder: None, children: top });
        let alpha = vec![
            entity(EntityKind::Token, "100", "Key A", "10"),
            entity(EntityKind::Folder, "13", "Inner", "10"),
        ];
        m.apply_listing(&fid("10"), FolderListing { folder: None, children: alpha });
        m
    }

    /// The name from every id in `aria-labelledby`, joined by spaces.
    fn name_of(el: &Element) -> String {
        let ids = el.get_attribute("aria-labelledby").unwrap_or_default();
        let parts: Vec<String> = ids
            .split_whitespace()
            .filter_map(|id| document().get_element_by_id(id).and_then(|l| l.text_content()))
            .collect();
        parts.join(" ")
    }

    fn picker_item(root: &HtmlElement, name: &str) -> HtmlElement {
        let items =
            root.query_selector_all("[role=tree][aria-label='Destination folder'] [role=treeitem]").unwrap();
        (0..items.length())
            .map(|i| items.item(i).unwrap().unchecked_into::<HtmlElement>())
            .find(|el| name_of(el) == name)
            .unwrap_or_else(|| panic!("no picker item named {name}"))
    }

    #[wasm_bindgen_test]
    async fn folders_only_current_and_read_only_disabled_with_the_reason() {
        let document = document();
        let root = new_root();
        let handle = mount_in(&root, || {
            let src = source();
            let main = TreeStore::new(src.clone(), None);
            let pick = TreeStore::new(TreeModel::folder_picker(&src, "Demo", &fid("10")), None);
            let noop = Callback::new(|_: NodeKey| {});
            view! {
                <Tree store=main label="Folders of Demo" on_activate=noop/>
                <Tree store=pick label="Destination folder" on_activate=noop/>
            }
        });
        leptos::task::tick().await;

        let tree = root.query_selector("[role=tree][aria-label='Destination folder']").unwrap().unwrap();
        assert_eq!(tree.query_selector_all("[data-kind=token]").unwrap().length(), 0, "folders only");
        let top = picker_item(&root, "Demo");
        assert_eq!(attr(&top, "aria-level").as_deref(), Some("1"), "the root folder is the top item");
        assert_eq!(attr(&top, "aria-expanded").as_deref(), Some("true"));
        let alpha = picker_item(&root, "Alpha (Current folder)");
        assert_eq!(attr(&alpha, "aria-disabled").as_deref(), Some("true"));
        assert_eq!(attr(&alpha, "tabindex").as_deref(), Some("0"), "focus starts on the current folder");
        let locked = picker_item(&root, "Locked (No edit permission)");
        assert_eq!(attr(&locked, "aria-disabled").as_deref(), Some("true"));
        // Every id is unique although both trees show the same folders.
        let ids = root.query_selector_all("[id]").unwrap();
        let mut seen = std::collections::HashSet::new();
        for i in 0..ids.length() {
            let id = ids.item(i).unwrap().unchecked_into::<Element>().id();
            assert!(seen.insert(id.clone()), "duplicate id {id}");
        }
        assert_eq!(alpha.id(), "pick-ti-folder-10");

        // Disabled items can't be chosen, by click or by Enter; a click still opens them.
        let row = |el: &HtmlElement| -> HtmlElement {
            el.query_selector(".tree-row").unwrap().unwrap().unchecked_into()
        };
        row(&locked).click();
        leptos::task::tick().await;
        assert_eq!(attr(&locked, "aria-selected").as_deref(), Some("false"));
        assert_eq!(attr(&locked, "aria-expanded").as_deref(), Some("true"));
        row(&alpha).click();
        leptos::task::tick().await;
        assert_eq!(attr(&alpha, "aria-selected").as_deref(), Some("false"));
        alpha.focus().unwrap();
        press("Enter").await;
        assert_eq!(attr(&alpha, "aria-selected").as_deref(), Some("false"));
        // The current folder's loaded subfolders show (its token doesn't); Down, Enter chooses.
        press("ArrowDown").await;
        let inner = picker_item(&root, "Inner");
        assert_eq!(document.active_element().map(|e| e.id()).as_deref(), Some("pick-ti-folder-13"));
        press("Enter").await;
        assert_eq!(attr(&inner, "aria-selected").as_deref(), Some("true"));
        assert_eq!(attr(&inner, "aria-disabled"), None);
        row(&top).click();
        leptos::task::tick().await;
        assert_eq!(attr(&top, "aria-selected").as_deref(), Some("true"), "the root is a destination too");
        // The main tree is unchanged: nothing disabled, its own ids.
        let main_alpha = item(&root, "Alpha");
        assert_eq!(main_alpha.id(), "ti-folder-10");
        assert_eq!(attr(&main_alpha, "aria-disabled"), None);
        drop(handle);
    }
}

// ---------- Toasts ----------

mod toasts {
    use super::*;
    use profiles_studio::ui::toast::{ToastAction, ToastHost, Toasts};

    #[wasm_bindgen_test]
    async fn announced_politely_and_undo_runs_once() {
        let root = new_root();
        let slot: Arc<Mutex<Option<Toasts>>> = Arc::new(Mutex::new(None));
        let put = slot.clone();
        let _handle = mount_in(&root, move || {
            let toasts = Toasts::new();
            *put.lock().unwrap() = Some(toasts);
            view! { <ToastHost toasts/> }
        });
        leptos::task::tick().await;
        let toasts = slot.lock().unwrap().unwrap();
        let region =
            root.query_selector("[role=status]").unwrap().expect("the live region exists before any toast");
        assert_eq!(region.child_element_count(), 0);

        let runs = Arc::new(Mutex::new(0));
        let count = runs.clone();
        let undo = ToastAction::new(ActionText::Undo, move || *count.lock().unwrap() += 1);
        toasts.show(ActionText::Moved("A".into(), "B".into()), Some(undo));
        leptos::task::tick().await;
        assert!(region.text_content().unwrap_or_default().contains("Moved “A” to “B”."));
        let undo: HtmlElement = region.query_selector("button").unwrap().unwrap().unchecked_into();
        assert_eq!(undo.text_content().as_deref(), Some("Undo"));
        undo.click();
        undo.click(); // a second click on the same (now removed) button does nothing
        leptos::task::tick().await;
        assert_eq!(*runs.lock().unwrap(), 1, "Undo runs once");
        assert_eq!(region.child_element_count(), 0, "and its toast is gone");

        for i in 1..=4 {
            toasts.show(Verbatim(format!("Toast {i}")), None);
        }
        leptos::task::tick().await;
        assert_eq!(toasts.messages(), ["Toast 2", "Toast 3", "Toast 4"], "at most three, oldest first out");
        let dismiss: HtmlElement = region.query_selector("button").unwrap().unwrap().unchecked_into();
        assert_eq!(dismiss.text_content().as_deref(), Some("Dismiss"));
        dismiss.click();
        leptos::task::tick().await;
        assert_eq!(toasts.messages(), ["Toast 3", "Toast 4"]);
        assert!(root.inner_html().find("style=").is_none(), "no inline styles");
    }
}
