//! "Edit Profiles API Token": the token's settings in two tabs, Configure and Segments, saved
//! with one PATCH of the whole configuration. Before the PATCH the token is read again: if it
//! changed on the server since the form was opened, the user chooses Reload or Overwrite.

use crate::api::{ApiError, Client, Folder, ParentSegment, Token, TokenId, TokenWrite};
use crate::browse::{Breadcrumbs, Crumb};
use crate::format;
use crate::instance::use_instance;
use crate::routes::AppRoute;
use crate::session::leave_guard::LeaveGuard;
use crate::session::{use_handoff, use_router, Session};
use crate::token::actions::ops::write_applied;
use crate::token::form::drafts::{edit_key, use_drafts, Draft};
use crate::token::form::fields::{
    field_dom_id, focus_soon, ConfigureFields, FormCtx, NameFields, SegmentsFields,
};
use crate::token::form::model::{FormTab, SaveErrors, TokenForm};
use crate::token::writes::settled;
use crate::tree::{use_tree, NodeKey};
use crate::ui::toast::use_toasts;
use crate::ui::{explain, Loading, TabList, TabPanel};
use leptos::prelude::*;

/// The message the token page shows after a save.
pub const SAVED_MESSAGE: &str = "Saved. The changes reach lookups when the token's workflow next finishes \
     (usually within minutes); until then web pages get the previous configuration.";

/// How a save ended.
enum SaveOutcome {
    Saved(Token),
    /// The token changed on the server since `base`: this is the current version.
    Changed(Token),
    Failed(ApiError),
}

/// Reads the token; if its `updatedAt` is still `base`, sends the PATCH. Never retried: a
/// PATCH without a usable answer is settled by reading the token again (saved if it carries
/// what was sent), so that trying again does not run into "changed elsewhere" by our own save.
async fn save_token(client: &Client, id: &TokenId, write: &TokenWrite, base: Option<&str>) -> SaveOutcome {
    match client.token(id).await {
        Err(e) => return SaveOutcome::Failed(e),
        Ok(current) if current.updated_at.as_deref() != base => return SaveOutcome::Changed(current),
        Ok(_) => {}
    }
    let sent = client.update_token(id, write).await;
    let looked =
        settled(sent, || async { client.token(id).await.ok().filter(|t| write_applied(t, write)).map(Ok) });
    match looked.await {
        Ok(token) => SaveOutcome::Saved(token),
        Err(e) => SaveOutcome::Failed(e),
    }
}

fn tab_index(tab: FormTab) -> usize {
    match tab {
        FormTab::Configure => 0,
        FormTab::Segments => 1,
    }
}

/// Loads the token (and its folder path), then shows the form.
#[component]
pub fn TokenEditPage(
    /// The parent segment being browsed.
    ps: ParentSegment,
    /// The token from the URL.
    token: TokenId,
) -> impl IntoView {
    crate::token::loader::load_token(token, move |token, path| match TokenForm::from_token(&token) {
        Some(form) => view! { <EditForm ps=ps.clone() token path form/> }.into_any(),
        None => view! {
            <p class="form-error" role="alert">
                "The API did not say which folder this token is in, so it cannot be edited here."
            </p>
        }
        .into_any(),
    })
}

