//! /api/v1/exchange-rates: the rates to the reporting currency, read by anyone with a token,
//! as the exchange rates page is (they are no one's pay).

use rocket::serde::json::Json;
use rocket::{State, get};

use super::outputs::{ExchangeRateOut, ExchangeRatePage};
use super::{allow, anyone};
use crate::api::cursor;
use crate::api::problem::Problem;
use crate::auth::bearer::ApiCaller;
use crate::auth::events::EventSource;
use crate::db::Db;
use crate::models::ExchangeRate;

#[utoipa::path(
    get, path = "/api/v1/exchange-rates", tag = "exchange rates",
    params(
        ("cursor" = Option<String>, Query, description = "next_cursor of the page before"),
        ("limit" = Option<i64>, Query, description = "1 to 200, 50 unless given", minimum = 1, maximum = 200),
    ),
    responses(
        (status = 200, body = ExchangeRatePage),
        (status = 401, body = Problem, content_type = "application/problem+json"),
        (status = 422, body = Problem, content_type = "application/problem+json"),
    ),
)]
#[get("/v1/exchange-rates?<cursor>&<limit>")]
pub async fn index(
    caller: ApiCaller,
    events: EventSource,
    db: &State<Db>,
    cursor: Option<String>,
    limit: Option<i64>,
) -> Result<Json<ExchangeRatePage>, Problem> {
    allow(&caller, &events, anyone)?;
    let after = cursor::parse(cursor.as_deref())?;
    let limit = cursor::limit(limit)?;
    let rows = db
        .run(move |c| Ok(ExchangeRate::page_after(c, after, limit + 1)?))
        .await?;
    let (rows, next_cursor) = cursor::page(rows, limit, |r| r.id);
    Ok(Json(ExchangeRatePage {
        items: rows.into_iter().map(ExchangeRateOut::from).collect(),
        next_cursor,
    }))
}

#[utoipa::path(
    get, path = "/api/v1/exchange-rates/{id}", tag = "exchange rates",
    params(("id" = i64, Path)),
    responses(
        (status = 200, body = ExchangeRateOut),
        (status = 401, body = Problem, content_type = "application/problem+json"),
        (status = 404, body = Problem, content_type = "application/problem+json"),
    ),
)]
#[get("/v1/exchange-rates/<id>")]
pub async fn show(
    caller: ApiCaller,
    events: EventSource,
    db: &State<Db>,
    id: i64,
) -> Result<Json<ExchangeRateOut>, Problem> {
    allow(&caller, &events, anyone)?;
    let rate = db.run(move |c| Ok(ExchangeRate::find(c, id)?)).await?;
    Ok(Json(rate.into()))
}
