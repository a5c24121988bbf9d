//! Installs what the build and the tests need, idempotently, saying what it installs.
//!
//! Nothing here downloads a binary from the internet: crates come from crates.io, Chromium,
//! nginx (the proxy and sub-path hosting tests) and a Japanese font from Debian, wasm-opt from
//! the npm package `binaryen` (Debian's binaryen 108 produces wasm that fails to load) and
//! terser from npm (it minifies the wasm-bindgen glue), the e2e suite's and the bench's
//! packages from npm with their committed lockfiles.

use crate::paths;
use crate::procs::{output, run};
use crate::Result;
use std::path::Path;
use std::process::Command;

/// The trunk release verified on this toolchain (0.22 needs a newer Rust than some machines have).
const TRUNK_VERSION: &str = "0.21.14";
/// Must match `[tools] wasm_opt` in Trunk.toml.
const BINARYEN_VERSION: &str = "132";
/// The terser release the glue is minified with (pure JavaScript, about 2.4 MB installed).
const TERSER_VERSION: &str = "5.51.4";

/// Everything `demo` and `test` need.
pub fn ensure_all() -> Result {
    ensure_wasm_target()?;
    ensure_trunk()?;
    ensure_wasm_bindgen()?;
    ensure_wasm_opt()?;
    ensure_terser()?;
    ensure_debian_packages()?;
    Ok(())
}

fn ensure_wasm_target() -> Result {
    let installed =
        output(Command::new("rustup").args(["target", "list", "--installed"])).unwrap_or_default();
    if installed.lines().any(|l| l.trim() == "wasm32-unknown-unknown") {
        return Ok(());
    }
    println!("xtask: installing the wasm32-unknown-unknown target");
    run(Command::new("rustup").args(["target", "add", "wasm32-unknown-unknown"]))
}

fn ensure_trunk() -> Result {
    if tool_version("trunk").is_some_and(|v| v.contains(TRUNK_VERSION)) {
        return Ok(());
    }
    println!("xtask: installing trunk {TRUNK_VERSION} (takes several minutes once)");
    run(Command::new("cargo").args(["install", "trunk", "--locked", "--version", TRUNK_VERSION]))
}

fn ensure_wasm_bindgen() -> Result {
    let wanted = locked_version("wasm-bindgen")?;
    if tool_version("wasm-bindgen").is_some_and(|v| v.split_whitespace().any(|w| w == wanted)) {
        return Ok(());
    }
    // No `--locked`: wasm-bindgen-cli's own lockfile pins a crate this registry lacks.
    println!("xtask: installing wasm-bindgen-cli {wanted} (matches Cargo.lock)");
    run(Command::new("cargo").args(["install", "wasm-bindgen-cli", "--version", &wanted]))
}

fn ensure_wasm_opt() -> Result {
    let bin = paths::tools_bin().join("wasm-opt");
    let version = output(Command::new(&bin).arg("--version")).unwrap_or_default();
    if version.contains(&format!("version {BINARYEN_VERSION}")) {
        return Ok(());
    }
    println!("xtask: installing wasm-opt from npm binaryen@{BINARYEN_VERSION} into .tools/");
    install_into_tools(&format!("binaryen@{BINARYEN_VERSION}"))
}

fn ensure_terser() -> Result {
    let version =
        output(Command::new(paths::tools_bin().join("terser")).arg("--version")).unwrap_or_default();
    if version.split_whitespace().any(|w| w == TERSER_VERSION) {
        return Ok(());
    }
    println!("xtask: installing terser {TERSER_VERSION} from npm into .tools/");
    install_into_tools(&format!("terser@{TERSER_VERSION}"))
}

/// `npm install` of `package` (`name@version`) into the git-ignored `.tools/`.
fn install_into_tools(package: &str) -> Result {
    let dir = paths::tools_dir();
    std::fs::create_dir_all(&dir).map_err(|e| format!("cannot create {}: {e}", dir.display()))?;
    run(Command::new("npm").args(["install", "--no-audit", "--no-fund", "--prefix"]).arg(&dir).arg(package))
}

