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
    fn en(&self) -> &'static str {
        crate::words!(self,
            EditToken => "Edit Profiles API Token",
            LoadingToken => "Loading token…",
            TokenFailed => "Could not load the token.",
            ThisToken => "This Profiles API token",
            NoDescription => "No description",
            NoneChosen => "None",
            Name => "Name",
            Description => "Description",
            LookupKey => "Lookup Key",
            Attributes => "Attributes",
            Segments => "Segments",
            Folder => "Folder",
            TokenUuid => "Token UUID",
            Created => "Created",
            Updated => "Updated",
            Kind => "Kind",
            Population => "Population",
            NoSegmentsYet => "No segments yet.",
            WhoWhen => "{0}, {1}",
            SegmentNoAccess => "Segment #{0} (no access)",
            SegmentDetail => "{0} · {1} profiles",
        )
    }

    fn ja(&self) -> &'static str {
        crate::words!(self,
            EditToken => "Profiles API トークンを編集",
            LoadingToken => "トークンを読み込み中…",
            TokenFailed => "トークンを読み込めませんでした。",
            ThisToken => "この Profiles API トークン",
            NoDescription => "説明なし",
            NoneChosen => "なし",
            Name => "名前",
            Description => "説明",
            LookupKey => "Lookup Key",
            Attributes => "属性",
            Segments => "セグメント",
            Folder => "フォルダ",
            TokenUuid => "トークン UUID",
            Created => "作成",
            Updated => "更新",
            Kind => "種類",
            Population => "人数",
            NoSegmentsYet => "セグメントはまだありません。",
            WhoWhen => "{0}、{1}",
            SegmentNoAccess => "セグメント #{0} (アクセス権なし)",
            SegmentDetail => "{0} · {1} プロファイル",
        )
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
