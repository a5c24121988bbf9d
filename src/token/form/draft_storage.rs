//! The one time a draft leaves memory: a panic. The panic hook (`crate::recovery`) writes the
//! form that was open to sessionStorage so that "Reload" brings it back; the next start reads it
//! once and removes it. Only the form travels (name, description, key column, attributes,
//! segments, folder, the `updatedAt` it was based on): never the API key or anything else of
//! the session. What comes back from storage is untrusted and parsed into typed ids again.

use crate::api::{FolderId, SegmentId, SegmentKind, SegmentRef};
use crate::token::form::drafts::{Draft, DraftBook, Drafts};
use crate::token::form::model::TokenForm;
use serde_json::{json, Map, Value};

/// The sessionStorage entry of the standalone app (this tab only, gone with it); an embedded
/// instance has a key of its own.
pub const STORAGE_KEY: &str = "profiles-studio.draft-after-crash";

// Written and read by hand rather than derived (serde's generated readers for these three
// shapes took about 6 KB of the wasm): exactly the members `to_json` writes, each of its type.

/// The entry for `draft` of the form `key`.
pub fn to_json(key: &str, draft: &Draft) -> String {
    json!({
        "key": key,
        "base": draft.base,
        "original": form_to_value(&draft.original),
        "form": form_to_value(&draft.form),
    })
    .to_string()
}

fn form_to_value(f: &TokenForm) -> Value {
    let segments: Vec<Value> = (f.segments.iter())
        .map(|s| {
            json!({
                "id": s.id.as_str(),
                // The API `type` (`segment-batch`, …).
                "kind": s.kind.api_type(),
                "name": s.name,
                "description": s.description,
                "population": s.population,
            })
        })
        .collect();
    json!({
        "name": f.name,
        "description": f.description,
        "keyColumn": f.key_column,
        "attributes": f.attributes,
        "segments": segments,
        "folder": f.folder.as_str(),
    })
}

/// Reads what `to_json` wrote; anything else (tampered, another version, a key that names no
/// form) is `None`.
pub fn from_json(text: &str) -> Option<(String, Draft)> {
    let stored: Value = serde_json::from_str(text).ok()?;
    let o = only(&stored, &["key", "base", "original", "form"])?;
    let key = string(o.get("key")?)?;
    let known = key.strip_prefix("edit/").or_else(|| key.strip_prefix("create/"));
    known.filter(|id| FolderId::parse(id).is_some())?;
    let draft = Draft {
        base: optional(o.get("base"), string)?,
        original: form_from_value(o.get("original")?)?,
        form: form_from_value(o.get("form")?)?,
    };
    Some((key, draft))
}

fn form_from_value(v: &Value) -> Option<TokenForm> {
    let o = only(v, &["name", "description", "keyColumn", "attributes", "segments", "folder"])?;
    let strings = |v: &Value| v.as_array()?.iter().map(string).collect::<Option<Vec<_>>>();
    Some(TokenForm {
        name: string(o.get("name")?)?,
        description: string(o.get("description")?)?,
        key_column: string(o.get("keyColumn")?)?,
        attributes: strings(o.get("attributes")?)?,
        segments: o.get("segments")?.as_array()?.iter().map(segment_from_value).collect::<Option<_>>()?,
        folder: FolderId::parse(o.get("folder")?.as_str()?)?,
    })
}

fn segment_from_value(v: &Value) -> Option<SegmentRef> {
    let o = only(v, &["id", "kind", "name", "description", "population"])?;
    Some(SegmentRef {
        id: SegmentId::parse(o.get("id")?.as_str()?)?,
        kind: SegmentKind::from_api_type(o.get("kind")?.as_str()?)?,
        name: optional(o.get("name"), string)?,
        description: optional(o.get("description"), string)?,
        population: optional(o.get("population"), Value::as_u64)?,
    })
}

/// The members of `v`, if it is an object with no member outside `allowed`.
fn only<'a>(v: &'a Value, allowed: &[&str]) -> Option<&'a Map<String, Value>> {
    v.as_object().filter(|o| o.keys().all(|k| allowed.contains(&k.as_str())))
}

