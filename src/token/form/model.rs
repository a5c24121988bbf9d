//! The token form as a pure value: what the edit form and the create wizard hold, the rules
//! checked as the user types (the API's name pattern, at most 5 attributes and 15 segments, no
//! duplicates), dirty tracking, the request body, and where a server error belongs.
//! No Leptos here: everything is unit-tested natively (`model_tests.rs`).

use crate::api::{
    ApiError, AttributeColumn, FolderId, SegmentId, SegmentRef, SegmentSummary, Token, TokenWrite,
};
use crate::i18n::{Message, Verbatim};
use crate::token::form::text::{Char, FormText};
use crate::token::text::TokenText;

/// At most this many attributes per token (TD docs).
pub const MAX_ATTRIBUTES: usize = 5;
/// At most this many segments per token (TD docs).
pub const MAX_SEGMENTS: usize = 15;
/// The server refuses longer names (`IS_TOO_LONG`).
pub const MAX_NAME_CHARS: usize = 255;
/// The Lookup Key the server fills when the form sends none.
pub const DEFAULT_KEY: &str = "td_global_id";

/// A field of the form, as the server's `source.pointer` names it.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum Field {
    Name,
    Description,
    KeyColumn,
    Attributes,
    Segments,
}

/// The two parts of the form (the edit form's tabs, the wizard's later steps).
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, Default)]
pub enum FormTab {
    #[default]
    Configure,
    Segments,
}

impl Field {
    /// The field a server error is about: `name`, `description`, `keyColumn`,
    /// `attributeColumns`, `segments`. Others (`parentFolder`) belong at the top of the form.
    pub fn from_api(field: &str) -> Option<Self> {
        match field {
            "name" => Some(Self::Name),
            "description" => Some(Self::Description),
            "keyColumn" => Some(Self::KeyColumn),
            "attributeColumns" => Some(Self::Attributes),
            "segments" => Some(Self::Segments),
            _ => None,
        }
    }

    /// The tab that shows this field.
    pub fn tab(self) -> FormTab {
        match self {
            Self::Segments => FormTab::Segments,
            _ => FormTab::Configure,
        }
    }
}

/// Why an attribute or a segment was not added.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Refusal {
    TooManyAttributes,
    DuplicateAttribute(String),
    TooManySegments,
    DuplicateSegment(String),
}

impl Refusal {
    /// What the form says about it.
    pub fn text(&self) -> FormText {
        match self {
            Self::TooManyAttributes => FormText::TooManyAttributes(MAX_ATTRIBUTES),
            Self::DuplicateAttribute(a) => FormText::DuplicateAttribute(a.clone()),
            Self::TooManySegments => FormText::TooManySegments(MAX_SEGMENTS),
            Self::DuplicateSegment(s) => FormText::DuplicateSegment(s.clone()),
        }
    }
}

/// What the form edits: everything a create or an update sends.
#[derive(Clone, Debug, PartialEq)]
pub struct TokenForm {
    pub name: String,
    pub description: String,
    /// The Lookup Key; empty means the default, `td_global_id`.
    pub key_column: String,
    pub attributes: Vec<String>,
    /// In order. Segments the user may not view (`name: None`) are kept like any other.
    pub segments: Vec<SegmentRef>,
    /// The folder the token lives (or will live) in.
    pub folder: FolderId,
}

impl TokenForm {
    /// An empty form for a new token in `folder`.
    pub fn new(folder: FolderId) -> Self {
        Self {
            name: String::new(),
            description: String::new(),
            key_column: String::new(),
            attributes: Vec::new(),
            segments: Vec::new(),
            folder,
        }
    }

    /// The form for editing `token`; `None` if the API did not say which folder it is in.
    pub fn from_token(token: &Token) -> Option<Self> {
        let key = if token.key_column == DEFAULT_KEY { String::new() } else { token.key_column.clone() };
        Some(Self {
            name: token.name.clone(),
            description: token.description.clone(),
            key_column: key,
            attributes: token.attribute_columns.clone(),
            segments: token.segments.clone(),
            folder: token.parent_folder_id.clone()?,
        })
    }

