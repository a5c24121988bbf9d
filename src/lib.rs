//! Profiles Studio: a console for Treasure Data Profiles API tokens.
pub mod api;
mod app;
pub mod clock;
pub mod components;
pub mod config;
pub mod format;
pub mod pages;
pub mod recovery;
pub mod routes;
pub mod state;

pub use app::App;
