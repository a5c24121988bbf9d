//! Native tests of the token form model: validation, limits, dirty tracking, the request body
//! and where server errors go.

use crate::api::token_write_body;
use crate::api::{
    ApiError, AttributeColumn, FieldError, FolderId, SegmentId, SegmentKind, SegmentSummary, Token, TokenId,
};
use crate::i18n::{Language, Localized, Message, Verbatim};
use crate::token::form::model::*;
use crate::token::form::text::FormText;
use crate::token::text::segment_label;

/// A message in English, as the tests read it.
fn en(text: &impl Localized) -> String {
    text.in_language(Language::En).into_owned()
}

/// `name_problem` in English.
fn problem(name: &str) -> Option<String> {
    name_problem(name).map(|p| en(&p))
}

fn sid(s: &str) -> SegmentId {
    SegmentId::parse(s).unwrap()
}

use crate::test_support::{churn_prevention_offers as token, segment as seg};

fn column(name: &str, master: bool, blocked: bool) -> AttributeColumn {
    AttributeColumn { name: name.into(), column_type: "string".into(), is_master: master, blocked }
}

#[test]
fn names_follow_the_api_pattern() {
    for ok in ["a", "_", "Homepage Personalization", "Cart_Recovery_Banner", "x1 2 3", "Z_9 "] {
        assert_eq!(name_problem(ok), None, "{ok:?}");
    }
    assert_eq!(problem("").as_deref(), Some("Enter a name."));
    assert_eq!(problem("   ").as_deref(), Some("Enter a name."));
    assert!(problem("1abc").unwrap().contains("start with a letter"));
    assert!(problem("1abc").unwrap().contains("digit"));
    assert!(problem(" abc").unwrap().contains("a space"));
    assert!(problem("a-b").unwrap().contains("“-”"));
    assert!(problem("a-b").unwrap().contains(&en(&FormText::NameRule)));
    assert!(problem("<script>").unwrap().contains("“<”"));
    assert!(name_problem("caf\u{e9}").is_some(), "non-ASCII letters are outside the pattern");
    assert!(problem("a\u{0}b").unwrap().contains("U+0000"));
    assert!(name_problem("عربي").is_some());
    assert_eq!(name_problem(&"a".repeat(MAX_NAME_CHARS)), None);
    assert!(problem(&"a".repeat(10_000)).unwrap().contains("10000 characters"));
}

#[test]
fn from_token_keeps_everything_and_the_hidden_segment() {
    let form = TokenForm::from_token(&token()).unwrap();
    assert_eq!(form.name, "Churn Prevention Offers");
    assert_eq!(form.key_column, "td_client_id");
    assert_eq!(form.segments.len(), 3);
    assert_eq!(segment_label(&form.segments[0], Language::En), "Segment #3007 (no access)");
    assert_eq!(segment_label(&form.segments[0], Language::Ja), "セグメント #3007 (アクセス権なし)");
    let w = form.to_write();
    assert_eq!(
        w.segments,
        vec![
            (sid("3007"), SegmentKind::Batch),
            (sid("3001"), SegmentKind::Batch),
            (sid("3012"), SegmentKind::FunnelStage)
        ]
    );
    assert_eq!(w.parent_folder_id.as_str(), "1010");
    let no_folder = Token { parent_folder_id: None, ..token() };
    assert_eq!(TokenForm::from_token(&no_folder), None);
}

#[test]
fn the_default_key_is_sent_empty() {
    let t = Token { key_column: DEFAULT_KEY.into(), ..token() };
    let form = TokenForm::from_token(&t).unwrap();
    assert_eq!(form.key_column, "");
    assert!(form.uses_default_key());
    assert_eq!(form.to_write().key_column, "");
    let mut other = form.clone();
    other.key_column = DEFAULT_KEY.into();
    assert!(!other.differs_from(&form), "td_global_id and empty are the same choice");
    other.key_column = "email".into();
    assert!(!other.uses_default_key());
    assert_eq!(other.to_write().key_column, "email");
}

