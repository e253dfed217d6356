//! /api/v1/companies: list, get, create, update, through the company form's save.

use super::API_LANG;
use rocket::serde::json::Json;
use rocket::{State, get, post, put};
use serde_json::{Map, Value};

use super::bodies::CompanyBody;
use super::outputs::{CompanyOut, CompanyPage};
use super::{allow, anyone};
use crate::api::body;
use crate::api::cursor;
use crate::api::etag::{IfMatch, Tagged};
use crate::api::problem::Problem;
use crate::auth::bearer::ApiCaller;
use crate::auth::events::EventSource;
use crate::db::Db;
use crate::domain::{CompanyId, Role};
use crate::input::{CompanyInput, Target};
use crate::models::Company;
use crate::routes::save;

/// Companies in id order, a page at a time.
#[utoipa::path(
    get, path = "/api/v1/companies", tag = "companies",
    params(
        ("cursor" = Option<String>, Query, description = "next_cursor of the page before"),
        ("limit" = Option<i64>, Query, description = "1 to 200, 50 unless given", minimum = 1, maximum = 200),
    ),
    responses(
        (status = 200, body = CompanyPage),
        (status = 401, body = Problem, content_type = "application/problem+json"),
        (status = 422, body = Problem, content_type = "application/problem+json"),
    ),
)]
#[get("/v1/companies?<cursor>&<limit>")]
pub async fn index(
    caller: ApiCaller,
    events: EventSource,
    db: &State<Db>,
    cursor: Option<String>,
    limit: Option<i64>,
) -> Result<Json<CompanyPage>, Problem> {
    allow(&caller, &events, anyone)?;
    let after = cursor::parse(cursor.as_deref())?.map(CompanyId);
    let limit = cursor::limit(limit)?;
    let rows = db
        .run(move |c| Ok(Company::page_after(c, after, limit + 1)?))
        .await?;
    let (rows, next_cursor) = cursor::page(rows, limit, |c| c.id.get());
    Ok(Json(CompanyPage {
        items: rows.into_iter().map(CompanyOut::from).collect(),
        next_cursor,
    }))
}

#[utoipa::path(
    get, path = "/api/v1/companies/{id}", tag = "companies",
    params(("id" = i64, Path)),
    responses(
        (status = 200, body = CompanyOut, headers(("ETag" = String))),
        (status = 401, body = Problem, content_type = "application/problem+json"),
        (status = 404, body = Problem, content_type = "application/problem+json"),
    ),
)]
#[get("/v1/companies/<id>")]
pub async fn show(
    caller: ApiCaller,
    events: EventSource,
    db: &State<Db>,
    id: CompanyId,
) -> Result<Tagged<CompanyOut>, Problem> {
    allow(&caller, &events, anyone)?;
    let company = db.run(move |c| Ok(Company::find(c, id)?)).await?;
    let version = company.version;
    Ok(Tagged::new(company.into(), version))
}

#[utoipa::path(
    post, path = "/api/v1/companies", tag = "companies",
    request_body = CompanyBody,
    responses(
        (status = 201, body = CompanyOut, headers(("ETag" = String), ("Location" = String))),
        (status = 400, body = Problem, content_type = "application/problem+json"),
        (status = 401, body = Problem, content_type = "application/problem+json"),
        (status = 403, body = Problem, content_type = "application/problem+json"),
        (status = 422, body = Problem, content_type = "application/problem+json"),
    ),
)]
#[post("/v1/companies", data = "<body>")]
pub async fn create(
    caller: ApiCaller,
    events: EventSource,
    db: &State<Db>,
    body: Json<Map<String, Value>>,
) -> Result<Tagged<CompanyOut>, Problem> {
    allow(&caller, &events, Role::edits)?;
    let saved = save(db, &caller, Target::New(()), &body, None).await?;
    let (location, version) = (format!("/api/v1/companies/{}", saved.id), saved.version);
    Ok(Tagged::created(saved.into(), version, location))
}

/// Replaces the company's fields (every field: one left out is emptied, as in the form).
#[utoipa::path(
    put, path = "/api/v1/companies/{id}", tag = "companies",
    params(("id" = i64, Path), ("If-Match" = String, Header, description = "the ETag read")),
    request_body = CompanyBody,
    responses(
        (status = 200, body = CompanyOut, headers(("ETag" = String))),
        (status = 400, body = Problem, content_type = "application/problem+json"),
        (status = 401, body = Problem, content_type = "application/problem+json"),
        (status = 403, body = Problem, content_type = "application/problem+json"),
        (status = 404, body = Problem, content_type = "application/problem+json"),
        (status = 412, body = Problem, content_type = "application/problem+json"),
        (status = 422, body = Problem, content_type = "application/problem+json"),
        (status = 428, body = Problem, content_type = "application/problem+json"),
    ),
)]
#[put("/v1/companies/<id>", data = "<body>")]
pub async fn update(
    caller: ApiCaller,
    events: EventSource,
    db: &State<Db>,
    id: CompanyId,
    if_match: IfMatch,
    body: Json<Map<String, Value>>,
) -> Result<Tagged<CompanyOut>, Problem> {
    allow(&caller, &events, Role::edits)?;
    let version = if_match.version()?;
    let saved = save(db, &caller, Target::Existing(id), &body, Some(version)).await?;
    let version = saved.version;
    Ok(Tagged::new(saved.into(), version))
}

async fn save(
    db: &Db,
    caller: &ApiCaller,
    target: Target<(), CompanyId>,
    body: &Map<String, Value>,
    version: Option<i32>,
) -> Result<Company, Problem> {
    let fields = body::fields(body)?;
    let version = version.map(|v| v.to_string());
    let form = body::parsed::<CompanyInput>(&fields, version.as_deref())?;
    super::submitted(save::submit_as::<Company>(db, caller.actor(), API_LANG, target, form).await?)
}
