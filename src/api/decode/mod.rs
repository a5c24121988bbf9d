//! Pure decoders: response body text in, typed models out. No I/O, so all of it is unit-tested
//! natively; every failure is an `ApiError::Decode` naming what was wrong, never a panic.

mod folder;
mod legacy;
mod parent_segment;
mod token;

pub use folder::{decode_folder, decode_folder_listing, decode_tokens_in_tree};
pub use legacy::{decode_attributes, decode_segments};
pub use parent_segment::{decode_parent_segment, decode_parent_segments};
pub use token::decode_token;

use super::error::ApiError;

/// Prefixes a decode message with where it happened ("token 12: ..."); other errors pass through.
fn within(what: impl std::fmt::Display) -> impl FnOnce(ApiError) -> ApiError {
    move |e| match e {
        ApiError::Decode(m) => ApiError::Decode(format!("{what}: {m}")),
        other => other,
    }
}
