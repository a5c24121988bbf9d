//! Browser test of the progress indicator (headless Chromium via wasm-bindgen-test): with the
//! app's own stylesheet, a `Loading` line is hidden when it appears and visible only once the
//! wait passes ~150 ms, so an answer faster than that never flashes a spinner.
#![cfg(target_arch = "wasm32")]

use leptos::prelude::*;
use profiles_studio::ui::Loading;
use wasm_bindgen::JsValue;
use wasm_bindgen_test::*;
use web_sys::Element;

wasm_bindgen_test_configure!(run_in_browser);

mod support;
use support::{mount_in, new_root, sleep, use_app_styles};

/// `getComputedStyle(el).visibility`: what decides whether the user sees it.
fn visibility(el: &Element) -> String {
    let f = js_sys::Function::new_with_args("el", "return getComputedStyle(el).visibility");
    f.call1(&JsValue::NULL, el).ok().and_then(|v| v.as_string()).unwrap_or_default()
}

#[wasm_bindgen_test]
async fn progress_is_hidden_at_first_and_shown_once_the_wait_passes_150_ms() {
    use_app_styles();
    let root = new_root();
    let _handle = mount_in(&root, || view! { <Loading label="Saving…"/> });
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
