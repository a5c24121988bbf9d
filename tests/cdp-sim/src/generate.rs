//! `generated:SEED:FOLDERS:ENTITIES`: a large, deterministic fixture for benchmarks.
//!
//! One parent segment ("Generated Audience"), a random folder tree of FOLDERS folders, and
//! ENTITIES entities (batch and realtime segments, funnels with three stages, tokens) spread
//! over it, except that folder 2 ("Bulk import") holds min(5,000, ENTITIES / 4) of them so
//! that one listing is large. The same arguments always give the same fixture.

use crate::fixture::*;

/// SplitMix64: tiny, fast, and good enough for test data; no dependency.
struct Rng(u64);

impl Rng {
    fn next(&mut self) -> u64 {
        self.0 = self.0.wrapping_add(0x9E37_79B9_7F4A_7C15);
        let mut z = self.0;
        z = (z ^ (z >> 30)).wrapping_mul(0xBF58_476D_1CE4_E5B9);
        z = (z ^ (z >> 27)).wrapping_mul(0x94D0_49BB_1331_11EB);
        z ^ (z >> 31)
    }
    /// Uniform in `0..n` (n > 0).
    fn below(&mut self, n: usize) -> usize {
        (self.next() % n as u64) as usize
    }
    fn pick<'a, T>(&mut self, items: &'a [T]) -> &'a T {
        &items[self.below(items.len())]
    }
    /// A UUID v4 from the stream (version and variant bits set).
    fn uuid(&mut self) -> String {
        let bytes = ((self.next() as u128) << 64 | self.next() as u128).to_be_bytes();
        uuid::Builder::from_random_bytes(bytes).into_uuid().to_string()
    }
    /// A timestamp between 2023-01-01 and 2025-12-31.
    fn time(&mut self) -> String {
        const START: u64 = 1_672_531_200;
        const SPAN: u64 = 3 * 365 * 86_400;
        crate::clock::rfc3339_s(START + self.next() % SPAN)
    }
}

const TOPICS: [&str; 16] = [
    "Spring Sale",
    "Loyalty",
    "Onboarding",
    "Winback",
    "Holiday",
    "Mobile App",
    "Newsletter",
    "Retargeting",
    "Store Events",
    "VIP",
    "Cart",
    "Search",
    "Reviews",
    "Referral",
    "Outlet",
    "Back to School",
];
const AUDIENCES: [&str; 12] = [
    "Frequent Buyers",
    "New Visitors",
    "High Intent",
    "Lapsed 90d",
    "Big Spenders",
    "Coupon Users",
    "App Installers",
    "Email Openers",
    "Store Visitors",
    "Browsers",
    "Subscribers",
    "Repeat Returners",
];
const ATTRIBUTES: [(&str, &str); 8] = [
    ("gender", "string"),
    ("age_band", "string"),
    ("country", "string"),
    ("lifetime_value", "number"),
    ("last_purchase_date", "timestamp"),
    ("favorite_category", "string"),
    ("email_opt_in", "boolean"),
    ("interests", "string_array"),
];
const KEYS: [&str; 3] = ["td_client_id", "email", "td_global_id"];

