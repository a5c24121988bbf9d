//! The lookup tester's and the snippets' words, in English and Japanese (the snippets' code
//! and its comments stay English, as code does).

use crate::i18n::{one, two, Args, Catalogue, NO_ARGS};

#[derive(Clone, PartialEq)]
#[cfg_attr(test, derive(Debug, strum::EnumIter))]
#[repr(u8)]
pub enum LookupText {
    TestLookup,
    LookUp,
    LookingUp,
    /// `{0}`: the Lookup Key column.
    EnterValue(String),
    /// Before and after `td_global_id` in the cookie explanation.
    CookieKeyBefore,
    CookieKeyAfter,
    Lagging,
    /// Before, between and after the two `lookupBase`s.
    NoHostBefore,
    NoHostBetween,
    NoHostAfter,
    /// Status, latency in ms.
    HttpStatus(u16, u32),
    /// Latency in ms.
    NoHttpAnswer(u32),
    /// How many of the token's segments matched (see [`LookupText::summary`]): none; the one
    /// of one; `{0}` of `{1}`.
    InNoSegment,
    InTheOneSegment,
    Summary(usize, usize),
    TokenSegments,
    In,
    NotIn,
    RawAnswer,
    Attribute,
    Value,
    // Failures
    UnknownToken(String),
    /// The status and the message; the message when the error object had no status.
    RefusedWithStatus(u64, String),
    Refused(String),
    Status(u16),
    /// The host.
    Unreachable(String),
    /// The host.
    Timeout(String),
    /// The start of the answer, the host.
    Garbled(String, String),
    /// Key column, value.
    NoProfile(String, String),
    // Snippets
    Snippets,
    /// Before and after `VALUE`.
    SnippetsBefore,
    SnippetsAfter,
    /// `{0}`: the snippet's title.
    CopySnippet(String),
}

impl LookupText {
    /// That `matched` of the token's `of` segments hold the profile.
    pub fn summary(matched: usize, of: usize) -> Self {
        match (matched, of) {
            (0, _) => Self::InNoSegment,
            (1, 1) => Self::InTheOneSegment,
            _ => Self::Summary(matched, of),
        }
    }
}

