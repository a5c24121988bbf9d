//! The pure side of Move, Duplicate and Delete: the duplicate's name check, the bodies they
//! send, how a move is undone, and how to recognise a write that landed without its answer
//! (the rule for when to look is `token::writes`). No Leptos, no network: tested natively.

use crate::api::{Entity, EntityKind, FolderId, Token, TokenId, TokenWrite};
use crate::i18n::Message;
use crate::token::actions::text::ActionText;
use crate::token::form::model::{name_problem, MAX_NAME_CHARS};
use crate::token::form::text::FormText;

/// What is wrong with a duplicate's name, checked as the user types (the server checks again).
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum NameProblem {
    /// The name rule every token name follows (`model::name_problem`).
    Rule(FormText),
    /// Another token of the parent segment has this name.
    Taken,
}

impl NameProblem {
    /// The message shown on the field.
    pub fn message(&self) -> Message {
        match self {
            Self::Rule(rule) => rule.clone().into(),
            Self::Taken => ActionText::NameTaken.into(),
        }
    }
}

/// The first problem with `name`, if any: the name rule, then whether another token already
/// uses it (`taken`, compared exactly, as the API does).
pub fn check_name(name: &str, taken: impl Fn(&str) -> bool) -> Option<NameProblem> {
    match name_problem(name) {
        Some(rule) => Some(NameProblem::Rule(rule)),
        None => taken(name).then_some(NameProblem::Taken),
    }
}

/// The name a duplicate starts with: "Copy of <name>", made to fit the rule (each character
/// the rule refuses becomes `_`, and it is cut to the length limit) and, when that is taken,
/// numbered ("Copy of X 2", "Copy of X 3", ...). The user can change it.
pub fn copy_name(original: &str, taken: impl Fn(&str) -> bool) -> String {
    let cleaned: String = original
        .chars()
        .map(|c| if c.is_ascii_alphanumeric() || c == '_' || c == ' ' { c } else { '_' })
        .collect();
    let base = format!("Copy of {}", cleaned.trim_end());
    let fit = |suffix: &str| -> String {
        let room = MAX_NAME_CHARS - suffix.chars().count();
        let head: String = base.chars().take(room).collect();
        format!("{}{suffix}", head.trim_end())
    };
    let first = fit("");
    if !taken(&first) {
        return first;
    }
    (2..1000).map(|n| fit(&format!(" {n}"))).find(|c| !taken(c)).unwrap_or(first)
}

/// The token's full representation, as a PATCH must send it, with the folder it is in.
/// Segments the user may not view are kept (they have no name, but they are the token's).
/// `None` when the token has no folder (the API always gives one).
pub fn token_write(token: &Token) -> Option<TokenWrite> {
    Some(TokenWrite {
        name: token.name.clone(),
        description: token.description.clone(),
        key_column: token.key_column.clone(),
        attribute_columns: token.attribute_columns.clone(),
        parent_folder_id: token.parent_folder_id.clone()?,
        segments: token.segments.iter().map(|s| (s.id.clone(), s.kind)).collect(),
    })
}

/// The PATCH body of a move: everything as it is, in folder `to`.
pub fn move_write(token: &Token, to: &FolderId) -> Option<TokenWrite> {
    token_write(token).map(|w| TokenWrite { parent_folder_id: to.clone(), ..w })
}

/// The POST body of a duplicate: the new name and description, and the same Lookup Key,
/// attributes, segments (those the user can't view too) and folder.
pub fn duplicate_write(token: &Token, name: &str, description: &str) -> Option<TokenWrite> {
    token_write(token).map(|w| TokenWrite { name: name.to_owned(), description: description.to_owned(), ..w })
}

/// A move that went through, remembered so that it can be undone from the toast.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct MoveRecord {
    pub token: TokenId,
    pub name: String,
    pub from: FolderId,
    pub to: FolderId,
}

/// Why an Undo can't be done as asked.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum UndoProblem {
    /// The token is no longer in the folder it was moved to (moved again since): undoing
    /// would move it from somewhere the user did not expect.
    MovedSince(Option<FolderId>),
}

impl MoveRecord {
    /// The move that undoes this one.
    pub fn reversed(&self) -> MoveRecord {
        MoveRecord { from: self.to.clone(), to: self.from.clone(), ..self.clone() }
    }

