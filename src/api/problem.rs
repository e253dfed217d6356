//! Errors of the JSON API as RFC 9457 problem details (`application/problem+json`), with the
//! field errors of a refused write, and the catchers that answer the same way under `/api/`.

use std::collections::BTreeMap;

use rocket::http::{ContentType, Header, Status};
use rocket::response::{self, Responder, Response};
use rocket::{Catcher, Request, catch, catchers};
use utoipa::ToSchema;

use crate::error::AppError;
use crate::input::FieldErrors;

/// What went wrong. `errors` lists, by field, what is wrong with a refused write (`""`: the
/// record as a whole), in the words the forms show.
#[derive(Debug, Clone, serde::Serialize, ToSchema)]
pub struct Problem {
    /// Always `about:blank`: the status says what kind of problem it is.
    #[serde(rename = "type")]
    pub kind: String,
    pub title: String,
    pub status: u16,
    pub detail: String,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub errors: Option<BTreeMap<String, Vec<String>>>,
}

impl Problem {
    pub fn new(status: Status, detail: impl Into<String>) -> Self {
        Problem {
            kind: "about:blank".to_owned(),
            title: status.reason_lossy().to_owned(),
            status: status.code,
            detail: detail.into(),
            errors: None,
        }
    }

    /// 422 with what is wrong with each field.
    pub fn invalid(errors: &FieldErrors) -> Self {
        let listed = errors
            .iter()
            .map(|(field, messages)| (field.to_owned(), messages.to_vec()))
            .collect();
        Problem {
            errors: Some(listed),
            ..Problem::new(
                Status::UnprocessableEntity,
                "Some fields are missing or wrong: nothing was saved.",
            )
        }
    }

    pub fn forbidden() -> Self {
        Problem::new(
            Status::Forbidden,
            "Your role, or this token's scope, does not allow this.",
        )
    }

    /// Answered while `If-Match` is missing (428) or names an older version (412).
    pub fn precondition(status: Status) -> Self {
        let detail = if status == Status::PreconditionRequired {
            "A write needs If-Match with the ETag of the version it changes."
        } else {
            "The record changed since that ETag was read: nothing was saved. Read it again."
        };
        Problem::new(status, detail)
    }
}

impl From<AppError> for Problem {
    fn from(error: AppError) -> Self {
        let status = error.status();
        if status.code >= 500 {
            log::error!("API request failed: {error:?}");
        }
        let detail = error.public_message();
        Problem::new(status, detail)
    }
}

impl From<diesel::result::Error> for Problem {
    fn from(error: diesel::result::Error) -> Self {
        AppError::from(error).into()
    }
}

impl<'r> Responder<'r, 'static> for Problem {
    fn respond_to(self, request: &'r Request<'_>) -> response::Result<'static> {
        let body = serde_json::to_string(&self).map_err(|_| Status::InternalServerError)?;
        let mut response = Response::build_from(body.respond_to(request)?)
            .status(Status::from_code(self.status).unwrap_or(Status::InternalServerError))
            .header(ContentType::new("application", "problem+json"))
            .finalize();
        if self.status == 401 {
            response.set_header(Header::new("WWW-Authenticate", "Bearer"));
        }
        Ok(response)
    }
}

/// Errors Rocket raises itself under `/api/` (no route, a guard's refusal, a body that is no
/// JSON) as problem details too, never an HTML page or a redirect to the login page.
#[catch(default)]
fn problem_catcher(status: Status, request: &Request<'_>) -> Problem {
    // A path parameter that does not parse (/api/v1/people/abc) names no record: 404.
    let status = match status {
        Status::UnprocessableEntity if !request.method().supports_payload() => Status::NotFound,
        other => other,
    };
    let detail = match status.code {
        400 => "The body is not the JSON this endpoint takes.",
        401 => "Send a live API token: Authorization: Bearer tt_…",
        403 => "Your role, or this token's scope, does not allow this.",
        404 => "There is nothing here.",
        413 => "What was sent is too large.",
        422 => "The body is not the JSON object this endpoint takes.",
        429 => "Too many failed token checks from your address: try again in 15 minutes.",
        503 => "The database is not reachable right now: try again in a moment.",
        _ => "The request could not be answered.",
    };
    Problem::new(status, detail)
}

pub fn catchers() -> Vec<Catcher> {
    catchers![problem_catcher]
}
