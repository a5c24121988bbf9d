//! The header of every connected screen: product name, the parent segment, the language menu
//! (standalone), and "Disconnect" (standalone with a key) or where the proxy is (standalone
//! behind one); an embedded instance's host owns the login and the language, so it shows none
//! of those.

use crate::i18n::locale::tr;
use crate::routes::AppRoute;
use crate::session::language_switch::LanguageSwitch;
use crate::session::text::SessionText;
use crate::session::{use_router, use_session};
use leptos::prelude::*;

/// The app header. "Disconnect" forgets the key (memory and sessionStorage) and the page.
#[component]
pub fn AppHeader(
    /// The parent segment being browsed, if any.
    #[prop(optional, into)]
    parent_segment: Option<Signal<String>>,
) -> impl IntoView {
    let (session, router) = (use_session(), use_router());
    let disconnect = move |_| {
        router.navigate(&AppRoute::ParentSegments);
        session.disconnect();
    };
    let end = move || match session.client() {
        _ if session.is_hosted() => None,
        Some(client) if !client.sends_credential() => {
            let text = tr(SessionText::ThroughProxy(client.base_url().to_owned()));
            Some(view! { <span class="header-connection">{text}</span> }.into_any())
        }
        _ => Some(
            view! {
                <button type="button" class="button button-quiet" on:click=disconnect>
                    {tr(SessionText::Disconnect)}
                </button>
            }
            .into_any(),
        ),
    };
    view! {
        <header class="app-header">
            <a class="brand" href=AppRoute::ParentSegments.href()>"Profiles Studio"</a>
            {parent_segment.map(|name| view! { <span class="header-context">{move || name.get()}</span> })}
            <LanguageSwitch/>
            {end}
        </header>
    }
}
