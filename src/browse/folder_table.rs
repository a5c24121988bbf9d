//! The folder page's table of children, virtualized: only the rows in view (plus overscan) are
//! in the DOM, with fixed-height rows and spacer rows for the rest, so a 5,000-child folder
//! renders ~50 rows and scrolling swaps a few. `aria-rowcount`/`aria-rowindex` tell assistive
//! technology the true size and place of each row.

use crate::api::{Entity, EntityKind, FolderId, ParentSegmentId};
use crate::browse::folder::kind_label;
use crate::browse::text::BrowseText;
use crate::i18n::intl;
use crate::i18n::locale::{tr, tr_with, use_locale};
use crate::i18n::Verbatim;
use crate::routes::AppRoute;
use crate::tree::layout::window;
use crate::tree::{NodeKey, TreeStore};
use crate::ui::viewport::{on_viewport_change, viewport_height};
use crate::ui::KindIcon;
use leptos::prelude::*;

/// The row height used until one is measured (2.5rem at the default font size).
const DEFAULT_ROW_PX: f64 = 40.0;
/// Rows rendered before the first measurement: a screenful on any common display.
const FIRST_WINDOW: (usize, usize) = (0, 48);

/// The table of `folder`'s loaded children, read from the tree store.
#[component]
pub fn FolderTable(store: TreeStore, folder: FolderId, ps: ParentSegmentId) -> impl IntoView {
    let key = NodeKey::folder(&folder);
    let k = key.clone();
    let count = Memo::new(move |_| store.with(|m| m.children_of(&k).len()));
    let window_rows = RwSignal::new(FIRST_WINDOW);
    let row_px = RwSignal::new(DEFAULT_ROW_PX);
    // Only the entities in the window are cloned and compared on a store change (the whole
    // listing was, on every tree keystroke).
    let k = key.clone();
    let rows = Memo::new(move |_| {
        let (lo, hi) = window_rows.get();
        store.with(|m| {
            let keys = m.children_of(&k);
            let hi = hi.min(keys.len());
            let lo = lo.min(hi);
            keys[lo..hi]
                .iter()
                .enumerate()
                .filter_map(|(i, k)| m.entity(k).map(|e| (lo + i, e.clone())))
                .collect::<Vec<_>>()
        })
    });
    let body = NodeRef::<leptos::html::Tbody>::new();
    let measure = move || {
        // `try_`: a scroll or frame may come after the page was left.
        let (Some(Some(tbody)), Some(px), Some(n)) =
            (body.try_get_untracked(), row_px.try_get_untracked(), count.try_get_untracked())
        else {
            return;
        };
        let px = match tbody.query_selector("tr.entry").ok().flatten() {
            Some(row) if row.get_bounding_client_rect().height() >= 1.0 => {
                let h = row.get_bounding_client_rect().height();
                if (h - px).abs() > 0.1 {
                    row_px.try_set(h);
                }
                h
            }
            _ => px,
        };
        let height = viewport_height();
        let top = -tbody.get_bounding_client_rect().top();
        let (lo, hi) = window(top, height, px);
        let hi = hi.min(n);
        let next = (lo.min(hi), hi);
        if window_rows.try_get_untracked().is_some_and(|w| w != next) {
            window_rows.try_set(next);
        }
    };
    // The table scrolls with the page.
    on_viewport_change(measure);
    Effect::new(move |_| {
        count.track();
        request_animation_frame(measure);
    });

    let spacer = move |rows: Signal<usize>| {
        move || {
            let n = rows.get();
            // A CSSOM property, not a style attribute: allowed by the strict CSP.
            (n > 0).then(|| {
                view! {
                    <tr class="table-spacer" aria-hidden="true">
                        <td colspan="3" style:height=move || crate::format::px(n as f64 * row_px.get())></td>
                    </tr>
                }
            })
        }
    };
    let above = Signal::derive(move || window_rows.get().0.min(count.get()));
    let below = Signal::derive(move || count.get().saturating_sub(window_rows.get().1.max(above.get())));
    view! {
        <table class="table folder-table" aria-rowcount=move || (count.get() + 1).to_string()>
            <thead>
                <tr aria-rowindex="1">
                    <th scope="col">{tr(BrowseText::Name)}</th>
                    <th scope="col" class="col-type">{tr(BrowseText::Type)}</th>
                    <th scope="col" class="num col-population">{tr(BrowseText::Population)}</th>
                </tr>
            </thead>
            <tbody node_ref=body>
                {spacer(above)}
                <For each=move || rows.get() key=|(i, e)| (*i, row_key(e)) children=move |(i, e)| entry_row(&ps, i, e)/>
                {spacer(below)}
            </tbody>
        </table>
    }
}

/// What identifies a rendered row: a renamed or changed entry is rendered anew.
fn row_key(e: &Entity) -> (String, String, String, Option<u64>) {
    (e.kind.data_kind().to_owned(), e.id.clone(), e.name.clone(), e.population)
}

/// One table row: folders and tokens link to their pages, other entries are text.
fn entry_row(ps: &ParentSegmentId, index: usize, e: Entity) -> impl IntoView {
    let href = AppRoute::of_entry(ps, &e.kind, &e.id).map(|r| r.href());
    // Rows have one height (virtualization): a long name is cut, and its title shows it whole.
    let title = e.name.clone();
    let name = match href {
        Some(href) => view! { <a href=href title=title>{e.name}</a> }.into_any(),
        None => view! { <span title=title>{e.name}</span> }.into_any(),
    };
    let locale = use_locale();
    let shows_population = e.kind != EntityKind::Folder && e.kind != EntityKind::Token;
    let (kind, count) = (e.kind.clone(), e.population);
    let population = tr_with(move || {
        Verbatim(if shows_population { intl::population(count, locale.language()) } else { String::new() })
            .into()
    });
    view! {
        <tr class="entry" data-kind=e.kind.data_kind().to_owned() aria-rowindex=(index + 2).to_string()>
            <td><span class="entry-name"><KindIcon kind=e.kind.clone()/>{name}</span></td>
            <td>{tr(kind_label(&kind))}</td>
            <td class="num">{population}</td>
        </tr>
    }
}
