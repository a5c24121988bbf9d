//! Wire types for the JSON:API documents under `/entities/...`, read from `serde_json::Value`s.
//!
//! Deliberately loose: every field is optional, unknown fields are ignored, ids may be strings or
//! numbers, `children.data[]` entries may be `{id,type}` or `{data:{id,type}}`. The `decode`
//! module turns these into the typed models and decides which missing fields are errors.

use super::error::ApiError;
use super::lenient::{self, each, member};
use serde::de::value::MapAccessDeserializer;
use serde::de::{Error as _, MapAccess, SeqAccess, Visitor};
use serde::Deserialize;
use serde_json::Value;

/// `{ "data": ..., "included": [...] }`; `included` may be absent.
#[derive(Debug, Deserialize)]
pub struct Document<D> {
    pub data: D,
    #[serde(default, deserialize_with = "resources")]
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

struct CollectionVisitor;

impl<'de> Visitor<'de> for CollectionVisitor {
    type Value = Collection;

    fn expecting(&self, f: &mut std::fmt::Formatter) -> std::fmt::Result {
        f.write_str("a list of resources")
    }
    fn visit_seq<A: SeqAccess<'de>>(self, mut seq: A) -> Result<Collection, A::Error> {
        let mut items = Vec::with_capacity(seq.size_hint().unwrap_or(0));
        // Each entry goes through a `Value` of its own (small and short-lived), so that one odd
        // entry is refused alone instead of failing the whole stream.
        while let Some(entry) = seq.next_element::<Value>()? {
            items.push(Resource::from_value(&entry));
        }
        Ok(Collection { items, shape: Shape::List })
    }
    fn visit_map<A: MapAccess<'de>>(self, map: A) -> Result<Collection, A::Error> {
        let one = Value::deserialize(MapAccessDeserializer::new(map))?;
        Ok(Collection { items: vec![Resource::from_value(&one)], shape: Shape::Single })
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
///
/// The wire types below are read from a `serde_json::Value` by hand instead of derived: every
/// field is lenient, so each was read through a `Value` anyway, and the derived readers (a
/// visitor, a field matcher and a wrapper per field) took 43 KB of the wasm (13 KB gzip).
#[derive(Debug, Default)]
pub struct Resource {
    pub id: Option<String>,
    pub kind: Option<String>,
    /// `None` when absent or `null`: a segment summary the user may not view has none.
    pub attributes: Option<Attributes>,
    pub relationships: Relationships,
}

/// The union of the attributes the app reads, across resource types.
#[derive(Debug, Default)]
pub struct Attributes {
    pub name: Option<String>,
    pub description: Option<String>,
    pub population: Option<u64>,
    pub audience_id: Option<String>,
    /// A token's UUID.
    pub token: Option<String>,
    pub key_column: Option<String>,
    pub attribute_columns: Option<Vec<String>>,
    pub created_at: Option<String>,
    pub updated_at: Option<String>,
    pub permissions: Option<Permissions>,
    /// A funnel's stages.
    pub stages: Vec<FunnelStage>,
}

/// A folder's `permissions` object.
#[derive(Debug, Default)]
pub struct Permissions {
    pub view: Option<bool>,
    pub edit: Option<bool>,
}

/// One stage of a funnel (`attributes.stages[]`).
#[derive(Debug, Default)]
pub struct FunnelStage {
    pub id: Option<String>,
    /// The stage's segment: what a token references as `segment-funnel-stage`.
    pub segment_id: Option<String>,
    pub name: Option<String>,
    pub population: Option<u64>,
}

/// The relationships the app reads.
#[derive(Debug, Default)]
pub struct Relationships {
    pub parent_folder: Option<ToOne>,
    pub parent_segment_folder: Option<ToOne>,
    pub segments: Option<ToMany>,
    pub children: Option<ToMany>,
    pub created_by: Option<ToOne>,
    pub updated_by: Option<ToOne>,
}

/// `{ "data": {id,type} | null }`.
#[derive(Debug, Default)]
pub struct ToOne {
    pub data: Option<Identifier>,
}

/// `{ "data": [ {id,type} | {data:{id,type}}, ... ] }`.
#[derive(Debug, Default)]
pub struct ToMany {
    pub data: Vec<Identifier>,
}

/// A resource identifier `{id, type}`, also accepted wrapped as `{data: {id, type}}` (the
/// published schema nests folder children one level deeper than JSON:API does).
#[derive(Debug, Default, Clone, PartialEq)]
pub struct Identifier {
    pub id: Option<String>,
    pub kind: Option<String>,
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