fn string(v: &Value) -> Option<String> {
    v.as_str().map(str::to_owned)
}

/// An optional member: absent or `null` is `Some(None)`, a value `read` accepts is
/// `Some(Some(_))`, and anything else `None` (the entry is refused).
fn optional<T>(v: Option<&Value>, read: fn(&Value) -> Option<T>) -> Option<Option<T>> {
    match v {
        None | Some(Value::Null) => Some(None),
        Some(v) => read(v).map(Some),
    }
}

fn storage() -> Option<web_sys::Storage> {
    web_sys::window()?.session_storage().ok().flatten()
}

/// From the panic hook: writes the form open in `book`, if any, under `key`. Returns whether one
/// was kept. Touches no Leptos state (it may be what panicked).
pub fn save_open_draft(key: &str, book: &DraftBook) -> bool {
    let Some((form, draft)) = book.open_draft() else { return false };
    storage().is_some_and(|s| s.set_item(key, &to_json(&form, &draft)).is_ok())
}

/// At start: takes a draft a crash left behind under `key` (the entry is removed whatever it
/// holds) and hands it to its form, which opens with it. Returns whether there was one.
pub fn restore_saved_draft(key: &str, drafts: Drafts) -> bool {
    let Some(s) = storage() else { return false };
    let text = s.get_item(key).ok().flatten();
    forget(key);
    match text.as_deref().and_then(from_json) {
        Some((form, draft)) => drafts.with(|b| b.keep(&form, draft)).is_some(),
        None => false,
    }
}

/// Removes the entry under `key` (Disconnect, and once read).
pub fn forget(key: &str) {
    if let Some(s) = storage() {
        _ = s.remove_item(key);
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::test_support::{segment, token};

    fn draft() -> Draft {
        let mut original = TokenForm::from_token(&token("5001", "Homepage", "1010")).unwrap();
        original.attributes.push("gender".into());
        original.segments.push(segment("3001", Some("High Spenders")));
        let mut form = original.clone();
        form.name = "Changed <b>name</b>".into();
        form.description = "line\nbreak \u{0} nul 👩‍👩‍👧".into();
        form.segments[0].name = None;
        Draft { base: Some("2025-01-01T00:00:00Z".into()), original, form }
    }

    #[test]
    fn round_trip() {
        let d = draft();
        let text = to_json("edit/5001", &d);
        assert_eq!(from_json(&text), Some(("edit/5001".to_owned(), d.clone())));
        let create = Draft { base: None, ..d };
        assert_eq!(from_json(&to_json("create/1010", &create)), Some(("create/1010".to_owned(), create)));
    }

    #[test]
    fn only_the_form_is_written() {
        let value: serde_json::Value = serde_json::from_str(&to_json("edit/5001", &draft())).unwrap();
        let mut keys: Vec<&str> = value.as_object().unwrap().keys().map(String::as_str).collect();
        keys.sort_unstable();
        assert_eq!(keys, ["base", "form", "key", "original"]);
        let mut form: Vec<&str> = value["form"].as_object().unwrap().keys().map(String::as_str).collect();
        form.sort_unstable();
        assert_eq!(form, ["attributes", "description", "folder", "keyColumn", "name", "segments"]);
    }

    #[test]
    fn garbage_and_tampering_are_ignored() {
        let good = to_json("edit/5001", &draft());
        for bad in [
            String::new(),
            "<html>".into(),
            "{}".into(),
            good.replace("edit/5001", "edit/../x"),
            good.replace("edit/5001", "settings/1"),
            good.replace("\"folder\":\"1010\"", "\"folder\":\"ten\""),
            good.replace("segment-batch", "segment-evil"),
            good.replace("\"key\":", "\"apiKey\":\"1/abc\",\"key\":"),
        ] {
            assert_eq!(from_json(&bad), None, "{bad}");
        }
    }
}
