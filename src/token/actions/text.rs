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
    fn en(&self) -> &'static str {
        crate::words!(self,
            TokenActions => "Token actions",
            Move => "Move",
            Moving => "Moving…",
            Duplicate => "Duplicate",
            Duplicating => "Duplicating…",
            Delete => "Delete",
            Deleting => "Deleting…",
            Undo => "Undo",
            KeptChoice => "Connected again: here is what you had chosen.",
            KeptEntries => "Connected again: here is what you had entered.",
            MoveTitle => "Move Profiles API Token",
            MoveLead => "Select a different destination folder for “{0}”, then select Move.",
            DestinationFolder => "Destination folder",
            Destination => "Destination: {0}",
            NoDestination => "No destination selected yet.",
            NotMoved => "The token was not moved.",
            Moved => "Moved “{0}” to “{1}”.",
            MovedBack => "Moved “{0}” back to “{1}”.",
            UndoFailed => "Could not undo the move of “{0}”.",
            DuplicateTitle => "Duplicate Profiles API Token",
            DuplicateLead => "Rename the copy of “{0}” and optionally enter a description.",
            DuplicateHint => "The copy gets the same Lookup Key, attributes and segments, in the same \
                folder, and a token UUID of its own.",
            DescriptionOptional => "Description (optional)",
            NameTaken => "A token of this parent segment already has this name.",
            CheckedSoFar => "Checked against the tokens in the folders loaded so far; the server checks the \
                rest.",
            NotDuplicated => "The token was not duplicated.",
            NotCreatedNoAnswer => "No answer came, and the folder shows no new token: it was not created.",
            Duplicated => "Duplicated as “{0}”.",
            DeleteTitle => "Delete Profiles API Token",
            DeleteLead => "You are about to delete this Profiles API token:",
            DeleteConsequence => "Every web page or tool that calls the Profiles API with this UUID stops \
                getting segments and attributes at once. It served:",
            ServedKey => "Lookup Key: ",
            ServedAttributes => "Attributes: ",
            ServedSegments => "Segments: ",
            NoneServed => "none",
            CannotBeUndone => "This cannot be undone.",
            NotDeleted => "The token was not deleted.",
            Deleted => "Deleted “{0}”.",
            AlreadyDeleted => "“{0}” had already been deleted (someone else, or another tab, did it).",
        )
    }

    fn ja(&self) -> &'static str {
        crate::words!(self,
            TokenActions => "トークンの操作",
            Move => "移動",
            Moving => "移動中…",
            Duplicate => "複製",
            Duplicating => "複製中…",
            Delete => "削除",
            Deleting => "削除中…",
            Undo => "元に戻す",
            KeptChoice => "再接続しました。選んでいた内容はこちらです。",
            KeptEntries => "再接続しました。入力していた内容はこちらです。",
            MoveTitle => "Profiles API トークンを移動",
            MoveLead => "「{0}」の移動先フォルダを選び、「移動」を選択してください。",
            DestinationFolder => "移動先フォルダ",
            Destination => "移動先: {0}",
            NoDestination => "移動先はまだ選ばれていません。",
            NotMoved => "トークンは移動されませんでした。",
            Moved => "「{0}」を「{1}」に移動しました。",
            MovedBack => "「{0}」を「{1}」に戻しました。",
            UndoFailed => "「{0}」の移動を元に戻せませんでした。",
            DuplicateTitle => "Profiles API トークンを複製",
            DuplicateLead => "「{0}」のコピーに名前を付け、必要なら説明を入力してください。",
            DuplicateHint => "コピーは同じ Lookup Key、属性、セグメントを持ち、同じフォルダに作られ、\
                独自のトークン UUID を持ちます。",
            DescriptionOptional => "説明 (任意)",
            NameTaken => "このペアレントセグメントには、すでにこの名前のトークンがあります。",
            CheckedSoFar => "これまでに読み込んだフォルダのトークンと照合しました。\
                残りはサーバーが確認します。",
            NotDuplicated => "トークンは複製されませんでした。",
            NotCreatedNoAnswer => "応答がなく、フォルダに新しいトークンもありません。作成されていません。",
            Duplicated => "「{0}」として複製しました。",
            DeleteTitle => "Profiles API トークンを削除",
            DeleteLead => "この Profiles API トークンを削除しようとしています:",
            DeleteConsequence => "この UUID で Profiles API を呼び出すすべての Web ページやツールは、\
                ただちにセグメントと属性を受け取れなくなります。このトークンが提供していたもの:",
            ServedKey => "Lookup Key: ",
            ServedAttributes => "属性: ",
            ServedSegments => "セグメント: ",
            NoneServed => "なし",
            CannotBeUndone => "この操作は元に戻せません。",
            NotDeleted => "トークンは削除されませんでした。",
            Deleted => "「{0}」を削除しました。",
            AlreadyDeleted => "「{0}」はすでに削除されていました (別のユーザーか別のタブによって)。",
        )
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
