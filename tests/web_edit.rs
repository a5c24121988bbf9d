//! Browser tests of the token form's widgets (headless Chromium via wasm-bindgen-test): the APG
//! tabs, the searchable picker (combobox + listbox) and the unsaved-changes guard, driven by
//! keyboard events as a user would.
#![cfg(target_arch = "wasm32")]

use leptos::prelude::*;
use profiles_studio::api::{FolderId, ParentSegmentId, TokenId};
use profiles_studio::routes::AppRoute;
use profiles_studio::session::LeaveGuard;
use profiles_studio::session::Router;
use profiles_studio::ui::{Picker, PickerOption, TabList, TabPanel};
use std::sync::{Arc, Mutex};
use wasm_bindgen::JsCast;
use wasm_bindgen_test::*;
use web_sys::{Element, HtmlElement, HtmlInputElement};

wasm_bindgen_test_configure!(run_in_browser);

mod support;
use support::{active_id, attr, by_id, mount_in, new_root, press, settle, type_text};

// ---------- Tabs ----------

#[wasm_bindgen_test]
async fn tabs_are_labelled_and_arrows_move_and_select() {
    let root = new_root();
    let _h = mount_in(&root, || {
        let selected = RwSignal::new(0usize);
        view! {
            <TabList label="Token settings" prefix="t1" tabs=vec!["Configure".into(), "Segments".into()] selected/>
            <TabPanel prefix="t1" index=0 selected><input id="t1-field"/></TabPanel>
            <TabPanel prefix="t1" index=1 selected><p>"Segments here"</p></TabPanel>
        }
    });
    leptos::task::tick().await;
    let list = root.query_selector("[role=tablist]").unwrap().expect("a tablist");
    assert_eq!(attr(&list, "aria-label").as_deref(), Some("Token settings"));
    let (configure, segments) = (by_id("t1-tab-0"), by_id("t1-tab-1"));
    let (p0, p1) = (by_id("t1-panel-0"), by_id("t1-panel-1"));
    assert_eq!(attr(&configure, "role").as_deref(), Some("tab"));
    assert_eq!(attr(&configure, "aria-controls").as_deref(), Some("t1-panel-0"));
    assert_eq!(attr(&p0, "role").as_deref(), Some("tabpanel"));
    assert_eq!(attr(&p0, "aria-labelledby").as_deref(), Some("t1-tab-0"));
    assert_eq!(attr(&p1, "aria-labelledby").as_deref(), Some("t1-tab-1"));
    assert_eq!(attr(&configure, "aria-selected").as_deref(), Some("true"));
    assert_eq!(attr(&segments, "aria-selected").as_deref(), Some("false"));
    assert_eq!(attr(&configure, "tabindex").as_deref(), Some("0"), "one tab stop");
    assert_eq!(attr(&segments, "tabindex").as_deref(), Some("-1"));
    assert!(!p0.hidden() && p1.hidden());

    configure.focus().unwrap();
    press("ArrowRight").await;
    assert_eq!(active_id(), "t1-tab-1", "Right moves focus");
    assert_eq!(attr(&segments, "aria-selected").as_deref(), Some("true"), "and selects");
    assert_eq!(attr(&segments, "tabindex").as_deref(), Some("0"));
    assert_eq!(attr(&configure, "tabindex").as_deref(), Some("-1"));
    assert!(p0.hidden() && !p1.hidden());
    press("ArrowRight").await;
    assert_eq!(active_id(), "t1-tab-0", "Right wraps to the first");
    press("ArrowLeft").await;
    assert_eq!(active_id(), "t1-tab-1", "Left wraps to the last");
    press("Home").await;
    assert_eq!(active_id(), "t1-tab-0");
    press("End").await;
    assert_eq!(active_id(), "t1-tab-1");
    press("ArrowDown").await;
    assert_eq!(active_id(), "t1-tab-1", "Down is not a tab key");
    // A click selects too; the hidden panel keeps what was typed.
    let field: HtmlInputElement = by_id("t1-field").unchecked_into();
    field.set_value("kept");
    configure.click();
    leptos::task::tick().await;
    assert!(!p0.hidden());
    assert_eq!(field.value(), "kept");
}

// ---------- Picker (combobox + listbox) ----------

fn opt(value: &str, label: &str, chosen: bool) -> PickerOption {
    PickerOption { value: value.into(), label: label.into(), detail: "Batch".into(), chosen }
}

struct MountedPicker {
    _handle: Box<dyn std::any::Any>,
    picked: Arc<Mutex<Vec<String>>>,
    escapes: Arc<Mutex<u32>>,
    submits: Arc<Mutex<u32>>,
}

