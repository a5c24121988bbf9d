//! Inline SVG icons, decorative only (`aria-hidden`): names and roles carry the meaning.

use crate::api::EntityKind;
use leptos::prelude::*;

/// The icon of a tree entry's kind. Profiles API tokens get the key icon (the seed: "prefaced
/// with a key icon").
#[component]
pub fn KindIcon(
    /// The entity's kind.
    kind: EntityKind,
) -> impl IntoView {
    match kind {
        EntityKind::Folder => view! {
            <svg class="icon icon-folder" aria-hidden="true" viewBox="0 0 24 24" focusable="false">
                <path d="M3 7a2 2 0 0 1 2-2h4l2 2h8a2 2 0 0 1 2 2v8a2 2 0 0 1-2 2H5a2 2 0 0 1-2-2z"></path>
            </svg>
        }
        .into_any(),
        EntityKind::Token => view! {
            <svg class="icon icon-key" aria-hidden="true" viewBox="0 0 24 24" focusable="false">
                <circle cx="8" cy="15" r="4"></circle>
                <path d="M10.8 12.2 20 3.5M16.5 7l2.5 2.5M14 9.5l2 2"></path>
            </svg>
        }
        .into_any(),
        EntityKind::SegmentBatch => view! {
            <svg class="icon icon-segment-batch" aria-hidden="true" viewBox="0 0 24 24" focusable="false">
                <circle cx="12" cy="12" r="8"></circle>
                <path d="M12 4v8h8"></path>
            </svg>
        }
        .into_any(),
        EntityKind::SegmentRealtime => view! {
            <svg class="icon icon-segment-realtime" aria-hidden="true" viewBox="0 0 24 24" focusable="false">
                <path d="M13 3 5 14h6l-1 7 8-11h-6z"></path>
            </svg>
        }
        .into_any(),
        EntityKind::SegmentFunnelStage => view! {
            <svg class="icon icon-segment-funnel-stage" aria-hidden="true" viewBox="0 0 24 24" focusable="false">
                <path d="M4 5h16l-6 7v6l-4 2v-8z"></path>
            </svg>
        }
        .into_any(),
        EntityKind::Other(_) => view! {
            <svg class="icon icon-other" aria-hidden="true" viewBox="0 0 24 24" focusable="false">
                <rect x="5" y="5" width="14" height="14" rx="3"></rect>
            </svg>
        }
        .into_any(),
    }
}

/// The disclosure triangle of an expandable tree item (rotated by CSS when open).
#[component]
pub fn Chevron() -> impl IntoView {
    view! {
        <svg class="icon icon-chevron" aria-hidden="true" viewBox="0 0 24 24" focusable="false">
            <path d="m9 6 6 6-6 6"></path>
        </svg>
    }
}
