//! The one tree store: a `TreeModel` in a signal, provided as context by the browse page, with
//! intent methods. Views read it; user actions and finished writes update it in place.

use crate::api::{ApiError, Folder, FolderId, FolderListing, Token};
use crate::clock::now_ms;
use crate::session::connection::Session;
use crate::tree::keys::{KeyOutcome, TreeKey};
use crate::tree::model::{LoadState, NodeKey, TreeModel};
use leptos::prelude::*;

/// Upper bound on folder nesting when walking up to the root: a cycle in bad data must end.
const MAX_DEPTH: usize = 32;

/// The tree of the current parent segment.
#[derive(Clone, Copy)]
pub struct TreeStore {
    model: RwSignal<TreeModel>,
    /// `None` in component tests: nothing is fetched, the model is pre-filled.
    session: Option<Session>,
    /// For a folder picker: the main tree, given every listing the picker reads (see
    /// [`TreeStore::feeding`]).
    feeds: Option<RwSignal<TreeModel>>,
}

impl TreeStore {
    pub fn new(model: TreeModel, session: Option<Session>) -> Self {
        Self { model: RwSignal::new(model), session, feeds: None }
    }

    /// Makes this store (a folder picker) hand each listing it reads to `main` when `main`
    /// has not loaded that folder: the picker keeps only folders, while the main tree shows
    /// the folder picked (after a move) with all its entries, and should not read it again.
    pub fn feeding(self, main: Option<TreeStore>) -> Self {
        Self { feeds: main.map(|m| m.model), ..self }
    }

    /// Reads the model (tracked).
    pub fn with<R>(&self, f: impl FnOnce(&TreeModel) -> R) -> R {
        self.model.with(f)
    }

    /// Reads the model without subscribing (event handlers).
    pub fn with_untracked<R>(&self, f: impl FnOnce(&TreeModel) -> R) -> R {
        self.model.with_untracked(f)
    }

    /// Reads the model without subscribing, if it still exists (cleanups).
    pub fn try_with_untracked<R>(&self, f: impl FnOnce(&TreeModel) -> R) -> Option<R> {
        self.model.try_with_untracked(f)
    }

    /// Updates the model, with the clock read first (for the freshness window).
    fn update<R>(&self, f: impl FnOnce(&mut TreeModel) -> R) -> Option<R> {
        let now = now_ms();
        self.model.try_update(|m| {
            m.set_now(now);
            f(m)
        })
    }

    /// Fetches a folder's children (already marked `Loading`) and stores the answer. Without a
    /// connected session (a component test's store) nothing is read.
    fn fetch(&self, folder: FolderId) {
        let (Some(session), model, feeds) = (self.session, self.model, self.feeds) else { return };
        if !session.is_connected_untracked() {
            return;
        }
        leptos::task::spawn_local(async move {
            let Ok(client) = session.connected() else { return };
            let result = session.answered(client.folder_children(&folder).await);
            let now = now_ms();
            if let (Some(main), Ok(listing)) = (feeds, &result) {
                main.try_update(|m| {
                    m.set_now(now);
                    adopt_listing(m, &folder, listing)
                });
            }
            model.try_update(|m| {
                m.set_now(now);
                m.finish_load(&folder, result)
            });
        });
    }

    fn fetch_opt(&self, folder: Option<FolderId>) {
        if let Some(f) = folder {
            self.fetch(f);
        }
    }

    /// Fetches every open folder again now (the "Refresh" button), keeping what is shown,
    /// expanded and focused until the answers replace the children.
    pub fn refresh(&self) {
        for f in self.update(|m| m.refresh_open()).unwrap_or_default() {
            self.fetch(f);
        }
    }

    /// Loads a folder's children unless they are loaded or loading and fresh (`fresh.rs`).
    pub fn ensure_loaded(&self, folder: &FolderId) {
        let f = self.update(|m| m.begin_load(&NodeKey::folder(folder))).flatten();
        self.fetch_opt(f);
    }

    /// Refetches a folder (the Retry and Refresh intents).
    pub fn reload(&self, folder: &FolderId) {
        let f = self
            .update(|m| {
                m.invalidate(folder);
                m.begin_load(&NodeKey::folder(folder))
            })
            .flatten();
        self.fetch_opt(f);
    }

    pub fn expand(&self, key: &NodeKey) {
        let f = self.update(|m| m.expand(key)).flatten();
        self.fetch_opt(f);
    }

    pub fn collapse(&self, key: &NodeKey) {
        self.update(|m| m.collapse(key));
    }

    /// Opens a closed node, closes an open one (the disclosure triangle).
    pub fn toggle(&self, key: &NodeKey) {
        if self.with_untracked(|m| m.is_expanded(key)) {
            self.collapse(key);
        } else {
            self.expand(key);
        }
    }

    /// Filters the tree by what is typed in the filter box.
    pub fn set_filter(&self, text: &str) {
        self.update(|m| m.set_filter(text));
    }

