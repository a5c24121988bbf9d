//! Data one page already holds, handed to the page the user goes to next, so that a user
//! action costs the one request it needs and not a second read of what just arrived: the
//! parent segment list to the parent segment it opens, a write's answer (Save, Duplicate,
//! Create) to the token page shown after it, the token page's token to its Edit form.
//!
//! A hand-over is taken once and only while young: it bridges one navigation, it is not a
//! cache that could show stale data later (every other visit reads afresh).

use crate::api::{ParentSegment, ParentSegmentId, Token, TokenId};
use crate::clock::now_ms;
use leptos::prelude::*;

/// How long the list a user picks from stays good enough to open one of its parent segments
/// without reading it again: people read the list before choosing, and a parent segment's
/// name and root folder change rarely.
pub const PARENT_SEGMENTS_MAX_AGE_MS: f64 = 5.0 * 60_000.0;
/// A token is handed over for the very next page: anything slower than this is not that
/// navigation any more, and the page reads the token itself.
pub const TOKEN_MAX_AGE_MS: f64 = 30_000.0;

/// One handed-over value with the time (ms) it was put. Leptos-free, tested natively.
#[derive(Clone, Debug)]
pub struct Slot<T> {
    held: Option<(T, f64)>,
}

impl<T> Default for Slot<T> {
    fn default() -> Self {
        Self { held: None }
    }
}

impl<T> Slot<T> {
    pub fn put(&mut self, value: T, now_ms: f64) {
        self.held = Some((value, now_ms));
    }

    /// Takes the value if it is at most `max_age_ms` old and `wanted` accepts it. An old or
    /// unwanted value is dropped all the same: a hand-over is for the next page only.
    pub fn take(&mut self, now_ms: f64, max_age_ms: f64, wanted: impl FnOnce(&T) -> bool) -> Option<T> {
        let (value, at) = self.held.take()?;
        let young = (0.0..=max_age_ms).contains(&(now_ms - at));
        (young && wanted(&value)).then_some(value)
    }

    pub fn clear(&mut self) {
        self.held = None;
    }
}

/// The token hand-over, and the token read ahead for a page about to ask for it. Leptos-free,
/// tested natively.
#[derive(Clone, Debug, Default)]
pub struct TokenSlot {
    slot: Slot<Token>,
    awaited: Option<TokenId>,
}

impl TokenSlot {
    pub fn put(&mut self, token: Token, now_ms: f64) {
        self.slot.put(token, now_ms);
    }

    /// Token `id` if it was just handed over. Ends any read ahead: a page that asks while it
    /// is still running joins it (the client shares reads in flight), and its late answer is
    /// not kept for a page after this one.
    pub fn take(&mut self, id: &TokenId, now_ms: f64) -> Option<Token> {
        self.awaited = None;
        self.slot.take(now_ms, TOKEN_MAX_AGE_MS, |t| &t.id == id)
    }

    /// Token `id` is being read ahead of its page.
    pub fn expect(&mut self, id: TokenId) {
        self.awaited = Some(id);
    }

    /// The answer of a read ahead: handed over only if it is still awaited (not once the page
    /// has asked for it, another read ahead has begun, or the session has ended).
    pub fn deliver(&mut self, token: Token, now_ms: f64) {
        if self.awaited.take_if(|id| *id == token.id).is_some() {
            self.slot.put(token, now_ms);
        }
    }

    pub fn clear(&mut self) {
        self.slot.clear();
        self.awaited = None;
    }
}

/// The app's hand-overs, provided as context by `App` and cleared when the session ends.
#[derive(Clone, Copy)]
pub struct Handoff {
    parent_segments: StoredValue<Slot<Vec<ParentSegment>>>,
    token: StoredValue<TokenSlot>,
    /// Tokens saved in this session with a change that lookups see only once the token's
    /// workflow has finished (the lookup tester says so).
    changed_for_lookups: RwSignal<Vec<TokenId>>,
}

impl Default for Handoff {
    fn default() -> Self {
        Self::new()
    }
}

impl Handoff {
    pub fn new() -> Self {
        Self {
            parent_segments: StoredValue::new(Slot::default()),
            token: StoredValue::new(TokenSlot::default()),
            changed_for_lookups: RwSignal::new(Vec::new()),
        }
    }

    /// The list page shows `list`: the parent segment picked from it needs no second read.
    pub fn put_parent_segments(&self, list: Vec<ParentSegment>) {
        self.parent_segments.update_value(|s| s.put(list, now_ms()));
    }

