//! Mounting one app instance into an element: the standalone page (`main.rs`, the whole body,
//! hash history) and anything else that hosts the app (memory history, its own element,
//! possibly inside a shadow root). Each mount owns everything it makes: its DOM ids, drafts,
//! listeners and timers go when its [`Mounted`] is dropped or [`Mounted::unmount`]ed.

use crate::app::App;
use crate::i18n::locale::{LanguageChoice, Locale};
use crate::i18n::Language;
use crate::instance::{push_prefixed, random_prefix, Instance};
use crate::recovery::{self, CrashTarget};
use crate::routes::AppRoute;
use crate::session::connection::Access;
use crate::session::router::follow_links_in_memory;
use crate::session::{History, Router, Session};
use crate::token::form::draft_storage;
use crate::token::form::drafts::{DraftBook, Drafts};
use leptos::prelude::*;
use std::cell::{Cell, RefCell};
use std::rc::Rc;
use wasm_bindgen::JsCast;
use web_sys::HtmlElement;

/// Called after every route change of an instance (the embedding host's `onNavigate`).
pub type OnNavigate = Rc<dyn Fn(&AppRoute)>;

/// How an instance is mounted.
#[derive(Clone)]
pub struct MountOptions {
    pub history: History,
    /// The first route with memory history.
    pub start: AppRoute,
    /// The sessionStorage key under which a crash keeps this instance's open draft.
    pub crash_key: String,
    /// Where the credential comes from: the connect screen, or the host.
    pub access: Access,
    pub on_navigate: Option<OnNavigate>,
    /// Who chooses the language: the user (standalone) or the host.
    pub language: LanguageChoice,
}

impl MountOptions {
    /// The standalone page: the route in the URL hash, the one well-known crash key.
    pub fn standalone() -> Self {
        Self {
            history: History::Hash,
            start: AppRoute::ParentSegments,
            crash_key: draft_storage::STORAGE_KEY.to_owned(),
            access: Access::Connect,
            on_navigate: None,
            language: LanguageChoice::User,
        }
    }

    /// An instance among others: memory history starting at `start`, a crash key of its own,
    /// and its own connect screen (hosts that hand over a credential set `access`).
    pub fn embedded(start: AppRoute, crash_key: &str) -> Self {
        Self {
            history: History::Memory,
            start,
            crash_key: crash_key.to_owned(),
            access: Access::Connect,
            on_navigate: None,
            language: LanguageChoice::Host(Language::En),
        }
    }
}

/// A mounted instance. Dropping it unmounts it.
pub struct Mounted {
    id_prefix: String,
    session: Session,
    router: Router,
    locale: Locale,
    /// Keeps the reactive owner (and with it every signal, effect and listener) alive.
    _handle: Box<dyn std::any::Any>,
    /// Keeps the instance on the panic hook's list.
    _crash: Rc<CrashTarget>,
}

impl Mounted {
    /// The DOM id prefix of this instance.
    pub fn id(&self, local: &str) -> String {
        let mut id = String::new();
        push_prefixed(&mut id, &self.id_prefix, local);
        id
    }

    /// The current route; `None` once unmounted.
    pub fn route(&self) -> Option<AppRoute> {
        self.router.try_route_untracked()
    }

    /// Goes to `route` as a link inside the instance would (a page with unsaved work asks first).
    pub fn navigate(&self, route: &AppRoute) {
        self.router.navigate(route);
    }

    /// The instance's session (embedding hosts hand over new credentials through it).
    pub fn session(&self) -> Session {
        self.session
    }

    /// Switches the instance's language (the host's `update({ language })`).
    pub fn set_language(&self, language: Language) {
        self.locale.set(language);
    }

    /// Removes every node, listener and timer of the instance, and aborts its requests.
    pub fn unmount(self) {}
}

impl Drop for Mounted {
    fn drop(&mut self) {
        self.session.stop();
    }
}

/// Mounts an instance into `root`: the app appends its nodes there and touches nothing else.
pub fn mount(root: HtmlElement, options: MountOptions) -> Mounted {
    recovery::install();
    let element: web_sys::Element = root.clone().unchecked_into();
    let book = Rc::new(RefCell::new(DraftBook::default()));
    let id_prefix = random_prefix();
    let crash = Rc::new(CrashTarget {
        root: element.clone(),
        id_prefix: id_prefix.clone(),
        storage_key: options.crash_key.clone(),
        drafts: book.clone(),
    });
    recovery::register(&crash);
    let MountOptions { history, start, crash_key, access, on_navigate, language } = options;
    // Standalone, `lang` belongs on `<html>` (the page is ours); embedded, on our root only.
    let lang_element = match language {
        LanguageChoice::User => element.owner_document().and_then(|d| d.document_element()),
        LanguageChoice::Host(_) => None,
    }
    .unwrap_or_else(|| element.clone());
    let prefix = id_prefix.clone();
    let made = Rc::new(Cell::new(None));
    let made_inside = made.clone();
    let handle = leptos::mount::mount_to(root, move || {
        let locale = Locale::start(language, lang_element);
        let instance = Instance::with_prefix(element, &prefix, locale);
        provide_context(instance);
        let drafts = Drafts::new(book, &crash_key);
        provide_context(drafts);
        draft_storage::restore_saved_draft(&crash_key, drafts);
        let session = Session::start(drafts, access);
        provide_context(session);
        let router = Router::install(history, start);
        provide_context(router);
        follow_links_in_memory(instance, router);
        if let Some(on_navigate) = on_navigate {
            report_navigation(router, on_navigate);
        }
        made_inside.set(Some((session, router, locale)));
        view! { <App/> }
    });
    let (session, router, locale) = made.take().expect("mount_to runs its view function at once");
    Mounted { id_prefix, session, router, locale, _handle: Box::new(handle), _crash: crash }
}

/// Calls `on_navigate` after every route change (not for the first route: the host chose it).
fn report_navigation(router: Router, on_navigate: OnNavigate) {
    Effect::new(move |seen: Option<()>| {
        let route = router.route();
        if seen.is_some() {
            on_navigate(&route);
        }
    });
}

/// The standalone page: the whole body, as `index.html` loads it. Kept for the page's life.
///
/// The wasm starts this on every page that loads it, embedding hosts included; only our own
/// `index.html` marks its body with `data-profiles-studio`, so a host page is left alone.
pub fn mount_standalone() {
    let Some(body) = web_sys::window().and_then(|w| w.document()).and_then(|d| d.body()) else { return };
    if body.has_attribute("data-profiles-studio") {
        std::mem::forget(mount(body, MountOptions::standalone()));
    }
}
