//! The fixture format: everything the simulator serves, as one readable JSON document.
//!
//! Ids are digit strings, as on the wire. Segment, funnel and token records name their folder;
//! the parent segment of anything is the parent segment of its folder. See README.md for an
//! annotated example; `fixtures/demo.json` is the built-in one.

use serde::{Deserialize, Serialize};
use serde_json::Value;
use std::collections::{HashMap, HashSet};

/// Default timestamp for records that do not say (keeps hand-written fixtures short).
const DEFAULT_TIME: &str = "2024-04-01T09:00:00Z";

fn default_time() -> String {
    DEFAULT_TIME.to_owned()
}
fn default_true() -> bool {
    true
}
fn default_schedule() -> String {
    "daily".to_owned()
}
fn default_timezone() -> String {
    "UTC".to_owned()
}
fn default_visibility() -> String {
    "clear".to_owned()
}

#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase", deny_unknown_fields)]
pub struct Fixture {
    /// The user every configured API key belongs to: `createdBy`/`updatedBy` of writes.
    pub current_user: String,
    pub users: Vec<User>,
    pub parent_segments: Vec<ParentSegment>,
    pub folders: Vec<Folder>,
    #[serde(default)]
    pub segments: Vec<Segment>,
    #[serde(default)]
    pub funnels: Vec<Funnel>,
    #[serde(default)]
    pub predictive_segments: Vec<PredictiveSegment>,
    #[serde(default)]
    pub tokens: Vec<Token>,
    /// The customers that Profiles API lookups find.
    #[serde(default)]
    pub profiles: Vec<Profile>,
}

/// One customer of a parent segment, as the Profiles API sees it.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase", deny_unknown_fields)]
pub struct Profile {
    /// The parent segment (`audienceId` in lookup answers).
    pub audience_id: String,
    /// Key column → value (`td_client_id`, `email`, …; `td_global_id` comes from a cookie).
    pub keys: std::collections::BTreeMap<String, String>,
    /// The segments the profile is in.
    #[serde(default)]
    pub segments: Vec<String>,
    /// Attribute column → value, as lookups return them.
    #[serde(default)]
    pub attributes: serde_json::Map<String, Value>,
}

#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase", deny_unknown_fields)]
pub struct User {
    pub id: String,
    pub td_user_id: String,
    pub name: String,
}

#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase", deny_unknown_fields)]
pub struct ParentSegment {
    pub id: String,
    pub name: String,
    #[serde(default)]
    pub description: String,
    pub population: Option<u64>,
    #[serde(default = "default_schedule")]
    pub schedule_type: String,
    #[serde(default = "default_timezone")]
    pub timezone: String,
    #[serde(default)]
    pub v4_id: u64,
    #[serde(default = "default_time")]
    pub created_at: String,
    #[serde(default = "default_time")]
    pub updated_at: String,
    #[serde(default)]
    pub matrix_updated_at: Option<String>,
    /// The root of this parent segment's folder tree (`relationships.parentSegmentFolder`).
    pub root_folder_id: String,
    pub master: Master,
    /// Columns of the master (customer) table: the Lookup Key candidates.
    pub master_columns: Vec<MasterColumn>,
    /// Columns imported from attribute tables: the Attributes picker.
    pub attributes: Vec<Attribute>,
}

#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase", deny_unknown_fields)]
pub struct Master {
    pub parent_database_name: String,
    pub parent_table_name: String,
}

#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase", deny_unknown_fields)]
pub struct MasterColumn {
    pub name: String,
    #[serde(rename = "type")]
    pub column_type: String,
}

#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase", deny_unknown_fields)]
pub struct Attribute {
    pub id: String,
    pub name: String,
    #[serde(rename = "type")]
    pub column_type: String,
    pub parent_database_name: String,
    pub parent_table_name: String,
    pub parent_column: String,
    pub parent_key: String,
    pub foreign_key: String,
    /// clear | pii | non_pii | blocked (blocked columns cannot be attached to a token).
    #[serde(default = "default_visibility")]
    pub visibility: String,
    #[serde(default)]
    pub grouping_name: Option<String>,
}

#[derive(Clone, Copy, Debug, PartialEq, Eq, Default, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Permissions {
    #[serde(default = "default_true")]
    pub view: bool,
    #[serde(default = "default_true")]
    pub edit: bool,
}

impl Permissions {
    pub const ALL: Self = Self { view: true, edit: true };
}

#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase", deny_unknown_fields)]
pub struct Folder {
    pub id: String,
    pub parent_segment_id: String,
    /// `None` for the root folder of a parent segment.
    pub parent_id: Option<String>,
    pub name: String,
    #[serde(default)]
    pub description: Option<String>,
    #[serde(default = "all_permissions")]
    pub permissions: Permissions,
    #[serde(default = "default_time")]
    pub created_at: String,
    #[serde(default = "default_time")]
    pub updated_at: String,
    #[serde(default)]
    pub created_by: Option<String>,
}

fn all_permissions() -> Permissions {
    Permissions::ALL
}

