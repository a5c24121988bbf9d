//! The typed CDP API client: the only place that knows URLs and JSON.
mod client;
mod error;
pub mod models;
mod region;

pub use client::Client;
pub use error::{ApiError, FieldError};
pub use models::*;
pub use region::Region;
