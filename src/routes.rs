//! The only place that knows the app's URL shapes. Routing is by `location.hash`
//! (`#/ps/12/tokens/56`), so the app works on any static host and inside an embedding
//! console without server rewrites.

use crate::api::{EntityKind, FolderId, ParentSegmentId, TokenId};

/// Every screen the URL can name.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum AppRoute {
    /// `#/`: the parent segment list ("select a segment").
    ParentSegments,
    /// `#/ps/12`: a parent segment's tree, its root folder in the content pane.
    ParentSegment(ParentSegmentId),
    /// `#/ps/12/folders/34`: a folder page.
    Folder(ParentSegmentId, FolderId),
    /// `#/ps/12/tokens/56`: a token page.
    Token(ParentSegmentId, TokenId),
    /// `#/ps/12/tokens/56/edit`: the edit form of a token (Configure and Segments tabs).
    EditToken(ParentSegmentId, TokenId),
    /// `#/ps/12/folders/34/new-token`: the wizard that creates a token in a folder.
    NewToken(ParentSegmentId, FolderId),
    /// Anything else; shown as "Not found" with a way back.
    NotFound,
}

impl AppRoute {
    /// Parses `location.hash` (with or without the leading `#`). Garbage → `NotFound`.
    pub fn parse(hash: &str) -> Self {
        let path = hash.strip_prefix('#').unwrap_or(hash);
        // Tolerate a trailing slash and a query part, which some hosts and users add.
        let path = path.split('?').next().unwrap_or_default();
        let segments: Vec<&str> = path.split('/').filter(|s| !s.is_empty()).collect();
        match segments.as_slice() {
            [] => Self::ParentSegments,
            ["ps", ps] => ParentSegmentId::parse(ps).map_or(Self::NotFound, Self::ParentSegment),
            ["ps", ps, "folders", f] => match (ParentSegmentId::parse(ps), FolderId::parse(f)) {
                (Some(ps), Some(f)) => Self::Folder(ps, f),
                _ => Self::NotFound,
            },
            ["ps", ps, "tokens", t] => match (ParentSegmentId::parse(ps), TokenId::parse(t)) {
                (Some(ps), Some(t)) => Self::Token(ps, t),
                _ => Self::NotFound,
            },
            ["ps", ps, "tokens", t, "edit"] => match (ParentSegmentId::parse(ps), TokenId::parse(t)) {
                (Some(ps), Some(t)) => Self::EditToken(ps, t),
                _ => Self::NotFound,
            },
            ["ps", ps, "folders", f, "new-token"] => match (ParentSegmentId::parse(ps), FolderId::parse(f)) {
                (Some(ps), Some(f)) => Self::NewToken(ps, f),
                _ => Self::NotFound,
            },
            _ => Self::NotFound,
        }
    }

    /// The route as a path (`/ps/12/tokens/56`): what embedding hosts read and pass back.
    pub fn path(&self) -> String {
        let mut href = self.href();
        href.remove(0);
        href
    }

    /// The `href` of a link to this route. Ids are digits only, so nothing needs escaping.
    pub fn href(&self) -> String {
        match self {
            Self::ParentSegments | Self::NotFound => "#/".into(),
            Self::ParentSegment(ps) => format!("#/ps/{ps}"),
            Self::Folder(ps, f) => format!("#/ps/{ps}/folders/{f}"),
            Self::Token(ps, t) => format!("#/ps/{ps}/tokens/{t}"),
            Self::EditToken(ps, t) => format!("#/ps/{ps}/tokens/{t}/edit"),
            Self::NewToken(ps, f) => format!("#/ps/{ps}/folders/{f}/new-token"),
        }
    }

    /// The page of the tree entry `kind`/`id` in parent segment `ps`: folders and tokens have
    /// one, other entries (segments, journeys) none here.
    pub fn of_entry(ps: &ParentSegmentId, kind: &EntityKind, id: &str) -> Option<Self> {
        match kind {
            EntityKind::Folder => FolderId::parse(id).map(|f| Self::Folder(ps.clone(), f)),
            EntityKind::Token => TokenId::parse(id).map(|t| Self::Token(ps.clone(), t)),
            _ => None,
        }
    }

    /// The token this route shows (its page or its edit form), if any.
    pub fn token(&self) -> Option<&TokenId> {
        match self {
            Self::Token(_, t) | Self::EditToken(_, t) => Some(t),
            _ => None,
        }
    }

