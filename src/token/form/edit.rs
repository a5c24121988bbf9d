//! "Edit Profiles API Token": the token's settings in two tabs, Configure and Segments, saved
//! with one PATCH of the whole configuration. Before the PATCH the token is read again: if it
//! changed on the server since the form was opened, the user chooses Reload or Overwrite.

use crate::api::{ApiError, Client, Folder, ParentSegment, Token, TokenId, TokenWrite};
use crate::browse::Breadcrumbs;
use crate::i18n::intl;
use crate::i18n::locale::{tr, tr_with, use_locale};
use crate::routes::AppRoute;
use crate::session::leave_guard::LeaveGuard;
use crate::session::{use_handoff, use_router, use_session};
use crate::token::actions::ops::write_applied;
use crate::token::form::drafts::{edit_key, use_drafts, Draft};
use crate::token::form::fields::{
    field_dom_id, ConfigureFields, FormCtx, FormError, NameFields, SegmentsFields,
};
use crate::token::form::model::{FormTab, SaveErrors, TokenForm};
use crate::token::form::page_text::PageText;
use crate::token::text::TokenText;
use crate::token::writes::unless_unknown;
use crate::tree::{use_tree, NodeKey, TreeStore};
use crate::ui::text::UiText;
use crate::ui::toast::use_toasts;
use crate::ui::{explain, Loading, TabList, TabPanel};
use leptos::prelude::*;

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
    let error = match unless_unknown(client.update_token(id, write).await) {
        Ok(Ok(token)) => return SaveOutcome::Saved(token),
        Ok(Err(e)) => return SaveOutcome::Failed(e),
        Err(e) => e,
    };
    match client.token(id).await {
        Ok(current) if write_applied(&current, write) => SaveOutcome::Saved(current),
        _ => SaveOutcome::Failed(error),
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
            <p class="form-error" role="alert">{tr(PageText::CannotEditNoFolder)}</p>
        }
        .into_any(),
    })
}

/// What the edit form's parts share, `Copy` for closures and the save's async block.
#[derive(Clone, Copy)]
struct EditState {
    ctx: FormCtx,
    /// The form as loaded (or reloaded), for dirty tracking and the conflict's "changed there".
    original: RwSignal<TokenForm>,
    /// The token's `updatedAt` the form is based on: the PATCH is sent only if it still is.
    base: RwSignal<Option<String>>,
    /// The token's name as last read (the page's subtitle).
    name: RwSignal<String>,
    /// The current version, when a save found the token changed on the server.
    conflict: RwSignal<Option<Token>>,
    tab: RwSignal<usize>,
}

impl EditState {
    /// Shows `errors` of a failed save: the first field's tab and focus, else the form's message.
    fn show_failure(self, errors: SaveErrors) {
        if let Some(t) = errors.first_tab() {
            self.tab.try_set(tab_index(t));
        }
        let target = errors.fields.first().map_or("edit-error", |(f, _)| field_dom_id(*f));
        self.ctx.server.try_set(errors);
        self.ctx.instance.focus_next_frame(target);
    }

    /// Takes the server's current version (the conflict's Reload): the form starts over from it.
    fn reload(self, store: TreeStore) {
        let Some(current) = self.conflict.get_untracked() else { return };
        if let Some(form) = TokenForm::from_token(&current) {
            self.ctx.form.set(form.clone());
            self.original.set(form);
        }
        self.base.set(current.updated_at.clone());
        self.name.set(current.name.clone());
        store.upsert_token(&current);
        self.ctx.server.set(SaveErrors::default());
        self.ctx.show_problems.set(false);
        self.conflict.set(None);
        self.ctx.instance.focus_next_frame("token-edit-tab-0");
    }
}

