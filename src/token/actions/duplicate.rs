//! "Duplicate Profiles API Token" (seed: "Rename the Profiles API token and optionally enter a
//! description. Select Duplicate."): the name checked as it is typed, one POST, the copy shown
//! next to the original and opened.

use crate::api::{ApiError, Client, FolderId, Token, TokenId};
use crate::i18n::locale::{tr, tr_with};
use crate::i18n::{Message, Verbatim};
use crate::instance::use_instance;
use crate::routes::AppRoute;
use crate::token::actions::bar::{error_text, focus_in_tree, TokenCtx};
use crate::token::actions::ops::{check_name, copy_name, duplicate_write, find_created};
use crate::token::actions::text::ActionText;
use crate::token::form::drafts::DialogDraft;
use crate::token::form::text::FormText;
use crate::token::text::TokenText;
use crate::token::writes::{outcome_unknown, unless_unknown};
use crate::tree::NodeKey;
use crate::ui::{close_unless_pending, Dialog, DialogFooter};
use leptos::prelude::*;
use std::collections::HashSet;

/// What is known about the names in use, for the as-you-type check.
#[derive(Clone, Debug, PartialEq)]
enum Names {
    /// The whole parent segment was read (folders the user can't view aside).
    All(HashSet<String>),
    /// Only the folders loaded in the tree: the lookup is running or failed.
    Loaded(HashSet<String>),
}

/// Duplicates `original` as `name`/`description`: reads it (the copy gets its current Lookup
/// Key, attributes and segments), then sends the one POST. A POST without an answer may have
/// created the token: the folder is read again and a new token of that name counts as created.
async fn duplicate_token(
    client: &Client,
    original: &TokenId,
    name: &str,
    description: &str,
    before: &[String],
) -> Result<Token, ApiError> {
    let current = client.token(original).await?;
    let write = duplicate_write(&current, name, description)
        .ok_or_else(|| ApiError::Decode("the token has no folder".into()))?;
    let folder = write.parent_folder_id.clone();
    let error = match unless_unknown(client.create_token(&write).await) {
        Ok(answer) => return answer,
        Err(e) => e,
    };
    match created_meanwhile(client, &folder, name, before).await {
        Some(id) => client.token(&id).await,
        None => Err(error),
    }
}

async fn created_meanwhile(
    client: &Client,
    folder: &FolderId,
    name: &str,
    before: &[String],
) -> Option<TokenId> {
    let listing = client.folder_children(folder).await.ok()?;
    find_created(&listing.children, name, before)
}

/// The names in use in the parent segment: those of the tokens the tree has loaded at once, all
/// of them once read (one request, in the background).
fn names_in_use(ctx: TokenCtx) -> RwSignal<Names> {
    let loaded: HashSet<String> = ctx.store.with_untracked(|m| m.token_names().map(str::to_owned).collect());
    let names = RwSignal::new(Names::Loaded(loaded.clone()));
    if let Some(root) = ctx.ps.get_value().root_folder_id {
        leptos::task::spawn_local(async move {
            let Ok(client) = ctx.session.connected() else { return };
            if let Ok(tokens) = ctx.session.answered(client.tokens_under(&root).await) {
                names.try_set(Names::All(tokens.into_iter().map(|t| t.name).chain(loaded).collect()));
            }
        });
    }
    names
}

impl Names {
    fn contains(&self, name: &str) -> bool {
        match self {
            Names::All(s) | Names::Loaded(s) => s.contains(name),
        }
    }
}

/// While the user has not typed (`name` is still `suggestion`), a better suggestion replaces a
/// name found to be in use once more `names` are known.
fn follow_suggestion(
    name: RwSignal<String>,
    suggestion: Option<String>,
    original: String,
    names: RwSignal<Names>,
) {
    let suggestion = StoredValue::new(suggestion);
    Effect::new(move |_| {
        let fresh = copy_name(&original, |n| names.with(|k| k.contains(n)));
        let untouched = name.with_untracked(|n| suggestion.with_value(|s| s.as_ref() == Some(n)));
        if untouched && name.get_untracked() != fresh {
            suggestion.set_value(Some(fresh.clone()));
            name.set(fresh);
        }
    });
}

/// The one POST of a duplicate (`duplicate_token`): the copy opens, or the error shows in place.
fn duplicate_action(
    ctx: TokenCtx,
    original: &Token,
    error: RwSignal<Option<Message>>,
    server_error: RwSignal<Option<ApiError>>,
) -> Action<(String, String), ()> {
    let original_id = original.id.clone();
    // The folder's entries now: a token found there after a lost answer is new only if not here.
    let before: Vec<String> = match &original.parent_folder_id {
        Some(f) => ctx
            .store
            .with_untracked(|m| m.children_of(&NodeKey::folder(f)).iter().map(|k| k.id.clone()).collect()),
        None => Vec::new(),
    };
    Action::new_local(move |(new_name, new_description): &(String, String)| {
        let (id, new_name, new_description, before) =
            (original_id.clone(), new_name.clone(), new_description.clone(), before.clone());
        async move {
            let result = match ctx.session.connected() {
                Ok(client) => {
                    let copy = duplicate_token(&client, &id, &new_name, &new_description, &before).await;
                    ctx.session.answered(copy)
                }
                Err(e) => Err(e),
            };
            match result {
                Ok(copy) => opened(ctx, &id, copy),
                Err(e) => {
                    let context = if outcome_unknown(&e) {
                        ActionText::NotCreatedNoAnswer
                    } else {
                        ActionText::NotDuplicated
                    };
                    error.try_set(Some(error_text(context, &e)));
                    server_error.try_set(Some(e));
                }
            }
        }
    })
}

