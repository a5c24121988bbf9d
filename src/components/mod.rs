//! Reusable widgets. Each file holds one component family.
pub mod breadcrumbs;
pub mod copy_button;
pub mod dialog;
pub mod error_view;
pub mod focus;
pub mod icon;
pub mod picker;
pub mod spinner;
pub mod tabs;
pub mod toast;
pub mod tree;
mod tree_filter_box;
mod tree_item;
pub mod viewport;

pub use breadcrumbs::{Breadcrumbs, Crumb};
pub use copy_button::CopyButton;
pub use dialog::Dialog;
pub use error_view::{explain, ErrorView};
pub use icon::KindIcon;
pub use picker::{Picker, PickerOption};
pub use spinner::{Loading, Spinner};
pub use tabs::{TabList, TabPanel};
pub use tree::Tree;
pub use tree_filter_box::TreeFilterBox;
