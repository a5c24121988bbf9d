//! The one time a draft leaves memory: a panic. The panic hook (`crate::recovery`) writes the
//! form that was open to sessionStorage so that "Reload" brings it back; the next start reads it
//! once and removes it. Only the form travels (name, description, key column, attributes,
//! segments, folder, the `updatedAt` it was based on): never the API key or anything else of
//! the session. What comes back from storage is untrusted and parsed into typed ids again.

use crate::api::{FolderId, SegmentId, SegmentKind, SegmentRef};
use crate::token::form::drafts::{Draft, DraftBook, Drafts};
use crate::token::form::model::TokenForm;
use serde::{Deserialize, Serialize};

/// The sessionStorage entry of the standalone app (this tab only, gone with it); an embedded
/// instance has a key of its own.
pub const STORAGE_KEY: &str = "profiles-studio.draft-after-crash";

#[derive(Serialize, Deserialize)]
#[serde(rename_all = "camelCase", deny_unknown_fields)]
struct StoredDraft {
    /// Which form: `drafts::edit_key` or `drafts::create_key`.
    key: String,
    base: Option<String>,
    original: StoredForm,
    form: StoredForm,
}

#[derive(Serialize, Deserialize)]
#[serde(rename_all = "camelCase", deny_unknown_fields)]
struct StoredForm {
    name: String,
    description: String,
    key_column: String,
    attributes: Vec<String>,
    segments: Vec<StoredSegment>,
    folder: String,
}

#[derive(Serialize, Deserialize)]
#[serde(rename_all = "camelCase", deny_unknown_fields)]
struct StoredSegment {
    id: String,
    /// The API `type` (`segment-batch`, …).
    kind: String,
    name: Option<String>,
    description: Option<String>,
    population: Option<u64>,
}

impl StoredForm {
    fn from_form(f: &TokenForm) -> Self {
        Self {
            name: f.name.clone(),
            description: f.description.clone(),
            key_column: f.key_column.clone(),
            attributes: f.attributes.clone(),
            segments: f
                .segments
                .iter()
                .map(|s| StoredSegment {
                    id: s.id.to_string(),
                    kind: s.kind.api_type().to_owned(),
                    name: s.name.clone(),
                    description: s.description.clone(),
                    population: s.population,
                })
                .collect(),
            folder: f.folder.to_string(),
        }
    }

    fn into_form(self) -> Option<TokenForm> {
        let segments = self
            .segments
            .into_iter()
            .map(|s| {
                Some(SegmentRef {
                    id: SegmentId::parse(&s.id)?,
                    kind: SegmentKind::from_api_type(&s.kind)?,
                    name: s.name,
                    description: s.description,
                    population: s.population,
                })
            })
            .collect::<Option<Vec<_>>>()?;
        Some(TokenForm {
            name: self.name,
            description: self.description,
            key_column: self.key_column,
            attributes: self.attributes,
            segments,
            folder: FolderId::parse(&self.folder)?,
        })
    }
}

/// The entry for `draft` of the form `key`.
pub fn to_json(key: &str, draft: &Draft) -> String {
    let stored = StoredDraft {
        key: key.to_owned(),
        base: draft.base.clone(),
        original: StoredForm::from_form(&draft.original),
        form: StoredForm::from_form(&draft.form),
    };
    serde_json::to_string(&stored).unwrap_or_default()
}

/// Reads what `to_json` wrote; anything else (tampered, another version, a key that names no
/// form) is `None`.
pub fn from_json(text: &str) -> Option<(String, Draft)> {
    let stored: StoredDraft = serde_json::from_str(text).ok()?;
    let known = stored.key.strip_prefix("edit/").or_else(|| stored.key.strip_prefix("create/"));
    known.filter(|id| FolderId::parse(id).is_some())?;
    let draft =
        Draft { base: stored.base, original: stored.original.into_form()?, form: stored.form.into_form()? };
    Some((stored.key, draft))
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
