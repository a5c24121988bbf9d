//! "Test lookup" on the token page: the Profiles API called for one key, as a web page would
//! (`tester`), what its answer means (`model`), and the code to paste into a page (`snippets`,
//! shown by `snippets_view`).
pub mod model;
pub mod snippets;
mod snippets_view;
pub mod tester;
pub mod text;

pub use snippets_view::Snippets;
pub use tester::LookupTester;
