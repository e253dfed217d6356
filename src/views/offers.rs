//! Offers as the pages show them: the check against the band with what it was computed from,
//! the approval status and the decisions.

use askama::Template;
use bigdecimal::BigDecimal;
use chrono::NaiveDate;

use super::pay_bands::BandRow;
use super::{FormState, Layout};
use crate::domain::{ApprovalStatus, PayBandId, PayReportId, PersonId, format_money};
use crate::offers::{Conversion, OfferReview, Position, Unchecked};

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
    /// "inside" or "outside", where known.
    pub base_standing: Option<&'static str>,
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
    pub fn new(review: OfferReview) -> Self {
        let status = review.status;
        let decidable = review.decidable();
        let history: Vec<DecisionLine> = review
            .decisions
            .iter()
            .map(|(d, by)| DecisionLine {
                at: d.decided_at.format("%Y-%m-%d %H:%M").to_string(),
                by: by.clone(),
                decision: d.decision.label().to_owned(),
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
                view.problem = Some(unchecked(&why));
                return view;
            }
        };
        let f = &checked.band.fields;
        let currency = f.currency.clone();
        let name = BandRow::name_of(f);
        let row = BandRow::new(checked.band.clone(), None);
        view.computed_from.push(format!(
            "band {name} from {}: base {}{}",
            f.effective_on,
            row.base,
            row.total
                .map(|t| format!(", total {t}"))
                .unwrap_or_default()
        ));
        view.computed_from
            .extend(conversion_lines(&checked.conversion, &currency, view.as_of));
        view.band = Some((checked.band.id, format!("{name} from {}", f.effective_on)));
        match &checked.base {
            Ok(base) => {
                view.base = Ok(format!("{currency} {}", format_money(&base.value)));
                view.compa_ratio = Some(base.compa_ratio.to_string());
                view.penetration = Some(penetration(base));
                view.base_standing = Some(standing(base));
            }
            Err(why) => view.base = Err(unchecked(why)),
        }
        view.total = checked.total.as_ref().map(|total| {
            format!(
                "annualised midpoint {currency} {}: compa-ratio {}, penetration {}, {} the total range",
                format_money(&total.value),
                total.compa_ratio,
                penetration(total),
                standing(total)
            )
        });
        view
    }

    pub fn status_label(&self) -> &'static str {
        self.status.label()
    }

    pub fn status_key(&self) -> &'static str {
        self.status.as_str()
    }
}

fn standing(position: &Position) -> &'static str {
    if position.inside { "inside" } else { "outside" }
}

/// Range penetration as a percentage of the range (1.25 → "125 %"), as compensation staff
/// read it; the compa-ratio stays a ratio.
fn penetration(position: &Position) -> String {
    position
        .penetration
        .as_ref()
        .map_or("none (the range has no width)".to_owned(), |p| {
            format!("{} %", (p * BigDecimal::from(100)).round(0))
        })
}

fn unchecked(why: &Unchecked) -> String {
    format!("{why}")
}

fn conversion_lines(conversion: &Conversion, band_currency: &str, as_of: NaiveDate) -> Vec<String> {
    match conversion {
        Conversion::None => vec![format!("offer in {band_currency}, no conversion")],
        Conversion::Through {
            reporting,
            offer_rate,
            band_rate,
        } => {
            let line = |rate: &Option<(BigDecimal, NaiveDate)>, role: &str| match rate {
                Some((rate, on)) => format!(
                    "{role} rate {} {reporting} per unit, of {on}",
                    rate.normalized()
                ),
                None => format!("{role} currency is {reporting}, the reporting currency"),
            };
            vec![
                format!(
                    "converted through {reporting} at the rates of {as_of} or the nearest earlier day"
                ),
                line(offer_rate, "offer"),
                line(band_rate, "band"),
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
            let mut view = OfferView::new(review);
            if let Some((family, level)) = place {
                let market = Market::of(conn, &family, &level, Some(id))?;
                view.market = Some(super::market::MarketView::new(
                    &market, &family, &level, reporting, true,
                ));
            }
            Ok(view)
        })
        .collect()
}
