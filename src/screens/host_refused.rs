//! What an embedded instance shows while its host's credential is refused: there is no key to
//! type here (the host owns the login), so it says so and waits for the host's new credential.

use crate::i18n::locale::{tr, tr_with};
use crate::screens::text::ScreenText;
use crate::session::use_session;
use leptos::prelude::*;

/// "The console's credential was not accepted", until the host calls `update({ authorization })`.
#[component]
pub fn HostRefusedPage() -> impl IntoView {
    let session = use_session();
    let notice = tr_with(move || match session.notice() {
        Some(notice) => notice,
        None => ScreenText::WaitingForHost.into(),
    });
    view! {
        <main class="page narrow">
            <h1>{tr(ScreenText::NotSignedIn)}</h1>
            <p class="notice" role="alert">{notice}</p>
        </main>
    }
}
