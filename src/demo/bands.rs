//! The demo's pay bands (Research Scientist L5–L9 in the US and the EU), the Meta hires'
//! job levels and offers against them: one far above its band and pending, one above it and
//! approved with a reason, one inside.

use bigdecimal::BigDecimal;
use diesel::prelude::*;

use super::day;
use crate::domain::{Confidence, Decision, PayKind, Period};
use crate::models::offer::{OfferFacts, Offers};
use crate::models::pay_decision::{NewPayDecision, PayDecision};
use crate::models::{PayBand, PayBandFields, PayReport, PayReportFields};
use crate::schema::{pay_band, person};

const FAMILY: &str = "Research Scientist";

/// Base midpoints by level in the US (USD) and the EU (EUR); a band runs 20% either side of
/// its midpoint, and its total target is three times its base.
const MIDPOINTS: [(&str, i64, i64); 5] = [
    ("L5", 220_000, 150_000),
    ("L6", 300_000, 200_000),
    ("L7", 400_000, 260_000),
    ("L8", 550_000, 350_000),
    ("L9", 750_000, 480_000),
];

pub(super) fn seed_bands(conn: &mut PgConnection) -> QueryResult<()> {
    for (level, us, eu) in MIDPOINTS {
        for (zone, currency, mid) in [("US", "USD", us), ("EU", "EUR", eu)] {
            let part = |percent: i64| BigDecimal::from(mid * percent / 100);
            PayBand::insert(
                conn,
                &PayBandFields {
                    job_family: FAMILY.into(),
                    level: level.into(),
                    zone: zone.into(),
                    currency: currency.into(),
                    base_min: part(80),
                    base_mid: part(100),
                    base_max: part(120),
                    total_min: Some(part(240)),
                    total_mid: Some(part(300)),
                    total_max: Some(part(360)),
                    effective_on: day("2025-01-01"),
                },
            )?;
        }
    }
    diesel::update(pay_band::table)
        .set(pay_band::is_demo.eq(true))
        .execute(conn)?;
    Ok(())
}

/// The Meta hires become Research Scientists at L9 in the US (their press figures are the
/// market of that level), each with an offer of mid-June 2025.
pub(super) fn seed_offers(conn: &mut PgConnection) -> QueryResult<()> {
    let offers = [
        // Base far above the L9 maximum of USD 900,000 and total far above USD 2.7M: pending.
        ("Alexandr Wang", 1_500_000, 50_000_000),
        // Above the base maximum: approved below, with the reason.
        ("Nat Friedman", 1_000_000, 2_500_000),
        // Inside both ranges.
        ("Daniel Gross", 800_000, 2_400_000),
    ];
    for (name, base, total) in offers {
        let id = person::table
            .filter(person::full_name.eq(name))
            .select(person::id)
            .first::<crate::domain::PersonId>(conn)?;
        diesel::update(person::table.find(id))
            .set((
                person::job_family.eq(FAMILY),
                person::level.eq("L9"),
                person::zone.eq("US"),
                person::range_disclosed_on.eq(day("2025-05-20")),
            ))
            .execute(conn)?;
        let report = PayReport::insert(
            conn,
            id,
            &PayReportFields {
                kind: PayKind::Offered,
                currency: "USD".into(),
                amount_low: BigDecimal::from(total),
                amount_high: BigDecimal::from(total),
                period: Period::Annual,
                period_years: None,
                base: Some(BigDecimal::from(base)),
                bonus: None,
                equity: None,
                sign_on: None,
                as_of: day("2025-06-15"),
                source_name: Some("Offer letter (fictional)".into()),
                source_url: None,
                confidence: Confidence::Confirmed,
                notes: None,
            },
        )?;
        if name == "Nat Friedman" {
            approve(conn, report.id)?;
        }
    }
    Ok(())
}

fn approve(conn: &mut PgConnection, id: crate::domain::PayReportId) -> QueryResult<()> {
    let facts = OfferFacts::load(conn, "USD", &Offers::Ids(vec![id]))?;
    let Some((offer, Some(band))) = facts.into_iter().next() else {
        return Ok(());
    };
    let Some(figures) = offer.figures else {
        return Ok(());
    };
    PayDecision::insert(
        conn,
        &NewPayDecision {
            pay_report_id: id,
            pay_band_id: band.id,
            decided_by: None,
            decision: Decision::Approved,
            reason: "Counter-offer against a competing lab; base above band agreed for the \
                     first two years (demo decision).",
            figures: &figures,
            is_demo: true,
        },
    )?;
    Ok(())
}
