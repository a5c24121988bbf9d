//! "Create New" on a folder page: a disclosure (button + list of links), offered only where the
//! folder's permissions allow editing. Its one entry opens the token wizard.

use crate::browse::text::BrowseText;
use crate::i18n::locale::tr;
use crate::instance::use_instance;
use leptos::prelude::*;
use wasm_bindgen::JsCast;

/// The "Create New" button and what it reveals.
#[component]
pub fn CreateNewMenu(
    /// Where "Profiles API Token" leads (the wizard for this folder).
    href: String,
) -> impl IntoView {
    let open = RwSignal::new(false);
    let instance = use_instance();
    let on_keydown = move |ev: web_sys::KeyboardEvent| {
        if ev.key() == "Escape" && open.get_untracked() {
            ev.prevent_default();
            open.set(false);
            _ = instance.focus("create-new");
        }
    };
    // Focus moving out of the menu (Tab past it, a click elsewhere) closes it, as Escape does:
    // an open list left behind would cover the page.
    let on_focusout = move |ev: web_sys::FocusEvent| {
        let node = |t: Option<web_sys::EventTarget>| t.and_then(|t| t.dyn_into::<web_sys::Node>().ok());
        let stays_inside = match (node(ev.current_target()), node(ev.related_target())) {
            (Some(menu), Some(to)) => menu.contains(Some(&to)),
            _ => false,
        };
        if !stays_inside {
            open.set(false);
        }
    };
    view! {
        <div class="create-new" on:keydown=on_keydown on:focusout=on_focusout>
            <button type="button" id=instance.id("create-new") class="button button-primary"
                aria-expanded=move || open.get().to_string() aria-controls=instance.id("create-new-list")
                on:click=move |_| open.update(|o| *o = !*o)>
                {tr(BrowseText::CreateNew)}
            </button>
            <ul id=instance.id("create-new-list") class="create-new-list" hidden=move || !open.get()>
                <li><a href=href>{tr(BrowseText::ProfilesApiToken)}</a></li>
            </ul>
        </div>
    }
}
