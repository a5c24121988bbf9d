//! One module per screen.
mod browse;
mod connect;
mod delete_dialog;
mod duplicate_dialog;
mod folder;
mod header;
mod move_dialog;
mod not_found;
mod parent_segments;
mod token;
mod token_actions;
mod token_details;

pub use browse::BrowsePage;
pub use connect::ConnectPage;
pub use folder::FolderPage;
pub use header::AppHeader;
pub use not_found::NotFoundPage;
pub use parent_segments::ParentSegmentsPage;
pub use token::TokenPage;
