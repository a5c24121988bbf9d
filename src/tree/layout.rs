//! Where every shown tree row sits, so the tree renders only the rows in view (virtualization).
//! Rows have one fixed height; a group renders the children whose rows meet the window, and
//! empty spacers stand for the others. A 5,000-child folder then costs ~40 rows of DOM instead
//! of 5,000, and scrolling changes only the few rows entering and leaving the window.

use crate::tree::model::{Below, NodeKey, TreeModel};
use rustc_hash::{FxHashMap, FxHashSet};

/// Where one shown node sits: its row index, how many rows it takes with everything shown
/// below it, and its ARIA position among its shown siblings.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Span {
    pub start: usize,
    pub rows: usize,
    /// `aria-posinset` (1-based).
    pub pos: usize,
    /// `aria-setsize`.
    pub size: usize,
}

impl Span {
    fn end(&self) -> usize {
        self.start + self.rows
    }
}

/// One entry of a rendered group: a child item, or a spacer standing for `rows` rows that are
/// not rendered. Spacers are keyed by their slot and size, so the keyed list keeps the items.
#[derive(Clone, Debug, PartialEq, Eq, Hash)]
pub enum Piece {
    Item(NodeKey),
    Gap { slot: usize, rows: usize },
}

/// The row positions of the whole shown tree, computed once per model change.
#[derive(Clone, Debug, Default, PartialEq)]
pub struct Layout {
    spans: FxHashMap<NodeKey, Span>,
    total: usize,
    /// The tab stop and its ancestors: always rendered, so the tree keeps its one tab stop
    /// (and DOM focus is not lost) when that row is scrolled far away.
    keep: FxHashSet<NodeKey>,
    /// The item with `tabindex=0`, as `TreeModel::tab_stop` defines it, found during the walk
    /// (that method lists every visible row: a second pass per keystroke).
    tab_stop: Option<NodeKey>,
}

impl Layout {
    /// Lays out `m`, finding its tab stop (the focused item if shown, else the selected one,
    /// else the first), which with its ancestors will always be rendered.
    pub fn of(m: &TreeModel) -> Self {
        let mut layout = Self::default();
        let mut walk = Walk { focused: m.focused(), selected: m.selected(), ..Walk::default() };
        layout.total = layout.walk(m, m.root(), 1, 0, &mut walk);
        let (key, path) = match (walk.focused_path, walk.selected_path) {
            (Some(path), _) => (m.focused(), path),
            (None, Some(path)) => (m.selected(), path),
            (None, None) => (m.shown_children(m.root()).first(), Vec::new()),
        };
        layout.tab_stop = key.cloned();
        layout.keep = path.into_iter().chain(key.cloned()).collect();
        layout
    }

    /// The one item with `tabindex=0`.
    pub fn tab_stop(&self) -> Option<&NodeKey> {
        self.tab_stop.as_ref()
    }

    /// Lays out the shown children of `parent` from row `start`; returns the rows they take.
    fn walk(
        &mut self,
        m: &TreeModel,
        parent: &NodeKey,
        level: u32,
        start: usize,
        walk: &mut Walk<'_>,
    ) -> usize {
        // The same depth cap as `visible_rows`: cyclic data must end.
        if level > 64 {
            return 0;
        }
        let children = m.shown_children(parent);
        let size = children.len();
        let mut row = start;
        for (i, key) in children.iter().enumerate() {
            if Some(key) == walk.focused {
                walk.focused_path = Some(walk.path.clone());
            }
            if Some(key) == walk.selected {
                walk.selected_path = Some(walk.path.clone());
            }
            let below = match m.below(key) {
                Below::Nothing => 0,
                Below::Loading | Below::Failed | Below::Empty => 1,
                Below::Children => {
                    walk.path.push(key.clone());
                    let rows = self.walk(m, key, level + 1, row + 1, walk);
                    walk.path.pop();
                    rows
                }
            };
            self.spans.insert(key.clone(), Span { start: row, rows: 1 + below, pos: i + 1, size });
            row += 1 + below;
        }
        row - start
    }

    /// Rows of the whole shown tree.
    pub fn total(&self) -> usize {
        self.total
    }

    pub fn span(&self, key: &NodeKey) -> Option<Span> {
        self.spans.get(key).copied()
    }

