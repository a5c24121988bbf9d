//! "Create New" → "Profiles API Token": a wizard as in TD's docs. Name and optional description
//! → Next → Configure (Lookup Key, up to five attributes) → Next (to segments) or Create →
//! Segments (up to 15) → Save. One POST; the new token then shows in the tree, selected.

use crate::api::{ApiError, Client, Folder, FolderId, ParentSegment, ParentSegmentId, Token, TokenWrite};
use crate::browse::text::BrowseText;
use crate::browse::Breadcrumbs;
use crate::i18n::locale::{tr, tr_with, use_locale};
use crate::i18n::Message;
use crate::routes::AppRoute;
use crate::session::leave_guard::LeaveGuard;
use crate::session::{use_handoff, use_router, use_session};
use crate::token::actions::ops::find_created;
use crate::token::form::drafts::{create_key, use_drafts, Draft};
use crate::token::form::fields::{
    field_dom_id, ConfigureFields, FormCtx, FormError, NameFields, SegmentsFields,
};
use crate::token::form::model::{Field, FormTab, SaveErrors, TokenForm, MAX_ATTRIBUTES};
use crate::token::form::page_text::PageText;
use crate::token::text::TokenText;
use crate::token::writes::unless_unknown;
use crate::tree::{use_tree, NodeKey};
use crate::ui::text::UiText;
use crate::ui::toast::use_toasts;
use crate::ui::{explain, loaded, Loading, Read};
use leptos::prelude::*;

/// The wizard's steps.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord)]
enum Step {
    Name,
    Configure,
    Segments,
}

