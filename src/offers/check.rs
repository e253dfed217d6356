//! Where an offer sits in the band in force on its day (DOMAIN.md "Internal pay bands"):
//! compa-ratio = annual base ÷ base midpoint, range penetration = (annual base − minimum) ÷
//! (maximum − minimum), each figure converted into the band's currency first. The figures
//! and whether they lie inside are `offer_review`'s (src/db/sql/offers.sql), which the report filters
//! on too; this module only says what they were computed from and, where none, why.

use bigdecimal::BigDecimal;
use chrono::NaiveDate;

use crate::i18n::{Lang, Msg, format_date};
use crate::models::PayBand;
use crate::models::offer::OfferFacts;

/// Why an offer could not be checked; each says which, never a 0 or a guess.
#[derive(Debug, Clone, PartialEq)]
pub enum Unchecked {
    /// The person has no job family or no level.
    NoFamilyOrLevel,
    NoBand {
        family: String,
        level: String,
        zone: Option<String>,
        on: NaiveDate,
    },
    /// No exchange rate for `currency` on or before `on`.
    NoRate { currency: String, on: NaiveDate },
    /// The offer gives no base (for the base check; the total may still be checked).
    NoBase,
}

impl Unchecked {
    /// Why, in `lang`, with the day in its format.
    pub fn text(&self, lang: Lang) -> String {
        match self {
            Unchecked::NoFamilyOrLevel => Msg::new("offer-unchecked-no-family"),
            Unchecked::NoBand {
                family,
                level,
                zone,
                on,
            } => Msg::new("offer-unchecked-no-band")
                .arg("family", family)
                .arg("level", level)
                .arg(
                    "zone",
                    zone.clone()
                        .unwrap_or_else(|| Msg::new("offer-no-zone").text(lang)),
                )
                .arg("date", format_date(lang, *on)),
            Unchecked::NoRate { currency, on } => Msg::new("offer-unchecked-no-rate")
                .arg("currency", currency)
                .arg("date", format_date(lang, *on)),
            Unchecked::NoBase => Msg::new("offer-no-base"),
        }
        .text(lang)
    }
}

/// In English: logs and the API.
impl std::fmt::Display for Unchecked {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(&self.text(Lang::En))
    }
}

/// How the offer's figures were brought into the band's currency.
#[derive(Debug, Clone, PartialEq)]
pub enum Conversion {
    /// The offer is in the band's currency.
    None,
    /// Through the reporting currency: × `offer_rate` (of `offer_rate_on`, `None` for the
    /// reporting currency itself), ÷ `band_rate` (likewise).
    Through {
        reporting: String,
        offer_rate: Option<(BigDecimal, NaiveDate)>,
        band_rate: Option<(BigDecimal, NaiveDate)>,
    },
}

/// One annual figure against one range of the band.
#[derive(Debug, Clone, PartialEq)]
pub struct Position {
    /// The figure in the band's currency, to the cent.
    pub value: BigDecimal,
    pub compa_ratio: BigDecimal,
    /// `None` where the range has no width (minimum = maximum).
    pub penetration: Option<BigDecimal>,
    pub inside: bool,
}

/// An offer checked against its band: the base always, the total where the band has one.
#[derive(Debug, Clone)]
pub struct Checked {
    pub band: PayBand,
    pub conversion: Conversion,
    pub base: Result<Position, Unchecked>,
    /// `None` where the band has no total range.
    pub total: Option<Position>,
}

pub type BandCheck = Result<Checked, Unchecked>;

/// Checks an offer against `band`, the band in force on its day for the person (`None`:
/// there is none), converting through `reporting`.
pub fn check(offer: &OfferFacts, band: Option<PayBand>, reporting: &str) -> BandCheck {
    let (Some(family), Some(level)) = (&offer.job_family, &offer.level) else {
        return Err(Unchecked::NoFamilyOrLevel);
    };
    let Some(band) = band else {
        return Err(Unchecked::NoBand {
            family: family.clone(),
            level: level.clone(),
            zone: offer.zone.clone(),
            on: offer.as_of,
        });
    };
    let conversion = conversion(offer, &band, reporting)?;
    let base = match offer.base {
        Some(_) => position(
            &offer.base_value,
            &offer.base_compa,
            &offer.base_penetration,
            offer.base_inside,
        )
        .ok_or(Unchecked::NoBase),
        None => Err(Unchecked::NoBase),
    };
    let total = position(
        &offer.total_value,
        &offer.total_compa,
        &offer.total_penetration,
        offer.total_inside,
    );
    Ok(Checked {
        band,
        conversion,
        base,
        total,
    })
}