    /// What the group of `parent`'s shown `children` renders for the row window `lo..hi`: the
    /// children whose rows meet it, the kept ones, and spacers for the rest.
    pub fn pieces(&self, children: &[NodeKey], lo: usize, hi: usize) -> Vec<Piece> {
        let span =
            |k: &NodeKey| self.spans.get(k).copied().unwrap_or(Span { start: 0, rows: 0, pos: 0, size: 0 });
        let (Some(first), Some(last)) = (children.first(), children.last()) else { return Vec::new() };
        let (group_start, group_end) = (span(first).start, span(last).end());
        // Starts grow with the index, so the window's children are found by binary search.
        let from = children.partition_point(|k| span(k).end() <= lo);
        let to = children.partition_point(|k| span(k).start < hi).max(from);
        let mut shown: Vec<usize> = (from..to).collect();
        // The kept nodes are few (one per level); their `pos` is their index among siblings.
        for k in &self.keep {
            let i = span(k).pos.wrapping_sub(1);
            if children.get(i) == Some(k) && !(from..to).contains(&i) {
                shown.push(i);
            }
        }
        shown.sort_unstable();
        let mut pieces = Vec::with_capacity(shown.len() + 2);
        let mut at = group_start;
        for (slot, i) in shown.into_iter().enumerate() {
            let s = span(&children[i]);
            if s.start > at {
                pieces.push(Piece::Gap { slot, rows: s.start - at });
            }
            pieces.push(Piece::Item(children[i].clone()));
            at = s.end();
        }
        if group_end > at {
            pieces.push(Piece::Gap { slot: usize::MAX, rows: group_end - at });
        }
        pieces
    }
}

/// What the layout walk tracks: the ancestors of the current node, and those of the focused
/// and the selected item once met.
#[derive(Default)]
struct Walk<'a> {
    focused: Option<&'a NodeKey>,
    selected: Option<&'a NodeKey>,
    path: Vec<NodeKey>,
    focused_path: Option<Vec<NodeKey>>,
    selected_path: Option<Vec<NodeKey>>,
}

/// Rows rendered beyond each edge of the view, so a short scroll shows rows already there.
/// At least 8 (256 px at the default row height: more than a wheel notch) and fewer than 16.
/// Every rendered row is built again when a filter keystroke changes what the window shows,
/// so more costs there: with 12, the first key typed under a view scrolled to the end of a
/// 5,000-row folder took 34 ms to paint; with 8, 28 ms (`cargo xtask bench`, median of 5).
pub const OVERSCAN_ROWS: usize = 8;

