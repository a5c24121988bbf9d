//! The browser window as the virtualized lists (the tree, the folder table) see it: its height,
//! and a callback on every scroll or resize, removed with the component.

use leptos::prelude::*;

/// The window's inner height in CSS pixels (800 when it cannot be read).
pub fn viewport_height() -> f64 {
    web_sys::window().and_then(|w| w.inner_height().ok()).and_then(|h| h.as_f64()).unwrap_or(800.0)
}

/// Calls `measure` whenever the window scrolls or resizes, until the calling component goes.
pub fn on_viewport_change(measure: impl Fn() + Clone + 'static) {
    let on_scroll = {
        let measure = measure.clone();
        window_event_listener(leptos::ev::scroll, move |_| measure())
    };
    let on_resize = window_event_listener(leptos::ev::resize, move |_| measure());
    on_cleanup(move || {
        on_scroll.remove();
        on_resize.remove();
    });
}
