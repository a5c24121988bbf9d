//! Memos for views that come and go (tree rows, pages): each leaves the sources it read when
//! its owner is cleaned up.
//!
//! Why: `reactive_graph` 0.2 has no `Drop` that takes a dropped memo out of the subscriber sets
//! of the sources it read. The entry stays, and with it the memo's allocation: a memo source
//! keeps it for good, a signal until it next changes. Tree rows come and go with every filter
//! and read the tree's layout and tab stop (memos), so each filter typed and cleared left some
//! 35 KB behind (`cargo xtask bench`'s working day). A view that lives as long as its instance
//! needs none of this: use `Memo::new` there.

use leptos::prelude::*;
use leptos::reactive::graph::{AnySubscriber, Subscriber, ToAnySubscriber};

/// A memo of `fun` (as `Memo::new`) that leaves its sources when the current owner is cleaned up
/// (a row or page removed), instead of staying in their subscriber sets.
pub fn fleeting_memo<T>(fun: impl Fn(Option<&T>) -> T + Send + Sync + 'static) -> Memo<T>
where
    T: PartialEq + Send + Sync + 'static,
{
    let memo = ArcMemo::new(fun);
    leave_on_cleanup(memo.to_any_subscriber());
    memo.into()
}

// Not generic: one copy in the wasm for every memo type. The memo is still alive when the
// cleanup runs (an owner drops its nodes after running its cleanups).
fn leave_on_cleanup(memo: AnySubscriber) {
    on_cleanup(move || memo.clear_sources(&memo));
}