/// The Duplicate dialog: Name (prefilled "Copy of …"), Description (optional).
#[component]
pub(super) fn DuplicateDialog(
    ctx: TokenCtx,
    /// Name and description the user had entered when a rejected key closed the dialog.
    kept: Option<(String, String)>,
) -> impl IntoView {
    let original = ctx.token.get_untracked();
    let names = names_in_use(ctx);
    let taken = move |n: &str| names.with(|k| k.contains(n));
    let suggested = copy_name(&original.name, taken);
    let was_kept = kept.is_some();
    let (name, description) = kept.unwrap_or_else(|| (suggested.clone(), original.description.clone()));
    let name = RwSignal::new(name);
    let description = RwSignal::new(description);
    // A kept name is the user's own: never replaced by a better suggestion.
    follow_suggestion(name, (!was_kept).then_some(suggested), original.name.clone(), names);
    let server_error = RwSignal::new(None::<ApiError>);
    let problem = Memo::new(move |_| check_name(&name.get(), taken).map(|p| p.message()));
    let error = RwSignal::new(None::<Message>);

    let action = duplicate_action(ctx, &original, error, server_error);
    let pending = action.pending();
    let name_ref = NodeRef::<leptos::html::Input>::new();
    let on_submit = move |ev: web_sys::SubmitEvent| {
        ev.prevent_default();
        if pending.get_untracked() {
            return;
        }
        if problem.get_untracked().is_some() {
            if let Some(input) = name_ref.get_untracked() {
                _ = input.focus();
            }
            return;
        }
        error.set(None);
        server_error.set(None);
        action.dispatch((name.get_untracked(), description.get_untracked()));
    };
    let close = close_unless_pending(pending, ctx.close);
    on_cleanup(move || {
        ctx.keep_if_session_ended(|| {
            Some(DialogDraft::Duplicate {
                name: name.try_get_untracked()?,
                description: description.try_get_untracked()?,
            })
        })
    });
    let kept_note = was_kept.then(|| {
        view! { <p class="notice" role="status">{tr(ActionText::KeptEntries)}</p> }
    });
    view! {
        <Dialog title=tr(ActionText::DuplicateTitle) on_close=close>
            <form class="form" novalidate on:submit=on_submit>
                <p>{tr(ActionText::DuplicateLead(original.name.clone()))}</p>
                {kept_note}
                <CopyFields name description name_ref problem server_error names/>
                <p class="hint">{tr(ActionText::DuplicateHint)}</p>
                <DialogFooter action=tr(ActionText::Duplicate) progress=tr(ActionText::Duplicating) error pending
                    on_cancel=close/>
            </form>
        </Dialog>
    }
}

/// The copy's Name (checked as typed; the server's word shows too) and Description.
#[component]
fn CopyFields(
    name: RwSignal<String>,
    description: RwSignal<String>,
    name_ref: NodeRef<leptos::html::Input>,
    /// The name's problem by the rule and the names in use, if any.
    problem: Memo<Option<Message>>,
    /// The last failed POST's error, whose `name` message shows until the name changes.
    server_error: RwSignal<Option<ApiError>>,
    names: RwSignal<Names>,
) -> impl IntoView {
    let inst = use_instance();
    let name_error = move || {
        problem.get().or_else(|| {
            server_error.with(|e| {
                e.as_ref().and_then(|e| e.field_error("name").map(|m| Verbatim(m.to_owned()).into()))
            })
        })
    };
    let scope_note = tr_with(move || match names.get() {
        Names::All(_) => Verbatim(String::new()).into(),
        Names::Loaded(_) => ActionText::CheckedSoFar.into(),
    });
    let invalid = move || name_error().is_some().to_string();
    let shown_error = tr_with(move || name_error().unwrap_or_else(|| Verbatim(String::new()).into()));
    view! {
                <div class="field">
                    <label for=inst.id("duplicate-name")>{tr(TokenText::Name)}</label>
                    <input
                        id=inst.id("duplicate-name")
                        type="text"
                        node_ref=name_ref
                        data-autofocus=""
                        autocomplete="off"
                        spellcheck="false"
                        aria-invalid=invalid
                        aria-describedby=inst.ids("duplicate-name-rule duplicate-name-error")
                        prop:value=move || name.get()
                        on:input:target=move |ev| {
                            name.set(ev.target().value());
                            server_error.set(None);
                        }
                    />
                    <p class="hint" id=inst.id("duplicate-name-rule")>{tr(FormText::NameRule)}" "{scope_note}</p>
                    <p class="field-error" id=inst.id("duplicate-name-error") aria-live="polite">{shown_error}</p>
                </div>
                <div class="field">
                    <label for=inst.id("duplicate-description")>{tr(ActionText::DescriptionOptional)}</label>
                    <textarea
                        id=inst.id("duplicate-description")
                        rows="3"
                        prop:value=move || description.get()
                        on:input:target=move |ev| description.set(ev.target().value())
                    ></textarea>
                </div>
    }
}

/// After the POST: the copy goes next to its original in the tree, the dialog closes, and
/// the copy's page opens with focus on its tree item.
fn opened(ctx: TokenCtx, original: &TokenId, copy: Token) {
    let key = NodeKey::token(&copy.id);
    ctx.store.insert_token_after(&copy, &NodeKey::token(original));
    ctx.toast(ActionText::Duplicated(copy.name.clone()));
    ctx.close.run(());
    let ps = ctx.ps.try_get_value().map(|p| p.id);
    if let Some(ps) = ps {
        // The POST answered with the copy: its page shows that instead of reading it again.
        ctx.handoff.put_token(copy.clone());
        ctx.router.navigate(&AppRoute::Token(ps, copy.id.clone()));
    }
    focus_in_tree(ctx, Some(key));
}
