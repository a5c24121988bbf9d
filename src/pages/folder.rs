//! A folder page: breadcrumbs and the folder's children, read from the tree store (the same
//! data the tree shows, loaded once).

use crate::api::{Entity, EntityKind, FolderId, ParentSegment, TokenId};
use crate::components::{Breadcrumbs, Crumb, ErrorView, KindIcon, Loading};
use crate::format;
use crate::routes::AppRoute;
use crate::state::{use_tree, LoadState, NodeKey};
use leptos::prelude::*;

/// What a kind is called in tables.
pub fn kind_label(kind: &EntityKind) -> String {
    match kind {
        EntityKind::Folder => "Folder".into(),
        EntityKind::SegmentBatch => "Batch segment".into(),
        EntityKind::SegmentRealtime => "Realtime segment".into(),
        EntityKind::SegmentFunnelStage => "Funnel stage".into(),
        EntityKind::Token => "Profiles API token".into(),
        EntityKind::Other(t) => t.clone(),
    }
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

/// The page of one folder (also the parent segment's landing page, for the root folder).
#[component]
pub fn FolderPage(
    /// The parent segment being browsed.
    ps: ParentSegment,
    /// The folder to show.
    folder: FolderId,
) -> impl IntoView {
    let Some(store) = use_tree() else { return ().into_any() };
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
                view! { <super::create_new::CreateNewMenu href/> }
            });
            view! { <Breadcrumbs crumbs/><div class="page-title"><h1>{title}</h1>{create}</div> }.into_any()
        }
        Some(Err(error)) => {
            view! { <ErrorView error context="Could not load this folder's path."/> }.into_any()
        }
        None => view! { <h1>{if is_root { ps_name.clone() } else { "Folder".to_owned() }}</h1> }.into_any(),
    };
    let f = folder.clone();
    let retry = Callback::new(move |()| store.reload(&f));
    let ps_id = ps.id.clone();
    let f = folder.clone();
    // A memo, so the table is rebuilt only when this folder's listing changes, not on every
    // tree update (which would also drop keyboard focus from a link in the table).
    let listing = Memo::new(move |_| {
        store.with(|m| {
            let state = m.load_state(&NodeKey::folder(&f)).clone();
            let rows: Vec<Entity> =
                m.children_of(&NodeKey::folder(&f)).iter().filter_map(|k| m.entity(k).cloned()).collect();
            (state, rows)
        })
    });
    let children = move || match listing.get() {
        (LoadState::NotLoaded | LoadState::Loading, _) => {
            view! { <Loading label="Loading folder…"/> }.into_any()
        }
        (LoadState::Failed(error), _) => {
            view! { <ErrorView error context="Could not load this folder." on_retry=retry/> }.into_any()
        }
        (LoadState::Loaded(_), rows) if rows.is_empty() => {
            view! { <p>"This folder is empty."</p> }.into_any()
        }
        (LoadState::Loaded(_), rows) => {
            let ps_id = ps_id.clone();
            view! {
                <table class="table">
                    <thead><tr><th scope="col">"Name"</th><th scope="col">"Type"</th><th scope="col" class="num">"Population"</th></tr></thead>
                    <tbody>{rows.into_iter().map(|e| entry_row(&ps_id, e)).collect_view()}</tbody>
                </table>
            }
            .into_any()
        }
    };
    view! { <section class="folder-page">{header}{children}</section> }.into_any()
}

/// One table row: folders and tokens link to their pages, other entries are text.
fn entry_row(ps: &crate::api::ParentSegmentId, e: Entity) -> impl IntoView {
    let href = match e.kind {
        EntityKind::Folder => FolderId::parse(&e.id).map(|f| AppRoute::Folder(ps.clone(), f).href()),
        EntityKind::Token => TokenId::parse(&e.id).map(|t| AppRoute::Token(ps.clone(), t).href()),
        _ => None,
    };
    let name = match href {
        Some(href) => view! { <a href=href>{e.name}</a> }.into_any(),
        None => view! { <span>{e.name}</span> }.into_any(),
    };
    let population = if e.kind == EntityKind::Folder || e.kind == EntityKind::Token {
        String::new()
    } else {
        format::population(e.population)
    };
    view! {
        <tr data-kind=e.kind.data_kind().to_owned()>
            <td><span class="entry-name"><KindIcon kind=e.kind.clone()/>{name}</span></td>
            <td>{kind_label(&e.kind)}</td>
            <td class="num">{population}</td>
        </tr>
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::api::{Folder, FolderPermissions, ParentSegmentId};

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
        assert_eq!(kind_label(&EntityKind::Token), "Profiles API token");
    }
}
