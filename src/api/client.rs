//! The HTTP client: knows the base URL, the key, the media types; one typed fn per endpoint.
//! (Interface fixed; bodies are being implemented.)

use super::error::ApiError;
use super::models::*;
use std::sync::Arc;

/// Talks to one CDP API base URL with one API key. Cheap to clone; `Debug` never shows the key.
#[derive(Clone)]
pub struct Client {
    base_url: Arc<str>,
    api_key: Option<Arc<str>>,
}

impl std::fmt::Debug for Client {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("Client").field("base_url", &self.base_url).field("api_key", &"<redacted>").finish()
    }
}

impl Client {
    /// `base_url` without a trailing slash is fine either way. `api_key: None` sends no
    /// `Authorization` header (a same-origin proxy holds the credential).
    pub fn new(base_url: &str, api_key: Option<String>) -> Self {
        Self { base_url: base_url.trim_end_matches('/').into(), api_key: api_key.map(Into::into) }
    }
    pub fn base_url(&self) -> &str {
        &self.base_url
    }
    pub async fn parent_segments(&self) -> Result<Vec<ParentSegment>, ApiError> {
        todo!()
    }
    pub async fn parent_segment(&self, _id: &ParentSegmentId) -> Result<ParentSegment, ApiError> {
        todo!()
    }
    pub async fn folder(&self, _id: &FolderId) -> Result<Folder, ApiError> {
        todo!()
    }
    /// `GET /entities/by-folder/{id}?depth=1`: the folder and its direct children.
    pub async fn folder_children(&self, _id: &FolderId) -> Result<FolderListing, ApiError> {
        todo!()
    }
    pub async fn token(&self, _id: &TokenId) -> Result<Token, ApiError> {
        todo!()
    }
    pub async fn attributes(&self, _ps: &ParentSegmentId) -> Result<Vec<AttributeColumn>, ApiError> {
        todo!()
    }
    pub async fn segments(&self, _ps: &ParentSegmentId) -> Result<Vec<SegmentSummary>, ApiError> {
        todo!()
    }
    pub async fn create_token(&self, _w: &TokenWrite) -> Result<Token, ApiError> {
        todo!()
    }
    pub async fn update_token(&self, _id: &TokenId, _w: &TokenWrite) -> Result<Token, ApiError> {
        todo!()
    }
    pub async fn delete_token(&self, _id: &TokenId) -> Result<(), ApiError> {
        todo!()
    }
}
