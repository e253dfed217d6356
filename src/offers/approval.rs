//! Whether an offer needs a decision, and which decision counts: the latest one, while the
//! figures it was made on are still the offer's.

use diesel::PgConnection;
use diesel::QueryResult;

use super::check::{self, BandCheck};
use crate::domain::{ApprovalStatus, Decision};
use crate::models::PayBand;
use crate::models::offer::{OfferFacts, Offers};
use crate::models::pay_decision::{DecisionBy, PayDecision};

/// An offer with its check against its band, where it stands, and every decision on it.
#[derive(Debug, Clone)]
pub struct OfferReview {
    pub offer: OfferFacts,
    pub check: BandCheck,
    pub status: ApprovalStatus,
    /// What a decision now would be made on.
    pub figures: Option<serde_json::Value>,
    /// Every decision, newest first; the first counts while `status` is approved or rejected.
    pub decisions: Vec<DecisionBy>,
}

impl OfferReview {
    /// The decision that sets the status, if any.
    pub fn counting(&self) -> Option<&DecisionBy> {
        matches!(
            self.status,
            ApprovalStatus::Approved | ApprovalStatus::Rejected
        )
        .then(|| self.decisions.first())
        .flatten()
    }

    /// A decision can be made (or made again) on an offer outside its band.
    pub fn decidable(&self) -> bool {
        matches!(
            self.status,
            ApprovalStatus::Pending | ApprovalStatus::Approved | ApprovalStatus::Rejected
        )
    }
}

/// The offers asked for, each checked against the band in force on its day.
pub fn review(
    conn: &mut PgConnection,
    reporting: &str,
    which: &Offers,
) -> QueryResult<Vec<OfferReview>> {
    let offers = OfferFacts::load(conn, reporting, which)?;
    let ids: Vec<_> = offers.iter().map(|(o, _)| o.id).collect();
    let mut decisions = PayDecision::of_offers(conn, &ids)?;
    Ok(offers
        .into_iter()
        .map(|(offer, band)| {
            let figures = band.as_ref().map(|band| figures(&offer, band));
            let check = check::check(&offer, band, reporting);
            let (mine, others) = decisions
                .drain(..)
                .partition(|(d, _)| d.pay_report_id == offer.id);
            decisions = others;
            let status = status(&check, figures.as_ref(), &mine);
            OfferReview {
                offer,
                check,
                status,
                figures,
                decisions: mine,
            }
        })
        .collect())
}

fn status(
    check: &BandCheck,
    figures: Option<&serde_json::Value>,
    decisions: &[DecisionBy],
) -> ApprovalStatus {
    let outside = match check {
        Ok(checked) => checked.outside(),
        Err(_) => None,
    };
    match outside {
        None => ApprovalStatus::Unchecked,
        Some(false) => ApprovalStatus::NotNeeded,
        Some(true) => match decisions.first() {
            Some((latest, _)) if Some(&latest.figures) == figures => match latest.decision {
                Decision::Approved => ApprovalStatus::Approved,
                Decision::Rejected => ApprovalStatus::Rejected,
            },
            _ => ApprovalStatus::Pending,
        },
    }
}

/// What a decision is made on: the offer's amounts, base, currency and day, its person's
/// family, level and zone, and the band version with its ranges. A change to any of them
/// after a decision asks for a new one.
pub fn figures(offer: &OfferFacts, band: &PayBand) -> serde_json::Value {
    let money = |m: &Option<bigdecimal::BigDecimal>| m.as_ref().map(|m| m.to_plain_string());
    let f = &band.fields;
    serde_json::json!({
        "currency": offer.currency,
        "amount_low": offer.amount_low.to_plain_string(),
        "amount_high": offer.amount_high.to_plain_string(),
        "period_years": offer.period_years,
        "base": money(&offer.base),
        "as_of": offer.as_of.to_string(),
        "job_family": offer.job_family,
        "level": offer.level,
        "zone": offer.zone,
        "band_id": band.id.get(),
        "band_currency": f.currency,
        "band_base": [f.base_min.to_plain_string(), f.base_mid.to_plain_string(), f.base_max.to_plain_string()],
        "band_total": [money(&f.total_min), money(&f.total_mid), money(&f.total_max)],
        "band_effective_on": f.effective_on.to_string(),
    })
}