    pub fn select(&self, key: Option<NodeKey>) {
        self.update(|m| m.select(key));
    }

    pub fn focus(&self, key: NodeKey) {
        self.update(|m| m.focus(key));
    }

    /// Applies a key; starts any fetch it needs and returns the rest for the view to carry out.
    pub fn on_key(&self, key: TreeKey, now_ms: f64) -> KeyOutcome {
        let out = self.update(|m| m.on_key(key, now_ms)).unwrap_or_default();
        self.fetch_opt(out.load.clone());
        out
    }

    /// Opens every folder on `path` (root first) and selects `target` in the last one: what a
    /// deep link to a token or folder needs on a fresh load.
    pub fn reveal(&self, path: &[FolderId], target: Option<NodeKey>) {
        let loads = self
            .update(|m| {
                let root = m.root().clone();
                let mut loads = Vec::new();
                for folder in path {
                    let key = NodeKey::folder(folder);
                    let load = m.open_on_path(&key, key == root);
                    loads.extend(load);
                }
                if let Some(t) = &target {
                    m.focus(t.clone());
                }
                m.select(target);
                loads
            })
            .unwrap_or_default();
        for f in loads {
            self.fetch(f);
        }
    }

    /// Reads the folders from the root down to `folder` and opens the tree along them,
    /// selecting `target`: what every page of a folder or token does on arrival.
    pub async fn reveal_path_to(
        &self,
        folder: &FolderId,
        target: Option<NodeKey>,
    ) -> Result<Vec<Folder>, ApiError> {
        let path = self.folder_path(folder).await?;
        let ids: Vec<FolderId> = path.iter().map(|f| f.id.clone()).collect();
        self.reveal(&ids, target);
        Ok(path)
    }

    pub fn upsert_token(&self, token: &Token) {
        self.update(|m| m.upsert_token(token));
    }

    /// Shows a new token right after `sibling` (a duplicate next to its original).
    pub fn insert_token_after(&self, token: &Token, sibling: &NodeKey) {
        self.update(|m| m.insert_token_after(token, sibling));
    }

    pub fn remove_entity(&self, key: &NodeKey) {
        self.update(|m| m.remove_entity(key));
    }

    pub fn move_entity(&self, key: &NodeKey, to: &FolderId) {
        self.update(|m| m.move_entity(key, to));
    }

    /// A folder's children as loaded, or how loading stands (tracked).
    pub fn load_state(&self, folder: &FolderId) -> LoadState {
        self.with(|m| m.load_state(&NodeKey::folder(folder)).clone())
    }

    /// The folders from the root down to `folder`, read from the cache or the API (one
    /// by-folder read per unknown ancestor). Used for breadcrumbs and deep links.
    pub async fn folder_path(&self, folder: &FolderId) -> Result<Vec<Folder>, ApiError> {
        let mut path = Vec::new();
        let mut next = Some(folder.clone());
        while let Some(id) = next.take() {
            if path.len() >= MAX_DEPTH || path.iter().any(|f: &Folder| f.id == id) {
                break;
            }
            let cached = self.model.try_with_untracked(|m| m.folder_info(&id).cloned()).flatten();
            let f = match cached {
                Some(f) => f,
                None => self.read_folder(&id).await?,
            };
            next = f.parent_id.clone();
            path.push(f);
        }
        path.reverse();
        Ok(path)
    }
}

impl TreeStore {
    /// Reads folder `id` through its by-folder listing, which holds the folder itself: the tree
    /// needs that listing anyway when the folder opens, and a page that asks for a folder the
    /// tree is loading right now joins that read (the client shares identical reads in flight)
    /// instead of sending a second one (`GET /entities/folders/{id}`). The listing is kept as
    /// the folder's children unless the tree already has them.
    async fn read_folder(&self, id: &FolderId) -> Result<Folder, ApiError> {
        let session = self.session.ok_or(ApiError::Unauthorized)?;
        let client = session.connected()?;
        let listing = session.answered(client.folder_children(id).await)?;
        let Some(folder) = listing.folder.clone() else {
            // An answer without the folder itself: ask for the folder alone.
            let folder = session.answered(client.folder(id).await)?;
            self.update(|m| m.cache_folder(folder.clone()));
            return Ok(folder);
        };
        self.update(|m| adopt_listing(m, id, &listing));
        Ok(folder)
    }
}

/// Keeps a listing read for another purpose as `folder`'s children, unless the model has them
/// or is reading them (its own answer then wins).
fn adopt_listing(m: &mut TreeModel, folder: &FolderId, listing: &FolderListing) {
    if let Some(f) = &listing.folder {
        m.cache_folder(f.clone());
    }
    if m.begin_load(&NodeKey::folder(folder)).is_some() {
        m.finish_load(folder, Ok(listing.clone()));
    }
}

/// The tree store from context: the browse layout provides it to every page in it.
pub fn use_tree() -> TreeStore {
    crate::context::required::<TreeStore>("TreeStore")
}
