//! The screens outside a parent segment: connect (or, embedded, waiting for the host's
//! credential), the parent segment list, not found.
pub mod connect;
pub mod host_refused;
pub mod not_found;
pub mod parent_segments;
mod proxy_connect;
pub mod text;

pub use connect::ConnectPage;
pub use host_refused::HostRefusedPage;
pub use not_found::NotFoundPage;
pub use parent_segments::ParentSegmentsPage;
