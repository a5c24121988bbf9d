//! Profiles Studio: a console for Treasure Data Profiles API tokens.
//!
//! The code is grouped by feature: `api` alone knows URLs and JSON; `session` is the
//! connection, the router and what survives a page change; `tree` is the folder tree (pure
//! model, store, views); `browse` the layout around it and the folder pages; `token` a token's
//! pages, its form and its actions; `screens` the pages outside a parent segment; `ui` the
//! generic widgets they are built from; `embed` is the API a host page mounts instances with;
//! `i18n` the two languages every text exists in.
pub mod api;
mod app;
pub mod browse;
pub mod clock;
pub mod config;
mod context;
pub mod embed;
pub mod fleeting;
pub mod format;
pub mod i18n;
pub mod instance;
pub mod mount;
pub mod recovery;
pub mod routes;
pub mod screens;
pub mod session;
#[cfg(test)]
mod test_support;
pub mod token;
pub mod tree;
pub mod ui;

pub use app::App;
