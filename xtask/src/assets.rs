//! The hashed files of a trunk build, as its `index.html` names them: the wasm, its
//! wasm-bindgen glue and the stylesheet. The steps after trunk (`shrink`, the embedding module
//! of `embed`) find them here.

use crate::Result;
use std::path::Path;

/// The hashed asset names (relative to the dist directory).
#[derive(Debug, PartialEq, Eq)]
pub struct Assets {
    pub glue: String,
    pub wasm: String,
    /// `None` for a page without a stylesheet (the bench's counter).
    pub css: Option<String>,
}

/// The assets `html` names (`./name` or `name`), in an attribute, quoted or not (trunk's
/// minified HTML leaves out the quotes it can), or in the loader's import: the `*_bg.wasm`,
/// the glue beside it (`*.js` of the same stem) and the `main-*.css`.
pub fn assets_in(html: &str) -> Option<Assets> {
    let names: Vec<&str> = html
        .split(|c: char| matches!(c, '"' | '\'' | '=' | '<' | '>') || c.is_whitespace())
        .map(|s| s.trim_start_matches("./").trim_start_matches('/'))
        .filter(|s| !s.contains('/'))
        .collect();
    let wasm = names.iter().find(|s| s.ends_with("_bg.wasm"))?;
    let glue = format!("{}.js", wasm.strip_suffix("_bg.wasm")?);
    if !names.contains(&glue.as_str()) {
        return None;
    }
    let css = names.iter().find(|s| s.starts_with("main-") && s.ends_with(".css"));
    Some(Assets { glue, wasm: wasm.to_string(), css: css.map(|s| s.to_string()) })
}

/// `dist/index.html`'s text and the assets it names.
pub fn read_page(dist: &Path) -> Result<(String, Assets)> {
    let path = dist.join("index.html");
    let html = std::fs::read_to_string(&path).map_err(|e| format!("cannot read {}: {e}", path.display()))?;
    let assets =
        assets_in(&html).ok_or("dist/index.html does not name the glue and the wasm: did trunk change?")?;
    Ok((html, assets))
}

#[cfg(test)]
pub mod tests {
    use super::*;

    pub const HTML: &str = r#"<link rel="stylesheet" href="./main-1a2b.css" integrity="sha384-x"/>
<link rel="modulepreload" href="./profiles-studio-9f8e.js" crossorigin="anonymous">
<link rel="preload" href="./profiles-studio-9f8e_bg.wasm" as="fetch" type="application/wasm">
<script type="module">import init from './profiles-studio-9f8e.js';init({ module_or_path: './profiles-studio-9f8e_bg.wasm' });</script>"#;

    #[test]
    fn finds_the_hashed_assets() {
        let a = assets_in(HTML).unwrap();
        assert_eq!(
            a,
            Assets {
                glue: "profiles-studio-9f8e.js".into(),
                wasm: "profiles-studio-9f8e_bg.wasm".into(),
                css: Some("main-1a2b.css".into())
            }
        );
        assert_eq!(assets_in("<link href=\"./main-1.css\">"), None);
        // A wasm without its glue is not a trunk page.
        assert_eq!(assets_in("<link href=\"./a-1_bg.wasm\"><link href=\"./b-2.js\">"), None);
    }

    #[test]
    fn finds_them_in_minified_html_too() {
        let html = "<link href=./main-1a2b.css integrity=sha384-x rel=stylesheet><link crossorigin \
            href=./profiles-studio-9f8e.js rel=modulepreload><script type=module>import init from \
            './profiles-studio-9f8e.js';init({ module_or_path: './profiles-studio-9f8e_bg.wasm' })</script>";
        assert_eq!(assets_in(html), assets_in(HTML));
    }

    #[test]
    fn a_page_without_a_stylesheet_has_none() {
        let html = "<link href=./bench-counter-1c_bg.wasm rel=preload><script type=module>import init \
            from './bench-counter-1c.js'</script>";
        let a = assets_in(html).unwrap();
        assert_eq!((a.glue.as_str(), a.css), ("bench-counter-1c.js", None));
    }
}