fn mount_picker(id: &'static str) -> MountedPicker {
    let root = new_root();
    let picked = Arc::new(Mutex::new(Vec::new()));
    let escapes = Arc::new(Mutex::new(0));
    let submits = Arc::new(Mutex::new(0));
    let (p, e, s) = (picked.clone(), escapes.clone(), submits.clone());
    let handle = mount_in(&root, move || {
        let options = Signal::derive(|| {
            vec![
                opt("1", "High Spenders", false),
                opt("2", "Lapsed Buyers", false),
                opt("3", "Weekend Shoppers", true),
            ]
        });
        let on_pick = Callback::new(move |v: String| p.lock().unwrap().push(v));
        let on_escape = Callback::new(move |()| *e.lock().unwrap() += 1);
        let on_submit = move |ev: leptos::ev::SubmitEvent| {
            ev.prevent_default();
            *s.lock().unwrap() += 1;
        };
        view! {
            <form on:submit=on_submit>
                <Picker id label="Search segments" options on_pick on_escape empty_text="No segment matches."/>
            </form>
        }
    });
    MountedPicker { _handle: handle, picked, escapes, submits }
}

fn visible_options(id: &str) -> Vec<Element> {
    let list = by_id(&format!("{id}-list"));
    let nodes = list.query_selector_all("[role=option]").unwrap();
    (0..nodes.length()).map(|i| nodes.item(i).unwrap().unchecked_into()).collect()
}

#[wasm_bindgen_test]
async fn picker_is_an_apg_combobox_with_a_listbox() {
    let m = mount_picker("p1");
    leptos::task::tick().await;
    let input = by_id("p1");
    assert_eq!(attr(&input, "role").as_deref(), Some("combobox"));
    assert_eq!(attr(&input, "aria-autocomplete").as_deref(), Some("list"));
    assert_eq!(attr(&input, "aria-expanded").as_deref(), Some("false"));
    assert_eq!(attr(&input, "aria-controls").as_deref(), Some("p1-list"));
    let label = document().query_selector("label[for=p1]").unwrap().expect("a label");
    assert_eq!(label.text_content().as_deref(), Some("Search segments"));
    let list = by_id("p1-list");
    assert_eq!(attr(&list, "role").as_deref(), Some("listbox"));
    assert!(list.hidden(), "closed until used");

    input.focus().unwrap();
    press("ArrowDown").await;
    assert_eq!(attr(&input, "aria-expanded").as_deref(), Some("true"));
    assert!(!list.hidden());
    let options = visible_options("p1");
    assert_eq!(options.len(), 3);
    assert_eq!(attr(&input, "aria-activedescendant"), Some(options[0].id()), "Down opens on the first");
    assert_eq!(active_id(), "p1", "focus stays in the text box");
    // The chosen one is marked, in ARIA and in text.
    assert_eq!(attr(&options[2], "aria-selected").as_deref(), Some("true"));
    assert!(options[2].text_content().unwrap().contains("Added"));
    assert_eq!(attr(&options[0], "aria-selected").as_deref(), Some("false"));

    press("ArrowDown").await;
    assert_eq!(attr(&input, "aria-activedescendant"), Some(visible_options("p1")[1].id()));
    assert!(visible_options("p1")[1].class_name().contains("active"));
    press("ArrowUp").await;
    press("ArrowUp").await;
    assert_eq!(attr(&input, "aria-activedescendant"), Some(visible_options("p1")[2].id()), "Up wraps");
    press("Enter").await;
    assert_eq!(*m.picked.lock().unwrap(), ["3"]);
    assert_eq!(*m.submits.lock().unwrap(), 0, "Enter picks, it does not submit the form");
    assert_eq!(attr(&input, "aria-expanded").as_deref(), Some("false"), "a pick closes the list");
    assert_eq!(attr(&input, "aria-activedescendant"), None);

    press("ArrowDown").await;
    assert_eq!(attr(&input, "aria-expanded").as_deref(), Some("true"), "Down opens it again");
    press("Escape").await;
    assert_eq!(attr(&input, "aria-expanded").as_deref(), Some("false"), "Escape closes the list");
    assert_eq!(attr(&input, "aria-activedescendant"), None);
    assert_eq!(*m.escapes.lock().unwrap(), 0);
    press("Escape").await;
    assert_eq!(*m.escapes.lock().unwrap(), 1, "Escape on a closed, empty box asks the owner");
}

#[wasm_bindgen_test]
async fn typing_filters_and_enter_picks_the_first_match() {
    let m = mount_picker("p2");
    leptos::task::tick().await;
    let input = by_id("p2");
    input.focus().unwrap();
    type_text("SHOP").await;
    assert_eq!(attr(&input, "aria-expanded").as_deref(), Some("true"));
    let options = visible_options("p2");
    assert_eq!(options.len(), 1);
    assert!(options[0].text_content().unwrap().contains("Weekend Shoppers"));
    assert_eq!(attr(&input, "aria-activedescendant"), Some(options[0].id()), "the first match is active");
    type_text("lapsed b").await;
    press("Enter").await;
    assert_eq!(*m.picked.lock().unwrap(), ["2"]);
    assert_eq!(attr(&input, "aria-expanded").as_deref(), Some("false"), "a pick closes the list");
    let value = input.unchecked_ref::<HtmlInputElement>().value();
    assert_eq!(value, "", "the text is cleared for the next pick");

    type_text("nothing like it").await;
    assert!(visible_options("p2").is_empty());
    assert!(by_id("p2-list").hidden(), "no empty listbox");
    let status = document().query_selector("#p2 ~ [role=status]").unwrap().expect("a status line");
    assert_eq!(status.text_content().as_deref(), Some("No segment matches."));
    press("Enter").await;
    assert_eq!(m.picked.lock().unwrap().len(), 1, "nothing to pick");
    // Escape: closes, then clears the text, then (empty) asks the owner.
    press("Escape").await;
    press("Escape").await;
    assert_eq!(input.unchecked_ref::<HtmlInputElement>().value(), "");
    assert_eq!(*m.escapes.lock().unwrap(), 0);
    press("Escape").await;
    assert_eq!(*m.escapes.lock().unwrap(), 1);
}

