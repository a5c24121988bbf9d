//! The generic widgets' words, in English and Japanese.

use crate::i18n::{one, Args, Catalogue, NO_ARGS};

#[derive(Clone)]
#[cfg_attr(test, derive(Debug, strum::EnumIter))]
pub enum UiText {
    Retry,
    Cancel,
    Copy,
    Copied,
    CopyFailed,
    Dismiss,
    Notifications,
    /// A picker option already chosen.
    Added,
    Loading,
    NotFound,
    ThisPage,
    /// `{what} does not exist…`; `what` already in the current language.
    DoesNotExist(String),
    BackToParentSegments,
    /// The list of a picker labelled `{0}`.
    PickerOptions(String),
}

impl Catalogue for UiText {
    fn en(&self) -> &'static str {
        crate::words!(self,
            Retry => "Retry",
            Cancel => "Cancel",
            Copy => "Copy",
            Copied => "Copied",
            CopyFailed => "Copy failed: select the text and copy it manually",
            Dismiss => "Dismiss",
            Notifications => "Notifications",
            Added => "Added",
            Loading => "Loading…",
            NotFound => "Not found",
            ThisPage => "This page",
            DoesNotExist => "{0} does not exist, or it was moved or deleted.",
            BackToParentSegments => "Back to parent segments",
            PickerOptions => "{0} options",
        )
    }

    fn ja(&self) -> &'static str {
        crate::words!(self,
            Retry => "再試行",
            Cancel => "キャンセル",
            Copy => "コピー",
            Copied => "コピーしました",
            CopyFailed => "コピーできませんでした。テキストを選択して手動でコピーしてください",
            Dismiss => "閉じる",
            Notifications => "通知",
            Added => "追加済み",
            Loading => "読み込み中…",
            NotFound => "見つかりません",
            ThisPage => "このページ",
            DoesNotExist => "{0}は存在しないか、移動または削除されました。",
            BackToParentSegments => "ペアレントセグメント一覧に戻る",
            PickerOptions => "{0}の候補",
        )
    }

    fn args(&self) -> Args<'_> {
        match self {
            Self::DoesNotExist(what) | Self::PickerOptions(what) => one(what),
            _ => NO_ARGS,
        }
    }
}

crate::catalogue!(UiText);
