//! What a trunk release build is given after trunk: short import names in the wasm and its
//! glue ([`crate::imports`]), then the glue minified by terser (trunk's own JavaScript
//! minifier refuses wasm-bindgen's `export default`), then the two files' new hashes in
//! `index.html`'s `integrity` attributes. The hashed file names stay as trunk wrote them: the
//! rewrite is a function of the files, so a name still changes exactly when its file does.

use crate::assets::read_page;
use crate::{imports, paths, Result};
use base64::Engine;
use sha2::{Digest, Sha384};
use std::io::Write;
use std::path::Path;
use std::process::{Command, Stdio};

/// Shrinks the wasm and the glue that `dist/index.html` names, and updates that page.
pub fn shrink(dist: &Path) -> Result {
    let (html, assets) = read_page(dist)?;
    let (wasm_path, glue_path) = (dist.join(&assets.wasm), dist.join(&assets.glue));
    let (wasm, glue) = (read(&wasm_path)?, read(&glue_path)?);
    let glue = String::from_utf8(glue).map_err(|_| format!("{} is not UTF-8", glue_path.display()))?;

    let (new_wasm, renamed) = imports::rename_imports(&wasm)?;
    let new_glue = minified(&imports::rename_in_glue(&glue, &renamed)?)?;
    let mut new_html = html;
    for (old, new) in [(&wasm[..], &new_wasm[..]), (glue.as_bytes(), new_glue.as_bytes())] {
        new_html = replace_integrity(&new_html, old, new)?;
    }
    write(&wasm_path, &new_wasm)?;
    write(&glue_path, new_glue.as_bytes())?;
    write(&dist.join("index.html"), new_html.as_bytes())?;
    println!(
        "xtask: {} imports renamed, glue minified: wasm {} -> {} B, glue {} -> {} B",
        renamed.len(),
        wasm.len(),
        new_wasm.len(),
        glue.len(),
        new_glue.len()
    );
    Ok(())
}

/// `glue` through terser as an ES module (its exports keep their names; what is inside is
/// compressed and renamed).
fn minified(glue: &str) -> Result<String> {
    let terser = paths::tools_bin().join("terser");
    let mut child = Command::new(&terser)
        .args(["--module", "--compress", "--mangle"])
        .stdin(Stdio::piped())
        .stdout(Stdio::piped())
        .spawn()
        .map_err(|e| format!("cannot run {}: {e}", terser.display()))?;
    child
        .stdin
        .take()
        .expect("piped")
        .write_all(glue.as_bytes())
        .map_err(|e| format!("cannot write to terser: {e}"))?;
    let out = child.wait_with_output().map_err(|e| format!("terser failed: {e}"))?;
    if !out.status.success() || out.stdout.is_empty() {
        return Err(format!("terser failed ({}) on the wasm-bindgen glue", out.status));
    }
    String::from_utf8(out.stdout).map_err(|_| "terser wrote something that is not UTF-8".into())
}

/// `html` with the `integrity` of a file that was `old` made that of `new`.
fn replace_integrity(html: &str, old: &[u8], new: &[u8]) -> Result<String> {
    let old = sri(old);
    if !html.contains(&old) {
        return Err(format!("index.html has no integrity {old}: did trunk change?"));
    }
    Ok(html.replace(&old, &sri(new)))
}

/// A Subresource Integrity value, as trunk writes them.
fn sri(bytes: &[u8]) -> String {
    format!("sha384-{}", base64::engine::general_purpose::STANDARD.encode(Sha384::digest(bytes)))
}

fn read(path: &Path) -> Result<Vec<u8>> {
    std::fs::read(path).map_err(|e| format!("cannot read {}: {e}", path.display()))
}

fn write(path: &Path, bytes: &[u8]) -> Result {
    std::fs::write(path, bytes).map_err(|e| format!("cannot write {}: {e}", path.display()))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn updates_the_integrity_of_the_rewritten_file() {
        let html = format!("<link href=./a.js integrity={} rel=modulepreload>", sri(b"old"));
        let updated = replace_integrity(&html, b"old", b"new").unwrap();
        assert_eq!(updated, format!("<link href=./a.js integrity={} rel=modulepreload>", sri(b"new")));
        assert!(replace_integrity(&html, b"other", b"new").is_err());
    }

    #[test]
    fn sri_is_what_browsers_check() {
        // printf abc | openssl dgst -sha384 -binary | base64
        assert_eq!(sri(b"abc"), "sha384-ywB1P0WjXou1oD1pmsZQBycsMqsO3tFjGotgWkP/W+2AhgcroefMI1i67KE0yCWn");
    }
}
