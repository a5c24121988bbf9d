//! A typed API error shown in place: what failed, why, and what to do (usually Retry), in the
//! instance's language. The server's own message inside it is server data, never translated.

use crate::api::ApiError;
use crate::i18n::locale::tr;
use crate::i18n::{one, two, Args, Catalogue, Message, NO_ARGS};
use crate::ui::text::UiText;
use leptos::prelude::*;

/// A plain-language explanation of `err`, with the next step. Never contains the API key.
pub fn explain(err: &ApiError) -> Message {
    Message::new(Explained(err.clone()))
}

/// An error explained: which sentence, in each language, is [`Sentence::of`] the error; the
/// server's message and the numbers are the fields.
struct Explained(ApiError);

/// The sentences that explain errors: one per kind of error, two where it matters whether the
/// server said why (`…Said`: it did, and the sentence quotes it).
#[derive(Clone, Copy)]
#[repr(u8)]
enum Sentence {
    Unauthorized,
    Forbidden,
    ForbiddenSaid,
    NotFound,
    NotFoundSaid,
    Network,
    Timeout,
    /// The server said when to try again.
    RateLimitedFor,
    RateLimited,
    ServerFailed,
    ServerFailedSaid,
    Conflict,
    ConflictSaid,
    Invalid,
    InvalidSaid,
    Decode,
}

impl Sentence {
    /// The sentence for `err`. A server that gave no words of its own gets the sentence that
    /// says what the status means instead of quoting it.
    fn of(err: &ApiError) -> Self {
        let said = !err.server_message().is_some_and(|m| m.trim().is_empty());
        let either = |said_why, silent| if said { said_why } else { silent };
        match err {
            ApiError::Unauthorized => Self::Unauthorized,
            ApiError::Forbidden { .. } => either(Self::ForbiddenSaid, Self::Forbidden),
            ApiError::NotFound { .. } => either(Self::NotFoundSaid, Self::NotFound),
            ApiError::Network(_) => Self::Network,
            ApiError::Timeout => Self::Timeout,
            ApiError::RateLimited { retry_after_secs: Some(_) } => Self::RateLimitedFor,
            ApiError::RateLimited { retry_after_secs: None } => Self::RateLimited,
            ApiError::Server { .. } => either(Self::ServerFailedSaid, Self::ServerFailed),
            ApiError::Conflict { .. } => either(Self::ConflictSaid, Self::Conflict),
            ApiError::Validation { .. } => either(Self::InvalidSaid, Self::Invalid),
            ApiError::Decode(_) => Self::Decode,
        }
    }

