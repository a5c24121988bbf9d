//! Profiles Studio: a console for Treasure Data Profiles API tokens.
pub mod api;
