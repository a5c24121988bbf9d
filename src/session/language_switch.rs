//! The language menu of a standalone page (an embedded instance's host decides its language,
//! so it shows none). Switching re-words the page in place: the route, an open dialog and a
//! draft stay as they are.

use crate::i18n::locale::{tr, use_locale};
use crate::i18n::Language;
use crate::session::text::SessionText;
use leptos::prelude::*;

/// A `<select>` of the languages, each named in itself; nothing when the host decides.
#[component]
pub fn LanguageSwitch() -> impl IntoView {
    let locale = use_locale();
    // Each named in itself, whatever the page's language.
    let option = move |language: Language| {
        view! {
            <option value=language.tag() lang=language.tag() selected=move || locale.language() == language>
                {language.native_name()}
            </option>
        }
    };
    let pick = move |ev: leptos::ev::Event| {
        if let Some(language) = Language::from_tag(&event_target_value(&ev)) {
            locale.set(language);
        }
    };
    locale.user_choice().then(|| {
        view! {
            <select class="language-switch" aria-label=tr(SessionText::Language) on:change=pick>
                {option(Language::En)}
                {option(Language::Ja)}
            </select>
        }
    })
}
