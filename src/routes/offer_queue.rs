//! The approval queue: offers outside their band that wait for a decision, for those who make
//! it (compensation staff and admins).

use rocket::request::FlashMessage;
use rocket::response::content::RawHtml;
use rocket::{Route, State, get, routes};

use crate::auth::BandManager;
use crate::config::ReportingCurrency;
use crate::db::Db;
use crate::error::AppError;
use crate::models::offer::Offers;
use crate::models::offer_queue::PendingOffer;
use crate::models::pay_decision::kept_from_deciding;
use crate::offers::review;
use crate::views::offer_queue::{OfferQueuePage, QueueRow};
use crate::views::offers::OfferView;
use crate::views::{Layout, render};

/// The most offers the queue shows; the offers report, filtered to pending, has them all.
const SHOWN: i64 = 100;

pub fn routes() -> Vec<Route> {
    routes![queue]
}

#[get("/approvals")]
async fn queue(
    user: BandManager,
    db: &State<Db>,
    reporting: &State<ReportingCurrency>,
    flash: Option<FlashMessage<'_>>,
) -> Result<RawHtml<String>, AppError> {
    let reporting = reporting.0.clone();
    let asker = user.actor().to_owned();
    let locale = user.locale;
    let (total, rows) = db
        .run(move |c| {
            let waiting = PendingOffer::oldest(c, SHOWN)?;
            let ids = waiting.iter().map(|p| p.id).collect();
            let mut reviews = review(c, &reporting, &Offers::Ids(ids))?;
            // In the queue's order, oldest first; the review reads them newest first.
            let mut rows = waiting
                .iter()
                .filter_map(|pending| {
                    let at = reviews.iter().position(|r| r.offer.id == pending.id)?;
                    Some(QueueRow::new(
                        OfferView::new(reviews.swap_remove(at), locale),
                        pending,
                        locale,
                    ))
                })
                .collect::<Vec<_>>();
            // The four-eyes rule, as the approval page applies it: whoever made or last
            // edited an offer, or set its figures, is told so here rather than after a click.
            for row in &mut rows {
                row.yours = kept_from_deciding(c, row.offer.id)?.contains(&asker);
            }
            // A short queue is its own count; a full one may have more behind it.
            let shown = i64::try_from(rows.len()).unwrap_or(i64::MAX);
            let total = if shown < SHOWN {
                shown
            } else {
                PendingOffer::count(c)?
            };
            Ok((total, rows))
        })
        .await?;
    render(&OfferQueuePage {
        layout: Layout::new("approvals", flash, &user),
        total,
        rows,
    })
}
