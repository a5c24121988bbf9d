//! The screens outside a parent segment: connect, the parent segment list, not found.
pub mod connect;
pub mod not_found;
pub mod parent_segments;

pub use connect::ConnectPage;
pub use not_found::NotFoundPage;
pub use parent_segments::ParentSegmentsPage;
