//! Browser tests of what a panic or a Disconnect leaves (headless Chromium via
//! wasm-bindgen-test): the recovery screen, the open form's draft going to sessionStorage and
//! coming back at the next start, and Disconnect forgetting every draft.
#![cfg(target_arch = "wasm32")]

use leptos::prelude::Owner;
use profiles_studio::api::FolderId;
use profiles_studio::i18n::{Language, Localized};
use profiles_studio::recovery::text::RecoveryText;
use profiles_studio::recovery::{after_panic, register, render_screen, show_screen, CrashTarget, SCREEN_ID};
use profiles_studio::session::connection::Access;
use profiles_studio::session::Session;
use profiles_studio::token::form::draft_storage::{self, STORAGE_KEY};
use profiles_studio::token::form::drafts::{Draft, DraftBook, Drafts};
use profiles_studio::token::form::model::TokenForm;
use std::cell::RefCell;
use std::rc::Rc;
use wasm_bindgen::JsCast;
use wasm_bindgen_test::*;
use web_sys::{Document, HtmlElement, Storage};

wasm_bindgen_test_configure!(run_in_browser);

fn document() -> Document {
    web_sys::window().unwrap().document().unwrap()
}

fn session_storage() -> Storage {
    web_sys::window().unwrap().session_storage().unwrap().unwrap()
}

/// A draft book as an instance holds it, and its `Drafts` handle (inside `owner`).
fn book(owner: &Owner) -> (Rc<RefCell<DraftBook>>, Drafts) {
    let book = Rc::new(RefCell::new(DraftBook::default()));
    let drafts = owner.with(|| Drafts::new(book.clone(), STORAGE_KEY));
    (book, drafts)
}

fn draft() -> Draft {
    let folder = FolderId::parse("1012").unwrap();
    let mut form = TokenForm::new(folder.clone());
    form.name = "Checkout <b>Upsell</b>".into();
    form.description = "kept \u{202e}across a crash".into();
    Draft { base: None, original: TokenForm::new(folder), form }
}

#[wasm_bindgen_test]
fn the_screen_says_what_happened_and_offers_reload() {
    let en = |t: RecoveryText| t.in_language(Language::En).into_owned();
    let screen = render_screen(&document(), SCREEN_ID, false, Language::En).unwrap();
    assert_eq!(screen.tag_name(), "MAIN");
    assert_eq!(screen.id(), SCREEN_ID);
    assert_eq!(
        screen.query_selector("h1").unwrap().unwrap().text_content().unwrap(),
        en(RecoveryText::Heading)
    );
    let paragraphs = screen.query_selector_all("p").unwrap();
    assert_eq!(paragraphs.length(), 1, "no draft line when no draft was kept");
    assert_eq!(paragraphs.item(0).unwrap().text_content().unwrap(), en(RecoveryText::WhatHappened));
    let button = screen.query_selector("button").unwrap().unwrap();
    assert_eq!(button.text_content().unwrap(), "Reload");
    assert_eq!(button.get_attribute("type").as_deref(), Some("button"));

    let with_draft = render_screen(&document(), SCREEN_ID, true, Language::En).unwrap();
    let text = with_draft.text_content().unwrap();
    assert!(text.contains(&en(RecoveryText::DraftKept)), "{text}");
}

#[wasm_bindgen_test]
fn the_screen_speaks_the_language_of_the_instance_it_replaces() {
    let doc = document();
    let host: HtmlElement = doc.create_element("div").unwrap().unchecked_into();
    host.set_attribute("lang", "ja").unwrap();
    let root: HtmlElement = doc.create_element("div").unwrap().unchecked_into();
    host.append_child(&root).unwrap();
    doc.body().unwrap().append_child(&host).unwrap();
    show_screen(&root, "ja-", false).unwrap();
    let screen = doc.get_element_by_id(&format!("ja-{SCREEN_ID}")).unwrap();
    assert_eq!(screen.query_selector("h1").unwrap().unwrap().text_content().unwrap(), "問題が発生しました");
    assert_eq!(screen.query_selector("button").unwrap().unwrap().text_content().unwrap(), "再読み込み");
    host.remove();
}

#[wasm_bindgen_test]
fn the_screen_replaces_the_page_once_closes_dialogs_and_takes_focus() {
    let doc = document();
    // A stand-in for <body>: the test runner's own output lives in the real one.
    let body: HtmlElement = doc.create_element("div").unwrap().unchecked_into();
    body.set_inner_html("<div id='app-stand-in'>app</div><dialog id='dlg-stand-in'>dialog</dialog>");
    doc.body().unwrap().append_child(&body).unwrap();
    let dialog: web_sys::HtmlDialogElement = doc.get_element_by_id("dlg-stand-in").unwrap().unchecked_into();
    dialog.show_modal().unwrap();

    show_screen(&body, "", true).unwrap();
    show_screen(&body, "", true).unwrap();
    assert_eq!(doc.query_selector_all(&format!("#{SCREEN_ID}")).unwrap().length(), 1, "one screen");
    assert!(doc.get_element_by_id("app-stand-in").unwrap().has_attribute("hidden"));
    assert!(!dialog.open(), "an open modal dialog would keep the screen inert");
    let screen = doc.get_element_by_id(SCREEN_ID).unwrap();
    assert!(!screen.has_attribute("hidden"));
    let focused = doc.active_element().unwrap();
    assert_eq!(focused.text_content().unwrap(), "Reload");
    body.remove();
}

