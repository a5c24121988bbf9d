//! Client-side state: the session, the hash route and the one folder-tree store.
pub mod draft_storage;
pub mod drafts;
pub mod handoff;
pub mod router;
pub mod session;
#[cfg(test)]
mod test_tokens;
pub mod token_form;
#[cfg(test)]
mod token_form_tests;
pub mod token_ops;
mod tree_edit;
pub mod tree_filter;
pub mod tree_fresh;
pub mod tree_keys;
pub mod tree_layout;
pub mod tree_model;
mod tree_picker;
pub mod tree_store;
#[cfg(test)]
mod tree_tests;

pub use handoff::{use_handoff, Handoff};
pub use router::{use_router, HashRouter};
pub use session::{Credentials, Session};
pub use tree_edit::token_entity;
pub use tree_keys::{KeyOutcome, TreeKey};
pub use tree_layout::{Layout, Piece};
pub use tree_model::{Below, LoadState, NodeKey, Row, TreeModel};
pub use tree_picker::{REASON_CURRENT, REASON_NO_EDIT, REASON_NO_VIEW};
pub use tree_store::{use_tree, TreeStore};
