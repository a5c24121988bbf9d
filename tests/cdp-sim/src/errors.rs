//! Error bodies, per API family, as the contract shapes them.
//!
//! JSON:API routes: `{"errors":[{"code","status","detail","source":{"pointer"},"meta":{..}}]}`
//! with `status` a string. The schema declares these error answers `application/json`
//! (components.responses.JsonApi*), so that is the media type they carry. Legacy routes:
//! `{"code","message"}` for 4xx and `{"status","error","details"}` for 5xx.

use axum::http::{header, HeaderValue, StatusCode};
use axum::response::{IntoResponse, Response};
use serde_json::{json, Map, Value};

pub const JSON_API: &str = "application/vnd.treasuredata.v1+json";
pub const JSON: &str = "application/json";

/// Which error and media-type conventions a path follows.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Family {
    /// `/entities/...`
    JsonApi,
    /// `/audiences/...` and anything unknown.
    Legacy,
}

impl Family {
    pub fn of(path: &str) -> Self {
        if path.starts_with("/entities/") {
            Self::JsonApi
        } else {
            Self::Legacy
        }
    }

    /// The media type of a successful answer on `path`, as the schema declares it per route:
    /// by-folder is `application/json`, the other `/entities` routes the vendor type.
    pub fn success_type(path: &str) -> &'static str {
        if path.starts_with("/entities/by-folder/") || Self::of(path) == Self::Legacy {
            JSON
        } else {
            JSON_API
        }
    }
}

/// One JSON:API error object.
#[derive(Clone, Debug)]
pub struct ErrorObject {
    pub code: &'static str,
    pub status: StatusCode,
    pub detail: String,
    pub pointer: Option<String>,
    pub meta: Option<(&'static str, String)>,
}

impl ErrorObject {
    fn to_json(&self) -> Value {
        let mut o = Map::new();
        o.insert("code".into(), json!(self.code));
        o.insert("status".into(), json!(self.status.as_u16().to_string()));
        o.insert("detail".into(), json!(self.detail));
        if let Some(p) = &self.pointer {
            o.insert("source".into(), json!({ "pointer": p }));
        }
        if let Some((k, v)) = &self.meta {
            o.insert("meta".into(), json!({ *k: v }));
        }
        Value::Object(o)
    }
}

/// 400 `validation-error` on a field, e.g. (`/attributes/name`, `CANNOT_BE_BLANK`).
pub fn validation(pointer: &str, code: &str, detail: impl Into<String>) -> ErrorObject {
    ErrorObject {
        code: "validation-error",
        status: StatusCode::BAD_REQUEST,
        detail: detail.into(),
        pointer: Some(pointer.to_owned()),
        meta: Some(("validationCode", code.to_owned())),
    }
}

/// 400 `bad-parameter-error`: the body or a parameter has the wrong shape.
pub fn bad_parameter(pointer: &str, code: &str, detail: impl Into<String>) -> ErrorObject {
    ErrorObject {
        code: "bad-parameter-error",
        status: StatusCode::BAD_REQUEST,
        detail: detail.into(),
        pointer: Some(pointer.to_owned()),
        meta: Some(("parameterCode", code.to_owned())),
    }
}

#[derive(Debug)]
pub enum ApiError {
    JsonApi(StatusCode, Vec<ErrorObject>),
    Legacy { status: StatusCode, code: &'static str, message: String },
}

impl ApiError {
    pub fn not_found(what: &str, id: &str) -> Self {
        Self::one(ErrorObject {
            code: "record-not-found-error",
            status: StatusCode::NOT_FOUND,
            detail: format!("Couldn't find {what} with 'id'={id}"),
            pointer: None,
            meta: None,
        })
    }

    pub fn view_required(folder_id: &str) -> Self {
        Self::permission(
            "SEGMENT_FOLDER_VIEW_REQUIRED",
            format!("SegmentFolder View Permission Required (folder {folder_id})"),
        )
    }

    pub fn edit_required(folder_id: &str) -> Self {
        Self::permission(
            "SEGMENT_FOLDER_EDIT_REQUIRED",
            format!("SegmentFolder Edit Permission Required (folder {folder_id})"),
        )
    }

    fn permission(code: &str, detail: String) -> Self {
        Self::one(permission_object(code, detail))
    }

    pub fn unprocessable(code: &str, pointer: &str, detail: impl Into<String>) -> Self {
        Self::one(ErrorObject {
            code: "unprocessable-entity-error",
            status: StatusCode::UNPROCESSABLE_ENTITY,
            detail: detail.into(),
            pointer: Some(pointer.to_owned()),
            meta: Some(("unprocessableEntityCode", code.to_owned())),
        })
    }

