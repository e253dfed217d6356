//! /api/v1/people/{id}/pay-reports: a person's pay reports, for the roles that see pay (as the
//! person page shows them only to those), written through the pay form's save.

use super::API_LANG;
use rocket::serde::json::Json;
use rocket::{State, get, post, put};
use serde_json::{Map, Value};

use super::allow;
use super::bodies::PayReportBody;
use super::outputs::{PayReportOut, PayReportPage};
use crate::api::body;
use crate::api::cursor;
use crate::api::etag::{IfMatch, Tagged};
use crate::api::problem::Problem;
use crate::auth::bearer::ApiCaller;
use crate::auth::events::EventSource;
use crate::db::Db;
use crate::domain::{PayReportId, PersonId, Role};
use crate::input::{PayReportInput, Target};
use crate::models::{PayReport, Person};
use crate::routes::save;

#[utoipa::path(
    get, path = "/api/v1/people/{person_id}/pay-reports", tag = "pay reports",
    params(
        ("person_id" = i64, Path),
        ("cursor" = Option<String>, Query, description = "next_cursor of the page before"),
        ("limit" = Option<i64>, Query, description = "1 to 200, 50 unless given", minimum = 1, maximum = 200),
    ),
    responses(
        (status = 200, body = PayReportPage),
        (status = 401, body = Problem, content_type = "application/problem+json"),
        (status = 403, body = Problem, content_type = "application/problem+json"),
        (status = 404, body = Problem, content_type = "application/problem+json"),
        (status = 422, body = Problem, content_type = "application/problem+json"),
    ),
)]
#[get("/v1/people/<person_id>/pay-reports?<cursor>&<limit>")]
pub async fn index(
    caller: ApiCaller,
    events: EventSource,
    db: &State<Db>,
    person_id: PersonId,
    cursor: Option<String>,
    limit: Option<i64>,
) -> Result<Json<PayReportPage>, Problem> {
    allow(&caller, &events, Role::sees_pay)?;
    let after = cursor::parse(cursor.as_deref())?.map(PayReportId);
    let limit = cursor::limit(limit)?;
    let rows = db
        .run(move |c| {
            Person::find(c, person_id)?;
            Ok(PayReport::page_of_person(c, person_id, after, limit + 1)?)
        })
        .await?;
    let (rows, next_cursor) = cursor::page(rows, limit, |r| r.id.get());
    Ok(Json(PayReportPage {
        items: rows.into_iter().map(PayReportOut::from).collect(),
        next_cursor,
    }))
}

#[utoipa::path(
    get, path = "/api/v1/people/{person_id}/pay-reports/{id}", tag = "pay reports",
    params(("person_id" = i64, Path), ("id" = i64, Path)),
    responses(
        (status = 200, body = PayReportOut, headers(("ETag" = String))),
        (status = 401, body = Problem, content_type = "application/problem+json"),
        (status = 403, body = Problem, content_type = "application/problem+json"),
        (status = 404, body = Problem, content_type = "application/problem+json"),
    ),
)]
#[get("/v1/people/<person_id>/pay-reports/<id>")]
pub async fn show(
    caller: ApiCaller,
    events: EventSource,
    db: &State<Db>,
    person_id: PersonId,
    id: PayReportId,
) -> Result<Tagged<PayReportOut>, Problem> {
    allow(&caller, &events, Role::sees_pay)?;
    let report = db
        .run(move |c| Ok(PayReport::find(c, person_id, id)?))
        .await?;
    let version = report.version;
    Ok(Tagged::new(report.into(), version))
}

#[utoipa::path(
    post, path = "/api/v1/people/{person_id}/pay-reports", tag = "pay reports",
    params(("person_id" = i64, Path)),
    request_body = PayReportBody,
    responses(
        (status = 201, body = PayReportOut, headers(("ETag" = String), ("Location" = String))),
        (status = 400, body = Problem, content_type = "application/problem+json"),
        (status = 401, body = Problem, content_type = "application/problem+json"),
        (status = 403, body = Problem, content_type = "application/problem+json"),
        (status = 404, body = Problem, content_type = "application/problem+json"),
        (status = 409, body = Problem, content_type = "application/problem+json"),
        (status = 422, body = Problem, content_type = "application/problem+json"),
    ),
)]
#[post("/v1/people/<person_id>/pay-reports", data = "<body>")]
pub async fn create(
    caller: ApiCaller,
    events: EventSource,
    db: &State<Db>,
    person_id: PersonId,
    body: Json<Map<String, Value>>,
) -> Result<Tagged<PayReportOut>, Problem> {
    allow(&caller, &events, Role::edits)?;
    // A person that is not there is a 404, before anything about the body.
    db.run(move |c| Ok(Person::find(c, person_id)?)).await?;
    let saved = save(db, &caller, Target::New(person_id), &body, None).await?;
    let location = format!("/api/v1/people/{person_id}/pay-reports/{}", saved.id);
    let version = saved.version;
    Ok(Tagged::created(saved.into(), version, location))
}

/// Replaces the report's fields (every field: one left out is emptied, as in the form).
#[utoipa::path(
    put, path = "/api/v1/people/{person_id}/pay-reports/{id}", tag = "pay reports",
    params(
        ("person_id" = i64, Path), ("id" = i64, Path),
        ("If-Match" = String, Header, description = "the ETag read"),
    ),
    request_body = PayReportBody,
    responses(
        (status = 200, body = PayReportOut, headers(("ETag" = String))),
        (status = 400, body = Problem, content_type = "application/problem+json"),
        (status = 401, body = Problem, content_type = "application/problem+json"),
        (status = 403, body = Problem, content_type = "application/problem+json"),
        (status = 404, body = Problem, content_type = "application/problem+json"),
        (status = 409, body = Problem, content_type = "application/problem+json"),
        (status = 412, body = Problem, content_type = "application/problem+json"),
        (status = 422, body = Problem, content_type = "application/problem+json"),
        (status = 428, body = Problem, content_type = "application/problem+json"),
    ),
)]
#[put("/v1/people/<person_id>/pay-reports/<id>", data = "<body>")]
pub async fn update(
    caller: ApiCaller,
    events: EventSource,
    db: &State<Db>,
    person_id: PersonId,
    id: PayReportId,
    if_match: IfMatch,
    body: Json<Map<String, Value>>,
) -> Result<Tagged<PayReportOut>, Problem> {
    allow(&caller, &events, Role::edits)?;
    let version = if_match.version()?;
    let target = Target::Existing((person_id, id));
    let saved = save(db, &caller, target, &body, Some(version)).await?;
    let version = saved.version;
    Ok(Tagged::new(saved.into(), version))
}

async fn save(
    db: &Db,
    caller: &ApiCaller,
    target: Target<PersonId, (PersonId, PayReportId)>,
    body: &Map<String, Value>,
    version: Option<i32>,
) -> Result<PayReport, Problem> {
    let fields = body::fields(body)?;
    let version = version.map(|v| v.to_string());
    let form = body::parsed::<PayReportInput>(&fields, version.as_deref())?;
    super::submitted(
        save::submit_as::<PayReport>(db, caller.actor(), API_LANG, target, form).await?,
    )
}
