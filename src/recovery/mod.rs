//! After a panic: a screen that says what happened and offers "Reload", instead of a page that
//! silently stops reacting. Built with plain DOM calls: Leptos' state may be what broke, and on
//! wasm a panic aborts the instance, so nothing here may need Rust to run again later (the
//! button calls the browser's own `location.reload`). The screen is drawn inside each mounted
//! instance's root, never elsewhere on the page. The open form's draft is saved first
//! (`draft_storage`), and brought back when the instance is mounted again.

pub mod text;

use crate::i18n::{Language, Localized};
use crate::token::form::draft_storage;
use crate::token::form::drafts::DraftBook;
use std::cell::RefCell;
use std::rc::{Rc, Weak};
use text::RecoveryText;
use wasm_bindgen::JsCast;
use web_sys::{Document, Element};

/// The recovery screen's local element id (one screen per instance, however many panics).
pub const SCREEN_ID: &str = "recovery";

/// What the panic hook needs of one mounted instance: where to draw, and whose draft to keep
/// where. Made by the mount, which holds it for as long as the instance lives.
pub struct CrashTarget {
    pub root: Element,
    /// The instance's DOM id prefix (the screen's id is `prefix` + [`SCREEN_ID`]).
    pub id_prefix: String,
    /// The sessionStorage key of this instance's draft after a crash.
    pub storage_key: String,
    pub drafts: Rc<RefCell<DraftBook>>,
}

thread_local! {
    /// The instances mounted on this page. The one page-wide list in the app, because the panic
    /// hook is page-wide too, and a panic stops every instance of the wasm module, so each must
    /// show its own screen. Weak: an unmounted instance drops out by itself.
    static MOUNTED: RefCell<Vec<Weak<CrashTarget>>> = const { RefCell::new(Vec::new()) };
}

/// Puts `target` on the list the panic hook goes through, for as long as it is alive.
pub fn register(target: &Rc<CrashTarget>) {
    MOUNTED.with(|m| {
        let mut m = m.borrow_mut();
        m.retain(|t| t.strong_count() > 0);
        m.push(Rc::downgrade(target));
    });
}

/// Replaces the default panic output with console logging followed by [`after_panic`]. Call
/// before mounting; calling again changes nothing.
pub fn install() {
    static ONCE: std::sync::Once = std::sync::Once::new();
    ONCE.call_once(|| {
        std::panic::set_hook(Box::new(|info| {
            console_error_panic_hook::hook(info);
            after_panic();
        }));
    });
}

/// What the hook does after logging: in every mounted instance, save the open form's draft,
/// then show the screen.
pub fn after_panic() {
    let targets: Vec<Rc<CrashTarget>> = MOUNTED
        .try_with(|m| m.try_borrow().map(|m| m.iter().filter_map(Weak::upgrade).collect()).ok())
        .ok()
        .flatten()
        .unwrap_or_default();
    for target in targets {
        // The book may be borrowed by the code that panicked: then there is nothing safe to save.
        let kept = target
            .drafts
            .try_borrow()
            .is_ok_and(|book| draft_storage::save_open_draft(&target.storage_key, &book));
        show_screen(&target.root, &target.id_prefix, kept);
    }
}

/// Hides everything in `root` (and closes open dialogs, which would keep the rest of the page
/// inert) and shows the recovery screen there, focused on "Reload". Once only.
pub fn show_screen(root: &Element, id_prefix: &str, draft_kept: bool) -> Option<()> {
    let document = root.owner_document()?;
    let id = format!("{id_prefix}{SCREEN_ID}");
    if root.query_selector(&format!("[id='{id}']")).ok()?.is_some() {
        return Some(());
    }
    let dialogs = root.query_selector_all("dialog[open]").ok()?;
    for i in 0..dialogs.length() {
        if let Some(dialog) = dialogs.item(i).and_then(|d| d.dyn_into::<web_sys::HtmlDialogElement>().ok()) {
            dialog.close();
        }
    }
    let children = root.children();
    for i in 0..children.length() {
        if let Some(child) = children.item(i) {
            _ = child.set_attribute("hidden", "");
        }
    }
    let screen = render_screen(&document, &id, draft_kept, language_of(root))?;
    root.append_child(&screen).ok()?;
    let button = screen.query_selector("button").ok()??;
    button.dyn_into::<web_sys::HtmlElement>().ok()?.focus().ok()
}

/// The language the instance in `root` was speaking: the nearest `lang` (kept by its locale on
/// the root or on `<html>`), read from the DOM because the reactive state may be what broke.
fn language_of(root: &Element) -> Language {
    let tag = root.closest("[lang]").ok().flatten().and_then(|el| el.get_attribute("lang"));
    tag.and_then(|t| Language::from_tag(&t)).unwrap_or_default()
}

/// The screen itself, in `language`: a heading, what happened in plain words, whether the
/// draft was kept, and the "Reload" button.
pub fn render_screen(document: &Document, id: &str, draft_kept: bool, language: Language) -> Option<Element> {
    let text = |tag: &str, content: RecoveryText| -> Option<Element> {
        let el = document.create_element(tag).ok()?;
        el.set_text_content(Some(&content.in_language(language)));
        Some(el)
    };
    let main = document.create_element("main").ok()?;
    main.set_id(id);
    main.set_class_name("page narrow recovery");
    main.append_child(&text("h1", RecoveryText::Heading)?.into()).ok()?;
    main.append_child(&text("p", RecoveryText::WhatHappened)?.into()).ok()?;
    if draft_kept {
        let note = text("p", RecoveryText::DraftKept)?;
        note.set_class_name("notice");
        main.append_child(&note).ok()?;
    }
    let button = text("button", RecoveryText::Reload)?;
    button.set_attribute("type", "button").ok()?;
    button.set_class_name("button button-primary");
    // The browser's own function, bound to `location`: it works even though the wasm instance
    // that panicked cannot run again.
    let location = document.location()?;
    let reload: js_sys::Function = js_sys::Reflect::get(&location, &"reload".into()).ok()?.dyn_into().ok()?;
    button.add_event_listener_with_callback("click", &reload.bind0(&location)).ok()?;
    main.append_child(&button).ok()?;
    Some(main)
}
