//! The token form's words (fields, hints, the rules it checks, the edit form and the create
//! wizard), in English and Japanese. The limits come in as numbers.

use crate::i18n::{one, two, Arg, Args, Catalogue, Language, Localized, NO_ARGS};
use std::borrow::Cow;

/// A character as a message names it.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub enum Char {
    #[default]
    Space,
    Digit(char),
    Control(u32),
    Other(char),
}

impl Char {
    pub fn of(c: char) -> Self {
        match c {
            ' ' => Self::Space,
            c if c.is_ascii_digit() => Self::Digit(c),
            c if c.is_control() => Self::Control(c as u32),
            c => Self::Other(c),
        }
    }

    fn en(self) -> String {
        match self {
            Self::Space => "a space".into(),
            Self::Digit(c) => format!("a digit (“{c}”)"),
            Self::Control(n) => format!("a control character (U+{n:04X})"),
            Self::Other(c) => format!("“{c}”"),
        }
    }

    fn ja(self) -> String {
        match self {
            Self::Space => "スペース".into(),
            Self::Digit(c) => format!("数字 (“{c}”)"),
            Self::Control(n) => format!("制御文字 (U+{n:04X})"),
            Self::Other(c) => format!("“{c}”"),
        }
    }
}

/// A character's name in each language, as the name rule's messages put it in.
impl Localized for Char {
    fn in_language(&self, language: Language) -> Cow<'static, str> {
        match language {
            Language::En => self.en(),
            Language::Ja => self.ja(),
        }
        .into()
    }
}

#[derive(Clone, Debug, PartialEq, Eq)]
#[cfg_attr(test, derive(strum::EnumIter))]
#[repr(u8)]
pub enum FormText {
    NameRule,
    Optional,
    EnterName,
    NameStart(Char),
    NameContains(Char),
    /// Its length and the limit.
    NameTooLong(usize, usize),
    KeyDefaultOption,
    KeyHint,
    KeyDefaultNote,
    KeyPassedNote,
    /// Chosen and the limit.
    AttributeCount(usize, usize),
    /// Chosen and the limit, when no more may be chosen.
    AttributesFull(usize, usize),
    NoAttributes,
    ChosenAttributes,
    Remove,
    LoadingColumns,
    ColumnsFailed,
    NoAttributeMatches,
    /// The limit.
    SegmentsLead(usize),
    /// Chosen and the limit.
    SegmentCount(usize, usize),
    /// Chosen and the limit, when no more may be added.
    SegmentsFull(usize, usize),
    AddSegment,
    SegmentsOfToken,
    Action,
    SearchSegments,
    NoSegmentMatches,
    DoneAdding,
    LoadingSegments,
    SegmentsFailed,
    /// The limit.
    TooManyAttributes(usize),
    DuplicateAttribute(String),
    /// The limit.
    TooManySegments(usize),
    DuplicateSegment(String),
    AttributeTwice,
    SegmentTwice,
    RefusedValues,
    /// On a field the server refused without saying why.
    RefusedValue,
}

impl FormText {
    /// How many attributes are chosen of the `max` allowed.
    pub fn attribute_count(chosen: usize, max: usize) -> Self {
        if chosen >= max {
            Self::AttributesFull(chosen, max)
        } else {
            Self::AttributeCount(chosen, max)
        }
    }

    /// How many segments are chosen of the `max` allowed.
    pub fn segment_count(chosen: usize, max: usize) -> Self {
        if chosen >= max {
            Self::SegmentsFull(chosen, max)
        } else {
            Self::SegmentCount(chosen, max)
        }
    }
}