#[wasm_bindgen_test]
async fn clicking_an_option_picks_it() {
    let m = mount_picker("p3");
    leptos::task::tick().await;
    let input = by_id("p3");
    input.focus().unwrap();
    press("ArrowDown").await;
    let second: HtmlElement = visible_options("p3")[1].clone().unchecked_into();
    second.click();
    leptos::task::tick().await;
    assert_eq!(*m.picked.lock().unwrap(), ["2"]);
}

// ---------- The unsaved-changes guard ----------

#[wasm_bindgen_test]
async fn a_guarded_router_holds_navigation_until_the_user_decides() {
    let ps = ParentSegmentId::parse("101").unwrap();
    let edit = AppRoute::EditToken(ps.clone(), TokenId::parse("5001").unwrap());
    let folder = AppRoute::Folder(ps, FolderId::parse("1011").unwrap());
    let owner = Owner::new();
    owner.set();
    let router = Router::new(edit.clone());
    router.arrive(folder.clone());
    assert_eq!(router.route(), folder, "unguarded: followed");
    let router = Router::new(edit.clone());
    router.set_guarded(true);
    router.arrive(folder.clone());
    assert_eq!(router.route(), edit, "guarded: held");
    assert_eq!(router.held(), Some(folder.clone()));
    router.stay();
    assert_eq!(router.held(), None);
    assert_eq!(router.route(), edit);
    router.arrive(edit.clone());
    assert_eq!(router.held(), None, "arriving where we are is no navigation");
    router.arrive(folder.clone());
    router.set_guarded(false);
    assert_eq!(router.held(), None, "releasing the guard forgets the held route");
}

#[wasm_bindgen_test]
async fn leave_guard_asks_in_a_dialog_and_stay_or_leave_decide() {
    let ps = ParentSegmentId::parse("101").unwrap();
    let edit = AppRoute::EditToken(ps.clone(), TokenId::parse("5001").unwrap());
    let folder = AppRoute::Folder(ps, FolderId::parse("1011").unwrap());
    let router = Router::new(edit.clone());
    let (stays, leaves) = (Arc::new(Mutex::new(0)), Arc::new(Mutex::new(0)));
    let (s, l) = (stays.clone(), leaves.clone());
    let dirty = RwSignal::new(true);
    let root = new_root();
    let _h = mount_in(&root, move || {
        provide_context(router);
        let on_stay = Callback::new(move |()| *s.lock().unwrap() += 1);
        let on_leave = Callback::new(move |()| *l.lock().unwrap() += 1);
        view! { <LeaveGuard dirty what="your changes to this token" on_stay on_leave/> }
    });
    settle().await;
    assert!(root.query_selector("dialog").unwrap().is_none(), "nothing to ask yet");
    router.arrive(folder.clone());
    settle().await;
    let dialog = document().query_selector("dialog[role=dialog]").unwrap().expect("the question");
    let title = document().get_element_by_id(&attr(&dialog, "aria-labelledby").unwrap()).unwrap();
    assert_eq!(title.text_content().as_deref(), Some("Leave without saving?"));
    assert!(dialog.text_content().unwrap().contains("You have not saved your changes to this token"));
    let stay = document().active_element().expect("focus is in the dialog");
    assert_eq!(stay.text_content().as_deref(), Some("Stay on this page"), "the safe choice has focus");
    stay.unchecked_ref::<HtmlElement>().click();
    settle().await;
    assert!(document().query_selector("dialog").unwrap().is_none());
    assert_eq!((router.route(), router.held()), (edit.clone(), None));
    assert_eq!(*stays.lock().unwrap(), 1);

    router.arrive(folder.clone());
    settle().await;
    let buttons = document().query_selector_all("dialog button").unwrap();
    let leave: HtmlElement = (0..buttons.length())
        .map(|i| buttons.item(i).unwrap().unchecked_into::<HtmlElement>())
        .find(|b| b.text_content().as_deref() == Some("Leave and discard"))
        .expect("a Leave button");
    leave.click();
    settle().await;
    assert_eq!(*leaves.lock().unwrap(), 1);
    assert_eq!(router.held(), None);
    assert!(document().query_selector("dialog").unwrap().is_none());

    // Clean: nothing is held.
    dirty.set(false);
    settle().await;
    router.arrive(folder.clone());
    assert_eq!(router.route(), folder, "a clean page lets the user go");
}
