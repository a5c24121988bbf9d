//! Unsaved forms kept in memory when their page goes away without the user discarding them
//! (a rejected key sends the user to the connect screen, which unmounts the page): opened again
//! in this instance, the page takes its draft back. Memory only, one book per app instance; the
//! one exception is a panic, when `draft_storage` writes the open form (see `open_draft`) to
//! sessionStorage for "Reload".

use crate::api::{FolderId, TokenId};
use crate::token::form::draft_storage;
use crate::token::form::model::TokenForm;
use leptos::prelude::*;
use std::cell::RefCell;
use std::collections::HashMap;
use std::rc::Rc;

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

/// The key of the edit form of a token.
pub fn edit_key(token: &TokenId) -> String {
    format!("edit/{token}")
}

/// The key of the create wizard in a folder.
pub fn create_key(folder: &FolderId) -> String {
    format!("create/{folder}")
}

/// The drafts of one app instance, as a plain value (tested natively). Reached through
/// [`Drafts`] in the app, and by the panic hook through the instance's crash registration.
#[derive(Debug, Default)]
pub struct DraftBook {
    drafts: HashMap<String, Draft>,
    dialogs: HashMap<TokenId, DialogDraft>,
    /// The form open right now with unsaved changes, mirrored outside Leptos: after a panic
    /// the reactive state may be what broke, and the panic hook must still find the draft.
    open: Option<(String, Draft)>,
    /// Set by Disconnect until the next connect: the form unmounting after Disconnect must not
    /// keep its draft again (its cleanup runs after `forget_all`).
    refused: bool,
}

impl DraftBook {
    /// Keeps `draft` under `key`, replacing any earlier one (not between Disconnect and connect).
    pub fn keep(&mut self, key: &str, draft: Draft) {
        if !self.refused {
            self.drafts.insert(key.to_owned(), draft);
        }
    }

    /// Takes the draft kept under `key`, if any (it is then forgotten).
    pub fn take(&mut self, key: &str) -> Option<Draft> {
        self.drafts.remove(key)
    }

    /// Keeps the input of `token`'s open dialog (not between Disconnect and connect).
    pub fn keep_dialog(&mut self, token: &TokenId, draft: DialogDraft) {
        if !self.refused {
            self.dialogs.insert(token.clone(), draft);
        }
    }

    /// Takes the dialog input kept for `token`, if any (it is then forgotten).
    pub fn take_dialog(&mut self, token: &TokenId) -> Option<DialogDraft> {
        self.dialogs.remove(token)
    }

    /// The open form `key` now has unsaved changes `draft`, or none (`None`).
    pub fn mirror_open(&mut self, key: &str, draft: Option<Draft>) {
        self.open = draft.map(|d| (key.to_owned(), d));
    }

    /// The form `key` closed: it is no longer the open one.
    pub fn close_open(&mut self, key: &str) {
        if self.open.as_ref().is_some_and(|(k, _)| k == key) {
            self.open = None;
        }
    }

    /// The open form's draft, for the panic hook.
    pub fn open_draft(&self) -> Option<(String, Draft)> {
        self.open.clone()
    }

    /// Disconnect: every draft of this session is forgotten, kept or open, and none is kept
    /// until `accept` (the next connect).
    pub fn forget_all(&mut self) {
        self.refused = true;
        self.drafts.clear();
        self.dialogs.clear();
        self.open = None;
    }

    /// A session started: drafts are kept again.
    pub fn accept(&mut self) {
        self.refused = false;
    }
}

/// The instance's [`DraftBook`], shared by its pages (context, made by the mount). The book sits
/// behind an `Rc` and not in a signal so that the panic hook can read it without Leptos.
#[derive(Clone, Copy)]
pub struct Drafts {
    book: StoredValue<Rc<RefCell<DraftBook>>, LocalStorage>,
    /// This instance's sessionStorage key for the draft a crash left (`draft_storage`).
    crash_key: StoredValue<String>,
}

impl Drafts {
    pub fn new(book: Rc<RefCell<DraftBook>>, crash_key: &str) -> Self {
        Self { book: StoredValue::new_local(book), crash_key: StoredValue::new(crash_key.to_owned()) }
    }

    /// The sessionStorage key of this instance's draft after a crash.
    pub fn crash_key(&self) -> String {
        self.crash_key.try_get_value().unwrap_or_default()
    }

    /// Disconnect: forgets every draft, in memory and the one a crash left in storage.
    pub fn forget_all(&self) {
        self.with(DraftBook::forget_all);
        draft_storage::forget(&self.crash_key());
    }

