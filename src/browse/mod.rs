//! Browsing a parent segment: the layout (header, tree, content pane), the folder page with its
//! table and "Create New" menu, and the breadcrumbs.
pub mod breadcrumbs;
pub mod create_new;
pub mod folder;
pub mod folder_table;
pub mod layout;
pub mod text;

pub use breadcrumbs::{Breadcrumbs, Crumb};
pub use folder::FolderPage;
pub use folder_table::FolderTable;
pub use layout::BrowsePage;
