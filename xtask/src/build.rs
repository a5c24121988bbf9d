//! The release build: `trunk build --release` into dist/ with the pinned, local tools.

use crate::paths;
use crate::procs::run;
use crate::Result;
use std::process::Command;

/// A release `dist/` (wasm-opt -Oz, minified CSS, HTML and glue, short import names, hashed
/// file names, SRI on every asset), with the CSP text, the embedding module, and a Brotli and a
/// gzip copy of every file browsers download.
pub fn release() -> Result {
    run(trunk().args(["build", "--release"]))?;
    crate::shrink::shrink(&paths::dist_dir())?;
    crate::csp::write_policy(&paths::dist_dir())?;
    crate::embed::write_module(&paths::dist_dir())?;
    write_default_config(&paths::dist_dir())?;
    // Last: the .br and .gz copies must be of the files as they ship.
    run(Command::new("node")
        .arg(paths::root().join("xtask").join("precompress.mjs"))
        .arg(paths::dist_dir()))?;
    println!("xtask: release build in {}", paths::dist_dir().display());
    Ok(())
}

/// An empty `config.json` (every default), so that a host that deploys `dist/` as it is answers
/// the app's request for it instead of logging a 404 in every visitor's console. Hosts replace
/// it with their own.
fn write_default_config(dist: &std::path::Path) -> Result {
    std::fs::write(dist.join("config.json"), "{}\n")
        .map_err(|e| format!("cannot write dist/config.json: {e}"))
}

/// trunk, run from the root with the project's tools first on PATH.
pub fn trunk() -> Command {
    let mut cmd = Command::new("trunk");
    cmd.current_dir(paths::root()).env("PATH", paths::tool_path());
    cmd
}
