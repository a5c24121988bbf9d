//! Filtering the loaded tree as the user types: a case-insensitive substring match on names that
//! keeps the ancestors of every match (shown open), so each match is seen where it lives.
//! Cheap per keystroke: lowercase names are computed once per entity, a repeated needle does
//! nothing, and a longer needle only searches what the shorter one showed (a narrower filter
//! can only show a part of the wider one's tree).

use crate::tree::model::{NodeKey, TreeModel};
use rustc_hash::FxHashMap;

/// A filter applied to the tree: what it shows under each node that has a match below it.
#[derive(Clone, Debug, PartialEq, Default)]
pub struct TreeFilter {
    /// Trimmed and lowercased.
    needle: String,
    /// For the root and every node with a match below it: its children that match or have a
    /// match below them, in order.
    shown: FxHashMap<NodeKey, Vec<NodeKey>>,
    matches: usize,
}

impl TreeFilter {
    /// How many loaded items match.
    pub fn matches(&self) -> usize {
        self.matches
    }

    /// The children shown under `key`, if it has a match below it.
    pub fn shown(&self, key: &NodeKey) -> Option<&[NodeKey]> {
        self.shown.get(key).map(Vec::as_slice)
    }

    /// Filters `m`'s loaded tree by `needle` (lowercase). With `within`, only the nodes that
    /// filter showed are searched: valid when `needle` extends its needle.
    fn compute(m: &TreeModel, needle: String, within: Option<&TreeFilter>) -> Self {
        let mut filter = TreeFilter { needle, ..TreeFilter::default() };
        let root = m.root().clone();
        filter.visit(m, &root, 0, within);
        filter.shown.entry(root).or_default();
        filter
    }

    /// Keeps the children of `key` that match or have a match below; true if any.
    fn visit(&mut self, m: &TreeModel, key: &NodeKey, depth: u32, within: Option<&TreeFilter>) -> bool {
        // The same depth cap as the tree's rows: cyclic data must end.
        if depth > 64 {
            return false;
        }
        let children = match within {
            Some(w) => w.shown(key).unwrap_or(&[]),
            None => m.children_of(key),
        };
        let mut kept = Vec::new();
        for child in children {
            let hit = m.lower_name(child).contains(&self.needle);
            let below = self.visit(m, child, depth + 1, within);
            if hit {
                self.matches += 1;
            }
            if hit || below {
                kept.push(child.clone());
            }
        }
        let any = !kept.is_empty();
        if any {
            self.shown.insert(key.clone(), kept);
        }
        any
    }
}

impl TreeModel {
    /// Filters the tree by `text` (trimmed, case-insensitive); empty text shows everything.
    /// Typing the same needle again (a trailing space) does no work.
    pub fn set_filter(&mut self, text: &str) {
        let needle = text.trim().to_lowercase();
        if needle.is_empty() {
            self.filter = None;
            return;
        }
        let old = self.filter.take();
        self.filter = Some(match old {
            Some(old) if old.needle == needle => old,
            Some(old) if needle.contains(old.needle.as_str()) => {
                TreeFilter::compute(self, needle, Some(&old))
            }
            _ => TreeFilter::compute(self, needle, None),
        });
    }

    /// The filter in effect, if any.
    pub fn filter(&self) -> Option<&TreeFilter> {
        self.filter.as_ref()
    }

    /// Applies the filter again after the loaded data changed (a folder loaded, a token edited).
    pub(crate) fn refilter(&mut self) {
        if let Some(old) = self.filter.take() {
            self.filter = Some(TreeFilter::compute(self, old.needle, None));
        }
    }

