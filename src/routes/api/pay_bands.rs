//! /api/v1/pay-bands: band versions for the roles that see pay (as the pay bands pages), made
//! and changed by those who manage bands, through the band form's save.

use super::API_LANG;
use rocket::serde::json::Json;
use rocket::{State, get, post, put};
use serde_json::{Map, Value};

use super::allow;
use super::bodies::PayBandBody;
use super::outputs::{PayBandOut, PayBandPage};
use crate::api::body;
use crate::api::cursor;
use crate::api::etag::{IfMatch, Tagged};
use crate::api::problem::Problem;
use crate::auth::bearer::ApiCaller;
use crate::auth::events::EventSource;
use crate::db::Db;
use crate::domain::{PayBandId, Role};
use crate::input::{PayBandInput, Target};
use crate::models::PayBand;
use crate::routes::save;

#[utoipa::path(
    get, path = "/api/v1/pay-bands", tag = "pay bands",
    params(
        ("cursor" = Option<String>, Query, description = "next_cursor of the page before"),
        ("limit" = Option<i64>, Query, description = "1 to 200, 50 unless given", minimum = 1, maximum = 200),
    ),
    responses(
        (status = 200, body = PayBandPage),
        (status = 401, body = Problem, content_type = "application/problem+json"),
        (status = 403, body = Problem, content_type = "application/problem+json"),
        (status = 422, body = Problem, content_type = "application/problem+json"),
    ),
)]
#[get("/v1/pay-bands?<cursor>&<limit>")]
pub async fn index(
    caller: ApiCaller,
    events: EventSource,
    db: &State<Db>,
    cursor: Option<String>,
    limit: Option<i64>,
) -> Result<Json<PayBandPage>, Problem> {
    allow(&caller, &events, Role::sees_pay)?;
    let after = cursor::parse(cursor.as_deref())?.map(PayBandId);
    let limit = cursor::limit(limit)?;
    let rows = db
        .run(move |c| Ok(PayBand::page_after(c, after, limit + 1)?))
        .await?;
    let (rows, next_cursor) = cursor::page(rows, limit, |b| b.id.get());
    Ok(Json(PayBandPage {
        items: rows.into_iter().map(PayBandOut::from).collect(),
        next_cursor,
    }))
}

#[utoipa::path(
    get, path = "/api/v1/pay-bands/{id}", tag = "pay bands",
    params(("id" = i64, Path)),
    responses(
        (status = 200, body = PayBandOut, headers(("ETag" = String))),
        (status = 401, body = Problem, content_type = "application/problem+json"),
        (status = 403, body = Problem, content_type = "application/problem+json"),
        (status = 404, body = Problem, content_type = "application/problem+json"),
    ),
)]
#[get("/v1/pay-bands/<id>")]
pub async fn show(
    caller: ApiCaller,
    events: EventSource,
    db: &State<Db>,
    id: PayBandId,
) -> Result<Tagged<PayBandOut>, Problem> {
    allow(&caller, &events, Role::sees_pay)?;
    let band = db.run(move |c| Ok(PayBand::find(c, id)?)).await?;
    let version = band.version;
    Ok(Tagged::new(band.into(), version))
}

#[utoipa::path(
    post, path = "/api/v1/pay-bands", tag = "pay bands",
    request_body = PayBandBody,
    responses(
        (status = 201, body = PayBandOut, headers(("ETag" = String), ("Location" = String))),
        (status = 400, body = Problem, content_type = "application/problem+json"),
        (status = 401, body = Problem, content_type = "application/problem+json"),
        (status = 403, body = Problem, content_type = "application/problem+json"),
        (status = 409, body = Problem, content_type = "application/problem+json"),
        (status = 422, body = Problem, content_type = "application/problem+json"),
    ),
)]
#[post("/v1/pay-bands", data = "<body>")]
pub async fn create(
    caller: ApiCaller,
    events: EventSource,
    db: &State<Db>,
    body: Json<Map<String, Value>>,
) -> Result<Tagged<PayBandOut>, Problem> {
    allow(&caller, &events, Role::manages_bands)?;
    let saved = save(db, &caller, Target::New(()), &body, None).await?;
    let (location, version) = (format!("/api/v1/pay-bands/{}", saved.id), saved.version);
    Ok(Tagged::created(saved.into(), version, location))
}

/// Replaces the band version's fields (every field: one left out is emptied, as in the form).
#[utoipa::path(
    put, path = "/api/v1/pay-bands/{id}", tag = "pay bands",
    params(("id" = i64, Path), ("If-Match" = String, Header, description = "the ETag read")),
    request_body = PayBandBody,
    responses(
        (status = 200, body = PayBandOut, headers(("ETag" = String))),
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
#[put("/v1/pay-bands/<id>", data = "<body>")]
pub async fn update(
    caller: ApiCaller,
    events: EventSource,
    db: &State<Db>,
    id: PayBandId,
    if_match: IfMatch,
    body: Json<Map<String, Value>>,
) -> Result<Tagged<PayBandOut>, Problem> {
    allow(&caller, &events, Role::manages_bands)?;
    let version = if_match.version()?;
    let saved = save(db, &caller, Target::Existing(id), &body, Some(version)).await?;
    let version = saved.version;
    Ok(Tagged::new(saved.into(), version))
}

async fn save(
    db: &Db,
    caller: &ApiCaller,
    target: Target<(), PayBandId>,
    body: &Map<String, Value>,
    version: Option<i32>,
) -> Result<PayBand, Problem> {
    let fields = body::fields(body)?;
    let version = version.map(|v| v.to_string());
    let form = body::parsed::<PayBandInput>(&fields, version.as_deref())?;
    super::submitted(save::submit_as::<PayBand>(db, caller.actor(), API_LANG, target, form).await?)
}
