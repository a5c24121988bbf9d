//! One Profiles API token: its page (`page`, `details`), how a page loads it (`loader`), its
//! form (`form`: edit and create), its actions (`actions`: Move, Duplicate, Delete) and the
//! lookup tester (`lookup`).
pub mod actions;
pub mod details;
pub mod form;
pub mod loader;
pub mod lookup;
pub mod page;
pub mod text;
pub mod writes;

pub use form::TokenEditPage;
pub use page::TokenPage;
