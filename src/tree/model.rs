//! The folder tree of one parent segment as a pure value: what is loaded, what is expanded,
//! what is selected and focused. Rendering, keyboard handling and later features (create,
//! edit, move, delete) all read and update this one model, so the tree never disagrees with
//! itself. No Leptos and no network here: everything is unit-tested natively.

use crate::api::{ApiError, Entity, EntityKind, Folder, FolderId, FolderListing, TokenId};
use crate::tree::filter::TreeFilter;
// Fx, not the standard SipHash: a filter keystroke or a layout hashes a key for every loaded or
// shown node, thousands at a time. The keys are the account's own ids from its own server, so
// the flooding SipHash guards against is not worth its cost here.
use rustc_hash::{FxHashMap, FxHashSet};

/// Identifies a tree node. API ids are unique only per type, so the kind is part of the key.
#[derive(Clone, Debug, PartialEq, Eq, Hash)]
pub struct NodeKey {
    pub kind: EntityKind,
    pub id: String,
}

impl NodeKey {
    pub fn folder(id: &FolderId) -> Self {
        Self { kind: EntityKind::Folder, id: id.as_str().to_owned() }
    }
    pub fn token(id: &TokenId) -> Self {
        Self { kind: EntityKind::Token, id: id.as_str().to_owned() }
    }
    /// The folder id, when this node is a folder.
    pub fn as_folder(&self) -> Option<FolderId> {
        (self.kind == EntityKind::Folder).then(|| FolderId::parse(&self.id)).flatten()
    }
    /// A DOM id for the tree item; unknown kinds are reduced to safe characters.
    pub fn dom_id(&self) -> String {
        let kind: String = self
            .kind
            .data_kind()
            .chars()
            .map(|c| if c.is_ascii_alphanumeric() { c.to_ascii_lowercase() } else { '-' })
            .collect();
        format!("ti-{kind}-{}", self.id)
    }
}

/// Where a node's children stand.
#[derive(Clone, Debug, PartialEq, Default)]
pub enum LoadState {
    #[default]
    NotLoaded,
    Loading,
    Loaded(Vec<NodeKey>),
    Failed(ApiError),
}

/// What an open item shows below its row. The three states are one status line each.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Below {
    Nothing,
    Loading,
    Failed,
    Empty,
    Children,
}

/// One visible row, in document order, as the keyboard and ARIA attributes need it.
#[derive(Clone, Debug, PartialEq)]
pub struct Row {
    pub key: NodeKey,
    /// The node whose children this row is among (the root folder for the top level).
    pub parent: NodeKey,
    /// 1 for the top level, as `aria-level` counts.
    pub level: u32,
    pub expandable: bool,
    pub expanded: bool,
}

/// The tree of one parent segment. The root folder is not shown: its children are the top level.
#[derive(Clone, Debug, PartialEq)]
pub struct TreeModel {
    root: NodeKey,
    pub(super) children: FxHashMap<NodeKey, LoadState>,
    pub(super) entities: FxHashMap<NodeKey, Entity>,
    /// Folders as read by `client.folder` or included in listings: names and parents for breadcrumbs.
    pub(super) folders: FxHashMap<FolderId, Folder>,
    pub(super) expanded: FxHashSet<NodeKey>,
    pub(super) selected: Option<NodeKey>,
    pub(super) focused: Option<NodeKey>,
    /// Type-ahead buffer and the time (ms) of its last key.
    pub(super) typeahead: (String, f64),
    /// Set for a folder picker (`picker.rs`): folders only, and the folder the picked
    /// thing is in, which is shown but can't be selected.
    pub(super) picker: Option<NodeKey>,
    /// Prefix of the items' DOM ids, so a second tree on the page (a picker) has its own ids.
    pub(super) id_prefix: &'static str,
    /// The filter typed in the filter box, if any (`filter.rs`).
    pub(super) filter: Option<TreeFilter>,
    /// Names in lowercase, computed once when an entity is stored: what the filter searches.
    pub(super) lower_names: FxHashMap<NodeKey, String>,
    /// When each folder's children were stored, and the clock now (`fresh.rs`).
    pub(super) loaded_at: FxHashMap<NodeKey, f64>,
    pub(super) now_ms: f64,
    /// Loaded folders being fetched again: their children stay shown until the answer.
    pub(super) refreshing: FxHashSet<NodeKey>,
}

impl TreeModel {
    /// An empty tree whose top level is the children of `root`.
    pub fn new(root: &FolderId) -> Self {
        Self {
            root: NodeKey::folder(root),
            children: FxHashMap::default(),
            entities: FxHashMap::default(),
            folders: FxHashMap::default(),
            expanded: FxHashSet::default(),
            selected: None,
            focused: None,
            typeahead: (String::new(), f64::NEG_INFINITY),
            picker: None,
            id_prefix: "",
            filter: None,
            lower_names: FxHashMap::default(),
            loaded_at: FxHashMap::default(),
            now_ms: 0.0,
            refreshing: FxHashSet::default(),
        }
    }

