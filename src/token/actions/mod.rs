//! A token page's actions: the bar of buttons (`bar`), the Move, Duplicate and Delete dialogs,
//! and their pure side (`ops`: the bodies they send and how an undo is made).
pub mod bar;
mod delete;
mod duplicate;
mod move_dialog;
pub mod ops;
pub mod text;
