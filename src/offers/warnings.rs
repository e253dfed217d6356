//! What a saved pay report should make its author look at again, without refusing it: an
//! exchange rate much older than the figure, and an offer's components adding up to more than
//! its band's total range allows.

use bigdecimal::{BigDecimal, Zero};
use diesel::{PgConnection, QueryResult};

use super::{Conversion, review};
use crate::domain::{PayKind, Period, exact_money};
use crate::i18n::{Lang, Msg, format_date};
use crate::models::PayReport;
use crate::models::offer::Offers;
use crate::models::pay_valuation::Valuation;

/// How much older than the figure a rate may be before the page says so.
const RATE_AGE_DAYS: i64 = 45;

/// The warnings for a saved report, as sentences in `lang` (empty: nothing to look at).
pub fn after_save(
    conn: &mut PgConnection,
    reporting: &str,
    report: &PayReport,
    lang: Lang,
) -> QueryResult<Vec<String>> {
    let pay = &report.fields;
    let mut found = Vec::new();
    let value = PayReport::valuations(conn, std::slice::from_ref(report), reporting)?;
    if let Some(Some(value)) = value.into_iter().next()
        && let Valuation::Converted { rate_on, .. } = value.valuation
        && (pay.as_of - rate_on).num_days() > RATE_AGE_DAYS
    {
        found.push(
            Msg::new("offer-warning-old-rate")
                .arg("currency", &pay.currency)
                .arg("rate-date", format_date(lang, rate_on))
                .arg("days", RATE_AGE_DAYS)
                .arg("date", format_date(lang, pay.as_of))
                .text(lang),
        );
    }
    // Only an offer is checked against a band: other reports skip the review's query.
    if pay.kind != PayKind::Offered {
        return Ok(found);
    }
    let Some(offer) = review(conn, reporting, &Offers::Ids(vec![report.id]))?
        .into_iter()
        .next()
    else {
        return Ok(found);
    };
    let Ok(checked) = offer.check else {
        return Ok(found);
    };
    let parts = [&pay.base, &pay.bonus, &pay.equity, &pay.sign_on];
    let (Some(max), true) = (
        &checked.band.fields.total_max,
        parts.iter().any(|p| p.is_some()),
    ) else {
        return Ok(found);
    };
    let mut sum: BigDecimal = parts.into_iter().flatten().sum();
    if pay.period == Period::Total {
        sum = sum / BigDecimal::from(pay.period_years.unwrap_or(1).max(1));
    }
    if let Some(annual) = into_band_currency(&sum, &checked.conversion)
        && &annual > max
    {
        let band = &checked.band.fields;
        let money = |amount: &BigDecimal| exact_money(lang, amount, &band.currency);
        found.push(
            Msg::new("offer-warning-above-total")
                .arg("sum", money(&annual))
                .arg("max", money(max))
                .text(lang),
        );
    }
    Ok(found)
}

/// `amount` in the band's currency, as the check converted the offer's figures; `None` where
/// a rate is missing.
fn into_band_currency(amount: &BigDecimal, conversion: &Conversion) -> Option<BigDecimal> {
    match conversion {
        Conversion::None => Some(amount.clone()),
        Conversion::Through {
            offer_rate,
            band_rate,
            ..
        } => {
            let rate = |r: &Option<(BigDecimal, chrono::NaiveDate)>| {
                r.as_ref()
                    .map_or(BigDecimal::from(1), |(rate, _)| rate.clone())
            };
            let band = rate(band_rate);
            (!band.is_zero()).then(|| (amount * rate(offer_rate) / band).round(2))
        }
    }
}
