//! The contexts the app always provides (the instance, its session, router, drafts, hand-overs,
//! and in a parent segment the tree and the toasts) are required, not optional: a component
//! that runs without one is a bug, reported by name. One helper, so that the shipped wasm holds
//! one panic path and not one per context type (`expect_context` formats the type's name).

use leptos::prelude::use_context;

/// The context `T` (`name` in the message if it is missing).
pub fn required<T: Clone + 'static>(name: &'static str) -> T {
    use_context::<T>().unwrap_or_else(|| missing(name))
}

#[cold]
#[inline(never)]
fn missing(name: &'static str) -> ! {
    panic!("{name} is not provided: mount the app with profiles_studio::mount (component tests provide it)")
}