    /// `key`'s name in lowercase, as cached when the entity was stored.
    pub fn lower_name(&self, key: &NodeKey) -> std::borrow::Cow<'_, str> {
        match self.lower_names.get(key) {
            Some(lower) => lower.as_str().into(),
            None => self.name(key).to_lowercase().into(),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::api::{Entity, EntityKind, FolderListing};
    use crate::test_support::fid;

    fn entity(kind: EntityKind, id: &str, name: &str) -> Entity {
        crate::test_support::entity(kind, id, name, None)
    }

    fn folder(id: &str) -> NodeKey {
        NodeKey::folder(&fid(id))
    }

    fn token(id: &str) -> NodeKey {
        NodeKey { kind: EntityKind::Token, id: id.into() }
    }

    /// root(1): Web(10)/[Spring Sale(100), Winter(101), Deep(12)/[Spring Deep(102)]], Email(11)/[Cart(103)], Spring(13)
    fn model() -> TreeModel {
        let mut m = TreeModel::new(&fid("1"));
        let top = vec![
            entity(EntityKind::Folder, "10", "Web"),
            entity(EntityKind::Folder, "11", "Email"),
            entity(EntityKind::Folder, "13", "Spring"),
        ];
        m.apply_listing(&fid("1"), FolderListing { folder: None, children: top });
        let web = vec![
            entity(EntityKind::Token, "100", "Spring Sale"),
            entity(EntityKind::Token, "101", "Winter"),
            entity(EntityKind::Folder, "12", "Deep"),
        ];
        m.apply_listing(&fid("10"), FolderListing { folder: None, children: web });
        m.apply_listing(
            &fid("12"),
            FolderListing { folder: None, children: vec![entity(EntityKind::Token, "102", "Spring Deep")] },
        );
        m.apply_listing(
            &fid("11"),
            FolderListing { folder: None, children: vec![entity(EntityKind::Token, "103", "Cart")] },
        );
        m
    }

    fn shown_names(m: &TreeModel) -> Vec<(String, u32)> {
        m.visible_rows().into_iter().map(|r| (m.name(&r.key).to_owned(), r.level)).collect()
    }

    #[test]
    fn matches_case_insensitively_and_keeps_ancestors_open() {
        let mut m = model();
        m.set_filter("  SPRING ");
        assert_eq!(m.filter().map(TreeFilter::matches), Some(3));
        let names = shown_names(&m);
        let expect = [("Web", 1), ("Spring Sale", 2), ("Deep", 2), ("Spring Deep", 3), ("Spring", 1)];
        assert_eq!(names, expect.map(|(n, l)| (n.to_owned(), l)), "collapsed folders open to show matches");
        assert!(m.shows_expanded(&folder("10")) && !m.is_expanded(&folder("10")), "expansion itself is kept");
        assert_eq!(m.shown_children(&folder("11")), &[] as &[NodeKey]);
        // Clearing shows the tree as it was.
        m.set_filter("");
        assert_eq!(
            shown_names(&m),
            [("Web".to_owned(), 1), ("Email".to_owned(), 1), ("Spring".to_owned(), 1)]
        );
    }

    #[test]
    fn narrowing_searches_only_what_was_shown_and_gives_the_same_answer() {
        let mut m = model();
        m.set_filter("s");
        let wide = m.filter().cloned().unwrap();
        m.set_filter("sa");
        let narrowed = m.filter().cloned().unwrap();
        assert_eq!(narrowed, TreeFilter::compute(&m, "sa".into(), None));
        assert_eq!(narrowed.matches(), 1);
        assert_eq!(narrowed.shown(&folder("10")), Some(&[token("100")][..]));
        // The same needle again reuses the result.
        m.set_filter("SA ");
        assert_eq!(m.filter(), Some(&narrowed));
        // Widening again (Backspace) searches everything.
        m.set_filter("s");
        assert_eq!(m.filter(), Some(&wide));
        m.set_filter("zzz");
        assert_eq!(m.filter().map(TreeFilter::matches), Some(0));
        assert!(m.visible_rows().is_empty());
    }

    #[test]
    fn newly_loaded_and_renamed_items_are_filtered_too() {
        let mut m = model();
        m.set_filter("cart");
        assert_eq!(m.filter().map(TreeFilter::matches), Some(1));
        let more = vec![entity(EntityKind::Token, "104", "Cart Recovery")];
        m.apply_listing(&fid("13"), FolderListing { folder: None, children: more });
        assert_eq!(m.filter().map(TreeFilter::matches), Some(2));
        let mut renamed = entity(EntityKind::Token, "101", "Cart Winter");
        renamed.parent_folder_id = Some(fid("10"));
        m.upsert_entity(renamed);
        assert_eq!(m.filter().map(TreeFilter::matches), Some(3));
        assert_eq!(m.lower_name(&token("101")), "cart winter");
    }
}
