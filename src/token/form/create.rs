//! "Create New" → "Profiles API Token": a wizard as in TD's docs. Name and optional description
//! → Next → Configure (Lookup Key, up to five attributes) → Next (to segments) or Create →
//! Segments (up to 15) → Save. One POST; the new token then shows in the tree, selected.

use crate::api::{ApiError, Client, Folder, FolderId, ParentSegment, Token, TokenWrite};
use crate::browse::{Breadcrumbs, Crumb};
use crate::instance::use_instance;
use crate::routes::AppRoute;
use crate::session::leave_guard::LeaveGuard;
use crate::session::use_router;
use crate::token::actions::ops::find_created;
use crate::token::form::drafts::{create_key, use_drafts, Draft};
use crate::token::form::fields::{
    field_dom_id, focus_soon, ConfigureFields, FormCtx, NameFields, SegmentsFields,
};
use crate::token::form::model::{Field, FormTab, SaveErrors, TokenForm};
use crate::token::writes::settled;
use crate::tree::{use_tree, NodeKey};
use crate::ui::toast::use_toasts;
use crate::ui::{explain, loaded, Loading, Read};
use leptos::prelude::*;
use std::cell::Cell;

/// The message the new token's page shows.
pub const CREATED_MESSAGE: &str = "Created. Web pages can use the token's UUID once its workflow has run \
     for the first time (usually within minutes).";

/// The wizard's steps.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord)]
enum Step {
    Name,
    Configure,
    Segments,
}

impl Step {
    fn title(self) -> &'static str {
        match self {
            Self::Name => "Step 1 of 3: Name",
            Self::Configure => "Step 2 of 3: Configure",
            Self::Segments => "Step 3 of 3: Segments",
        }
    }
    /// The step that shows `field`.
    fn of(field: Field) -> Self {
        match (field, field.tab()) {
            (Field::Name | Field::Description, _) => Self::Name,
            (_, FormTab::Configure) => Self::Configure,
            (_, FormTab::Segments) => Self::Segments,
        }
    }
}

/// Sends the POST. If no answer came (timeout, dropped connection, a 5xx from a proxy), the
/// token may exist anyway: the folder is read again and a token of that name counts as
/// created (`true`), so that trying again never makes a duplicate.
async fn create_token(client: &Client, write: &TokenWrite) -> Result<(Token, bool), (ApiError, bool)> {
    // Whether the folder was read after a POST with an unknown outcome, and whether the token
    // came from that read (the POST's answer was lost).
    let (checked, recovered) = (Cell::new(false), Cell::new(false));
    let sent = client.create_token(write).await;
    let result = settled(sent, || async {
        let listing = client.folder_children(&write.parent_folder_id).await.ok()?;
        checked.set(true);
        let id = find_created(&listing.children, &write.name, &[])?;
        let token = client.token(&id).await.ok()?;
        recovered.set(true);
        Some(Ok(token))
    })
    .await;
    result.map(|t| (t, recovered.get())).map_err(|e| (e, checked.get()))
}

/// Loads the folder's path (breadcrumbs, permission), then shows the wizard.
#[component]
pub fn CreateTokenPage(
    /// The parent segment being browsed.
    ps: ParentSegment,
    /// The folder to create the token in.
    folder: FolderId,
) -> impl IntoView {
    let Some(store) = use_tree() else { return ().into_any() };
    let f = folder.clone();
    let path = LocalResource::new(move || {
        let f = f.clone();
        async move { store.reveal_path_to(&f, Some(NodeKey::folder(&f))).await }
    });
    let retry = Callback::new(move |()| path.refetch());
    let read = Read {
        loading: "Loading folder…",
        failed: "Could not load the folder.",
        missing: Some("This folder"),
    };
    (move || {
        let wizard = |path| view! { <Wizard ps=ps.clone() folder=folder.clone() path/> }.into_any();
        loaded(path.get(), &read, retry, wizard)
    })
    .into_any()
}

