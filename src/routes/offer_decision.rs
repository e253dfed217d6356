//! The one path that decides on an offer outside its band, for the approval page and the API
//! (`routes::api::offers`), which only translate: who may decide, on which offers, the
//! decision stored on the figures just checked, and who hears of it (mail and webhook, through
//! the outbox in the same transaction). The audit entry is the trigger's.

use diesel::{Connection, PgConnection};
use rocket::{FromForm, FromFormField};

use crate::domain::{Decision, PayReportId, Text};
use crate::error::AppError;
use crate::models::User;
use crate::models::offer::Offers;
use crate::models::outbox::Outbox;
use crate::models::pay_decision::{NewPayDecision, PayDecision, kept_from_deciding};
use crate::offers::{OfferReview, review};

#[derive(Debug, Clone, Copy, FromFormField)]
pub enum DecisionWord {
    #[field(value = "approve")]
    Approve,
    #[field(value = "reject")]
    Reject,
}

/// The approval form's fields; the API's body has the same.
#[derive(Debug, FromForm)]
pub struct DecisionForm {
    decision: DecisionWord,
    reason: Text<2000>,
}

/// A decision made: on whose offer, which.
pub struct Decided {
    pub full_name: String,
    pub decision: Decision,
}

/// Why `user` may not decide on the offer, if they may not: who created it, last edited it
/// or set its figures never decides on it (`kept_from_deciding`).
pub fn not_theirs(
    conn: &mut PgConnection,
    user: &User,
    offer: PayReportId,
) -> Result<Option<String>, AppError> {
    let kept = kept_from_deciding(conn, offer)?;
    Ok(kept
        .contains(&user.email)
        .then(|| crate::i18n::Msg::new("approval-not-yours").for_input()))
}

/// The offer `id` with its review, or 404.
pub fn one_offer(
    conn: &mut PgConnection,
    reporting: &str,
    id: PayReportId,
) -> Result<OfferReview, AppError> {
    review(conn, reporting, &Offers::Ids(vec![id]))?
        .into_iter()
        .next()
        .ok_or(AppError::NotFound)
}

/// Decides on the offer `id` as `decider` with what the form gave (`None`: it did not parse;
/// then the offer comes back, for the form to be shown again with its errors). Run it as the
/// decider (`Db::run_as`), so the audit names them.
pub fn decide(
    conn: &mut PgConnection,
    reporting: &str,
    decider: &User,
    id: PayReportId,
    form: Option<DecisionForm>,
) -> Result<Result<Decided, OfferReview>, AppError> {
    if !decider.role.manages_bands() {
        return Err(AppError::Forbidden);
    }
    let offer = one_offer(conn, reporting, id)?;
    if let Some(why) = not_theirs(conn, decider, id)? {
        return Err(AppError::NotAllowed(why));
    }
    let (Some(figures), Ok(checked)) = (&offer.figures, &offer.check) else {
        return Err(needs_none());
    };
    if !offer.decidable() {
        return Err(needs_none());
    }
    let Some(form) = form else {
        return Ok(Err(offer));
    };
    let decision = match form.decision {
        DecisionWord::Approve => Decision::Approved,
        DecisionWord::Reject => Decision::Rejected,
    };
    // The figures stored are those just checked: an edit landing meanwhile makes the offer
    // pending again rather than slip under this decision.
    conn.transaction(|c| -> Result<(), AppError> {
        let decided = PayDecision::insert(
            c,
            &NewPayDecision {
                pay_report_id: id,
                pay_band_id: checked.band.id,
                decided_by: Some(decider.id),
                decision,
                reason: form.reason.as_str(),
                figures,
                is_demo: false,
            },
        )?;
        // Whoever made or last edited the offer hears of it once this commits.
        let makers = kept_from_deciding(c, id)?;
        Outbox::offer_decided(c, id, decided.id, &makers)?;
        Ok(())
    })?;
    Ok(Ok(Decided {
        full_name: offer.offer.full_name,
        decision,
    }))
}

fn needs_none() -> AppError {
    AppError::Unprocessable(crate::i18n::Msg::new("approval-needs-none").for_input())
}
