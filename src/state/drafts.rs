//! Unsaved forms kept in memory when their page goes away without the user discarding them
//! (a rejected key sends the user to the connect screen, which unmounts the page): opened again
//! in this tab, the page takes its draft back. Memory only; never written to storage.

use super::token_form::TokenForm;
use std::cell::RefCell;
use std::collections::HashMap;

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
}

/// The key of the edit form of a token.
pub fn edit_key(token: &crate::api::TokenId) -> String {
    format!("edit/{token}")
}

/// The key of the create wizard in a folder.
pub fn create_key(folder: &crate::api::FolderId) -> String {
    format!("create/{folder}")
}

/// Keeps `draft` under `key`, replacing any earlier one.
pub fn keep(key: &str, draft: Draft) {
    DRAFTS.with(|d| d.borrow_mut().insert(key.to_owned(), draft));
}

/// Takes the draft kept under `key`, if any (it is then forgotten).
pub fn take(key: &str) -> Option<Draft> {
    DRAFTS.with(|d| d.borrow_mut().remove(key))
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::api::{FolderId, TokenId};

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
}
