//! An offer's page against its band, and the decisions on offers outside their band (made by
//! `offer_decision`, which the API shares).

use crate::i18n::input::LocalForm;
use rocket::form::Contextual;
use rocket::request::FlashMessage;
use rocket::response::content::RawHtml;
use rocket::{Route, State, get, post, routes};

use super::FormResponse;
use super::offer_decision::{self, DecisionForm};
use crate::auth::{BandManager, PayReader};
use crate::config::ReportingCurrency;
use crate::db::Db;
use crate::domain::{Decision, PayReportId};
use crate::error::AppError;
use crate::i18n::input::reading;
use crate::views::offers::{OfferApprovalPage, OfferView, with_markets};
use crate::views::{FormState, Layout, render};

pub fn routes() -> Vec<Route> {
    routes![show, decide]
}

#[get("/pay-reports/<id>/approval")]
async fn show(
    user: PayReader,
    db: &State<Db>,
    reporting: &State<ReportingCurrency>,
    flash: Option<FlashMessage<'_>>,
    id: PayReportId,
) -> Result<RawHtml<String>, AppError> {
    let reporting = reporting.0.clone();
    let asker = user.0.clone();
    let locale = user.locale;
    let (offer, decidable, not_yours) = db
        .run(move |c| {
            reading(locale.lang, || {
                let offer = offer_decision::one_offer(c, &reporting, id)?;
                let decidable = offer.decidable();
                let view = with_markets(c, &reporting, vec![offer], locale)?.pop();
                let view = view.ok_or(AppError::NotFound)?;
                Ok((
                    view,
                    decidable,
                    offer_decision::not_theirs(c, &asker.user, id)?,
                ))
            })
        })
        .await?;
    let manages = user.role().manages_bands() && decidable;
    render(&OfferApprovalPage {
        layout: Layout::new("people", flash, &user),
        may_decide: manages && not_yours.is_none(),
        not_yours: not_yours.filter(|_| manages),
        offer,
        form: FormState::default(),
    })
}

#[post("/pay-reports/<id>/approval", data = "<form>")]
async fn decide(
    user: BandManager,
    db: &State<Db>,
    reporting: &State<ReportingCurrency>,
    id: PayReportId,
    form: LocalForm<Contextual<'_, DecisionForm>>,
) -> Result<FormResponse, AppError> {
    let form = form.into_inner();
    let state = FormState::from_context(&form.context);
    let parsed = form.value;
    let reporting = reporting.0.clone();
    let decider = user.0.user.clone();
    let locale = user.locale;
    let outcome = db
        .run_as(user.actor(), move |c| {
            reading(locale.lang, || {
                offer_decision::decide(c, &reporting, &decider, id, parsed)
            })
        })
        .await?;
    match outcome {
        Ok(decided) => Ok(FormResponse::saved(
            format!("/pay-reports/{id}/approval"),
            match decided.decision {
                Decision::Approved => {
                    locale.t1("approval-approved-flash", "name", decided.full_name)
                }
                Decision::Rejected => {
                    locale.t1("approval-rejected-flash", "name", decided.full_name)
                }
            },
        )),
        Err(offer) => Ok(FormResponse::Invalid(render(&OfferApprovalPage {
            layout: Layout::new("people", None, &user),
            may_decide: true,
            not_yours: None,
            offer: OfferView::new(offer, locale),
            form: state,
        })?)),
    }
}
