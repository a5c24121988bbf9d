//! How long a loaded folder is trusted: within the freshness window, opening it again shows
//! what is cached with no request; after it, opening it fetches it again (its children stay
//! shown until the answer). "Refresh" fetches every open folder now.

use crate::api::FolderId;
use crate::tree::model::{LoadState, NodeKey, TreeModel};

/// A folder read within this many ms is shown from the cache. A minute: long enough that
/// browsing back and forth costs no requests, short enough that tokens created by a colleague
/// show up without a reload (and "Refresh" is there for the impatient).
pub const FRESH_MS: f64 = 60_000.0;

impl TreeModel {
    /// Sets the clock reading the next intents use (the store sets it before each update).
    pub fn set_now(&mut self, now_ms: f64) {
        self.now_ms = now_ms;
    }

    /// Whether `key`'s loaded children are older than the freshness window.
    pub fn is_stale(&self, key: &NodeKey) -> bool {
        self.loaded_at.get(key).is_some_and(|at| self.now_ms - at >= FRESH_MS)
    }

    /// Marks every open folder (the root, and each expanded one that has been loaded or has
    /// failed) to be fetched again now; returns the folders to fetch. Children stay shown, and
    /// expansion, selection and focus are kept.
    pub fn refresh_open(&mut self) -> Vec<FolderId> {
        let mut open: Vec<NodeKey> = vec![self.root().clone()];
        open.extend(self.expanded.iter().filter(|k| k.as_folder().is_some()).cloned());
        let mut fetch = Vec::new();
        for key in open {
            let Some(folder) = key.as_folder() else { continue };
            match self.load_state(&key) {
                LoadState::Loaded(_) => {
                    if self.refreshing.insert(key.clone()) {
                        fetch.push(folder);
                    }
                }
                LoadState::Failed(_) => {
                    self.children.insert(key, LoadState::Loading);
                    fetch.push(folder);
                }
                LoadState::NotLoaded | LoadState::Loading => {}
            }
        }
        fetch
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::api::{ApiError, Entity, EntityKind, FolderListing};

    fn fid(s: &str) -> FolderId {
        FolderId::parse(s).unwrap()
    }

    fn listing(names: &[(&str, &str)]) -> FolderListing {
        let children = names
            .iter()
            .map(|(id, name)| Entity {
                id: (*id).into(),
                kind: EntityKind::Folder,
                name: (*name).into(),
                description: None,
                population: None,
                parent_folder_id: None,
                permissions: None,
                nested: vec![],
            })
            .collect();
        FolderListing { folder: None, children }
    }

    /// A tree at time 1,000 ms whose root lists Web(10), loaded.
    fn loaded() -> TreeModel {
        let mut m = TreeModel::new(&fid("1"));
        m.set_now(1_000.0);
        let root = m.root().clone();
        assert_eq!(m.begin_load(&root), Some(fid("1")));
        m.finish_load(&fid("1"), Ok(listing(&[("10", "Web")])));
        m
    }

    #[test]
    fn reopening_within_the_window_fetches_nothing_after_it_fetches_once() {
        let mut m = loaded();
        let web = NodeKey::folder(&fid("10"));
        assert_eq!(m.expand(&web), Some(fid("10")), "first open: one fetch");
        m.finish_load(&fid("10"), Ok(listing(&[("11", "Banners")])));
        m.collapse(&web);
        m.set_now(1_000.0 + FRESH_MS - 1.0);
        assert_eq!(m.expand(&web), None, "within the window: from the cache");
        m.collapse(&web);
        m.set_now(1_000.0 + FRESH_MS);
        assert_eq!(m.expand(&web), Some(fid("10")), "after it: fetched again");
        assert_eq!(m.children_of(&web).len(), 1, "the cached children stay shown meanwhile");
        m.collapse(&web);
        assert_eq!(m.expand(&web), None, "one fetch at a time");
        m.set_now(100_000.0);
        m.finish_load(&fid("10"), Ok(listing(&[("11", "Banners"), ("12", "New")])));
        assert_eq!(m.children_of(&web).len(), 2, "the answer replaces the children");
        assert!(!m.is_stale(&web), "and is fresh from the time it came");
    }

    #[test]
    fn refresh_fetches_every_open_folder_and_keeps_expansion_and_focus() {
        let mut m = loaded();
        let web = NodeKey::folder(&fid("10"));
        m.expand(&web);
        m.finish_load(&fid("10"), Ok(listing(&[("11", "Banners")])));
        let banners = NodeKey::folder(&fid("11"));
        m.focus(banners.clone());
        m.select(Some(banners.clone()));
        let mut fetch = m.refresh_open();
        fetch.sort_by(|a, b| a.as_str().cmp(b.as_str()));
        assert_eq!(fetch, [fid("1"), fid("10")], "the root and the open folder, not the closed one");
        assert_eq!(m.refresh_open(), [], "already being fetched");
        m.finish_load(&fid("10"), Ok(listing(&[("11", "Banners"), ("12", "New")])));
        m.finish_load(&fid("1"), Ok(listing(&[("10", "Web")])));
        assert!(m.is_expanded(&web));
        assert_eq!(m.focused(), Some(&banners));
        assert_eq!(m.tab_stop(), Some(banners));
        assert_eq!(m.visible_rows().len(), 3);
        // A folder whose load failed is retried by Refresh too.
        let err = ApiError::Server { status: 500, message: "x".into(), retry_after_secs: None };
        m.refresh_open();
        m.finish_load(&fid("10"), Err(err));
        assert_eq!(m.refresh_open(), [fid("10")]);
        assert_eq!(m.load_state(&web), &LoadState::Loading);
    }
}