    /// The parent segment this route is inside of, if any.
    pub fn parent_segment(&self) -> Option<&ParentSegmentId> {
        match self {
            Self::ParentSegment(ps)
            | Self::Folder(ps, _)
            | Self::Token(ps, _)
            | Self::EditToken(ps, _)
            | Self::NewToken(ps, _) => Some(ps),
            Self::ParentSegments | Self::NotFound => None,
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn ps(id: &str) -> ParentSegmentId {
        ParentSegmentId::parse(id).unwrap()
    }

    #[test]
    fn parses_every_shape() {
        assert_eq!(AppRoute::parse(""), AppRoute::ParentSegments);
        assert_eq!(AppRoute::parse("#"), AppRoute::ParentSegments);
        assert_eq!(AppRoute::parse("#/"), AppRoute::ParentSegments);
        assert_eq!(AppRoute::parse("#/ps/12"), AppRoute::ParentSegment(ps("12")));
        assert_eq!(AppRoute::parse("#/ps/12/"), AppRoute::ParentSegment(ps("12")));
        assert_eq!(
            AppRoute::parse("#/ps/12/folders/34"),
            AppRoute::Folder(ps("12"), FolderId::parse("34").unwrap())
        );
        assert_eq!(
            AppRoute::parse("#/ps/12/tokens/56?x=1"),
            AppRoute::Token(ps("12"), TokenId::parse("56").unwrap())
        );
    }

    #[test]
    fn garbage_is_not_found() {
        for bad in [
            "#/ps",
            "#/ps/abc",
            "#/ps/-1",
            "#/ps/12/tokens",
            "#/ps/12/tokens/5x",
            "#/ps/12/folders/",
            "#/ps/12/widgets/3",
            "#/ps/1/tokens/2/extra",
            "#/ps/1/tokens/2/edit/more",
            "#/ps/1/tokens/x/edit",
            "#/ps/1/tokens/edit",
            "#/ps/1/folders/2/edit",
            "#/ps/1/folders/x/new-token",
            "#/ps/1/tokens/2/new-token",
            "#/ps/1/folders/2/new-token/3",
            "#/ps/123456789012345678901",
            "#/<script>",
            "#/ps/%31",
            "#/ps/١٢",
        ] {
            assert_eq!(AppRoute::parse(bad), AppRoute::NotFound, "{bad}");
        }
    }

    #[test]
    fn paths_are_what_hosts_pass_back() {
        let token = AppRoute::Token(ps("12"), TokenId::parse("56").unwrap());
        assert_eq!(token.path(), "/ps/12/tokens/56");
        assert_eq!(AppRoute::parse(&token.path()), token);
        assert_eq!(AppRoute::ParentSegments.path(), "/");
    }

    #[test]
    fn href_round_trips() {
        let routes = [
            AppRoute::ParentSegments,
            AppRoute::ParentSegment(ps("1")),
            AppRoute::Folder(ps("12"), FolderId::parse("34").unwrap()),
            AppRoute::Token(ps("12"), TokenId::parse("56").unwrap()),
            AppRoute::EditToken(ps("12"), TokenId::parse("56").unwrap()),
            AppRoute::NewToken(ps("12"), FolderId::parse("34").unwrap()),
        ];
        for r in routes {
            assert_eq!(AppRoute::parse(&r.href()), r);
        }
        assert_eq!(AppRoute::Token(ps("12"), TokenId::parse("56").unwrap()).href(), "#/ps/12/tokens/56");
        assert_eq!(AppRoute::NotFound.href(), "#/");
    }

    #[test]
    fn folders_and_tokens_have_pages() {
        let folder = AppRoute::of_entry(&ps("1"), &EntityKind::Folder, "34");
        assert_eq!(folder, Some(AppRoute::Folder(ps("1"), FolderId::parse("34").unwrap())));
        let token = AppRoute::of_entry(&ps("1"), &EntityKind::Token, "56");
        assert_eq!(token, Some(AppRoute::Token(ps("1"), TokenId::parse("56").unwrap())));
        assert_eq!(AppRoute::of_entry(&ps("1"), &EntityKind::SegmentBatch, "7"), None);
        assert_eq!(AppRoute::of_entry(&ps("1"), &EntityKind::Token, "x"), None);
    }

    #[test]
    fn edit_and_create_routes() {
        let t = TokenId::parse("56").unwrap();
        let f = FolderId::parse("34").unwrap();
        assert_eq!(AppRoute::EditToken(ps("12"), t.clone()).href(), "#/ps/12/tokens/56/edit");
        assert_eq!(AppRoute::NewToken(ps("12"), f.clone()).href(), "#/ps/12/folders/34/new-token");
        assert_eq!(AppRoute::parse("#/ps/12/tokens/56/edit/"), AppRoute::EditToken(ps("12"), t.clone()));
        assert_eq!(
            AppRoute::parse("#/ps/12/folders/34/new-token?x"),
            AppRoute::NewToken(ps("12"), f.clone())
        );
        assert_eq!(AppRoute::EditToken(ps("12"), t.clone()).parent_segment(), Some(&ps("12")));
        assert_eq!(AppRoute::EditToken(ps("12"), t.clone()).token(), Some(&t));
        assert_eq!(AppRoute::ParentSegment(ps("12")).token(), None);
        assert_eq!(AppRoute::NewToken(ps("12"), f).parent_segment(), Some(&ps("12")));
    }
}
