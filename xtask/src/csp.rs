//! The strict Content-Security-Policy described in the README ("Content Security Policy"), written
//! next to the release build for hosts to send as a header. Trunk's loader is an inline module script; a nonce is
//! useless on a static host, so the policy allows exactly that script by its sha256.

use crate::Result;
use base64::Engine as _;
use sha2::{Digest, Sha256};
use std::path::Path;

/// The file in dist/ that holds the policy (one line, ready for a `Content-Security-Policy` header).
pub const POLICY_FILE: &str = "content-security-policy.txt";

/// The CDP API and Profiles API (lookup tester) origins of the five regions; a host that uses
/// a custom base URL adds its own.
const API_ORIGINS: &[&str] = &[
    "https://api-cdp.treasuredata.com",
    "https://api-cdp.treasuredata.co.jp",
    "https://api-cdp.eu01.treasuredata.com",
    "https://api-cdp.ap02.treasuredata.com",
    "https://api-cdp.ap03.treasuredata.com",
    "https://cdp.in.treasuredata.com",
    "https://cdp-tokyo.in.treasuredata.com",
    "https://cdp-eu01.in.treasuredata.com",
    "https://cdp-ap02.in.treasuredata.com",
    "https://cdp-ap03.in.treasuredata.com",
];

/// Every inline `<script>` body of `html`, exactly as the browser hashes it.
fn inline_scripts(html: &str) -> Vec<&str> {
    let mut scripts = Vec::new();
    let mut rest = html;
    while let Some(start) = rest.find("<script") {
        let after = &rest[start..];
        let Some(open_end) = after.find('>') else { break };
        let tag = &after[..open_end];
        let body_and_more = &after[open_end + 1..];
        let Some(close) = body_and_more.find("</script>") else { break };
        if !tag.contains(" src=") {
            scripts.push(&body_and_more[..close]);
        }
        rest = &body_and_more[close..];
    }
    scripts
}

/// The policy for `index.html`: its inline scripts allowed by hash, nothing else inline.
pub fn policy_for(html: &str) -> String {
    let hashes: Vec<String> = inline_scripts(html)
        .into_iter()
        .map(|s| {
            let digest = Sha256::digest(s.as_bytes());
            format!("'sha256-{}'", base64::engine::general_purpose::STANDARD.encode(digest))
        })
        .collect();
    format!(
        "default-src 'none'; script-src 'self' 'wasm-unsafe-eval' {}; style-src 'self'; \
         connect-src 'self' {}; img-src 'self' data:; base-uri 'none'; object-src 'none'; \
         form-action 'none'; frame-ancestors 'none'",
        hashes.join(" "),
        API_ORIGINS.join(" ")
    )
}

/// Writes dist/content-security-policy.txt for the `index.html` in `dist`.
pub fn write_policy(dist: &Path) -> Result {
    let html = std::fs::read_to_string(dist.join("index.html"))
        .map_err(|e| format!("cannot read {}/index.html: {e}", dist.display()))?;
    if inline_scripts(&html).is_empty() {
        return Err("dist/index.html has no inline loader: did trunk change its output?".into());
    }
    let policy = policy_for(&html);
    std::fs::write(dist.join(POLICY_FILE), format!("{policy}\n"))
        .map_err(|e| format!("cannot write the CSP file: {e}"))?;
    println!("xtask: wrote {POLICY_FILE} (strict CSP with the loader's sha256)");
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn hashes_inline_scripts_only() {
        let html = r#"<script type="module">
import init from './a.js';
</script><script src="x.js"></script><link rel="modulepreload" href="./a.js">"#;
        assert_eq!(inline_scripts(html), vec!["\nimport init from './a.js';\n"]);
        let policy = policy_for(html);
        // echo -n "\nimport init from './a.js';\n" | openssl dgst -sha256 -binary | base64
        let expected = {
            let d = Sha256::digest(b"\nimport init from './a.js';\n");
            base64::engine::general_purpose::STANDARD.encode(d)
        };
        assert!(policy.contains(&format!("'sha256-{expected}'")));
        assert!(policy.starts_with("default-src 'none'; script-src 'self' 'wasm-unsafe-eval' 'sha256-"));
        assert!(!policy.contains("unsafe-inline"));
    }

    #[test]
    fn known_digest() {
        // The sha256 of "abc" (FIPS 180-2 test vector), base64.
        let d = Sha256::digest(b"abc");
        assert_eq!(
            base64::engine::general_purpose::STANDARD.encode(d),
            "ungWv48Bz+pBQUDeXa4iI7ADYaOWF3qctBD/YfIAFa0="
        );
    }
}