/// The row window to render for a view `top..top + height` (pixels from the tree's top) with
/// rows `row_px` high. Rounded to whole overscans, so most scroll events change nothing.
pub fn window(top: f64, height: f64, row_px: f64) -> (usize, usize) {
    let row_px = if row_px.is_finite() && row_px >= 1.0 { row_px } else { 32.0 };
    let first = (top.max(0.0) / row_px).floor() as usize;
    let last = ((top.max(0.0) + height.max(0.0)) / row_px).ceil() as usize;
    let lo = (first / OVERSCAN_ROWS).saturating_sub(1) * OVERSCAN_ROWS;
    let hi = (last / OVERSCAN_ROWS + 2) * OVERSCAN_ROWS;
    (lo, hi)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::api::{Entity, EntityKind, FolderListing};
    use crate::test_support::fid;

    fn entity(kind: EntityKind, id: &str, name: &str) -> Entity {
        crate::test_support::entity(kind, id, name, None)
    }

    /// root(1): Big(10)/[5,000 tokens], Small(11), Last(12)
    fn big() -> TreeModel {
        let mut m = TreeModel::new(&fid("1"));
        let top = vec![
            entity(EntityKind::Folder, "10", "Big"),
            entity(EntityKind::Folder, "11", "Small"),
            entity(EntityKind::Folder, "12", "Last"),
        ];
        m.apply_listing(&fid("1"), FolderListing { folder: None, children: top });
        let tokens = (0..5000)
            .map(|i| entity(EntityKind::Token, &format!("{}", 1000 + i), &format!("T{i}")))
            .collect();
        m.apply_listing(&fid("10"), FolderListing { folder: None, children: tokens });
        m.expand(&NodeKey::folder(&fid("10")));
        m
    }

    fn tok(i: usize) -> NodeKey {
        NodeKey { kind: EntityKind::Token, id: format!("{}", 1000 + i) }
    }

    fn items(p: &[Piece]) -> usize {
        p.iter().filter(|p| matches!(p, Piece::Item(_))).count()
    }

    #[test]
    fn spans_count_open_subtrees_and_status_lines() {
        let mut m = big();
        let l = Layout::of(&m);
        assert_eq!(l.total(), 5003);
        assert_eq!(
            l.span(&NodeKey::folder(&fid("10"))),
            Some(Span { start: 0, rows: 5001, pos: 1, size: 3 })
        );
        assert_eq!(l.span(&tok(4999)), Some(Span { start: 5000, rows: 1, pos: 5000, size: 5000 }));
        assert_eq!(l.span(&NodeKey::folder(&fid("12"))).map(|s| s.start), Some(5002));
        // An open folder still loading has one status line below it.
        m.expand(&NodeKey::folder(&fid("11")));
        let l = Layout::of(&m);
        assert_eq!(l.span(&NodeKey::folder(&fid("11"))).map(|s| s.rows), Some(2));
        assert_eq!(l.total(), 5004);
    }

    #[test]
    fn a_group_renders_only_the_window_with_spacers_for_the_rest() {
        let m = big();
        let l = Layout::of(&m);
        let children = m.shown_children(&NodeKey::folder(&fid("10")));
        let p = l.pieces(children, 2000, 2040);
        assert_eq!(items(&p), 40);
        assert_eq!(p.first(), Some(&Piece::Gap { slot: 0, rows: 1999 }));
        assert_eq!(p[1], Piece::Item(tok(1999)));
        assert_eq!(p.last(), Some(&Piece::Gap { slot: usize::MAX, rows: 5000 - 2039 }));
        // Rendered rows plus spacer rows are the group's rows: the scroll height is exact.
        let rows: usize = p.iter().map(|p| if let Piece::Gap { rows, .. } = p { *rows } else { 1 }).sum();
        assert_eq!(rows, 5000);
        // The top level renders the open folder whose rows meet the window.
        let top = l.pieces(m.shown_children(m.root()), 2000, 2040);
        assert_eq!(
            top,
            vec![Piece::Item(NodeKey::folder(&fid("10"))), Piece::Gap { slot: usize::MAX, rows: 2 }]
        );
    }

    #[test]
    fn the_tab_stop_and_its_ancestors_are_always_rendered() {
        let mut m = big();
        m.focus(tok(4999));
        let l = Layout::of(&m);
        assert_eq!(l.tab_stop(), Some(&tok(4999)));
        assert_eq!(l.tab_stop().cloned(), m.tab_stop(), "the same tab stop as the model's");
        let p = l.pieces(m.shown_children(&NodeKey::folder(&fid("10"))), 0, 40);
        assert_eq!(items(&p), 40, "39 rows of the window plus the tab stop");
        assert_eq!(p[p.len() - 1], Piece::Item(tok(4999)));
        assert_eq!(p[p.len() - 2], Piece::Gap { slot: 39, rows: 4999 - 39 });
        let top = l.pieces(m.shown_children(m.root()), 4990, 5000);
        assert_eq!(top[0], Piece::Item(NodeKey::folder(&fid("10"))));
    }

    #[test]
    fn the_window_is_rounded_to_whole_overscans() {
        let m = big();
        let l = Layout::of(&m);
        let (lo, hi) = window(0.0, 600.0, 32.0);
        assert_eq!((lo, hi), (0, 32));
        assert_eq!(items(&l.pieces(m.shown_children(m.root()), lo, hi)), 1);
        // Rows 200..220 in view: at least an overscan rendered beyond each edge.
        let (lo, hi) = window(6400.0, 640.0, 32.0);
        assert_eq!((lo, hi), (192, 232));
        assert!(lo + OVERSCAN_ROWS <= 200 && hi >= 220 + OVERSCAN_ROWS);
        assert_eq!((lo % OVERSCAN_ROWS, hi % OVERSCAN_ROWS), (0, 0));
        assert!(window(0.0, 600.0, f64::NAN).1 > 0);
    }
}
