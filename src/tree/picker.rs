//! The folder picker of the Move dialog as a `TreeModel`: the same tree (and so the same
//! component, keyboard and lazy loading), with folders only, the parent segment's root folder
//! as its one top-level item, the folder the token is in shown but not selectable, and
//! folders without edit permission disabled with the reason.

use crate::api::{Entity, EntityKind, FolderId};
use crate::tree::model::{LoadState, NodeKey, TreeModel};
use crate::tree::text::TreeText;

/// The synthetic node above the root folder: never shown, never fetched. No API id is "0"
/// (ids are digit strings without a leading zero).
const PICKER_TOP: &str = "0";

impl TreeModel {
    /// A folder picker over what `source` (the main tree) has loaded: its folders, their
    /// loaded child lists (folders only), and the folder records it knows. The root folder
    /// (named `root_name`, as the tree's top item) and the folders down to `current` are open,
    /// and focus starts on `current`. Folders loaded later keep only their subfolders.
    pub fn folder_picker(source: &TreeModel, root_name: &str, current: &FolderId) -> TreeModel {
        let top = FolderId::parse(PICKER_TOP).unwrap_or_else(|| current.clone());
        let mut m = TreeModel::new(&top);
        m.picker = Some(NodeKey::folder(current));
        m.id_prefix = "pick-";
        let is_folder = |k: &NodeKey| k.kind == EntityKind::Folder;
        for (key, state) in source.children.iter().filter(|(k, _)| is_folder(k)) {
            if let LoadState::Loaded(keys) = state {
                let folders = keys.iter().filter(|k| is_folder(k)).cloned().collect();
                m.children.insert(key.clone(), LoadState::Loaded(folders));
            }
        }
        for (key, entity) in source.entities.iter().filter(|(k, _)| is_folder(k)) {
            m.entities.insert(key.clone(), entity.clone());
        }
        m.folders = source.folders.clone();
        let root = source.root().clone();
        let root_permissions = root.as_folder().and_then(|f| source.folder_info(&f)).map(|f| f.permissions);
        m.entities.insert(
            root.clone(),
            Entity {
                id: root.id.clone(),
                kind: EntityKind::Folder,
                name: root_name.to_owned(),
                description: None,
                population: None,
                parent_folder_id: None,
                permissions: root_permissions,
                nested: Vec::new(),
            },
        );
        m.children.insert(NodeKey::folder(&top), LoadState::Loaded(vec![root.clone()]));
        m.expanded.insert(root);
        // Open the way down to the current folder, so it is visible and focused.
        let current = NodeKey::folder(current);
        let mut walk = m.parent_of(&current).cloned();
        let mut guard = 0;
        while let Some(parent) = walk.filter(|p| p.id != PICKER_TOP && guard < 64) {
            m.expanded.insert(parent.clone());
            walk = m.parent_of(&parent).cloned();
            guard += 1;
        }
        if m.visible_rows().iter().any(|r| r.key == current) {
            m.focused = Some(current);
        }
        m
    }

    /// Why `key` can't be selected in a picker (`None`: it can, and always outside a picker).
    pub fn disabled_reason(&self, key: &NodeKey) -> Option<TreeText> {
        let current = self.picker.as_ref()?;
        if key == current {
            return Some(TreeText::CurrentFolder);
        }
        if key.kind != EntityKind::Folder {
            return Some(TreeText::NoEditPermission);
        }
        let permissions = self
            .entities
            .get(key)
            .and_then(|e| e.permissions)
            .or_else(|| key.as_folder().and_then(|f| self.folder_info(&f)).map(|f| f.permissions));
        match permissions {
            Some(p) if !p.view => Some(TreeText::NoAccess),
            Some(p) if !p.edit => Some(TreeText::NoEditPermission),
            _ => None,
        }
    }

    /// The folder chosen in a picker: the selection, if it may be chosen.
    pub fn picked(&self) -> Option<FolderId> {
        self.selected.as_ref().filter(|k| self.disabled_reason(k).is_none()).and_then(NodeKey::as_folder)
    }

