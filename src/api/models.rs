//! Plain typed models the rest of the app sees. No JSON:API wire types leak past `api/`.
//!
//! Ids are digit strings on the wire (JSON:API) and integers in some legacy fields; both decode
//! into these newtypes, which only ever hold a non-empty string of ASCII digits.

use std::fmt;

macro_rules! digit_id {
    ($(#[$doc:meta])* $name:ident) => {
        $(#[$doc])*
        #[derive(Clone, Debug, PartialEq, Eq, Hash, PartialOrd, Ord)]
        pub struct $name(String);

        impl $name {
            /// Parses an id from the URL or the wire: `None` unless it is 1..=20 ASCII digits.
            pub fn parse(raw: &str) -> Option<Self> {
                let ok = !raw.is_empty() && raw.len() <= 20 && raw.bytes().all(|b| b.is_ascii_digit());
                ok.then(|| Self(raw.to_owned()))
            }
            /// The id as the API spells it.
            pub fn as_str(&self) -> &str {
                &self.0
            }
        }

        impl fmt::Display for $name {
            fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
                f.write_str(&self.0)
            }
        }
    };
}

digit_id!(
    /// A parent segment (the API's "audience").
    ParentSegmentId
);
digit_id!(
    /// A segment folder.
    FolderId
);
digit_id!(
    /// A Profiles API token's entity id (not its UUID).
    TokenId
);
digit_id!(
    /// A segment (batch, realtime or funnel stage).
    SegmentId
);
digit_id!(
    /// A Treasure Data user.
    UserId
);

/// A parent segment as listed in Audience Studio.
#[derive(Clone, Debug, PartialEq)]
pub struct ParentSegment {
    pub id: ParentSegmentId,
    pub name: String,
    pub description: String,
    /// Number of profiles; `None` while not yet computed.
    pub population: Option<u64>,
    pub updated_at: Option<String>,
    /// Root of this parent segment's folder tree (`relationships.parentSegmentFolder`).
    pub root_folder_id: Option<FolderId>,
}

/// What the signed-in user may do in a folder.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Default)]
pub struct FolderPermissions {
    pub view: bool,
    pub edit: bool,
}

/// A segment folder.
#[derive(Clone, Debug, PartialEq)]
pub struct Folder {
    pub id: FolderId,
    pub audience_id: ParentSegmentId,
    pub name: String,
    pub description: Option<String>,
    /// `None` at the root of a parent segment's tree.
    pub parent_id: Option<FolderId>,
    pub permissions: FolderPermissions,
    pub created_at: Option<String>,
    pub updated_at: Option<String>,
}

/// The kind of an entry in a folder, as the tree shows it.
#[derive(Clone, Debug, PartialEq, Eq, Hash)]
pub enum EntityKind {
    Folder,
    SegmentBatch,
    SegmentRealtime,
    SegmentFunnelStage,
    Token,
    /// Any other API type (`funnel`, `journey`, `predictive-segment`, ...), kept verbatim.
    Other(String),
}

impl EntityKind {
    /// Maps the API's `type` string.
    pub fn from_api_type(t: &str) -> Self {
        match t {
            "folder-segment" => Self::Folder,
            "segment-batch" => Self::SegmentBatch,
            "segment-realtime" => Self::SegmentRealtime,
            "segment-funnel-stage" => Self::SegmentFunnelStage,
            "token" => Self::Token,
            other => Self::Other(other.to_owned()),
        }
    }
    /// The `data-kind` attribute value of a tree item.
    pub fn data_kind(&self) -> &str {
        match self {
            Self::Folder => "folder",
            Self::SegmentBatch => "segment-batch",
            Self::SegmentRealtime => "segment-realtime",
            Self::SegmentFunnelStage => "segment-funnel-stage",
            Self::Token => "token",
            Self::Other(t) => t,
        }
    }
}

/// One entry of a folder listing (by-folder): a child folder, a segment, a token, ...
#[derive(Clone, Debug, PartialEq)]
pub struct Entity {
    /// The API id (digits). Unique only together with `kind`.
    pub id: String,
    pub kind: EntityKind,
    pub name: String,
    pub description: Option<String>,
    pub population: Option<u64>,
    pub parent_folder_id: Option<FolderId>,
    /// Edit permission, for folders (from `attributes.permissions`); `None` for other kinds.
    pub permissions: Option<FolderPermissions>,
    /// Entries nested inside this one without a folder of their own (the stages of a funnel).
    pub nested: Vec<Entity>,
}

/// The answer of `GET /entities/by-folder/{id}?depth=1`.
#[derive(Clone, Debug, PartialEq)]
pub struct FolderListing {
    /// The folder itself, when the answer includes it.
    pub folder: Option<Folder>,
    /// Its direct children, in the API's order.
    pub children: Vec<Entity>,
}

/// Segment kinds a token may reference (the relationship `type`s accepted on write).
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum SegmentKind {
    Batch,
    Realtime,
    FunnelStage,
}

impl SegmentKind {
    pub fn api_type(self) -> &'static str {
        match self {
            Self::Batch => "segment-batch",
            Self::Realtime => "segment-realtime",
            Self::FunnelStage => "segment-funnel-stage",
        }
    }
    pub fn from_api_type(t: &str) -> Option<Self> {
        match t {
            "segment-batch" => Some(Self::Batch),
            "segment-realtime" => Some(Self::Realtime),
            "segment-funnel-stage" => Some(Self::FunnelStage),
            _ => None,
        }
    }
    /// The legacy `kind` integer: 0 batch, 1 realtime, 2 funnel stage.
    pub fn from_legacy(kind: i64) -> Option<Self> {
        match kind {
            0 => Some(Self::Batch),
            1 => Some(Self::Realtime),
            2 => Some(Self::FunnelStage),
            _ => None,
        }
    }
}

