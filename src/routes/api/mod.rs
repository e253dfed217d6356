//! The JSON API under `/api/v1/`, one module per resource, and its OpenAPI document and
//! reference page (`docs`). Handlers only translate: the forms' input types, save path, rules,
//! triggers and audit decide (`api::body`, `routes::save`).

pub mod bodies;
pub mod companies;
pub mod docs;
pub mod exchange_rates;
pub mod offers;
pub mod outputs;
pub mod pay_bands;
pub mod pay_reports;
pub mod people;
pub mod reports;
pub mod webhook_deliveries;
pub mod webhook_outputs;
pub mod webhooks;

use rocket::Route;

use crate::api::problem::Problem;
use crate::auth::bearer::ApiCaller;
use crate::auth::events::{EventSource, SecurityEvent};
use crate::domain::Role;
use crate::routes::save::Submitted;

/// The API reads its JSON in ISO and English shapes and answers in English, whatever the
/// token's owner reads the pages in: programs, not people, are on the other end.
pub const API_LANG: crate::i18n::Lang = crate::i18n::Lang::En;

pub fn routes() -> Vec<Route> {
    rocket::routes![
        companies::index,
        companies::show,
        companies::create,
        companies::update,
        people::index,
        people::show,
        people::create,
        people::update,
        people::move_stage,
        pay_reports::index,
        pay_reports::show,
        pay_reports::create,
        pay_reports::update,
        pay_bands::index,
        pay_bands::show,
        pay_bands::create,
        pay_bands::update,
        exchange_rates::index,
        exchange_rates::show,
        offers::show,
        offers::decide,
        reports::talent_flow,
        reports::compensation,
        reports::pipeline,
        reports::timeline,
        webhooks::index,
        webhooks::show,
        webhooks::create,
        webhooks::update,
        webhooks::remove,
        webhooks::rotate_secret,
        webhook_deliveries::deliveries,
        docs::document,
        docs::reference,
    ]
}

/// Refuses (403, logged as the pages log it) a caller whose role does not pass `may`.
pub fn allow(
    caller: &ApiCaller,
    events: &EventSource,
    may: fn(Role) -> bool,
) -> Result<(), Problem> {
    if may(caller.role()) {
        Ok(())
    } else {
        events.record(SecurityEvent::RoleDenied, Some(caller.actor()));
        Err(Problem::forbidden())
    }
}

/// Anyone with a live token reads companies and people, as anyone logged in does.
pub fn anyone(_: Role) -> bool {
    true
}

/// The saved record, or the problem that kept it from being saved.
pub fn submitted<T: crate::input::Versioned>(submitted: Submitted<T>) -> Result<T, Problem> {
    match submitted {
        Submitted::Saved(record) => Ok(record),
        Submitted::Invalid(state, _) => Err(Problem::invalid(state.field_errors())),
        Submitted::Stale(..) => Err(Problem::precondition(
            rocket::http::Status::PreconditionFailed,
        )),
    }
}