#[test]
fn at_most_five_attributes_without_duplicates() {
    let mut form = TokenForm::new(FolderId::parse("1011").unwrap());
    for a in ["a", "b", "c", "d", "e"] {
        form.add_attribute(a).unwrap();
    }
    assert_eq!(form.add_attribute("f"), Err(Refusal::TooManyAttributes));
    assert!(en(&Refusal::TooManyAttributes.text()).contains("at most 5 attributes"));
    assert_eq!(form.attributes.len(), 5);
    assert_eq!(form.add_attribute("c"), Err(Refusal::DuplicateAttribute("c".into())));
    form.remove_attribute("c");
    assert_eq!(form.add_attribute("c"), Ok(()));
    assert_eq!(form.attributes, ["a", "b", "d", "e", "c"]);
    assert!(form.problems().iter().all(|(f, _)| *f != Field::Attributes));
    // Data that already breaks the rules (a server that allowed it) is reported, not hidden.
    form.attributes.push("a".into());
    let problems = form.problems();
    assert!(problems.iter().any(|(f, m)| *f == Field::Attributes && en(m).contains("at most 5")));
    assert!(problems.iter().any(|(f, m)| *f == Field::Attributes && en(m).contains("twice")));
}

#[test]
fn at_most_fifteen_segments_without_duplicates() {
    let mut form = TokenForm::new(FolderId::parse("1011").unwrap());
    for i in 0..MAX_SEGMENTS {
        form.add_segment(seg(&format!("{}", 100 + i), Some("s"))).unwrap();
    }
    assert_eq!(form.add_segment(seg("999", Some("s"))), Err(Refusal::TooManySegments));
    assert!(en(&Refusal::TooManySegments.text()).contains("at most 15 segments"));
    assert_eq!(form.segments.len(), 15);
    let dup = form.add_segment(seg("100", Some("First")));
    assert_eq!(dup, Err(Refusal::DuplicateSegment("First".into())));
    form.remove_segment(&sid("100"));
    assert!(!form.has_segment(&sid("100")));
    assert_eq!(form.add_segment(seg("999", Some("s"))), Ok(()));
    assert!(form.problems().is_empty() || form.problems().iter().all(|(f, _)| *f == Field::Name));
    form.segments.push(seg("999", None));
    assert!(form.problems().iter().any(|(f, m)| *f == Field::Segments && en(m).contains("twice")));
}

#[test]
fn dirty_tracking_ignores_display_only_differences() {
    let original = TokenForm::from_token(&token()).unwrap();
    let mut form = original.clone();
    assert!(!form.differs_from(&original));
    form.name.push('X');
    assert!(form.differs_from(&original));
    form.name.pop();
    assert!(!form.differs_from(&original), "typing and undoing is clean again");

    // Removing and re-adding a segment from the picker (no description there) is no change.
    form.remove_segment(&sid("3012"));
    assert!(form.differs_from(&original));
    let picked = SegmentSummary {
        id: sid("3012"),
        name: "Consideration".into(),
        kind: SegmentKind::FunnelStage,
        population: None,
        folder_id: None,
    };
    form.add_segment(segment_ref(&picked)).unwrap();
    assert!(!form.differs_from(&original));

    // Order is part of the configuration.
    form.attributes.reverse();
    assert!(form.differs_from(&original));
    form.attributes.reverse();
    form.description = "new".into();
    assert!(form.differs_from(&original));
}

#[test]
fn changed_fields_name_what_differs() {
    let original = TokenForm::from_token(&token()).unwrap();
    let mut theirs = original.clone();
    assert!(theirs.changed_fields(&original).is_empty());
    theirs.name = "Other".into();
    theirs.segments.pop();
    theirs.folder = FolderId::parse("1011").unwrap();
    let names = |changed: Vec<crate::token::text::TokenText>| changed.iter().map(en).collect::<Vec<_>>();
    assert_eq!(names(theirs.changed_fields(&original)), ["Name", "Segments", "Folder"]);
    theirs = original.clone();
    theirs.description.clear();
    theirs.key_column = "email".into();
    theirs.attributes.clear();
    assert_eq!(names(theirs.changed_fields(&original)), ["Description", "Lookup Key", "Attributes"]);
}

