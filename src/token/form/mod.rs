//! A token's form: the pure model with the name rule (`model`), the fields shared by the edit
//! page and the create wizard (`fields`), those two pages (`edit`, `create`), and the drafts
//! that keep unsaved work across a rejected key or a crash (`drafts`, `draft_storage`).
pub mod create;
pub mod draft_storage;
pub mod drafts;
pub mod edit;
pub mod fields;
pub mod model;
#[cfg(test)]
mod model_tests;
pub mod page_text;
pub mod text;

pub use edit::TokenEditPage;