/// Debian's packages and the file each one installs.
const DEBIAN_PACKAGES: [(&str, &str); 4] = [
    ("chromium", "/usr/bin/chromium"),
    ("chromium-driver", "/usr/bin/chromedriver"),
    ("nginx", "/usr/sbin/nginx"),
    // A Japanese font, as Japanese readers have one: without it Chromium draws boxes, and the
    // 360 px overflow checks would measure those instead of the real glyphs.
    ("fonts-ipafont-gothic", "/usr/share/fonts/opentype/ipafont-gothic/ipag.ttf"),
];

fn ensure_debian_packages() -> Result {
    let missing: Vec<&str> = DEBIAN_PACKAGES
        .iter()
        .filter(|(_, file)| !Path::new(file).exists())
        .map(|(package, _)| *package)
        .collect();
    if missing.is_empty() {
        return Ok(());
    }
    println!("xtask: installing Debian's {}", missing.join(", "));
    let as_root = output(Command::new("id").arg("-u")).is_some_and(|u| u.trim() == "0");
    let apt = |args: &[&str]| {
        let mut cmd = if as_root { Command::new("apt-get") } else { Command::new("sudo") };
        if !as_root {
            cmd.arg("apt-get");
        }
        // RUNLEVEL=1: the package scripts must not start nginx as a system service; the tests
        // start their own, on loopback ports, with generated configurations.
        cmd.args(args).env("DEBIAN_FRONTEND", "noninteractive").env("RUNLEVEL", "1");
        run(&mut cmd)
    };
    apt(&["update"])?;
    let mut install = vec!["install", "-y"];
    install.extend(missing);
    apt(&install)
}

/// The e2e suite's npm packages, from the committed lockfile; skipped when already installed.
pub fn ensure_e2e_packages() -> Result {
    ensure_npm_packages(&paths::e2e_dir(), "the end-to-end suite's")
}

/// The bench's own npm packages (Lighthouse), only `cargo xtask bench` needs them.
pub fn ensure_bench_packages() -> Result {
    ensure_npm_packages(&paths::root().join("tests").join("bench"), "the bench's")
}

/// `npm ci` in `dir` from its committed lockfile, unless the installed tree is newer than it.
fn ensure_npm_packages(dir: &Path, whose: &str) -> Result {
    let installed = dir.join("node_modules").join(".package-lock.json");
    let lock = dir.join("package-lock.json");
    if is_newer(&installed, &lock) {
        return Ok(());
    }
    println!("xtask: installing {whose} npm packages (npm ci)");
    run(Command::new("npm").args(["ci", "--no-audit", "--no-fund"]).current_dir(dir))
}

fn is_newer(a: &Path, b: &Path) -> bool {
    let modified = |p: &Path| std::fs::metadata(p).and_then(|m| m.modified()).ok();
    matches!((modified(a), modified(b)), (Some(x), Some(y)) if x >= y)
}

fn tool_version(name: &str) -> Option<String> {
    output(Command::new(name).arg("--version").env("PATH", paths::tool_path()))
}

/// The version of `krate` that Cargo.lock pins (the first entry of that name).
pub fn locked_version(krate: &str) -> Result<String> {
    let lock_path = paths::root().join("Cargo.lock");
    let lock = std::fs::read_to_string(&lock_path).map_err(|e| format!("cannot read Cargo.lock: {e}"))?;
    parse_locked_version(&lock, krate).ok_or_else(|| format!("Cargo.lock has no package {krate}"))
}

fn parse_locked_version(lock: &str, krate: &str) -> Option<String> {
    let name_line = format!("name = \"{krate}\"");
    let mut lines = lock.lines();
    while let Some(line) = lines.next() {
        if line.trim() == name_line {
            let version = lines.next()?.trim().strip_prefix("version = \"")?.strip_suffix('"')?;
            return Some(version.to_owned());
        }
    }
    None
}

#[cfg(test)]
mod tests {
    use super::parse_locked_version;

    #[test]
    fn finds_the_exact_package_not_a_prefix() {
        let lock = "[[package]]\nname = \"wasm-bindgen-futures\"\nversion = \"0.4.1\"\n\n\
                    [[package]]\nname = \"wasm-bindgen\"\nversion = \"0.2.130\"\n";
        assert_eq!(parse_locked_version(lock, "wasm-bindgen").as_deref(), Some("0.2.130"));
        assert_eq!(parse_locked_version(lock, "leptos"), None);
    }
}
