//! What an embedded instance shows while its host's credential is refused: there is no key to
//! type here (the host owns the login), so it says so and waits for the host's new credential.

use crate::session::use_session;
use leptos::prelude::*;

/// "The console's credential was not accepted", until the host calls `update({ authorization })`.
#[component]
pub fn HostRefusedPage() -> impl IntoView {
    let session = use_session();
    view! {
        <main class="page narrow">
            <h1>"Not signed in"</h1>
            <p class="notice" role="alert">
                {move || session.notice().unwrap_or_else(|| "Waiting for the console's credential.".into())}
            </p>
        </main>
    }
}
