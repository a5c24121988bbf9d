//! "Test lookup" on the token page: the Profiles API called for one key, as a web page would
//! (`tester`), what its answer means (`model`), and the code to paste into a page (`snippets`).
pub mod model;
pub mod tester;

pub use tester::LookupTester;
