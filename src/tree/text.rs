//! The tree's words (filter, status lines, why a folder can't be picked), in English and
//! Japanese.

use crate::i18n::{one, Args, Catalogue, NO_ARGS};

#[derive(Clone, PartialEq, Eq)]
#[cfg_attr(test, derive(Debug, strum::EnumIter))]
#[repr(u8)]
pub enum TreeText {
    Filter,
    FilterPlaceholder,
    /// The filter's status line (see [`TreeText::matches`]): none, one, or that many, the
    /// number as the language writes it (digits grouped).
    NoMatches,
    OneMatch,
    Matches(String),
    LoadingFolders,
    FoldersFailed,
    NoFoldersYet,
    EmptyFolder,
    NoSubfolders,
    /// Why a picker item can't be chosen.
    CurrentFolder,
    NoEditPermission,
    NoAccess,
}

impl TreeText {
    /// How many items match the filter; `written`: `n` as the language writes it.
    pub fn matches(n: usize, written: String) -> Self {
        match n {
            0 => Self::NoMatches,
            1 => Self::OneMatch,
            _ => Self::Matches(written),
        }
    }
}

impl Catalogue for TreeText {
    fn en(&self) -> &'static str {
        crate::words!(self,
            Filter => "Filter",
            FilterPlaceholder => "Folder or token name",
            NoMatches => "No matches",
            OneMatch => "1 match",
            Matches => "{0} matches",
            LoadingFolders => "Loading folders…",
            FoldersFailed => "Could not load the folders.",
            NoFoldersYet => "No folders or tokens yet.",
            EmptyFolder => "Empty folder",
            NoSubfolders => "No subfolders",
            CurrentFolder => "Current folder",
            NoEditPermission => "No edit permission",
            NoAccess => "No access",
        )
    }

    fn ja(&self) -> &'static str {
        crate::words!(self,
            Filter => "絞り込み",
            FilterPlaceholder => "フォルダ名またはトークン名",
            NoMatches => "一致なし",
            OneMatch => "1 件一致",
            Matches => "{0} 件一致",
            LoadingFolders => "フォルダを読み込み中…",
            FoldersFailed => "フォルダを読み込めませんでした。",
            NoFoldersYet => "フォルダもトークンもまだありません。",
            EmptyFolder => "空のフォルダ",
            NoSubfolders => "サブフォルダなし",
            CurrentFolder => "現在のフォルダ",
            NoEditPermission => "編集権限なし",
            NoAccess => "アクセス権なし",
        )
    }

    fn args(&self) -> Args<'_> {
        match self {
            Self::Matches(written) => one(written),
            _ => NO_ARGS,
        }
    }
}

crate::catalogue!(TreeText);

#[cfg(test)]
mod counts {
    use super::*;
    use crate::i18n::Language::{En, Ja};
    use crate::i18n::Localized;

    #[test]
    fn match_counts_put_the_number_in() {
        let matches = |n: usize, written: &str| TreeText::matches(n, written.into());
        assert_eq!(matches(0, "0").in_language(En), "No matches");
        assert_eq!(matches(1, "1").in_language(En), "1 match");
        assert_eq!(matches(12, "12").in_language(En), "12 matches");
        assert_eq!(matches(20_000, "20,000").in_language(En), "20,000 matches");
        assert_eq!(matches(0, "0").in_language(Ja), "一致なし");
        assert_eq!(matches(20_000, "20,000").in_language(Ja), "20,000 件一致");
    }
}
