//! Short import names for wasm-bindgen's output.
//!
//! wasm-bindgen names each JavaScript function that the wasm imports
//! `__wbg_<name>_<16 hex digits>` and writes every name twice: in the wasm's import section
//! and as a key of the glue's import object. Hex digits do not compress. For this app, the
//! names cost about 3 KB gzip in each of the two files. [`rename_imports`] gives every such
//! import a short name in the wasm, and [`rename_in_glue`] the same names in the glue.

use crate::Result;
use std::collections::{HashMap, HashSet};

/// What wasm-bindgen calls the imports it generates. Exports such as `__wbg_x_free` share the
/// prefix, so only a name that is imported and not also exported is renamed.
const GENERATED: &str = "__wbg_";

/// The module with each generated import renamed, and the renaming (old name → new).
pub fn rename_imports(wasm: &[u8]) -> Result<(Vec<u8>, HashMap<String, String>)> {
    let sections = sections(wasm)?;
    let exported = match sections.iter().find(|s| s.id == EXPORT_SECTION) {
        Some(s) => export_names(s.body)?,
        None => HashSet::new(),
    };
    let mut out = wasm[..8].to_vec();
    let mut renamed = HashMap::new();
    for section in &sections {
        let body = if section.id == IMPORT_SECTION {
            rename_in_import_section(section.body, &exported, &mut renamed)?
        } else {
            section.body.to_vec()
        };
        out.push(section.id);
        leb(&mut out, body.len() as u32);
        out.extend_from_slice(&body);
    }
    Ok((out, renamed))
}

const IMPORT_SECTION: u8 = 2;
const EXPORT_SECTION: u8 = 7;

struct Section<'a> {
    id: u8,
    body: &'a [u8],
}

fn sections(wasm: &[u8]) -> Result<Vec<Section<'_>>> {
    if wasm.get(..8) != Some(b"\0asm\x01\0\0\0") {
        return Err("not a version 1 wasm module".into());
    }
    let mut r = Reader { bytes: wasm, at: 8 };
    let mut sections = Vec::new();
    while r.at < wasm.len() {
        let id = r.byte()?;
        let len = r.u32()? as usize;
        sections.push(Section { id, body: r.take(len)? });
    }
    Ok(sections)
}

fn export_names(body: &[u8]) -> Result<HashSet<String>> {
    let mut r = Reader { bytes: body, at: 0 };
    let mut names = HashSet::new();
    for _ in 0..r.u32()? {
        names.insert(r.name()?.to_owned());
        r.byte()?;
        r.u32()?;
    }
    Ok(names)
}

fn rename_in_import_section(
    body: &[u8],
    exported: &HashSet<String>,
    renamed: &mut HashMap<String, String>,
) -> Result<Vec<u8>> {
    let mut r = Reader { bytes: body, at: 0 };
    let count = r.u32()?;
    let mut out = Vec::with_capacity(body.len());
    leb(&mut out, count);
    for _ in 0..count {
        let module = r.name()?;
        let field = r.name()?;
        let start = r.at;
        let is_function = skip_import_type(&mut r)?;
        let new = if is_function && field.starts_with(GENERATED) && !exported.contains(field) {
            let short = short_name(renamed.len());
            renamed.insert(field.to_owned(), short.clone());
            short
        } else {
            field.to_owned()
        };
        for name in [module, &new] {
            leb(&mut out, name.len() as u32);
            out.extend_from_slice(name.as_bytes());
        }
        out.extend_from_slice(&body[start..r.at]);
    }
    Ok(out)
}

/// Steps over an import's type; whether it is a function. Only the encodings wasm-bindgen
/// emits are known: anything else stops the build rather than being guessed at.
fn skip_import_type(r: &mut Reader<'_>) -> Result<bool> {
    match r.byte()? {
        0 => r.u32().map(|_| true),
        1 => {
            let reference = r.byte()?;
            if !matches!(reference, 0x70 | 0x6f) {
                return Err(format!("an imported table of type {reference:#x}: unknown here"));
            }
            skip_limits(r).map(|_| false)
        }
        2 => skip_limits(r).map(|_| false),
        3 => r.take(2).map(|_| false),
        kind => Err(format!("an import of kind {kind}: unknown here")),
    }
}

fn skip_limits(r: &mut Reader<'_>) -> Result {
    let flags = r.byte()?;
    r.u32()?;
    if flags & 1 == 1 {
        r.u32()?;
    }
    Ok(())
}

/// `a`, `b`, … `Z`, `aa`, `ab`, …: the shortest property keys there are.
fn short_name(n: usize) -> String {
    const LETTERS: &[u8; 52] = b"abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ";
    let (mut n, mut name) = (n + 1, Vec::new());
    while n > 0 {
        n -= 1;
        name.push(LETTERS[n % 52]);
        n /= 52;
    }
    name.reverse();
    String::from_utf8(name).expect("ASCII letters")
}