    /// Whether the Lookup Key is the default (`td_global_id`, read from the browser cookie).
    pub fn uses_default_key(&self) -> bool {
        self.key_column.is_empty() || self.key_column == DEFAULT_KEY
    }

    /// Adds an attribute at the end, unless it is there already or the limit is reached.
    pub fn add_attribute(&mut self, name: &str) -> Result<(), Refusal> {
        if self.attributes.iter().any(|a| a == name) {
            return Err(Refusal::DuplicateAttribute(name.to_owned()));
        }
        if self.attributes.len() >= MAX_ATTRIBUTES {
            return Err(Refusal::TooManyAttributes);
        }
        self.attributes.push(name.to_owned());
        Ok(())
    }

    pub fn remove_attribute(&mut self, name: &str) {
        self.attributes.retain(|a| a != name);
    }

    /// Adds a segment at the end, unless it is there already or the limit is reached.
    pub fn add_segment(&mut self, segment: SegmentRef) -> Result<(), Refusal> {
        if self.has_segment(&segment.id) {
            // A segment the user may not view has no name: the message names its id.
            let label = segment.name.clone().unwrap_or_else(|| format!("#{}", segment.id));
            return Err(Refusal::DuplicateSegment(label));
        }
        if self.segments.len() >= MAX_SEGMENTS {
            return Err(Refusal::TooManySegments);
        }
        self.segments.push(segment);
        Ok(())
    }

    pub fn remove_segment(&mut self, id: &SegmentId) {
        self.segments.retain(|s| &s.id != id);
    }

    pub fn has_segment(&self, id: &SegmentId) -> bool {
        self.segments.iter().any(|s| &s.id == id)
    }

    /// The problem with the name as typed, if any (checked as the user types).
    pub fn name_problem(&self) -> Option<FormText> {
        name_problem(&self.name)
    }

    /// Every rule the form breaks, by field, in the order the fields appear.
    pub fn problems(&self) -> Vec<(Field, FormText)> {
        let mut out = Vec::new();
        if let Some(p) = self.name_problem() {
            out.push((Field::Name, p));
        }
        if self.attributes.len() > MAX_ATTRIBUTES {
            out.push((Field::Attributes, Refusal::TooManyAttributes.text()));
        }
        if has_duplicates(self.attributes.iter()) {
            out.push((Field::Attributes, FormText::AttributeTwice));
        }
        if self.segments.len() > MAX_SEGMENTS {
            out.push((Field::Segments, Refusal::TooManySegments.text()));
        }
        if has_duplicates(self.segments.iter().map(|s| &s.id)) {
            out.push((Field::Segments, FormText::SegmentTwice));
        }
        out
    }

    /// Whether the form differs from `original` in anything a save would send. Segment names
    /// and populations are display only: re-adding a removed segment is no change.
    pub fn differs_from(&self, original: &TokenForm) -> bool {
        self.to_write() != original.to_write()
    }

    /// The fields (by label) in which `self` differs from `other`: what someone else changed.
    pub fn changed_fields(&self, other: &TokenForm) -> Vec<TokenText> {
        let (a, b) = (self.to_write(), other.to_write());
        let mut out = Vec::new();
        if a.name != b.name {
            out.push(TokenText::Name);
        }
        if a.description != b.description {
            out.push(TokenText::Description);
        }
        if a.key_column != b.key_column {
            out.push(TokenText::LookupKey);
        }
        if a.attribute_columns != b.attribute_columns {
            out.push(TokenText::Attributes);
        }
        if a.segments != b.segments {
            out.push(TokenText::Segments);
        }
        if a.parent_folder_id != b.parent_folder_id {
            out.push(TokenText::Folder);
        }
        out
    }

    /// The full representation to send (PATCH or POST). An empty Lookup Key is sent empty: the
    /// server fills `td_global_id`.
    pub fn to_write(&self) -> TokenWrite {
        TokenWrite {
            name: self.name.clone(),
            description: self.description.clone(),
            key_column: if self.uses_default_key() { String::new() } else { self.key_column.clone() },
            attribute_columns: self.attributes.clone(),
            parent_folder_id: self.folder.clone(),
            segments: self.segments.iter().map(|s| (s.id.clone(), s.kind)).collect(),
        }
    }
}

