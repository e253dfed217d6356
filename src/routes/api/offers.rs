//! /api/v1/offers/{id}: an offer (a pay report of kind "offered") against its band, where it
//! stands and every decision on it, as its approval page shows it to the roles that see pay;
//! and a decision on it, made by the approval page's own path (`offer_decision`).

use rocket::http::Status;
use rocket::{State, get, post};
use serde::Serialize;
use serde_json::{Map, Value};
use utoipa::ToSchema;

use super::allow;
use super::bodies::DecisionBody;
use crate::api::body;
use crate::api::problem::Problem;
use crate::auth::bearer::ApiCaller;
use crate::auth::events::EventSource;
use crate::config::ReportingCurrency;
use crate::db::Db;
use crate::domain::{PayReportId, Role};
use crate::models::offer::Offers;
use crate::offers::{OfferReview, Position, review};
use crate::routes::offer_decision::{self, DecisionForm};
use crate::views::FormState;
use rocket::serde::json::Json;

/// One annual figure against one range of the band, in the band's currency.
#[derive(Debug, Serialize, ToSchema)]
pub struct PositionOut {
    pub value: String,
    pub compa_ratio: String,
    /// Null where the range has no width.
    pub penetration: Option<String>,
    pub inside: bool,
}

impl From<&Position> for PositionOut {
    fn from(p: &Position) -> Self {
        PositionOut {
            value: p.value.to_plain_string(),
            compa_ratio: p.compa_ratio.to_plain_string(),
            penetration: p.penetration.as_ref().map(|v| v.to_plain_string()),
            inside: p.inside,
        }
    }
}

#[derive(Debug, Serialize, ToSchema)]
pub struct DecisionOut {
    /// approved or rejected.
    pub decision: String,
    pub reason: String,
    /// Who decided, as the approval page names them.
    pub decided_by: String,
    pub decided_at: chrono::DateTime<chrono::Utc>,
}

/// An offer checked against the band in force on its day.
#[derive(Debug, Serialize, ToSchema)]
pub struct OfferOut {
    pub pay_report_id: i64,
    pub person_id: i64,
    pub full_name: String,
    /// The offer's currency; its amounts are decimal strings in it.
    pub currency: String,
    pub amount_low: String,
    pub amount_high: String,
    pub base: Option<String>,
    pub as_of: chrono::NaiveDate,
    /// unchecked, inside, pending, approved or rejected.
    pub status: String,
    pub band_id: Option<i64>,
    /// The band's currency, which `base_check` and `total_check` are in.
    pub band_currency: Option<String>,
    pub base_check: Option<PositionOut>,
    pub total_check: Option<PositionOut>,
    /// Why the offer (or its base) could not be checked, if it could not.
    pub not_checked: Option<String>,
    /// Newest first; the first counts while the status is approved or rejected.
    pub decisions: Vec<DecisionOut>,
}

impl From<OfferReview> for OfferOut {
    fn from(r: OfferReview) -> Self {
        let o = &r.offer;
        let (band_id, band_currency, base_check, total_check, not_checked) = match &r.check {
            Ok(checked) => (
                Some(checked.band.id.get()),
                Some(checked.band.fields.currency.clone()),
                checked.base.as_ref().ok().map(PositionOut::from),
                checked.total.as_ref().map(PositionOut::from),
                checked.base.as_ref().err().map(ToString::to_string),
            ),
            Err(why) => (None, None, None, None, Some(why.to_string())),
        };
        OfferOut {
            pay_report_id: o.id.get(),
            person_id: o.person_id.get(),
            full_name: o.full_name.clone(),
            currency: o.currency.clone(),
            amount_low: o.amount_low.to_plain_string(),
            amount_high: o.amount_high.to_plain_string(),
            base: o.base.as_ref().map(|b| b.to_plain_string()),
            as_of: o.as_of,
            status: r.status.as_str().to_owned(),
            band_id,
            band_currency,
            base_check,
            total_check,
            not_checked,
            decisions: r
                .decisions
                .iter()
                .map(|(d, by)| DecisionOut {
                    decision: d.decision.as_str().to_owned(),
                    reason: d.reason.clone(),
                    decided_by: by.clone(),
                    decided_at: d.decided_at,
                })
                .collect(),
        }
    }
}

#[utoipa::path(
    get, path = "/api/v1/offers/{id}", tag = "offers",
    params(("id" = i64, Path, description = "the offer's pay report id")),
    responses(
        (status = 200, body = OfferOut),
        (status = 401, body = Problem, content_type = "application/problem+json"),
        (status = 403, body = Problem, content_type = "application/problem+json"),
        (status = 404, body = Problem, content_type = "application/problem+json"),
    ),
)]
#[get("/v1/offers/<id>")]
pub async fn show(
    caller: ApiCaller,
    events: EventSource,
    db: &State<Db>,
    reporting: &State<ReportingCurrency>,
    id: PayReportId,
) -> Result<Json<OfferOut>, Problem> {
    allow(&caller, &events, Role::sees_pay)?;
    let reporting = reporting.0.clone();
    let found = db
        .run(move |c| Ok(review(c, &reporting, &Offers::Ids(vec![id]))?))
        .await?;
    match found.into_iter().next() {
        Some(offer) => Ok(Json(offer.into())),
        None => Err(Problem::new(
            Status::NotFound,
            "There is no offer with that id (a pay report of kind \"offered\").",
        )),
    }
}

/// Approves or rejects an offer outside its band, as its approval page does: by those who
/// manage bands, never by whoever created or last edited it; mailed to them and sent to the
/// webhooks. The answer is the offer as it now stands.
#[utoipa::path(
    post, path = "/api/v1/offers/{id}/decision", tag = "offers",
    params(("id" = i64, Path, description = "the offer's pay report id")),
    request_body = DecisionBody,
    responses(
        (status = 200, body = OfferOut),
        (status = 400, body = Problem, content_type = "application/problem+json"),
        (status = 401, body = Problem, content_type = "application/problem+json"),
        (status = 403, body = Problem, content_type = "application/problem+json"),
        (status = 404, body = Problem, content_type = "application/problem+json"),
        (status = 422, body = Problem, content_type = "application/problem+json"),
    ),
)]
#[post("/v1/offers/<id>/decision", data = "<body>")]
pub async fn decide(
    caller: ApiCaller,
    events: EventSource,
    db: &State<Db>,
    reporting: &State<ReportingCurrency>,
    id: PayReportId,
    body: Json<Map<String, Value>>,
) -> Result<Json<OfferOut>, Problem> {
    allow(&caller, &events, Role::manages_bands)?;
    let fields = body::fields(&body)?;
    let form = body::parsed::<DecisionForm>(&fields, None)?;
    let state = FormState::from_context(&form.context);
    let parsed = form.value;
    let reporting = reporting.0.clone();
    let decider = caller.user.clone();
    let decided = db
        .run_as(caller.actor(), move |c| {
            match offer_decision::decide(c, &reporting, &decider, id, parsed)? {
                Ok(_) => Ok(Some(offer_decision::one_offer(c, &reporting, id)?)),
                Err(_) => Ok(None),
            }
        })
        .await?;
    match decided {
        Some(offer) => Ok(Json(offer.into())),
        None => Err(Problem::invalid(state.field_errors())),
    }
}
