//! Moving keyboard focus to an element by its DOM id, which widgets do after they re-render.

use wasm_bindgen::JsCast;

/// Focuses the element with `id`; false when there is none (yet) or it cannot take focus.
pub fn focus_by_id(id: &str) -> bool {
    web_sys::window()
        .and_then(|w| w.document())
        .and_then(|d| d.get_element_by_id(id))
        .and_then(|el| el.dyn_into::<web_sys::HtmlElement>().ok())
        .is_some_and(|el| el.focus().is_ok())
}