fn conversion(
    offer: &OfferFacts,
    band: &PayBand,
    reporting: &str,
) -> Result<Conversion, Unchecked> {
    let band_currency = &band.fields.currency;
    if offer.currency == *band_currency {
        return Ok(Conversion::None);
    }
    let rate = |currency: &String, rate: &Option<BigDecimal>, on: Option<NaiveDate>| {
        if currency == reporting {
            return Ok(None);
        }
        match (rate, on) {
            (Some(rate), Some(on)) => Ok(Some((rate.clone(), on))),
            _ => Err(Unchecked::NoRate {
                currency: currency.clone(),
                on: offer.as_of,
            }),
        }
    };
    Ok(Conversion::Through {
        reporting: reporting.to_owned(),
        offer_rate: rate(&offer.currency, &offer.offer_rate, offer.offer_rate_on)?,
        band_rate: rate(band_currency, &offer.band_rate, offer.band_rate_on)?,
    })
}

/// One figure as `offer_review` placed it, when it could.
fn position(
    value: &Option<BigDecimal>,
    compa_ratio: &Option<BigDecimal>,
    penetration: &Option<BigDecimal>,
    inside: Option<bool>,
) -> Option<Position> {
    Some(Position {
        value: value.clone()?,
        compa_ratio: compa_ratio.clone()?,
        penetration: penetration.clone(),
        inside: inside?,
    })
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::domain::{PayBandId, PayReportId, PersonId};
    use crate::models::PayBandFields;
    use std::str::FromStr;

    fn amount(s: &str) -> BigDecimal {
        BigDecimal::from_str(s).unwrap_or_default()
    }

    fn day(s: &str) -> NaiveDate {
        NaiveDate::from_str(s).unwrap_or_default()
    }

    /// The band: EUR 200,000 / 250,000 / 300,000 base, no total range.
    fn band() -> PayBand {
        PayBand {
            id: PayBandId(1),
            fields: PayBandFields {
                job_family: "Research Scientist".into(),
                level: "L7".into(),
                zone: "EU".into(),
                currency: "EUR".into(),
                base_min: amount("200000"),
                base_mid: amount("250000"),
                base_max: amount("300000"),
                total_min: None,
                total_mid: None,
                total_max: None,
                effective_on: day("2025-01-01"),
            },
            is_demo: false,
            created_at: chrono::Utc::now(),
            updated_at: chrono::Utc::now(),
            version: 1,
        }
    }

    /// An offer in USD (the reporting currency) with EUR at 1.1 USD on its day.
    fn offer(base: &str) -> OfferFacts {
        OfferFacts {
            id: PayReportId(1),
            person_id: PersonId(1),
            full_name: "Ada".into(),
            hiring_company: None,
            job_family: Some("Research Scientist".into()),
            level: Some("L7".into()),
            zone: Some("EU".into()),
            currency: "USD".into(),
            amount_low: amount(base),
            amount_high: amount(base),
            period_years: None,
            base: Some(amount(base)),
            as_of: day("2025-06-01"),
            band_id: Some(PayBandId(1)),
            offer_rate: None,
            offer_rate_on: None,
            band_rate: Some(amount("1.1")),
            band_rate_on: Some(day("2025-05-30")),
            base_value: Some(amount("300000.00")),
            base_compa: Some(amount("1.20")),
            base_penetration: Some(amount("1.00")),
            base_inside: Some(true),
            total_value: None,
            total_compa: None,
            total_penetration: None,
            total_inside: None,
            figures: None,
            status: "not_needed".into(),
        }
    }

    #[test]
    fn without_a_rate_or_a_base_the_check_says_which() {
        let mut no_rate = offer("330000");
        no_rate.band_rate = None;
        assert_eq!(
            check(&no_rate, Some(band()), "USD").err(),
            Some(Unchecked::NoRate {
                currency: "EUR".into(),
                on: day("2025-06-01")
            })
        );
        let mut no_base = offer("330000");
        no_base.base = None;
        let checked = check(&no_base, Some(band()), "USD");
        assert_eq!(
            checked.as_ref().ok().map(|c| c.base.clone()),
            Some(Err(Unchecked::NoBase))
        );
    }
}
