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
    fn en(&self) -> &'static str {
        crate::words!(self,
            LoadingParentSegment => "Loading parent segment…",
            ParentSegmentFailed => "Could not load the parent segment.",
            ThisParentSegment => "This parent segment",
            NoFolderTree => "This parent segment has no folder tree yet.",
            Folders => "Folders",
            FoldersOf => "Folders of {0}",
            Refresh => "Refresh",
            CreateNew => "Create New",
            ProfilesApiToken => "Profiles API Token",
            Folder => "Folder",
            FolderPathFailed => "Could not load this folder's path.",
            LoadingFolder => "Loading folder…",
            FolderFailed => "Could not load this folder.",
            FolderEmpty => "This folder is empty.",
            Name => "Name",
            Type => "Type",
            Population => "Population",
            Breadcrumb => "Breadcrumb",
            KindBatchSegment => "Batch segment",
            KindRealtimeSegment => "Realtime segment",
            KindFunnelStage => "Funnel stage",
            KindToken => "Profiles API token",
        )
    }

    fn ja(&self) -> &'static str {
        crate::words!(self,
            LoadingParentSegment => "ペアレントセグメントを読み込み中…",
            ParentSegmentFailed => "ペアレントセグメントを読み込めませんでした。",
            ThisParentSegment => "このペアレントセグメント",
            NoFolderTree => "このペアレントセグメントにはまだフォルダツリーがありません。",
            Folders => "フォルダ",
            FoldersOf => "{0} のフォルダ",
            Refresh => "更新",
            CreateNew => "新規作成",
            ProfilesApiToken => "Profiles API トークン",
            Folder => "フォルダ",
            FolderPathFailed => "このフォルダのパスを読み込めませんでした。",
            LoadingFolder => "フォルダを読み込み中…",
            FolderFailed => "このフォルダを読み込めませんでした。",
            FolderEmpty => "このフォルダは空です。",
            Name => "名前",
            Type => "種類",
            Population => "人数",
            Breadcrumb => "パンくずリスト",
            KindBatchSegment => "バッチセグメント",
            KindRealtimeSegment => "リアルタイムセグメント",
            KindFunnelStage => "ファネルステージ",
            KindToken => "Profiles API トークン",
        )
    }

    fn args(&self) -> Args<'_> {
        match self {
            Self::FoldersOf(name) => one(name),
            _ => NO_ARGS,
        }
    }
}

crate::catalogue!(BrowseText);