    /// Parent segment `id` as the list showed it, if that list is recent.
    pub fn take_parent_segment(&self, id: &ParentSegmentId) -> Option<ParentSegment> {
        let list = self
            .parent_segments
            .try_update_value(|s| s.take(now_ms(), PARENT_SEGMENTS_MAX_AGE_MS, |_| true))
            .flatten()?;
        list.into_iter().find(|ps| &ps.id == id)
    }

    /// `token` as the server just gave it, for the page about to show it.
    pub fn put_token(&self, token: Token) {
        self.token.update_value(|s| s.put(token, now_ms()));
    }

    /// Token `id`, if it was just handed over (see [`TokenSlot::take`]).
    pub fn take_token(&self, id: &TokenId) -> Option<Token> {
        self.token.try_update_value(|s| s.take(id, now_ms())).flatten()
    }

    /// Token `id` is being read ahead of its page: [`Handoff::deliver_token`] hands it over
    /// if that page has not asked for it yet.
    pub fn awaiting_token(&self, id: TokenId) {
        self.token.update_value(|s| s.expect(id));
    }

    /// The answer of a read ahead (see [`TokenSlot::deliver`]).
    pub fn deliver_token(&self, token: Token) {
        self.token.try_update_value(|s| s.deliver(token, now_ms()));
    }

    /// Token `id` was saved with another Lookup Key, attributes or segments.
    pub fn changed_for_lookups(&self, id: &TokenId) {
        self.changed_for_lookups.try_update(|ids| {
            if !ids.contains(id) {
                ids.push(id.clone());
            }
        });
    }

    /// Whether lookups of token `id` may still answer with its previous configuration (tracked).
    pub fn lookups_may_lag(&self, id: &TokenId) -> bool {
        self.changed_for_lookups.with(|ids| ids.contains(id))
    }

    /// Forgets everything (the session ended: nothing of it may reach the next one).
    pub fn clear(&self) {
        self.parent_segments.try_update_value(Slot::clear);
        self.token.try_update_value(TokenSlot::clear);
        self.changed_for_lookups.try_set(Vec::new());
    }
}

/// The hand-overs from context (`App` provides them).
pub fn use_handoff() -> Handoff {
    crate::context::required::<Handoff>("Handoff")
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_slot_hands_over_once() {
        let mut slot = Slot::default();
        slot.put("a", 1_000.0);
        assert_eq!(slot.take(1_500.0, 1_000.0, |_| true), Some("a"));
        assert_eq!(slot.take(1_500.0, 1_000.0, |_| true), None, "taken once");
    }

    #[test]
    fn an_old_or_unwanted_value_is_dropped() {
        let mut slot = Slot::default();
        slot.put("a", 1_000.0);
        assert_eq!(slot.take(2_001.0, 1_000.0, |_| true), None, "too old");
        assert_eq!(slot.take(1_100.0, 1_000.0, |_| true), None, "and gone");
        slot.put("b", 1_000.0);
        assert_eq!(slot.take(1_100.0, 1_000.0, |v| *v == "c"), None, "not the one wanted");
        assert_eq!(slot.take(1_100.0, 1_000.0, |_| true), None, "dropped: for the next page only");
        slot.put("d", 5_000.0);
        assert_eq!(slot.take(4_000.0, 1_000.0, |_| true), None, "a clock that went back is not trusted");
        slot.put("e", 1_000.0);
        slot.clear();
        assert_eq!(slot.take(1_000.0, 1_000.0, |_| true), None);
    }

    #[test]
    fn a_token_read_ahead_is_handed_over_only_while_its_page_has_not_asked() {
        let token = |id: &str| Token {
            id: TokenId::parse(id).unwrap(),
            ..crate::test_support::churn_prevention_offers()
        };
        let id = |t: &str| TokenId::parse(t).unwrap();
        let mut slot = TokenSlot::default();
        slot.expect(id("5"));
        slot.deliver(token("5"), 1_000.0);
        assert_eq!(
            slot.take(&id("5"), 1_100.0).map(|t| t.id),
            Some(id("5")),
            "arrived before the page asked"
        );

        slot.expect(id("5"));
        assert_eq!(slot.take(&id("5"), 1_000.0), None, "the page asked first: it joins the read");
        slot.deliver(token("5"), 1_100.0);
        assert_eq!(slot.take(&id("5"), 1_200.0), None, "and the late answer is not kept for a later page");

        slot.expect(id("5"));
        slot.expect(id("6"));
        slot.deliver(token("5"), 1_000.0);
        assert_eq!(slot.take(&id("5"), 1_100.0), None, "another read ahead began");

        slot.expect(id("7"));
        slot.clear();
        slot.deliver(token("7"), 1_000.0);
        assert_eq!(slot.take(&id("7"), 1_100.0), None, "the session ended");
    }
}