/// The form, for a loaded token.
#[component]
fn EditForm(ps: ParentSegment, token: Token, path: Vec<Folder>, form: TokenForm) -> impl IntoView {
    let router = use_router();
    let store = use_tree();
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
    let (original, done) = (RwSignal::new(original_form), RwSignal::new(false));
    let dirty = Memo::new(move |_| !done.get() && ctx.form.with(|f| original.with(|o| f.differs_from(o))));
    let state = EditState {
        ctx,
        original,
        base: RwSignal::new(base_at),
        name: RwSignal::new(token.name.clone()),
        conflict: RwSignal::new(None),
        tab: RwSignal::new(0),
    };
    drafts.follow_form(draft_key, move || {
        dirty.get().then(|| Draft { base: state.base.get(), original: original.get(), form: ctx.form.get() })
    });
    let token_route = AppRoute::Token(ps.id.clone(), token.id.clone());
    let to_token_page = Callback::new(move |()| {
        done.set(true);
        router.set_guarded(false);
        router.navigate(&token_route);
    });
    let save = save_action(state, token.id.clone(), to_token_page);
    let pending = save.pending();
    let submit = Callback::new(move |()| {
        if pending.get_untracked() || !dirty.get_untracked() {
            return;
        }
        ctx.show_problems.set(true);
        if let Some((field, _)) = ctx.form.with_untracked(TokenForm::problems).into_iter().next() {
            state.tab.set(tab_index(field.tab()));
            ctx.instance.focus_next_frame(field_dom_id(field));
            return;
        }
        ctx.server.set(SaveErrors::default());
        state.conflict.set(None);
        save.dispatch_local((ctx.form.with_untracked(TokenForm::to_write), state.base.get_untracked()));
    });
    let overwrite = Callback::new(move |()| {
        if let Some(current) = state.conflict.get_untracked() {
            state.base.set(current.updated_at);
            submit.run(());
        }
    });
    let reload = Callback::new(move |()| state.reload(store));
    let folder = path.last().cloned();
    let locale = use_locale();
    let (crumb_ps, crumb_name, token_page) =
        (ps.clone(), token.name.clone(), AppRoute::Token(ps.id.clone(), token.id.clone()));
    let crumbs = move || {
        let edit = locale.text(&PageText::EditCrumb);
        let crumbs = crate::browse::folder::form_crumbs(
            &crumb_ps,
            &path,
            Some(&crumb_name),
            token_page.clone(),
            &edit,
        );
        view! { <Breadcrumbs crumbs/> }
    };
    let selected_key = NodeKey::token(&token.id);
    let on_leave = Callback::new(move |()| done.set(true));
    let on_stay = Callback::new(move |()| {
        store.select(Some(selected_key.clone()));
    });

    view! {
        <article class="token-edit">
            {crumbs}
            <h1>{tr(TokenText::EditToken)}</h1>
            <p class="lead">{move || state.name.get()}</p>
            <ReadOnlyNotice folder/>
            {was_restored.then(|| view! {
                <p class="notice" role="status">{tr(PageText::KeptChanges)}</p>
            })}
            <FormError ctx id="edit-error" lead=tr(PageText::NotSavedLead)/>
            <ConflictNotice state on_reload=reload on_overwrite=overwrite/>
            <EditTabs state dirty pending on_save=submit on_cancel=to_token_page/>
            <LeaveGuard dirty what=tr(PageText::YourChanges) on_stay on_leave/>
        </article>
    }
}

/// The form itself: the Configure and Segments tabs, then Save and Cancel.
#[component]
fn EditTabs(
    state: EditState,
    dirty: Memo<bool>,
    pending: Memo<bool>,
    on_save: Callback<()>,
    on_cancel: Callback<()>,
) -> impl IntoView {
    let ctx = state.ctx;
    let on_submit = move |ev: leptos::ev::SubmitEvent| {
        ev.prevent_default();
        on_save.run(());
    };
    view! {
        <form class="form" novalidate on:submit=on_submit>
            <TabList label=tr(PageText::TokenSettings) prefix="token-edit" selected=state.tab
                tabs=vec![Signal::derive(tr(PageText::Configure)), Signal::derive(tr(TokenText::Segments))]/>
            <TabPanel prefix="token-edit" index=0 selected=state.tab>
                <NameFields ctx/>
                <ConfigureFields ctx/>
            </TabPanel>
            <TabPanel prefix="token-edit" index=1 selected=state.tab>
                <SegmentsFields ctx/>
            </TabPanel>
            <p class="hint">{tr(PageText::AfterSaveHint)}</p>
            <div class="actions">
                <button type="submit" class="button button-primary" disabled=move || !dirty.get() || pending.get()>
                    {tr(PageText::Save)}
                </button>
                <button type="button" class="button" on:click=move |_| on_cancel.run(())>{tr(UiText::Cancel)}</button>
                <Show when=move || pending.get()>
                    <Loading label=tr(PageText::Saving)/>
                </Show>
            </div>
        </form>
    }
}

