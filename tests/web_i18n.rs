//! Browser tests of the two languages (headless Chromium via wasm-bindgen-test): numbers, dates
//! and ages through the browser's `Intl`, and a view that follows a switch of its instance's
//! language in place, remembered only when the user chose it.
#![cfg(target_arch = "wasm32")]

use leptos::prelude::*;
use profiles_studio::i18n::intl::{age, count, optional_timestamp, population, timestamp};
use profiles_studio::i18n::locale::{tr, Locale, STORAGE_KEY};
use profiles_studio::i18n::Language::{En, Ja};
use profiles_studio::instance::use_instance;
use profiles_studio::ui::text::UiText;
use wasm_bindgen_test::*;

wasm_bindgen_test_configure!(run_in_browser);

mod support;
use support::{mount_in, new_root, settle, wasm_memory};

fn local_storage() -> web_sys::Storage {
    web_sys::window().unwrap().local_storage().unwrap().unwrap()
}

/// An RFC 3339 timestamp `seconds` before now.
fn seconds_ago(seconds: f64) -> String {
    let date = js_sys::Date::new(&(js_sys::Date::now() - seconds * 1000.0).into());
    date.to_iso_string().into()
}

/// Mounts `view` in English with a locale of its own (`user_choice`: standalone, remembered).
fn mount_speaking<V: IntoView + 'static>(
    user_choice: bool,
    view: impl FnOnce() -> V + 'static,
) -> (web_sys::HtmlElement, Locale, Box<dyn std::any::Any>) {
    let root = new_root();
    let slot = std::rc::Rc::new(std::cell::Cell::new(None));
    let made = slot.clone();
    let handle = mount_in(&root, move || {
        let locale = Locale::new(En, user_choice);
        provide_context(use_instance().with_locale(locale));
        made.set(Some(locale));
        view()
    });
    let locale = slot.take().expect("the view function ran at once");
    (root, locale, handle)
}

#[wasm_bindgen_test]
fn numbers_are_grouped_and_missing_ones_shown_as_a_dash() {
    assert_eq!(population(Some(1_234_567), En), "1,234,567");
    assert_eq!(population(Some(1_234_567), Ja), "1,234,567");
    assert_eq!(population(Some(0), Ja), "0");
    assert_eq!(population(None, Ja), "—");
    assert_eq!(count(20_000.0, Ja), "20,000", "counts too, such as the filter's matches");
}

#[wasm_bindgen_test]
fn dates_follow_the_language_and_strange_ones_are_shown_as_received() {
    let ja = timestamp("2024-05-01T03:04:05Z", Ja);
    assert!(ja.starts_with("2024/05/0"), "{ja}");
    let en = timestamp("2024-05-01T03:04:05Z", En);
    assert!(en.contains("2024") && (en.contains("May") || en.contains("Apr")), "{en}");
    assert_eq!(timestamp("yesterday", Ja), "yesterday");
    assert_eq!(optional_timestamp(None, En), "—");
}

#[wasm_bindgen_test]
fn ages_are_told_in_words_of_the_language() {
    assert_eq!(age(&seconds_ago(150.0), En).as_deref(), Some("2 minutes ago"));
    assert_eq!(age(&seconds_ago(150.0), Ja).as_deref(), Some("2 分前"));
    assert_eq!(age(&seconds_ago(3.0 * 86_400.0 + 60.0), En).as_deref(), Some("3 days ago"));
    assert_eq!(age("not a date", Ja), None);
}

#[wasm_bindgen_test]
async fn a_view_follows_a_switch_in_place_and_a_users_choice_is_remembered() {
    local_storage().remove_item(STORAGE_KEY).unwrap();
    let (root, locale, _handle) = mount_speaking(true, || {
        let typed = RwSignal::new(String::new());
        view! {
            <button type="button">{tr(UiText::Retry)}</button>
            <input prop:value=move || typed.get() on:input=move |ev| typed.set(event_target_value(&ev))/>
        }
    });
    let button = root.query_selector("button").unwrap().unwrap();
    let input: web_sys::HtmlInputElement =
        wasm_bindgen::JsCast::unchecked_into(root.query_selector("input").unwrap().unwrap());
    settle().await;
    // Typed, as a user types: the value, then the input event the view listens to.
    input.set_value("kept");
    input.dispatch_event(&web_sys::Event::new("input").unwrap()).unwrap();
    assert_eq!(button.text_content().as_deref(), Some("Retry"));

    locale.set(Ja);
    settle().await;
    assert_eq!(button.text_content().as_deref(), Some("再試行"));
    assert_eq!(input.value(), "kept", "the same elements, re-worded: nothing typed is lost");
    assert!(root.query_selector("button").unwrap().unwrap().is_same_node(Some(&button)));
    assert_eq!(local_storage().get_item(STORAGE_KEY).unwrap().as_deref(), Some("ja"));
    local_storage().remove_item(STORAGE_KEY).unwrap();
}

#[wasm_bindgen_test]
async fn a_hosts_choice_is_never_stored() {
    local_storage().remove_item(STORAGE_KEY).unwrap();
    let (root, locale, _handle) =
        mount_speaking(false, || view! { <button type="button">{tr(UiText::Cancel)}</button> });
    locale.set(Ja);
    settle().await;
    assert_eq!(root.text_content().as_deref(), Some("キャンセル"));
    assert_eq!(local_storage().get_item(STORAGE_KEY).unwrap(), None);
}

#[wasm_bindgen_test]
async fn pages_that_come_and_go_leave_their_texts_nowhere() {
    use profiles_studio::i18n::locale::provide_scoped_locale;
    // A page of 40 texts, opened 600 times, as a day of browsing opens pages.
    let page = RwSignal::new(0u32);
    let (_root, _locale, _handle) = mount_speaking(false, move || {
        move || {
            page.track();
            provide_scoped_locale();
            (0..40).map(|_| view! { <span>{tr(UiText::Retry)}</span> }).collect_view()
        }
    });
    let open = |times: u32| async move {
        for _ in 0..times {
            page.update(|n| *n += 1);
            settle().await;
        }
    };
    open(100).await; // warm-up: the allocator's first pages
    let before = wasm_memory();
    open(600).await;
    let grown = wasm_memory() - before;
    // Without the page's own copy of the language, each text of each page stays behind in the
    // instance's language signal (24,000 texts here: about 1 MiB).
    assert!(grown <= 256.0 * 1024.0, "the wasm memory grew by {grown} bytes over 600 pages");
}
