//! What a lookup's answer means to the person testing: which of the token's segments matched,
//! and, for every way it can fail, what to do. Pure, tested natively.

use crate::api::lookup::LookupError;
use crate::api::SegmentRef;

/// The token's segments, each with whether the profile is in it (by the answer's `values`).
pub fn marks(segments: &[SegmentRef], values: &[String]) -> Vec<(String, bool)> {
    segments
        .iter()
        .map(|s| {
            let name = s.name.clone().unwrap_or_else(|| format!("Segment #{} (no access)", s.id));
            (name, values.iter().any(|v| v == s.id.as_str()))
        })
        .collect()
}

/// The sentence above the marks.
pub fn summary(matched: usize, of: usize) -> String {
    match matched {
        0 => {
            "This profile is in none of this token's segments: an empty answer, and a correct one.".to_owned()
        }
        n if of == 1 => format!("This profile is in {n} of this token's 1 segment."),
        n => format!("This profile is in {n} of this token's {of} segments."),
    }
}

/// Why there is no answer, and what to do, for a lookup sent to `host`.
pub fn explain(error: &LookupError, host: &str) -> String {
    match error {
        LookupError::Refused { status: Some(404), message } => format!(
            "The Profiles API does not know this token ({message}). A new token answers only once its \
             workflow has run; check that the page uses this token's UUID and the right region."
        ),
        LookupError::Refused { status, message } => {
            let status = status.map(|s| format!(" (status {s})")).unwrap_or_default();
            format!("The Profiles API refused the lookup{status}: {message}. The answer was an error object, not segments.")
        }
        LookupError::Status(status) => {
            format!("The Profiles API answered HTTP {status}. Try again in a moment.")
        }
        LookupError::Unreachable => format!(
            "No answer from {host}: it could not be reached, or the browser refused its answer. The likely \
             causes are an ad or tracking blocker (many block treasuredata.com), a CORS policy that does \
             not allow this page's origin, or the wrong region's host."
        ),
        LookupError::Timeout => {
            format!("{host} did not answer within 10 seconds. Try again; if it persists, check the region.")
        }
        LookupError::Garbled(start) => {
            format!("The answer was neither the lookup array nor an error object: “{start}”. Is {host} the Profiles API?")
        }
    }
}

/// "No such profile", with what to check.
pub fn no_profile(key_column: &str, value: &str) -> String {
    format!(
        "No profile has {key_column} = “{value}” in this parent segment. Values are matched exactly \
         (case and spaces count); check the value and that the {key_column} column holds it."
    )
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::api::{SegmentId, SegmentKind};

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
            marks(&segments, &["3007".into(), "9999".into()]),
            vec![("High Spenders".into(), false), ("Segment #3007 (no access)".into(), true)]
        );
        assert!(summary(0, 2).contains("none of this token's segments"));
        assert_eq!(summary(1, 2), "This profile is in 1 of this token's 2 segments.");
        assert_eq!(summary(1, 1), "This profile is in 1 of this token's 1 segment.");
    }

    #[test]
    fn every_failure_says_what_to_do() {
        let host = "https://cdp.in.treasuredata.com";
        let unknown = LookupError::Refused { status: Some(404), message: "token u not found".into() };
        assert!(explain(&unknown, host).contains("workflow"));
        assert!(explain(&LookupError::Unreachable, host).contains("CORS"));
        assert!(explain(&LookupError::Unreachable, host).contains("blocker"));
        assert!(explain(&LookupError::Timeout, host).contains("10 seconds"));
        assert!(explain(&LookupError::Status(503), host).contains("503"));
        let refused = LookupError::Refused { status: Some(500), message: "Internal Server Error".into() };
        assert!(explain(&refused, host).contains("refused the lookup (status 500): Internal Server Error"));
        assert!(explain(&LookupError::Garbled("<html>".into()), host).contains("<html>"));
        assert!(no_profile("email", "A@x").contains("email = “A@x”"));
    }
}
