use super::super::error::{ApiError, FieldError};
use super::super::errors_decode::{error_from_response, error_from_response_at};

fn err(status: u16, body: &str) -> ApiError {
    error_from_response_at(status, body, None, 0)
}

fn message(e: &ApiError) -> &str {
    e.server_message().unwrap_or_else(|| panic!("no message in {e:?}"))
}

#[test]
fn statuses_map_to_variants() {
    assert_eq!(err(401, ""), ApiError::Unauthorized);
    assert!(matches!(err(403, ""), ApiError::Forbidden { code: None, .. }));
    assert!(matches!(err(404, ""), ApiError::NotFound { .. }));
    assert!(matches!(err(409, ""), ApiError::Conflict { .. }));
    assert!(matches!(err(400, ""), ApiError::Validation { status: 400, .. }));
    assert!(matches!(err(422, ""), ApiError::Validation { status: 422, .. }));
    assert_eq!(err(429, ""), ApiError::RateLimited { retry_after_secs: None });
    for status in [500, 502, 503, 504, 405, 418, 302, 200] {
        assert!(matches!(err(status, ""), ApiError::Server { status: s, .. } if s == status), "{status}");
    }
    // Empty bodies give no message: no client-made sentence in a language the reader may not
    // read (the UI words a silent error in the reader's language).
    for status in [400, 403, 404, 409, 422, 500, 599, 418] {
        assert_eq!(message(&err(status, "")), "", "{status}");
    }
}

#[test]
fn json_api_validation_errors_name_their_fields() {
    let body = r#"{"errors": [
      {"code": "validation-error", "status": "400", "detail": "Name has already been taken",
       "source": {"pointer": "/attributes/name"}, "meta": {"validationCode": "VIOLATES_UNIQUENESS_CONSTRAINT"}},
      {"code": "validation-error", "status": 400, "detail": "Segments is too long",
       "source": {"pointer": "/relationships/segments"}, "meta": {"validationCode": "IS_TOO_LONG"}},
      {"code": "bad-parameter-error", "status": "400", "detail": "Attribute columns should be an array",
       "source": {"pointer": "/data/attributes/attrributeColumns"}, "meta": {"parameterCode": "SHOULD_BE_ARRAY"}}
    ]}"#;
    let e = err(400, body);
    let ApiError::Validation { status: 400, message, fields } = &e else { panic!("{e:?}") };
    assert_eq!(
        message,
        "Name has already been taken; Segments is too long; Attribute columns should be an array"
    );
    assert_eq!(
        fields[0],
        FieldError {
            field: "name".into(),
            message: "Name has already been taken".into(),
            code: Some("VIOLATES_UNIQUENESS_CONSTRAINT".into())
        }
    );
    assert_eq!((fields[1].field.as_str(), fields[1].code.as_deref()), ("segments", Some("IS_TOO_LONG")));
    assert_eq!(fields[2].field, "attributeColumns", "the schema's misspelling is mapped back");
    assert_eq!(e.field_error("name"), Some("Name has already been taken"));
    assert_eq!(e.field_error("segments"), Some("Segments is too long"));
}

