//! Mounting one app instance into an element: the standalone page (`main.rs`, the whole body,
//! hash history) and anything else that hosts the app (memory history, its own element,
//! possibly inside a shadow root). Each mount owns everything it makes: its DOM ids, drafts,
//! listeners and timers go when its [`Mounted`] is dropped or [`Mounted::unmount`]ed.

use crate::app::App;
use crate::instance::{push_prefixed, random_prefix, Instance};
use crate::recovery::{self, CrashTarget};
use crate::routes::AppRoute;
use crate::session::History;
use crate::token::form::draft_storage;
use crate::token::form::drafts::{DraftBook, Drafts};
use leptos::prelude::*;
use std::cell::RefCell;
use std::rc::Rc;
use wasm_bindgen::JsCast;
use web_sys::HtmlElement;

/// How an instance is mounted.
#[derive(Clone, Debug)]
pub struct MountOptions {
    pub history: History,
    /// The first route with memory history.
    pub start: AppRoute,
    /// The sessionStorage key under which a crash keeps this instance's open draft.
    pub crash_key: String,
}

impl MountOptions {
    /// The standalone page: the route in the URL hash, the one well-known crash key.
    pub fn standalone() -> Self {
        Self {
            history: History::Hash,
            start: AppRoute::ParentSegments,
            crash_key: draft_storage::STORAGE_KEY.to_owned(),
        }
    }

    /// An instance among others: memory history starting at `start`, a crash key of its own.
    pub fn embedded(start: AppRoute, crash_key: &str) -> Self {
        Self { history: History::Memory, start, crash_key: crash_key.to_owned() }
    }
}

/// A mounted instance. Dropping it unmounts it.
pub struct Mounted {
    id_prefix: String,
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

    /// Removes every node, listener and timer of the instance.
    pub fn unmount(self) {}
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
    let MountOptions { history, start, crash_key } = options;
    let prefix = id_prefix.clone();
    let handle = leptos::mount::mount_to(root, move || {
        provide_context(Instance::with_prefix(element, &prefix));
        let drafts = Drafts::new(book, &crash_key);
        provide_context(drafts);
        draft_storage::restore_saved_draft(&crash_key, drafts);
        view! { <App history start/> }
    });
    Mounted { id_prefix, _handle: Box::new(handle), _crash: crash }
}

/// The standalone page: the whole body, as `index.html` loads it. Kept for the page's life.
pub fn mount_standalone() {
    let Some(body) = web_sys::window().and_then(|w| w.document()).and_then(|d| d.body()) else { return };
    std::mem::forget(mount(body, MountOptions::standalone()));
}