    /// The DOM id of `key`'s tree item in this tree.
    pub fn dom_id(&self, key: &NodeKey) -> String {
        format!("{}{}", self.id_prefix, key.dom_id())
    }

    pub fn root(&self) -> &NodeKey {
        &self.root
    }
    /// The names of the tokens loaded so far.
    pub fn token_names(&self) -> impl Iterator<Item = &str> {
        self.entities.values().filter(|e| e.kind == EntityKind::Token).map(|e| e.name.as_str())
    }
    pub fn entity(&self, key: &NodeKey) -> Option<&Entity> {
        self.entities.get(key)
    }
    pub fn name(&self, key: &NodeKey) -> &str {
        self.entities.get(key).map_or("", |e| e.name.as_str())
    }
    pub fn selected(&self) -> Option<&NodeKey> {
        self.selected.as_ref()
    }
    pub fn focused(&self) -> Option<&NodeKey> {
        self.focused.as_ref()
    }
    pub fn is_expanded(&self, key: &NodeKey) -> bool {
        self.expanded.contains(key)
    }
    pub fn folder_info(&self, id: &FolderId) -> Option<&Folder> {
        self.folders.get(id)
    }
    /// Remembers a folder record (from `client.folder`), for breadcrumbs.
    pub fn cache_folder(&mut self, folder: Folder) {
        self.folders.insert(folder.id.clone(), folder);
    }

    /// Where `key`'s children stand (`NotLoaded` for unknown nodes).
    pub fn load_state(&self, key: &NodeKey) -> &LoadState {
        static NOT_LOADED: LoadState = LoadState::NotLoaded;
        self.children.get(key).unwrap_or(&NOT_LOADED)
    }

    /// The loaded children of `key`, in order; empty while not loaded.
    pub fn children_of(&self, key: &NodeKey) -> &[NodeKey] {
        match self.children.get(key) {
            Some(LoadState::Loaded(keys)) => keys,
            _ => &[],
        }
    }

    /// The children shown under `key`: all loaded ones, or those a filter keeps.
    pub fn shown_children(&self, key: &NodeKey) -> &[NodeKey] {
        match &self.filter {
            Some(f) => f.shown(key).unwrap_or(&[]),
            None => self.children_of(key),
        }
    }

    /// Whether `key` shows what is below it (its children or their loading state). While a
    /// filter is on, exactly the nodes with a match below them are open.
    pub fn shows_expanded(&self, key: &NodeKey) -> bool {
        match &self.filter {
            Some(f) => f.shown(key).is_some(),
            None => self.expanded.contains(key),
        }
    }

    /// What an item shows below its row: one status line, its children, or nothing.
    pub fn below(&self, key: &NodeKey) -> Below {
        if !self.shows_expanded(key) {
            return Below::Nothing;
        }
        match self.load_state(key) {
            LoadState::NotLoaded => Below::Nothing,
            LoadState::Loading => Below::Loading,
            LoadState::Failed(_) => Below::Failed,
            LoadState::Loaded(_) if self.shown_children(key).is_empty() => Below::Empty,
            LoadState::Loaded(_) => Below::Children,
        }
    }

    /// Folders, and entries with nested entries (funnel stages), can be opened.
    pub fn is_expandable(&self, key: &NodeKey) -> bool {
        key.kind == EntityKind::Folder
            || matches!(self.children.get(key), Some(LoadState::Loaded(keys)) if !keys.is_empty())
    }

    /// `(aria-posinset, aria-setsize)` of `key` among its parent's children.
    pub fn position(&self, parent: &NodeKey, key: &NodeKey) -> (usize, usize) {
        let siblings = self.children_of(parent);
        let pos = siblings.iter().position(|k| k == key).map_or(0, |i| i + 1);
        (pos, siblings.len())
    }

    /// The node whose loaded children include `key`.
    pub fn parent_of(&self, key: &NodeKey) -> Option<&NodeKey> {
        self.children.iter().find_map(|(p, s)| match s {
            LoadState::Loaded(keys) if keys.contains(key) => Some(p),
            _ => None,
        })
    }

    /// Visible rows in document order: the top level, plus the children of expanded, loaded nodes.
    pub fn visible_rows(&self) -> Vec<Row> {
        let mut rows = Vec::new();
        self.push_rows(&self.root, 1, &mut rows);
        rows
    }

    fn push_rows(&self, parent: &NodeKey, level: u32, rows: &mut Vec<Row>) {
        // A depth cap keeps a malformed (cyclic) listing from recursing forever.
        if level > 64 {
            return;
        }
        for key in self.shown_children(parent) {
            let expanded = self.shows_expanded(key);
            let expandable = self.is_expandable(key);
            rows.push(Row { key: key.clone(), parent: parent.clone(), level, expandable, expanded });
            if expanded {
                self.push_rows(key, level + 1, rows);
            }
        }
    }

