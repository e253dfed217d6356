//! /api/v1/webhooks: webhook endpoints for admin tokens only, read, registered, changed,
//! deleted and their secrets rotated through the /webhooks pages' own path (`webhook_save`).
//! The secret is in the answer that makes it, never after. Their logs: `webhook_deliveries`.

use rocket::http::Status;
use rocket::serde::json::Json;
use rocket::{State, delete, get, post, put};
use serde_json::{Map, Value};

use super::allow;
use super::webhook_outputs::{
    RotatedSecretOut, WebhookBody, WebhookCreatedOut, WebhookOut, WebhookPage,
};
use crate::api::body;
use crate::api::cursor;
use crate::api::etag::{IfMatch, Tagged};
use crate::api::problem::Problem;
use crate::auth::bearer::ApiCaller;
use crate::auth::events::EventSource;
use crate::db::Db;
use crate::domain::{Role, WebhookEvent};
use crate::input::FieldErrors;
use crate::models::webhook_endpoint::WebhookEndpoint;
use crate::routes::webhook_save::{self, EndpointForm, Saved};

/// Webhooks are an admin's, as their pages are.
pub(super) fn admin(role: Role) -> bool {
    role == Role::Admin
}

#[utoipa::path(
    get, path = "/api/v1/webhooks", tag = "webhooks",
    params(
        ("cursor" = Option<String>, Query, description = "next_cursor of the page before"),
        ("limit" = Option<i64>, Query, description = "1 to 200, 50 unless given", minimum = 1, maximum = 200),
    ),
    responses(
        (status = 200, body = WebhookPage),
        (status = 401, body = Problem, content_type = "application/problem+json"),
        (status = 403, body = Problem, content_type = "application/problem+json"),
        (status = 422, body = Problem, content_type = "application/problem+json"),
    ),
)]
#[get("/v1/webhooks?<cursor>&<limit>")]
pub async fn index(
    caller: ApiCaller,
    events: EventSource,
    db: &State<Db>,
    cursor: Option<String>,
    limit: Option<i64>,
) -> Result<Json<WebhookPage>, Problem> {
    allow(&caller, &events, admin)?;
    let after = cursor::parse(cursor.as_deref())?;
    let limit = cursor::limit(limit)?;
    let rows = db
        .run(move |c| Ok(WebhookEndpoint::page_after(c, after, limit + 1)?))
        .await?;
    let (rows, next_cursor) = cursor::page(rows, limit, |e| e.id);
    Ok(Json(WebhookPage {
        items: rows.into_iter().map(WebhookOut::from).collect(),
        next_cursor,
    }))
}

#[utoipa::path(
    get, path = "/api/v1/webhooks/{id}", tag = "webhooks",
    params(("id" = i64, Path)),
    responses(
        (status = 200, body = WebhookOut, headers(("ETag" = String))),
        (status = 401, body = Problem, content_type = "application/problem+json"),
        (status = 403, body = Problem, content_type = "application/problem+json"),
        (status = 404, body = Problem, content_type = "application/problem+json"),
    ),
)]
#[get("/v1/webhooks/<id>")]
pub async fn show(
    caller: ApiCaller,
    events: EventSource,
    db: &State<Db>,
    id: i64,
) -> Result<Tagged<WebhookOut>, Problem> {
    allow(&caller, &events, admin)?;
    let endpoint = db.run(move |c| Ok(WebhookEndpoint::find(c, id)?)).await?;
    let version = endpoint.version;
    Ok(Tagged::new(endpoint.into(), version))
}

/// Registers an endpoint; the answer holds its signing secret, this once.
#[utoipa::path(
    post, path = "/api/v1/webhooks", tag = "webhooks",
    request_body = WebhookBody,
    responses(
        (status = 201, body = WebhookCreatedOut, headers(("ETag" = String), ("Location" = String))),
        (status = 400, body = Problem, content_type = "application/problem+json"),
        (status = 401, body = Problem, content_type = "application/problem+json"),
        (status = 403, body = Problem, content_type = "application/problem+json"),
        (status = 422, body = Problem, content_type = "application/problem+json"),
    ),
)]
#[post("/v1/webhooks", data = "<body>")]
pub async fn create(
    caller: ApiCaller,
    events: EventSource,
    db: &State<Db>,
    body: Json<Map<String, Value>>,
) -> Result<Tagged<WebhookCreatedOut>, Problem> {
    allow(&caller, &events, admin)?;
    let fields = endpoint_fields(&body, true)?;
    let form = body::parsed::<EndpointForm>(&fields, None)?;
    let saved = webhook_save::create(db, caller.actor(), form)
        .await?
        .map_err(|state| Problem::invalid(state.field_errors()))?;
    let (location, version) = (format!("/api/v1/webhooks/{}", saved.id), saved.version);
    Ok(Tagged::created(saved.into(), version, location))
}

