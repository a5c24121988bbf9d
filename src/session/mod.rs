//! The session of one app instance: the connection (credentials and the client), the router,
//! the hand-overs between pages, the guard on unsaved work, and the header that ends it all.
pub mod connection;
pub mod frame;
pub mod handoff;
pub mod header;
pub mod language_switch;
pub mod leave_guard;
pub mod router;
pub mod text;

pub use connection::{use_session, Credentials, Session};
pub use handoff::{use_handoff, Handoff};
pub use header::AppHeader;
pub use leave_guard::LeaveGuard;
pub use router::{use_router, History, Router};