    /// The one item with `tabindex=0`: the focused item if visible, else the selected one, else
    /// the first (APG: focus entering the tree lands on the selected node, else the first).
    pub fn tab_stop(&self) -> Option<NodeKey> {
        let rows = self.visible_rows();
        let visible = |k: &Option<NodeKey>| k.as_ref().filter(|k| rows.iter().any(|r| &r.key == *k)).cloned();
        visible(&self.focused)
            .or_else(|| visible(&self.selected))
            .or_else(|| rows.first().map(|r| r.key.clone()))
    }

    /// Marks `key` as loading if it needs a fetch; returns the folder to fetch.
    pub fn begin_load(&mut self, key: &NodeKey) -> Option<FolderId> {
        let folder = key.as_folder()?;
        match self.load_state(key) {
            LoadState::NotLoaded | LoadState::Failed(_) => {
                self.children.insert(key.clone(), LoadState::Loading);
                Some(folder)
            }
            // A folder loaded a while ago is fetched again, its children shown meanwhile.
            LoadState::Loaded(_) if self.is_stale(key) && !self.refreshing.contains(key) => {
                self.refreshing.insert(key.clone());
                Some(folder)
            }
            LoadState::Loading | LoadState::Loaded(_) => None,
        }
    }

    /// Applies the answer of a folder fetch. Answers for folders no longer loading (the tree was
    /// reset or refreshed meanwhile) are dropped, so a slow answer can't overwrite a newer one.
    pub fn finish_load(&mut self, folder: &FolderId, result: Result<FolderListing, ApiError>) {
        let key = NodeKey::folder(folder);
        let refreshed = self.refreshing.remove(&key);
        if !refreshed && self.load_state(&key) != &LoadState::Loading {
            return;
        }
        match result {
            Ok(listing) => self.apply_listing(folder, listing),
            Err(e) => {
                self.children.insert(key, LoadState::Failed(e));
            }
        }
    }

    /// Stores a folder's children (and nested entries such as funnel stages) as loaded.
    pub fn apply_listing(&mut self, folder: &FolderId, listing: FolderListing) {
        if let Some(f) = listing.folder {
            self.cache_folder(f);
        }
        let folders_only = self.picker.is_some();
        let keys = listing
            .children
            .into_iter()
            .filter(|e| !folders_only || e.kind == EntityKind::Folder)
            .map(|e| self.insert_entity(e))
            .collect();
        self.children.insert(NodeKey::folder(folder), LoadState::Loaded(keys));
        self.loaded_at.insert(NodeKey::folder(folder), self.now_ms);
        self.refilter();
    }

    /// Stores one entity; nested entries (funnel stages) become its loaded children.
    pub(super) fn insert_entity(&mut self, mut entity: Entity) -> NodeKey {
        let key = NodeKey { kind: entity.kind.clone(), id: entity.id.clone() };
        let nested = std::mem::take(&mut entity.nested);
        if !nested.is_empty() {
            let nested_keys = nested.into_iter().map(|n| self.insert_entity(n)).collect();
            self.children.insert(key.clone(), LoadState::Loaded(nested_keys));
        }
        self.lower_names.insert(key.clone(), entity.name.to_lowercase());
        self.entities.insert(key.clone(), entity);
        key
    }

    /// Opens `key`; returns the folder to fetch if its children are not loaded yet.
    pub fn expand(&mut self, key: &NodeKey) -> Option<FolderId> {
        if !self.is_expandable(key) {
            return None;
        }
        self.expanded.insert(key.clone());
        self.begin_load(key)
    }

    /// Opens `key` on the way down to something being revealed (a deep link, a page arriving);
    /// `root` loads without being an expandable item. Fetches only a folder never tried: one
    /// whose read just failed keeps its error and Retry instead of being sent again behind the
    /// user's back (a 403 or 404 would only fail twice; transient errors were retried already).
    pub fn open_on_path(&mut self, key: &NodeKey, root: bool) -> Option<FolderId> {
        if matches!(self.load_state(key), LoadState::Failed(_)) {
            if !root && self.is_expandable(key) {
                self.expanded.insert(key.clone());
            }
            return None;
        }
        if root {
            self.begin_load(key)
        } else {
            self.expand(key)
        }
    }

    pub fn collapse(&mut self, key: &NodeKey) {
        self.expanded.remove(key);
    }

    /// Selects `key` (or nothing); a disabled item of a picker can't be selected.
    pub fn select(&mut self, key: Option<NodeKey>) {
        if key.as_ref().is_some_and(|k| self.disabled_reason(k).is_some()) {
            return;
        }
        self.selected = key;
    }

    pub fn focus(&mut self, key: NodeKey) {
        self.focused = Some(key);
    }

    /// Forgets a folder's children so the next expand refetches it (the Retry intent; Refresh
    /// keeps them shown meanwhile, see `fresh.rs`).
    pub fn invalidate(&mut self, folder: &FolderId) {
        self.children.remove(&NodeKey::folder(folder));
    }
}