#[wasm_bindgen_test]
fn after_a_panic_the_open_draft_is_saved_and_the_page_replaced() {
    let doc = document();
    let storage = session_storage();
    storage.remove_item(STORAGE_KEY).unwrap();
    let owner = Owner::new();
    let (book, drafts) = book(&owner);
    // The standalone page: the instance's root is the body, its ids have no prefix here.
    let target = Rc::new(CrashTarget {
        root: doc.body().unwrap().into(),
        id_prefix: String::new(),
        storage_key: STORAGE_KEY.into(),
        drafts: book.clone(),
    });
    register(&target);
    book.borrow_mut().mirror_open("create/1012", Some(draft()));

    after_panic();
    let saved = storage.get_item(STORAGE_KEY).unwrap().expect("the draft is saved");
    let screen = doc.get_element_by_id(SCREEN_ID).expect("the screen is shown");
    assert!(screen.text_content().unwrap().contains(&*RecoveryText::DraftKept.in_language(Language::En)));
    let body = doc.body().unwrap();
    let hidden = body.query_selector_all(":scope > [hidden]").unwrap().length();

    // Put the runner's page back before asserting more (it reads its output from the body).
    screen.remove();
    let children = body.children();
    for i in 0..children.length() {
        children.item(i).unwrap().remove_attribute("hidden").unwrap();
    }
    assert!(hidden > 0, "the page under the screen is hidden");
    assert!(draft_storage::restore_saved_draft(STORAGE_KEY, drafts));
    assert_eq!(drafts.take("create/1012"), Some(draft()));
    book.borrow_mut().close_open("create/1012");
    assert!(saved.contains("create/1012"));
    drop(target);
}

#[wasm_bindgen_test]
fn the_open_draft_is_saved_by_the_hook_and_restored_once_at_start() {
    let storage = session_storage();
    storage.remove_item(STORAGE_KEY).unwrap();
    let owner = Owner::new();
    let (book, drafts) = book(&owner);
    // Nothing open: nothing written.
    book.borrow_mut().mirror_open("create/1012", None);
    assert!(!draft_storage::save_open_draft(STORAGE_KEY, &book.borrow()));
    assert_eq!(storage.get_item(STORAGE_KEY).unwrap(), None);

    // The session's key is in storage too ("Remember in this tab"): the draft must not carry it.
    storage
        .set_item("profiles-studio.session", r#"{"region":"us","baseUrl":"","apiKey":"1/secretkey"}"#)
        .unwrap();
    book.borrow_mut().mirror_open("create/1012", Some(draft()));
    assert!(draft_storage::save_open_draft(STORAGE_KEY, &book.borrow()));
    let saved = storage.get_item(STORAGE_KEY).unwrap().unwrap();
    assert!(saved.contains("Checkout <b>Upsell</b>"), "{saved}");
    assert!(!saved.contains("secretkey"), "{saved}");
    storage.remove_item("profiles-studio.session").unwrap();

    book.borrow_mut().close_open("create/1012");
    assert!(draft_storage::restore_saved_draft(STORAGE_KEY, drafts));
    assert_eq!(storage.get_item(STORAGE_KEY).unwrap(), None, "read once");
    assert_eq!(drafts.take("create/1012"), Some(draft()), "the wizard finds it");
    assert!(!draft_storage::restore_saved_draft(STORAGE_KEY, drafts));

    storage.set_item(STORAGE_KEY, "<html>tampered</html>").unwrap();
    assert!(!draft_storage::restore_saved_draft(STORAGE_KEY, drafts));
    assert_eq!(storage.get_item(STORAGE_KEY).unwrap(), None, "garbage is removed too");
}

#[wasm_bindgen_test]
fn disconnect_forgets_every_draft_kept_open_or_saved_after_a_crash() {
    let storage = session_storage();
    let owner = Owner::new();
    let (book, drafts) = book(&owner);
    let session = owner.with(|| Session::start(drafts, Access::Connect));
    book.borrow_mut().keep("edit/5001", draft());
    book.borrow_mut().mirror_open("create/1012", Some(draft()));
    storage.set_item(STORAGE_KEY, "{}").unwrap();

    session.disconnect();
    assert_eq!(drafts.take("edit/5001"), None);
    assert_eq!(book.borrow().open_draft(), None);
    assert_eq!(storage.get_item(STORAGE_KEY).unwrap(), None);
    // The form's cleanup runs after Disconnect: it must not keep its draft again.
    book.borrow_mut().keep("edit/5001", draft());
    assert_eq!(drafts.take("edit/5001"), None);
}
