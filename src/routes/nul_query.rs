//! A query string holding a NUL character (`%00`) is refused with 422 before any route reads it.
//!
//! PostgreSQL cannot take NUL in text, so a filter or search carrying one failed as a 500 where
//! it reached a query, and no filter, search, cursor or token means anything with one. Checked
//! once here, where every query string enters, rather than in each parameter's parse: a
//! parameter added later is covered too. Fairings cannot answer a request themselves, so the
//! request is diverted to the route below, as the CSRF check diverts a forged form.

use rocket::fairing::{Fairing, Info, Kind};
use rocket::http::{Method, Status, uri::Origin};
use rocket::request::{FromRequest, Outcome};
use rocket::{Data, Request, Route, get, routes};

use crate::error::AppError;

const DIVERTED_TO: &str = "/unusable-query";
/// The API's clients read problem details, never a page.
const API_DIVERTED_TO: &str = "/api/unusable-query";

pub struct RefuseNul;

pub fn routes() -> Vec<Route> {
    routes![refused, refused_api]
}

#[rocket::async_trait]
impl Fairing for RefuseNul {
    fn info(&self) -> Info {
        Info {
            name: "NUL in query strings refused",
            kind: Kind::Request,
        }
    }

    async fn on_request(&self, request: &mut Request<'_>, _: &mut Data<'_>) {
        let nul = request.uri().query().is_some_and(|query| {
            query
                .segments()
                .any(|(name, value)| name.contains('\0') || value.contains('\0'))
        });
        if nul {
            request.local_cache(|| Diverted(true));
            // GET, whatever it was: the route runs nothing, and a POST is not checked again.
            request.set_method(Method::Get);
            let to = if request.uri().path().starts_with("/api/") {
                API_DIVERTED_TO
            } else {
                DIVERTED_TO
            };
            request.set_uri(Origin::parse(to).expect("a valid path"));
        }
    }
}

struct Diverted(bool);

/// Only a diverted request reaches the route: typed in, its address is a 404 like any other.
struct SentHere;

#[rocket::async_trait]
impl<'r> FromRequest<'r> for SentHere {
    type Error = ();

    async fn from_request(request: &'r Request<'_>) -> Outcome<Self, ()> {
        match request.local_cache(|| Diverted(false)) {
            Diverted(true) => Outcome::Success(SentHere),
            Diverted(false) => Outcome::Forward(Status::NotFound),
        }
    }
}

#[get("/unusable-query")]
fn refused(_sent: SentHere) -> AppError {
    AppError::Unprocessable(
        "The address holds a NUL character (%00), which no filter or search can use. Remove it \
         and try again."
            .to_owned(),
    )
}

#[get("/api/unusable-query")]
fn refused_api(_sent: SentHere) -> crate::api::problem::Problem {
    crate::api::problem::Problem::new(
        Status::UnprocessableEntity,
        "The address holds a NUL character (%00), which no parameter can use.",
    )
}