/// Segment kinds as the fixture spells them.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "kebab-case")]
pub enum SegmentKind {
    Batch,
    Realtime,
    FunnelStage,
    /// A composable segment: listed in folders, refused as a token segment.
    Composable,
}

impl SegmentKind {
    /// The JSON:API `type` of the segment (and of a token's relationship to it).
    pub fn api_type(self) -> &'static str {
        match self {
            Self::Batch => "segment-batch",
            Self::Realtime => "segment-realtime",
            Self::FunnelStage => "segment-funnel-stage",
            Self::Composable => "composable-segment",
        }
    }
    /// The legacy `kind` integer (composable segments have none: they are not listed there).
    pub fn legacy_kind(self) -> Option<u8> {
        match self {
            Self::Batch => Some(0),
            Self::Realtime => Some(1),
            Self::FunnelStage => Some(2),
            Self::Composable => None,
        }
    }
}

#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase", deny_unknown_fields)]
pub struct Segment {
    pub id: String,
    pub kind: SegmentKind,
    /// For funnel stages: the funnel's folder.
    pub folder_id: String,
    pub name: String,
    #[serde(default)]
    pub description: Option<String>,
    #[serde(default)]
    pub population: Option<u64>,
    /// An Audience Studio v5 rule, served verbatim; a simple default when absent.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub rule: Option<Value>,
    #[serde(default = "default_time")]
    pub created_at: String,
    #[serde(default = "default_time")]
    pub updated_at: String,
    #[serde(default)]
    pub created_by: Option<String>,
}

#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase", deny_unknown_fields)]
pub struct Funnel {
    pub id: String,
    pub folder_id: String,
    pub name: String,
    #[serde(default)]
    pub description: Option<String>,
    #[serde(default)]
    pub population: Option<u64>,
    /// Each stage is a segment of kind `funnel-stage` in the same folder.
    pub stages: Vec<FunnelStage>,
    #[serde(default = "default_time")]
    pub created_at: String,
    #[serde(default = "default_time")]
    pub updated_at: String,
    #[serde(default)]
    pub created_by: Option<String>,
}

#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase", deny_unknown_fields)]
pub struct FunnelStage {
    pub id: String,
    pub segment_id: String,
}

#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase", deny_unknown_fields)]
pub struct PredictiveSegment {
    pub id: String,
    pub folder_id: String,
    pub name: String,
    #[serde(default)]
    pub description: Option<String>,
    /// The batch segment it scores.
    pub base_segment_id: Option<String>,
    #[serde(default = "default_time")]
    pub created_at: String,
    #[serde(default = "default_time")]
    pub updated_at: String,
    #[serde(default)]
    pub created_by: Option<String>,
}

#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase", deny_unknown_fields)]
pub struct Token {
    pub id: String,
    pub folder_id: String,
    pub name: String,
    #[serde(default)]
    pub description: String,
    /// The UUID web pages send to the Profiles API.
    pub token: String,
    pub key_column: String,
    #[serde(default)]
    pub attribute_columns: Vec<String>,
    /// Segment ids; the relationship type follows from each segment's kind.
    #[serde(default)]
    pub segments: Vec<String>,
    #[serde(default = "default_time")]
    pub created_at: String,
    #[serde(default = "default_time")]
    pub updated_at: String,
    #[serde(default)]
    pub created_by: Option<String>,
    #[serde(default)]
    pub updated_by: Option<String>,
}

/// Where a fixture comes from (the `--fixture` argument).
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum FixtureSource {
    Demo,
    File(std::path::PathBuf),
    Generated { seed: u64, folders: usize, entities: usize },
}

impl std::str::FromStr for FixtureSource {
    type Err = String;
    fn from_str(s: &str) -> Result<Self, String> {
        if s == "demo" {
            return Ok(Self::Demo);
        }
        if let Some(rest) = s.strip_prefix("generated:") {
            let parts: Vec<&str> = rest.split(':').collect();
            let [seed, folders, entities] = parts.as_slice() else {
                return Err("expected generated:SEED:FOLDERS:ENTITIES".into());
            };
            let num = |v: &str, what: &str| v.parse::<u64>().map_err(|_| format!("{what} must be a number"));
            let folders = num(folders, "FOLDERS")? as usize;
            if folders == 0 {
                return Err("FOLDERS must be at least 1".into());
            }
            return Ok(Self::Generated {
                seed: num(seed, "SEED")?,
                folders,
                entities: num(entities, "ENTITIES")? as usize,
            });
        }
        Ok(Self::File(s.into()))
    }
}

impl FixtureSource {
    pub fn load(&self) -> Result<Fixture, String> {
        let fixture = match self {
            Self::Demo => Fixture::demo(),
            Self::File(path) => {
                let text = std::fs::read_to_string(path)
                    .map_err(|e| format!("cannot read fixture {}: {e}", path.display()))?;
                serde_json::from_str(&text).map_err(|e| format!("fixture {}: {e}", path.display()))?
            }
            Self::Generated { seed, folders, entities } => {
                crate::generate::fixture(*seed, *folders, *entities)
            }
        };
        fixture.check()?;
        Ok(fixture)
    }
}

