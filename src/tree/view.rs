//! The folder tree (WAI-ARIA APG tree view): one tab stop (roving tabindex), arrows, Home/End,
//! Enter and type-ahead, lazily loaded folders. All state is in the `TreeStore`.

use crate::fleeting::fleeting_memo;
use crate::i18n::locale::tr;
use crate::instance::{use_instance, Instance};
use crate::tree::item::tree_item;
use crate::tree::layout::window;
use crate::tree::text::TreeText;
use crate::tree::{Layout, LoadState, NodeKey, Piece, TreeKey, TreeStore};
use crate::ui::error_view::ErrorView;
use crate::ui::spinner::Loading;
use crate::ui::viewport::{on_viewport_change, viewport_height};
use leptos::prelude::*;
use wasm_bindgen::JsCast;

/// What the root shows, as a small comparable value so the view switches only when it changes.
#[derive(Clone, Debug, PartialEq)]
enum RootView {
    Loading,
    Failed(crate::api::ApiError),
    Empty,
    Items,
}

/// What every rendered item of one tree shares: the store and the memos computed once per
/// change for the whole tree, plus the window of rows in view (virtualization).
#[derive(Clone, Copy)]
pub(super) struct TreeCtx {
    pub store: TreeStore,
    pub tab_stop: Memo<Option<NodeKey>>,
    pub layout: Memo<Layout>,
    /// Rows `lo..hi` to render (the view plus overscan).
    pub window: RwSignal<(usize, usize)>,
    /// The measured height of one row, for the spacers.
    pub row_px: RwSignal<f64>,
    pub on_activate: Callback<NodeKey>,
    /// The app instance: item ids carry its prefix.
    pub instance: Instance,
}

impl TreeCtx {
    /// The pieces (items and spacers) the group of `parent` renders for the current window.
    pub fn pieces(self, parent: NodeKey) -> Memo<Vec<Piece>> {
        // Fleeting: a folder's group goes when the folder is closed or filtered out.
        fleeting_memo(move |_| {
            let (lo, hi) = self.window.get();
            self.layout.with(|l| self.store.with(|m| l.pieces(m.shown_children(&parent), lo, hi)))
        })
    }
}

/// The row height used until one is measured (2rem at the default font size).
const DEFAULT_ROW_PX: f64 = 32.0;
/// Rows rendered before the first measurement: a screenful on any common display.
const FIRST_WINDOW: (usize, usize) = (0, 60);

/// The tree of one parent segment. The root folder itself is not shown; its children are the
/// top level. Only the rows in view (plus overscan) are in the DOM; spacers stand for the rest.
#[component]
pub fn Tree(
    /// The store to show and update.
    store: TreeStore,
    /// The tree's accessible name (`aria-label`).
    #[prop(into)]
    label: Signal<String>,
    /// Called when the user activates an item (click or Enter): open its page.
    #[prop(into)]
    on_activate: Callback<NodeKey>,
) -> impl IntoView {
    let root = store.with_untracked(|m| m.root().clone());
    let root_view = Memo::new(move |_| {
        store.with(|m| match m.load_state(m.root()) {
            LoadState::NotLoaded | LoadState::Loading => RootView::Loading,
            LoadState::Failed(e) => RootView::Failed(e.clone()),
            LoadState::Loaded(_) if m.shown_children(m.root()).is_empty() => RootView::Empty,
            LoadState::Loaded(_) => RootView::Items,
        })
    });
    // Computed once per change for all items, instead of once per item.
    // Every model change makes a new layout (comparing two 5,000-entry layouts cost as much
    // as making one), and the tab stop comes with it.
    let layout = Memo::new_with_compare(move |_| store.with(Layout::of), |_, _| true);
    let tab_stop = Memo::new(move |_| layout.with(|l| l.tab_stop().cloned()));
    let ctx = TreeCtx {
        store,
        tab_stop,
        layout,
        window: RwSignal::new(FIRST_WINDOW),
        row_px: RwSignal::new(DEFAULT_ROW_PX),
        on_activate,
        instance: use_instance(),
    };
    let list = NodeRef::<leptos::html::Ul>::new();
    let measure = move || {
        // `try_`: a scroll or frame may come after the tree was unmounted.
        if let Some(ul) = list.try_get_untracked().flatten() {
            measure_window(&ul, ctx);
        }
    };
    // The tree scrolls in its own box, or with the page when nothing limits its height.
    on_viewport_change(measure);
    // Measure once the rows are in the DOM, and whenever the layout changes (a folder opened).
    Effect::new(move |_| {
        layout.track();
        if root_view.get() == RootView::Items {
            request_animation_frame(measure);
        }
    });

    let on_keydown = move |ev: web_sys::KeyboardEvent| on_tree_key(ctx, ev);
    let retry_root = {
        let root = root.clone();
        Callback::new(move |()| {
            if let Some(f) = root.as_folder() {
                store.reload(&f);
            }
        })
    };
    let root_for_items = root.clone();
    view! {
        <div class="tree-scroll" on:scroll=move |_| measure()>
            {move || match root_view.get() {
                RootView::Loading => view! { <Loading label=tr(TreeText::LoadingFolders)/> }.into_any(),
                RootView::Failed(error) => {
                    view! { <ErrorView error context=tr(TreeText::FoldersFailed) on_retry=retry_root/> }
                        .into_any()
                }
                RootView::Empty => view! { <p class="tree-note">{tr(TreeText::NoFoldersYet)}</p> }.into_any(),
                RootView::Items => {
                    let pieces = ctx.pieces(root_for_items.clone());
                    view! {
                        <ul class="tree" role="tree" aria-label=move || label.get() on:keydown=on_keydown node_ref=list>
                            <For
                                each=move || pieces.get()
                                key=|p| p.clone()
                                children=move |p| piece_view(ctx, p, 1)
                            />
                        </ul>
                    }
                        .into_any()
                }
            }}
        </div>
    }
}

