//! After a panic: a screen that says what happened and offers "Reload", instead of a page that
//! silently stops reacting. Built with plain DOM calls: Leptos' state may be what broke, and on
//! wasm a panic aborts the instance, so nothing here may need Rust to run again later (the
//! button calls the browser's own `location.reload`). The open form's draft is saved first
//! (`draft_storage`), and brought back at the next start by `install`.

use crate::state::draft_storage;
use wasm_bindgen::JsCast;
use web_sys::{Document, Element, HtmlElement};

/// The recovery screen's element id (one screen, however many panics).
pub const SCREEN_ID: &str = "recovery";

pub const HEADING: &str = "Something went wrong";
pub const WHAT_HAPPENED: &str = "Profiles Studio hit an internal error and stopped. Reload starts it again; \
     your tokens on the server are as they were. Details are in the browser's console.";
pub const DRAFT_KEPT: &str = "Your unsaved changes to the open token form were kept in this tab. \
     After Reload (and connecting again, if asked) the form opens with them.";

/// Brings back a draft a crash left behind, then replaces the default panic output with
/// `on_panic`. Call once, before mounting the app.
pub fn install() {
    draft_storage::restore_saved_draft();
    std::panic::set_hook(Box::new(|info| {
        console_error_panic_hook::hook(info);
        after_panic();
    }));
}

/// What the hook does after logging: save the open form's draft, then show the screen.
pub fn after_panic() {
    let kept = draft_storage::save_open_draft();
    if let Some(body) = web_sys::window().and_then(|w| w.document()).and_then(|d| d.body()) {
        show_screen(&body, kept);
    }
}

/// Hides everything in `body` (and closes open dialogs, which would keep the rest of the page
/// inert) and shows the recovery screen there, focused on "Reload". Once only.
pub fn show_screen(body: &HtmlElement, draft_kept: bool) -> Option<()> {
    let document = body.owner_document()?;
    if document.get_element_by_id(SCREEN_ID).is_some() {
        return Some(());
    }
    let dialogs = body.query_selector_all("dialog[open]").ok()?;
    for i in 0..dialogs.length() {
        if let Some(dialog) = dialogs.item(i).and_then(|d| d.dyn_into::<web_sys::HtmlDialogElement>().ok()) {
            dialog.close();
        }
    }
    let children = body.children();
    for i in 0..children.length() {
        if let Some(child) = children.item(i) {
            _ = child.set_attribute("hidden", "");
        }
    }
    let screen = render_screen(&document, draft_kept)?;
    body.append_child(&screen).ok()?;
    let button = screen.query_selector("button").ok()??;
    button.dyn_into::<HtmlElement>().ok()?.focus().ok()
}

/// The screen itself: a heading, what happened in plain words, whether the draft was kept,
/// and the "Reload" button.
pub fn render_screen(document: &Document, draft_kept: bool) -> Option<Element> {
    let text = |tag: &str, content: &str| -> Option<Element> {
        let el = document.create_element(tag).ok()?;
        el.set_text_content(Some(content));
        Some(el)
    };
    let main = document.create_element("main").ok()?;
    main.set_id(SCREEN_ID);
    main.set_class_name("page narrow recovery");
    main.append_child(&text("h1", HEADING)?.into()).ok()?;
    main.append_child(&text("p", WHAT_HAPPENED)?.into()).ok()?;
    if draft_kept {
        let note = text("p", DRAFT_KEPT)?;
        note.set_class_name("notice");
        main.append_child(&note).ok()?;
    }
    let button = text("button", "Reload")?;
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
