//! One module per screen.
mod browse;
mod connect;
mod folder;
mod header;
mod not_found;
mod parent_segments;
mod token;
mod token_details;

pub use browse::BrowsePage;
pub use connect::ConnectPage;
pub use folder::FolderPage;
pub use header::AppHeader;
pub use not_found::NotFoundPage;
pub use parent_segments::ParentSegmentsPage;
pub use token::TokenPage;