    /// A resource object; `None` unless `v` is an object.
    pub fn from_value(v: &Value) -> Option<Self> {
        let o = v.as_object()?;
        Some(Self {
            id: lenient::value_to_id(member(o, "id")),
            kind: lenient::value_to_string(member(o, "type")),
            attributes: Attributes::from_value(member(o, "attributes")),
            relationships: Relationships::from_value(member(o, "relationships")).unwrap_or_default(),
        })
    }
}

impl Attributes {
    fn from_value(v: &Value) -> Option<Self> {
        let o = v.as_object()?;
        let text = |key| lenient::value_to_string(member(o, key));
        Some(Self {
            name: text("name"),
            description: text("description"),
            population: lenient::value_to_u64(member(o, "population")),
            audience_id: lenient::value_to_id(member(o, "audienceId")),
            token: text("token"),
            key_column: text("keyColumn"),
            attribute_columns: lenient::value_to_strings(member(o, "attributeColumns")),
            created_at: text("createdAt"),
            updated_at: text("updatedAt"),
            permissions: member(o, "permissions").as_object().map(|p| Permissions {
                view: lenient::value_to_bool(member(p, "view")),
                edit: lenient::value_to_bool(member(p, "edit")),
            }),
            stages: each(member(o, "stages"), FunnelStage::from_value),
        })
    }
}

impl FunnelStage {
    fn from_value(v: &Value) -> Option<Self> {
        let o = v.as_object()?;
        Some(Self {
            id: lenient::value_to_id(member(o, "id")),
            segment_id: lenient::value_to_id(member(o, "segmentId")),
            name: lenient::value_to_string(member(o, "name")),
            population: lenient::value_to_u64(member(o, "population")),
        })
    }
}

impl Relationships {
    fn from_value(v: &Value) -> Option<Self> {
        let o = v.as_object()?;
        let one = |key| ToOne::from_value(member(o, key));
        let many = |key| {
            member(o, key)
                .as_object()
                .map(|m| ToMany { data: each(member(m, "data"), Identifier::from_value) })
        };
        Some(Self {
            parent_folder: one("parentFolder"),
            parent_segment_folder: one("parentSegmentFolder"),
            segments: many("segments"),
            children: many("children"),
            created_by: one("createdBy"),
            updated_by: one("updatedBy"),
        })
    }
}

impl ToOne {
    /// The linked id, if any (`data: null` at a tree's root gives `None`).
    pub fn id(&self) -> Option<&str> {
        self.data.as_ref().and_then(|d| d.id.as_deref())
    }

    fn from_value(v: &Value) -> Option<Self> {
        Some(Self { data: Identifier::from_value(member(v.as_object()?, "data")) })
    }
}

impl Identifier {
    /// `{id, type}`, or `{data: {id, type}}` when `data` is an object.
    fn from_value(v: &Value) -> Option<Self> {
        let outer = v.as_object()?;
        let o = member(outer, "data").as_object().unwrap_or(outer);
        Some(Self {
            id: lenient::value_to_id(member(o, "id")),
            kind: lenient::value_to_string(member(o, "type")),
        })
    }
}

/// For `Document<Resource>`: the value, read as a resource object.
impl<'de> Deserialize<'de> for Resource {
    fn deserialize<D: serde::Deserializer<'de>>(d: D) -> Result<Self, D::Error> {
        Resource::from_value(&Value::deserialize(d)?)
            .ok_or_else(|| D::Error::custom("a resource is not an object"))
    }
}

/// `included`: its resource objects, anything else left out.
fn resources<'de, D: serde::Deserializer<'de>>(d: D) -> Result<Vec<Resource>, D::Error> {
    Ok(each(&Value::deserialize(d)?, Resource::from_value))
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