/// The three steps, for a known folder.
#[component]
fn Wizard(ps: ParentSegment, folder: FolderId, path: Vec<Folder>) -> impl IntoView {
    let inst = use_instance();
    let session = use_context::<crate::session::Session>();
    let router = use_router();
    let store = use_tree();
    let toasts = use_toasts();
    let handoff = crate::session::use_handoff();
    let empty = TokenForm::new(folder.clone());
    // Work left behind (a rejected key unmounted the page) comes back.
    let drafts = use_drafts();
    let draft_key = create_key(&folder);
    let restored = drafts.take(&draft_key).map(|d| d.form);
    let was_restored = restored.is_some();
    let ctx = FormCtx::new(ps.id.clone(), restored.unwrap_or_else(|| empty.clone()));
    let step = RwSignal::new(Step::Name);
    let done = RwSignal::new(false);
    let original = empty.clone();
    let dirty = Memo::new(move |_| !done.get() && ctx.form.with(|f| f.differs_from(&original)));
    let unsaved_original = empty.clone();
    drafts.follow_form(draft_key, move || {
        dirty.get().then(|| Draft { base: None, original: unsaved_original.clone(), form: ctx.form.get() })
    });
    let folder_ids: Vec<FolderId> = path.iter().map(|f| f.id.clone()).collect();
    let folder_ids = StoredValue::new(folder_ids);
    let ps_id = ps.id.clone();

    let go = move |to: Step| {
        step.set(to);
        focus_soon(inst, "create-step-heading");
    };
    let create = Action::new_local(move |write: &TokenWrite| {
        let (write, ps_id) = (write.clone(), ps_id.clone());
        async move {
            let Some(client) = session.and_then(|s| s.client_untracked()) else { return };
            match create_token(&client, &write).await {
                Ok((token, recovered)) => {
                    let route = AppRoute::Token(ps_id, token.id.clone());
                    if let Some(store) = store {
                        store.upsert_token(&token);
                        store.reveal(&folder_ids.get_value(), Some(NodeKey::token(&token.id)));
                        if recovered {
                            store.reload(&write.parent_folder_id);
                        }
                    }
                    if let Some(toasts) = toasts {
                        let note = if recovered {
                            " (The answer was lost, but the token was found in its folder.)"
                        } else {
                            ""
                        };
                        toasts.show(format!("“{}”: {CREATED_MESSAGE}{note}", token.name), None);
                    }
                    done.try_set(true);
                    if let Some(r) = router {
                        // The POST answered with the token: its page shows that.
                        if let Some(h) = handoff {
                            h.put_token(token);
                        }
                        r.set_guarded(false);
                        r.navigate(&route);
                    }
                }
                Err((error, checked)) => {
                    if let Some(s) = session {
                        s.check(&Err::<(), _>(error.clone()));
                    }
                    let mut errors = SaveErrors::from_api(&error, explain);
                    if checked {
                        errors.top = errors.top.map(|t| {
                            format!("{t} The folder was checked: the token was not created, so you can try again.")
                        });
                    }
                    let target = match errors.fields.first() {
                        Some((field, _)) => {
                            step.try_set(Step::of(*field));
                            field_dom_id(*field)
                        }
                        None => "create-error",
                    };
                    ctx.server.try_set(errors);
                    focus_soon(inst, target);
                }
            }
        }
    });
    let pending = create.pending();

    // Checks the fields of the steps up to `upto`; focuses the first problem.
    let check = move |upto: Step| -> bool {
        ctx.show_problems.set(true);
        let problem = ctx
            .form
            .with_untracked(TokenForm::problems)
            .into_iter()
            .map(|(f, _)| f)
            .find(|f| Step::of(*f) <= upto);
        match problem {
            Some(field) => {
                step.set(Step::of(field));
                focus_soon(inst, field_dom_id(field));
                false
            }
            None => true,
        }
    };
    let submit_create = move || {
        if pending.get_untracked() || !check(Step::Segments) {
            return;
        }
        ctx.server.set(SaveErrors::default());
        create.dispatch_local(ctx.form.with_untracked(TokenForm::to_write));
    };
    let next = move || match step.get_untracked() {
        Step::Name if check(Step::Name) => go(Step::Configure),
        Step::Configure if check(Step::Configure) => go(Step::Segments),
        Step::Segments => submit_create(),
        _ => {}
    };
    let on_submit = move |ev: leptos::ev::SubmitEvent| {
        ev.prevent_default();
        next();
    };
    let folder_route = AppRoute::Folder(ps.id.clone(), folder.clone());
    let cancel = move |_| {
        done.set(true);
        if let Some(r) = router {
            r.set_guarded(false);
            r.navigate(&folder_route);
        }
    };

    let buttons = move || {
        let busy = move || pending.get();
        let back = |to: Step| view! { <button type="button" class="button" on:click=move |_| go(to)>"Back"</button> };
        match step.get() {
            Step::Name => view! {
                <button type="submit" class="button button-primary">"Next"</button>
            }
            .into_any(),
            Step::Configure => view! {
                {back(Step::Name)}
                <button type="submit" class="button button-primary">"Next"</button>
                <button type="button" class="button" disabled=busy on:click=move |_| submit_create()>"Create"</button>
            }
            .into_any(),
            Step::Segments => view! {
                {back(Step::Configure)}
                <button type="submit" class="button button-primary" disabled=busy>"Save"</button>
            }
            .into_any(),
        }
    };
    let top_error = move || {
        ctx.server.with(|s| s.top.clone()).map(|m| {
            view! { <p id=inst.id("create-error") class="form-error" role="alert" tabindex="-1"><strong>"Not created. "</strong>{m}</p> }
        })
    };
    let here = path.last().cloned();
    let folder_name = here.as_ref().map(|f| f.name.clone()).unwrap_or_default();
    let no_edit = here.as_ref().filter(|f| !f.permissions.edit).map(|f| {
        view! {
            <p class="notice">
                "You cannot create tokens in “" {f.name.clone()} "”: your permissions there allow viewing only. "
                "Ask an administrator for edit access, or create the token in another folder."
            </p>
        }
    });
    let mut crumbs = crate::browse::folder::crumbs(&ps, &path, None);
    if let Some(last) = crumbs.last_mut() {
        last.href = Some(AppRoute::Folder(ps.id.clone(), folder.clone()).href());
    }
    crumbs.push(Crumb { label: "New Profiles API Token".into(), href: None });
    let on_leave = Callback::new(move |()| done.set(true));
    let restored_note = was_restored.then(|| {
        view! { <p class="notice" role="status">"What you had entered for this new token was kept; here it is again."</p> }
    });
    let step_class = move |s: Step| move || if step.get() == s { "step current" } else { "step" };
    let step_current = move |s: Step| move || (step.get() == s).then_some("step");
    let panel_hidden = move |s: Step| move || step.get() != s;

    view! {
        <article class="token-create">
            <Breadcrumbs crumbs/>
            <h1>"Create Profiles API Token"</h1>
            <p class="lead">"In the folder “" {folder_name} "”"</p>
            {no_edit}
            {restored_note}
            <ol class="steps">
                <li class=step_class(Step::Name) aria-current=step_current(Step::Name)>"Name"</li>
                <li class=step_class(Step::Configure) aria-current=step_current(Step::Configure)>"Configure"</li>
                <li class=step_class(Step::Segments) aria-current=step_current(Step::Segments)>"Segments"</li>
            </ol>
            {top_error}
            <form class="form" novalidate on:submit=on_submit>
                <h2 id=inst.id("create-step-heading") class="create-step-heading" tabindex="-1">{move || step.get().title()}</h2>
                <div class="step-panel" hidden=panel_hidden(Step::Name)>
                    <p class="hint">"Enter a name for your token and optionally enter a description."</p>
                    <NameFields ctx/>
                </div>
                <div class="step-panel" hidden=panel_hidden(Step::Configure)>
                    <p class="hint">"Choose the Lookup Key and up to five attributes. Segments can be added now (Next) or later (Create)."</p>
                    <ConfigureFields ctx/>
                </div>
                <div class="step-panel" hidden=panel_hidden(Step::Segments)>
                    <SegmentsFields ctx/>
                </div>
                <div class="actions">
                    {buttons}
                    <button type="button" class="button button-quiet" on:click=cancel>"Cancel"</button>
                    <Show when=move || pending.get()>
                        <Loading label="Creating…"/>
                    </Show>
                </div>
            </form>
            <LeaveGuard dirty what="this new token" on_leave/>
        </article>
    }
}
