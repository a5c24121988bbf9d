//! The bookkeeping of shared in-flight reads, polled by hand with counting wakers.

use super::super::inflight::{Follow, InFlight, Join, Lead};
use std::future::Future;
use std::pin::Pin;
use std::sync::atomic::{AtomicUsize, Ordering};
use std::sync::Arc;
use std::task::{Context, Poll, Wake, Waker};

#[derive(Default)]
struct Counter(AtomicUsize);

impl Wake for Counter {
    fn wake(self: Arc<Self>) {
        self.0.fetch_add(1, Ordering::SeqCst);
    }
}

fn counting_waker() -> (Arc<Counter>, Waker) {
    let c = Arc::new(Counter::default());
    (c.clone(), Waker::from(c))
}

fn poll<T: Clone>(f: &mut Follow<T>, waker: &Waker) -> Poll<Option<T>> {
    Pin::new(f).poll(&mut Context::from_waker(waker))
}

fn leader<T: Clone>(j: Join<T>) -> Lead<T> {
    match j {
        Join::Leader(l) => l,
        Join::Follower(_) => panic!("expected to lead"),
    }
}

fn follower<T: Clone>(j: Join<T>) -> Follow<T> {
    match j {
        Join::Follower(f) => f,
        Join::Leader(_) => panic!("expected to follow"),
    }
}

