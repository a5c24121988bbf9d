//! One mounted app instance and the part of the page it owns: its root element and the prefix
//! of every DOM id it renders. Several instances may share a page (and live in shadow roots),
//! so nothing in the app names a fixed id or searches `document`: ids come from [`Instance::id`]
//! and lookups start from the root ([`Instance::element`], [`Instance::active_element`]).
//! It also carries the language its views speak ([`Instance::locale`]).

use crate::i18n::locale::Locale;
use leptos::prelude::*;
use wasm_bindgen::JsCast;
use web_sys::{Element, HtmlElement};

/// The instance the calling component belongs to, provided by the mount (`crate::mount`) and by
/// component tests.
#[derive(Clone, Copy)]
pub struct Instance {
    root: StoredValue<Element, LocalStorage>,
    prefix: StoredValue<String>,
    /// The last number handed out by [`Instance::unique`].
    counter: StoredValue<u32>,
    /// The language, as the views under this context read it: the instance's, or a page's copy
    /// (`i18n::locale::provide_scoped_locale`). Kept here rather than in a context of its own,
    /// so that finding it is the instance's one context lookup (each context type brings its
    /// own lookup code, about 600 B of wasm).
    locale: Locale,
}

impl Instance {
    /// An instance rendered inside `root`, speaking `locale`, whose ids are `prefix` + the local
    /// id: the mount gives [`random_prefix`], component tests `""` so that their assertions read
    /// plain ids.
    pub fn with_prefix(root: Element, prefix: &str, locale: Locale) -> Self {
        Self {
            root: StoredValue::new_local(root),
            prefix: StoredValue::new(prefix.to_owned()),
            counter: StoredValue::new(0),
            locale,
        }
    }

    /// The language its views speak.
    pub fn locale(&self) -> Locale {
        self.locale
    }

    /// This instance as a part of its view sees it when it speaks `locale` (a page's copy).
    pub fn with_locale(self, locale: Locale) -> Self {
        Self { locale, ..self }
    }

    /// The DOM id of `local` in this instance.
    pub fn id(&self, local: &str) -> String {
        let mut id = String::new();
        self.push_id(&mut id, local);
        id
    }

    /// A space-separated list of local ids as DOM ids (`aria-describedby`, `aria-owns`).
    pub fn ids(&self, locals: &str) -> String {
        let mut out = String::new();
        for local in locals.split_whitespace() {
            if !out.is_empty() {
                out.push(' ');
            }
            self.push_id(&mut out, local);
        }
        out
    }

    fn push_id(&self, out: &mut String, local: &str) {
        self.prefix.try_with_value(|p| push_prefixed(out, p, local));
    }

    /// A local id no other caller in this instance gets: `what-N`.
    pub fn unique(&self, what: &str) -> String {
        let n = self.counter.try_update_value(|n| {
            *n += 1;
            *n
        });
        format!("{what}-{}", n.unwrap_or_default())
    }

    /// The element the instance renders into.
    pub fn root(&self) -> Option<Element> {
        self.root.try_get_value()
    }

    /// The element with local id `local` inside this instance, if it is rendered.
    pub fn element(&self, local: &str) -> Option<Element> {
        let selector = format!("#{}", css_ident(&self.id(local)));
        self.root()?.query_selector(&selector).ok().flatten()
    }

    /// Focuses the element with local id `local`; false when there is none (yet) or it cannot
    /// take focus.
    pub fn focus(&self, local: &str) -> bool {
        self.element(local)
            .and_then(|el| el.dyn_into::<HtmlElement>().ok())
            .is_some_and(|el| el.focus().is_ok())
    }

    /// Focuses `local` now, or on the next frame if it is not rendered yet (widgets re-render
    /// after the change that moves focus).
    pub fn focus_soon(&self, local: &str) {
        if !self.focus(local) {
            let this = *self;
            let local = local.to_owned();
            request_animation_frame(move || _ = this.focus(&local));
        }
    }

    /// Focuses `local` on the next frame: after a tab, step or list has been shown (an element
    /// in a hidden panel cannot take focus yet).
    pub fn focus_next_frame(&self, local: &str) {
        let this = *self;
        let local = local.to_owned();
        request_animation_frame(move || _ = this.focus(&local));
    }

    /// Focuses `local` on the next frame if focus was lost meanwhile (the focused element was
    /// removed, so focus fell to the page), and not if the user has put it somewhere since: a
    /// click or a keystroke in that frame must keep its focus.
    pub fn refocus_next_frame(&self, local: &str) {
        let this = *self;
        let local = local.to_owned();
        request_animation_frame(move || {
            let lost = this.active_element().is_none_or(|el| el.tag_name().eq_ignore_ascii_case("body"));
            if lost {
                _ = this.focus(&local);
            }
        });
    }

    /// The focused element as seen from this instance: inside a shadow root the document only
    /// knows the host, so ask the root's own tree (shadow root or document).
    pub fn active_element(&self) -> Option<Element> {
        let tree = self.root()?.get_root_node();
        if let Some(shadow) = tree.dyn_ref::<web_sys::ShadowRoot>() {
            return shadow.active_element();
        }
        tree.dyn_ref::<web_sys::Document>()?.active_element()
    }
}

/// The instance from context; every app view has one.
pub fn use_instance() -> Instance {
    crate::context::required::<Instance>("Instance")
}

/// The one rule for a DOM id: the instance's prefix, then the local id.
pub fn push_prefixed(out: &mut String, prefix: &str, local: &str) {
    out.push_str(prefix);
    out.push_str(local);
}

/// A fresh id prefix, `ps<6 letters or digits>-`, so that two instances on one page never share
/// an id (randomness rather than a page-wide counter: the app keeps no page-wide state).
pub fn random_prefix() -> String {
    const DIGITS: &[u8] = b"0123456789abcdefghijklmnopqrstuvwxyz";
    let mut n = (js_sys::Math::random() * 36f64.powi(6)) as u64;
    let mut out = String::from("ps");
    for _ in 0..6 {
        out.push(DIGITS[(n % 36) as usize] as char);
        n /= 36;
    }
    out.push('-');
    out
}

/// `id` as a CSS identifier: the app's ids are letters, digits, `-` and `_`, but a leading digit
/// (a test's empty prefix and a numeric local id) must be escaped.
fn css_ident(id: &str) -> String {
    let mut out = String::with_capacity(id.len() + 4);
    for (i, c) in id.chars().enumerate() {
        if c.is_ascii_alphabetic() || c == '-' || c == '_' || (i > 0 && c.is_ascii_digit()) {
            out.push(c);
        } else {
            out.push_str(&format!("\\{:x} ", c as u32));
        }
    }
    out
}