/// Replaces the endpoint's fields (its secret stays; see rotate-secret).
#[utoipa::path(
    put, path = "/api/v1/webhooks/{id}", tag = "webhooks",
    params(("id" = i64, Path), ("If-Match" = String, Header, description = "the ETag read")),
    request_body = WebhookBody,
    responses(
        (status = 200, body = WebhookOut, headers(("ETag" = String))),
        (status = 400, body = Problem, content_type = "application/problem+json"),
        (status = 401, body = Problem, content_type = "application/problem+json"),
        (status = 403, body = Problem, content_type = "application/problem+json"),
        (status = 404, body = Problem, content_type = "application/problem+json"),
        (status = 412, body = Problem, content_type = "application/problem+json"),
        (status = 422, body = Problem, content_type = "application/problem+json"),
        (status = 428, body = Problem, content_type = "application/problem+json"),
    ),
)]
#[put("/v1/webhooks/<id>", data = "<body>")]
pub async fn update(
    caller: ApiCaller,
    events: EventSource,
    db: &State<Db>,
    id: i64,
    if_match: IfMatch,
    body: Json<Map<String, Value>>,
) -> Result<Tagged<WebhookOut>, Problem> {
    allow(&caller, &events, admin)?;
    let version = if_match.version()?;
    let fields = endpoint_fields(&body, false)?;
    let form = body::parsed::<EndpointForm>(&fields, None)?;
    match webhook_save::update(db, caller.actor(), id, form, Some(version)).await? {
        Saved::Saved(saved) => {
            let version = saved.version;
            Ok(Tagged::new(saved.into(), version))
        }
        Saved::Invalid(state) => Err(Problem::invalid(state.field_errors())),
        Saved::Stale => Err(Problem::precondition(Status::PreconditionFailed)),
    }
}

/// Deletes the endpoint with its delivery log.
#[utoipa::path(
    delete, path = "/api/v1/webhooks/{id}", tag = "webhooks",
    params(("id" = i64, Path), ("If-Match" = String, Header, description = "the ETag read")),
    responses(
        (status = 204, description = "Deleted"),
        (status = 401, body = Problem, content_type = "application/problem+json"),
        (status = 403, body = Problem, content_type = "application/problem+json"),
        (status = 404, body = Problem, content_type = "application/problem+json"),
        (status = 412, body = Problem, content_type = "application/problem+json"),
        (status = 422, body = Problem, content_type = "application/problem+json"),
        (status = 428, body = Problem, content_type = "application/problem+json"),
    ),
)]
#[delete("/v1/webhooks/<id>")]
pub async fn remove(
    caller: ApiCaller,
    events: EventSource,
    db: &State<Db>,
    id: i64,
    if_match: IfMatch,
) -> Result<Status, Problem> {
    allow(&caller, &events, admin)?;
    let version = if_match.version()?;
    match webhook_save::delete(db, caller.actor(), id, Some(version)).await? {
        Saved::Saved(()) => Ok(Status::NoContent),
        Saved::Invalid(_) | Saved::Stale => Err(Problem::precondition(Status::PreconditionFailed)),
    }
}

/// Gives the endpoint a new signing secret, shown in this answer only. For 24 hours
/// deliveries carry a signature with the old secret too, so receivers switch without losing
/// any. The endpoint's version (its ETag) changes.
#[utoipa::path(
    post, path = "/api/v1/webhooks/{id}/rotate-secret", tag = "webhooks",
    params(("id" = i64, Path)),
    responses(
        (status = 200, body = RotatedSecretOut, headers(("ETag" = String))),
        (status = 401, body = Problem, content_type = "application/problem+json"),
        (status = 403, body = Problem, content_type = "application/problem+json"),
        (status = 404, body = Problem, content_type = "application/problem+json"),
        (status = 422, body = Problem, content_type = "application/problem+json"),
    ),
)]
#[post("/v1/webhooks/<id>/rotate-secret")]
pub async fn rotate_secret(
    caller: ApiCaller,
    events: EventSource,
    db: &State<Db>,
    id: i64,
) -> Result<Tagged<RotatedSecretOut>, Problem> {
    allow(&caller, &events, admin)?;
    let rotated = webhook_save::rotate_secret(db, caller.actor(), id).await?;
    let version = rotated.version;
    Ok(Tagged::new(rotated.into(), version))
}

/// The body as the form's fields: `events` as the form's checkboxes, the rest as
/// `api::body` reads any body. A new endpoint is active unless the body says otherwise, as
/// the form starts ticked.
fn endpoint_fields(
    body: &Map<String, Value>,
    creating: bool,
) -> Result<Vec<(String, String)>, Problem> {
    let mut rest = body.clone();
    let listed = rest.remove("events");
    let mut fields = body::fields(&rest)?;
    let mut errors = FieldErrors::default();
    let items = match listed {
        None | Some(Value::Null) => Vec::new(),
        Some(Value::Array(items)) => items,
        Some(_) => {
            errors.add("events", "Send the events as a list of their types.");
            Vec::new()
        }
    };
    for item in items {
        match item.as_str().and_then(WebhookEvent::parse) {
            Some(event) => fields.push((event.field(), "yes".to_owned())),
            None => errors.add("events", format!("{item} is not an event this app sends.")),
        }
    }
    if !errors.is_empty() {
        return Err(Problem::invalid(&errors));
    }
    if creating && !rest.contains_key("active") {
        fields.push(("active".to_owned(), "yes".to_owned()));
    }
    Ok(fields)
}
