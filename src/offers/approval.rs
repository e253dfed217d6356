//! Whether an offer needs a decision, and which decision counts: the latest one, while the
//! figures it was made on are still the offer's. Both are decided by `offer_review` in the
//! database (so the offers report can filter on them in SQL); this module reads them.

use std::collections::HashMap;

use diesel::PgConnection;
use diesel::QueryResult;

use super::check::{self, BandCheck};
use crate::domain::{ApprovalStatus, PayReportId};
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
    // Grouped once: a scan of every decision per offer is quadratic at report sizes.
    let mut decisions: HashMap<PayReportId, Vec<DecisionBy>> = HashMap::new();
    for decision in PayDecision::of_offers(conn, &ids)? {
        decisions
            .entry(decision.0.pay_report_id)
            .or_default()
            .push(decision);
    }
    Ok(offers
        .into_iter()
        .map(|(mut offer, band)| {
            let figures = offer.figures.take();
            // An unknown word would be a migration out of step with this code.
            let status = ApprovalStatus::parse(&offer.status).unwrap_or(ApprovalStatus::Unchecked);
            let check = check::check(&offer, band, reporting);
            let mine = decisions.remove(&offer.id).unwrap_or_default();
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
