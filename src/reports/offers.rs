//! Offers against their bands: every offer with its band, compa-ratio, penetration and
//! approval, and a chart of each offer's compa-ratio against its band's range. The checks
//! are the offers module's, so the report and the offer pages cannot disagree.

use bigdecimal::{BigDecimal, ToPrimitive};
use diesel::prelude::*;

use super::{Cell, Chart, Column, Report, ReportTable};
use crate::charts;
use crate::error::AppError;
use crate::models::offer::Offers;
use crate::models::offer_list::{OfferFilter, OfferPage};
use crate::offers::{OfferReview, review};

/// The most offers the chart draws (those furthest above their midpoint); the table has all.
const CHARTED: i64 = 15;

/// Which rows the table holds: the first `ReportTable::SHOWN_ROWS` for the page, every one
/// for the CSV.
#[derive(Debug, Clone, Copy, PartialEq)]
pub enum Rows {
    Shown,
    All,
}

/// The report, and how many chosen offers its table leaves out (the page's rows beyond
/// those shown).
pub fn run(
    conn: &mut PgConnection,
    reporting: &str,
    filter: &OfferFilter,
    rows: Rows,
) -> Result<(Report, usize), AppError> {
    // JIT compiling `offer_review`'s expressions costs PostgreSQL about a second per query,
    // more than it saves at 100,000 offers; SET LOCAL keeps that to this transaction.
    conn.transaction(|conn| {
        diesel::sql_query("SET LOCAL jit = off").execute(conn)?;
        build(conn, reporting, filter, rows)
    })
}

fn build(
    conn: &mut PgConnection,
    reporting: &str,
    filter: &OfferFilter,
    rows: Rows,
) -> Result<(Report, usize), AppError> {
    // Choosing, counting and ordering happen in SQL; only the rows shown are reviewed here.
    // The CSV holds every chosen row and no chart.
    if rows == Rows::All {
        let offers = review(conn, reporting, &Offers::Chosen(filter.clone()))?;
        let table = table(&offers);
        let report = Report {
            chart: None,
            table,
            left_out: Vec::new(),
        };
        return Ok((report, 0));
    }
    let shown = i64::try_from(ReportTable::SHOWN_ROWS).unwrap_or(i64::MAX);
    let page = filter.page(conn, shown, CHARTED)?;
    let total = usize::try_from(page.total).unwrap_or_default();
    let not_shown = total.saturating_sub(page.shown.len());
    let offers = review(conn, reporting, &Offers::Ids(page.shown.clone()))?;
    let drawn = review(conn, reporting, &Offers::Ids(page.top.clone()))?;
    Ok((
        Report {
            chart: chart(&drawn, &page)?,
            table: table(&offers),
            left_out: Vec::new(),
        },
        not_shown,
    ))
}

fn table(offers: &[OfferReview]) -> ReportTable {
    let columns = vec![
        Column::text("Offer date"),
        Column::text("Person"),
        Column::text("Hiring company"),
        Column::text("Job family"),
        Column::text("Level"),
        Column::text("Band"),
        Column::text("Band currency"),
        Column::number("Annual base in band currency"),
        Column::number("Compa-ratio"),
        Column::number("Range penetration (%)"),
        Column::text("Approval"),
        Column::text("Decided by"),
        Column::text("Reason"),
        Column::text("Decided on"),
    ];
    let rows = offers.iter().map(row).collect();
    ReportTable { columns, rows }
}

fn row(review: &OfferReview) -> Vec<Cell> {
    let offer = &review.offer;
    let text = |t: &Option<String>| Cell::Text(t.clone().unwrap_or_default());
    let (band, currency, base) = match &review.check {
        Ok(checked) => {
            let f = &checked.band.fields;
            let zone = if f.zone.is_empty() {
                "every zone"
            } else {
                f.zone.as_str()
            };
            let name = format!(
                "{} {} ({zone}) from {}",
                f.job_family, f.level, f.effective_on
            );
            (name, f.currency.clone(), checked.base.as_ref().ok())
        }
        Err(why) => (why.to_string(), String::new(), None),
    };
    let decided = review.counting();
    vec![
        Cell::Text(offer.as_of.to_string()),
        Cell::Linked(
            offer.full_name.clone(),
            format!("/people/{}", offer.person_id),
        ),
        text(&offer.hiring_company),
        text(&offer.job_family),
        text(&offer.level),
        Cell::Text(band),
        Cell::Text(currency),
        Cell::Money(base.map(|b| b.value.clone())),
        Cell::Ratio(base.map(|b| b.compa_ratio.clone())),
        // As a share of the range (1.25 → 125 %), as the offer's page shows it.
        Cell::Percent(base.and_then(|b| b.penetration.clone()).map(|p| p * 100)),
        Cell::Linked(
            review.status.label().to_owned(),
            format!("/pay-reports/{}/approval", offer.id),
        ),
        Cell::Text(decided.map(|(_, by)| by.clone()).unwrap_or_default()),
        Cell::Text(decided.map(|(d, _)| d.reason.clone()).unwrap_or_default()),
        Cell::Text(
            decided
                .map(|(d, _)| d.decided_at.date_naive().to_string())
                .unwrap_or_default(),
        ),
    ]
}

/// Each checked offer's compa-ratio against its band's range in compa-ratios (minimum ÷
/// midpoint to maximum ÷ midpoint). Floats only for drawing; the table holds exact figures.
fn chart(offers: &[OfferReview], page: &OfferPage) -> Result<Option<Chart>, AppError> {
    let float = |d: &BigDecimal| d.to_f64().unwrap_or_default();
    let mut rows: Vec<(String, [f64; 3])> = offers
        .iter()
        .filter_map(|review| {
            let checked = review.check.as_ref().ok()?;
            let base = checked.base.as_ref().ok()?;
            let f = &checked.band.fields;
            let mid = float(&f.base_mid);
            let label = format!("{} ({})", review.offer.full_name, review.offer.as_of);
            Some((
                label,
                [
                    float(&f.base_min) / mid,
                    float(&f.base_max) / mid,
                    float(&base.compa_ratio),
                ],
            ))
        })
        .collect();
    if rows.is_empty() {
        return Ok(None);
    }
    let (total, outside) = (page.charted, page.outside);
    rows.sort_by(|a, b| b.1[2].total_cmp(&a.1[2]));
    let svg = charts::positions(
        "Offers by compa-ratio against their band",
        "Compa-ratio (1.0 = band midpoint)",
        "Offer",
        &rows,
    )
    .map_err(AppError::Internal)?;
    Ok(Some(Chart {
        svg,
        note: None,
        alt: format!(
            "Compa-ratio of {total} offer{} against their bands; {outside} outside.",
            if total == 1 { "" } else { "s" }
        ),
    }))
}
