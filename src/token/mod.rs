//! One Profiles API token: its page (`page`, `details`), how a page loads it (`loader`), its
//! form (`form`: edit and create) and its actions (`actions`: Move, Duplicate, Delete).
pub mod actions;
pub mod details;
pub mod form;
pub mod loader;
pub mod page;
pub mod writes;

pub use form::TokenEditPage;
pub use page::TokenPage;
