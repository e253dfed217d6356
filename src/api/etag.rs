//! Versions as HTTP validators: a record's `ETag` is its version, and a write must name the
//! version it changes in `If-Match` (missing: 428; another: 412), as the forms send theirs.

use rocket::http::{Header, Status};
use rocket::request::{FromRequest, Outcome, Request};
use rocket::response::{self, Responder, Response};
use rocket::serde::json::Json;

use super::problem::Problem;

/// The ETag of a record version: strong, since the version changes with every saved change.
pub fn etag(version: i32) -> String {
    format!("\"{version}\"")
}

/// The `If-Match` a request sent, if any.
pub struct IfMatch(Option<String>);

impl IfMatch {
    /// The version the write changes. `*` names no version and so does not do: the API never
    /// writes over a record it did not read.
    pub fn version(&self) -> Result<i32, Problem> {
        let Some(value) = self.0.as_deref().map(str::trim) else {
            return Err(Problem::precondition(Status::PreconditionRequired));
        };
        if value == "*" {
            return Err(Problem::precondition(Status::PreconditionRequired));
        }
        // A tag not of ours matches no version, as a stale one does not.
        value
            .strip_prefix('"')
            .and_then(|v| v.strip_suffix('"'))
            .and_then(|v| v.parse().ok())
            .ok_or_else(|| Problem::precondition(Status::PreconditionFailed))
    }
}

#[rocket::async_trait]
impl<'r> FromRequest<'r> for IfMatch {
    type Error = std::convert::Infallible;

    async fn from_request(request: &'r Request<'_>) -> Outcome<Self, Self::Error> {
        Outcome::Success(IfMatch(
            request.headers().get_one("If-Match").map(str::to_owned),
        ))
    }
}

/// A record as JSON with its version as `ETag`; `created` makes it a 201 with its `Location`.
pub struct Tagged<T> {
    pub body: T,
    pub version: i32,
    pub created: Option<String>,
}

impl<T> Tagged<T> {
    pub fn new(body: T, version: i32) -> Self {
        Tagged {
            body,
            version,
            created: None,
        }
    }

    pub fn created(body: T, version: i32, location: String) -> Self {
        Tagged {
            body,
            version,
            created: Some(location),
        }
    }
}

impl<'r, T: serde::Serialize> Responder<'r, 'static> for Tagged<T> {
    fn respond_to(self, request: &'r Request<'_>) -> response::Result<'static> {
        let mut response = Response::build_from(Json(self.body).respond_to(request)?)
            .header(Header::new("ETag", etag(self.version)))
            .finalize();
        if let Some(location) = self.created {
            response.set_status(Status::Created);
            response.set_header(Header::new("Location", location));
        }
        Ok(response)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn only_a_quoted_version_names_one() {
        assert_eq!(IfMatch(Some("\"7\"".into())).version().ok(), Some(7));
        let status = |v: Option<&str>| {
            IfMatch(v.map(str::to_owned))
                .version()
                .err()
                .map(|p| p.status)
        };
        assert_eq!(status(None), Some(428));
        assert_eq!(status(Some("*")), Some(428));
        assert_eq!(status(Some("W/\"7\"")), Some(412));
        assert_eq!(status(Some("7")), Some(412));
    }
}