impl Catalogue for LookupText {
    #[inline(never)]
    fn en(&self) -> &'static str {
        match self {
            Self::TestLookup => "Test lookup",
            Self::LookUp => "Look up",
            Self::LookingUp => "Looking up…",
            Self::EnterValue(_) => "Enter the {0} of the profile to look up.",
            Self::CookieKeyBefore => "The Lookup Key is ",
            Self::CookieKeyAfter => {
                ": its value is this browser's Treasure Data cookie, not something to type. Look up sends this \
                 browser's cookies, so you test your own profile."
            }
            Self::Lagging => {
                "You saved a change to this token's Lookup Key, attributes or segments: lookups keep answering \
                 with the previous configuration until the token's workflow finishes."
            }
            Self::NoHostBefore => "Lookups need the Profiles API host of this API: set ",
            Self::NoHostBetween => " in config.json (embedded: the ",
            Self::NoHostAfter => " option).",
            Self::HttpStatus(..) => "HTTP {0} · {1} ms",
            Self::NoHttpAnswer(_) => "No HTTP answer · {0} ms",
            Self::InNoSegment => "This profile is in none of this token's segments: an empty answer, and a correct one.",
            Self::InTheOneSegment => "This profile is in 1 of this token's 1 segment.",
            Self::Summary(..) => "This profile is in {0} of this token's {1} segments.",
            Self::TokenSegments => "This token's segments",
            Self::In => "In",
            Self::NotIn => "Not in",
            Self::RawAnswer => "Raw answer",
            Self::Attribute => "Attribute",
            Self::Value => "Value",
            Self::UnknownToken(_) => {
                "The Profiles API does not know this token ({0}). A new token answers only once its workflow \
                 has run; check that the page uses this token's UUID and the right region."
            }
            Self::RefusedWithStatus(..) => {
                "The Profiles API refused the lookup (status {0}): {1}. The answer was an error object, not segments."
            }
            Self::Refused(_) => {
                "The Profiles API refused the lookup: {0}. The answer was an error object, not segments."
            }
            Self::Status(_) => "The Profiles API answered HTTP {0}. Try again in a moment.",
            Self::Unreachable(_) => {
                "No answer from {0}: it could not be reached, or the browser refused its answer. The likely \
                 causes are an ad or tracking blocker (many block treasuredata.com), a CORS policy that does not \
                 allow this page's origin, or the wrong region's host."
            }
            Self::Timeout(_) => "{0} did not answer within 10 seconds. Try again; if it persists, check the region.",
            Self::Garbled(..) => {
                "The answer was neither the lookup array nor an error object: “{0}”. Is {1} the Profiles API?"
            }
            Self::NoProfile(..) => {
                "No profile has {0} = “{1}” in this parent segment. Values are matched exactly (case and spaces \
                 count); check the value and that the {0} column holds it."
            }
            Self::Snippets => "Integration snippets",
            Self::SnippetsBefore => "Code for a web page or a shell, filled with this token. Replace ",
            Self::SnippetsAfter => " with the visitor's key.",
            Self::CopySnippet(_) => "Copy the {0} snippet",
        }
    }

    #[inline(never)]
    fn ja(&self) -> &'static str {
        match self {
            Self::TestLookup => "ルックアップをテスト",
            Self::LookUp => "ルックアップ",
            Self::LookingUp => "ルックアップ中…",
            Self::EnterValue(_) => "ルックアップするプロファイルの {0} を入力してください。",
            Self::CookieKeyBefore => "Lookup Key は ",
            Self::CookieKeyAfter => {
                " です。その値はこのブラウザの Treasure Data Cookie で、入力するものではありません。ルックアップは\
                 このブラウザの Cookie を送るため、あなた自身のプロファイルをテストします。"
            }
            Self::Lagging => {
                "このトークンの Lookup Key、属性、セグメントへの変更を保存しました。トークンのワークフローが完了する\
                 まで、ルックアップは以前の設定で応答し続けます。"
            }
            Self::NoHostBefore => "ルックアップにはこの API の Profiles API ホストが必要です。config.json の ",
            Self::NoHostBetween => " を設定してください (埋め込みの場合は ",
            Self::NoHostAfter => " オプション)。",
            Self::HttpStatus(..) => "HTTP {0} · {1} ミリ秒",
            Self::NoHttpAnswer(_) => "HTTP の応答なし · {0} ミリ秒",
            Self::InNoSegment => {
                "このプロファイルはこのトークンのどのセグメントにも含まれていません。空の応答で、それが正しい結果です。"
            }
            Self::InTheOneSegment => "このプロファイルは、このトークンの 1 個のセグメントのうち 1 個に含まれています。",
            Self::Summary(..) => "このプロファイルは、このトークンの {1} 個のセグメントのうち {0} 個に含まれています。",
            Self::TokenSegments => "このトークンのセグメント",
            Self::In => "含まれる",
            Self::NotIn => "含まれない",
            Self::RawAnswer => "応答そのもの",
            Self::Attribute => "属性",
            Self::Value => "値",
            Self::UnknownToken(_) => {
                "Profiles API はこのトークンを認識していません ({0})。新しいトークンはワークフローが実行されて初めて\
                 応答します。ページがこのトークンの UUID と正しいリージョンを使っているか確認してください。"
            }
            Self::RefusedWithStatus(..) => {
                "Profiles API がルックアップを拒否しました (ステータス {0}): {1}。応答はセグメントではなくエラー\
                 オブジェクトでした。"
            }
            Self::Refused(_) => {
                "Profiles API がルックアップを拒否しました: {0}。応答はセグメントではなくエラーオブジェクトでした。"
            }
            Self::Status(_) => "Profiles API が HTTP {0} で応答しました。しばらくしてからもう一度お試しください。",
            Self::Unreachable(_) => {
                "{0} から応答がありません。接続できなかったか、ブラウザが応答を拒否しました。考えられる原因は、\
                 広告・トラッキングブロッカー (多くは treasuredata.com をブロックします)、このページのオリジンを\
                 許可しない CORS ポリシー、または別のリージョンのホストです。"
            }
            Self::Timeout(_) => {
                "{0} が 10 秒以内に応答しませんでした。もう一度お試しください。続く場合はリージョンを確認してください。"
            }
            Self::Garbled(..) => {
                "応答はルックアップの配列でもエラーオブジェクトでもありませんでした: “{0}”。{1} は Profiles API ですか?"
            }
            Self::NoProfile(..) => {
                "このペアレントセグメントには {0} = “{1}” のプロファイルがありません。値は完全一致で照合されます \
                 (大文字小文字とスペースも区別)。値と、{0} 列にその値があることを確認してください。"
            }
            Self::Snippets => "連携用のコード例",
            Self::SnippetsBefore => "このトークンを埋め込んだ、Web ページやシェル用のコードです。",
            Self::SnippetsAfter => " を訪問者のキーに置き換えてください。",
            Self::CopySnippet(_) => "{0} のコードをコピー",
        }
    }

    fn args(&self) -> Args<'_> {
        match self {
            Self::EnterValue(a)
            | Self::UnknownToken(a)
            | Self::Unreachable(a)
            | Self::Timeout(a)
            | Self::CopySnippet(a)
            | Self::Refused(a) => one(a),
            Self::Garbled(a, b) | Self::NoProfile(a, b) => two(a, b),
            Self::HttpStatus(status, ms) => two(status, ms),
            Self::NoHttpAnswer(ms) => one(ms),
            Self::Summary(n, of) => two(n, of),
            Self::RefusedWithStatus(status, message) => two(status, message),
            Self::Status(status) => one(status),
            _ => NO_ARGS,
        }
    }
}

crate::catalogue!(LookupText);
