//! `cargo xtask bench`: the measurements of issue 6 in one run. Builds the release app, the
//! Leptos counter of tests/bench/counter (same profile, same wasm-opt) and the simulator, lets
//! tests/bench/run.mjs drive headless Chromium, then prints one table and writes it as JSON to
//! target/bench.json. Not part of `cargo xtask test`: these are measurements, not timed tests.

use crate::bench_report;
use crate::procs::run as run_cmd;
use crate::{build, demo, paths, tools, Result};
use std::path::{Path, PathBuf};
use std::process::Command;

/// Runs per figure unless `--runs N` says otherwise (issue 6: at least 5).
const DEFAULT_RUNS: u32 = 5;

pub fn run(args: &[String]) -> Result {
    let runs = match flag(args, "--runs") {
        Some(n) => n.parse::<u32>().map_err(|_| format!("--runs wants a number, not {n:?}"))?.max(1),
        None => DEFAULT_RUNS,
    };
    let no_build = args.iter().any(|a| a == "--no-build");
    let counter_dir = paths::root().join("tests").join("bench").join("counter");
    let counter_dist = paths::root().join("tests").join("bench").join("dist-counter");

    tools::ensure_all()?;
    tools::ensure_e2e_packages()?;
    tools::ensure_bench_packages()?;
    check_same_tools(&paths::root().join("Trunk.toml"), &counter_dir.join("Trunk.toml"))?;
    let sim = if no_build {
        println!("xtask: --no-build: measuring the existing dist/, {}", counter_dist.display());
        simulator_path()
    } else {
        build::release()?;
        run_cmd(
            build::trunk()
                .current_dir(&counter_dir)
                .args(["build", "--release", "--dist"])
                .arg(&counter_dist),
        )?;
        // Built as the app is, so that the ratio compares like with like.
        crate::shrink::shrink(&counter_dist)?;
        demo::build_simulator(true)?
    };
    for dir in [paths::dist_dir(), counter_dist.clone()] {
        if !dir.join("index.html").exists() {
            return Err(format!("{} has no build (run without --no-build)", dir.display()));
        }
    }

    let target = paths::root().join("target");
    let raw_path = target.join("bench-raw.json");
    let _ = std::fs::remove_file(&raw_path);
    run_cmd(
        Command::new("node")
            .arg(paths::root().join("tests").join("bench").join("run.mjs"))
            .arg("--app-dist")
            .arg(paths::dist_dir())
            .arg("--counter-dist")
            .arg(&counter_dist)
            .arg("--sim")
            .arg(&sim)
            .arg("--out")
            .arg(&raw_path)
            .args(["--runs", &runs.to_string()])
            // A subset of the scenarios, when working on the harness.
            .args(flag(args, "--only").map(|only| ["--only", only]).into_iter().flatten()),
    )?;

    let raw_text =
        std::fs::read_to_string(&raw_path).map_err(|e| format!("cannot read {}: {e}", raw_path.display()))?;
    let raw: serde_json::Value =
        serde_json::from_str(&raw_text).map_err(|e| format!("{} is not JSON: {e}", raw_path.display()))?;
    let report = bench_report::build(&raw);
    let header = format!(
        "Profiles Studio benchmarks: {} run(s) per figure, median [min–max]; {}, {} viewport, simulator on localhost",
        raw["runs"],
        raw["browser"].as_str().unwrap_or("Chromium"),
        raw["viewport"].as_str().unwrap_or("?"),
    );
    let text = report.text(&header);
    println!("\n{text}");
    let json_path = target.join("bench.json");
    let json = serde_json::to_string_pretty(&report.json(&raw, &text)).map_err(|e| e.to_string())?;
    std::fs::write(&json_path, json + "\n")
        .map_err(|e| format!("cannot write {}: {e}", json_path.display()))?;
    println!("xtask: wrote {}", json_path.display());
    if runs < DEFAULT_RUNS {
        println!("xtask: fewer than {DEFAULT_RUNS} runs: for trying the harness, not for numbers to quote");
    }
    Ok(())
}

/// The counter must be built with the same tool versions and minifying as the app to be its
/// reference.
fn check_same_tools(app: &Path, counter: &Path) -> Result {
    let read = |p: &Path| std::fs::read_to_string(p).map_err(|e| format!("cannot read {}: {e}", p.display()));
    let (a, c) = (build_pins(&read(app)?), build_pins(&read(counter)?));
    if a.is_empty() || a != c {
        return Err(format!(
            "the [tools] pins and [build] minify of {} and {} differ ({a:?} vs {c:?}): keep them equal",
            app.display(),
            counter.display()
        ));
    }
    Ok(())
}

/// The `key = value` lines of a Trunk.toml that decide what the build makes: its `[tools]`
/// table and `[build]`'s `minify`, without comments or blank lines.
fn build_pins(toml: &str) -> Vec<String> {
    let mut table = "";
    let mut lines = Vec::new();
    for line in toml.lines() {
        let line = line.split('#').next().unwrap_or("").trim();
        if line.starts_with('[') {
            table = line;
            continue;
        }
        let key = line.split('=').next().unwrap_or("").trim();
        if !line.is_empty() && (table == "[tools]" || (table == "[build]" && key == "minify")) {
            lines.push(line.split_whitespace().collect::<Vec<_>>().join(" "));
        }
    }
    lines
}

/// Where `demo::build_simulator(true)` puts the release simulator.
fn simulator_path() -> PathBuf {
    let target = std::env::var_os("CARGO_TARGET_DIR")
        .map(PathBuf::from)
        .unwrap_or_else(|| paths::root().join("target"));
    target.join("release").join("cdp-sim")
}

fn flag<'a>(args: &'a [String], name: &str) -> Option<&'a str> {
    let at = args.iter().position(|a| a == name)?;
    args.get(at + 1).map(String::as_str)
}

#[cfg(test)]
mod tests {
    use super::build_pins;

    #[test]
    fn reads_the_tools_table_and_the_minify_setting() {
        let toml = "[build]\nwasm_opt = \"x\"\n\n[tools]\n# pins\nwasm_bindgen = \"0.2.130\"  # same\nwasm_opt  =  \"version_132\"\n[other]\na = 1\n";
        assert_eq!(build_pins(toml), ["wasm_bindgen = \"0.2.130\"", "wasm_opt = \"version_132\""]);
        assert!(build_pins("[build]\nx = 1\n").is_empty());
        let minified = "[build]\nminify = \"on_release\"  # both\n[tools]\nwasm_opt = \"version_132\"\n";
        assert_eq!(build_pins(minified), ["minify = \"on_release\"", "wasm_opt = \"version_132\""]);
    }
}
