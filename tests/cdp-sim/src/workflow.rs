//! Each token's workflow: lookups answer with the configuration that was current when the
//! token's workflow last finished, not with the latest save (docs/cdp-api.md: "an empty answer
//! right after a change"). A save that changes the Lookup Key, the attributes or the segments
//! starts a workflow that finishes after the configured delay, or at once through
//! `POST /_sim/tokens/{id}/finish-workflow`. *(The delay is a setting: TD's runs take minutes.)*

use crate::fixture::Token;
use std::collections::HashMap;
use std::time::{Duration, Instant};

/// What lookups of a token use.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct LiveConfig {
    pub key_column: String,
    pub attribute_columns: Vec<String>,
    pub segments: Vec<String>,
}

impl LiveConfig {
    pub fn of(token: &Token) -> Self {
        Self {
            key_column: token.key_column.clone(),
            attribute_columns: token.attribute_columns.clone(),
            segments: token.segments.clone(),
        }
    }
}

#[derive(Default)]
struct Workflow {
    /// `None` for a token whose first workflow has not finished: lookups do not know it yet.
    live: Option<LiveConfig>,
    running: Option<(Instant, LiveConfig)>,
}

/// The workflows of every token, by token id.
#[derive(Default)]
pub struct Workflows {
    by_token: HashMap<u64, Workflow>,
    pub delay: Duration,
}

impl Workflows {
    /// A token that is live as it is (the fixture's tokens).
    pub fn live_now(&mut self, id: u64, config: LiveConfig) {
        self.by_token.insert(id, Workflow { live: Some(config), running: None });
    }

    /// After a save: a workflow starts if what lookups use has changed.
    pub fn saved(&mut self, id: u64, config: LiveConfig, now: Instant) {
        let w = self.by_token.entry(id).or_default();
        let latest = w.running.as_ref().map(|(_, c)| c).or(w.live.as_ref());
        if latest != Some(&config) {
            w.running = Some((now + self.delay, config));
        }
    }

    /// Finishes the token's running workflow now; false if none runs.
    pub fn finish(&mut self, id: u64) -> bool {
        let Some(w) = self.by_token.get_mut(&id) else { return false };
        match w.running.take() {
            Some((_, config)) => {
                w.live = Some(config);
                true
            }
            None => false,
        }
    }

    /// What lookups use at `now`, finishing a workflow whose time has come.
    pub fn live(&mut self, id: u64, now: Instant) -> Option<LiveConfig> {
        let w = self.by_token.get_mut(&id)?;
        if w.running.as_ref().is_some_and(|(due, _)| *due <= now) {
            w.live = w.running.take().map(|(_, c)| c);
        }
        w.live.clone()
    }

    /// Whether a workflow of the token is still running at `now`.
    pub fn running(&mut self, id: u64, now: Instant) -> bool {
        _ = self.live(id, now);
        self.by_token.get(&id).is_some_and(|w| w.running.is_some())
    }

    pub fn remove(&mut self, id: u64) {
        self.by_token.remove(&id);
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn config(key: &str) -> LiveConfig {
        LiveConfig { key_column: key.into(), attribute_columns: vec![], segments: vec!["1".into()] }
    }

    #[test]
    fn a_change_goes_live_when_its_workflow_finishes() {
        let mut w = Workflows { delay: Duration::from_secs(60), ..Workflows::default() };
        let t0 = Instant::now();
        w.live_now(1, config("email"));
        w.saved(1, config("email"), t0);
        assert!(!w.running(1, t0), "a save that changes nothing lookups use starts nothing");
        w.saved(1, config("td_client_id"), t0);
        assert_eq!(w.live(1, t0 + Duration::from_secs(59)), Some(config("email")));
        assert_eq!(w.live(1, t0 + Duration::from_secs(60)), Some(config("td_client_id")));
        assert!(!w.running(1, t0 + Duration::from_secs(61)));
    }

    #[test]
    fn a_new_token_is_unknown_until_its_first_workflow_and_finish_is_at_once() {
        let mut w = Workflows { delay: Duration::from_secs(60), ..Workflows::default() };
        let t0 = Instant::now();
        w.saved(2, config("email"), t0);
        assert_eq!(w.live(2, t0), None);
        assert!(w.finish(2));
        assert_eq!(w.live(2, t0), Some(config("email")));
        assert!(!w.finish(2));
    }
}
