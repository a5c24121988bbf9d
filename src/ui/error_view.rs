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

/// An error explained: one exhaustive `match` per language over the kinds of error and
/// whether the server said why; the server's message and the numbers are the fields.
struct Explained(ApiError);

impl Explained {
    /// The error, and whether the server gave no words of its own (then the sentence says what
    /// the status means instead of quoting it).
    fn kind(&self) -> (&ApiError, bool) {
        let silent = self.0.server_message().is_some_and(|m| m.trim().is_empty());
        (&self.0, silent)
    }
}

impl Catalogue for Explained {
    #[inline(never)]
    fn en(&self) -> &'static str {
        match self.kind() {
            (ApiError::Unauthorized, _) => "The API key was not accepted (401). Check the key and the region.",
            (ApiError::Forbidden { .. }, true) => {
                "Permission denied: your API key may not do this. Ask an administrator for access to this folder."
            }
            (ApiError::Forbidden { .. }, false) => {
                "Permission denied: {0}. Ask an administrator for access to this folder."
            }
            (ApiError::NotFound { .. }, true) => "Not found. It may have been moved or deleted.",
            (ApiError::NotFound { .. }, false) => "Not found: {0}. It may have been moved or deleted.",
            (ApiError::Network(_), _) => {
                "Could not reach the API. Check your network connection, the region or API base URL, and that \
                 the API allows requests from this site (CORS)."
            }
            (ApiError::Timeout, _) => "The server did not answer in time. Try again in a moment.",
            (ApiError::RateLimited { retry_after_secs: Some(_) }, _) => {
                "Too many requests; try again in {0} s. Try again in a moment."
            }
            (ApiError::RateLimited { retry_after_secs: None }, _) => {
                "Too many requests; try again. Try again in a moment."
            }
            (ApiError::Server { .. }, true) => "The server failed ({0}) and gave no details. Try again in a moment.",
            (ApiError::Server { .. }, false) => "The server failed ({0}): {1}. Try again in a moment.",
            (ApiError::Conflict { .. }, true) => {
                "Conflict with the current state on the server. It may have been changed at the same time \
                 elsewhere: reload to see the current version, then try again."
            }
            (ApiError::Conflict { .. }, false) => {
                "Conflict: {0}. It may have been changed at the same time elsewhere: reload to see the current \
                 version, then try again."
            }
            (ApiError::Validation { .. }, true) => "The request was refused as invalid ({0}). Correct it and try again.",
            (ApiError::Validation { .. }, false) => "{0}. Correct it and try again.",
            (ApiError::Decode(_), _) => {
                "Unexpected answer from the server: {0}. Try again; if it happens again, a proxy between this \
                 page and the API may be changing the answers."
            }
        }
    }

    #[inline(never)]
    fn ja(&self) -> &'static str {
        match self.kind() {
            (ApiError::Unauthorized, _) => {
                "API キーが受け付けられませんでした (401)。キーとリージョンを確認してください。"
            }
            (ApiError::Forbidden { .. }, true) => {
                "権限がありません。この API キーではこの操作はできません。このフォルダへのアクセス権を管理者に依頼してください。"
            }
            (ApiError::Forbidden { .. }, false) => {
                "権限がありません: {0}。このフォルダへのアクセス権を管理者に依頼してください。"
            }
            (ApiError::NotFound { .. }, true) => "見つかりません。移動または削除された可能性があります。",
            (ApiError::NotFound { .. }, false) => "見つかりません: {0}。移動または削除された可能性があります。",
            (ApiError::Network(_), _) => {
                "API に接続できませんでした。ネットワーク接続、リージョンまたは API のベース URL、そして API が\
                 このサイトからのリクエストを許可していること (CORS) を確認してください。"
            }
            (ApiError::Timeout, _) => {
                "サーバーが時間内に応答しませんでした。しばらくしてからもう一度お試しください。"
            }
            (ApiError::RateLimited { retry_after_secs: Some(_) }, _) => {
                "リクエストが多すぎます。{0} 秒後にもう一度お試しください。"
            }
            (ApiError::RateLimited { retry_after_secs: None }, _) => {
                "リクエストが多すぎます。しばらくしてからもう一度お試しください。"
            }
            (ApiError::Server { .. }, true) => {
                "サーバーでエラーが発生しました ({0})。詳細は返されませんでした。しばらくしてからもう一度お試しください。"
            }
            (ApiError::Server { .. }, false) => {
                "サーバーでエラーが発生しました ({0}): {1}。しばらくしてからもう一度お試しください。"
            }
            (ApiError::Conflict { .. }, true) => {
                "サーバー上の現在の状態と競合しています。別の場所で同時に変更された可能性があります。\
                 再読み込みして現在の版を確認してから、もう一度お試しください。"
            }
            (ApiError::Conflict { .. }, false) => {
                "競合: {0}。別の場所で同時に変更された可能性があります。再読み込みして現在の版を確認してから、\
                 もう一度お試しください。"
            }
            (ApiError::Validation { .. }, true) => {
                "リクエストが無効として拒否されました ({0})。修正してもう一度お試しください。"
            }
            // The server's sentence stands alone, as it came (usually English).
            (ApiError::Validation { .. }, false) => "{0}. 修正してもう一度お試しください。",
            // The detail is a diagnostic for whoever looks into it, in the words it was found in.
            (ApiError::Decode(_), _) => {
                "サーバーから予期しない応答がありました (詳細: {0})。もう一度お試しください。繰り返し起こる場合は、\
                 このページと API の間のプロキシが応答を書き換えている可能性があります。"
            }
        }
    }

    fn args(&self) -> Args<'_> {
        // The server's words without a final full stop: the templates go on after them.
        match &self.0 {
            ApiError::Validation { status, message, .. } if message.trim().is_empty() => one(status),
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