    /// Runs `f` on the book; `None` if the instance is gone or the book is mid-update (a
    /// cleanup or the panic hook must not panic in turn).
    pub fn with<R>(&self, f: impl FnOnce(&mut DraftBook) -> R) -> Option<R> {
        let book = self.book.try_get_value()?;
        let mut book = book.try_borrow_mut().ok()?;
        Some(f(&mut book))
    }
}

impl Drafts {
    /// Takes the draft a form left under `key`, if any: the form starts from it.
    pub fn take(&self, key: &str) -> Option<Draft> {
        self.with(|b| b.take(key)).flatten()
    }

    /// Looks after the calling form's unsaved work for as long as its owner lives: while
    /// `unsaved` (tracked) returns a draft, it is mirrored as the open form for the panic hook
    /// (which cannot read signals); when the form goes away with one, it is kept under `key`.
    pub fn follow_form(&self, key: String, unsaved: impl Fn() -> Option<Draft> + Send + Sync + 'static) {
        let this = *self;
        let unsaved = std::sync::Arc::new(unsaved);
        let (open_key, open_unsaved) = (key.clone(), unsaved.clone());
        Effect::new(move |_| {
            let draft = open_unsaved();
            this.with(|b| b.mirror_open(&open_key, draft));
        });
        on_cleanup(move || {
            // Cleanups run before the owner's signals are disposed: `unsaved` can still read them.
            let left = untrack(|| unsaved());
            this.with(|b| {
                b.close_open(&key);
                if let Some(draft) = left {
                    b.keep(&key, draft);
                }
            });
        });
    }
}

/// The drafts of the calling component's instance.
pub fn use_drafts() -> Drafts {
    crate::context::required::<Drafts>("Drafts")
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn kept_until_taken() {
        let mut b = DraftBook::default();
        let folder = FolderId::parse("1").unwrap();
        let mut form = TokenForm::new(folder.clone());
        form.name = "Draft".into();
        let draft = Draft { base: Some("t".into()), original: TokenForm::new(folder.clone()), form };
        let key = edit_key(&TokenId::parse("5").unwrap());
        assert_eq!(key, "edit/5");
        assert_eq!(create_key(&folder), "create/1");
        b.keep(&key, draft.clone());
        assert_eq!(b.take("edit/6"), None);
        assert_eq!(b.take(&key), Some(draft));
        assert_eq!(b.take(&key), None, "taken once");
    }

    #[test]
    fn the_open_form_is_mirrored_until_closed_and_forget_all_clears_everything() {
        let mut b = DraftBook::default();
        let folder = FolderId::parse("1").unwrap();
        let draft =
            Draft { base: None, original: TokenForm::new(folder.clone()), form: TokenForm::new(folder) };
        b.mirror_open("edit/7", Some(draft.clone()));
        assert_eq!(b.open_draft(), Some(("edit/7".to_owned(), draft.clone())));
        b.close_open("edit/8");
        assert!(b.open_draft().is_some(), "another form closing leaves it");
        b.close_open("edit/7");
        assert_eq!(b.open_draft(), None);
        b.mirror_open("edit/7", Some(draft.clone()));
        b.mirror_open("edit/7", None);
        assert_eq!(b.open_draft(), None, "no unsaved changes, nothing to keep");

        b.keep("edit/7", draft.clone());
        b.keep("create/1", draft.clone());
        b.mirror_open("edit/7", Some(draft.clone()));
        let token = TokenId::parse("7").unwrap();
        b.keep_dialog(&token, DialogDraft::Delete);
        b.forget_all();
        assert_eq!((b.take("edit/7"), b.take("create/1"), b.open_draft()), (None, None, None));
        assert_eq!(b.take_dialog(&token), None);
        b.keep_dialog(&token, DialogDraft::Delete);
        assert_eq!(b.take_dialog(&token), None, "refused after Disconnect");
        // The form's cleanup runs after Disconnect: refused until the next connect.
        b.keep("edit/7", draft.clone());
        assert_eq!(b.take("edit/7"), None);
        b.accept();
        b.keep("edit/7", draft.clone());
        assert_eq!(b.take("edit/7"), Some(draft));
        b.keep_dialog(&token, DialogDraft::Duplicate { name: "n".into(), description: "d".into() });
        assert_eq!(
            b.take_dialog(&token),
            Some(DialogDraft::Duplicate { name: "n".into(), description: "d".into() })
        );
        assert_eq!(b.take_dialog(&token), None, "taken once");
    }
}
