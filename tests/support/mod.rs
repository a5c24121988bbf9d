//! What the browser tests (`tests/web*.rs`) share: a root element to mount into, a mount that
//! provides the `Instance` context the app's components require, the app's stylesheet, and
//! keyboard, typing and timing helpers. Each test file uses some of it.
#![allow(dead_code)]

use leptos::prelude::*;
use profiles_studio::i18n::locale::Locale;
use profiles_studio::i18n::Language;
use profiles_studio::instance::Instance;
use wasm_bindgen::JsCast;
use web_sys::{Document, Element, HtmlElement, HtmlInputElement};

pub fn document() -> Document {
    web_sys::window().unwrap().document().unwrap()
}

/// A fresh element at the end of the body to mount into.
pub fn new_root() -> HtmlElement {
    let document = document();
    let root: HtmlElement = document.create_element("div").unwrap().unchecked_into();
    document.body().unwrap().append_child(&root).unwrap();
    root
}

/// Mounts `view` into `root` as one app instance whose DOM ids have no prefix, so that tests
/// read the plain ids. Dropping the handle unmounts it.
pub fn mount_in<V: IntoView + 'static>(
    root: &HtmlElement,
    view: impl FnOnce() -> V + 'static,
) -> Box<dyn std::any::Any> {
    let element: Element = root.clone().unchecked_into();
    Box::new(leptos::mount::mount_to(root.clone(), move || {
        // English, as a host would ask for it: the assertions read the English words.
        provide_context(Instance::with_prefix(element, "", Locale::new(Language::En, false)));
        view()
    }))
}

/// The app's stylesheet, as in the app: the tree's fixed row height, the icon sizes and the
/// progress delay are in it.
pub fn use_app_styles() {
    let document = document();
    if document.get_element_by_id("app-styles").is_none() {
        let style = document.create_element("style").unwrap();
        style.set_id("app-styles");
        style.set_text_content(Some(include_str!("../../style/main.css")));
        document.head().unwrap().append_child(&style).unwrap();
    }
}

pub fn by_id(id: &str) -> HtmlElement {
    document().get_element_by_id(id).unwrap_or_else(|| panic!("no #{id}")).unchecked_into()
}

pub fn attr(el: &Element, name: &str) -> Option<String> {
    el.get_attribute(name)
}

pub fn active_id() -> String {
    document().active_element().map(|el| el.id()).unwrap_or_default()
}

/// Presses `key` on the focused element (a `keydown` that bubbles), then lets Leptos settle.
pub async fn press(key: &str) {
    press_with(key, false).await;
}

/// `press` with or without Shift.
pub async fn press_with(key: &str, shift: bool) {
    let target = document().active_element().expect("something has focus");
    press_on(&target, key, shift).await;
}

/// Presses `key` on `target`, wherever focus is (inside a shadow root the document only sees
/// the host).
pub async fn press_on(target: &Element, key: &str, shift: bool) {
    let init = web_sys::KeyboardEventInit::new();
    init.set_key(key);
    init.set_shift_key(shift);
    init.set_bubbles(true);
    init.set_composed(true);
    init.set_cancelable(true);
    let ev = web_sys::KeyboardEvent::new_with_keyboard_event_init_dict("keydown", &init).unwrap();
    target.dispatch_event(&ev).unwrap();
    settle().await;
}

/// The size of the wasm memory in bytes (it only grows: what a test of leaks compares).
pub fn wasm_memory() -> f64 {
    let memory: js_sys::WebAssembly::Memory = wasm_bindgen::memory().unchecked_into();
    memory.buffer().unchecked_into::<js_sys::ArrayBuffer>().byte_length() as f64
}

/// Lets Leptos apply what an event changed (property effects may need a second turn).
pub async fn settle() {
    leptos::task::tick().await;
    leptos::task::tick().await;
}

/// Types `text` into the focused input (sets the value and fires `input`, as typing does).
pub async fn type_text(text: &str) {
    let input: HtmlInputElement = document().active_element().unwrap().unchecked_into();
    type_into(&input, text).await;
}

/// Types `text` into `input`.
pub async fn type_into(input: &HtmlInputElement, text: &str) {
    input.set_value(text);
    let event = document().create_event("Event").unwrap();
    event.init_event_with_bubbles_and_cancelable("input", true, true);
    input.dispatch_event(&event).unwrap();
    settle().await;
}

/// Waits for the next animation frame (widgets measure and retry focus there).
pub async fn next_frame() {
    let promise = js_sys::Promise::new(&mut |resolve, _| {
        _ = web_sys::window().unwrap().request_animation_frame(&resolve);
    });
    _ = wasm_bindgen_futures::JsFuture::from(promise).await;
}

/// Waits `ms` milliseconds.
pub async fn sleep(ms: i32) {
    let promise = js_sys::Promise::new(&mut |resolve, _| {
        web_sys::window()
            .unwrap()
            .set_timeout_with_callback_and_timeout_and_arguments_0(&resolve, ms)
            .unwrap();
    });
    wasm_bindgen_futures::JsFuture::from(promise).await.unwrap();
}
