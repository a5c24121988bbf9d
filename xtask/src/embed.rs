//! `dist/embed/profiles-studio.js`: the stable, unhashed ES module that embedding hosts import
//! (`src/embed/loader.js` with the hashed asset names of this build filled in, relative to
//! itself so that the module works from any origin and sub-path).

use crate::assets::{read_page, Assets};
use crate::{paths, Result};
use std::path::Path;

/// Where the module goes inside dist/.
pub const MODULE: &str = "embed/profiles-studio.js";

/// The module's text: the template with the asset names (relative to `embed/`) filled in.
fn module_text(template: &str, assets: &Assets) -> Result<String> {
    if template.matches("__ASSETS__").count() != 1 {
        return Err("src/embed/loader.js must name __ASSETS__ exactly once".into());
    }
    let css = assets.css.as_deref().ok_or("dist/index.html names no main-*.css: did trunk change?")?;
    let json = format!("{{ glue: \"../{}\", wasm: \"../{}\", css: \"../{css}\" }}", assets.glue, assets.wasm);
    Ok(template.replace("__ASSETS__", &json))
}

/// Writes dist/embed/profiles-studio.js for the `index.html` in `dist`.
pub fn write_module(dist: &Path) -> Result {
    let (_, assets) = read_page(dist)?;
    let template_path = paths::root().join("src").join("embed").join("loader.js");
    let template = std::fs::read_to_string(&template_path)
        .map_err(|e| format!("cannot read {}: {e}", template_path.display()))?;
    let out = dist.join(MODULE);
    if let Some(dir) = out.parent() {
        std::fs::create_dir_all(dir).map_err(|e| format!("cannot create {}: {e}", dir.display()))?;
    }
    std::fs::write(&out, module_text(&template, &assets)?)
        .map_err(|e| format!("cannot write {MODULE}: {e}"))?;
    println!("xtask: wrote {MODULE} (loads {}, {} and the stylesheet)", assets.glue, assets.wasm);
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::assets::{assets_in, tests::HTML};

    #[test]
    fn fills_the_template_once() {
        let a = assets_in(HTML).unwrap();
        let text = module_text("const ASSETS = __ASSETS__;", &a).unwrap();
        assert!(text.contains("glue: \"../profiles-studio-9f8e.js\""), "{text}");
        assert!(module_text("no placeholder", &a).is_err());
        assert!(module_text("const ASSETS = __ASSETS__;", &Assets { css: None, ..a }).is_err());
    }

    #[test]
    fn the_real_template_has_its_placeholder() {
        let template = std::fs::read_to_string(paths::root().join("src/embed/loader.js")).unwrap();
        assert_eq!(template.matches("__ASSETS__").count(), 1);
    }
}