impl Step {
    fn title(self) -> PageText {
        match self {
            Self::Name => PageText::Step1,
            Self::Configure => PageText::Step2,
            Self::Segments => PageText::Step3,
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

/// Sends the POST. If its outcome is unknown (`token::writes`), the token may exist anyway:
/// the folder is read again and a token of that name counts as created (`Ok` with `true`), so
/// that trying again never makes a duplicate; an error says whether the folder was checked.
async fn create_token(client: &Client, write: &TokenWrite) -> Result<(Token, bool), (ApiError, bool)> {
    let error = match unless_unknown(client.create_token(write).await) {
        Ok(answer) => return answer.map(|t| (t, false)).map_err(|e| (e, false)),
        Err(e) => e,
    };
    let Ok(listing) = client.folder_children(&write.parent_folder_id).await else {
        return Err((error, false));
    };
    let found = find_created(&listing.children, &write.name, &[]);
    match found {
        Some(id) => client.token(&id).await.map(|t| (t, true)).map_err(|_| (error, true)),
        None => Err((error, true)),
    }
}

/// Loads the folder's path (breadcrumbs, permission), then shows the wizard.
#[component]
pub fn CreateTokenPage(
    /// The parent segment being browsed.
    ps: ParentSegment,
    /// The folder to create the token in.
    folder: FolderId,
) -> impl IntoView {
    let store = use_tree();
    let f = folder.clone();
    let path = LocalResource::new(move || {
        let f = f.clone();
        async move { store.reveal_path_to(&f, Some(NodeKey::folder(&f))).await }
    });
    let retry = Callback::new(move |()| path.refetch());
    let read = Read {
        loading: Signal::derive(tr(BrowseText::LoadingFolder)),
        failed: Signal::derive(tr(PageText::FolderFailed)),
        missing: Some(Signal::derive(tr(PageText::ThisFolder))),
    };
    (move || {
        let wizard = |path| view! { <Wizard ps=ps.clone() folder=folder.clone() path/> }.into_any();
        loaded(path.get(), &read, retry, wizard)
    })
    .into_any()
}

/// What the wizard's parts share, `Copy` for closures and the POST's async block.
#[derive(Clone, Copy)]
struct WizardState {
    ctx: FormCtx,
    step: RwSignal<Step>,
    /// Created or cancelled: nothing is unsaved any more.
    done: RwSignal<bool>,
}

impl WizardState {
    /// Shows step `to`, with focus on its heading.
    fn go(self, to: Step) {
        self.step.set(to);
        self.ctx.instance.focus_next_frame("create-step-heading");
    }

    /// Checks the fields of the steps up to `upto`; shows and focuses the first problem.
    fn check(self, upto: Step) -> bool {
        self.ctx.show_problems.set(true);
        let problems = self.ctx.form.with_untracked(TokenForm::problems);
        match problems.into_iter().map(|(f, _)| f).find(|f| Step::of(*f) <= upto) {
            Some(field) => {
                self.step.set(Step::of(field));
                self.ctx.instance.focus_next_frame(field_dom_id(field));
                false
            }
            None => true,
        }
    }

    /// Shows a failed POST's errors: the first field's step and focus, else the form's message.
    fn show_failure(self, mut errors: SaveErrors, checked: bool) {
        if checked {
            errors.top = errors.top.map(|t| Message::joined(t, PageText::FolderChecked));
        }
        let target = match errors.fields.first() {
            Some((field, _)) => {
                self.step.try_set(Step::of(*field));
                field_dom_id(*field)
            }
            None => "create-error",
        };
        self.ctx.server.try_set(errors);
        self.ctx.instance.focus_next_frame(target);
    }
}

/// The three steps, for a known folder.
#[component]
fn Wizard(ps: ParentSegment, folder: FolderId, path: Vec<Folder>) -> impl IntoView {
    let router = use_router();
    let empty = TokenForm::new(folder.clone());
    // Work left behind (a rejected key unmounted the page) comes back.
    let drafts = use_drafts();
    let draft_key = create_key(&folder);
    let restored = drafts.take(&draft_key).map(|d| d.form);
    let was_restored = restored.is_some();
    let ctx = FormCtx::new(ps.id.clone(), restored.unwrap_or_else(|| empty.clone()));
    let state = WizardState { ctx, step: RwSignal::new(Step::Name), done: RwSignal::new(false) };
    let (original, done) = (empty.clone(), state.done);
    let dirty = Memo::new(move |_| !done.get() && ctx.form.with(|f| f.differs_from(&original)));
    drafts.follow_form(draft_key, move || {
        dirty.get().then(|| Draft { base: None, original: empty.clone(), form: ctx.form.get() })
    });
    let folder_ids = path.iter().map(|f| f.id.clone()).collect();
    let create = create_action(state, ps.id.clone(), folder_ids);
    let pending = create.pending();
    let submit_create = Callback::new(move |()| {
        if pending.get_untracked() || !state.check(Step::Segments) {
            return;
        }
        ctx.server.set(SaveErrors::default());
        create.dispatch_local(ctx.form.with_untracked(TokenForm::to_write));
    });
    let on_submit = move |ev: leptos::ev::SubmitEvent| {
        ev.prevent_default();
        match state.step.get_untracked() {
            Step::Name if state.check(Step::Name) => state.go(Step::Configure),
            Step::Configure if state.check(Step::Configure) => state.go(Step::Segments),
            Step::Segments => submit_create.run(()),
            _ => {}
        }
    };
    let folder_route = AppRoute::Folder(ps.id.clone(), folder.clone());
    let cancel = move |_| {
        done.set(true);
        router.set_guarded(false);
        router.navigate(&folder_route);
    };
    let here = path.last().cloned();
    let folder_name = here.as_ref().map(|f| f.name.clone()).unwrap_or_default();
    let locale = use_locale();
    let (crumb_ps, folder_page) = (ps.clone(), AppRoute::Folder(ps.id.clone(), folder.clone()));
    let crumbs = move || {
        let new = locale.text(&PageText::NewCrumb);
        let crumbs = crate::browse::folder::form_crumbs(&crumb_ps, &path, None, folder_page.clone(), &new);
        view! { <Breadcrumbs crumbs/> }
    };
    let on_leave = Callback::new(move |()| done.set(true));
    let step = state.step;
    let panel_hidden = move |s: Step| move || step.get() != s;

    view! {
        <article class="token-create">
            {crumbs}
            <h1>{tr(PageText::CreateTitle)}</h1>
            <p class="lead">{tr(PageText::InFolder(folder_name))}</p>
            <NoEditNotice folder=here/>
            {was_restored.then(|| view! {
                <p class="notice" role="status">{tr(PageText::KeptNewToken)}</p>
            })}
            <StepList step/>
            <FormError ctx id="create-error" lead=tr(PageText::NotCreatedLead)/>
            <form class="form" novalidate on:submit=on_submit>
                <h2 id=ctx.instance.id("create-step-heading") class="create-step-heading" tabindex="-1">
                    {tr_with(move || step.get().title().into())}
                </h2>
                <div class="step-panel" hidden=panel_hidden(Step::Name)>
                    <p class="hint">{tr(PageText::NameHint)}</p>
                    <NameFields ctx/>
                </div>
                <div class="step-panel" hidden=panel_hidden(Step::Configure)>
                    <p class="hint">{tr(PageText::ConfigureHint(MAX_ATTRIBUTES))}</p>
                    <ConfigureFields ctx/>
                </div>
                <div class="step-panel" hidden=panel_hidden(Step::Segments)>
                    <SegmentsFields ctx/>
                </div>
                <div class="actions">
                    <StepButtons state pending on_create=submit_create/>
                    <button type="button" class="button button-quiet" on:click=cancel>{tr(UiText::Cancel)}</button>
                    <Show when=move || pending.get()>
                        <Loading label=tr(PageText::Creating)/>
                    </Show>
                </div>
            </form>
            <LeaveGuard dirty what=tr(PageText::NewToken) on_leave/>
        </article>
    }
}

/// The one POST (`create_token`), and what its outcome shows: the new token's page, selected
/// in the tree, with a toast; or the errors in place.
fn create_action(
    state: WizardState,
    ps: ParentSegmentId,
    folder_ids: Vec<FolderId>,
) -> Action<TokenWrite, ()> {
    let session = use_session();
    let (router, store, toasts, handoff) = (use_router(), use_tree(), use_toasts(), use_handoff());
    let folder_ids = StoredValue::new(folder_ids);
    Action::new_local(move |write: &TokenWrite| {
        let (write, ps) = (write.clone(), ps.clone());
        async move {
            let Some(client) = session.client_untracked() else { return };
            match create_token(&client, &write).await {
                Ok((token, recovered)) => {
                    let route = AppRoute::Token(ps, token.id.clone());
                    store.upsert_token(&token);
                    store.reveal(&folder_ids.get_value(), Some(NodeKey::token(&token.id)));
                    if recovered {
                        store.reload(&write.parent_folder_id);
                    }
                    let created = Message::from(PageText::Created(token.name.clone()));
                    toasts.show(
                        if recovered {
                            Message::joined(created, PageText::CreatedRecovered)
                        } else {
                            created
                        },
                        None,
                    );
                    state.done.try_set(true);
                    // The POST answered with the token: its page shows that.
                    handoff.put_token(token);
                    router.set_guarded(false);
                    router.navigate(&route);
                }
                Err((error, checked)) => {
                    session.check(&Err::<(), _>(error.clone()));
                    state.show_failure(SaveErrors::from_api(&error, explain), checked);
                }
            }
        }
    })
}

/// The steps as a list, the current one marked.
#[component]
fn StepList(step: RwSignal<Step>) -> impl IntoView {
    let class = move |s: Step| move || if step.get() == s { "step current" } else { "step" };
    let current = move |s: Step| move || (step.get() == s).then_some("step");
    view! {
        <ol class="steps">
            <li class=class(Step::Name) aria-current=current(Step::Name)>{tr(TokenText::Name)}</li>
            <li class=class(Step::Configure) aria-current=current(Step::Configure)>{tr(PageText::Configure)}</li>
            <li class=class(Step::Segments) aria-current=current(Step::Segments)>{tr(TokenText::Segments)}</li>
        </ol>
    }
}

/// Back, Next, and Create (after Configure) or Save (the last step).
#[component]
fn StepButtons(state: WizardState, pending: Memo<bool>, on_create: Callback<()>) -> impl IntoView {
    let busy = move || pending.get();
    let back = move |to: Step| {
        view! { <button type="button" class="button" on:click=move |_| state.go(to)>{tr(PageText::Back)}</button> }
    };
    let next =
        move || view! { <button type="submit" class="button button-primary">{tr(PageText::Next)}</button> };
    move || match state.step.get() {
        Step::Name => next().into_any(),
        Step::Configure => view! {
            {back(Step::Name)}
            {next()}
            <button type="button" class="button" disabled=busy on:click=move |_| on_create.run(())>
                {tr(PageText::Create)}
            </button>
        }
        .into_any(),
        Step::Segments => view! {
            {back(Step::Configure)}
            <button type="submit" class="button button-primary" disabled=busy>{tr(PageText::Save)}</button>
        }
        .into_any(),
    }
}

/// "You cannot create tokens in …", when the folder allows no edits.
#[component]
fn NoEditNotice(folder: Option<Folder>) -> impl IntoView {
    folder.filter(|f| !f.permissions.edit).map(|f| {
        view! {
            <p class="notice">{tr(PageText::NoEdit(f.name))}</p>
        }
    })
}
