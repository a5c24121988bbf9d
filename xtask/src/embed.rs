//! `dist/embed/profiles-studio.js`: the stable, unhashed ES module that embedding hosts import
//! (`src/embed/loader.js` with the hashed asset names of this build filled in, relative to
//! itself so that the module works from any origin and sub-path).

use crate::{paths, Result};
use std::path::Path;

/// Where the module goes inside dist/.
pub const MODULE: &str = "embed/profiles-studio.js";

/// The hashed wasm-bindgen glue, wasm and stylesheet that trunk wrote into `index.html`.
#[derive(Debug, PartialEq, Eq)]
struct Assets {
    glue: String,
    wasm: String,
    css: String,
}

/// The assets `html` names (`./name` or `name`), in an attribute, quoted or not (trunk's
/// minified HTML leaves out the quotes it can), or in the loader's import.
fn assets_in(html: &str) -> Option<Assets> {
    let found = html
        .split(|c: char| matches!(c, '"' | '\'' | '=' | '<' | '>') || c.is_whitespace())
        .map(|s| s.trim_start_matches("./").trim_start_matches('/'))
        .filter(|s| !s.contains('/'));
    let (mut glue, mut wasm, mut css) = (None, None, None);
    for name in found {
        if name.starts_with("profiles-studio-") && name.ends_with("_bg.wasm") {
            wasm.get_or_insert(name);
        } else if name.starts_with("profiles-studio-") && name.ends_with(".js") {
            glue.get_or_insert(name);
        } else if name.starts_with("main-") && name.ends_with(".css") {
            css.get_or_insert(name);
        }
    }
    Some(Assets { glue: glue?.to_owned(), wasm: wasm?.to_owned(), css: css?.to_owned() })
}

/// The module's text: the template with the asset names (relative to `embed/`) filled in.
fn module_text(template: &str, assets: &Assets) -> Result<String> {
    if template.matches("__ASSETS__").count() != 1 {
        return Err("src/embed/loader.js must name __ASSETS__ exactly once".into());
    }
    let json = format!(
        "{{ glue: \"../{}\", wasm: \"../{}\", css: \"../{}\" }}",
        assets.glue, assets.wasm, assets.css
    );
    Ok(template.replace("__ASSETS__", &json))
}

/// Writes dist/embed/profiles-studio.js for the `index.html` in `dist`.
pub fn write_module(dist: &Path) -> Result {
    let html = std::fs::read_to_string(dist.join("index.html"))
        .map_err(|e| format!("cannot read {}/index.html: {e}", dist.display()))?;
    let assets =
        assets_in(&html).ok_or("dist/index.html does not name the glue, wasm and css: did trunk change?")?;
    let template_path = paths::root().join("src").join("embed").join("loader.js");
    let template = std::fs::read_to_string(&template_path)
        .map_err(|e| format!("cannot read {}: {e}", template_path.display()))?;
    let out = dist.join(MODULE);
    if let Some(dir) = out.parent() {
        std::fs::create_dir_all(dir).map_err(|e| format!("cannot create {}: {e}", dir.display()))?;
    }
    std::fs::write(&out, module_text(&template, &assets)?)
        .map_err(|e| format!("cannot write {MODULE}: {e}"))?;
    println!("xtask: wrote {MODULE} (loads {}, {}, {})", assets.glue, assets.wasm, assets.css);
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;

    const HTML: &str = r#"<link rel="stylesheet" href="./main-1a2b.css" integrity="sha384-x"/>
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
                css: "main-1a2b.css".into()
            }
        );
        assert_eq!(assets_in("<link href=\"./main-1.css\">"), None);
    }

    #[test]
    fn finds_them_in_minified_html_too() {
        let html = "<link href=./main-1a2b.css integrity=sha384-x rel=stylesheet><link crossorigin \
            href=./profiles-studio-9f8e.js rel=modulepreload><script type=module>import init from \
            './profiles-studio-9f8e.js';init({ module_or_path: './profiles-studio-9f8e_bg.wasm' })</script>";
        assert_eq!(assets_in(html), assets_in(HTML));
    }

    #[test]
    fn fills_the_template_once() {
        let a = assets_in(HTML).unwrap();
        let text = module_text("const ASSETS = __ASSETS__;", &a).unwrap();
        assert!(text.contains("glue: \"../profiles-studio-9f8e.js\""), "{text}");
        assert!(module_text("no placeholder", &a).is_err());
    }

    #[test]
    fn the_real_template_has_its_placeholder() {
        let template = std::fs::read_to_string(paths::root().join("src/embed/loader.js")).unwrap();
        assert_eq!(template.matches("__ASSETS__").count(), 1);
    }
}