/// A result type that counts its clones.
#[derive(Debug)]
struct Body(Arc<AtomicUsize>, &'static str);

impl Clone for Body {
    fn clone(&self) -> Self {
        self.0.fetch_add(1, Ordering::SeqCst);
        Body(self.0.clone(), self.1)
    }
}

fn assert_send_sync<T: Send + Sync>() {}

#[test]
fn the_map_is_send_and_sync() {
    assert_send_sync::<InFlight<Result<String, super::super::ApiError>>>();
    assert_send_sync::<super::super::Client>();
}

#[test]
fn identical_reads_share_the_leaders_result() {
    let reads = Arc::new(InFlight::<Result<String, String>>::default());
    let lead = leader(reads.join("/a"));
    let mut f1 = follower(reads.join("/a"));
    let mut f2 = follower(reads.join("/a"));
    assert_eq!(reads.running(), 1);
    let (w1, waker1) = counting_waker();
    let (w2, waker2) = counting_waker();
    assert_eq!(poll(&mut f1, &waker1), Poll::Pending);
    assert_eq!(poll(&mut f1, &waker1), Poll::Pending, "polling twice registers one waker");
    assert_eq!(poll(&mut f2, &waker2), Poll::Pending);
    lead.finish(&Ok("body".to_owned()));
    assert_eq!(w1.0.load(Ordering::SeqCst), 1);
    assert_eq!(w2.0.load(Ordering::SeqCst), 1);
    assert_eq!(reads.running(), 0, "a finished read is forgotten");
    assert_eq!(poll(&mut f1, &waker1), Poll::Ready(Some(Ok("body".to_owned()))));
    assert_eq!(poll(&mut f2, &waker2), Poll::Ready(Some(Ok("body".to_owned()))));
    // Polled again after completion: nothing more to give.
    assert_eq!(poll(&mut f1, &waker1), Poll::Ready(None));
}

#[test]
fn errors_are_shared_too() {
    let reads = Arc::new(InFlight::<Result<String, String>>::default());
    let lead = leader(reads.join("/a"));
    let mut f = follower(reads.join("/a"));
    lead.finish(&Err("timeout".to_owned()));
    let (_, waker) = counting_waker();
    assert_eq!(poll(&mut f, &waker), Poll::Ready(Some(Err("timeout".to_owned()))));
}

#[test]
fn different_keys_do_not_share() {
    let reads = Arc::new(InFlight::<u32>::default());
    let a = leader(reads.join("/a"));
    let b = leader(reads.join("/b"));
    let mut fa = follower(reads.join("/a"));
    assert_eq!(reads.running(), 2);
    b.finish(&2);
    let (w, waker) = counting_waker();
    assert_eq!(poll(&mut fa, &waker), Poll::Pending);
    a.finish(&1);
    assert_eq!(w.0.load(Ordering::SeqCst), 1);
    assert_eq!(poll(&mut fa, &waker), Poll::Ready(Some(1)));
}

#[test]
fn after_finishing_the_next_read_starts_afresh() {
    let reads = Arc::new(InFlight::<u32>::default());
    leader(reads.join("/a")).finish(&1);
    let again = leader(reads.join("/a"));
    let mut f = follower(reads.join("/a"));
    again.finish(&2);
    let (_, waker) = counting_waker();
    assert_eq!(poll(&mut f, &waker), Poll::Ready(Some(2)), "no stale result");
}

#[test]
fn a_dropped_leader_releases_its_followers_to_try_again() {
    let reads = Arc::new(InFlight::<u32>::default());
    let lead = leader(reads.join("/a"));
    let mut f = follower(reads.join("/a"));
    let (w, waker) = counting_waker();
    assert_eq!(poll(&mut f, &waker), Poll::Pending);
    drop(lead);
    assert_eq!(w.0.load(Ordering::SeqCst), 1);
    assert_eq!(reads.running(), 0);
    assert_eq!(poll(&mut f, &waker), Poll::Ready(None));
    // The released follower joins again and now leads.
    let next = leader(reads.join("/a"));
    next.finish(&3);
}

#[test]
fn clones_are_made_only_for_followers_and_the_last_one_takes_the_original() {
    let clones = Arc::new(AtomicUsize::new(0));
    let reads = Arc::new(InFlight::<Body>::default());
    // Alone: no clone at all.
    leader(reads.join("/a")).finish(&Body(clones.clone(), "x"));
    assert_eq!(clones.load(Ordering::SeqCst), 0);
    // Three followers: one copy for the slot, then two clones and a take.
    let lead = leader(reads.join("/a"));
    let mut fs: Vec<Follow<Body>> = (0..3).map(|_| follower(reads.join("/a"))).collect();
    lead.finish(&Body(clones.clone(), "y"));
    assert_eq!(clones.load(Ordering::SeqCst), 1);
    let (_, waker) = counting_waker();
    for f in &mut fs {
        assert!(matches!(poll(f, &waker), Poll::Ready(Some(Body(_, "y")))));
    }
    assert_eq!(clones.load(Ordering::SeqCst), 3);
}

#[test]
fn a_follower_that_stops_waiting_costs_nothing() {
    let clones = Arc::new(AtomicUsize::new(0));
    let reads = Arc::new(InFlight::<Body>::default());
    let lead = leader(reads.join("/a"));
    drop(follower(reads.join("/a")));
    lead.finish(&Body(clones.clone(), "z"));
    assert_eq!(clones.load(Ordering::SeqCst), 0, "nobody waits: no copy");
    // Dropped after the result arrived: the remaining follower takes the original.
    let lead = leader(reads.join("/a"));
    let f1 = follower(reads.join("/a"));
    let mut f2 = follower(reads.join("/a"));
    lead.finish(&Body(clones.clone(), "z"));
    assert_eq!(clones.load(Ordering::SeqCst), 1);
    drop(f1);
    let (_, waker) = counting_waker();
    assert!(matches!(poll(&mut f2, &waker), Poll::Ready(Some(_))));
    assert_eq!(clones.load(Ordering::SeqCst), 1);
}

#[test]
fn a_waker_that_changes_is_the_one_woken() {
    let reads = Arc::new(InFlight::<u32>::default());
    let lead = leader(reads.join("/a"));
    let mut f = follower(reads.join("/a"));
    let (old, old_waker) = counting_waker();
    let (new, new_waker) = counting_waker();
    assert_eq!(poll(&mut f, &old_waker), Poll::Pending);
    assert_eq!(poll(&mut f, &new_waker), Poll::Pending);
    lead.finish(&1);
    assert_eq!(new.0.load(Ordering::SeqCst), 1);
    // Waking a stale waker too is harmless; what matters is that the current one is woken.
    assert!(old.0.load(Ordering::SeqCst) <= 1);
    assert_eq!(poll(&mut f, &new_waker), Poll::Ready(Some(1)));
}
