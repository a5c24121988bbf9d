//! Serde wire types for the JSON:API documents under `/entities/...`.
//!
//! Deliberately loose: every field is optional, unknown fields are ignored, ids may be strings or
//! numbers, `children.data[]` entries may be `{id,type}` or `{data:{id,type}}`. The `decode`
//! module turns these into the typed models and decides which missing fields are errors.

use super::error::ApiError;
use super::lenient;
use serde::de::value::MapAccessDeserializer;
use serde::de::{MapAccess, SeqAccess, Visitor};
use serde::Deserialize;

/// `{ "data": ..., "included": [...] }`; `included` may be absent.
#[derive(Debug, Deserialize)]
pub struct Document<D> {
    pub data: D,
    #[serde(default, deserialize_with = "lenient::vec_of")]
    pub included: Vec<Resource>,
}

/// A collection's `data`, read one entry at a time: each entry becomes a [`Resource`] as soon
/// as it is read, so that a listing of thousands never exists whole as a `Value` tree (which
/// took 14 times the body's size at its peak: 50 MB for the 3.6 MB of a 5,000-entry folder).
#[derive(Debug)]
pub struct Collection {
    /// The entries; `None` for one that is not a resource object.
    pub items: Vec<Option<Resource>>,
    pub shape: Shape,
}

/// What `data` was.
#[derive(Debug, PartialEq)]
pub enum Shape {
    List,
    /// A single resource object where a list was expected (its one entry in `items`).
    Single,
    /// Anything else (a string, a number, `null`): no entries.
    Neither,
}

impl Collection {
    fn of(shape: Shape) -> Self {
        Self { items: Vec::new(), shape }
    }
}

impl<'de> Deserialize<'de> for Collection {
    fn deserialize<D: serde::Deserializer<'de>>(d: D) -> Result<Self, D::Error> {
        d.deserialize_any(CollectionVisitor)
    }
}

/// Each entry goes through a `Value` of its own (small and short-lived), so that one odd entry
/// is refused alone instead of failing the whole stream.
fn resource_from(v: serde_json::Value) -> Option<Resource> {
    serde_json::from_value(v).ok()
}

struct CollectionVisitor;

impl<'de> Visitor<'de> for CollectionVisitor {
    type Value = Collection;

    fn expecting(&self, f: &mut std::fmt::Formatter) -> std::fmt::Result {
        f.write_str("a list of resources")
    }
    fn visit_seq<A: SeqAccess<'de>>(self, mut seq: A) -> Result<Collection, A::Error> {
        let mut items = Vec::with_capacity(seq.size_hint().unwrap_or(0));
        while let Some(entry) = seq.next_element::<serde_json::Value>()? {
            items.push(resource_from(entry));
        }
        Ok(Collection { items, shape: Shape::List })
    }
    fn visit_map<A: MapAccess<'de>>(self, map: A) -> Result<Collection, A::Error> {
        let one = serde_json::Value::deserialize(MapAccessDeserializer::new(map))?;
        Ok(Collection { items: vec![resource_from(one)], shape: Shape::Single })
    }
    fn visit_bool<E>(self, _: bool) -> Result<Collection, E> {
        Ok(Collection::of(Shape::Neither))
    }
    fn visit_i64<E>(self, _: i64) -> Result<Collection, E> {
        Ok(Collection::of(Shape::Neither))
    }
    fn visit_u64<E>(self, _: u64) -> Result<Collection, E> {
        Ok(Collection::of(Shape::Neither))
    }
    fn visit_f64<E>(self, _: f64) -> Result<Collection, E> {
        Ok(Collection::of(Shape::Neither))
    }
    fn visit_str<E>(self, _: &str) -> Result<Collection, E> {
        Ok(Collection::of(Shape::Neither))
    }
    fn visit_unit<E>(self) -> Result<Collection, E> {
        Ok(Collection::of(Shape::Neither))
    }
}

