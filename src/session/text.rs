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
    #[inline(never)]
    fn en(&self) -> &'static str {
        match self {
            Self::KeyRefused => {
                "The API key was not accepted any more (401). Connect again to continue where you were."
            }
            Self::HostCredentialRefused => {
                "The console's credential was not accepted (401). Your unsaved changes are kept here until it \
                 hands over a new one."
            }
            Self::Disconnect => "Disconnect",
            Self::ThroughProxy(_) => "Through the proxy at {0}",
            Self::Language => "Language",
            Self::LeaveTitle => "Leave without saving?",
            Self::LeaveQuestion(_) => "You have not saved {0}. If you leave this page, they are lost.",
            Self::Stay => "Stay on this page",
            Self::LeaveAndDiscard => "Leave and discard",
        }
    }

    #[inline(never)]
    fn ja(&self) -> &'static str {
        match self {
            Self::KeyRefused => {
                "API キーが受け付けられなくなりました (401)。もう一度接続すると、作業していた場所から続けられます。"
            }
            Self::HostCredentialRefused => {
                "コンソールの認証情報が受け付けられませんでした (401)。新しい認証情報が渡されるまで、\
                 保存していない変更はここに保持されます。"
            }
            Self::Disconnect => "切断",
            Self::ThroughProxy(_) => "プロキシ経由 ({0})",
            Self::Language => "言語",
            Self::LeaveTitle => "保存せずに移動しますか?",
            Self::LeaveQuestion(_) => "{0}はまだ保存されていません。このページを離れると失われます。",
            Self::Stay => "このページに留まる",
            Self::LeaveAndDiscard => "破棄して移動",
        }
    }

    fn args(&self) -> Args<'_> {
        match self {
            Self::ThroughProxy(text) | Self::LeaveQuestion(text) => one(text),
            _ => NO_ARGS,
        }
    }
}

crate::catalogue!(SessionText);
