//! The reference point of the bundle budget (issue 6): a Leptos 0.8 CSR counter, nothing else.
//! `cargo xtask bench` builds it with trunk, the workspace's release profile and wasm-opt -Oz,
//! exactly as the app, and compares the two `dist/` folders.
use leptos::prelude::*;

#[component]
fn Counter() -> impl IntoView {
    let count = RwSignal::new(0);
    view! {
        <button on:click=move |_| *count.write() -= 1>"-1"</button>
        <span>"Value: " {count}</span>
        <button on:click=move |_| *count.write() += 1>"+1"</button>
    }
}

fn main() {
    leptos::mount::mount_to_body(Counter);
}
