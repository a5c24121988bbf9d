//! Browser test of the progress indicator (headless Chromium via wasm-bindgen-test): with the
//! app's own stylesheet, a `Loading` line is hidden when it appears and visible only once the
//! wait passes ~150 ms, so an answer faster than that never flashes a spinner.
#![cfg(target_arch = "wasm32")]

use leptos::prelude::*;
use profiles_studio::components::Loading;
use wasm_bindgen::{JsCast, JsValue};
use wasm_bindgen_test::*;
use web_sys::{Element, HtmlElement};

wasm_bindgen_test_configure!(run_in_browser);

/// The stylesheet trunk links into index.html.
const APP_CSS: &str = include_str!("../style/main.css");

fn document() -> web_sys::Document {
    web_sys::window().unwrap().document().unwrap()
}

fn install_app_css() {
    let document = document();
    if document.get_element_by_id("app-css").is_some() {
        return;
    }
    let style = document.create_element("style").unwrap();
    style.set_id("app-css");
    style.set_text_content(Some(APP_CSS));
    document.head().unwrap().append_child(&style).unwrap();
}

/// `getComputedStyle(el).visibility`: what decides whether the user sees it.
fn visibility(el: &Element) -> String {
    let f = js_sys::Function::new_with_args("el", "return getComputedStyle(el).visibility");
    f.call1(&JsValue::NULL, el).ok().and_then(|v| v.as_string()).unwrap_or_default()
}

async fn sleep(ms: i32) {
    let promise = js_sys::Promise::new(&mut |resolve, _| {
        web_sys::window()
            .unwrap()
            .set_timeout_with_callback_and_timeout_and_arguments_0(&resolve, ms)
            .unwrap();
    });
    wasm_bindgen_futures::JsFuture::from(promise).await.unwrap();
}

#[wasm_bindgen_test]
async fn progress_is_hidden_at_first_and_shown_once_the_wait_passes_150_ms() {
    install_app_css();
    let root: HtmlElement = document().create_element("div").unwrap().unchecked_into();
    document().body().unwrap().append_child(&root).unwrap();
    let _handle = leptos::mount::mount_to(root.clone(), || view! { <Loading label="Saving…"/> });
    let status = root.query_selector("[role=status]").unwrap().expect("a status line");
    assert_eq!(status.text_content().as_deref(), Some("Saving…"));
    // The moment it is inserted (a fast answer removes it before the delay ends): not shown.
    assert_eq!(visibility(&status), "hidden", "no flash for a fast answer");
    // A wait longer than the delay: shown, spinner included.
    sleep(450).await;
    assert_eq!(visibility(&status), "visible", "shown once the wait passes ~150 ms");
    let spinner = status.query_selector(".spinner").unwrap().expect("a spinner");
    assert_eq!(visibility(&spinner), "visible");
}
