//! The in-place updates later features apply to the tree after a write succeeds (create,
//! edit, duplicate, move, delete), so the change shows where it belongs without a reload.

use crate::api::{Entity, EntityKind, FolderId, Token};
use crate::tree::model::{LoadState, NodeKey, TreeModel};

impl TreeModel {
    /// Inserts or replaces an entity under its parent folder (if that folder is loaded).
    /// An entity that moved is taken out of its old folder: it appears exactly once.
    pub fn upsert_entity(&mut self, entity: Entity) {
        let key = NodeKey { kind: entity.kind.clone(), id: entity.id.clone() };
        let new_parent = entity.parent_folder_id.as_ref().map(NodeKey::folder);
        self.detach(&key, new_parent.as_ref());
        let key = self.insert_entity(entity);
        if let Some(parent) = new_parent {
            if let Some(LoadState::Loaded(keys)) = self.children.get_mut(&parent) {
                if !keys.contains(&key) {
                    keys.push(key);
                }
            }
        }
        self.refilter();
    }

    /// Inserts or replaces a token after a create, edit or duplicate.
    pub fn upsert_token(&mut self, token: &Token) {
        self.upsert_entity(token_entity(token));
    }

    /// Inserts a new token right after `sibling` in their folder, if that folder is loaded: a
    /// duplicate shows next to its original.
    pub fn insert_token_after(&mut self, token: &Token, sibling: &NodeKey) {
        let entity = token_entity(token);
        let parent = entity.parent_folder_id.as_ref().map(NodeKey::folder);
        let key = NodeKey { kind: entity.kind.clone(), id: entity.id.clone() };
        self.detach(&key, None);
        let key = self.insert_entity(entity);
        if let Some(LoadState::Loaded(keys)) = parent.and_then(|p| self.children.get_mut(&p)) {
            let at = keys.iter().position(|k| k == sibling).map_or(keys.len(), |i| i + 1);
            keys.insert(at, key);
        }
        self.refilter();
    }

    /// Removes an entity (after a delete): from its folder's list, the selection and the focus.
    pub fn remove_entity(&mut self, key: &NodeKey) {
        let next_focus = self.neighbour(key);
        self.detach(key, None);
        self.entities.remove(key);
        self.children.remove(key);
        self.expanded.remove(key);
        if self.selected.as_ref() == Some(key) {
            self.selected = None;
        }
        if self.focused.as_ref() == Some(key) {
            self.focused = next_focus;
        }
        self.refilter();
    }

    /// Moves an entity to another folder (after a move).
    pub fn move_entity(&mut self, key: &NodeKey, to: &FolderId) {
        if let Some(mut entity) = self.entities.get(key).cloned() {
            entity.parent_folder_id = Some(to.clone());
            self.upsert_entity(entity);
        }
    }

    /// Takes `key` out of every loaded list except `keep_in`'s.
    fn detach(&mut self, key: &NodeKey, keep_in: Option<&NodeKey>) {
        for (parent, state) in self.children.iter_mut() {
            if Some(parent) == keep_in {
                continue;
            }
            if let LoadState::Loaded(keys) = state {
                keys.retain(|k| k != key);
            }
        }
    }

    /// The visible row after `key`, else the one before: where focus goes when `key` disappears.
    fn neighbour(&self, key: &NodeKey) -> Option<NodeKey> {
        let rows = self.visible_rows();
        let i = rows.iter().position(|r| &r.key == key)?;
        rows.get(i + 1).or_else(|| i.checked_sub(1).and_then(|j| rows.get(j))).map(|r| r.key.clone())
    }
}

/// The tree entry for a token.
pub fn token_entity(token: &Token) -> Entity {
    Entity {
        id: token.id.as_str().to_owned(),
        kind: EntityKind::Token,
        name: token.name.clone(),
        description: Some(token.description.clone()).filter(|d| !d.is_empty()),
        population: None,
        parent_folder_id: token.parent_folder_id.clone(),
        permissions: None,
        nested: Vec::new(),
    }
}