    fn en(self) -> &'static str {
        crate::words!(self,
            Unauthorized => "The API key was not accepted (401). Check the key and the region.",
            Forbidden => "Permission denied: your API key may not do this. Ask an administrator for access \
                to this folder.",
            ForbiddenSaid => "Permission denied: {0}. Ask an administrator for access to this folder.",
            NotFound => "Not found. It may have been moved or deleted.",
            NotFoundSaid => "Not found: {0}. It may have been moved or deleted.",
            Network => "Could not reach the API. Check your network connection, the region or API base URL, \
                and that the API allows requests from this site (CORS).",
            Timeout => "The server did not answer in time. Try again in a moment.",
            RateLimitedFor => "Too many requests; try again in {0} s. Try again in a moment.",
            RateLimited => "Too many requests; try again. Try again in a moment.",
            ServerFailed => "The server failed ({0}) and gave no details. Try again in a moment.",
            ServerFailedSaid => "The server failed ({0}): {1}. Try again in a moment.",
            Conflict => "Conflict with the current state on the server. It may have been changed at the same \
                time elsewhere: reload to see the current version, then try again.",
            ConflictSaid => "Conflict: {0}. It may have been changed at the same time elsewhere: reload to \
                see the current version, then try again.",
            Invalid => "The request was refused as invalid ({0}). Correct it and try again.",
            InvalidSaid => "{0}. Correct it and try again.",
            Decode => "Unexpected answer from the server: {0}. Try again; if it happens again, a proxy \
                between this page and the API may be changing the answers.",
        )
    }

    fn ja(self) -> &'static str {
        crate::words!(self,
            Unauthorized => "API キーが受け付けられませんでした (401)。キーとリージョンを確認してください。",
            Forbidden => "権限がありません。この API キーではこの操作はできません。\
                このフォルダへのアクセス権を管理者に依頼してください。",
            ForbiddenSaid => "権限がありません: {0}。このフォルダへのアクセス権を管理者に依頼してください。",
            NotFound => "見つかりません。移動または削除された可能性があります。",
            NotFoundSaid => "見つかりません: {0}。移動または削除された可能性があります。",
            Network => "API に接続できませんでした。ネットワーク接続、リージョンまたは API のベース URL、\
                そして API がこのサイトからのリクエストを許可していること (CORS) を確認してください。",
            Timeout => "サーバーが時間内に応答しませんでした。しばらくしてからもう一度お試しください。",
            RateLimitedFor => "リクエストが多すぎます。{0} 秒後にもう一度お試しください。",
            RateLimited => "リクエストが多すぎます。しばらくしてからもう一度お試しください。",
            ServerFailed => "サーバーでエラーが発生しました ({0})。詳細は返されませんでした。\
                しばらくしてからもう一度お試しください。",
            ServerFailedSaid => "サーバーでエラーが発生しました ({0}): {1}。\
                しばらくしてからもう一度お試しください。",
            Conflict => "サーバー上の現在の状態と競合しています。別の場所で同時に変更された可能性があります。\
                再読み込みして現在の版を確認してから、もう一度お試しください。",
            ConflictSaid => "競合: {0}。別の場所で同時に変更された可能性があります。\
                再読み込みして現在の版を確認してから、もう一度お試しください。",
            Invalid => "リクエストが無効として拒否されました ({0})。修正してもう一度お試しください。",
            // The server's sentence stands alone, as it came (usually English).
            InvalidSaid => "{0}. 修正してもう一度お試しください。",
            // The detail is a diagnostic for whoever looks into it, in the words it was found in.
            Decode => "サーバーから予期しない応答がありました (詳細: {0})。もう一度お試しください。\
                繰り返し起こる場合は、このページと API \
                の間のプロキシが応答を書き換えている可能性があります。",
        )
    }
}

impl Catalogue for Explained {
    fn en(&self) -> &'static str {
        Sentence::of(&self.0).en()
    }

    fn ja(&self) -> &'static str {
        Sentence::of(&self.0).ja()
    }

    fn args(&self) -> Args<'_> {
        // The server's words without a final full stop: the templates go on after them. A
        // silent refusal's sentence gives its status instead (whether it was silent is
        // `Sentence::of`'s one rule).
        match &self.0 {
            ApiError::Validation { status, .. } if matches!(Sentence::of(&self.0), Sentence::Invalid) => {
                one(status)
            }
            ApiError::Forbidden { message, .. }
            | ApiError::NotFound { message }
            | ApiError::Conflict { message, .. }
            | ApiError::Validation { message, .. } => one(trimmed(message)),
            ApiError::Decode(detail) => one(trimmed(detail)),
            ApiError::RateLimited { retry_after_secs: Some(s) } => one(s),
            ApiError::Server { status, message, .. } => two(status, trimmed(message)),
            ApiError::Unauthorized
            | ApiError::Network(_)
            | ApiError::Timeout
            | ApiError::RateLimited { .. } => NO_ARGS,
        }
    }
}

/// The server's words without a final full stop: the templates go on after them.
fn trimmed(text: &str) -> &str {
    text.trim_end().trim_end_matches('.')
}

