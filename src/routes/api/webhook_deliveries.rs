//! /api/v1/webhooks/{id}/deliveries: an endpoint's delivery log, read-only, for admin tokens
//! (as the endpoint's page shows it, oldest first and by cursor here).

use rocket::serde::json::Json;
use rocket::{State, get};

use super::allow;
use super::webhook_outputs::{DeliveryOut, DeliveryPage};
use super::webhooks::admin;
use crate::api::cursor;
use crate::api::problem::Problem;
use crate::auth::bearer::ApiCaller;
use crate::auth::events::EventSource;
use crate::db::Db;
use crate::models::webhook_delivery::WebhookDelivery;
use crate::models::webhook_endpoint::WebhookEndpoint;

#[utoipa::path(
    get, path = "/api/v1/webhooks/{id}/deliveries", tag = "webhooks",
    params(
        ("id" = i64, Path),
        ("cursor" = Option<String>, Query, description = "next_cursor of the page before"),
        ("limit" = Option<i64>, Query, description = "1 to 200, 50 unless given", minimum = 1, maximum = 200),
    ),
    responses(
        (status = 200, body = DeliveryPage),
        (status = 401, body = Problem, content_type = "application/problem+json"),
        (status = 403, body = Problem, content_type = "application/problem+json"),
        (status = 404, body = Problem, content_type = "application/problem+json"),
        (status = 422, body = Problem, content_type = "application/problem+json"),
    ),
)]
#[get("/v1/webhooks/<id>/deliveries?<cursor>&<limit>")]
pub async fn deliveries(
    caller: ApiCaller,
    events: EventSource,
    db: &State<Db>,
    id: i64,
    cursor: Option<String>,
    limit: Option<i64>,
) -> Result<Json<DeliveryPage>, Problem> {
    allow(&caller, &events, admin)?;
    let after = cursor::parse(cursor.as_deref())?;
    let limit = cursor::limit(limit)?;
    let rows = db
        .run(move |c| {
            WebhookEndpoint::find(c, id)?;
            Ok(WebhookDelivery::page_after(c, id, after, limit + 1)?)
        })
        .await?;
    let (rows, next_cursor) = cursor::page(rows, limit, |d| d.id);
    Ok(Json(DeliveryPage {
        items: rows.into_iter().map(DeliveryOut::from).collect(),
        next_cursor,
    }))
}
