//! The words of Move, Duplicate and Delete (buttons, dialogs, toasts), in English and Japanese.

use crate::i18n::{one, two, Args, Catalogue, NO_ARGS};

#[derive(Clone)]
#[cfg_attr(test, derive(Debug, strum::EnumIter))]
pub enum ActionText {
    TokenActions,
    Move,
    Moving,
    Duplicate,
    Duplicating,
    Delete,
    Deleting,
    Undo,
    KeptChoice,
    KeptEntries,
    // Move
    MoveTitle,
    /// `{0}`: the token's name.
    MoveLead(String),
    DestinationFolder,
    /// `{0}`: the chosen folder's name.
    Destination(String),
    NoDestination,
    NotMoved,
    /// Token, destination.
    Moved(String, String),
    /// Token, the folder it came from.
    MovedBack(String, String),
    /// `{0}`: the token's name.
    UndoFailed(String),
    // Duplicate
    DuplicateTitle,
    /// `{0}`: the original's name.
    DuplicateLead(String),
    DuplicateHint,
    DescriptionOptional,
    NameTaken,
    CheckedSoFar,
    NotDuplicated,
    NotCreatedNoAnswer,
    /// `{0}`: the copy's name.
    Duplicated(String),
    // Delete
    DeleteTitle,
    DeleteLead,
    DeleteConsequence,
    /// `{0}`: the token's Lookup Key.
    ServedKey,
    ServedAttributes,
    ServedSegments,
    NoneServed,
    CannotBeUndone,
    NotDeleted,
    /// `{0}`: the token's name.
    Deleted(String),
    /// `{0}`: the token's name.
    AlreadyDeleted(String),
}

