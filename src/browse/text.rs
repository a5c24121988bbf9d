//! The browse layout's and folder pages' words, in English and Japanese.

use crate::api::SegmentKind;
use crate::i18n::Catalogue;

#[derive(Clone)]
#[cfg_attr(test, derive(Debug, strum::EnumIter))]
pub enum BrowseText {
    LoadingParentSegment,
    ParentSegmentFailed,
    ThisParentSegment,
    NoFolderTree,
    Folders,
    /// The tree's name: `{0}` is the parent segment's.
    FoldersOf(String),
    Refresh,
    CreateNew,
    ProfilesApiToken,
    Folder,
    FolderPathFailed,
    LoadingFolder,
    FolderFailed,
    FolderEmpty,
    Name,
    Type,
    Population,
    Breadcrumb,
    /// What a kind of entry is called in tables.
    Kind(KindName),
}

/// The kinds of entry the console names (an unknown kind is shown as the API names it).
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
#[cfg_attr(test, derive(strum::EnumIter))]
pub enum KindName {
    #[default]
    Folder,
    BatchSegment,
    RealtimeSegment,
    FunnelStage,
    Token,
}

impl From<SegmentKind> for KindName {
    fn from(kind: SegmentKind) -> Self {
        match kind {
            SegmentKind::Batch => Self::BatchSegment,
            SegmentKind::Realtime => Self::RealtimeSegment,
            SegmentKind::FunnelStage => Self::FunnelStage,
        }
    }
}

impl Catalogue for BrowseText {
    fn en(&self) -> &'static str {
        match self {
            Self::LoadingParentSegment => "Loading parent segment…",
            Self::ParentSegmentFailed => "Could not load the parent segment.",
            Self::ThisParentSegment => "This parent segment",
            Self::NoFolderTree => "This parent segment has no folder tree yet.",
            Self::Folders => "Folders",
            Self::FoldersOf(_) => "Folders of {0}",
            Self::Refresh => "Refresh",
            Self::CreateNew => "Create New",
            Self::ProfilesApiToken => "Profiles API Token",
            Self::Folder => "Folder",
            Self::FolderPathFailed => "Could not load this folder's path.",
            Self::LoadingFolder => "Loading folder…",
            Self::FolderFailed => "Could not load this folder.",
            Self::FolderEmpty => "This folder is empty.",
            Self::Name => "Name",
            Self::Type => "Type",
            Self::Population => "Population",
            Self::Breadcrumb => "Breadcrumb",
            Self::Kind(kind) => match kind {
                KindName::Folder => "Folder",
                KindName::BatchSegment => "Batch segment",
                KindName::RealtimeSegment => "Realtime segment",
                KindName::FunnelStage => "Funnel stage",
                KindName::Token => "Profiles API token",
            },
        }
    }

    fn ja(&self) -> &'static str {
        match self {
            Self::LoadingParentSegment => "ペアレントセグメントを読み込み中…",
            Self::ParentSegmentFailed => "ペアレントセグメントを読み込めませんでした。",
            Self::ThisParentSegment => "このペアレントセグメント",
            Self::NoFolderTree => "このペアレントセグメントにはまだフォルダツリーがありません。",
            Self::Folders => "フォルダ",
            Self::FoldersOf(_) => "{0} のフォルダ",
            Self::Refresh => "更新",
            Self::CreateNew => "新規作成",
            Self::ProfilesApiToken => "Profiles API トークン",
            Self::Folder => "フォルダ",
            Self::FolderPathFailed => "このフォルダのパスを読み込めませんでした。",
            Self::LoadingFolder => "フォルダを読み込み中…",
            Self::FolderFailed => "このフォルダを読み込めませんでした。",
            Self::FolderEmpty => "このフォルダは空です。",
            Self::Name => "名前",
            Self::Type => "種類",
            Self::Population => "人数",
            Self::Breadcrumb => "パンくずリスト",
            Self::Kind(kind) => match kind {
                KindName::Folder => "フォルダ",
                KindName::BatchSegment => "バッチセグメント",
                KindName::RealtimeSegment => "リアルタイムセグメント",
                KindName::FunnelStage => "ファネルステージ",
                KindName::Token => "Profiles API トークン",
            },
        }
    }

    fn args(&self) -> Vec<String> {
        match self {
            Self::FoldersOf(name) => vec![name.clone()],
            _ => Vec::new(),
        }
    }
}

crate::catalogue!(BrowseText);

#[cfg(test)]
mod kind_tests {
    use super::*;
    use crate::i18n::check;
    use strum::IntoEnumIterator;

    #[test]
    fn every_kind_is_named_in_both_languages() {
        for kind in KindName::iter() {
            check::message(&BrowseText::Kind(kind), &format!("{kind:?}"));
        }
    }
}
