//! The app framed by another console (`index.html` in its iframe): the parent posts
//! `{ type: "profiles-studio:authorization", value }`, accepted only from the exact origins that
//! `config.json` lists in `embedOrigins` and ignored (silently) from any other; the app says
//! `{ type: "profiles-studio:ready" }` to an allowed parent when it is ready to take one.

use leptos::prelude::*;
use wasm_bindgen::{JsCast, JsValue};

/// The message types of the exchange.
const AUTHORIZATION: &str = "profiles-studio:authorization";
const READY: &str = "profiles-studio:ready";

/// While the calling owner lives: calls `on_value` with each credential an allowed parent posts,
/// after telling that parent the app is ready. Does nothing when not framed or nothing allowed.
pub fn accept_credential(allowed: Vec<String>, on_value: impl Fn(String) + 'static) {
    let Some(window) = web_sys::window() else { return };
    let Some(parent) = window.parent().ok().flatten() else { return };
    if allowed.is_empty() || js_sys::Object::is(&parent, &window) {
        return;
    }
    let allowed_inside = allowed.clone();
    let handle = window_event_listener(leptos::ev::message, move |ev| {
        if !allowed_inside.contains(&ev.origin()) {
            return;
        }
        let data = ev.data();
        let field = |name: &str| js_sys::Reflect::get(&data, &JsValue::from_str(name)).ok()?.as_string();
        if field("type").as_deref() == Some(AUTHORIZATION) {
            if let Some(value) = field("value") {
                on_value(value);
            }
        }
    });
    on_cleanup(move || handle.remove());
    if let Some(origin) = parent_origin(&window).filter(|o| allowed.contains(o)) {
        let message = js_sys::Object::new();
        _ = js_sys::Reflect::set(&message, &"type".into(), &READY.into());
        _ = parent.post_message(&message, &origin);
    }
}

/// The parent page's origin: `location.ancestorOrigins` where the browser has it, else the
/// origin of the referrer (the page that framed us).
fn parent_origin(window: &web_sys::Window) -> Option<String> {
    let ancestors = js_sys::Reflect::get(&window.location(), &"ancestorOrigins".into()).ok();
    let first = ancestors
        .and_then(|list| list.dyn_into::<web_sys::DomStringList>().ok())
        .and_then(|list| list.item(0));
    first.or_else(|| origin_of(&window.document()?.referrer()))
}

/// `scheme://host[:port]` of an absolute URL.
fn origin_of(url: &str) -> Option<String> {
    let (scheme, rest) = url.split_once("://")?;
    let host = rest.split(['/', '?', '#']).next().filter(|h| !h.is_empty())?;
    Some(format!("{scheme}://{host}"))
}

#[cfg(test)]
mod tests {
    use super::origin_of;

    #[test]
    fn origins_of_referrers() {
        assert_eq!(
            origin_of("https://console.example.com/a/b?c#d").as_deref(),
            Some("https://console.example.com")
        );
        assert_eq!(origin_of("http://127.0.0.1:9000").as_deref(), Some("http://127.0.0.1:9000"));
        assert_eq!(origin_of(""), None);
        assert_eq!(origin_of("about:blank"), None);
    }
}
