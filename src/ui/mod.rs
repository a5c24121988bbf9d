//! Generic widgets that know nothing of tokens or trees: dialog, tabs, picker, toast, progress,
//! icons, error messages and the viewport. Each file holds one component family.
pub mod copy_button;
pub mod dialog;
pub mod error_view;
pub mod icon;
pub mod loaded;
pub mod picker;
pub mod spinner;
pub mod tabs;
pub mod text;
pub mod toast;
pub mod viewport;

pub use copy_button::CopyButton;
pub use dialog::{close_unless_pending, Dialog, DialogFooter};
pub use error_view::{explain, ErrorView};
pub use icon::KindIcon;
pub use loaded::{loaded, NotFoundBody, Read};
pub use picker::{Picker, PickerOption};
pub use spinner::{Loading, Spinner};
pub use tabs::{TabList, TabPanel};
