//! A folder page: breadcrumbs and the folder's children, read from the tree store (the same
//! data the tree shows, loaded once).

use crate::api::{EntityKind, FolderId, ParentSegment};
use crate::browse::folder_table::FolderTable;
use crate::browse::text::BrowseText;
use crate::browse::{Breadcrumbs, Crumb};
use crate::i18n::locale::tr;
use crate::i18n::{Message, Verbatim};
use crate::routes::AppRoute;
use crate::tree::{use_tree, LoadState, NodeKey};
use crate::ui::{ErrorView, Loading};
use leptos::prelude::*;

/// What a kind is called in tables (an unknown kind as the API names it).
pub fn kind_label(kind: &EntityKind) -> Message {
    match kind_name(kind) {
        Some(name) => name.into(),
        None => Verbatim(kind.data_kind().to_owned()).into(),
    }
}

/// The console's name for `kind`; `None` for a kind it does not know.
fn kind_name(kind: &EntityKind) -> Option<BrowseText> {
    Some(match kind {
        EntityKind::Folder => BrowseText::Folder,
        EntityKind::SegmentBatch => BrowseText::KindBatchSegment,
        EntityKind::SegmentRealtime => BrowseText::KindRealtimeSegment,
        EntityKind::SegmentFunnelStage => BrowseText::KindFunnelStage,
        EntityKind::Token => BrowseText::KindToken,
        EntityKind::Other(_) => return None,
    })
}

/// The crumbs for a page under `folders` (root first). The root folder is shown as the
/// parent segment, as Audience Studio does.
pub fn crumbs(ps: &ParentSegment, folders: &[crate::api::Folder], current: Option<&str>) -> Vec<Crumb> {
    let mut out =
        vec![Crumb { label: ps.name.clone(), href: Some(AppRoute::ParentSegment(ps.id.clone()).href()) }];
    for f in folders.iter().filter(|f| Some(&f.id) != ps.root_folder_id.as_ref()) {
        out.push(Crumb {
            label: f.name.clone(),
            href: Some(AppRoute::Folder(ps.id.clone(), f.id.clone()).href()),
        });
    }
    if let Some(label) = current {
        out.push(Crumb { label: label.to_owned(), href: None });
    } else if let Some(last) = out.last_mut() {
        last.href = None; // the folder itself is the current page
    }
    out
}

/// The breadcrumbs of a form: the path to the page the form belongs to (`page`, named
/// `page_name` unless it is the last folder), linked, then the form itself (`form`).
pub fn form_crumbs(
    ps: &ParentSegment,
    folders: &[crate::api::Folder],
    page_name: Option<&str>,
    page: AppRoute,
    form: &str,
) -> Vec<Crumb> {
    let mut out = crumbs(ps, folders, page_name);
    if let Some(last) = out.last_mut() {
        last.href = Some(page.href());
    }
    out.push(Crumb { label: form.to_owned(), href: None });
    out
}

