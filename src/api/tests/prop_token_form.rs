//! Property tests of the token form model (issue 5): any sequence of edits keeps the limits
//! (5 attributes, 15 segments, no duplicates) and never panics validation; the name rule agrees
//! with its pattern; and the body built from any valid form, read back as the server would
//! answer it, gives the same form (what is saved is what was shown).

use super::super::body::token_write_body;
use super::super::decode::decode_token;
use super::super::models::{FolderId, SegmentId, SegmentKind, SegmentRef, TokenId};
use crate::token::form::model::{
    name_problem, Field, Refusal, TokenForm, MAX_ATTRIBUTES, MAX_NAME_CHARS, MAX_SEGMENTS,
};
use proptest::prelude::*;
use serde_json::json;

/// What a user can do to the form.
#[derive(Clone, Debug)]
enum Edit {
    Name(String),
    Description(String),
    KeyColumn(String),
    AddAttribute(usize),
    RemoveAttribute(usize),
    AddSegment(usize),
    RemoveSegment(usize),
}

/// More attribute and segment choices than the limits allow, so that the limits are reached.
const ATTRIBUTES: usize = 8;
const SEGMENTS: usize = 20;

fn attribute(i: usize) -> String {
    format!("attr_{i}")
}

fn segment(i: usize) -> SegmentRef {
    let kinds = [SegmentKind::Batch, SegmentKind::Realtime, SegmentKind::FunnelStage];
    SegmentRef {
        id: SegmentId::parse(&(3000 + i).to_string()).unwrap(),
        kind: kinds[i % 3],
        // Segments the user may not view have no name; they are saved like the others.
        name: (!i.is_multiple_of(4)).then(|| format!("Segment {i}")),
        description: None,
        population: Some(i as u64),
    }
}

/// Names the rule accepts, names it refuses for one character, and anything at all.
fn text() -> impl Strategy<Value = String> {
    prop_oneof![
        "[A-Za-z_][A-Za-z0-9_ ]{0,40}",
        "[A-Za-z_][A-Za-z0-9_ ]{0,10}[^A-Za-z0-9_ ][A-Za-z0-9_ ]{0,10}",
        "[A-Za-z_]{250,260}",
        any::<String>(),
        Just(String::new()),
        Just("   ".to_owned()),
    ]
}

fn edit() -> impl Strategy<Value = Edit> {
    prop_oneof![
        text().prop_map(Edit::Name),
        text().prop_map(Edit::Description),
        prop_oneof![
            Just(String::new()),
            Just("td_client_id".to_owned()),
            Just("td_global_id".to_owned()),
            any::<String>()
        ]
        .prop_map(Edit::KeyColumn),
        (0..ATTRIBUTES).prop_map(Edit::AddAttribute),
        (0..ATTRIBUTES).prop_map(Edit::RemoveAttribute),
        (0..SEGMENTS).prop_map(Edit::AddSegment),
        (0..SEGMENTS).prop_map(Edit::RemoveSegment),
    ]
}

/// Applies `e`, checking an add is refused exactly when it would break a rule, and why.
fn apply(form: &mut TokenForm, e: &Edit) -> Result<(), TestCaseError> {
    match e {
        Edit::Name(n) => form.name = n.clone(),
        Edit::Description(d) => form.description = d.clone(),
        Edit::KeyColumn(k) => form.key_column = k.clone(),
        Edit::AddAttribute(i) => {
            let name = attribute(*i);
            let (had, len) = (form.attributes.contains(&name), form.attributes.len());
            match form.add_attribute(&name) {
                Ok(()) => prop_assert!(!had && len < MAX_ATTRIBUTES),
                Err(Refusal::DuplicateAttribute(n)) => prop_assert!(had && n == name),
                Err(Refusal::TooManyAttributes) => prop_assert!(!had && len == MAX_ATTRIBUTES),
                Err(other) => prop_assert!(false, "unexpected refusal {other:?}"),
            }
        }
        Edit::RemoveAttribute(i) => form.remove_attribute(&attribute(*i)),
        Edit::AddSegment(i) => {
            let s = segment(*i);
            let (had, len) = (form.has_segment(&s.id), form.segments.len());
            match form.add_segment(s) {
                Ok(()) => prop_assert!(!had && len < MAX_SEGMENTS),
                Err(Refusal::DuplicateSegment(_)) => prop_assert!(had),
                Err(Refusal::TooManySegments) => prop_assert!(!had && len == MAX_SEGMENTS),
                Err(other) => prop_assert!(false, "unexpected refusal {other:?}"),
            }
        }
        Edit::RemoveSegment(i) => form.remove_segment(&segment(*i).id),
    }
    Ok(())
}

