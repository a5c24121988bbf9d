//! The tester: a field labelled with the token's Lookup Key and **Look up**, then the answer as
//! a person wants it (which of the token's segments matched, the attributes, the HTTP status
//! and latency, the raw JSON behind a disclosure) or, in place, why there is none.

use super::model::{explain, marks, no_profile, summary};
use crate::api::lookup::{look_up, lookup_url, Exchange, Lookup, GLOBAL_ID};
use crate::api::Token;
use crate::instance::use_instance;
use crate::session::{use_handoff, use_session};
use leptos::prelude::*;
use serde_json::Value;

/// "Test lookup" for `token`.
#[component]
pub fn LookupTester(token: Token) -> impl IntoView {
    let (inst, session, handoff) = (use_instance(), use_session(), use_handoff());
    let key = token.key_column.clone();
    let by_cookie = key == GLOBAL_ID;
    let value = RwSignal::new(String::new());
    let problem = RwSignal::new(None::<String>);
    let lookup = Action::new_local(|(url, cookies): &(String, bool)| look_up(url.clone(), *cookies));
    let pending = lookup.pending();
    let (uuid, key_for_url) = (token.uuid.clone(), key.clone());
    let snippet_token = token.clone();
    let on_submit = move |ev: leptos::ev::SubmitEvent| {
        ev.prevent_default();
        let Some(base) = session.lookup_base() else { return };
        let typed = value.get_untracked();
        if pending.get_untracked() {
            return;
        }
        if !by_cookie && typed.trim().is_empty() {
            problem.set(Some(format!("Enter the {key_for_url} of the profile to look up.")));
            inst.focus("lookup-value");
            return;
        }
        problem.set(None);
        lookup.dispatch_local((lookup_url(&base, &uuid, &key_for_url, &typed), by_cookie));
    };
    let lags = {
        let id = token.id.clone();
        move || handoff.lookups_may_lag(&id)
    };
    let key_label = key.clone();
    let field = move || {
        if by_cookie {
            view! {
                <p class="hint">
                    "The Lookup Key is " <code>"td_global_id"</code> ": its value is this browser's Treasure Data cookie, "
                    "not something to type. Look up sends this browser's cookies, so you test your own profile."
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
        let host = session.lookup_base().unwrap_or_default();
        lookup.value().get().map(|ex| view! { <LookupAnswer exchange=ex token=token.clone() key=key.clone() value=value.get_untracked() host/> })
    };
    view! {
        <section class="lookup-tester" aria-labelledby=inst.id("lookup-heading")>
            <h2 id=inst.id("lookup-heading")>"Test lookup"</h2>
            {move || lags().then(|| view! {
                <p class="notice" role="status">
                    "You saved a change to this token's Lookup Key, attributes or segments: lookups keep answering "
                    "with the previous configuration until the token's workflow finishes."
                </p>
            })}
            {move || match session.lookup_base() {
                None => view! {
                    <p class="hint">"Lookups need the Profiles API host of this API: set " <code>"lookupBase"</code>
                        " in config.json (embedded: the " <code>"lookupBase"</code> " option)."</p>
                }.into_any(),
                Some(_) => view! {
                    <form class="form lookup-form" on:submit=on_submit.clone() novalidate>
                        {field.clone()}
                        {move || problem.get().map(|p| view! { <p id=inst.id("lookup-problem") class="form-error" role="alert">{p}</p> })}
                        <div class="actions">
                            <button type="submit" class="button button-primary" disabled=move || pending.get()>"Look up"</button>
                            <Show when=move || pending.get()><crate::ui::Loading label="Looking up…"/></Show>
                        </div>
                    </form>
                }.into_any(),
            }}
            {answer}
        </section>
        {move || session.lookup_base().map(|lookup_base| view! { <super::Snippets token=snippet_token.clone() lookup_base/> })}
    }
}

/// One exchange: the status line, the meaning, the raw answer.
#[component]
fn LookupAnswer(exchange: Exchange, token: Token, key: String, value: String, host: String) -> impl IntoView {
    let status = match exchange.http_status {
        Some(s) => format!("HTTP {s} · {} ms", exchange.latency_ms),
        None => format!("No HTTP answer · {} ms", exchange.latency_ms),
    };
    let meaning = match exchange.result {
        Ok(Lookup::Found { values, attributes }) => {
            let marks = marks(&token.segments, &values);
            let matched = marks.iter().filter(|(_, m)| *m).count();
            view! {
                <p role="status">{summary(matched, marks.len())}</p>
                <ul class="lookup-marks" aria-label="This token's segments">
                    {marks.into_iter().map(|(name, is_in)| view! {
                        <li class:lookup-in=is_in>{name} " " <span class="lookup-mark">{if is_in { "In" } else { "Not in" }}</span></li>
                    }).collect_view()}
                </ul>
                <AttributeTable attributes/>
            }
            .into_any()
        }
        Ok(Lookup::NoProfile) => {
            view! { <p class="form-error" role="alert">{no_profile(&key, &value)}</p> }.into_any()
        }
        Err(error) => view! { <p class="form-error" role="alert">{explain(&error, &host)}</p> }.into_any(),
    };
    view! {
        <div class="lookup-answer">
            <p class="lookup-status">{status}</p>
            {meaning}
            <details class="lookup-raw">
                <summary>"Raw answer"</summary>
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
                <caption>"Attributes"</caption>
                <thead><tr><th scope="col">"Attribute"</th><th scope="col">"Value"</th></tr></thead>
                <tbody>{rows}</tbody>
            </table>
        }
    })
}
