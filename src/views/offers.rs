//! Offers as the pages show them: the check against the band with what it was computed from,
//! the approval status and the decisions.

use askama::Template;
use bigdecimal::BigDecimal;
use chrono::NaiveDate;

use super::pay_bands::BandRow;
use super::{FormState, Layout};
use crate::domain::{ApprovalStatus, ChoiceName, PayBandId, PayReportId, PersonId, exact_money};
use crate::i18n::{Lang, Locale, Msg, format_date, format_decimal};
use crate::offers::{Conversion, OfferReview, Position};

/// One decision as the history lists it.
#[derive(Debug, Clone)]
pub struct DecisionLine {
    pub at: String,
    pub by: String,
    pub decision: String,
    pub reason: String,
}

#[derive(Debug, Clone)]
pub struct OfferView {
    pub id: PayReportId,
    pub person_id: PersonId,
    pub person_name: String,
    pub hiring_company: Option<String>,
    pub job_family: Option<String>,
    pub as_of: NaiveDate,
    pub band: Option<(PayBandId, String)>,
    /// Why the offer could not be checked at all.
    pub problem: Option<String>,
    /// Annual base in the band's currency, or why not.
    pub base: Result<String, String>,
    pub compa_ratio: Option<String>,
    pub penetration: Option<String>,
    /// "inside the band" or "outside the band", where known.
    pub base_standing: Option<String>,
    /// The annualised midpoint against the band's total range, where it has one.
    pub total: Option<String>,
    /// What the figures were computed from: the band, the rates, the day.
    pub computed_from: Vec<String>,
    pub status: ApprovalStatus,
    pub decidable: bool,
    /// The decision counting now: (by, reason, when).
    pub decided: Option<DecisionLine>,
    pub history: Vec<DecisionLine>,
    /// The market of the person's job family and level (`None` without them).
    pub market: Option<super::market::MarketView>,
}

impl OfferView {
    /// The review in the reader's words: amounts, ratios and days in `locale`'s format,
    /// decisions in its zone.
    pub fn new(review: OfferReview, locale: Locale) -> Self {
        let lang = locale.lang;
        let status = review.status;
        let decidable = review.decidable();
        let history: Vec<DecisionLine> = review
            .decisions
            .iter()
            .map(|(d, by)| DecisionLine {
                at: locale.timestamp(d.decided_at),
                by: by.clone(),
                decision: d.decision.label_in(lang),
                reason: d.reason.clone(),
            })
            .collect();
        let decided = review.counting().and_then(|_| history.first().cloned());
        let offer = review.offer;
        let mut view = OfferView {
            id: offer.id,
            person_id: offer.person_id,
            person_name: offer.full_name,
            hiring_company: offer.hiring_company,
            job_family: offer.job_family,
            as_of: offer.as_of,
            band: None,
            problem: None,
            base: Err(String::new()),
            compa_ratio: None,
            penetration: None,
            base_standing: None,
            total: None,
            computed_from: Vec::new(),
            status,
            decidable,
            decided,
            history,
            market: None,
        };
        let checked = match review.check {
            Ok(checked) => checked,
            Err(why) => {
                view.problem = Some(why.text(lang));
                return view;
            }
        };
        let f = &checked.band.fields;
        let currency = f.currency.clone();
        let name = BandRow::name_in(f, lang);
        let effective = format_date(lang, f.effective_on);
        let row = BandRow::new(checked.band.clone(), None, lang);
        let from_band = match row.total {
            Some(total) => Msg::new("offer-from-band-total").arg("total", total),
            None => Msg::new("offer-from-band"),
        };
        view.computed_from.push(
            from_band
                .arg("name", &name)
                .arg("date", &effective)
                .arg("base", row.base)
                .text(lang),
        );
        view.computed_from.extend(conversion_lines(
            &checked.conversion,
            &currency,
            view.as_of,
            lang,
        ));
        view.band = Some((
            checked.band.id,
            Msg::new("band-name-from")
                .arg("name", &name)
                .arg("date", &effective)
                .text(lang),
        ));
        match &checked.base {
            Ok(base) => {
                view.base = Ok(exact_money(lang, &base.value, &currency));
                view.compa_ratio = Some(ratio(lang, &base.compa_ratio));
                view.penetration = Some(penetration(base, lang));
                view.base_standing = Some(standing(
                    base,
                    "offer-inside-band",
                    "offer-outside-band",
                    lang,
                ));
            }
            Err(why) => view.base = Err(why.text(lang)),
        }
        view.total = checked.total.as_ref().map(|total| {
            let key = if total.inside {
                "offer-total-inside"
            } else {
                "offer-total-outside"
            };
            Msg::new(key)
                .arg("value", exact_money(lang, &total.value, &currency))
                .arg("compa", ratio(lang, &total.compa_ratio))
                .arg("penetration", penetration(total, lang))
                .text(lang)
        });
        view
    }