/// The one PATCH of a save (`save_token`), and what its outcome shows: the token page with a
/// toast (`after_save`), the conflict, or the errors in place.
fn save_action(
    state: EditState,
    id: TokenId,
    after_save: Callback<()>,
) -> Action<(TokenWrite, Option<String>), ()> {
    let session = use_session();
    let (store, toasts, handoff) = (use_tree(), use_toasts(), use_handoff());
    Action::new_local(move |(write, at): &(TokenWrite, Option<String>)| {
        let (write, at, id) = (write.clone(), at.clone(), id.clone());
        let before = state.original.with_untracked(TokenForm::to_write);
        let changes_lookups = before.key_column != write.key_column
            || before.attribute_columns != write.attribute_columns
            || before.segments != write.segments;
        async move {
            let Some(client) = session.client_untracked() else { return };
            match save_token(&client, &id, &write, at.as_deref()).await {
                SaveOutcome::Saved(token) => {
                    if changes_lookups {
                        handoff.changed_for_lookups(&token.id);
                    }
                    store.upsert_token(&token);
                    toasts.show(PageText::Saved(token.name.clone()), None);
                    // The PATCH answered with the token as saved: the page shows that.
                    handoff.put_token(token);
                    after_save.run(());
                }
                SaveOutcome::Changed(current) => {
                    state.conflict.try_set(Some(current));
                    state.ctx.instance.focus_next_frame("edit-conflict");
                }
                SaveOutcome::Failed(error) => {
                    session.check(&Err::<(), _>(error.clone()));
                    state.show_failure(SaveErrors::from_api(&error, explain));
                }
            }
        }
    })
}

/// "You can view this token but not change it", when the token's folder allows no edits.
#[component]
fn ReadOnlyNotice(folder: Option<Folder>) -> impl IntoView {
    folder.filter(|f| !f.permissions.edit).map(|f| {
        view! {
            <p class="notice">{tr(PageText::ReadOnly(f.name))}</p>
        }
    })
}

/// The token changed on the server after the form was opened: who and what, then Reload (their
/// version) or Overwrite (ours).
#[component]
fn ConflictNotice(state: EditState, on_reload: Callback<()>, on_overwrite: Callback<()>) -> impl IntoView {
    let (inst, locale) = (state.ctx.instance, state.ctx.locale);
    move || {
        state.conflict.get().map(|current| {
            let theirs = TokenForm::from_token(&current);
            let changed = theirs.map(|t| state.original.with(|o| t.changed_fields(o))).unwrap_or_default();
            let who = current.updated_by.as_ref().map(|u| u.name.clone());
            let by = tr_with(move || {
                let who = who.clone().unwrap_or_else(|| locale.text(&PageText::Someone));
                let when = intl::optional_timestamp(current.updated_at.as_deref(), locale.language());
                PageText::ConflictBy(who, when).into()
            });
            let what = (!changed.is_empty()).then(|| {
                tr_with(move || {
                    let names: Vec<String> = changed.iter().map(|f| locale.text(f)).collect();
                    PageText::ChangedThere(names.join(", ")).into()
                })
            });
            view! {
                <div id=inst.id("edit-conflict") class="conflict" role="alert" tabindex="-1">
                    <p>
                        <strong>{tr(PageText::ConflictTitle)}</strong>
                        {by}{what}
                    </p>
                    <p>{tr(PageText::ConflictExplain)}</p>
                    <div class="actions">
                        <button type="button" class="button" on:click=move |_| on_reload.run(())>{tr(PageText::Reload)}</button>
                        <button type="button" class="button" on:click=move |_| on_overwrite.run(())>{tr(PageText::Overwrite)}</button>
                    </div>
                </div>
            }
        })
    }
}