    /// The PATCH body that moves `current` (the token as just read) back where it was. Built
    /// from the current representation, so edits made since the move are kept.
    pub fn undo_write(&self, current: &Token) -> Result<TokenWrite, UndoProblem> {
        if current.parent_folder_id.as_ref() != Some(&self.to) {
            return Err(UndoProblem::MovedSince(current.parent_folder_id.clone()));
        }
        move_write(current, &self.from).ok_or(UndoProblem::MovedSince(None))
    }
}

/// After a PATCH whose outcome is unknown: whether the token as read now carries everything
/// that was sent, i.e. the PATCH landed. An empty Lookup Key means "the server's default",
/// so any key the server chose matches it.
pub fn write_applied(current: &Token, sent: &TokenWrite) -> bool {
    let Some(now) = token_write(current) else { return false };
    let key_matches = sent.key_column.is_empty() || now.key_column == sent.key_column;
    key_matches && TokenWrite { key_column: sent.key_column.clone(), ..now } == *sent
}

/// After a POST with no answer: the token the POST created, if the folder (re-read) now holds
/// a token of that name that was not there before. Names are unique per parent segment.
pub fn find_created(children: &[Entity], name: &str, before: &[String]) -> Option<TokenId> {
    children
        .iter()
        .filter(|e| e.kind == EntityKind::Token && e.name == name && !before.contains(&e.id))
        .find_map(|e| TokenId::parse(&e.id))
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::api::SegmentKind;
    use crate::api::TokenId;
    use crate::i18n::{Language, Localized};

    fn fid(s: &str) -> FolderId {
        FolderId::parse(s).unwrap()
    }

    use crate::test_support::churn_prevention_offers as token;

    #[test]
    fn name_rule_matches_the_api_pattern() {
        for ok in ["a", "_", "Copy of Homepage Personalization", "X_1 2", "Trailing "] {
            assert_eq!(name_problem(ok), None, "{ok:?}");
        }
        for bad in
            ["", " lead", "1abc", "a-b", "Café", "a\u{0}", "<script>", "名前", "a\tb", "Copy of Cart-Banner"]
        {
            assert!(name_problem(bad).is_some(), "{bad:?}");
        }
    }

    #[test]
    fn check_name_reports_one_problem_in_order() {
        let none = |_: &str| false;
        let en = |m: Message| m.in_language(Language::En).into_owned();
        let rule = |name: &str| match check_name(name, none) {
            Some(NameProblem::Rule(m)) => m.in_language(Language::En).into_owned(),
            other => panic!("{name:?}: {other:?}"),
        };
        assert_eq!(rule("   "), "Enter a name.");
        assert!(rule(&"a".repeat(256)).contains("at most 255"));
        assert_eq!(check_name(&"a".repeat(255), none), None);
        assert!(rule("9 lives").contains("start with a letter"));
        // The rule is checked before the names in use.
        assert!(matches!(check_name("9 lives", |_: &str| true), Some(NameProblem::Rule(_))));
        let taken = |n: &str| n == "Homepage Personalization";
        assert_eq!(check_name("Homepage Personalization", taken), Some(NameProblem::Taken));
        assert_eq!(check_name("homepage personalization", taken), None, "the API compares exactly");
        assert!(en(NameProblem::Rule(name_problem("a-b").unwrap()).message()).contains("Letters, digits"));
        assert!(en(NameProblem::Taken.message()).contains("already"));
    }

    #[test]
    fn copy_name_fits_the_rule_and_avoids_taken_names() {
        let none = |_: &str| false;
        assert_eq!(copy_name("Homepage Personalization", none), "Copy of Homepage Personalization");
        assert_eq!(copy_name("Cart-Banner (v2)", none), "Copy of Cart_Banner _v2_");
        assert_eq!(copy_name("Café", none), "Copy of Caf_");
        let taken = |n: &str| ["Copy of Tier_Badge", "Copy of Tier_Badge 2"].contains(&n);
        assert_eq!(copy_name("Tier_Badge", taken), "Copy of Tier_Badge 3");
        let long = "a".repeat(300);
        let c = copy_name(&long, none);
        assert_eq!(c.chars().count(), MAX_NAME_CHARS);
        assert_eq!(check_name(&c, none), None);
        let c2 = copy_name(&long, |n| n.chars().count() == MAX_NAME_CHARS && !n.ends_with(" 2"));
        assert!(c2.ends_with(" 2") && c2.chars().count() <= MAX_NAME_CHARS, "{c2}");
    }

    #[test]
    fn duplicate_body_keeps_everything_but_name_and_description() {
        let t = token();
        let w = duplicate_write(&t, "Copy of Churn", "new text").unwrap();
        assert_eq!(w.name, "Copy of Churn");
        assert_eq!(w.description, "new text");
        assert_eq!(w.key_column, "td_client_id");
        assert_eq!(w.attribute_columns, t.attribute_columns);
        assert_eq!(w.parent_folder_id, fid("1010"), "in the same folder");
        let segs: Vec<_> = w.segments.iter().map(|(id, k)| (id.as_str(), *k)).collect();
        assert_eq!(
            segs,
            [("3007", SegmentKind::Batch), ("3001", SegmentKind::Batch), ("3012", SegmentKind::FunnelStage)],
            "segments the user can't view are kept, kinds and order too"
        );
        let mut orphan = t.clone();
        orphan.parent_folder_id = None;
        assert_eq!(duplicate_write(&orphan, "x", ""), None);
    }

    #[test]
    fn move_body_changes_only_the_folder() {
        let t = token();
        let w = move_write(&t, &fid("1030")).unwrap();
        assert_eq!(w.parent_folder_id, fid("1030"));
        assert_eq!(TokenWrite { parent_folder_id: fid("1010"), ..w }, token_write(&t).unwrap());
    }

    #[test]
    fn undo_moves_back_from_the_current_representation() {
        let record = MoveRecord { token: token().id, name: token().name, from: fid("1010"), to: fid("1030") };
        let mut now = token();
        now.parent_folder_id = Some(fid("1030"));
        now.description = "edited by someone since".into();
        let w = record.undo_write(&now).unwrap();
        assert_eq!(w.parent_folder_id, fid("1010"));
        assert_eq!(w.description, "edited by someone since", "later edits are kept");
        let back = record.reversed();
        assert_eq!((back.from.as_str(), back.to.as_str()), ("1030", "1010"));
        // Moved elsewhere in the meantime: Undo refuses rather than guess.
        now.parent_folder_id = Some(fid("1040"));
        assert_eq!(record.undo_write(&now), Err(UndoProblem::MovedSince(Some(fid("1040")))));
    }

    #[test]
    fn a_landed_patch_is_recognised_in_the_token_read_after_it() {
        let now = token();
        let sent = token_write(&now).unwrap();
        assert!(write_applied(&now, &sent));
        // The server's default Lookup Key matches a write that left it empty.
        assert!(write_applied(&now, &TokenWrite { key_column: String::new(), ..sent.clone() }));
        // Anything else that differs: the PATCH did not land (or something else changed it).
        assert!(!write_applied(&now, &TokenWrite { name: "Other".into(), ..sent.clone() }));
        assert!(!write_applied(&now, &TokenWrite { key_column: "email".into(), ..sent.clone() }));
        assert!(!write_applied(&now, &TokenWrite { segments: vec![], ..sent.clone() }));
        assert!(!write_applied(&now, &TokenWrite { parent_folder_id: fid("1040"), ..sent }));
    }

    #[test]
    fn finding_a_created_token() {
        let e = |id: &str, kind: EntityKind, name: &str| Entity {
            id: id.into(),
            kind,
            name: name.into(),
            description: None,
            population: None,
            parent_folder_id: Some(fid("1010")),
            permissions: None,
            nested: vec![],
        };
        let children = vec![
            e("5007", EntityKind::Token, "Churn Prevention Offers"),
            e("77", EntityKind::SegmentBatch, "Copy of Churn"),
            e("5200", EntityKind::Token, "Copy of Churn"),
        ];
        let before = vec!["5007".to_owned()];
        assert_eq!(find_created(&children, "Copy of Churn", &before), TokenId::parse("5200"));
        assert_eq!(find_created(&children, "Other", &before), None);
        assert_eq!(find_created(&children, "Copy of Churn", &["5200".to_owned()]), None);
    }
}
