//! The session's words (header, leaving with unsaved work, refused credentials), in English
//! and Japanese.

use crate::i18n::{one, Args, Catalogue, NO_ARGS};

#[derive(Clone, PartialEq)]
#[cfg_attr(test, derive(Debug, strum::EnumIter))]
pub enum SessionText {
    KeyRefused,
    HostCredentialRefused,
    Disconnect,
    /// `{0}`: the proxy's base URL.
    ThroughProxy(String),
    Language,
    LeaveTitle,
    /// `{0}`: what is unsaved, already in the current language.
    LeaveQuestion(String),
    Stay,
    LeaveAndDiscard,
}

impl Catalogue for SessionText {
    fn en(&self) -> &'static str {
        crate::words!(self,
            KeyRefused => "The API key was not accepted any more (401). Connect again to continue where you \
                were.",
            HostCredentialRefused => "The console's credential was not accepted (401). Your unsaved changes \
                are kept here until it hands over a new one.",
            Disconnect => "Disconnect",
            ThroughProxy => "Through the proxy at {0}",
            Language => "Language",
            LeaveTitle => "Leave without saving?",
            LeaveQuestion => "You have not saved {0}. If you leave this page, they are lost.",
            Stay => "Stay on this page",
            LeaveAndDiscard => "Leave and discard",
        )
    }

    fn ja(&self) -> &'static str {
        crate::words!(self,
            KeyRefused => "API キーが受け付けられなくなりました (401)。もう一度接続すると、\
                作業していた場所から続けられます。",
            HostCredentialRefused => "コンソールの認証情報が受け付けられませんでした (401)。\
                新しい認証情報が渡されるまで、保存していない変更はここに保持されます。",
            Disconnect => "切断",
            ThroughProxy => "プロキシ経由 ({0})",
            Language => "言語",
            LeaveTitle => "保存せずに移動しますか?",
            LeaveQuestion => "{0}はまだ保存されていません。このページを離れると失われます。",
            Stay => "このページに留まる",
            LeaveAndDiscard => "破棄して移動",
        )
    }

    fn args(&self) -> Args<'_> {
        match self {
            Self::ThroughProxy(text) | Self::LeaveQuestion(text) => one(text),
            _ => NO_ARGS,
        }
    }
}

crate::catalogue!(SessionText);
