//! Tokens and tree entries for the state modules' native tests, so each test file does not
//! spell out its own.

use crate::api::{
    Entity, EntityKind, FolderId, ParentSegmentId, SegmentId, SegmentKind, SegmentRef, Token, TokenId,
};

/// A folder id from digits.
pub fn fid(s: &str) -> FolderId {
    FolderId::parse(s).expect("a digit id")
}

/// A tree entry with a kind, an id and a name, in folder `parent` if given.
pub fn entity(kind: EntityKind, id: &str, name: &str, parent: Option<&str>) -> Entity {
    Entity {
        id: id.into(),
        kind,
        name: name.into(),
        description: None,
        population: None,
        parent_folder_id: parent.map(fid),
        permissions: None,
        nested: vec![],
    }
}

/// A token with only an id, a name and a folder: what the tree tests need.
pub fn token(id: &str, name: &str, folder: &str) -> Token {
    Token {
        id: TokenId::parse(id).expect("a digit id"),
        audience_id: None,
        name: name.into(),
        description: String::new(),
        uuid: "u".into(),
        key_column: "td_global_id".into(),
        attribute_columns: vec![],
        segments: vec![],
        parent_folder_id: FolderId::parse(folder),
        created_at: None,
        updated_at: None,
        created_by: None,
        updated_by: None,
    }
}

/// A shown segment of the demo parent segment.
pub fn segment(id: &str, name: Option<&str>) -> SegmentRef {
    SegmentRef {
        id: SegmentId::parse(id).expect("a digit id"),
        kind: SegmentKind::Batch,
        name: name.map(Into::into),
        description: Some("desc".into()),
        population: Some(5),
    }
}

/// The demo's token 5007 "Churn Prevention Offers": two attributes, a segment the user may not
/// view (3007, no name), a batch segment and a funnel stage.
pub fn churn_prevention_offers() -> Token {
    Token {
        audience_id: ParentSegmentId::parse("101"),
        description: "Offers".into(),
        key_column: "td_client_id".into(),
        attribute_columns: vec!["gender".into(), "lifetime_value".into()],
        segments: vec![
            segment("3007", None),
            segment("3001", Some("High Spenders")),
            SegmentRef { kind: SegmentKind::FunnelStage, ..segment("3012", Some("Consideration")) },
        ],
        updated_at: Some("2024-04-01T09:00:00Z".into()),
        ..token("5007", "Churn Prevention Offers", "1010")
    }
}

/// A counting allocator for the native tests: how many bytes a closure had allocated at its
/// peak and kept at its end, on the calling thread only (tests run in parallel).
#[cfg(not(target_arch = "wasm32"))]
pub mod heap {
    use std::alloc::{GlobalAlloc, Layout, System};
    use std::cell::Cell;

    struct Counting;

    thread_local! {
        static LIVE: Cell<usize> = const { Cell::new(0) };
        static PEAK: Cell<usize> = const { Cell::new(0) };
    }

    // SAFETY: every call is forwarded to `System`; the counters are plain thread-local cells,
    // which neither allocate nor unwind.
    unsafe impl GlobalAlloc for Counting {
        unsafe fn alloc(&self, layout: Layout) -> *mut u8 {
            let _ = LIVE.try_with(|live| {
                live.set(live.get() + layout.size());
                let _ = PEAK.try_with(|peak| peak.set(peak.get().max(live.get())));
            });
            unsafe { System.alloc(layout) }
        }
        unsafe fn dealloc(&self, ptr: *mut u8, layout: Layout) {
            let _ = LIVE.try_with(|live| live.set(live.get().saturating_sub(layout.size())));
            unsafe { System.dealloc(ptr, layout) }
        }
    }

    #[global_allocator]
    static COUNTING: Counting = Counting;

    /// Runs `f`: its result, the most bytes it had allocated at once, and the bytes still
    /// allocated when it returned (its result's, mostly).
    pub fn measure<R>(f: impl FnOnce() -> R) -> (R, usize, usize) {
        let start = LIVE.with(Cell::get);
        PEAK.with(|peak| peak.set(start));
        let result = f();
        let peak = PEAK.with(Cell::get) - start;
        let kept = LIVE.with(Cell::get).saturating_sub(start);
        (result, peak, kept)
    }
}
