//! Where things are: the workspace root, the git-ignored tools folder, the e2e suite, dist/.

use std::path::PathBuf;

/// The workspace root (xtask lives in `<root>/xtask`).
pub fn root() -> PathBuf {
    let manifest = PathBuf::from(env!("CARGO_MANIFEST_DIR"));
    manifest.parent().map(PathBuf::from).unwrap_or(manifest)
}

/// Project-local tools (wasm-opt from npm), git-ignored.
pub fn tools_dir() -> PathBuf {
    root().join(".tools")
}

/// `node_modules/.bin` of the tools folder: put first on PATH for trunk.
pub fn tools_bin() -> PathBuf {
    tools_dir().join("node_modules").join(".bin")
}

pub fn e2e_dir() -> PathBuf {
    root().join("tests").join("e2e")
}

pub fn dist_dir() -> PathBuf {
    root().join("dist")
}

/// `$CARGO_HOME/bin`, where `cargo install` puts trunk and wasm-bindgen.
pub fn cargo_bin() -> PathBuf {
    if let Some(home) = std::env::var_os("CARGO_HOME") {
        return PathBuf::from(home).join("bin");
    }
    let home = std::env::var_os("HOME").map(PathBuf::from).unwrap_or_default();
    home.join(".cargo").join("bin")
}

/// PATH with the project's tools first, so trunk finds the pinned wasm-opt and wasm-bindgen.
pub fn tool_path() -> std::ffi::OsString {
    let mut dirs = vec![tools_bin(), cargo_bin()];
    if let Some(path) = std::env::var_os("PATH") {
        dirs.extend(std::env::split_paths(&path));
    }
    std::env::join_paths(dirs).unwrap_or_default()
}
