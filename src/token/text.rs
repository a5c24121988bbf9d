//! A token's words shared by its pages, form and dialogs (field names, the token page, how a
//! segment the user may not view is named), in English and Japanese.

use crate::api::SegmentRef;
use crate::i18n::{one, two, Args, Catalogue, Language, Localized, NO_ARGS};

#[derive(Clone)]
#[cfg_attr(test, derive(Debug, strum::EnumIter))]
pub enum TokenText {
    EditToken,
    LoadingToken,
    TokenFailed,
    ThisToken,
    NoDescription,
    NoneChosen,
    Name,
    Description,
    LookupKey,
    Attributes,
    Segments,
    Folder,
    TokenUuid,
    Created,
    Updated,
    Kind,
    Population,
    NoSegmentsYet,
    /// Who and when, both already formatted.
    WhoWhen(String, String),
    /// A segment the user may not view, by its id.
    SegmentNoAccess(String),
    /// `{0}` of `{1}` and the population: a segment option's detail.
    SegmentDetail(String, String),
}

impl Catalogue for TokenText {
    #[inline(never)]
    fn en(&self) -> &'static str {
        match self {
            Self::EditToken => "Edit Profiles API Token",
            Self::LoadingToken => "Loading token…",
            Self::TokenFailed => "Could not load the token.",
            Self::ThisToken => "This Profiles API token",
            Self::NoDescription => "No description",
            Self::NoneChosen => "None",
            Self::Name => "Name",
            Self::Description => "Description",
            Self::LookupKey => "Lookup Key",
            Self::Attributes => "Attributes",
            Self::Segments => "Segments",
            Self::Folder => "Folder",
            Self::TokenUuid => "Token UUID",
            Self::Created => "Created",
            Self::Updated => "Updated",
            Self::Kind => "Kind",
            Self::Population => "Population",
            Self::NoSegmentsYet => "No segments yet.",
            Self::WhoWhen(..) => "{0}, {1}",
            Self::SegmentNoAccess(_) => "Segment #{0} (no access)",
            Self::SegmentDetail(..) => "{0} · {1} profiles",
        }
    }

    #[inline(never)]
    fn ja(&self) -> &'static str {
        match self {
            Self::EditToken => "Profiles API トークンを編集",
            Self::LoadingToken => "トークンを読み込み中…",
            Self::TokenFailed => "トークンを読み込めませんでした。",
            Self::ThisToken => "この Profiles API トークン",
            Self::NoDescription => "説明なし",
            Self::NoneChosen => "なし",
            Self::Name => "名前",
            Self::Description => "説明",
            Self::LookupKey => "Lookup Key",
            Self::Attributes => "属性",
            Self::Segments => "セグメント",
            Self::Folder => "フォルダ",
            Self::TokenUuid => "トークン UUID",
            Self::Created => "作成",
            Self::Updated => "更新",
            Self::Kind => "種類",
            Self::Population => "人数",
            Self::NoSegmentsYet => "セグメントはまだありません。",
            Self::WhoWhen(..) => "{0}、{1}",
            Self::SegmentNoAccess(_) => "セグメント #{0} (アクセス権なし)",
            Self::SegmentDetail(..) => "{0} · {1} プロファイル",
        }
    }

    fn args(&self) -> Args<'_> {
        match self {
            Self::WhoWhen(a, b) | Self::SegmentDetail(a, b) => two(a, b),
            Self::SegmentNoAccess(id) => one(id),
            _ => NO_ARGS,
        }
    }
}

crate::catalogue!(TokenText);

/// How the form, the pages and the dialogs name a segment: its name, or "Segment #id (no
/// access)" when the user may not view it.
pub fn segment_label(s: &SegmentRef, language: Language) -> String {
    match &s.name {
        Some(name) => name.clone(),
        None => TokenText::SegmentNoAccess(s.id.to_string()).in_language(language).into_owned(),
    }
}