#[test]
fn json_api_permission_and_other_errors() {
    let forbidden = r#"{"errors": [{"code": "permission-error", "status": "403", "detail": "Edit permission is required",
        "meta": {"permissionCode": "SEGMENT_FOLDER_EDIT_REQUIRED"}}]}"#;
    assert_eq!(
        err(403, forbidden),
        ApiError::Forbidden {
            message: "Edit permission is required".into(),
            code: Some("SEGMENT_FOLDER_EDIT_REQUIRED".into())
        }
    );
    let null_meta =
        r#"{"errors": [{"code": "permission-error", "status": "403", "detail": "No", "meta": null}]}"#;
    assert_eq!(
        err(403, null_meta),
        ApiError::Forbidden { message: "No".into(), code: Some("permission-error".into()) }
    );
    let not_found = r#"{"errors": [{"code": "record-not-found-error", "status": "404", "detail": "Couldn't find Token with 'id'=9"}]}"#;
    assert_eq!(err(404, not_found), ApiError::NotFound { message: "Couldn't find Token with 'id'=9".into() });
    let cannot_move = r#"{"errors": [{"code": "unprocessable-entity-error", "status": "422", "detail": "Cannot move",
        "source": {"pointer": "/relationships/parentFolder"}, "meta": {"unprocessableEntityCode": "CANNOT_MOVE"}}]}"#;
    let e = err(422, cannot_move);
    assert_eq!(message(&e), "Cannot move");
    assert_eq!(e.field_error("parentFolder"), Some("Cannot move"));
    // No detail: the code stands in; string items are messages.
    assert_eq!(message(&err(400, r#"{"errors": [{"code": "bad-parameter-error"}]}"#)), "bad-parameter-error");
    assert_eq!(message(&err(400, r#"{"errors": ["name is bad", "name is bad"]}"#)), "name is bad");
}

#[test]
fn conflict_errors_keyed_by_field() {
    let body = r#"{"errors": {"deletion": ["SegmentFolder has segments: 123, 456"], "id": "Segment is referenced"},
        "referencedBySegments": [{"id": "123"}]}"#;
    let e = err(409, body);
    let ApiError::Conflict { message: text, fields } = &e else { panic!("{e:?}") };
    assert!(text.contains("SegmentFolder has segments: 123, 456") && text.contains("Segment is referenced"));
    assert_eq!(e.field_error("deletion"), Some("SegmentFolder has segments: 123, 456"));
    assert_eq!(fields.len(), 2);
    // The JSON:API form of a conflict works too.
    let jsonapi = r#"{"errors": [{"code": "conflict-error", "status": 409, "detail": "In use"}]}"#;
    assert_eq!(message(&err(409, jsonapi)), "In use");
}

#[test]
fn errors_string_legacy_and_server_shapes() {
    assert_eq!(
        message(&err(403, r#"{"errors": "You cannot see this folder"}"#)),
        "You cannot see this folder"
    );
    assert_eq!(
        err(403, r#"{"code": "forbidden", "message": "Access denied"}"#),
        ApiError::Forbidden { message: "Access denied".into(), code: Some("forbidden".into()) }
    );
    assert_eq!(
        message(&err(404, r#"{"code": "not_found", "message": "Audience not found"}"#)),
        "Audience not found"
    );
    assert_eq!(
        err(500, r#"{"status": 500, "error": "Internal Server Error", "details": "NullPointerException"}"#),
        ApiError::Server {
            status: 500,
            message: "Internal Server Error: NullPointerException".into(),
            retry_after_secs: None
        }
    );
    assert_eq!(
        message(&err(503, r#"{"status": "503", "error": "Service Unavailable"}"#)),
        "Service Unavailable"
    );
    assert_eq!(message(&err(500, r#"{"error": {"message": "nested"}}"#)), "nested");
    assert_eq!(message(&err(400, r#"{"code": "bad_request"}"#)), "bad_request");
    // Empty `errors` falls through to the next shape.
    assert_eq!(message(&err(400, r#"{"errors": [], "message": "fallback"}"#)), "fallback");
    // JSON with none of the known keys: no message, not the JSON.
    assert_eq!(message(&err(500, r#"{"foo": "bar"}"#)), "");
    assert_eq!(message(&err(500, r#""just a string""#)), "just a string");
}

#[test]
fn raw_text_and_html_bodies() {
    assert_eq!(message(&err(502, "Bad Gateway\n")), "Bad Gateway");
    let html = format!(
        "<!DOCTYPE html><html><head><title>502 Bad Gateway</title></head><body>{}</body></html>",
        "<p>nginx</p>".repeat(1000)
    );
    for body in [html.as_str(), "  <html><body>oops</body></html>", "<h1>Error</h1>"] {
        // A proxy's web page is never shown, nor summed up in English: the status says it.
        assert_eq!(message(&err(502, body)), "", "{body:.40}");
    }
    let long = "x".repeat(5000);
    assert!(message(&err(500, &long)).chars().count() <= 301);
    assert_eq!(message(&err(500, "line1\r\nline2\0end")), "line1 line2 end");
    assert_eq!(message(&err(500, "[1,2]")), "[1,2]");
}

#[test]
fn retry_after_is_read_for_429_and_5xx() {
    assert_eq!(
        error_from_response_at(429, "", Some("7"), 0),
        ApiError::RateLimited { retry_after_secs: Some(7) }
    );
    assert_eq!(
        error_from_response_at(429, "", Some("3600"), 0),
        ApiError::RateLimited { retry_after_secs: Some(60) }
    );
    assert_eq!(
        error_from_response_at(429, "{}", Some("soon"), 0),
        ApiError::RateLimited { retry_after_secs: None }
    );
    let date = error_from_response_at(503, "", Some("Sun, 06 Nov 1994 08:49:37 GMT"), 784_111_767);
    assert!(matches!(date, ApiError::Server { status: 503, retry_after_secs: Some(10), .. }), "{date:?}");
    // The clock-reading form works natively too.
    assert_eq!(error_from_response(429, "", Some("5")), ApiError::RateLimited { retry_after_secs: Some(5) });
    assert!(err(429, "").is_retryable() && err(503, "").is_retryable() && !err(400, "").is_retryable());
}
