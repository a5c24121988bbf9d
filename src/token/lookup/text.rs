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
    fn en(&self) -> &'static str {
        crate::words!(self,
            TestLookup => "Test lookup",
            LookUp => "Look up",
            LookingUp => "Looking up…",
            EnterValue => "Enter the {0} of the profile to look up.",
            CookieKeyBefore => "The Lookup Key is ",
            CookieKeyAfter => ": its value is this browser's Treasure Data cookie, not something to type. \
                Look up sends this browser's cookies, so you test your own profile.",
            Lagging => "You saved a change to this token's Lookup Key, attributes or segments: lookups keep \
                answering with the previous configuration until the token's workflow finishes.",
            NoHostBefore => "Lookups need the Profiles API host of this API: set ",
            NoHostBetween => " in config.json (embedded: the ",
            NoHostAfter => " option).",
            HttpStatus => "HTTP {0} · {1} ms",
            NoHttpAnswer => "No HTTP answer · {0} ms",
            InNoSegment => "This profile is in none of this token's segments: an empty answer, and a correct \
                one.",
            InTheOneSegment => "This profile is in 1 of this token's 1 segment.",
            Summary => "This profile is in {0} of this token's {1} segments.",
            TokenSegments => "This token's segments",
            In => "In",
            NotIn => "Not in",
            RawAnswer => "Raw answer",
            Attribute => "Attribute",
            Value => "Value",
            UnknownToken => "The Profiles API does not know this token ({0}). A new token answers only once \
                its workflow has run; check that the page uses this token's UUID and the right region.",
            RefusedWithStatus => "The Profiles API refused the lookup (status {0}): {1}. The answer was an \
                error object, not segments.",
            Refused => "The Profiles API refused the lookup: {0}. The answer was an error object, not \
                segments.",
            Status => "The Profiles API answered HTTP {0}. Try again in a moment.",
            Unreachable => "No answer from {0}: it could not be reached, or the browser refused its answer. \
                The likely causes are an ad or tracking blocker (many block treasuredata.com), a CORS policy \
                that does not allow this page's origin, or the wrong region's host.",
            Timeout => "{0} did not answer within 10 seconds. Try again; if it persists, check the region.",
            Garbled => "The answer was neither the lookup array nor an error object: “{0}”. Is {1} the \
                Profiles API?",
            NoProfile => "No profile has {0} = “{1}” in this parent segment. Values are matched exactly \
                (case and spaces count); check the value and that the {0} column holds it.",
            Snippets => "Integration snippets",
            SnippetsBefore => "Code for a web page or a shell, filled with this token. Replace ",
            SnippetsAfter => " with the visitor's key.",
            CopySnippet => "Copy the {0} snippet",
        )
    }

    fn ja(&self) -> &'static str {
        crate::words!(self,
            TestLookup => "ルックアップをテスト",
            LookUp => "ルックアップ",
            LookingUp => "ルックアップ中…",
            EnterValue => "ルックアップするプロファイルの {0} を入力してください。",
            CookieKeyBefore => "Lookup Key は ",
            CookieKeyAfter => " です。その値はこのブラウザの Treasure Data Cookie で、\
                入力するものではありません。ルックアップはこのブラウザの Cookie を送るため、\
                あなた自身のプロファイルをテストします。",
            Lagging => "このトークンの Lookup Key、属性、セグメントへの変更を保存しました。\
                トークンのワークフローが完了するまで、ルックアップは以前の設定で応答し続けます。",
            NoHostBefore => "ルックアップにはこの API の Profiles API ホストが必要です。config.json の ",
            NoHostBetween => " を設定してください (埋め込みの場合は ",
            NoHostAfter => " オプション)。",
            HttpStatus => "HTTP {0} · {1} ミリ秒",
            NoHttpAnswer => "HTTP の応答なし · {0} ミリ秒",
            InNoSegment => "このプロファイルはこのトークンのどのセグメントにも含まれていません。空の応答で、\
                それが正しい結果です。",
            InTheOneSegment => "このプロファイルは、このトークンの 1 個のセグメントのうち 1 \
                個に含まれています。",
            Summary => "このプロファイルは、このトークンの {1} 個のセグメントのうち {0} 個に含まれています。",
            TokenSegments => "このトークンのセグメント",
            In => "含まれる",
            NotIn => "含まれない",
            RawAnswer => "応答そのもの",
            Attribute => "属性",
            Value => "値",
            UnknownToken => "Profiles API はこのトークンを認識していません ({0})。\
                新しいトークンはワークフローが実行されて初めて応答します。ページがこのトークンの UUID \
                と正しいリージョンを使っているか確認してください。",
            RefusedWithStatus => "Profiles API がルックアップを拒否しました (ステータス {0}): {1}。\
                応答はセグメントではなくエラーオブジェクトでした。",
            Refused => "Profiles API がルックアップを拒否しました: {0}。\
                応答はセグメントではなくエラーオブジェクトでした。",
            Status => "Profiles API が HTTP {0} で応答しました。しばらくしてからもう一度お試しください。",
            Unreachable => "{0} から応答がありません。接続できなかったか、ブラウザが応答を拒否しました。\
                考えられる原因は、広告・トラッキングブロッカー (多くは treasuredata.com をブロックします)、\
                このページのオリジンを許可しない CORS ポリシー、または別のリージョンのホストです。",
            Timeout => "{0} が 10 秒以内に応答しませんでした。もう一度お試しください。\
                続く場合はリージョンを確認してください。",
            Garbled => "応答はルックアップの配列でもエラーオブジェクトでもありませんでした: “{0}”。{1} は \
                Profiles API ですか?",
            NoProfile => "このペアレントセグメントには {0} = “{1}” のプロファイルがありません。\
                値は完全一致で照合されます (大文字小文字とスペースも区別)。値と、{0} \
                列にその値があることを確認してください。",
            Snippets => "連携用のコード例",
            SnippetsBefore => "このトークンを埋め込んだ、Web ページやシェル用のコードです。",
            SnippetsAfter => " を訪問者のキーに置き換えてください。",
            CopySnippet => "{0} のコードをコピー",
        )
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
