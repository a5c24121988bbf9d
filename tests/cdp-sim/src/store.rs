//! The in-memory state: the fixture's records indexed by id, plus a folder → children index.
//! Only tokens change at run time (folders and segments are out of the app's scope).

use crate::clock::Clock;
use crate::fixture::{
    Fixture, Folder, Funnel, ParentSegment, PredictiveSegment, Profile, Segment, Token, User,
};
use crate::workflow::{LiveConfig, Workflows};
use std::collections::{BTreeMap, HashMap};

/// One entry of a folder, in listing order.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub enum Child {
    Folder(u64),
    Segment(u64),
    Funnel(u64),
    Predictive(u64),
    Token(u64),
}

pub struct Store {
    pub current_user: String,
    pub users: BTreeMap<String, User>,
    pub parent_segments: BTreeMap<u64, ParentSegment>,
    pub folders: BTreeMap<u64, Folder>,
    pub segments: BTreeMap<u64, Segment>,
    pub funnels: BTreeMap<u64, Funnel>,
    pub predictive: BTreeMap<u64, PredictiveSegment>,
    pub tokens: BTreeMap<u64, Token>,
    /// Direct children of each folder (funnel stages are nested in their funnel, not listed).
    children: HashMap<u64, Vec<Child>>,
    pub clock: Clock,
    /// What each token's lookups use (see `workflow`).
    pub workflows: Workflows,
    /// The fixture's profiles (what lookups find).
    pub profiles: Vec<Profile>,
    /// Highest token id handed out, so deleted ids are never reused.
    last_token_id: u64,
}

/// Fixture ids were checked by `Fixture::check`, so they parse.
fn num(id: &str) -> u64 {
    id.parse().unwrap_or(0)
}

impl Store {
    pub fn new(fx: &Fixture, user_name: Option<&str>) -> Self {
        let mut users: BTreeMap<String, User> = fx.users.iter().map(|u| (u.id.clone(), u.clone())).collect();
        if let (Some(name), Some(me)) = (user_name, users.get_mut(&fx.current_user)) {
            me.name = name.to_owned();
        }
        let mut store = Self {
            current_user: fx.current_user.clone(),
            users,
            parent_segments: fx.parent_segments.iter().map(|p| (num(&p.id), p.clone())).collect(),
            folders: fx.folders.iter().map(|f| (num(&f.id), f.clone())).collect(),
            segments: fx.segments.iter().map(|s| (num(&s.id), s.clone())).collect(),
            funnels: fx.funnels.iter().map(|f| (num(&f.id), f.clone())).collect(),
            predictive: fx.predictive_segments.iter().map(|p| (num(&p.id), p.clone())).collect(),
            tokens: fx.tokens.iter().map(|t| (num(&t.id), t.clone())).collect(),
            children: HashMap::new(),
            clock: Clock::default(),
            workflows: Workflows::default(),
            profiles: fx.profiles.clone(),
            last_token_id: 0,
        };
        for t in &fx.tokens {
            store.workflows.live_now(num(&t.id), LiveConfig::of(t));
        }
        store.reindex();
        store
    }

    /// Rebuilds the children index. O(n); runs at start and after token writes, which are rare.
    fn reindex(&mut self) {
        let mut children: HashMap<u64, Vec<Child>> = HashMap::new();
        let mut push = |folder: &str, c: Child| children.entry(num(folder)).or_default().push(c);
        for f in self.folders.values() {
            if let Some(p) = &f.parent_id {
                push(p, Child::Folder(num(&f.id)));
            }
        }
        for s in self.segments.values() {
            if s.kind != crate::fixture::SegmentKind::FunnelStage {
                push(&s.folder_id, Child::Segment(num(&s.id)));
            }
        }
        for f in self.funnels.values() {
            push(&f.folder_id, Child::Funnel(num(&f.id)));
        }
        for p in self.predictive.values() {
            push(&p.folder_id, Child::Predictive(num(&p.id)));
        }
        for t in self.tokens.values() {
            push(&t.folder_id, Child::Token(num(&t.id)));
        }
        // Folders first, then by kind and id: stable, and what a tree view expects.
        for list in children.values_mut() {
            list.sort();
        }
        self.children = children;
    }

    pub fn children(&self, folder: u64) -> &[Child] {
        self.children.get(&folder).map(Vec::as_slice).unwrap_or(&[])
    }

    pub fn folder(&self, id: &str) -> Option<&Folder> {
        self.folders.get(&num(id))
    }

    /// The parent segment id of a folder.
    pub fn folder_ps(&self, folder_id: &str) -> Option<&str> {
        self.folder(folder_id).map(|f| f.parent_segment_id.as_str())
    }

    pub fn segment(&self, id: &str) -> Option<&Segment> {
        self.segments.get(&num(id))
    }

    pub fn me(&self) -> &str {
        &self.current_user
    }

    /// Stores a created or updated token; a change to what lookups use starts its workflow.
    pub fn insert_token(&mut self, token: Token) {
        self.workflows.saved(num(&token.id), LiveConfig::of(&token), std::time::Instant::now());
        self.tokens.insert(num(&token.id), token);
        self.reindex();
    }

    pub fn remove_token(&mut self, id: u64) -> Option<Token> {
        self.workflows.remove(id);
        let t = self.tokens.remove(&id);
        self.reindex();
        t
    }

    /// Next token id: above every token id ever seen (deleted ids are not reused).
    pub fn next_token_id(&mut self) -> u64 {
        let max = self.tokens.keys().next_back().copied().unwrap_or(0);
        let id = max.max(self.last_token_id) + 1;
        self.last_token_id = id;
        id
    }

    /// Token names are unique per parent segment.
    pub fn token_name_taken(&self, ps: &str, name: &str, except: Option<u64>) -> bool {
        self.tokens
            .iter()
            .any(|(id, t)| Some(*id) != except && t.name == name && self.folder_ps(&t.folder_id) == Some(ps))
    }
}
