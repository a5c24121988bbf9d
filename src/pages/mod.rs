//! One module per screen.
mod browse;
mod connect;
mod create_new;
mod create_token;
mod delete_dialog;
mod duplicate_dialog;
mod folder;
mod header;
mod leave_guard;
mod move_dialog;
mod not_found;
mod parent_segments;
mod token;
mod token_actions;
mod token_details;
mod token_edit;
mod token_form_fields;
mod token_loader;

pub use browse::BrowsePage;
pub use connect::ConnectPage;
pub use folder::FolderPage;
pub use header::AppHeader;
pub use leave_guard::LeaveGuard;
pub use not_found::NotFoundPage;
pub use parent_segments::ParentSegmentsPage;
pub use token::TokenPage;
pub use token_edit::TokenEditPage;
