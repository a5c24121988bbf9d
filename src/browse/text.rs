//! The browse layout's and folder pages' words, in English and Japanese.

use crate::api::SegmentKind;
use crate::i18n::{one, Args, Catalogue, NO_ARGS};

#[derive(Clone)]
#[cfg_attr(test, derive(Debug, strum::EnumIter))]
#[repr(u8)]
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
    /// What a kind of entry is called in tables (a folder: `Folder`; `From<SegmentKind>` names
    /// a segment's).
    KindBatchSegment,
    KindRealtimeSegment,
    KindFunnelStage,
    KindToken,
}

impl From<SegmentKind> for BrowseText {
    fn from(kind: SegmentKind) -> Self {
        match kind {
            SegmentKind::Batch => Self::KindBatchSegment,
            SegmentKind::Realtime => Self::KindRealtimeSegment,
            SegmentKind::FunnelStage => Self::KindFunnelStage,
        }
    }
}

impl Catalogue for BrowseText {
    #[inline(never)]
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
            Self::KindBatchSegment => "Batch segment",
            Self::KindRealtimeSegment => "Realtime segment",
            Self::KindFunnelStage => "Funnel stage",
            Self::KindToken => "Profiles API token",
        }
    }

    #[inline(never)]
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
            Self::KindBatchSegment => "バッチセグメント",
            Self::KindRealtimeSegment => "リアルタイムセグメント",
            Self::KindFunnelStage => "ファネルステージ",
            Self::KindToken => "Profiles API トークン",
        }
    }

    fn args(&self) -> Args<'_> {
        match self {
            Self::FoldersOf(name) => one(name),
            _ => NO_ARGS,
        }
    }
}

crate::catalogue!(BrowseText);