/// Renders one piece of a group at `aria-level` `level`: an item, or a spacer for rows not
/// rendered (hidden from assistive technology: `aria-setsize`/`aria-posinset` give the sizes).
pub(super) fn piece_view(ctx: TreeCtx, piece: Piece, level: u32) -> AnyView {
    match piece {
        Piece::Item(key) => tree_item(ctx, key, level),
        Piece::Gap { rows, .. } => {
            let row_px = ctx.row_px;
            // A CSSOM property, not a style attribute: allowed by the strict CSP.
            view! {
                <li role="none" class="tree-spacer" aria-hidden="true" style:height=move || crate::format::px(rows as f64 * row_px.get())></li>
            }
            .into_any()
        }
    }
}

/// Reads which rows are in view (in the tree's own scroll box and in the browser window) and
/// the row height, and updates the window when it changed.
fn measure_window(ul: &web_sys::HtmlElement, ctx: TreeCtx) {
    if let Some(row) = ul.query_selector(".tree-item").ok().flatten() {
        let h = row.get_bounding_client_rect().height();
        if h >= 1.0 && ctx.row_px.try_get_untracked().is_some_and(|old| (h - old).abs() > 0.1) {
            ctx.row_px.try_set(h);
        }
    }
    let list = ul.get_bounding_client_rect();
    let mut top = 0.0_f64;
    let mut bottom = viewport_height();
    if let Some(scroller) = ul.parent_element() {
        let r = scroller.get_bounding_client_rect();
        if scroller.scroll_height() > scroller.client_height() {
            top = top.max(r.top());
            bottom = bottom.min(r.top() + f64::from(scroller.client_height()));
        }
    }
    let row_px = ctx.row_px.try_get_untracked().unwrap_or(DEFAULT_ROW_PX);
    let window = window(top - list.top(), (bottom - top).max(0.0), row_px);
    if ctx.window.try_get_untracked().is_some_and(|w| w != window) {
        ctx.window.try_set(window);
    }
}

/// A key on an item: the model decides (APG tree keys), then focus follows and an activated
/// item opens.
fn on_tree_key(ctx: TreeCtx, ev: web_sys::KeyboardEvent) {
    // Keys inside an item's Retry button belong to the button, not to the tree.
    let on_item = ev
        .target()
        .and_then(|t| t.dyn_into::<web_sys::Element>().ok())
        .is_some_and(|el| el.get_attribute("role").as_deref() == Some("treeitem"));
    if !on_item || ev.alt_key() || ev.ctrl_key() || ev.meta_key() {
        return;
    }
    let Some(key) = TreeKey::from_dom(&ev.key()) else { return };
    let out = ctx.store.on_key(key, js_sys::Date::now());
    if out.handled {
        ev.prevent_default();
    }
    if let Some(target) = out.focus {
        // The target becomes the tab stop, which is always rendered (at its true offset,
        // thanks to the spacers), so focusing it also scrolls it into view, even when it
        // was far outside the window (End, Home, type-ahead).
        ctx.instance.focus_soon(&ctx.store.with_untracked(|m| m.dom_id(&target)));
    }
    if let Some(target) = out.activate {
        ctx.on_activate.run(target);
    }
}

/// Moves DOM focus to an item of the main tree; if it is not rendered yet (just loaded), tries
/// once more on the next frame.
pub fn focus_item(instance: Instance, key: &NodeKey) {
    instance.focus_soon(&key.dom_id());
}