#[test]
fn the_body_is_the_whole_configuration() {
    let mut form = TokenForm::from_token(&token()).unwrap();
    form.name = "Renamed".into();
    form.remove_attribute("gender");
    let body = token_write_body(&form.to_write(), Some(&TokenId::parse("5007").unwrap()));
    assert_eq!(body["id"], "5007");
    assert_eq!(body["attributes"]["name"], "Renamed");
    assert_eq!(body["attributes"]["description"], "Offers");
    assert_eq!(body["attributes"]["keyColumn"], "td_client_id");
    assert_eq!(body["attributes"]["attributeColumns"], serde_json::json!(["lifetime_value"]));
    assert_eq!(body["relationships"]["parentFolder"]["data"]["id"], "1010");
    let segs = body["relationships"]["segments"]["data"].as_array().unwrap();
    assert_eq!(segs.len(), 3, "the segment the user may not view is kept");
    assert_eq!(segs[0]["id"], "3007");
    assert_eq!(segs[2]["type"], "segment-funnel-stage");

    // A new token: no id, `[]` for no attributes, empty key for the default.
    let mut new = TokenForm::new(FolderId::parse("1011").unwrap());
    new.name = "Fresh".into();
    let body = token_write_body(&new.to_write(), None);
    assert!(body.get("id").is_none());
    assert_eq!(body["attributes"]["attributeColumns"], serde_json::json!([]));
    assert_eq!(body["attributes"]["keyColumn"], "");
    assert_eq!(body["relationships"]["segments"]["data"], serde_json::json!([]));
}

#[test]
fn picker_choices() {
    let columns = [
        column("gender", false, false),
        column("ssn_last4", false, true),
        column("td_client_id", true, false),
        column("email", true, false),
        column("secret_key", true, true),
        column("gender", false, false),
    ];
    assert_eq!(attribute_options(&columns), ["gender"]);
    assert_eq!(key_options(&columns, ""), ["td_client_id", "email"]);
    assert_eq!(key_options(&columns, "email"), ["td_client_id", "email"]);
    assert_eq!(
        key_options(&columns, "legacy_id"),
        ["td_client_id", "email", "legacy_id"],
        "kept, not changed"
    );
    assert_eq!(key_options(&[], DEFAULT_KEY), ["td_client_id"]);
}

fn validation(fields: &[(&str, &str)]) -> ApiError {
    ApiError::Validation {
        status: 422,
        message: "refused".into(),
        fields: fields
            .iter()
            .map(|(f, m)| FieldError { field: (*f).into(), message: (*m).into(), code: None })
            .collect(),
    }
}

#[test]
fn server_errors_go_on_their_fields_or_at_the_top() {
    let explain = |e: &ApiError| Message::from(Verbatim(format!("explained: {e}")));
    let top = |e: &SaveErrors| e.top.as_ref().map(en);
    let field = |e: &SaveErrors, f: Field| e.field(f).as_ref().map(en);
    let e = SaveErrors::from_api(&validation(&[("name", "is taken"), ("segments", "too many")]), explain);
    assert_eq!(field(&e, Field::Name).as_deref(), Some("is taken"));
    assert_eq!(field(&e, Field::Segments).as_deref(), Some("too many"));
    assert_eq!(field(&e, Field::KeyColumn), None);
    assert!(top(&e).unwrap().contains("See the messages on the fields"));
    assert_eq!(e.first_tab(), Some(FormTab::Configure));

    let e = SaveErrors::from_api(&validation(&[("segments", "unknown")]), explain);
    assert_eq!(e.first_tab(), Some(FormTab::Segments));

    let e = SaveErrors::from_api(&validation(&[("attributeColumns", "blocked")]), explain);
    assert_eq!(field(&e, Field::Attributes).as_deref(), Some("blocked"));

    // A field named without words: the form says, in the reader's language, that it was refused.
    let e = SaveErrors::from_api(&validation(&[("name", "")]), explain);
    assert_eq!(field(&e, Field::Name).as_deref(), Some("The server refused this value."));
    let ja = e.field(Field::Name).unwrap().in_language(Language::Ja).into_owned();
    assert_eq!(ja, "サーバーがこの値を拒否しました。");

    // A field the form does not show: the message goes to the top as well.
    let e = SaveErrors::from_api(&validation(&[("parentFolder", "cannot move")]), explain);
    assert!(e.fields.is_empty());
    assert_eq!(top(&e).as_deref(), Some("explained: refused"));

    let forbidden = ApiError::Forbidden { message: "edit required".into(), code: None };
    let e = SaveErrors::from_api(&forbidden, explain);
    assert!(e.fields.is_empty());
    assert_eq!(top(&e).as_deref(), Some("explained: Permission denied: edit required"));
    assert_eq!(e.first_tab(), None);
}

#[test]
fn field_names_and_tabs() {
    assert_eq!(Field::from_api("keyColumn"), Some(Field::KeyColumn));
    assert_eq!(Field::from_api("description"), Some(Field::Description));
    assert_eq!(Field::from_api("parentFolder"), None);
    assert_eq!(Field::Segments.tab(), FormTab::Segments);
    assert_eq!(Field::KeyColumn.tab(), FormTab::Configure);
}
