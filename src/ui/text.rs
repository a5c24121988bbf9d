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
    #[inline(never)]
    fn en(&self) -> &'static str {
        match self {
            Self::Retry => "Retry",
            Self::Cancel => "Cancel",
            Self::Copy => "Copy",
            Self::Copied => "Copied",
            Self::CopyFailed => "Copy failed: select the text and copy it manually",
            Self::Dismiss => "Dismiss",
            Self::Notifications => "Notifications",
            Self::Added => "Added",
            Self::Loading => "Loading…",
            Self::NotFound => "Not found",
            Self::ThisPage => "This page",
            Self::DoesNotExist(_) => "{0} does not exist, or it was moved or deleted.",
            Self::BackToParentSegments => "Back to parent segments",
            Self::PickerOptions(_) => "{0} options",
        }
    }

    #[inline(never)]
    fn ja(&self) -> &'static str {
        match self {
            Self::Retry => "再試行",
            Self::Cancel => "キャンセル",
            Self::Copy => "コピー",
            Self::Copied => "コピーしました",
            Self::CopyFailed => "コピーできませんでした。テキストを選択して手動でコピーしてください",
            Self::Dismiss => "閉じる",
            Self::Notifications => "通知",
            Self::Added => "追加済み",
            Self::Loading => "読み込み中…",
            Self::NotFound => "見つかりません",
            Self::ThisPage => "このページ",
            Self::DoesNotExist(_) => "{0}は存在しないか、移動または削除されました。",
            Self::BackToParentSegments => "ペアレントセグメント一覧に戻る",
            Self::PickerOptions(_) => "{0}の候補",
        }
    }

    fn args(&self) -> Args<'_> {
        match self {
            Self::DoesNotExist(what) | Self::PickerOptions(what) => one(what),
            _ => NO_ARGS,
        }
    }
}

crate::catalogue!(UiText);
