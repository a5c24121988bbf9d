//! The connect screen: region, API key, "Remember in this tab", Connect. Connecting lists the
//! parent segments once, so a wrong key fails here, plainly, before anything else happens.
//! Behind a proxy (`config.json`) it asks for nothing (`ProxyConnect`); framed by an allowed
//! console it also takes the credential that console posts (`session::frame`).

use super::proxy_connect::ProxyConnect;
use crate::api::{ApiError, Client, Credential, Region};
use crate::config::RuntimeConfig;
use crate::i18n::locale::{tr, use_locale};
use crate::i18n::Message;
use crate::instance::use_instance;
use crate::screens::text::ScreenText;
use crate::session::connection::with_timeout;
use crate::session::language_switch::LanguageSwitch;
use crate::session::{frame, Credentials, Session};
use crate::ui::explain;
use leptos::prelude::*;

/// A problem found before sending anything.
fn validate(c: &Credentials) -> Result<(), ScreenText> {
    if c.region == Region::Custom.id() && c.endpoint().is_none() {
        return Err(ScreenText::EnterBaseUrl);
    }
    if c.api_key.trim().is_empty() {
        return Err(ScreenText::EnterApiKey);
    }
    Ok(())
}

/// Connecting: the client is verified by listing the parent segments (which the list page then
/// shows without reading them again); the credentials are stored only if given (remembered).
pub(super) fn connect_action(
    session: Session,
) -> Action<(Client, Option<Credentials>), Result<(), ApiError>> {
    Action::new_local(move |(client, remember): &(Client, Option<Credentials>)| {
        let (client, remember) = (client.clone(), remember.clone());
        async move {
            let parent_segments = client.parent_segments().await?;
            session.connect(client, remember.as_ref(), parent_segments);
            Ok(())
        }
    })
}

/// The connect form, preset from `config.json`.
#[component]
pub fn ConnectPage(
    /// Runtime defaults (region, custom base URL).
    config: RuntimeConfig,
) -> impl IntoView {
    if config.proxy {
        return view! { <ProxyConnect base_url=config.base_url timeout_ms=config.timeout_ms/> }.into_any();
    }
    view! { <KeyConnect config/> }.into_any()
}

/// The key form.
#[component]
fn KeyConnect(config: RuntimeConfig) -> impl IntoView {
    let (inst, locale) = (use_instance(), use_locale());
    let session = crate::session::use_session();
    let framed_endpoint = config_credentials(&config).endpoint();
    let embed_origins = config.embed_origins;
    let region = RwSignal::new(config.region.id().to_owned());
    let base_url = RwSignal::new(config.base_url);
    let timeout_ms = config.timeout_ms;
    let api_key = RwSignal::new(String::new());
    let remember = RwSignal::new(false);
    let problem = RwSignal::new(None::<Message>);

    let connect = connect_action(session);
    let pending = connect.pending();
    // Framed by an allowed console: its credential connects like a typed key, never stored.
    if let Some(endpoint) = framed_endpoint {
        frame::accept_credential(embed_origins, move |value| {
            let client = with_timeout(
                Client::with_credential(&endpoint, Credential::Header(value.into())),
                timeout_ms,
            );
            connect.dispatch_local((client, None));
        });
    }
    let server_error = move || connect.value().get().and_then(Result::err).map(|e| explain(&e));
    let message = Memo::new(move |_| problem.get().or_else(server_error));
    let key_rejected =
        move || matches!(connect.value().get(), Some(Err(ApiError::Unauthorized))) || problem.get().is_some();

    let on_submit = move |ev: leptos::ev::SubmitEvent| {
        ev.prevent_default();
        if pending.get_untracked() {
            return;
        }
        let creds = Credentials {
            region: region.get_untracked(),
            base_url: base_url.get_untracked(),
            api_key: api_key.get_untracked(),
            timeout_ms,
        };
        match validate(&creds).map(|()| creds.client()) {
            Err(p) => problem.set(Some(p.into())),
            Ok(None) => problem.set(Some(ScreenText::CheckRegionAndKey.into())),
            Ok(Some(client)) => {
                problem.set(None);
                connect.dispatch_local((client, remember.get_untracked().then_some(creds)));
            }
        }
    };
    let is_custom = move || region.get() == Region::Custom.id();
    let options = Region::ALL
        .into_iter()
        .map(|r| {
            let name = tr(ScreenText::from(r));
            view! { <option value=r.id() selected=move || region.get() == r.id()>{name}</option> }
        })
        .collect_view();
    let notice =
        move || session.notice().map(|n| view! { <p class="notice" role="status">{locale.text(&n)}</p> });

    view! {
        <main class="page narrow connect">
            <div class="page-tools"><LanguageSwitch/></div>
            <h1>{tr(ScreenText::ConnectTitle)}</h1>
            {notice}
            <form class="form" on:submit=on_submit novalidate>
                <div class="field">
                    <label for=inst.id("region")>{tr(ScreenText::Region)}</label>
                    <select id=inst.id("region") on:change:target=move |ev| region.set(ev.target().value())>{options}</select>
                </div>
                <Show when=is_custom>
                    <div class="field">
                        <label for=inst.id("base-url")>{tr(ScreenText::ApiBaseUrl)}</label>
                        <input id=inst.id("base-url") type="url" inputmode="url" autocomplete="url"
                            placeholder="https://api-cdp.example.com" bind:value=base_url/>
                    </div>
                </Show>
                <div class="field">
                    <label for=inst.id("api-key")>{tr(ScreenText::ApiKey)}</label>
                    <input id=inst.id("api-key") type="password" autocomplete="current-password" spellcheck="false"
                        aria-invalid=move || key_rejected().to_string()
                        aria-describedby=move || message.get().map(|_| inst.id("connect-error"))
                        bind:value=api_key/>
                </div>
                <div class="field field-check">
                    <input id=inst.id("remember") type="checkbox" aria-describedby=inst.ids("remember-note") bind:checked=remember/>
                    <label for=inst.id("remember")>{tr(ScreenText::Remember)}</label>
                    <p id=inst.id("remember-note") class="hint">{tr(ScreenText::RememberNote)}</p>
                </div>
                {move || message.get().map(|m| view! { <p id=inst.id("connect-error") class="form-error" role="alert">{locale.text(&m)}</p> })}
                <div class="actions">
                    <button type="submit" class="button button-primary" disabled=move || pending.get()>
                        {tr(ScreenText::Connect)}
                    </button>
                    <Show when=move || pending.get()>
                        <crate::ui::Loading label=tr(ScreenText::Connecting)/>
                    </Show>
                </div>
            </form>
        </main>
    }
}

/// Where `config.json` points, as credentials without a key.
fn config_credentials(config: &RuntimeConfig) -> Credentials {
    Credentials {
        region: config.region.id().to_owned(),
        base_url: config.base_url.clone(),
        api_key: String::new(),
        timeout_ms: config.timeout_ms,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn validation() {
        let c = |region: &str, base: &str, key: &str| Credentials {
            region: region.into(),
            base_url: base.into(),
            api_key: key.into(),
            timeout_ms: None,
        };
        assert!(validate(&c("us", "", "k")).is_ok());
        assert!(matches!(validate(&c("us", "", " ")), Err(ScreenText::EnterApiKey)));
        assert!(matches!(validate(&c("custom", "nope", "k")), Err(ScreenText::EnterBaseUrl)));
        assert!(validate(&c("custom", "http://127.0.0.1:8787", "k")).is_ok());
    }
}
