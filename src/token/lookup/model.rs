//! What a lookup's answer means to the person testing: which of the token's segments matched,
//! and, for every way it can fail, what to do. Pure, tested natively.

use super::text::LookupText;
use crate::api::lookup::LookupError;
use crate::api::SegmentRef;
use crate::i18n::Language;
use crate::token::text::segment_label;

/// The token's segments, each with whether the profile is in it (by the answer's `values`).
pub fn marks(segments: &[SegmentRef], values: &[String], language: Language) -> Vec<(String, bool)> {
    segments.iter().map(|s| (segment_label(s, language), values.iter().any(|v| v == s.id.as_str()))).collect()
}

/// Why there is no answer, and what to do, for a lookup sent to `host`.
pub fn explain(error: &LookupError, host: &str) -> LookupText {
    match error {
        LookupError::Refused { status: Some(404), message } => LookupText::UnknownToken(message.clone()),
        LookupError::Refused { status: Some(status), message } => {
            LookupText::RefusedWithStatus(*status, message.clone())
        }
        LookupError::Refused { status: None, message } => LookupText::Refused(message.clone()),
        LookupError::Status(status) => LookupText::Status(*status),
        LookupError::Unreachable => LookupText::Unreachable(host.to_owned()),
        LookupError::Timeout => LookupText::Timeout(host.to_owned()),
        LookupError::Garbled(start) => LookupText::Garbled(start.clone(), host.to_owned()),
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::api::{SegmentId, SegmentKind};
    use crate::i18n::Localized;

    fn en(text: LookupText) -> String {
        text.in_language(Language::En).into_owned()
    }

    fn seg(id: &str, name: Option<&str>) -> SegmentRef {
        SegmentRef {
            id: SegmentId::parse(id).unwrap(),
            kind: SegmentKind::Batch,
            name: name.map(str::to_owned),
            description: None,
            population: None,
        }
    }

    #[test]
    fn marks_follow_the_values() {
        let segments = [seg("3001", Some("High Spenders")), seg("3007", None)];
        assert_eq!(
            marks(&segments, &["3007".into(), "9999".into()], Language::En),
            vec![("High Spenders".into(), false), ("Segment #3007 (no access)".into(), true)]
        );
        assert!(en(LookupText::summary(0, 2)).contains("none of this token's segments"));
        assert_eq!(en(LookupText::summary(1, 2)), "This profile is in 1 of this token's 2 segments.");
        assert_eq!(en(LookupText::summary(1, 1)), "This profile is in 1 of this token's 1 segment.");
        let ja = LookupText::summary(1, 2).in_language(Language::Ja);
        assert_eq!(ja, "このプロファイルは、このトークンの 2 個のセグメントのうち 1 個に含まれています。");
    }

    #[test]
    fn every_failure_says_what_to_do() {
        let host = "https://cdp.in.treasuredata.com";
        let unknown = LookupError::Refused { status: Some(404), message: "token u not found".into() };
        let says = |e: &LookupError| en(explain(e, host));
        assert!(says(&unknown).contains("workflow"));
        assert!(says(&LookupError::Unreachable).contains("CORS"));
        assert!(says(&LookupError::Unreachable).contains("blocker"));
        assert!(says(&LookupError::Timeout).contains("10 seconds"));
        assert!(says(&LookupError::Status(503)).contains("503"));
        let refused = LookupError::Refused { status: Some(500), message: "Internal Server Error".into() };
        assert!(says(&refused).contains("refused the lookup (status 500): Internal Server Error"));
        assert!(says(&LookupError::Garbled("<html>".into())).contains("<html>"));
        assert!(en(LookupText::NoProfile("email".into(), "A@x".into())).contains("email = “A@x”"));
        let ja = explain(&LookupError::Unreachable, host).in_language(Language::Ja);
        assert!(ja.contains(host) && ja.contains("CORS"), "{ja}");
    }
}