    pub fn status_key(&self) -> &'static str {
        self.status.as_str()
    }
}

fn standing(position: &Position, inside: &str, outside: &str, lang: Lang) -> String {
    let key = if position.inside { inside } else { outside };
    Msg::new(key.to_owned()).text(lang)
}

/// A ratio with the decimals it was computed with: "1.10" / "1,10".
fn ratio(lang: Lang, value: &BigDecimal) -> String {
    format_decimal(lang, value, Some(value.fractional_digit_count()))
}

/// Range penetration as a percentage of the range (1.25 → "125 %"), as compensation staff
/// read it; the compa-ratio stays a ratio.
fn penetration(position: &Position, lang: Lang) -> String {
    match &position.penetration {
        Some(p) => Msg::new("offer-penetration-percent").arg(
            "percent",
            format_decimal(lang, &(p * BigDecimal::from(100)).round(0), Some(0)),
        ),
        None => Msg::new("offer-penetration-none"),
    }
    .text(lang)
}

fn conversion_lines(
    conversion: &Conversion,
    band_currency: &str,
    as_of: NaiveDate,
    lang: Lang,
) -> Vec<String> {
    match conversion {
        Conversion::None => vec![
            Msg::new("offer-no-conversion")
                .arg("currency", band_currency)
                .text(lang),
        ],
        Conversion::Through {
            reporting,
            offer_rate,
            band_rate,
        } => {
            let line = |rate: &Option<(BigDecimal, NaiveDate)>, of: &str, same: &str| {
                match rate {
                    Some((rate, on)) => Msg::new(of.to_owned())
                        .arg("rate", format_decimal(lang, rate, None))
                        .arg("reporting", reporting)
                        .arg("date", format_date(lang, *on)),
                    None => Msg::new(same.to_owned()).arg("reporting", reporting),
                }
                .text(lang)
            };
            vec![
                Msg::new("offer-converted-through")
                    .arg("reporting", reporting)
                    .arg("date", format_date(lang, as_of))
                    .text(lang),
                line(
                    offer_rate,
                    "offer-rate-of-offer",
                    "offer-currency-is-reporting",
                ),
                line(
                    band_rate,
                    "offer-rate-of-band",
                    "offer-band-currency-is-reporting",
                ),
            ]
        }
    }
}

#[derive(Template)]
#[template(path = "offers/approval.html")]
pub struct OfferApprovalPage {
    pub layout: Layout,
    pub offer: OfferView,
    pub form: FormState,
    /// The user may decide on this offer (role, not the author, outside its band).
    pub may_decide: bool,
    /// Why this user may not decide, shown instead of the form.
    pub not_yours: Option<String>,
}

/// Each offer's market, read for the pages that show one offer or one person's offers.
pub fn with_markets(
    conn: &mut diesel::PgConnection,
    reporting: &str,
    offers: Vec<OfferReview>,
    locale: Locale,
) -> diesel::QueryResult<Vec<OfferView>> {
    use crate::models::market::Market;
    offers
        .into_iter()
        .map(|review| {
            let id = review.offer.id;
            let place = review
                .offer
                .job_family
                .clone()
                .zip(review.offer.level.clone());
            let mut view = OfferView::new(review, locale);
            if let Some((family, level)) = place {
                let market = Market::of(conn, &family, &level, Some(id))?;
                view.market = Some(super::market::MarketView::new(
                    &market,
                    &family,
                    &level,
                    reporting,
                    true,
                    locale.lang,
                ));
            }
            Ok(view)
        })
        .collect()
}
