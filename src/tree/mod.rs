//! The folder tree of a parent segment: the pure model (`model`, extended by `edit`, `filter`,
//! `fresh`, `keys`, `layout`, `picker`; no Leptos, tested natively), the reactive store that
//! loads folders into it (`store`), and its views (`view`, `item`, `filter_box`). The same
//! model in picker mode serves the Move dialog's folder picker.
pub mod edit;
pub mod filter;
pub mod filter_box;
pub mod fresh;
pub mod item;
pub mod keys;
pub mod layout;
pub mod model;
pub mod picker;
pub mod store;
#[cfg(test)]
mod tests;
pub mod text;
pub mod view;

pub use edit::token_entity;
pub use filter_box::TreeFilterBox;
pub use keys::{KeyOutcome, TreeKey};
pub use layout::{Layout, Piece};
pub use model::{Below, LoadState, NodeKey, Row, TreeModel};
pub use store::{use_tree, TreeStore};
pub use view::Tree;
