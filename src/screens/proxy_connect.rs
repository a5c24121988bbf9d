//! The connect screen behind a same-origin proxy (`config.json` `"auth": "proxy"`): there is no
//! key to ask for, so it connects at once, says where, and offers to try again if the proxy
//! fails.

use super::connect::connect_action;
use crate::api::{ApiError, Client, Credential};
use crate::i18n::locale::{tr, use_locale};
use crate::i18n::Message;
use crate::screens::text::ScreenText;
use crate::session::connection::with_timeout;
use crate::session::language_switch::LanguageSwitch;
use crate::session::use_session;
use crate::ui::explain;
use leptos::prelude::*;

/// Connects through the proxy at `base_url` on arrival.
#[component]
pub fn ProxyConnect(base_url: String, timeout_ms: Option<u32>) -> impl IntoView {
    let (session, locale) = (use_session(), use_locale());
    let connect = connect_action(session);
    let client = with_timeout(Client::with_credential(&base_url, Credential::None), timeout_ms);
    let again = move || {
        connect.dispatch_local((client.clone(), None));
    };
    again();
    let pending = connect.pending();
    let failure = move || {
        connect.value().get().and_then(Result::err).map(|e| match e {
            ApiError::Unauthorized => Message::from(ScreenText::ProxyRefused),
            e => explain(&e),
        })
    };
    let notice =
        move || session.notice().map(|n| view! { <p class="notice" role="status">{locale.text(&n)}</p> });
    view! {
        <main class="page narrow connect">
            <div class="page-tools"><LanguageSwitch/></div>
            <h1>{tr(ScreenText::ConnectTitle)}</h1>
            {notice}
            <p>{tr(ScreenText::ProxyBefore)}<code>{base_url}</code>{tr(ScreenText::ProxyAfter)}</p>
            {move || failure().map(|m| view! { <p class="form-error" role="alert">{locale.text(&m)}</p> })}
            <div class="actions">
                <button type="button" class="button button-primary" disabled=move || pending.get()
                    on:click=move |_| again()>{tr(ScreenText::TryAgain)}</button>
                <Show when=move || pending.get()>
                    <crate::ui::Loading label=tr(ScreenText::Connecting)/>
                </Show>
            </div>
        </main>
    }
}