/// One resource object of any type.
#[derive(Debug, Default, Deserialize)]
#[serde(default)]
pub struct Resource {
    #[serde(deserialize_with = "lenient::opt_id")]
    pub id: Option<String>,
    #[serde(rename = "type", deserialize_with = "lenient::opt_string")]
    pub kind: Option<String>,
    /// `None` when absent or `null`: a segment summary the user may not view has none.
    #[serde(deserialize_with = "lenient::opt")]
    pub attributes: Option<Attributes>,
    #[serde(deserialize_with = "lenient::or_default")]
    pub relationships: Relationships,
}

/// The union of the attributes the app reads, across resource types.
#[derive(Debug, Default, Deserialize)]
#[serde(default, rename_all = "camelCase")]
pub struct Attributes {
    #[serde(deserialize_with = "lenient::opt_string")]
    pub name: Option<String>,
    #[serde(deserialize_with = "lenient::opt_string")]
    pub description: Option<String>,
    #[serde(deserialize_with = "lenient::opt_u64")]
    pub population: Option<u64>,
    #[serde(deserialize_with = "lenient::opt_id")]
    pub audience_id: Option<String>,
    /// A token's UUID.
    #[serde(deserialize_with = "lenient::opt_string")]
    pub token: Option<String>,
    #[serde(deserialize_with = "lenient::opt_string")]
    pub key_column: Option<String>,
    #[serde(deserialize_with = "lenient::opt_strings")]
    pub attribute_columns: Option<Vec<String>>,
    #[serde(deserialize_with = "lenient::opt_string")]
    pub created_at: Option<String>,
    #[serde(deserialize_with = "lenient::opt_string")]
    pub updated_at: Option<String>,
    #[serde(deserialize_with = "lenient::opt")]
    pub permissions: Option<Permissions>,
    /// A funnel's stages.
    #[serde(deserialize_with = "lenient::vec_of")]
    pub stages: Vec<FunnelStage>,
}

/// A folder's `permissions` object.
#[derive(Debug, Default, Deserialize)]
#[serde(default)]
pub struct Permissions {
    #[serde(deserialize_with = "lenient::opt_bool")]
    pub view: Option<bool>,
    #[serde(deserialize_with = "lenient::opt_bool")]
    pub edit: Option<bool>,
}

/// One stage of a funnel (`attributes.stages[]`).
#[derive(Debug, Default, Deserialize)]
#[serde(default, rename_all = "camelCase")]
pub struct FunnelStage {
    #[serde(deserialize_with = "lenient::opt_id")]
    pub id: Option<String>,
    /// The stage's segment: what a token references as `segment-funnel-stage`.
    #[serde(deserialize_with = "lenient::opt_id")]
    pub segment_id: Option<String>,
    #[serde(deserialize_with = "lenient::opt_string")]
    pub name: Option<String>,
    #[serde(deserialize_with = "lenient::opt_u64")]
    pub population: Option<u64>,
}

/// The relationships the app reads.
#[derive(Debug, Default, Deserialize)]
#[serde(default, rename_all = "camelCase")]
pub struct Relationships {
    #[serde(deserialize_with = "lenient::opt")]
    pub parent_folder: Option<ToOne>,
    #[serde(deserialize_with = "lenient::opt")]
    pub parent_segment_folder: Option<ToOne>,
    #[serde(deserialize_with = "lenient::opt")]
    pub segments: Option<ToMany>,
    #[serde(deserialize_with = "lenient::opt")]
    pub children: Option<ToMany>,
    #[serde(deserialize_with = "lenient::opt")]
    pub created_by: Option<ToOne>,
    #[serde(deserialize_with = "lenient::opt")]
    pub updated_by: Option<ToOne>,
}

/// `{ "data": {id,type} | null }`.
#[derive(Debug, Default, Deserialize)]
#[serde(default)]
pub struct ToOne {
    #[serde(deserialize_with = "lenient::opt")]
    pub data: Option<Identifier>,
}