/// The form, for a loaded token.
#[component]
fn EditForm(ps: ParentSegment, token: Token, path: Vec<Folder>, form: TokenForm) -> impl IntoView {
    let inst = use_instance();
    let session = expect_context::<Session>();
    let router = use_router();
    let store = use_tree();
    let toasts = use_toasts();
    let handoff = use_handoff();
    // Work left behind (a rejected key unmounted the page) comes back, with what it was based on.
    let drafts = use_drafts();
    let draft_key = edit_key(&token.id);
    let restored = drafts.take(&draft_key);
    let was_restored = restored.is_some();
    let (form, original_form, base_at) = match restored {
        Some(d) => (d.form, d.original, d.base),
        None => (form.clone(), form, token.updated_at.clone()),
    };
    let ctx = FormCtx::new(ps.id.clone(), form);
    let original = RwSignal::new(original_form);
    let base = RwSignal::new(base_at);
    let name = RwSignal::new(token.name.clone());
    let conflict = RwSignal::new(None::<Token>);
    let done = RwSignal::new(false);
    let tab = RwSignal::new(0usize);
    let dirty = Memo::new(move |_| !done.get() && ctx.form.with(|f| original.with(|o| f.differs_from(o))));
    drafts.follow_form(draft_key, move || {
        dirty.get().then(|| Draft { base: base.get(), original: original.get(), form: ctx.form.get() })
    });
    let token_route = AppRoute::Token(ps.id.clone(), token.id.clone());
    let id = token.id.clone();

    let to_token_page = {
        let route = token_route.clone();
        move || {
            done.set(true);
            if let Some(r) = router {
                r.set_guarded(false);
                r.navigate(&route);
            }
        }
    };
    let after_save = to_token_page.clone();
    let save = Action::new_local(move |(write, at): &(TokenWrite, Option<String>)| {
        let (write, at, id) = (write.clone(), at.clone(), id.clone());
        let after_save = after_save.clone();
        async move {
            let Some(client) = session.client_untracked() else { return };
            match save_token(&client, &id, &write, at.as_deref()).await {
                SaveOutcome::Saved(token) => {
                    if let Some(store) = store {
                        store.upsert_token(&token);
                    }
                    if let Some(toasts) = toasts {
                        toasts.show(format!("“{}”: {SAVED_MESSAGE}", token.name), None);
                    }
                    // The PATCH answered with the token as saved: the page shows that.
                    if let Some(h) = handoff {
                        h.put_token(token);
                    }
                    after_save();
                }
                SaveOutcome::Changed(current) => {
                    conflict.try_set(Some(current));
                    focus_soon(inst, "edit-conflict");
                }
                SaveOutcome::Failed(error) => {
                    session.check(&Err::<(), _>(error.clone()));
                    let errors = SaveErrors::from_api(&error, explain);
                    if let Some(t) = errors.first_tab() {
                        tab.try_set(tab_index(t));
                    }
                    let target = errors.fields.first().map_or("edit-error", |(f, _)| field_dom_id(*f));
                    ctx.server.try_set(errors);
                    focus_soon(inst, target);
                }
            }
        }
    });
    let pending = save.pending();

    let submit = move || {
        if pending.get_untracked() || !dirty.get_untracked() {
            return;
        }
        ctx.show_problems.set(true);
        if let Some((field, _)) = ctx.form.with_untracked(TokenForm::problems).into_iter().next() {
            tab.set(tab_index(field.tab()));
            focus_soon(inst, field_dom_id(field));
            return;
        }
        ctx.server.set(SaveErrors::default());
        conflict.set(None);
        save.dispatch_local((ctx.form.with_untracked(TokenForm::to_write), base.get_untracked()));
    };
    let on_submit = move |ev: leptos::ev::SubmitEvent| {
        ev.prevent_default();
        submit();
    };
    let overwrite = move |_| {
        if let Some(current) = conflict.get_untracked() {
            base.set(current.updated_at);
            submit();
        }
    };
    let reload = move |_| {
        let Some(current) = conflict.get_untracked() else { return };
        if let Some(form) = TokenForm::from_token(&current) {
            ctx.form.set(form.clone());
            original.set(form);
        }
        base.set(current.updated_at.clone());
        name.set(current.name.clone());
        if let Some(store) = store {
            store.upsert_token(&current);
        }
        ctx.server.set(SaveErrors::default());
        ctx.show_problems.set(false);
        conflict.set(None);
        focus_soon(inst, "token-edit-tab-0");
    };
    let cancel = move |_| to_token_page();

    let conflict_view = move || {
        conflict.get().map(|current| {
            let theirs = TokenForm::from_token(&current);
            let changed = theirs.map(|t| original.with(|o| t.changed_fields(o))).unwrap_or_default();
            let who = current.updated_by.as_ref().map_or("someone".to_owned(), |u| u.name.clone());
            let when = format::optional_timestamp(current.updated_at.as_deref());
            let what = if changed.is_empty() { String::new() } else { format!(" Changed there: {}.", changed.join(", ")) };
            view! {
                <div id=inst.id("edit-conflict") class="conflict" role="alert" tabindex="-1">
                    <p>
                        <strong>"This token was changed on the server after you opened it"</strong>
                        " (by " {who} ", " {when} ")." {what}
                    </p>
                    <p>"Reload shows the current version and discards your changes. Overwrite saves your version over theirs."</p>
                    <div class="actions">
                        <button type="button" class="button" on:click=reload>"Reload"</button>
                        <button type="button" class="button" on:click=overwrite>"Overwrite"</button>
                    </div>
                </div>
            }
        })
    };
    let top_error = move || {
        ctx.server.with(|s| s.top.clone()).map(|m| {
            view! { <p id=inst.id("edit-error") class="form-error" role="alert" tabindex="-1"><strong>"Not saved. "</strong>{m}</p> }
        })
    };
    let folder = path.last().cloned();
    let read_only = folder.as_ref().filter(|f| !f.permissions.edit).map(|f| {
        view! {
            <p class="notice">
                "You can view this token but not change it: the folder “" {f.name.clone()}
                "” does not give you edit permission. Saving will be refused."
            </p>
        }
    });
    let mut crumbs = crate::browse::folder::crumbs(&ps, &path, Some(&token.name));
    if let Some(last) = crumbs.last_mut() {
        last.href = Some(AppRoute::Token(ps.id.clone(), token.id.clone()).href());
    }
    crumbs.push(Crumb { label: "Edit".into(), href: None });
    let selected_key = NodeKey::token(&token.id);
    let on_leave = Callback::new(move |()| done.set(true));
    let restored_note = was_restored.then(|| {
        view! { <p class="notice" role="status">"Your unsaved changes to this token were kept; here they are again."</p> }
    });
    let on_stay = Callback::new(move |()| {
        if let Some(store) = store {
            store.select(Some(selected_key.clone()));
        }
    });

    view! {
        <article class="token-edit">
            <Breadcrumbs crumbs/>
            <h1>"Edit Profiles API Token"</h1>
            <p class="lead">{move || name.get()}</p>
            {read_only}
            {restored_note}
            {top_error}
            {conflict_view}
            <form class="form" novalidate on:submit=on_submit>
                <TabList label="Token settings" prefix="token-edit" tabs=vec!["Configure".into(), "Segments".into()] selected=tab/>
                <TabPanel prefix="token-edit" index=0 selected=tab>
                    <NameFields ctx/>
                    <ConfigureFields ctx/>
                </TabPanel>
                <TabPanel prefix="token-edit" index=1 selected=tab>
                    <SegmentsFields ctx/>
                </TabPanel>
                <p class="hint">"After you save, the changes reach lookups when the token's workflow next finishes."</p>
                <div class="actions">
                    <button type="submit" class="button button-primary" disabled=move || !dirty.get() || pending.get()>
                        "Save"
                    </button>
                    <button type="button" class="button" on:click=cancel>"Cancel"</button>
                    <Show when=move || pending.get()>
                        <Loading label="Saving…"/>
                    </Show>
                </div>
            </form>
            <LeaveGuard dirty what="your changes to this token" on_stay on_leave/>
        </article>
    }
}
