//! /api/v1/people: list, get with stage history, create, update through the person form's
//! save, and a stage move as the pipeline board makes it.

use super::API_LANG;
use rocket::http::Status;
use rocket::serde::json::Json;
use rocket::{State, get, post, put};
use serde_json::{Map, Value};

use super::bodies::{PersonBody, StageMoveBody};
use super::outputs::{PersonDetail, PersonOut, PersonPage};
use super::{allow, anyone};
use crate::api::body;
use crate::api::cursor;
use crate::api::etag::{IfMatch, Tagged};
use crate::api::problem::Problem;
use crate::auth::bearer::ApiCaller;
use crate::auth::events::EventSource;
use crate::db::Db;
use crate::domain::{PersonId, Role, Stage};
use crate::input::{PersonInput, risks};
use crate::models::{Company, Person, SaveOutcome, StageChange};
use crate::routes::save;

/// People in id order, a page at a time. No pay is part of a person: pay reports have their
/// own endpoint, for the roles that see pay.
#[utoipa::path(
    get, path = "/api/v1/people", tag = "people",
    params(
        ("cursor" = Option<String>, Query, description = "next_cursor of the page before"),
        ("limit" = Option<i64>, Query, description = "1 to 200, 50 unless given", minimum = 1, maximum = 200),
    ),
    responses(
        (status = 200, body = PersonPage),
        (status = 401, body = Problem, content_type = "application/problem+json"),
        (status = 422, body = Problem, content_type = "application/problem+json"),
    ),
)]
#[get("/v1/people?<cursor>&<limit>")]
pub async fn index(
    caller: ApiCaller,
    events: EventSource,
    db: &State<Db>,
    cursor: Option<String>,
    limit: Option<i64>,
) -> Result<Json<PersonPage>, Problem> {
    allow(&caller, &events, anyone)?;
    let after = cursor::parse(cursor.as_deref())?.map(PersonId);
    let limit = cursor::limit(limit)?;
    let rows = db
        .run(move |c| Ok(Person::page_after(c, after, limit + 1)?))
        .await?;
    let (rows, next_cursor) = cursor::page(rows, limit, |p| p.id.get());
    Ok(Json(PersonPage {
        items: rows.into_iter().map(PersonOut::from).collect(),
        next_cursor,
    }))
}

#[utoipa::path(
    get, path = "/api/v1/people/{id}", tag = "people",
    params(("id" = i64, Path)),
    responses(
        (status = 200, body = PersonDetail, headers(("ETag" = String))),
        (status = 401, body = Problem, content_type = "application/problem+json"),
        (status = 404, body = Problem, content_type = "application/problem+json"),
    ),
)]
#[get("/v1/people/<id>")]
pub async fn show(
    caller: ApiCaller,
    events: EventSource,
    db: &State<Db>,
    id: PersonId,
) -> Result<Tagged<PersonDetail>, Problem> {
    allow(&caller, &events, anyone)?;
    let detail = db
        .run(move |c| {
            let person = Person::find(c, id)?;
            Ok(detail(c, person)?)
        })
        .await?;
    let version = detail.person.version;
    Ok(Tagged::new(detail, version))
}

fn detail(c: &mut diesel::PgConnection, person: Person) -> diesel::QueryResult<PersonDetail> {
    Ok(PersonDetail {
        origin_company: Company::name_of(c, person.fields.origin_company_id)?,
        hiring_company: Company::name_of(c, person.fields.hiring_company_id)?,
        stage_history: StageChange::for_person(c, person.id)?
            .into_iter()
            .map(Into::into)
            .collect(),
        person: person.into(),
    })
}