/// `{ "data": [ {id,type} | {data:{id,type}}, ... ] }`.
#[derive(Debug, Default, Deserialize)]
#[serde(default)]
pub struct ToMany {
    #[serde(deserialize_with = "lenient::vec_of")]
    pub data: Vec<Identifier>,
}

/// A resource identifier `{id, type}`, also accepted wrapped as `{data: {id, type}}` (the
/// published schema nests folder children one level deeper than JSON:API does).
#[derive(Debug, Default, Clone, PartialEq)]
pub struct Identifier {
    pub id: Option<String>,
    pub kind: Option<String>,
}

#[derive(Deserialize)]
#[serde(untagged)]
enum IdentifierRepr {
    // Tried first: it needs a `data` object, which a plain identifier never has.
    Nested { data: PlainIdentifier },
    Plain(PlainIdentifier),
}

#[derive(Deserialize)]
struct PlainIdentifier {
    #[serde(default, deserialize_with = "lenient::opt_id")]
    id: Option<String>,
    #[serde(default, rename = "type", deserialize_with = "lenient::opt_string")]
    kind: Option<String>,
}

impl<'de> Deserialize<'de> for Identifier {
    fn deserialize<D: serde::Deserializer<'de>>(d: D) -> Result<Self, D::Error> {
        let (IdentifierRepr::Nested { data: p } | IdentifierRepr::Plain(p)) = IdentifierRepr::deserialize(d)?;
        Ok(Self { id: p.id, kind: p.kind })
    }
}

impl ToOne {
    /// The linked id, if any (`data: null` at a tree's root gives `None`).
    pub fn id(&self) -> Option<&str> {
        self.data.as_ref().and_then(|d| d.id.as_deref())
    }
}

impl Resource {
    /// The `type` string, or `""` when absent.
    pub fn kind(&self) -> &str {
        self.kind.as_deref().unwrap_or("")
    }

    /// The raw id, or a `Decode` error naming `what` (e.g. "token") when absent.
    pub fn require_raw_id(&self, what: &str) -> Result<&str, ApiError> {
        self.id.as_deref().filter(|s| !s.is_empty()).ok_or_else(|| decode_err(format!("a {what} has no id")))
    }

    /// `relationships.parentFolder.data.id`, if present.
    pub fn parent_folder_raw(&self) -> Option<&str> {
        self.relationships.parent_folder.as_ref().and_then(ToOne::id)
    }
}

/// Parses `raw` with a digit-id newtype's `parse`, or explains which field was wrong.
pub fn parse_id<T>(raw: &str, field: &str, parse: fn(&str) -> Option<T>) -> Result<T, ApiError> {
    parse(raw).ok_or_else(|| decode_err(format!("{field} {:?} is not a numeric id", shorten(raw))))
}

/// Like [`parse_id`] for an optional field: absent is fine, present-but-invalid is an error.
pub fn parse_opt_id<T>(
    raw: Option<&str>,
    field: &str,
    parse: fn(&str) -> Option<T>,
) -> Result<Option<T>, ApiError> {
    raw.map(|r| parse_id(r, field, parse)).transpose()
}

pub fn decode_err(message: impl Into<String>) -> ApiError {
    ApiError::Decode(message.into())
}

/// Parses a whole body as `T`, mapping syntax errors (HTML, truncation) to `Decode`.
pub fn parse_body<T: serde::de::DeserializeOwned>(body: &str) -> Result<T, ApiError> {
    if body.trim().is_empty() {
        return Err(decode_err("the answer was empty"));
    }
    serde_json::from_str(body).map_err(|e| {
        // serde's message has a line/column but never echoes the input, so it is safe to show.
        let what =
            if e.is_syntax() || e.is_eof() { "the answer is not valid JSON" } else { "unexpected shape" };
        decode_err(format!("{what} ({e})"))
    })
}

/// Keeps server-supplied values short in messages.
pub fn shorten(raw: &str) -> String {
    const MAX: usize = 40;
    match raw.char_indices().nth(MAX) {
        Some((i, _)) => format!("{}…", &raw[..i]),
        None => raw.to_owned(),
    }
}