/// The glue with every renamed identifier replaced (a whole identifier only, never a part of
/// a longer one); each must be found.
pub fn rename_in_glue(glue: &str, renamed: &HashMap<String, String>) -> Result<String> {
    let is_ident = |c: char| c.is_ascii_alphanumeric() || c == '_' || c == '$';
    let mut out = String::with_capacity(glue.len());
    let mut seen = HashSet::new();
    let mut rest = glue;
    while let Some(start) = rest.find(is_ident) {
        out.push_str(&rest[..start]);
        let len = rest[start..].find(|c| !is_ident(c)).unwrap_or(rest.len() - start);
        let word = &rest[start..start + len];
        match renamed.get(word) {
            Some(short) => {
                seen.insert(word);
                out.push_str(short);
            }
            None => out.push_str(word),
        }
        rest = &rest[start + len..];
    }
    out.push_str(rest);
    match renamed.keys().find(|name| !seen.contains(name.as_str())) {
        Some(missing) => {
            Err(format!("the glue does not name the import {missing}: did wasm-bindgen change?"))
        }
        None => Ok(out),
    }
}

struct Reader<'a> {
    bytes: &'a [u8],
    at: usize,
}

impl<'a> Reader<'a> {
    fn byte(&mut self) -> Result<u8> {
        self.take(1).map(|b| b[0])
    }

    fn take(&mut self, len: usize) -> Result<&'a [u8]> {
        let end = self.at.checked_add(len).filter(|&end| end <= self.bytes.len());
        let bytes = &self.bytes[self.at..end.ok_or("the wasm ends early")?];
        self.at += len;
        Ok(bytes)
    }

    /// An unsigned LEB128 number.
    fn u32(&mut self) -> Result<u32> {
        let mut value = 0u32;
        for shift in (0..35).step_by(7) {
            let byte = self.byte()?;
            value |= u32::from(byte & 0x7f) << shift;
            if byte & 0x80 == 0 {
                return Ok(value);
            }
        }
        Err("a number in the wasm is too long".into())
    }

    fn name(&mut self) -> Result<&'a str> {
        let len = self.u32()? as usize;
        std::str::from_utf8(self.take(len)?).map_err(|_| "a name in the wasm is not UTF-8".into())
    }
}

fn leb(out: &mut Vec<u8>, mut n: u32) {
    loop {
        let byte = (n & 0x7f) as u8;
        n >>= 7;
        if n == 0 {
            out.push(byte);
            return;
        }
        out.push(byte | 0x80);
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    /// A module importing two generated functions and a memory, and exporting a generated name.
    fn module() -> Vec<u8> {
        let mut imports = Vec::new();
        leb(&mut imports, 3);
        for (field, ty) in [
            ("__wbg_body_5f971cbc6950ca4f", &[0u8, 0][..]),
            ("__wbg_x_free", &[0, 0]),
            ("memory", &[2, 0, 17]),
        ] {
            for name in ["./a_bg.js", field] {
                leb(&mut imports, name.len() as u32);
                imports.extend_from_slice(name.as_bytes());
            }
            imports.extend_from_slice(ty);
        }
        let mut exports = vec![1, 12];
        exports.extend_from_slice(b"__wbg_x_free");
        exports.extend_from_slice(&[0, 2]);
        let mut wasm = b"\0asm\x01\0\0\0".to_vec();
        for (id, body) in [(1u8, vec![1, 0x60, 0, 0]), (IMPORT_SECTION, imports), (EXPORT_SECTION, exports)] {
            wasm.push(id);
            leb(&mut wasm, body.len() as u32);
            wasm.extend(body);
        }
        wasm
    }

    #[test]
    fn renames_generated_function_imports_only() {
        let (wasm, renamed) = rename_imports(&module()).unwrap();
        assert_eq!(renamed, HashMap::from([("__wbg_body_5f971cbc6950ca4f".to_string(), "a".to_string())]));
        let sections = sections(&wasm).unwrap();
        let imports = sections.iter().find(|s| s.id == IMPORT_SECTION).unwrap();
        let mut r = Reader { bytes: imports.body, at: 0 };
        let mut fields = Vec::new();
        for _ in 0..r.u32().unwrap() {
            assert_eq!(r.name().unwrap(), "./a_bg.js");
            fields.push(r.name().unwrap());
            skip_import_type(&mut r).unwrap();
        }
        // The export's namesake keeps its name: the glue reads the export by it.
        assert_eq!(fields, ["a", "__wbg_x_free", "memory"]);
        assert_eq!(r.at, imports.body.len());
        assert_eq!(wasm.len(), module().len() - "__wbg_body_5f971cbc6950ca4f".len() + 1);
    }

    #[test]
    fn refuses_what_it_cannot_read() {
        assert!(rename_imports(b"not wasm").is_err());
        let mut cut = module();
        cut.truncate(cut.len() - 3);
        assert!(rename_imports(&cut).is_err());
    }

    #[test]
    fn short_names_are_distinct_letters() {
        let names: Vec<_> = (0..3000).map(short_name).collect();
        assert_eq!((names[0].as_str(), names[51].as_str(), names[52].as_str()), ("a", "Z", "aa"));
        assert!(names.iter().all(|n| n.chars().all(|c| c.is_ascii_alphabetic())));
        assert_eq!(names.iter().collect::<HashSet<_>>().len(), names.len());
    }

    #[test]
    fn renames_whole_identifiers_in_the_glue() {
        let renamed = HashMap::from([("__wbg_body_5f97".to_string(), "a".to_string())]);
        let glue = "const i = { __wbg_body_5f97: function(arg0) { return x__wbg_body_5f97; } };";
        assert_eq!(
            rename_in_glue(glue, &renamed).unwrap(),
            "const i = { a: function(arg0) { return x__wbg_body_5f97; } };"
        );
        assert!(rename_in_glue("const i = {};", &renamed).is_err());
    }
}
