//! The tester: a field labelled with the token's Lookup Key and **Look up**, then the answer as
//! a person wants it (which of the token's segments matched, the attributes, the HTTP status
//! and latency, the raw JSON behind a disclosure) or, in place, why there is none.

use super::model::{explain, marks};
use super::text::LookupText;
use crate::api::lookup::{look_up, lookup_url, Exchange, Lookup, GLOBAL_ID};
use crate::api::Token;
use crate::fleeting::fleeting_memo;
use crate::i18n::locale::{tr, use_locale};
use crate::i18n::{Language, Message};
use crate::instance::use_instance;
use crate::session::{use_handoff, use_session};
use crate::token::text::TokenText;
use leptos::prelude::*;
use serde_json::Value;

/// "Test lookup" for `token`.
#[component]
pub fn LookupTester(token: Token) -> impl IntoView {
    let (inst, session, handoff, locale) = (use_instance(), use_session(), use_handoff(), use_locale());
    let key = token.key_column.clone();
    let by_cookie = key == GLOBAL_ID;
    let value = RwSignal::new(String::new());
    let problem = RwSignal::new(None::<Message>);
    let lookup = Action::new_local(move |(url, cookies): &(String, bool)| {
        look_up(url.clone(), *cookies, session.lookup_stop())
    });
    let pending = lookup.pending();
    let (uuid, key_for_url) = (token.uuid.clone(), key.clone());
    let snippet_token = token.clone();
    // The page reads the session's lasting state through its own memos, which leave with it.
    let lookup_base = fleeting_memo(move |_| session.lookup_base());
    let on_submit = move |ev: leptos::ev::SubmitEvent| {
        ev.prevent_default();
        let Some(base) = lookup_base.get_untracked() else { return };
        let typed = value.get_untracked();
        if pending.get_untracked() {
            return;
        }
        if !by_cookie && typed.trim().is_empty() {
            problem.set(Some(LookupText::EnterValue(key_for_url.clone()).into()));
            inst.focus("lookup-value");
            return;
        }
        problem.set(None);
        lookup.dispatch_local((lookup_url(&base, &uuid, &key_for_url, &typed), by_cookie));
    };
    let lags = {
        let id = token.id.clone();
        fleeting_memo(move |_| handoff.lookups_may_lag(&id))
    };
    let key_label = key.clone();
    let field = move || {
        if by_cookie {
            view! {
                <p class="hint">
                    {tr(LookupText::CookieKeyBefore)}<code>"td_global_id"</code>{tr(LookupText::CookieKeyAfter)}
                </p>
            }
            .into_any()
        } else {
            let key = key_label.clone();
            view! {
                <div class="field">
                    <label for=inst.id("lookup-value")>{key}</label>
                    <input id=inst.id("lookup-value") type="text" spellcheck="false" autocomplete="off"
                        aria-invalid=move || problem.with(Option::is_some).to_string()
                        aria-describedby=move || problem.with(Option::is_some).then(|| inst.id("lookup-problem"))
                        bind:value=value/>
                </div>
            }
            .into_any()
        }
    };
    let answer = move || {
        let host = lookup_base.get().unwrap_or_default();
        lookup.value().get().map(|ex| view! { <LookupAnswer exchange=ex token=token.clone() key=key.clone() value=value.get_untracked() host/> })
    };
    view! {
        <section class="lookup-tester" aria-labelledby=inst.id("lookup-heading")>
            <h2 id=inst.id("lookup-heading")>{tr(LookupText::TestLookup)}</h2>
            {move || lags.get().then(|| view! {
                <p class="notice" role="status">{tr(LookupText::Lagging)}</p>
            })}
            {move || match lookup_base.get() {
                None => view! {
                    <p class="hint">{tr(LookupText::NoHostBefore)}<code>"lookupBase"</code>
                        {tr(LookupText::NoHostBetween)}<code>"lookupBase"</code>{tr(LookupText::NoHostAfter)}</p>
                }.into_any(),
                Some(_) => view! {
                    <form class="form lookup-form" on:submit=on_submit.clone() novalidate>
                        {field.clone()}
                        {move || problem.get().map(|p| view! {
                            <p id=inst.id("lookup-problem") class="form-error" role="alert">{locale.text(&p)}</p>
                        })}
                        <div class="actions">
                            <button type="submit" class="button button-primary" disabled=move || pending.get()>
                                {tr(LookupText::LookUp)}
                            </button>
                            <Show when=move || pending.get()><crate::ui::Loading label=tr(LookupText::LookingUp)/></Show>
                        </div>
                    </form>
                }.into_any(),
            }}
            {answer}
        </section>
        {move || lookup_base.get().map(|lookup_base| view! { <super::Snippets token=snippet_token.clone() lookup_base/> })}
    }
}

/// One exchange: the status line, the meaning, the raw answer.
#[component]
fn LookupAnswer(exchange: Exchange, token: Token, key: String, value: String, host: String) -> impl IntoView {
    let locale = use_locale();
    let status = match exchange.http_status {
        Some(s) => LookupText::HttpStatus(s, exchange.latency_ms),
        None => LookupText::NoHttpAnswer(exchange.latency_ms),
    };
    let meaning = match exchange.result {
        Ok(Lookup::Found { values, attributes }) => {
            // How many matched is the same in every language.
            let marked = marks(&token.segments, &values, Language::En);
            let matched = LookupText::summary(marked.iter().filter(|(_, m)| *m).count(), marked.len());
            let marks = move || marks(&token.segments, &values, locale.language());
            view! {
                <p role="status">{tr(matched)}</p>
                <ul class="lookup-marks" aria-label=tr(LookupText::TokenSegments)>
                    {move || marks().into_iter().map(|(name, is_in)| {
                        let mark = if is_in { LookupText::In } else { LookupText::NotIn };
                        view! { <li class:lookup-in=is_in>{name} " " <span class="lookup-mark">{tr(mark)}</span></li> }
                    }).collect_view()}
                </ul>
                <AttributeTable attributes/>
            }
            .into_any()
        }
        Ok(Lookup::NoProfile) => {
            view! { <p class="form-error" role="alert">{tr(LookupText::NoProfile(key, value))}</p> }
                .into_any()
        }
        Err(error) => {
            view! { <p class="form-error" role="alert">{tr(explain(&error, &host))}</p> }.into_any()
        }
    };
    view! {
        <div class="lookup-answer">
            <p class="lookup-status">{tr(status)}</p>
            {meaning}
            <details class="lookup-raw">
                <summary>{tr(LookupText::RawAnswer)}</summary>
                <p><code>{exchange.url}</code></p>
                <pre tabindex="0">{exchange.body}</pre>
            </details>
        </div>
    }
}

/// The attributes the answer carried, as a table.
#[component]
fn AttributeTable(attributes: Vec<(String, Value)>) -> impl IntoView {
    (!attributes.is_empty()).then(|| {
        let rows = attributes
            .into_iter()
            .map(|(name, v)| {
                let shown = match v {
                    Value::String(s) => s,
                    other => other.to_string(),
                };
                view! { <tr><th scope="row"><code>{name}</code></th><td>{shown}</td></tr> }
            })
            .collect_view();
        view! {
            <table class="table lookup-attributes">
                <caption>{tr(TokenText::Attributes)}</caption>
                <thead><tr><th scope="col">{tr(LookupText::Attribute)}</th><th scope="col">{tr(LookupText::Value)}</th></tr></thead>
                <tbody>{rows}</tbody>
            </table>
        }
    })
}
