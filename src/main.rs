//! Entry point: install the panic hook (console output, then the recovery screen; see
//! `recovery`) and mount the app. Everything else lives in the library.
fn main() {
    profiles_studio::recovery::install();
    leptos::mount::mount_to_body(profiles_studio::App);
}