/// The rule as the UI hint states it: `[A-Za-z_][A-Za-z0-9_ ]*`, not blank, at most 255 chars.
fn rule_accepts(name: &str) -> bool {
    let mut chars = name.chars();
    chars.next().is_some_and(|c| c.is_ascii_alphabetic() || c == '_')
        && chars.all(|c| c.is_ascii_alphanumeric() || c == '_' || c == ' ')
        && !name.trim().is_empty()
        && name.chars().count() <= MAX_NAME_CHARS
}

/// The server's answer to a write of `body`: the resource as sent, with its id and uuid.
fn echoed(body: &serde_json::Value) -> String {
    let mut resource = body.clone();
    resource["id"] = json!("5007");
    resource["attributes"]["token"] = json!("00000000-0000-4000-8000-000000000001");
    json!({ "data": resource }).to_string()
}

proptest! {
    // About three in four random forms have a name the rule refuses, and the save test skips
    // those: with the default limit of 1,024 skips, 256 cases ran out of skips now and then.
    #![proptest_config(ProptestConfig { cases: 256, max_global_rejects: 8192, ..ProptestConfig::default() })]

    #[test]
    fn any_edits_keep_the_limits_and_validation_never_panics(edits in prop::collection::vec(edit(), 0..80)) {
        let mut form = TokenForm::new(FolderId::parse("1010").unwrap());
        let original = form.clone();
        for e in &edits {
            apply(&mut form, e)?;
            prop_assert!(form.attributes.len() <= MAX_ATTRIBUTES);
            prop_assert!(form.segments.len() <= MAX_SEGMENTS);
            let mut attrs = form.attributes.clone();
            attrs.sort();
            attrs.dedup();
            prop_assert_eq!(attrs.len(), form.attributes.len(), "an attribute twice");
            let mut ids: Vec<_> = form.segments.iter().map(|s| s.id.clone()).collect();
            ids.sort();
            ids.dedup();
            prop_assert_eq!(ids.len(), form.segments.len(), "a segment twice");
            // Built by add/remove only, the form breaks no rule but the name's.
            let problems = form.problems();
            prop_assert!(problems.iter().all(|(f, _)| *f == Field::Name), "{problems:?}");
            prop_assert_eq!(form.name_problem().is_none(), rule_accepts(&form.name), "name {:?}", form.name);
            let _ = form.differs_from(&original);
            let _ = form.changed_fields(&original);
        }
    }

    #[test]
    fn a_valid_form_saves_what_it_shows(edits in prop::collection::vec(edit(), 0..60)) {
        let mut form = TokenForm::new(FolderId::parse("1010").unwrap());
        for e in &edits {
            apply(&mut form, e)?;
        }
        prop_assume!(form.problems().is_empty());
        let write = form.to_write();
        for id in [None, Some(TokenId::parse("5007").unwrap())] {
            let body = token_write_body(&write, id.as_ref());
            let token = decode_token(&echoed(&body)).map_err(|e| TestCaseError::fail(format!("{e:?}")))?;
            let back = TokenForm::from_token(&token).ok_or_else(|| TestCaseError::fail("no folder"))?;
            prop_assert_eq!(back.to_write(), write.clone());
            prop_assert!(!back.differs_from(&form));
        }
    }

    #[test]
    fn the_name_rule_never_panics_and_agrees_with_its_pattern(name in text()) {
        prop_assert_eq!(name_problem(&name).is_none(), rule_accepts(&name));
    }
}
