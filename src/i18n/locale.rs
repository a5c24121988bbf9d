//! An instance's current language, as reactive state its `Instance` carries. Standalone, the user
//! picks it (remembered in `localStorage`, a preference and never a secret) and it starts from
//! that choice or the browser's; embedded, the host decides and nothing is stored. `lang` is
//! kept right on the element screen readers take it from: `<html>` standalone, the instance's
//! root embedded.

use super::{Language, Localized, Message};
use leptos::prelude::*;
use std::sync::Arc;

/// Where a standalone page remembers the user's choice. Also read by index.html's early-start
/// script, which loads that language's formatting data while the wasm downloads.
pub const STORAGE_KEY: &str = "profiles-studio.language";

/// How an instance's language is chosen.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum LanguageChoice {
    /// The standalone page: the remembered choice, else the browser's; the user may switch.
    User,
    /// Embedded: the host's option; switched only by the host.
    Host(Language),
}

/// The language of one instance.
#[derive(Clone, Copy)]
pub struct Locale {
    /// What the texts read: a copy of the instance's language, or a page's own ([`Locale::scoped`]).
    /// A memo in both cases, so that reading it is one path in the wasm (a `Signal` would carry
    /// a path for each of its kinds into every read).
    language: Memo<Language>,
    /// Where a switch is written.
    chosen: RwSignal<Language>,
    user_choice: bool,
}

impl Locale {
    /// A locale starting in `language`; `user_choice`: the user may switch it (and it is stored).
    pub fn new(language: Language, user_choice: bool) -> Self {
        let chosen = RwSignal::new(language);
        Self { language: Memo::new(move |_| chosen.get()), chosen, user_choice }
    }

    /// This locale for a part of the view that comes and goes (a page): its texts follow a copy
    /// of the language that goes with it.
    ///
    /// Why: a signal keeps an entry for every effect that ever read it until it next changes,
    /// and the language rarely changes. Every text of every page opened would otherwise stay
    /// behind in the instance's language signal (about 1.4 KB of wasm memory per page, measured
    /// by `cargo xtask bench`'s working day). The copy is a fleeting memo, so it leaves the
    /// language's signal when the page goes.
    #[inline(never)]
    pub fn scoped(&self) -> Self {
        let chosen = self.chosen;
        Self { language: crate::fleeting::fleeting_memo(move |_| chosen.get()), ..*self }
    }

    /// The locale `choice` asks for, with `lang` kept on `lang_element` from now on.
    pub fn start(choice: LanguageChoice, lang_element: web_sys::Element) -> Self {
        let locale = match choice {
            LanguageChoice::User => Self::new(remembered().unwrap_or_else(browser_language), true),
            LanguageChoice::Host(language) => Self::new(language, false),
        };
        let language = locale.chosen;
        Effect::new(move |_| _ = lang_element.set_attribute("lang", language.get().tag()));
        locale
    }

    /// The current language (tracked).
    pub fn language(&self) -> Language {
        self.language.try_get().unwrap_or_default()
    }

    /// `message` in the current language (tracked: a view showing it follows a switch).
    pub fn text(&self, message: &impl Localized) -> String {
        message.in_language(self.language()).into_owned()
    }

    /// Whether the user may switch (standalone) rather than the host (embedded).
    pub fn user_choice(&self) -> bool {
        self.user_choice
    }

    /// Switches to `language`; a user's choice is remembered for the next visit.
    pub fn set(&self, language: Language) {
        self.chosen.try_set(language);
        if self.user_choice {
            remember(language);
        }
    }
}

/// The locale of the instance from context; every app view has one.
pub fn use_locale() -> Locale {
    crate::instance::use_instance().locale()
}

/// Gives the view being built (a page) its own copy of the language: see [`Locale::scoped`].
pub fn provide_scoped_locale() {
    let instance = crate::instance::use_instance();
    provide_context(instance.with_locale(instance.locale().scoped()));
}

/// `message` as a view or attribute value that follows the instance's language.
pub fn tr(message: impl Into<Message>) -> impl Fn() -> String + Send + Sync + Clone + 'static {
    constant(message.into())
}

fn constant(message: Message) -> impl Fn() -> String + Send + Sync + Clone + 'static {
    follow(Arc::new(move || message.clone()))
}

/// A text made from other state too (a count, a name), as a view or attribute value that
/// follows that state and the instance's language.
pub fn tr_with(
    words: impl Fn() -> Message + Send + Sync + 'static,
) -> impl Fn() -> String + Send + Sync + Clone + 'static {
    follow(Arc::new(words))
}

// Not generic: every text of the app is this one closure type, so the view code that renders
// it exists once in the wasm rather than once per place that shows a text.
fn follow(
    words: Arc<dyn Fn() -> Message + Send + Sync>,
) -> impl Fn() -> String + Send + Sync + Clone + 'static {
    let locale = use_locale();
    move || locale.text(&words())
}

fn storage() -> Option<web_sys::Storage> {
    web_sys::window()?.local_storage().ok().flatten()
}

fn remembered() -> Option<Language> {
    Language::from_tag(&storage()?.get_item(STORAGE_KEY).ok().flatten()?)
}

fn remember(language: Language) {
    if let Some(storage) = storage() {
        _ = storage.set_item(STORAGE_KEY, language.tag());
    }
}

fn browser_language() -> Language {
    let Some(navigator) = web_sys::window().map(|w| w.navigator()) else { return Language::En };
    Language::from_preferences(navigator.languages().iter().filter_map(|l| l.as_string()))
}
