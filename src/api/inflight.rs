//! Shared in-flight reads: while a read of a key is running, the same read asked again waits
//! for that one instead of sending its own request, and gets a copy of its result.
//!
//! Plain Rust (a mutex-guarded map of slots and `std::task::Waker`s), so it is `Send + Sync`
//! (the `Client` lives in a Leptos signal) and testable natively without an executor. The
//! first caller of a key becomes the *leader* and does the work; later callers are *followers*
//! that await the leader's result. If the leader is dropped before finishing (a superseded read
//! cancelled by its owner), its followers are told so and try again themselves, so a
//! cancellation never leaves another caller hanging or fails it.

use std::collections::HashMap;
use std::future::Future;
use std::pin::Pin;
use std::sync::{Arc, Mutex, MutexGuard, PoisonError};
use std::task::{Context, Poll, Waker};

/// The reads in flight of one client (shared by its clones).
pub struct InFlight<T> {
    slots: Mutex<HashMap<String, Arc<Slot<T>>>>,
}

impl<T> Default for InFlight<T> {
    fn default() -> Self {
        Self { slots: Mutex::new(HashMap::new()) }
    }
}

struct Slot<T> {
    state: Mutex<State<T>>,
}

enum State<T> {
    /// The leader is working; `followers` callers wait for it.
    Pending { followers: usize, wakers: Vec<Waker> },
    /// The leader's result, for the `unread` followers that have not taken their copy yet.
    Done { result: T, unread: usize },
    /// The leader stopped without a result, or finished with nobody waiting.
    Closed,
}

/// What [`InFlight::join`] made of the caller.
pub enum Join<T> {
    /// Nobody is reading this key: do the read, then [`Lead::finish`] with its result.
    Leader(Lead<T>),
    /// The same read is running: await this for its result (`None`: the leader gave up,
    /// join again).
    Follower(Follow<T>),
}

/// The leader's duty to publish a result. Dropped unfinished, it releases its followers.
pub struct Lead<T> {
    owner: Arc<InFlight<T>>,
    key: String,
    slot: Arc<Slot<T>>,
    finished: bool,
}

/// A follower's wait for the leader's result.
pub struct Follow<T> {
    slot: Arc<Slot<T>>,
    /// Set once this follower has taken its copy (or learnt there is none).
    settled: bool,
}

fn lock<T>(m: &Mutex<T>) -> MutexGuard<'_, T> {
    // A panic while holding the lock cannot leave the map or a slot half-updated in a way that
    // matters more than failing every later read would.
    m.lock().unwrap_or_else(PoisonError::into_inner)
}

impl<T: Clone> InFlight<T> {
    /// Becomes the leader of `key`, or a follower of the read of `key` already running.
    pub fn join(self: &Arc<Self>, key: &str) -> Join<T> {
        let mut slots = lock(&self.slots);
        if let Some(slot) = slots.get(key) {
            if let State::Pending { followers, .. } = &mut *lock(&slot.state) {
                *followers += 1;
                return Join::Follower(Follow { slot: slot.clone(), settled: false });
            }
        }
        let slot = Arc::new(Slot { state: Mutex::new(State::Pending { followers: 0, wakers: Vec::new() }) });
        slots.insert(key.to_owned(), slot.clone());
        Join::Leader(Lead { owner: self.clone(), key: key.to_owned(), slot, finished: false })
    }

    /// How many distinct reads are running.
    pub fn running(&self) -> usize {
        lock(&self.slots).len()
    }
}

impl<T> Lead<T> {
    /// Hands `result` to every follower (a clone each; none is made when nobody waits) and
    /// ends the read, so that the next caller of the key starts a fresh one.
    pub fn finish(mut self, result: &T)
    where
        T: Clone,
    {
        self.finished = true;
        self.close(|followers| (followers > 0).then(|| result.clone()));
    }

    /// Removes the key (if it is still ours), sets the slot's final state and wakes the
    /// followers, outside every lock.
    fn close(&mut self, result: impl FnOnce(usize) -> Option<T>) {
        {
            let mut slots = lock(&self.owner.slots);
            if slots.get(&self.key).is_some_and(|s| Arc::ptr_eq(s, &self.slot)) {
                slots.remove(&self.key);
            }
        }
        let wakers = {
            let mut state = lock(&self.slot.state);
            let State::Pending { followers, wakers } = std::mem::replace(&mut *state, State::Closed) else {
                return;
            };
            if let Some(result) = result(followers) {
                *state = State::Done { result, unread: followers };
            }
            wakers
        };
        wakers.into_iter().for_each(Waker::wake);
    }
}

impl<T> Drop for Lead<T> {
    fn drop(&mut self) {
        if !self.finished {
            self.close(|_| None);
        }
    }
}

impl<T: Clone> Future for Follow<T> {
    type Output = Option<T>;

    fn poll(mut self: Pin<&mut Self>, cx: &mut Context<'_>) -> Poll<Option<T>> {
        if self.settled {
            return Poll::Ready(None);
        }
        let mut state = lock(&self.slot.state);
        let out = match &mut *state {
            State::Pending { wakers, .. } => {
                if !wakers.iter().any(|w| w.will_wake(cx.waker())) {
                    wakers.push(cx.waker().clone());
                }
                return Poll::Pending;
            }
            State::Closed => None,
            State::Done { unread, result } if *unread > 1 => {
                *unread -= 1;
                Some(result.clone())
            }
            // The last reader takes the result instead of copying it.
            State::Done { .. } => match std::mem::replace(&mut *state, State::Closed) {
                State::Done { result, .. } => Some(result),
                _ => None,
            },
        };
        drop(state);
        self.settled = true;
        Poll::Ready(out)
    }
}

impl<T> Drop for Follow<T> {
    /// A follower that stops waiting gives up its copy, so that no clone is made for it (and
    /// the last real reader still takes the original).
    fn drop(&mut self) {
        if self.settled {
            return;
        }
        let mut state = lock(&self.slot.state);
        match &mut *state {
            State::Pending { followers, .. } => *followers = followers.saturating_sub(1),
            State::Done { unread, .. } if *unread > 1 => *unread -= 1,
            State::Done { .. } => *state = State::Closed,
            State::Closed => {}
        }
    }
}