#[utoipa::path(
    post, path = "/api/v1/people", tag = "people",
    request_body = PersonBody,
    responses(
        (status = 201, body = PersonDetail, headers(("ETag" = String), ("Location" = String))),
        (status = 400, body = Problem, content_type = "application/problem+json"),
        (status = 401, body = Problem, content_type = "application/problem+json"),
        (status = 403, body = Problem, content_type = "application/problem+json"),
        (status = 422, body = Problem, content_type = "application/problem+json"),
    ),
)]
#[post("/v1/people", data = "<body>")]
pub async fn create(
    caller: ApiCaller,
    events: EventSource,
    db: &State<Db>,
    body: Json<Map<String, Value>>,
) -> Result<Tagged<PersonDetail>, Problem> {
    allow(&caller, &events, Role::edits)?;
    let saved = save(db, &caller, None, &body, None).await?;
    let location = format!("/api/v1/people/{}", saved.person.id);
    let version = saved.person.version;
    Ok(Tagged::created(saved, version, location))
}

/// Replaces the person's fields (every field: one left out is emptied, as in the form).
#[utoipa::path(
    put, path = "/api/v1/people/{id}", tag = "people",
    params(("id" = i64, Path), ("If-Match" = String, Header, description = "the ETag read")),
    request_body = PersonBody,
    responses(
        (status = 200, body = PersonDetail, headers(("ETag" = String))),
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
#[put("/v1/people/<id>", data = "<body>")]
pub async fn update(
    caller: ApiCaller,
    events: EventSource,
    db: &State<Db>,
    id: PersonId,
    if_match: IfMatch,
    body: Json<Map<String, Value>>,
) -> Result<Tagged<PersonDetail>, Problem> {
    allow(&caller, &events, Role::edits)?;
    let version = if_match.version()?;
    let saved = save(db, &caller, Some(id), &body, Some(version)).await?;
    let version = saved.person.version;
    Ok(Tagged::new(saved, version))
}

async fn save(
    db: &Db,
    caller: &ApiCaller,
    id: Option<PersonId>,
    body: &Map<String, Value>,
    version: Option<i32>,
) -> Result<PersonDetail, Problem> {
    let fields = body::fields(body)?;
    let version = version.map(|v| v.to_string());
    let form = body::parsed::<PersonInput>(&fields, version.as_deref())?;
    let target = save::target(id);
    let person = super::submitted(
        save::submit_as::<Person>(db, caller.actor(), API_LANG, target, form).await?,
    )?;
    Ok(db.run(move |c| Ok(detail(c, person)?)).await?)
}

/// Moves a person to another stage, kept in their stage history as every move is.
#[utoipa::path(
    post, path = "/api/v1/people/{id}/stage", tag = "people",
    params(("id" = i64, Path), ("If-Match" = String, Header, description = "the ETag read")),
    request_body = StageMoveBody,
    responses(
        (status = 200, body = PersonDetail, headers(("ETag" = String))),
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
#[post("/v1/people/<id>/stage", data = "<body>")]
pub async fn move_stage(
    caller: ApiCaller,
    events: EventSource,
    db: &State<Db>,
    id: PersonId,
    if_match: IfMatch,
    body: Json<StageMoveBody>,
) -> Result<Tagged<PersonDetail>, Problem> {
    allow(&caller, &events, Role::edits)?;
    let version = if_match.version()?;
    let Some(stage) = Stage::parse(&body.stage) else {
        let mut errors = crate::input::FieldErrors::default();
        errors.add(
            "stage",
            format!("There is no stage called “{}”.", body.stage),
        );
        return Err(Problem::invalid(&errors));
    };
    let confirmed = body.confirmed;
    let moved = db
        .run_as(caller.actor(), move |c| {
            let person = Person::find(c, id)?;
            if person.version == version
                && !confirmed
                && !risks(person.fields.stage, stage).is_empty()
            {
                return Ok(Err(Problem::new(
                    Status::Conflict,
                    format!(
                        "Moving from {} to {} undoes a hire or an offer, or closes the person: \
                         send \"confirmed\": true to move anyway.",
                        person.fields.stage, stage
                    ),
                )));
            }
            Ok(match Person::move_over(c, id, version, stage)? {
                SaveOutcome::Saved(person) => Ok(detail(c, person)?),
                SaveOutcome::Stale(_) => Err(Problem::precondition(Status::PreconditionFailed)),
            })
        })
        .await??;
    let version = moved.person.version;
    Ok(Tagged::new(moved, version))
}