    /// What an open folder without (shown) children says.
    pub fn empty_label(&self) -> TreeText {
        if self.picker.is_some() {
            TreeText::NoSubfolders
        } else {
            TreeText::EmptyFolder
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::api::{Folder, FolderListing, FolderPermissions, ParentSegmentId};
    use crate::test_support::fid;
    use crate::tree::TreeKey;

    fn entity(kind: EntityKind, id: &str, name: &str, parent: &str, edit: bool) -> Entity {
        let permissions = (kind == EntityKind::Folder).then_some(FolderPermissions { view: true, edit });
        Entity { permissions, ..crate::test_support::entity(kind, id, name, Some(parent)) }
    }

    /// root(1): Web(10)/[Home(11)/[token 100], Cart(12) (not loaded)], Locked(20, no edit),
    /// Hidden(30, no view), token 101, segment 200.
    fn main_tree() -> TreeModel {
        let mut m = TreeModel::new(&fid("1"));
        let root = Folder {
            id: fid("1"),
            audience_id: ParentSegmentId::parse("9").unwrap(),
            name: "Root".into(),
            description: None,
            parent_id: None,
            permissions: FolderPermissions { view: true, edit: true },
            created_at: None,
            updated_at: None,
        };
        let mut hidden = entity(EntityKind::Folder, "30", "Hidden", "1", false);
        hidden.permissions = Some(FolderPermissions { view: false, edit: false });
        let top = vec![
            entity(EntityKind::Folder, "10", "Web", "1", true),
            entity(EntityKind::Folder, "20", "Locked", "1", false),
            hidden,
            entity(EntityKind::Token, "101", "Zed", "1", true),
            entity(EntityKind::SegmentBatch, "200", "Seg", "1", true),
        ];
        m.apply_listing(&fid("1"), FolderListing { folder: Some(root), children: top });
        let web = vec![
            entity(EntityKind::Folder, "11", "Home", "10", true),
            entity(EntityKind::Folder, "12", "Cart", "10", true),
            entity(EntityKind::Token, "102", "Banner", "10", true),
        ];
        m.apply_listing(&fid("10"), FolderListing { folder: None, children: web });
        let home = vec![entity(EntityKind::Token, "100", "Home token", "11", true)];
        m.apply_listing(&fid("11"), FolderListing { folder: None, children: home });
        m.select(Some(NodeKey::token(&crate::api::TokenId::parse("100").unwrap())));
        m
    }

    fn names(m: &TreeModel) -> Vec<(String, u32)> {
        m.visible_rows().iter().map(|r| (m.name(&r.key).to_owned(), r.level)).collect()
    }

    #[test]
    fn shows_folders_only_under_the_root_opened_down_to_the_current_folder() {
        let source = main_tree();
        let p = TreeModel::folder_picker(&source, "Retail Customers", &fid("11"));
        let expected =
            [("Retail Customers", 1), ("Web", 2), ("Home", 3), ("Cart", 3), ("Locked", 2), ("Hidden", 2)];
        let expected: Vec<(String, u32)> = expected.iter().map(|(n, l)| (n.to_string(), *l)).collect();
        assert_eq!(names(&p), expected);
        assert_eq!(p.focused(), Some(&NodeKey::folder(&fid("11"))), "focus starts on the current folder");
        assert_eq!(p.selected(), None, "nothing is chosen yet");
        assert_eq!(
            p.dom_id(&NodeKey::folder(&fid("11"))),
            "pick-ti-folder-11",
            "ids differ from the main tree's"
        );
        assert_eq!(source.dom_id(&NodeKey::folder(&fid("11"))), "ti-folder-11");
        assert!(p.is_expanded(&NodeKey::folder(&fid("10"))), "the way to the current folder is open");
        assert!(!source.is_expanded(&NodeKey::folder(&fid("10"))), "the main tree is left alone");
        // Home's children were a token only: in the picker it has no subfolders.
        assert_eq!(p.children_of(&NodeKey::folder(&fid("11"))), &[] as &[NodeKey]);
        assert!(p.empty_label() == TreeText::NoSubfolders);
        assert!(source.empty_label() == TreeText::EmptyFolder);
    }

    #[test]
    fn current_and_read_only_folders_are_disabled_with_a_reason() {
        let mut p = TreeModel::folder_picker(&main_tree(), "Retail Customers", &fid("11"));
        let f = |id: &str| NodeKey::folder(&fid(id));
        assert!(p.disabled_reason(&f("11")) == Some(TreeText::CurrentFolder));
        assert!(p.disabled_reason(&f("20")) == Some(TreeText::NoEditPermission));
        assert!(p.disabled_reason(&f("30")) == Some(TreeText::NoAccess));
        assert_eq!(p.disabled_reason(&f("10")), None);
        assert_eq!(p.disabled_reason(&f("1")), None, "the root is a destination (its record says edit)");
        p.select(Some(f("11")));
        assert_eq!(p.selected(), None, "the current folder can't be selected");
        p.select(Some(f("20")));
        assert_eq!(p.picked(), None);
        p.select(Some(f("12")));
        assert_eq!(p.picked(), Some(fid("12")));
        // The main tree has no picker: nothing is disabled there.
        assert_eq!(main_tree().disabled_reason(&f("20")), None);
    }

    #[test]
    fn keyboard_selects_only_allowed_folders_and_loads_lazily() {
        let mut p = TreeModel::folder_picker(&main_tree(), "Retail Customers", &fid("11"));
        // From the current folder (focused), Enter does not choose it.
        let out = p.on_key(TreeKey::Enter, 0.0);
        assert!(out.handled);
        assert_eq!(p.picked(), None);
        // Down to Cart, which was never loaded: Enter chooses it and asks for its subfolders.
        p.on_key(TreeKey::Down, 0.0);
        let out = p.on_key(TreeKey::Enter, 0.0);
        assert_eq!(p.picked(), Some(fid("12")));
        assert_eq!(out.load, Some(fid("12")));
        // Its listing arrives with a token and a folder: only the folder is kept.
        let cart = vec![
            entity(EntityKind::Token, "103", "Cart token", "12", true),
            entity(EntityKind::Folder, "13", "Deep", "12", true),
        ];
        p.finish_load(&fid("12"), Ok(FolderListing { folder: None, children: cart }));
        assert_eq!(p.children_of(&NodeKey::folder(&fid("12"))), &[NodeKey::folder(&fid("13"))]);
    }
}