/// The problem with `name`, if any: blank, too long, or outside `[A-Za-z_][A-Za-z0-9_ ]*`.
pub fn name_problem(name: &str) -> Option<FormText> {
    let Some(first) = name.chars().next() else { return Some(FormText::EnterName) };
    if name.trim().is_empty() {
        return Some(FormText::EnterName);
    }
    if !(first.is_ascii_alphabetic() || first == '_') {
        return Some(FormText::NameStart(Char::of(first)));
    }
    if let Some(bad) = name.chars().find(|c| !(c.is_ascii_alphanumeric() || *c == '_' || *c == ' ')) {
        return Some(FormText::NameContains(Char::of(bad)));
    }
    let count = name.chars().count();
    (count > MAX_NAME_CHARS).then_some(FormText::NameTooLong(count, MAX_NAME_CHARS))
}

fn has_duplicates<T: PartialEq>(items: impl Iterator<Item = T>) -> bool {
    let items: Vec<T> = items.collect();
    items.iter().enumerate().any(|(i, a)| items[..i].contains(a))
}

/// A picker entry as a token's segment.
pub fn segment_ref(s: &SegmentSummary) -> SegmentRef {
    SegmentRef {
        id: s.id.clone(),
        kind: s.kind,
        name: Some(s.name.clone()),
        description: None,
        population: s.population,
    }
}

/// The Lookup Key choices besides the default: the master-table columns and `td_client_id`,
/// plus `current` if it is none of these (so that a save never changes it unasked).
pub fn key_options(columns: &[AttributeColumn], current: &str) -> Vec<String> {
    let mut out: Vec<String> = Vec::new();
    let mut push = |name: &str| {
        if !name.is_empty() && name != DEFAULT_KEY && !out.iter().any(|o| o == name) {
            out.push(name.to_owned());
        }
    };
    push("td_client_id");
    columns.iter().filter(|c| c.is_master && !c.blocked).for_each(|c| push(&c.name));
    push(current);
    out
}

/// The Attributes choices: the attribute columns' names, without blocked ones.
pub fn attribute_options(columns: &[AttributeColumn]) -> Vec<String> {
    let mut out: Vec<String> = Vec::new();
    for c in columns.iter().filter(|c| !c.is_master && !c.blocked) {
        if !out.contains(&c.name) {
            out.push(c.name.clone());
        }
    }
    out
}

/// A failed save, sorted for the form: messages for fields, and what goes at the top.
#[derive(Clone, Debug, PartialEq, Default)]
pub struct SaveErrors {
    /// The server's own words, by field.
    pub fields: Vec<(Field, String)>,
    pub top: Option<Message>,
}

impl SaveErrors {
    /// Server validation messages go on their fields (409/400/422 with a `source.pointer`);
    /// everything else, and anything about a field the form does not show, goes at the top.
    /// `explain` turns an error into a sentence for the top.
    pub fn from_api(err: &ApiError, explain: impl Fn(&ApiError) -> Message) -> Self {
        let listed = match err {
            ApiError::Validation { fields, .. } | ApiError::Conflict { fields, .. } => fields.as_slice(),
            _ => &[],
        };
        let mut out = Self::default();
        let mut unplaced = false;
        for f in listed {
            match Field::from_api(&f.field) {
                Some(field) if !out.fields.iter().any(|(g, m)| *g == field && *m == f.message) => {
                    out.fields.push((field, f.message.clone()));
                }
                Some(_) => {}
                None => unplaced = true,
            }
        }
        out.top = if out.fields.is_empty() || unplaced {
            Some(explain(err))
        } else {
            Some(FormText::RefusedValues.into())
        };
        out
    }

    /// The first message for `field`: the server's words, or, where it named the field without
    /// any, a sentence in the reader's language saying it refused the value.
    pub fn field(&self, field: Field) -> Option<Message> {
        let (_, words) = self.fields.iter().find(|(f, _)| *f == field)?;
        Some(if words.trim().is_empty() {
            FormText::RefusedValue.into()
        } else {
            Verbatim(words.clone()).into()
        })
    }

    /// The tab with the first field error.
    pub fn first_tab(&self) -> Option<FormTab> {
        self.fields.first().map(|(f, _)| f.tab())
    }
}
