//! `cargo xtask test`: every test, in the order that fails fastest, with one summary at the end.

use crate::{build, demo, paths, tools, Result};
use std::io::{BufRead, BufReader};
use std::process::{Command, Stdio};

/// The test targets that run in the browser: every `tests/*.rs` marked
/// `#![cfg(target_arch = "wasm32")]`, found rather than listed, so that a new one cannot be
/// left out of the run by forgetting to name it here.
fn wasm_test_targets() -> Result<Vec<String>> {
    let dir = paths::root().join("tests");
    let mut names = Vec::new();
    for entry in std::fs::read_dir(&dir).map_err(|e| format!("{}: {e}", dir.display()))? {
        let path = entry.map_err(|e| e.to_string())?.path();
        let is_rust = path.extension().is_some_and(|x| x == "rs");
        let text = if is_rust { std::fs::read_to_string(&path).unwrap_or_default() } else { String::new() };
        if text.lines().any(|l| l.trim() == "#![cfg(target_arch = \"wasm32\")]") {
            names.extend(path.file_stem().map(|s| s.to_string_lossy().into_owned()));
        }
    }
    names.sort();
    Ok(names)
}

/// What one stage's runner reported.
#[derive(Default)]
struct Counts {
    passed: u64,
    failed: u64,
    skipped: u64,
}

pub fn run(_args: &[String]) -> Result {
    tools::ensure_all()?;
    tools::ensure_e2e_packages()?;
    let mut total = Counts::default();
    let mut failures = Vec::new();

    let mut stage = |name: &str, cmd: &mut Command, total: &mut Counts| {
        println!("\n== {name} ==");
        // A stage that failed still counts what it ran: the total must show its failures.
        let (c, outcome) = counted(cmd);
        println!("== {name}: {} passed, {} failed, {} skipped ==", c.passed, c.failed, c.skipped);
        total.passed += c.passed;
        total.failed += c.failed;
        total.skipped += c.skipped;
        match outcome {
            Err(e) => failures.push(format!("{name}: {e}")),
            Ok(()) if c.passed == 0 => failures.push(format!("{name}: ran no test")),
            Ok(()) => {}
        }
    };

    // --no-fail-fast: a failing test binary must not hide the binaries after it from the total.
    stage("native tests", cargo().args(["test", "--workspace", "--no-fail-fast"]), &mut total);
    stage(
        "wasm tests (headless Chromium)",
        cargo()
            .args(["test", "--no-fail-fast", "-p", "profiles-studio", "--target", "wasm32-unknown-unknown"])
            .args(wasm_test_targets()?.iter().flat_map(|name| ["--test", name.as_str()]))
            .env("CHROMEDRIVER", "/usr/bin/chromedriver")
            .env("WASM_BINDGEN_TEST_TIMEOUT", "300")
            .env("WASM_BINDGEN_TEST_DRIVER_TIMEOUT", "30"),
        &mut total,
    );
    match build::release().and_then(|_| demo::build_simulator(false)) {
        Ok(sim) => stage(
            "end-to-end (Playwright, Chromium)",
            Command::new("npx")
                .args(["playwright", "test"])
                .current_dir(paths::e2e_dir())
                .env("CDP_SIM_BIN", sim)
                .env("DIST_DIR", paths::dist_dir()),
            &mut total,
        ),
        Err(e) => failures.push(format!("release build: {e}")),
    }

    println!();
    for f in &failures {
        println!("FAILED {f}");
    }
    println!("total: {} passed, {} failed, {} skipped", total.passed, total.failed, total.skipped);
    if failures.is_empty() && total.failed == 0 {
        Ok(())
    } else {
        Err(format!("{} stage(s) failed", failures.len().max(1)))
    }
}

fn cargo() -> Command {
    let mut cmd = Command::new("cargo");
    cmd.current_dir(paths::root()).env("PATH", paths::tool_path());
    cmd
}

/// Runs a test runner, echoing its stdout and adding up the counts it prints; the counts come
/// back whether it succeeded or not.
fn counted(cmd: &mut Command) -> (Counts, Result) {
    let shown = format!("{:?}", cmd);
    let mut counts = Counts::default();
    let mut child = match cmd.stdout(Stdio::piped()).spawn() {
        Ok(child) => child,
        Err(e) => return (counts, Err(format!("cannot start {shown}: {e}"))),
    };
    if let Some(out) = child.stdout.take() {
        for line in BufReader::new(out).lines().map_while(|l| l.ok()) {
            println!("{line}");
            add_counts(&line, &mut counts);
        }
    }
    let outcome = match child.wait() {
        Ok(status) if status.success() => Ok(()),
        Ok(status) => {
            Err(format!("exited with {status} ({} passed, {} failed)", counts.passed, counts.failed))
        }
        Err(e) => Err(e.to_string()),
    };
    (counts, outcome)
}

/// Reads cargo's `test result: ok. 3 passed; 0 failed; 1 ignored` and Playwright's
/// `  12 passed (30.1s)` / `  1 failed` / `  2 skipped` summary lines.
fn add_counts(line: &str, counts: &mut Counts) {
    let line = line.trim();
    if let Some(rest) = line.strip_prefix("test result: ") {
        for part in rest.split(['.', ';']) {
            let mut words = part.split_whitespace();
            if let (Some(n), Some(what)) = (words.next().and_then(|n| n.parse::<u64>().ok()), words.next()) {
                match what {
                    "passed" => counts.passed += n,
                    "failed" => counts.failed += n,
                    "ignored" => counts.skipped += n,
                    _ => {}
                }
            }
        }
        return;
    }
    let mut words = line.split_whitespace();
    if let (Some(n), Some(what)) = (words.next().and_then(|n| n.parse::<u64>().ok()), words.next()) {
        let plain_summary = words.next().is_none_or(|w| w.starts_with('('));
        if plain_summary {
            match what {
                "passed" => counts.passed += n,
                "failed" => counts.failed += n,
                "skipped" | "flaky" => counts.skipped += n,
                _ => {}
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use super::{add_counts, Counts};

    #[test]
    fn reads_cargo_and_playwright_summaries() {
        let mut c = Counts::default();
        add_counts("test result: ok. 12 passed; 0 failed; 2 ignored; 0 measured; 0 filtered out", &mut c);
        add_counts("  7 passed (31.2s)", &mut c);
        add_counts("  1 failed", &mut c);
        add_counts("  3 passed the token to the form", &mut c);
        assert_eq!((c.passed, c.failed, c.skipped), (19, 1, 2));
    }
}