impl Catalogue for ActionText {
    #[inline(never)]
    fn en(&self) -> &'static str {
        match self {
            Self::TokenActions => "Token actions",
            Self::Move => "Move",
            Self::Moving => "Moving…",
            Self::Duplicate => "Duplicate",
            Self::Duplicating => "Duplicating…",
            Self::Delete => "Delete",
            Self::Deleting => "Deleting…",
            Self::Undo => "Undo",
            Self::KeptChoice => "Connected again: here is what you had chosen.",
            Self::KeptEntries => "Connected again: here is what you had entered.",
            Self::MoveTitle => "Move Profiles API Token",
            Self::MoveLead(_) => "Select a different destination folder for “{0}”, then select Move.",
            Self::DestinationFolder => "Destination folder",
            Self::Destination(_) => "Destination: {0}",
            Self::NoDestination => "No destination selected yet.",
            Self::NotMoved => "The token was not moved.",
            Self::Moved(..) => "Moved “{0}” to “{1}”.",
            Self::MovedBack(..) => "Moved “{0}” back to “{1}”.",
            Self::UndoFailed(_) => "Could not undo the move of “{0}”.",
            Self::DuplicateTitle => "Duplicate Profiles API Token",
            Self::DuplicateLead(_) => "Rename the copy of “{0}” and optionally enter a description.",
            Self::DuplicateHint => {
                "The copy gets the same Lookup Key, attributes and segments, in the same folder, and a token \
                 UUID of its own."
            }
            Self::DescriptionOptional => "Description (optional)",
            Self::NameTaken => "A token of this parent segment already has this name.",
            Self::CheckedSoFar => {
                "Checked against the tokens in the folders loaded so far; the server checks the rest."
            }
            Self::NotDuplicated => "The token was not duplicated.",
            Self::NotCreatedNoAnswer => "No answer came, and the folder shows no new token: it was not created.",
            Self::Duplicated(_) => "Duplicated as “{0}”.",
            Self::DeleteTitle => "Delete Profiles API Token",
            Self::DeleteLead => "You are about to delete this Profiles API token:",
            Self::DeleteConsequence => {
                "Every web page or tool that calls the Profiles API with this UUID stops getting segments and \
                 attributes at once. It served:"
            }
            Self::ServedKey => "Lookup Key: ",
            Self::ServedAttributes => "Attributes: ",
            Self::ServedSegments => "Segments: ",
            Self::NoneServed => "none",
            Self::CannotBeUndone => "This cannot be undone.",
            Self::NotDeleted => "The token was not deleted.",
            Self::Deleted(_) => "Deleted “{0}”.",
            Self::AlreadyDeleted(_) => "“{0}” had already been deleted (someone else, or another tab, did it).",
        }
    }

    #[inline(never)]
    fn ja(&self) -> &'static str {
        match self {
            Self::TokenActions => "トークンの操作",
            Self::Move => "移動",
            Self::Moving => "移動中…",
            Self::Duplicate => "複製",
            Self::Duplicating => "複製中…",
            Self::Delete => "削除",
            Self::Deleting => "削除中…",
            Self::Undo => "元に戻す",
            Self::KeptChoice => "再接続しました。選んでいた内容はこちらです。",
            Self::KeptEntries => "再接続しました。入力していた内容はこちらです。",
            Self::MoveTitle => "Profiles API トークンを移動",
            Self::MoveLead(_) => "「{0}」の移動先フォルダを選び、「移動」を選択してください。",
            Self::DestinationFolder => "移動先フォルダ",
            Self::Destination(_) => "移動先: {0}",
            Self::NoDestination => "移動先はまだ選ばれていません。",
            Self::NotMoved => "トークンは移動されませんでした。",
            Self::Moved(..) => "「{0}」を「{1}」に移動しました。",
            Self::MovedBack(..) => "「{0}」を「{1}」に戻しました。",
            Self::UndoFailed(_) => "「{0}」の移動を元に戻せませんでした。",
            Self::DuplicateTitle => "Profiles API トークンを複製",
            Self::DuplicateLead(_) => "「{0}」のコピーに名前を付け、必要なら説明を入力してください。",
            Self::DuplicateHint => {
                "コピーは同じ Lookup Key、属性、セグメントを持ち、同じフォルダに作られ、独自のトークン UUID を持ちます。"
            }
            Self::DescriptionOptional => "説明 (任意)",
            Self::NameTaken => "このペアレントセグメントには、すでにこの名前のトークンがあります。",
            Self::CheckedSoFar => "これまでに読み込んだフォルダのトークンと照合しました。残りはサーバーが確認します。",
            Self::NotDuplicated => "トークンは複製されませんでした。",
            Self::NotCreatedNoAnswer => "応答がなく、フォルダに新しいトークンもありません。作成されていません。",
            Self::Duplicated(_) => "「{0}」として複製しました。",
            Self::DeleteTitle => "Profiles API トークンを削除",
            Self::DeleteLead => "この Profiles API トークンを削除しようとしています:",
            Self::DeleteConsequence => {
                "この UUID で Profiles API を呼び出すすべての Web ページやツールは、ただちにセグメントと属性を\
                 受け取れなくなります。このトークンが提供していたもの:"
            }
            Self::ServedKey => "Lookup Key: ",
            Self::ServedAttributes => "属性: ",
            Self::ServedSegments => "セグメント: ",
            Self::NoneServed => "なし",
            Self::CannotBeUndone => "この操作は元に戻せません。",
            Self::NotDeleted => "トークンは削除されませんでした。",
            Self::Deleted(_) => "「{0}」を削除しました。",
            Self::AlreadyDeleted(_) => "「{0}」はすでに削除されていました (別のユーザーか別のタブによって)。",
        }
    }

    fn args(&self) -> Args<'_> {
        match self {
            Self::MoveLead(a)
            | Self::Destination(a)
            | Self::UndoFailed(a)
            | Self::DuplicateLead(a)
            | Self::Duplicated(a)
            | Self::Deleted(a)
            | Self::AlreadyDeleted(a) => one(a),
            Self::Moved(a, b) | Self::MovedBack(a, b) => two(a, b),
            _ => NO_ARGS,
        }
    }
}

crate::catalogue!(ActionText);
