//! The embedding API behind `dist/embed/profiles-studio.js` (`loader.js` here): the module's
//! `mount(element, options)` and `<profiles-studio>` create the shadow root and the stylesheet,
//! then call [`mount_embedded`] with the root inside it. Everything the host passes is checked
//! in `options`; the credential is asked of the host through its `authorization` function and
//! never stored.

pub mod options;

use crate::api::{Answer, Ask, HostCredential};
use crate::i18n::locale::LanguageChoice;
use crate::instance::random_prefix;
use crate::mount::{mount, MountOptions, Mounted};
use crate::routes::AppRoute;
use crate::session::connection::Access;
use crate::token::form::draft_storage;
use js_sys::{Function, Promise, Reflect};
use options::{settings, HostOptions};
use std::rc::Rc;
use wasm_bindgen::prelude::*;
use wasm_bindgen_futures::JsFuture;
use web_sys::HtmlElement;

/// One embedded instance, as the loader holds it.
#[wasm_bindgen]
pub struct EmbeddedStudio {
    mounted: Option<Mounted>,
}

/// Mounts an instance into `root` (an element inside the shadow root the loader made) with the
/// host's `options`; throws a message naming the option when one is unusable. The loader passes
/// `authorization`, `onNavigate` and `onAuthRequired` as functions, wrapped so that they may be
/// called at any time.
#[wasm_bindgen(js_name = mountEmbedded)]
pub fn mount_embedded(root: HtmlElement, options: &JsValue) -> Result<EmbeddedStudio, JsValue> {
    let settings = settings(&read_options(options)).map_err(|e| JsValue::from_str(&e))?;
    let ask = function(options, "authorization").ok_or("authorization must be a function")?;
    let on_navigate = function(options, "onNavigate").map(|f| {
        Rc::new(move |route: &AppRoute| {
            _ = f.call1(&JsValue::NULL, &JsValue::from_str(&route.path()));
        }) as crate::mount::OnNavigate
    });
    let on_refused = function(options, "onAuthRequired").ok_or("onAuthRequired must be a function")?;
    // A crash keeps the open draft under a key of this instance: the element's id when it has
    // one (so that a reload of the host page finds it again), else one made for it.
    let instance_key = Some(root.id()).filter(|id| !id.is_empty()).unwrap_or_else(random_prefix);
    let options = MountOptions {
        history: settings.history,
        start: settings.start,
        crash_key: format!("{}.{instance_key}", draft_storage::STORAGE_KEY),
        access: Access::Host {
            base_url: settings.base_url,
            credential: HostCredential::new(ask_host(ask)),
            on_refused: Rc::new(move || _ = on_refused.call0(&JsValue::NULL)),
            lookup_base: settings.lookup_base,
        },
        on_navigate,
        language: LanguageChoice::Host(settings.language),
    };
    Ok(EmbeddedStudio { mounted: Some(mount(root, options)) })
}

#[wasm_bindgen]
impl EmbeddedStudio {
    /// The current route as a path (`/ps/123/tokens/56`); `undefined` once unmounted.
    #[wasm_bindgen(getter)]
    pub fn route(&self) -> Option<String> {
        self.mounted.as_ref()?.route().map(|r| r.path())
    }

    /// Goes to `route` as an in-app link would.
    pub fn navigate(&self, route: &str) {
        if let Some(mounted) = &self.mounted {
            mounted.navigate(&AppRoute::parse(route));
        }
    }

    /// The host's new `authorization` function: asked before the next request.
    #[wasm_bindgen(js_name = setAuthorization)]
    pub fn set_authorization(&self, ask: Function) {
        if let Some(mounted) = &self.mounted {
            mounted.session().use_host_credential(HostCredential::new(ask_host(ask)));
        }
    }

    /// Switches the instance's language live (and `lang` on its root); unknown values fall
    /// back to English.
    #[wasm_bindgen(js_name = setLanguage)]
    pub fn set_language(&self, language: Option<String>) {
        if let Some(mounted) = &self.mounted {
            mounted.set_language(options::language(language.as_deref()));
        }
    }

    /// Removes every node, listener and timer and aborts the requests in flight.
    pub fn unmount(&mut self) {
        self.mounted.take();
    }
}

fn read_options(options: &JsValue) -> HostOptions {
    let text = |name: &str| Reflect::get(options, &JsValue::from_str(name)).ok().and_then(|v| v.as_string());
    HostOptions {
        region: text("region"),
        api_base: text("apiBase"),
        parent_segment_id: text("parentSegmentId"),
        route: text("route"),
        history: text("history"),
        language: text("language"),
        lookup_base: text("lookupBase"),
    }
}

fn function(options: &JsValue, name: &str) -> Option<Function> {
    Reflect::get(options, &JsValue::from_str(name)).ok()?.dyn_into().ok()
}

/// Asks the host: its function may return the value or a promise of it; a string is the header
/// value, `null` or `undefined` "send none", anything else (or a throw) a failure.
fn ask_host(f: Function) -> Ask {
    Box::new(move || {
        let called = f.call0(&JsValue::NULL);
        Box::pin(async move {
            let value = JsFuture::from(Promise::resolve(&called.map_err(drop)?)).await.map_err(drop)?;
            let answer: Answer = match value.as_string() {
                Some(text) => Ok(Some(text)),
                None if value.is_null() || value.is_undefined() => Ok(None),
                None => Err(()),
            };
            answer
        })
    })
}
