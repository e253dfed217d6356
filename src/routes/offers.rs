//! An offer's page against its band, and the decisions on offers outside their band.

use crate::i18n::input::LocalForm;
use diesel::{Connection, PgConnection};
use rocket::form::Contextual;
use rocket::request::FlashMessage;
use rocket::response::content::RawHtml;
use rocket::{FromForm, FromFormField, Route, State, get, post, routes};

use super::FormResponse;
use crate::auth::{BandManager, CurrentUser, PayReader};
use crate::config::ReportingCurrency;
use crate::db::Db;
use crate::domain::{Decision, PayReportId, Text};
use crate::error::AppError;
use crate::i18n::Locale;
use crate::models::offer::Offers;
use crate::models::outbox::Outbox;
use crate::models::pay_decision::{NewPayDecision, PayDecision, kept_from_deciding};
use crate::offers::{OfferReview, review};
use crate::views::offers::{OfferApprovalPage, OfferView, with_markets};
use crate::views::{FormState, Layout, render};

pub fn routes() -> Vec<Route> {
    routes![show, decide]
}

#[derive(Debug, Clone, Copy, FromFormField)]
enum DecisionWord {
    #[field(value = "approve")]
    Approve,
    #[field(value = "reject")]
    Reject,
}

#[derive(Debug, FromForm)]
struct DecisionForm {
    decision: DecisionWord,
    reason: Text<2000>,
}

/// Why `user` may not decide on the offer, if they may not: who created it, last edited it
/// or set its figures never decides on it (`kept_from_deciding`).
fn not_theirs(
    conn: &mut PgConnection,
    user: &CurrentUser,
    offer: PayReportId,
) -> Result<Option<String>, AppError> {
    let kept = kept_from_deciding(conn, offer)?;
    Ok(kept
        .iter()
        .any(|a| a == user.actor())
        .then(|| user.locale.t("approval-not-yours")))
}

fn one_offer(
    conn: &mut PgConnection,
    reporting: &str,
    id: PayReportId,
) -> Result<OfferReview, AppError> {
    review(conn, reporting, &Offers::Ids(vec![id]))?
        .into_iter()
        .next()
        .ok_or(AppError::NotFound)
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
            let offer = one_offer(c, &reporting, id)?;
            let decidable = offer.decidable();
            let view = with_markets(c, &reporting, vec![offer], locale)?.pop();
            let view = view.ok_or(AppError::NotFound)?;
            Ok((view, decidable, not_theirs(c, &asker, id)?))
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
    let decider = user.0.clone();
    let locale = user.locale;
    let outcome = db
        .run_as(user.actor(), move |c| {
            let offer = one_offer(c, &reporting, id)?;
            if let Some(why) = not_theirs(c, &decider, id)? {
                return Err(AppError::NotAllowed(why));
            }
            let (Some(figures), Ok(checked)) = (&offer.figures, &offer.check) else {
                return Err(needs_none(locale));
            };
            if !offer.decidable() {
                return Err(needs_none(locale));
            }
            let Some(parsed) = parsed else {
                return Ok(Err((offer, state)));
            };
            let decision = match parsed.decision {
                DecisionWord::Approve => Decision::Approved,
                DecisionWord::Reject => Decision::Rejected,
            };
            // The figures stored are those just checked: an edit landing meanwhile makes the
            // offer pending again rather than slip under this decision.
            c.transaction(|c| -> Result<(), AppError> {
                let decided = PayDecision::insert(
                    c,
                    &NewPayDecision {
                        pay_report_id: id,
                        pay_band_id: checked.band.id,
                        decided_by: Some(decider.user.id),
                        decision,
                        reason: parsed.reason.as_str(),
                        figures,
                        is_demo: false,
                    },
                )?;
                // Whoever made or last edited the offer hears of it once this commits.
                let makers = kept_from_deciding(c, id)?;
                Outbox::offer_decided(c, id, decided.id, &makers)?;
                Ok(())
            })?;
            Ok(Ok((offer.offer.full_name, decision)))
        })
        .await?;
    match outcome {
        Ok((name, decision)) => Ok(FormResponse::saved(
            format!("/pay-reports/{id}/approval"),
            match decision {
                Decision::Approved => locale.t1("approval-approved-flash", "name", name),
                Decision::Rejected => locale.t1("approval-rejected-flash", "name", name),
            },
        )),
        Err((offer, state)) => Ok(FormResponse::Invalid(render(&OfferApprovalPage {
            layout: Layout::new("people", None, &user),
            may_decide: true,
            not_yours: None,
            offer: OfferView::new(offer, locale),
            form: state,
        })?)),
    }
}

fn needs_none(locale: Locale) -> AppError {
    AppError::Unprocessable(locale.t("approval-needs-none"))
}
