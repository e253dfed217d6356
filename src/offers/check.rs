//! Where an offer sits in the band in force on its day (DOMAIN.md "Internal pay bands"):
//! compa-ratio = annual base ÷ base midpoint, range penetration = (annual base − minimum) ÷
//! (maximum − minimum), each figure converted into the band's currency first. Pure: the
//! facts come from `models::offer`.

use bigdecimal::{BigDecimal, RoundingMode};
use chrono::NaiveDate;

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

impl std::fmt::Display for Unchecked {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        match self {
            Unchecked::NoFamilyOrLevel => {
                f.write_str("not checked: the person has no job family or level")
            }
            Unchecked::NoBand {
                family,
                level,
                zone,
                on,
            } => write!(
                f,
                "not checked: no pay band for {family} {level} ({}, or every zone) in force on {on}",
                zone.as_deref().unwrap_or("no zone")
            ),
            Unchecked::NoRate { currency, on } => {
                write!(
                    f,
                    "not checked: no {currency} exchange rate on or before {on}"
                )
            }
            Unchecked::NoBase => f.write_str("no base given"),
        }
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

impl Checked {
    /// Outside: the base, or the total where there is one, lies beyond its range. `None`
    /// when that cannot be told (no base, and no total range that is breached).
    pub fn outside(&self) -> Option<bool> {
        let total_out = self.total.as_ref().is_some_and(|t| !t.inside);
        match &self.base {
            Ok(base) => Some(!base.inside || total_out),
            Err(_) if total_out => Some(true),
            Err(_) => None,
        }
    }
}

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
    let years = BigDecimal::from(offer.period_years.unwrap_or(1));
    let f = &band.fields;
    let base = match &offer.base {
        Some(base) => Ok(position(
            conversion.apply(&(base / &years)),
            (&f.base_min, &f.base_mid, &f.base_max),
        )),
        None => Err(Unchecked::NoBase),
    };
    let midpoint = (&offer.amount_low + &offer.amount_high) / BigDecimal::from(2) / &years;
    let total = match (&f.total_min, &f.total_mid, &f.total_max) {
        (Some(min), Some(mid), Some(max)) => {
            Some(position(conversion.apply(&midpoint), (min, mid, max)))
        }
        _ => None,
    };
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

impl Conversion {
    /// An amount of the offer's currency in the band's, to the cent as money is kept.
    fn apply(&self, amount: &BigDecimal) -> BigDecimal {
        let converted = match self {
            Conversion::None => amount.clone(),
            Conversion::Through {
                offer_rate,
                band_rate,
                ..
            } => {
                let times = offer_rate
                    .as_ref()
                    .map_or(BigDecimal::from(1), |r| r.0.clone());
                let by = band_rate
                    .as_ref()
                    .map_or(BigDecimal::from(1), |r| r.0.clone());
                amount * times / by
            }
        };
        converted.with_scale_round(2, RoundingMode::HalfUp)
    }
}

fn position(
    value: BigDecimal,
    (min, mid, max): (&BigDecimal, &BigDecimal, &BigDecimal),
) -> Position {
    let width = max - min;
    let penetration = (!bigdecimal::Zero::is_zero(&width)).then(|| ratio(&(&value - min) / &width));
    Position {
        compa_ratio: ratio(&value / mid),
        penetration,
        inside: *min <= value && value <= *max,
        value,
    }
}

/// Ratios are shown and compared with two decimals.
fn ratio(value: BigDecimal) -> BigDecimal {
    value.with_scale_round(2, RoundingMode::HalfUp)
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

    /// The issue's band: EUR 200,000 / 250,000 / 300,000 base, no total range.
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
        }
    }

    fn base_of(check: &BandCheck) -> Option<&Position> {
        check.as_ref().ok()?.base.as_ref().ok()
    }

    #[test]
    fn the_issues_examples_convert_through_the_reporting_currency() {
        let inside = check(&offer("330000"), Some(band()), "USD");
        let position = base_of(&inside).cloned();
        assert_eq!(
            position,
            Some(Position {
                value: amount("300000.00"),
                compa_ratio: amount("1.20"),
                penetration: Some(amount("1.00")),
                inside: true,
            })
        );
        let outside = check(&offer("363000"), Some(band()), "USD");
        let position = base_of(&outside).cloned();
        assert_eq!(
            position,
            Some(Position {
                value: amount("330000.00"),
                compa_ratio: amount("1.32"),
                penetration: Some(amount("1.30")),
                inside: false,
            })
        );
        assert_eq!(outside.ok().and_then(|c| c.outside()), Some(true));
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
        assert_eq!(checked.ok().and_then(|c| c.outside()), None);
    }
}
