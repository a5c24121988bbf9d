//! The connect screen behind a same-origin proxy (`config.json` `"auth": "proxy"`): there is no
//! key to ask for, so it connects at once, says where, and offers to try again if the proxy
//! fails.

use super::connect::connect_action;
use crate::api::{ApiError, Client, Credential};
use crate::session::connection::with_timeout;
use crate::session::use_session;
use crate::ui::explain;
use leptos::prelude::*;

/// Connects through the proxy at `base_url` on arrival.
#[component]
pub fn ProxyConnect(base_url: String, timeout_ms: Option<u32>) -> impl IntoView {
    let session = use_session();
    let connect = connect_action(session);
    let client = with_timeout(Client::with_credential(&base_url, Credential::None), timeout_ms);
    let again = move || {
        connect.dispatch_local((client.clone(), None));
    };
    again();
    let pending = connect.pending();
    let failure = move || {
        connect.value().get().and_then(Result::err).map(|e| match e {
            ApiError::Unauthorized => {
                "The proxy's credential was not accepted (401). Ask whoever runs the proxy to check its key."
                    .to_owned()
            }
            e => explain(&e),
        })
    };
    let notice = move || session.notice().map(|n| view! { <p class="notice" role="status">{n}</p> });
    view! {
        <main class="page narrow connect">
            <h1>"Connect to Treasure Data"</h1>
            {notice}
            <p>"Connecting through the proxy at " <code>{base_url}</code> "; it adds the credential, so no key is needed here."</p>
            {move || failure().map(|m| view! { <p class="form-error" role="alert">{m}</p> })}
            <div class="actions">
                <button type="button" class="button button-primary" disabled=move || pending.get()
                    on:click=move |_| again()>"Try again"</button>
                <Show when=move || pending.get()>
                    <crate::ui::Loading label="Connecting…"/>
                </Show>
            </div>
        </main>
    }
}
