//! The tree's keyboard behaviour (WAI-ARIA APG tree view) as a pure reducer over `TreeModel`:
//! the component turns a DOM key into a `TreeKey`, applies it, and carries out the outcome.

use crate::api::FolderId;
use crate::tree::model::{LoadState, NodeKey, TreeModel};

/// Type-ahead characters typed within this many ms extend the search string.
pub const TYPEAHEAD_MS: f64 = 500.0;

/// A key the tree reacts to.
#[derive(Clone, Debug, PartialEq)]
pub enum TreeKey {
    Up,
    Down,
    Right,
    Left,
    Home,
    End,
    Enter,
    /// A printable character, for type-ahead.
    Char(char),
}

impl TreeKey {
    /// Maps `KeyboardEvent.key`; `None` for keys the tree leaves alone (Tab, modifiers, ...).
    pub fn from_dom(key: &str) -> Option<Self> {
        Some(match key {
            "ArrowUp" => Self::Up,
            "ArrowDown" => Self::Down,
            "ArrowRight" => Self::Right,
            "ArrowLeft" => Self::Left,
            "Home" => Self::Home,
            "End" => Self::End,
            "Enter" => Self::Enter,
            _ => {
                let mut chars = key.chars();
                match (chars.next(), chars.next()) {
                    (Some(c), None) if !c.is_control() && !c.is_whitespace() => Self::Char(c),
                    _ => return None,
                }
            }
        })
    }
}

/// What the component must do after a key.
#[derive(Clone, Debug, Default, PartialEq)]
pub struct KeyOutcome {
    /// The key was used: prevent the browser's default (scrolling).
    pub handled: bool,
    /// Move DOM focus to this item.
    pub focus: Option<NodeKey>,
    /// Fetch this folder's children.
    pub load: Option<FolderId>,
    /// The user activated this item (Enter): open its page.
    pub activate: Option<NodeKey>,
}

impl TreeModel {
    /// Applies one key at time `now_ms` (for type-ahead) and says what else must happen.
    pub fn on_key(&mut self, key: TreeKey, now_ms: f64) -> KeyOutcome {
        if !matches!(key, TreeKey::Char(_)) {
            // Any other key ends a type-ahead string, so "z", Enter, "m" searches for "m".
            self.typeahead.0.clear();
        }
        let rows = self.visible_rows();
        let Some(current) = self.tab_stop() else { return KeyOutcome::default() };
        let Some(i) = rows.iter().position(|r| r.key == current) else { return KeyOutcome::default() };
        let row = &rows[i];
        let mut out = KeyOutcome { handled: true, ..KeyOutcome::default() };
        let target = match key {
            TreeKey::Down => rows.get(i + 1).map(|r| r.key.clone()),
            TreeKey::Up => i.checked_sub(1).and_then(|j| rows.get(j)).map(|r| r.key.clone()),
            TreeKey::Home => rows.first().map(|r| r.key.clone()),
            TreeKey::End => rows.last().map(|r| r.key.clone()),
            TreeKey::Right if !row.expandable => None,
            TreeKey::Right if !row.expanded => {
                out.load = self.expand(&current);
                None
            }
            TreeKey::Right => match self.load_state(&current) {
                LoadState::Loaded(_) => self.shown_children(&current).first().cloned(),
                // An open folder whose load failed: Right is the keyboard way to retry.
                LoadState::Failed(_) => {
                    out.load = self.begin_load(&current);
                    None
                }
                LoadState::NotLoaded | LoadState::Loading => None,
            },
            // While filtering, open folders are the ones with matches: Left goes up instead.
            TreeKey::Left if row.expanded && self.filter().is_none() => {
                self.collapse(&current);
                None
            }
            TreeKey::Left => (row.parent != *self.root()).then(|| row.parent.clone()),
            TreeKey::Enter => {
                self.select(Some(current.clone()));
                if row.expandable && !row.expanded {
                    out.load = self.expand(&current);
                }
                out.activate = Some(current.clone());
                None
            }
            TreeKey::Char(c) => self.type_ahead(c, now_ms, &rows, i),
        };
        // Every handled key keeps DOM focus on the tab stop, so roving tabindex and focus agree.
        let focus = target.unwrap_or(current);
        self.focus(focus.clone());
        out.focus = Some(focus);
        out
    }

    /// Finds the next visible item whose name starts with the typed string (case-insensitive).
    fn type_ahead(
        &mut self,
        c: char,
        now_ms: f64,
        rows: &[crate::tree::model::Row],
        i: usize,
    ) -> Option<NodeKey> {
        let (buffer, last) = &mut self.typeahead;
        if now_ms - *last > TYPEAHEAD_MS {
            buffer.clear();
        }
        *last = now_ms;
        buffer.extend(c.to_lowercase());
        // Repeating one letter ("aaa") cycles through the items starting with it.
        let mut first = buffer.chars();
        let lead = first.next();
        let needle = if first.all(|x| Some(x) == lead) {
            lead.map(String::from).unwrap_or_default()
        } else {
            buffer.clone()
        };
        // A single letter starts after the current item; a longer string may still match it.
        let start = if needle.chars().count() == 1 { i + 1 } else { i };
        let n = rows.len();
        (0..n)
            .map(|k| &rows[(start + k) % n])
            .find(|r| self.name(&r.key).to_lowercase().starts_with(&needle))
            .map(|r| r.key.clone())
    }
}