/// A segment a token serves. `name` is `None` when the user may not view its folder
/// (the API omits the attributes): show "Segment #id (no access)" and keep it on save.
#[derive(Clone, Debug, PartialEq)]
pub struct SegmentRef {
    pub id: SegmentId,
    pub kind: SegmentKind,
    pub name: Option<String>,
    pub description: Option<String>,
    pub population: Option<u64>,
}

/// A Treasure Data user (creator or last editor).
#[derive(Clone, Debug, PartialEq)]
pub struct User {
    pub id: UserId,
    pub name: String,
}

/// A Profiles API token.
#[derive(Clone, Debug, PartialEq)]
pub struct Token {
    pub id: TokenId,
    pub audience_id: Option<ParentSegmentId>,
    pub name: String,
    pub description: String,
    /// The UUID web pages send to the Profiles API.
    pub uuid: String,
    /// The Lookup Key column (`td_global_id` when the server filled the default).
    pub key_column: String,
    pub attribute_columns: Vec<String>,
    pub segments: Vec<SegmentRef>,
    pub parent_folder_id: Option<FolderId>,
    pub created_at: Option<String>,
    pub updated_at: Option<String>,
    pub created_by: Option<User>,
    pub updated_by: Option<User>,
}

/// A column of a parent segment (`GET /audiences/{id}/attributes`).
#[derive(Clone, Debug, PartialEq)]
pub struct AttributeColumn {
    pub name: String,
    /// string, number, timestamp, date, string_array, number_array, boolean
    pub column_type: String,
    /// True for master-table columns (usable as Lookup Key), false for attribute-table columns.
    pub is_master: bool,
    /// `visibility: blocked` columns are hidden from pickers.
    pub blocked: bool,
}

/// A segment of a parent segment, for pickers (`GET /audiences/{id}/segments`).
#[derive(Clone, Debug, PartialEq)]
pub struct SegmentSummary {
    pub id: SegmentId,
    pub name: String,
    pub kind: SegmentKind,
    pub population: Option<u64>,
    pub folder_id: Option<FolderId>,
}

/// Everything a create or an update of a token sends (the full representation).
#[derive(Clone, Debug, PartialEq)]
pub struct TokenWrite {
    pub name: String,
    pub description: String,
    /// Empty: the server fills `td_global_id`.
    pub key_column: String,
    pub attribute_columns: Vec<String>,
    pub parent_folder_id: FolderId,
    pub segments: Vec<(SegmentId, SegmentKind)>,
}