impl Fixture {
    /// The built-in demo data.
    pub fn demo() -> Self {
        // The file is part of the crate and covered by a test; a parse failure is a build bug.
        serde_json::from_str(include_str!("../fixtures/demo.json")).expect("fixtures/demo.json is valid")
    }

    /// Referential integrity: every id well-formed and unique per kind, every reference resolvable,
    /// folder trees rooted where their parent segment says. A broken fixture fails at start,
    /// not as a confusing answer later.
    pub fn check(&self) -> Result<(), String> {
        let ids = |kind: &str, list: Vec<&String>| -> Result<HashSet<String>, String> {
            let mut seen = HashSet::new();
            for id in list {
                if !is_api_id(id) {
                    return Err(format!("{kind} id {id:?} is not a digit string without leading zero"));
                }
                if !seen.insert(id.clone()) {
                    return Err(format!("duplicate {kind} id {id}"));
                }
            }
            Ok(seen)
        };
        let users = ids("user", self.users.iter().map(|u| &u.id).collect())?;
        let pss = ids("parent segment", self.parent_segments.iter().map(|p| &p.id).collect())?;
        let folders = ids("folder", self.folders.iter().map(|f| &f.id).collect())?;
        let segments = ids("segment", self.segments.iter().map(|s| &s.id).collect())?;
        ids("funnel", self.funnels.iter().map(|f| &f.id).collect())?;
        ids("predictive segment", self.predictive_segments.iter().map(|p| &p.id).collect())?;
        ids("token", self.tokens.iter().map(|t| &t.id).collect())?;
        let need = |set: &HashSet<String>, id: &str, what: &str| {
            if set.contains(id) {
                Ok(())
            } else {
                Err(format!("{what} refers to unknown id {id}"))
            }
        };
        need(&users, &self.current_user, "currentUser")?;
        let folder_ps: HashMap<&str, &str> =
            self.folders.iter().map(|f| (f.id.as_str(), f.parent_segment_id.as_str())).collect();
        for f in &self.folders {
            need(&pss, &f.parent_segment_id, &format!("folder {}", f.id))?;
            if let Some(p) = &f.parent_id {
                need(&folders, p, &format!("folder {} parentId", f.id))?;
                if folder_ps.get(p.as_str()) != Some(&f.parent_segment_id.as_str()) {
                    return Err(format!(
                        "folder {} and its parent {p} belong to different parent segments",
                        f.id
                    ));
                }
            }
            if let Some(u) = &f.created_by {
                need(&users, u, &format!("folder {} createdBy", f.id))?;
            }
        }
        self.check_tree()?;
        for ps in &self.parent_segments {
            let root = self.folders.iter().find(|f| f.id == ps.root_folder_id);
            match root {
                Some(f) if f.parent_id.is_none() && f.parent_segment_id == ps.id => {}
                _ => {
                    return Err(format!("parent segment {}: rootFolderId must be a root folder of it", ps.id))
                }
            }
        }
        let seg_kind: HashMap<&str, SegmentKind> =
            self.segments.iter().map(|s| (s.id.as_str(), s.kind)).collect();
        for s in &self.segments {
            need(&folders, &s.folder_id, &format!("segment {}", s.id))?;
        }
        for fun in &self.funnels {
            need(&folders, &fun.folder_id, &format!("funnel {}", fun.id))?;
            for st in &fun.stages {
                if seg_kind.get(st.segment_id.as_str()) != Some(&SegmentKind::FunnelStage) {
                    return Err(format!(
                        "funnel {}: stage segment {} is not a funnel-stage segment",
                        fun.id, st.segment_id
                    ));
                }
            }
        }
        for p in &self.predictive_segments {
            need(&folders, &p.folder_id, &format!("predictive segment {}", p.id))?;
            if let Some(b) = &p.base_segment_id {
                need(&segments, b, &format!("predictive segment {}", p.id))?;
            }
        }
        for t in &self.tokens {
            need(&folders, &t.folder_id, &format!("token {}", t.id))?;
            if uuid::Uuid::parse_str(&t.token).is_err() {
                return Err(format!("token {}: token {:?} is not a UUID", t.id, t.token));
            }
            for s in &t.segments {
                need(&segments, s, &format!("token {} segments", t.id))?;
            }
        }
        Ok(())
    }

    /// Folders must form trees: following parents always ends at a root.
    fn check_tree(&self) -> Result<(), String> {
        let parent: HashMap<&str, Option<&str>> =
            self.folders.iter().map(|f| (f.id.as_str(), f.parent_id.as_deref())).collect();
        for f in &self.folders {
            let mut at = f.id.as_str();
            for _ in 0..=self.folders.len() {
                match parent.get(at).copied().flatten() {
                    Some(p) => at = p,
                    None => break,
                }
                if at == f.id {
                    return Err(format!("folder {} is its own ancestor", f.id));
                }
            }
        }
        Ok(())
    }
}

/// A JSON:API id: digits, no leading zero (the schema's `[1-9][0-9]*`), and fits in u64.
pub fn is_api_id(s: &str) -> bool {
    !s.is_empty() && !s.starts_with('0') && s.len() <= 19 && s.bytes().all(|b| b.is_ascii_digit())
}