pub fn fixture(seed: u64, folders: usize, entities: usize) -> Fixture {
    let mut rng = Rng(seed);
    let ps_id = "1".to_owned();
    let users = vec![
        User { id: "1".into(), td_user_id: "9001".into(), name: "Bench User".into() },
        User { id: "2".into(), td_user_id: "9002".into(), name: "Data Engineer".into() },
    ];
    let mut fx = Fixture {
        current_user: "1".into(),
        users,
        parent_segments: vec![parent_segment(&ps_id, seed)],
        folders: Vec::with_capacity(folders),
        segments: Vec::new(),
        funnels: Vec::new(),
        predictive_segments: Vec::new(),
        tokens: Vec::new(),
        profiles: Vec::new(),
    };
    for i in 1..=folders {
        let parent = match i {
            1 => None,
            2 => Some(1),
            // A random recursive tree: shallow on average, a few long branches.
            _ => Some(1 + rng.below(i - 1)),
        };
        let name = match i {
            1 => "Generated Audience".to_owned(),
            2 => "Bulk import".to_owned(),
            _ => format!("{} {:04}", rng.pick(&TOPICS), i),
        };
        let time = rng.time();
        fx.folders.push(Folder {
            id: i.to_string(),
            parent_segment_id: ps_id.clone(),
            parent_id: parent.map(|p: usize| p.to_string()),
            name,
            description: None,
            // Every 97th folder is read-only, so permission paths get exercised at scale.
            permissions: Permissions { view: true, edit: i % 97 != 0 },
            created_at: time.clone(),
            updated_at: time,
            created_by: Some(if i % 3 == 0 { "2" } else { "1" }.into()),
        });
    }
    let bulk = (entities / 4).min(5_000);
    let mut next_segment = 1u64;
    let mut next_other = 1u64;
    let mut plain_segments: Vec<(String, &'static str)> = Vec::new();
    for e in 0..entities {
        let folder = if e < bulk && folders >= 2 { 2 } else { 1 + rng.below(folders) };
        let folder_id = folder.to_string();
        let time = rng.time();
        let roll = rng.below(100);
        let name = format!("{} {} {e}", rng.pick(&AUDIENCES), rng.pick(&TOPICS));
        if roll < 20 && !plain_segments.is_empty() {
            let id = next_other.to_string();
            next_other += 1;
            fx.tokens.push(token(&mut rng, id, folder_id, format!("Token_{e}"), &plain_segments, time));
        } else if roll < 25 {
            let id = next_other.to_string();
            next_other += 1;
            let mut stages = Vec::new();
            for (n, stage) in ["Aware", "Engaged", "Converted"].iter().enumerate() {
                let sid = next_segment.to_string();
                next_segment += 1;
                fx.segments.push(segment(
                    &sid,
                    SegmentKind::FunnelStage,
                    &folder_id,
                    format!("{name} {stage}"),
                    &time,
                ));
                stages.push(FunnelStage { id: format!("{id}{n}"), segment_id: sid });
            }
            fx.funnels.push(Funnel {
                id,
                folder_id,
                name,
                description: Some("Generated funnel".into()),
                population: Some(rng.below(1_000_000) as u64),
                stages,
                created_at: time.clone(),
                updated_at: time,
                created_by: None,
            });
        } else {
            let kind = if roll < 40 { SegmentKind::Realtime } else { SegmentKind::Batch };
            let sid = next_segment.to_string();
            next_segment += 1;
            let mut s = segment(&sid, kind, &folder_id, name, &time);
            s.population = Some(rng.below(2_000_000) as u64);
            plain_segments.push((sid, kind.api_type()));
            fx.segments.push(s);
        }
    }
    fx.profiles = profiles(&mut rng, &ps_id, &fx.segments);
    fx
}

/// How many profiles a generated fixture has: enough for lookups that find some segments,
/// none, or no profile at all (`user-N` for N at or above this).
pub const PROFILES: usize = 200;

/// Profiles with every key column (`td_client_id` `c-N`, `email`
/// `user-N@example.com`, `td_global_id` `g-N`), a random tenth of the segments and a value for
/// every attribute (at most 50 segments each: the API caps the answer near 1 KB).
fn profiles(rng: &mut Rng, ps_id: &str, segments: &[Segment]) -> Vec<Profile> {
    (0..PROFILES)
        .map(|n| {
            let keys = [
                ("td_client_id", format!("c-{n}")),
                ("email", format!("user-{n}@example.com")),
                ("td_global_id", format!("g-{n}")),
            ];
            let attributes = ATTRIBUTES
                .iter()
                .map(|(name, kind)| {
                    let value = match *kind {
                        "number" => serde_json::json!(rng.below(10_000)),
                        "boolean" => serde_json::json!(rng.below(2) == 1),
                        "string_array" => serde_json::json!([rng.pick(&TOPICS)]),
                        "timestamp" => serde_json::json!(rng.time()),
                        _ => serde_json::json!(rng.pick(&TOPICS)),
                    };
                    ((*name).to_owned(), value)
                })
                .collect();
            Profile {
                audience_id: ps_id.to_owned(),
                keys: keys.into_iter().map(|(k, v)| (k.to_owned(), v)).collect(),
                segments: segments
                    .iter()
                    .filter(|_| rng.below(10) == 0)
                    .take(50)
                    .map(|s| s.id.clone())
                    .collect(),
                attributes,
            }
        })
        .collect()
}

fn parent_segment(id: &str, seed: u64) -> ParentSegment {
    ParentSegment {
        id: id.to_owned(),
        name: "Generated Audience".into(),
        description: format!("Benchmark data (seed {seed})"),
        population: Some(25_000_000),
        schedule_type: "daily".into(),
        timezone: "UTC".into(),
        v4_id: 1,
        created_at: "2023-01-01T00:00:00Z".into(),
        updated_at: "2025-01-01T00:00:00Z".into(),
        matrix_updated_at: Some("2025-01-01T03:00:00Z".into()),
        root_folder_id: "1".into(),
        master: Master { parent_database_name: "bench_db".into(), parent_table_name: "customers".into() },
        master_columns: vec![
            MasterColumn { name: "td_client_id".into(), column_type: "string".into() },
            MasterColumn { name: "email".into(), column_type: "string".into() },
        ],
        attributes: ATTRIBUTES
            .iter()
            .enumerate()
            .map(|(i, (name, ty))| Attribute {
                id: (i + 1).to_string(),
                name: (*name).into(),
                column_type: (*ty).into(),
                parent_database_name: "bench_db".into(),
                parent_table_name: "profiles".into(),
                parent_column: (*name).into(),
                parent_key: "customer_id".into(),
                foreign_key: "customer_id".into(),
                visibility: "clear".into(),
                grouping_name: None,
            })
            .collect(),
    }
}

fn segment(id: &str, kind: SegmentKind, folder: &str, name: String, time: &str) -> Segment {
    Segment {
        id: id.to_owned(),
        kind,
        folder_id: folder.to_owned(),
        name,
        description: None,
        population: None,
        rule: None,
        created_at: time.to_owned(),
        updated_at: time.to_owned(),
        created_by: None,
    }
}

fn token(
    rng: &mut Rng,
    id: String,
    folder: String,
    name: String,
    pool: &[(String, &str)],
    time: String,
) -> Token {
    let attrs = (0..rng.below(4)).map(|_| rng.pick(&ATTRIBUTES).0.to_owned()).collect::<Vec<_>>();
    let mut attribute_columns: Vec<String> = Vec::new();
    for a in attrs {
        if !attribute_columns.contains(&a) {
            attribute_columns.push(a);
        }
    }
    let mut segments: Vec<String> = Vec::new();
    for _ in 0..1 + rng.below(3) {
        let s = rng.pick(pool).0.clone();
        if !segments.contains(&s) {
            segments.push(s);
        }
    }
    Token {
        id,
        folder_id: folder,
        name,
        description: "Generated token".into(),
        token: rng.uuid(),
        key_column: (*rng.pick(&KEYS)).into(),
        attribute_columns,
        segments,
        created_at: time.clone(),
        updated_at: time,
        created_by: None,
        updated_by: None,
    }
}
