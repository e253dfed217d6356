//! Rules between fields, shared by the forms and the CSV import. Each returns the field the
//! user should change and what to tell them.

use super::{Date, Money, Period};

pub type Broken = (&'static str, &'static str);

/// The band's high end is not below its low end.
pub fn band_ordered(low: &Money, high: &Money) -> Option<Broken> {
    (low.amount() > high.amount()).then_some((
        "amount_high",
        "The high end of the band cannot be below the low end.",
    ))
}

/// A total names its years; an annual figure does not.
pub fn years_match_period(period: Period, has_years: bool) -> Option<Broken> {
    match (period, has_years) {
        (Period::Total, false) => Some((
            "period_years",
            "A total needs the number of years it covers.",
        )),
        (Period::Annual, true) => Some(("period_years", "Leave this empty for an annual figure.")),
        _ => None,
    }
}

/// A decision does not come before the offer it decides.
pub fn decided_after_offer(offer_on: Date, decided_on: Date) -> Option<Broken> {
    (decided_on.into_inner() < offer_on.into_inner()).then_some((
        "decided_on",
        "The decision cannot come before the offer date.",
    ))
}
