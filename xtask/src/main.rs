//! Project tasks (`cargo xtask <task>`): the two README commands and their helpers.
//!
//! Std only but for sha2 and base64 (the CSP hash) and serde_json (the bench report), so the
//! first `cargo xtask` compiles in seconds.

mod assets;
mod bench;
mod bench_report;
mod build;
mod csp;
mod demo;
mod embed;
mod imports;
mod paths;
mod procs;
mod shrink;
mod test;
mod tools;

use std::process::ExitCode;

const USAGE: &str = "\
usage: cargo xtask <task>

  demo [--app-port N] [--api-port N] [--host-port N] [--lookup-port N]
                                       install what is missing, build, start the simulator with demo
                                       data, serve the app and an example host console that embeds
                                       it (another origin), print the URLs and the demo API key
  test                                 install what is missing, run every test (native, wasm in headless
                                       Chromium, end-to-end)
  build                                release build into dist/ (wasm-opt -Oz, hashed names)
  bench [--runs N] [--no-build]        build the app, a Leptos counter and the simulator, measure bundle,
                                       cold start, the 20,000-entity tree and requests per action in
                                       headless Chromium (median of N runs, default 5); print one table
                                       with targets, write it to target/bench.json
  setup                                only install what is missing";

fn main() -> ExitCode {
    let args: Vec<String> = std::env::args().skip(1).collect();
    let result = match args.first().map(String::as_str) {
        Some("setup") => tools::ensure_all(),
        Some("build") => tools::ensure_all().and_then(|_| build::release()),
        Some("demo") => demo::run(&args[1..]),
        Some("test") => test::run(&args[1..]),
        Some("bench") => bench::run(&args[1..]),
        _ => {
            eprintln!("{USAGE}");
            return ExitCode::from(2);
        }
    };
    match result {
        Ok(()) => ExitCode::SUCCESS,
        Err(e) => {
            eprintln!("xtask: {e}");
            ExitCode::FAILURE
        }
    }
}

/// Errors are plain messages: every task is a script, its failures are for people.
pub type Result<T = ()> = std::result::Result<T, String>;
