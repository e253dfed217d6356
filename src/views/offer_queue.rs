//! The approval queue: the offers waiting for a decision, oldest first.

use askama::Template;

use super::Layout;
use super::offers::OfferView;
use crate::i18n::Locale;
use crate::models::offer_queue::PendingOffer;

#[derive(Template)]
#[template(path = "offers/queue.html")]
pub struct OfferQueuePage {
    pub layout: Layout,
    /// Every waiting offer, also those beyond the rows shown.
    pub total: i64,
    pub rows: Vec<QueueRow>,
}

impl OfferQueuePage {
    /// Waiting offers the page leaves out (the offers report lists them all).
    pub fn not_shown(&self) -> i64 {
        self.total - i64::try_from(self.rows.len()).unwrap_or(i64::MAX)
    }
}

/// One waiting offer: whose, against which band, where in it, and who made it when.
pub struct QueueRow {
    pub offer: OfferView,
    pub made_by: String,
    pub made_at: String,
    /// The user looking made, last edited or set the figures of this offer: someone else
    /// decides.
    pub yours: bool,
}

impl QueueRow {
    pub fn new(offer: OfferView, pending: &PendingOffer, locale: Locale) -> Self {
        QueueRow {
            offer,
            made_by: pending
                .made_by
                .clone()
                .unwrap_or_else(|| locale.t("approval-not-on-record")),
            made_at: locale.timestamp(pending.made_at),
            yours: false,
        }
    }
}
