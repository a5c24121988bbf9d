//! The browse layout of one parent segment: the folder tree on the left (`nav`), the folder or
//! token page on the right (`main`), and the parent segment's name with "Disconnect" on top.

use crate::api::{ApiError, FolderId, ParentSegment, ParentSegmentId};
use crate::browse::text::BrowseText;
use crate::browse::FolderPage;
use crate::i18n::locale::{provide_scoped_locale, tr};
use crate::routes::AppRoute;
use crate::session::AppHeader;
use crate::session::{use_handoff, use_router, use_session};
use crate::token::form::create::CreateTokenPage;
use crate::token::{TokenEditPage, TokenPage};
use crate::tree::{NodeKey, TreeModel, TreeStore};
use crate::tree::{Tree, TreeFilterBox};
use crate::ui::toast::{ToastHost, Toasts};
use crate::ui::{ErrorView, Loading};
use leptos::prelude::*;

/// Loads the parent segment named in the URL, then shows its layout.
#[component]
pub fn BrowsePage(
    /// The parent segment from the URL.
    ps: ParentSegmentId,
) -> impl IntoView {
    let session = use_session();
    // Opened from the list: it is known already (a Retry or a deep link reads it).
    let known = StoredValue::new(use_handoff().take_parent_segment(&ps));
    // To be read first, the parent segment would hold back the token of a deep link.
    if known.with_value(Option::is_none) {
        if let Some(token) = use_router().try_route_untracked().as_ref().and_then(AppRoute::token) {
            crate::token::loader::read_ahead(token.clone());
        }
    }
    let id = ps.clone();
    let parent = LocalResource::new(move || {
        let id = id.clone();
        let known = known.try_update_value(Option::take).flatten();
        async move {
            if let Some(ps) = known {
                return Ok(ps);
            }
            let client = session.connected()?;
            session.answered(client.parent_segment(&id).await)
        }
    });
    let retry = Callback::new(move |()| parent.refetch());
    move || {
        match parent.get() {
        None => view! { <AppHeader/><main class="page"><Loading label=tr(BrowseText::LoadingParentSegment)/></main> }
            .into_any(),
        Some(Err(ApiError::NotFound { .. })) => view! {
            <AppHeader/>
            <main class="page narrow"><crate::ui::NotFoundBody what=tr(BrowseText::ThisParentSegment)/></main>
        }
        .into_any(),
        Some(Err(error)) => view! {
            <AppHeader/>
            <main class="page"><ErrorView error context=tr(BrowseText::ParentSegmentFailed) on_retry=retry/></main>
        }
        .into_any(),
        Some(Ok(ps)) => match ps.root_folder_id.clone() {
            Some(root) => view! { <BrowseLayout ps root/> }.into_any(),
            None => view! {
                <AppHeader/>
                <main class="page"><p role="alert">{tr(BrowseText::NoFolderTree)}</p></main>
            }
            .into_any(),
        },
    }
    }
}

/// The layout, once the parent segment and its root folder are known. Owns the tree store.
#[component]
fn BrowseLayout(
    /// The parent segment being browsed.
    ps: ParentSegment,
    /// Its root folder: the root's children are the top level of the tree.
    root: FolderId,
) -> impl IntoView {
    let session = use_session();
    let router = use_router();
    let store = TreeStore::new(TreeModel::new(&root), Some(session));
    provide_context(store);
    let toasts = Toasts::new();
    provide_context(toasts);
    store.ensure_loaded(&root);

    let route = Memo::new(move |_| router.route());
    // The URL owns the selection: keep the tree's selected item in step with it.
    Effect::new(move |_| {
        let selected = match route.get() {
            AppRoute::Folder(_, f) => Some(NodeKey::folder(&f)),
            AppRoute::Token(_, t) | AppRoute::EditToken(_, t) => Some(NodeKey::token(&t)),
            AppRoute::NewToken(_, f) => Some(NodeKey::folder(&f)),
            _ => None,
        };
        store.select(selected);
    });

    let ps_id = ps.id.clone();
    let on_activate = Callback::new(move |key: NodeKey| {
        let target = AppRoute::of_entry(&ps_id, &key.kind, &key.id);
        if let Some(target) = target {
            router.navigate(&target);
        }
    });
    let ps_name = ps.name.clone();
    let header_name = Signal::derive(move || ps_name.clone());
    let tree_label = tr(BrowseText::FoldersOf(ps.name.clone()));
    let ps = StoredValue::new(ps);
    let content = move || {
        let ps = ps.get_value();
        provide_scoped_locale();
        match route.get() {
            AppRoute::Folder(_, f) => view! { <FolderPage ps folder=f/> }.into_any(),
            AppRoute::Token(_, t) => view! { <TokenPage ps token=t/> }.into_any(),
            AppRoute::EditToken(_, t) => view! { <TokenEditPage ps token=t/> }.into_any(),
            AppRoute::NewToken(_, f) => view! { <CreateTokenPage ps folder=f/> }.into_any(),
            _ => view! { <FolderPage ps folder=root.clone()/> }.into_any(),
        }
    };
    view! {
        <AppHeader parent_segment=header_name/>
        <div class="browse">
            <nav class="browse-tree" aria-label=tr(BrowseText::Folders)>
                <div class="tree-toolbar">
                    <TreeFilterBox store/>
                    // Fetches the open folders again (they are otherwise cached for a minute).
                    <button type="button" class="button button-small" on:click=move |_| store.refresh()>{tr(BrowseText::Refresh)}</button>
                </div>
                <Tree store label=tree_label on_activate/>
            </nav>
            <main class="browse-content"><ToastHost toasts/>{content}</main>
        </div>
    }
}
