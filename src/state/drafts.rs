//! Unsaved forms kept in memory when their page goes away without the user discarding them
//! (a rejected key sends the user to the connect screen, which unmounts the page): opened again
//! in this tab, the page takes its draft back. Memory only; the one exception is a panic, when
//! `draft_storage` writes the open form (see `open_draft`) to sessionStorage for "Reload".

use super::token_form::TokenForm;
use crate::api::{FolderId, TokenId};
use std::cell::{Cell, RefCell};
use std::collections::HashMap;

/// What the user had entered in a token page's Move, Duplicate or Delete dialog when a rejected
/// key closed it: the page reopens the dialog with it after connecting again.
#[derive(Clone, Debug, PartialEq)]
pub enum DialogDraft {
    /// The destination chosen, if any (id and name, the picker may not have loaded it again).
    Move(Option<(FolderId, String)>),
    Duplicate {
        name: String,
        description: String,
    },
    Delete,
}

/// A form as it was left: what it started from and what the user made of it.
#[derive(Clone, Debug, PartialEq)]
pub struct Draft {
    /// The token's `updatedAt` the form was based on (edits), for the conflict check.
    pub base: Option<String>,
    /// The form as loaded, for dirty tracking.
    pub original: TokenForm,
    /// The form as the user left it.
    pub form: TokenForm,
}

thread_local! {
    static DRAFTS: RefCell<HashMap<String, Draft>> = RefCell::new(HashMap::new());
    static DIALOGS: RefCell<HashMap<TokenId, DialogDraft>> = RefCell::new(HashMap::new());
    /// The form open right now with unsaved changes, mirrored outside Leptos: after a panic
    /// the reactive state may be what broke, and the panic hook must still find the draft.
    static OPEN: RefCell<Option<(String, Draft)>> = const { RefCell::new(None) };
    /// Set by Disconnect until the next connect: the form unmounting after Disconnect must not
    /// keep its draft again (its cleanup runs after `forget_all`).
    static REFUSED: Cell<bool> = const { Cell::new(false) };
}

/// The key of the edit form of a token.
pub fn edit_key(token: &TokenId) -> String {
    format!("edit/{token}")
}

/// The key of the create wizard in a folder.
pub fn create_key(folder: &FolderId) -> String {
    format!("create/{folder}")
}

/// Keeps `draft` under `key`, replacing any earlier one (not between Disconnect and connect).
pub fn keep(key: &str, draft: Draft) {
    if !REFUSED.get() {
        DRAFTS.with(|d| d.borrow_mut().insert(key.to_owned(), draft));
    }
}

/// Takes the draft kept under `key`, if any (it is then forgotten).
pub fn take(key: &str) -> Option<Draft> {
    DRAFTS.with(|d| d.borrow_mut().remove(key))
}

/// Keeps the input of `token`'s open dialog (not between Disconnect and connect).
pub fn keep_dialog(token: &TokenId, draft: DialogDraft) {
    if !REFUSED.get() {
        DIALOGS.with(|d| d.borrow_mut().insert(token.clone(), draft));
    }
}

/// Takes the dialog input kept for `token`, if any (it is then forgotten).
pub fn take_dialog(token: &TokenId) -> Option<DialogDraft> {
    DIALOGS.with(|d| d.borrow_mut().remove(token))
}

/// The open form `key` now has unsaved changes `draft`, or none (`None`).
pub fn mirror_open(key: &str, draft: Option<Draft>) {
    OPEN.with(|o| *o.borrow_mut() = draft.map(|d| (key.to_owned(), d)));
}

/// The form `key` closed: it is no longer the open one.
pub fn close_open(key: &str) {
    OPEN.with(|o| {
        let mut open = o.borrow_mut();
        if open.as_ref().is_some_and(|(k, _)| k == key) {
            *open = None;
        }
    });
}

/// The open form's draft, for the panic hook. `None` as well if the mirror is mid-update (the
/// panic came from inside it): a hook must not panic in turn.
pub fn open_draft() -> Option<(String, Draft)> {
    OPEN.try_with(|o| o.try_borrow().ok().and_then(|o| o.clone())).ok().flatten()
}

/// Disconnect: every draft of this session is forgotten, kept or open, and none is kept until
/// `accept` (the next connect).
pub fn forget_all() {
    REFUSED.set(true);
    DRAFTS.with(|d| d.borrow_mut().clear());
    DIALOGS.with(|d| d.borrow_mut().clear());
    OPEN.with(|o| *o.borrow_mut() = None);
}

/// A session started: drafts are kept again.
pub fn accept() {
    REFUSED.set(false);
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn kept_until_taken() {
        let folder = FolderId::parse("1").unwrap();
        let mut form = TokenForm::new(folder.clone());
        form.name = "Draft".into();
        let draft = Draft { base: Some("t".into()), original: TokenForm::new(folder.clone()), form };
        let key = edit_key(&TokenId::parse("5").unwrap());
        assert_eq!(key, "edit/5");
        assert_eq!(create_key(&folder), "create/1");
        keep(&key, draft.clone());
        assert_eq!(take("edit/6"), None);
        assert_eq!(take(&key), Some(draft));
        assert_eq!(take(&key), None, "taken once");
    }

    #[test]
    fn the_open_form_is_mirrored_until_closed_and_forget_all_clears_everything() {
        let folder = FolderId::parse("1").unwrap();
        let draft =
            Draft { base: None, original: TokenForm::new(folder.clone()), form: TokenForm::new(folder) };
        mirror_open("edit/7", Some(draft.clone()));
        assert_eq!(open_draft(), Some(("edit/7".to_owned(), draft.clone())));
        close_open("edit/8");
        assert!(open_draft().is_some(), "another form closing leaves it");
        close_open("edit/7");
        assert_eq!(open_draft(), None);
        mirror_open("edit/7", Some(draft.clone()));
        mirror_open("edit/7", None);
        assert_eq!(open_draft(), None, "no unsaved changes, nothing to keep");

        keep("edit/7", draft.clone());
        keep("create/1", draft.clone());
        mirror_open("edit/7", Some(draft.clone()));
        let token = TokenId::parse("7").unwrap();
        keep_dialog(&token, DialogDraft::Delete);
        forget_all();
        assert_eq!((take("edit/7"), take("create/1"), open_draft()), (None, None, None));
        assert_eq!(take_dialog(&token), None);
        keep_dialog(&token, DialogDraft::Delete);
        assert_eq!(take_dialog(&token), None, "refused after Disconnect");
        // The form's cleanup runs after Disconnect: refused until the next connect.
        keep("edit/7", draft.clone());
        assert_eq!(take("edit/7"), None);
        accept();
        keep("edit/7", draft.clone());
        assert_eq!(take("edit/7"), Some(draft));
        keep_dialog(&token, DialogDraft::Duplicate { name: "n".into(), description: "d".into() });
        assert_eq!(
            take_dialog(&token),
            Some(DialogDraft::Duplicate { name: "n".into(), description: "d".into() })
        );
        assert_eq!(take_dialog(&token), None, "taken once");
    }
}