/// The page of one folder (also the parent segment's landing page, for the root folder).
#[component]
pub fn FolderPage(
    /// The parent segment being browsed.
    ps: ParentSegment,
    /// The folder to show.
    folder: FolderId,
) -> impl IntoView {
    let store = use_tree();
    store.ensure_loaded(&folder);
    let is_root = ps.root_folder_id.as_ref() == Some(&folder);
    let f = folder.clone();
    // The path up to the root: for the breadcrumbs and to open the tree down to this folder.
    let path = LocalResource::new(move || {
        let f = f.clone();
        async move { store.reveal_path_to(&f, (!is_root).then(|| NodeKey::folder(&f))).await }
    });
    let ps_name = ps.name.clone();
    let ps_for_crumbs = ps.clone();
    let header = move || match path.get() {
        Some(Ok(folders)) => {
            let title = if is_root {
                ps_name.clone()
            } else {
                folders.last().map(|f| f.name.clone()).unwrap_or_default()
            };
            let crumbs = crumbs(&ps_for_crumbs, &folders, None);
            // "Create New" only where the folder's permissions allow editing.
            let create = folders.last().filter(|f| f.permissions.edit).map(|f| {
                let href = AppRoute::NewToken(ps_for_crumbs.id.clone(), f.id.clone()).href();
                view! { <crate::browse::create_new::CreateNewMenu href/> }
            });
            view! { <Breadcrumbs crumbs/><div class="page-title"><h1>{title}</h1>{create}</div> }.into_any()
        }
        Some(Err(error)) => view! { <ErrorView error context=tr(BrowseText::FolderPathFailed)/> }.into_any(),
        None if is_root => view! { <h1>{ps_name.clone()}</h1> }.into_any(),
        None => view! { <h1>{tr(BrowseText::Folder)}</h1> }.into_any(),
    };
    let f = folder.clone();
    let retry = Callback::new(move |()| store.reload(&f));
    let ps_id = ps.id.clone();
    let f = folder.clone();
    // A memo of how the listing stands, so the table is rebuilt only when that changes, not on
    // every tree update (which would also drop keyboard focus from a link in the table).
    let listing = Memo::new(move |_| {
        store.with(|m| match m.load_state(&NodeKey::folder(&f)) {
            LoadState::NotLoaded | LoadState::Loading => Listing::Loading,
            LoadState::Failed(e) => Listing::Failed(e.clone()),
            LoadState::Loaded(keys) if keys.is_empty() => Listing::Empty,
            LoadState::Loaded(_) => Listing::Rows,
        })
    });
    let f = folder.clone();
    let children = move || match listing.get() {
        Listing::Loading => view! { <Loading label=tr(BrowseText::LoadingFolder)/> }.into_any(),
        Listing::Failed(error) => {
            view! { <ErrorView error context=tr(BrowseText::FolderFailed) on_retry=retry/> }.into_any()
        }
        Listing::Empty => view! { <p>{tr(BrowseText::FolderEmpty)}</p> }.into_any(),
        Listing::Rows => view! { <FolderTable store folder=f.clone() ps=ps_id.clone()/> }.into_any(),
    };
    view! { <section class="folder-page">{header}{children}</section> }.into_any()
}

/// How a folder's listing stands, as a small comparable value.
#[derive(Clone, Debug, PartialEq)]
enum Listing {
    Loading,
    Failed(crate::api::ApiError),
    Empty,
    Rows,
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::api::{Folder, FolderPermissions, ParentSegmentId};
    use crate::i18n::{Language, Localized};

    fn folder(id: &str, name: &str) -> Folder {
        Folder {
            id: FolderId::parse(id).unwrap(),
            audience_id: ParentSegmentId::parse("9").unwrap(),
            name: name.into(),
            description: None,
            parent_id: None,
            permissions: FolderPermissions::default(),
            created_at: None,
            updated_at: None,
        }
    }

    #[test]
    fn crumbs_skip_the_root_and_end_at_the_current_page() {
        let ps = ParentSegment {
            id: ParentSegmentId::parse("9").unwrap(),
            name: "Customers".into(),
            description: String::new(),
            population: None,
            updated_at: None,
            root_folder_id: FolderId::parse("1"),
        };
        let path = [folder("1", "Root"), folder("2", "Web")];
        let c = crumbs(&ps, &path, Some("My token"));
        let labels: Vec<_> = c.iter().map(|c| c.label.as_str()).collect();
        assert_eq!(labels, ["Customers", "Web", "My token"]);
        assert_eq!(c[1].href.as_deref(), Some("#/ps/9/folders/2"));
        assert_eq!(c[2].href, None);
        let c = crumbs(&ps, &path, None);
        assert_eq!(c.last().unwrap().href, None);
        let en = |kind: EntityKind| kind_label(&kind).in_language(Language::En).into_owned();
        assert_eq!(en(EntityKind::Token), "Profiles API token");
        assert_eq!(en(EntityKind::Folder), "Folder");
        assert_eq!(en(EntityKind::Other("funnel".into())), "funnel");
    }
}