    pub fn one(e: ErrorObject) -> Self {
        Self::JsonApi(e.status, vec![e])
    }

    /// Several 400 errors at once (every invalid field, so a form can mark them all).
    pub fn many(errors: Vec<ErrorObject>) -> Self {
        let status = errors.first().map(|e| e.status).unwrap_or(StatusCode::BAD_REQUEST);
        Self::JsonApi(status, errors)
    }

    pub fn legacy_not_found(what: &str, id: &str) -> Self {
        Self::Legacy {
            status: StatusCode::NOT_FOUND,
            code: "NOT_FOUND",
            message: format!("Couldn't find {what} with 'id'={id}"),
        }
    }

    pub fn unauthorized(family: Family) -> Self {
        let message = "Unauthorized. Specify a valid TD master API key as 'Authorization: TD1 <key>'.";
        match family {
            Family::JsonApi => Self::one(unauthorized_object(message)),
            Family::Legacy => Self::Legacy {
                status: StatusCode::UNAUTHORIZED,
                code: "UNAUTHORIZED",
                message: message.into(),
            },
        }
    }
}

impl IntoResponse for ApiError {
    fn into_response(self) -> Response {
        let (status, body) = match self {
            Self::JsonApi(status, errors) => {
                (status, json!({ "errors": errors.iter().map(ErrorObject::to_json).collect::<Vec<_>>() }))
            }
            Self::Legacy { status, code, message } => (status, json!({ "code": code, "message": message })),
        };
        json_response(status, JSON, &body)
    }
}

fn permission_object(code: &str, detail: String) -> ErrorObject {
    ErrorObject {
        code: "permission-error",
        status: StatusCode::FORBIDDEN,
        detail,
        pointer: None,
        meta: Some(("permissionCode", code.to_owned())),
    }
}

fn unauthorized_object(detail: &str) -> ErrorObject {
    ErrorObject {
        code: "authentication-error",
        status: StatusCode::UNAUTHORIZED,
        detail: detail.into(),
        pointer: None,
        meta: None,
    }
}

/// A JSON answer with an explicit media type (axum's `Json` always says application/json).
pub fn json_response(status: StatusCode, content_type: &'static str, body: &Value) -> Response {
    let mut res = (status, body.to_string()).into_response();
    res.headers_mut().insert(header::CONTENT_TYPE, HeaderValue::from_static(content_type));
    res
}

/// The body a `status` fault answers with, shaped as the family's real error of that status.
pub fn injected_body(family: Family, status: StatusCode, method: &str) -> Value {
    let code = status.as_u16();
    let reason = status.canonical_reason().unwrap_or("Error");
    if code >= 500 {
        // components.responses.ServerError, for both families.
        return json!({ "status": code, "error": reason, "details": format!("injected {code} ({reason})") });
    }
    if code == 409 {
        // The only JSON:API error whose `errors` is an object keyed by field.
        let field = if method.eq_ignore_ascii_case("DELETE") { "deletion" } else { "id" };
        return json!({ "errors": { field: [format!("injected conflict on {field}")] } });
    }
    match family {
        Family::Legacy => {
            json!({ "code": reason.to_uppercase().replace(' ', "_"), "message": format!("injected {code}") })
        }
        Family::JsonApi => {
            let write = !method.eq_ignore_ascii_case("GET");
            let e = match code {
                400 => validation(
                    "/attributes/name",
                    "INVALID_FORMAT_OR_ASSOCIATION",
                    "injected validation error",
                ),
                401 => unauthorized_object("injected: unauthorized"),
                403 if write => permission_object(
                    "SEGMENT_FOLDER_EDIT_REQUIRED",
                    "injected: edit permission required".into(),
                ),
                403 => permission_object(
                    "SEGMENT_FOLDER_VIEW_REQUIRED",
                    "injected: view permission required".into(),
                ),
                404 => ErrorObject {
                    code: "record-not-found-error",
                    status,
                    detail: "injected: record not found".into(),
                    pointer: None,
                    meta: None,
                },
                422 => ErrorObject {
                    code: "unprocessable-entity-error",
                    status,
                    detail: "injected: cannot move".into(),
                    pointer: Some("/relationships/parentFolder".into()),
                    meta: Some(("unprocessableEntityCode", "CANNOT_MOVE".into())),
                },
                _ => ErrorObject {
                    code: if code == 429 { "too-many-requests-error" } else { "error" },
                    status,
                    detail: format!("injected {code} ({reason})"),
                    pointer: None,
                    meta: None,
                },
            };
            json!({ "errors": [e.to_json()] })
        }
    }
}