impl Catalogue for FormText {
    fn en(&self) -> &'static str {
        crate::words!(self,
            NameRule => "Letters, digits, underscores (_) and spaces; it must start with a letter or an \
                underscore.",
            Optional => "Optional.",
            EnterName => "Enter a name.",
            NameStart => "The name must start with a letter or an underscore, not {0}.",
            NameContains => "The name cannot contain {0}. Letters, digits, underscores (_) and spaces; it \
                must start with a letter or an underscore.",
            NameTooLong => "The name is {0} characters long; at most {1} are allowed.",
            KeyDefaultOption => "td_global_id (default)",
            KeyHint => "A column with a unique value inside the parent segment. This key identifies the \
                correct profile.",
            KeyDefaultNote => "With td_global_id, the Profiles API reads the key from the browser's \
                td_global_id cookie: lookups work from web pages on your site, not from a server or a test \
                tool. Choose another column to look profiles up by a value you pass.",
            KeyPassedNote => "Web pages pass this column's value with each lookup.",
            AttributesFull => "{0} of {1} attributes: the maximum. Remove one to add another.",
            AttributeCount => "{0} of {1} attributes (optional).",
            NoAttributes => "No attributes: lookups return segments only.",
            ChosenAttributes => "Chosen attributes",
            Remove => "Remove",
            LoadingColumns => "Loading columns…",
            ColumnsFailed => "Could not load the parent segment's columns.",
            NoAttributeMatches => "No attribute matches.",
            SegmentsLead => "Add up to {0} Segments. A lookup answers with the ones the profile is in.",
            SegmentsFull => "{0} of {1} segments: the maximum. Remove one to add another.",
            SegmentCount => "{0} of {1} segments.",
            AddSegment => "Add Segment",
            SegmentsOfToken => "Segments of this token",
            Action => "Action",
            SearchSegments => "Search segments",
            NoSegmentMatches => "No segment matches.",
            DoneAdding => "Done adding",
            LoadingSegments => "Loading segments…",
            SegmentsFailed => "Could not load the segments.",
            TooManyAttributes => "A token can have at most {0} attributes. Remove one before adding another.",
            DuplicateAttribute => "“{0}” is already one of the attributes.",
            TooManySegments => "A token can have at most {0} segments. Remove one before adding another.",
            DuplicateSegment => "“{0}” is already one of the segments.",
            AttributeTwice => "An attribute is listed twice.",
            SegmentTwice => "A segment is listed twice.",
            RefusedValues => "Not saved: the server refused some values. See the messages on the fields.",
            RefusedValue => "The server refused this value.",
        )
    }

    fn ja(&self) -> &'static str {
        crate::words!(self,
            NameRule => "英字、数字、アンダースコア (_)、スペースが使えます。\
                先頭は英字またはアンダースコアにしてください。",
            Optional => "任意。",
            EnterName => "名前を入力してください。",
            NameStart => "名前の先頭は英字またはアンダースコアにしてください ({0}は使えません)。",
            NameContains => "名前に{0}は使えません。英字、数字、アンダースコア (_)、スペースが使えます。\
                先頭は英字またはアンダースコアにしてください。",
            NameTooLong => "名前が {0} 文字あります。{1} 文字以内にしてください。",
            KeyDefaultOption => "td_global_id (デフォルト)",
            KeyHint => "ペアレントセグメント内で一意の値を持つ列です。\
                このキーで正しいプロファイルを特定します。",
            KeyDefaultNote => "td_global_id の場合、Profiles API はブラウザの td_global_id Cookie \
                からキーを読み取ります。ルックアップはサーバーやテストツールからではなく、あなたのサイトの \
                Web ページから動作します。渡した値でプロファイルを検索するには、別の列を選んでください。",
            KeyPassedNote => "Web ページはルックアップのたびにこの列の値を渡します。",
            AttributesFull => "属性 {0} / {1} 個: 上限です。追加するには 1 つ削除してください。",
            AttributeCount => "属性 {0} / {1} 個 (任意)。",
            NoAttributes => "属性なし: ルックアップはセグメントだけを返します。",
            ChosenAttributes => "選択した属性",
            Remove => "削除",
            LoadingColumns => "列を読み込み中…",
            ColumnsFailed => "ペアレントセグメントの列を読み込めませんでした。",
            NoAttributeMatches => "一致する属性はありません。",
            SegmentsLead => "セグメントを {0} 個まで追加できます。ルックアップは、\
                プロファイルが含まれるセグメントを返します。",
            SegmentsFull => "セグメント {0} / {1} 個: 上限です。追加するには 1 つ削除してください。",
            SegmentCount => "セグメント {0} / {1} 個。",
            AddSegment => "セグメントを追加",
            SegmentsOfToken => "このトークンのセグメント",
            Action => "操作",
            SearchSegments => "セグメントを検索",
            NoSegmentMatches => "一致するセグメントはありません。",
            DoneAdding => "追加を終了",
            LoadingSegments => "セグメントを読み込み中…",
            SegmentsFailed => "セグメントを読み込めませんでした。",
            TooManyAttributes => "トークンの属性は {0} 個までです。追加する前に 1 つ削除してください。",
            DuplicateAttribute => "“{0}” はすでに属性に含まれています。",
            TooManySegments => "トークンのセグメントは {0} 個までです。追加する前に 1 つ削除してください。",
            DuplicateSegment => "“{0}” はすでにセグメントに含まれています。",
            AttributeTwice => "同じ属性が 2 回指定されています。",
            SegmentTwice => "同じセグメントが 2 回指定されています。",
            RefusedValues => "保存されませんでした: サーバーが一部の値を拒否しました。\
                各フィールドのメッセージを確認してください。",
            RefusedValue => "サーバーがこの値を拒否しました。",
        )
    }

    fn args(&self) -> Args<'_> {
        match self {
            // The character as each language names it.
            Self::NameStart(c) | Self::NameContains(c) => one(Arg::Words(c)),
            Self::NameTooLong(a, b)
            | Self::AttributeCount(a, b)
            | Self::AttributesFull(a, b)
            | Self::SegmentCount(a, b)
            | Self::SegmentsFull(a, b) => two(a, b),
            Self::SegmentsLead(n) | Self::TooManyAttributes(n) | Self::TooManySegments(n) => one(n),
            Self::DuplicateAttribute(name) | Self::DuplicateSegment(name) => one(name),
            _ => NO_ARGS,
        }
    }
}

crate::catalogue!(FormText);

#[cfg(test)]
mod numbers {
    use super::*;
    use crate::i18n::Language::{En, Ja};
    use crate::i18n::Localized;

    #[test]
    fn limits_and_counts_are_put_in() {
        assert_eq!(FormText::attribute_count(2, 5).in_language(En), "2 of 5 attributes (optional).");
        assert_eq!(FormText::attribute_count(2, 5).in_language(Ja), "属性 2 / 5 個 (任意)。");
        assert!(FormText::attribute_count(5, 5).in_language(Ja).contains("上限"));
        assert!(FormText::segment_count(15, 15).in_language(En).contains("the maximum"));
        assert!(FormText::TooManySegments(15).in_language(Ja).contains("15 個まで"));
        assert!(FormText::NameTooLong(300, 255).in_language(Ja).contains("300 文字"));
        assert!(FormText::NameContains(Char::of('-')).in_language(Ja).contains("“-”"));
        assert!(FormText::NameStart(Char::of('1')).in_language(En).contains("a digit (“1”)"));
    }
}