/// An error message (`role="alert"`) with an optional "Retry" button.
#[component]
pub fn ErrorView(
    /// The error to explain.
    error: ApiError,
    /// What was being done, e.g. "Could not load this folder." Shown first.
    #[prop(optional, into)]
    context: Option<Signal<String>>,
    /// Retries the failed read; no button without it.
    #[prop(optional, into)]
    on_retry: Option<Callback<()>>,
) -> impl IntoView {
    let message = explain(&error);
    let retry = on_retry.map(|cb| {
        view! {
            <button type="button" class="button" on:click=move |_| cb.run(())>
                {tr(UiText::Retry)}
            </button>
        }
    });
    view! {
        <div class="error-view" role="alert">
            <p class="error-text">
                {context.map(|c| view! { <strong>{c}" "</strong> })}
                {tr(message)}
            </p>
            {retry}
        </div>
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::i18n::{check, Language, Localized};

    fn en(err: ApiError) -> String {
        explain(&err).in_language(Language::En).into_owned()
    }

    #[test]
    fn explains_every_kind() {
        assert!(en(ApiError::Unauthorized).starts_with("The API key was not accepted"));
        assert!(en(ApiError::Network("TypeError".into())).contains("CORS"));
        assert!(en(ApiError::NotFound { message: "x".into() }).contains("moved or deleted"));
        let server = ApiError::Server { status: 500, message: "boom".into(), retry_after_secs: None };
        assert!(en(server).contains("500"));
    }

    #[test]
    fn conflicts_refusals_and_garbled_answers_say_what_to_do() {
        let conflict = ApiError::Conflict { message: "injected conflict on id".into(), fields: vec![] };
        assert!(en(conflict.clone()).starts_with("Conflict: injected conflict on id. "));
        assert!(en(conflict).contains("reload to see the current version, then try again"));
        let refused =
            ApiError::Validation { status: 422, message: "Name is reserved.".into(), fields: vec![] };
        assert_eq!(en(refused), "Name is reserved. Correct it and try again.");
        assert!(en(ApiError::Decode("EOF while parsing".into())).contains("Try again"));
    }

    #[test]
    fn every_kind_in_japanese_keeps_the_servers_words_and_numbers() {
        let every = [
            ApiError::Unauthorized,
            ApiError::Forbidden { message: "edit required".into(), code: None },
            ApiError::NotFound { message: "token 5".into() },
            ApiError::Conflict { message: "stale".into(), fields: vec![] },
            ApiError::Validation { status: 422, message: "Name is reserved.".into(), fields: vec![] },
            ApiError::RateLimited { retry_after_secs: Some(7) },
            ApiError::RateLimited { retry_after_secs: None },
            ApiError::Server { status: 503, message: "down".into(), retry_after_secs: None },
            ApiError::Network("TypeError".into()),
            ApiError::Timeout,
            ApiError::Decode("EOF".into()),
        ];
        for err in every {
            check::message(&Explained(err.clone()), &format!("{err:?}"));
        }
        let ja = |e: ApiError| explain(&e).in_language(Language::Ja).into_owned();
        assert!(ja(ApiError::RateLimited { retry_after_secs: Some(7) }).contains("7 秒後"));
        assert!(ja(ApiError::Server { status: 503, message: "down".into(), retry_after_secs: None })
            .contains("(503): down"));
        assert_eq!(
            ja(ApiError::Validation { status: 422, message: "Name is reserved.".into(), fields: vec![] }),
            "Name is reserved. 修正してもう一度お試しください。"
        );
    }

    #[test]
    fn errors_without_the_servers_words_are_worded_in_the_readers_language() {
        let silent = [
            ApiError::Forbidden { message: String::new(), code: None },
            ApiError::NotFound { message: String::new() },
            ApiError::Conflict { message: " ".into(), fields: vec![] },
            ApiError::Validation { status: 400, message: String::new(), fields: vec![] },
            ApiError::Server { status: 502, message: String::new(), retry_after_secs: None },
        ];
        for err in silent {
            check::message(&Explained(err.clone()), &format!("{err:?}"));
            let ja = explain(&err).in_language(Language::Ja).into_owned();
            // No empty quotation (": 。") and no English sentence inside the Japanese.
            assert!(!ja.contains(": ") && !ja.contains(':'), "{ja}");
            assert!(!ja.chars().any(|c| c.is_ascii_lowercase()), "{ja}");
            assert!(!en(err).contains(": ."), "an empty quotation");
        }
        let bad_request = ApiError::Validation { status: 400, message: String::new(), fields: vec![] };
        assert_eq!(
            en(bad_request.clone()),
            "The request was refused as invalid (400). Correct it and try again."
        );
        assert!(explain(&bad_request).in_language(Language::Ja).contains("(400)"));
        let bad_gateway = ApiError::Server { status: 502, message: String::new(), retry_after_secs: None };
        assert_eq!(en(bad_gateway), "The server failed (502) and gave no details. Try again in a moment.");
    }
}
