//! Offers (pay reports of kind `offered`) with what checking them against a band needs: the
//! person's family, level and zone, the band in force on the offer's day, and the exchange
//! rates of that day (or the nearest earlier one), as the reports use them.

use bigdecimal::BigDecimal;
use chrono::NaiveDate;
use diesel::prelude::*;
use diesel::sql_types::{Array, BigInt, Bool, Date, Jsonb, Nullable, Numeric, SmallInt, Text};

use super::PayBand;
use super::offer_list::OfferFilter;
use crate::domain::{ApprovalStatus, PayBandId, PayReportId, PersonId};
use crate::schema::pay_band;

/// One offer as the check reads it.
#[derive(Debug, Clone, QueryableByName)]
pub struct OfferFacts {
    #[diesel(sql_type = BigInt)]
    pub id: PayReportId,
    #[diesel(sql_type = BigInt)]
    pub person_id: PersonId,
    #[diesel(sql_type = Text)]
    pub full_name: String,
    #[diesel(sql_type = Nullable<Text>)]
    pub hiring_company: Option<String>,
    #[diesel(sql_type = Nullable<Text>)]
    pub job_family: Option<String>,
    #[diesel(sql_type = Nullable<Text>)]
    pub level: Option<String>,
    #[diesel(sql_type = Nullable<Text>)]
    pub zone: Option<String>,
    #[diesel(sql_type = Text)]
    pub currency: String,
    #[diesel(sql_type = Numeric)]
    pub amount_low: BigDecimal,
    #[diesel(sql_type = Numeric)]
    pub amount_high: BigDecimal,
    #[diesel(sql_type = Nullable<SmallInt>)]
    pub period_years: Option<i16>,
    #[diesel(sql_type = Nullable<Numeric>)]
    pub base: Option<BigDecimal>,
    #[diesel(sql_type = Date)]
    pub as_of: NaiveDate,
    #[diesel(sql_type = Nullable<BigInt>)]
    pub band_id: Option<PayBandId>,
    /// Units of the reporting currency per unit of the offer's currency on its day (NULL for
    /// the reporting currency itself or where there is no rate).
    #[diesel(sql_type = Nullable<Numeric>)]
    pub offer_rate: Option<BigDecimal>,
    #[diesel(sql_type = Nullable<Date>)]
    pub offer_rate_on: Option<NaiveDate>,
    #[diesel(sql_type = Nullable<Numeric>)]
    pub band_rate: Option<BigDecimal>,
    #[diesel(sql_type = Nullable<Date>)]
    pub band_rate_on: Option<NaiveDate>,
    /// The annual base in the band's currency and where it lies (`offer_review` in the
    /// migrations computes them); NULL without a band, a base or a rate.
    #[diesel(sql_type = Nullable<Numeric>)]
    pub base_value: Option<BigDecimal>,
    #[diesel(sql_type = Nullable<Numeric>)]
    pub base_compa: Option<BigDecimal>,
    #[diesel(sql_type = Nullable<Numeric>)]
    pub base_penetration: Option<BigDecimal>,
    #[diesel(sql_type = Nullable<Bool>)]
    pub base_inside: Option<bool>,
    /// The annualised midpoint against the band's total range, where it has one.
    #[diesel(sql_type = Nullable<Numeric>)]
    pub total_value: Option<BigDecimal>,
    #[diesel(sql_type = Nullable<Numeric>)]
    pub total_compa: Option<BigDecimal>,
    #[diesel(sql_type = Nullable<Numeric>)]
    pub total_penetration: Option<BigDecimal>,
    #[diesel(sql_type = Nullable<Bool>)]
    pub total_inside: Option<bool>,
    /// What a decision now would be made on (NULL without a band).
    #[diesel(sql_type = Nullable<Jsonb>)]
    pub figures: Option<serde_json::Value>,
    /// Where the offer stands, as `offer_review` decides it.
    #[diesel(sql_type = Text)]
    pub status: String,
}

/// Which offers to read: one person's, some by id, or those a report's filter chooses.
#[derive(Debug, Clone)]
pub enum Offers {
    OfPerson(PersonId),
    Ids(Vec<PayReportId>),
    Chosen(OfferFilter),
}

const OFFERS: &str = "
    SELECT r.id, r.person_id, p.full_name, hc.name AS hiring_company,
           p.job_family, p.level, p.zone,
           r.currency, r.amount_low, r.amount_high, r.period_years, r.base, r.as_of,
           v.band_id, v.offer_rate, v.offer_rate_on, v.band_rate, v.band_rate_on,
           v.base_value, v.base_compa, v.base_penetration, v.base_inside,
           v.total_value, v.total_compa, v.total_penetration, v.total_inside,
           v.figures, v.status
    FROM r.offer_review($1) v
    JOIN pay_report r ON r.id = v.id
    JOIN person p ON p.id = r.person_id
    LEFT JOIN company hc ON hc.id = p.hiring_company_id
    WHERE (r.person_id = $2 OR r.id = ANY($3)
           OR ($4 AND ($5::text IS NULL OR v.status = $5)
                  AND ($6::text IS NULL OR fold_case(p.job_family) = fold_case($6))))
    ORDER BY r.as_of DESC, r.id DESC";

impl OfferFacts {
    /// The offers asked for, newest first, each with its band (when one is in force).
    pub fn load(
        conn: &mut PgConnection,
        reporting: &str,
        which: &Offers,
    ) -> QueryResult<Vec<(OfferFacts, Option<PayBand>)>> {
        let none = OfferFilter::default();
        let (person, ids, chosen) = match which {
            Offers::OfPerson(id) => (id.get(), Vec::new(), None),
            Offers::Ids(ids) => (0, ids.iter().map(|id| id.get()).collect(), None),
            Offers::Chosen(filter) => (0, Vec::new(), Some(filter)),
        };
        let filter = chosen.unwrap_or(&none);
        let offers: Vec<OfferFacts> = diesel::sql_query(OFFERS)
            .bind::<Text, _>(reporting)
            .bind::<BigInt, _>(person)
            .bind::<Array<BigInt>, _>(ids)
            .bind::<Bool, _>(chosen.is_some())
            .bind::<Nullable<Text>, _>(filter.status.map(ApprovalStatus::as_str))
            .bind::<Nullable<Text>, _>(filter.job_family.as_deref())
            .load(conn)?;
        let band_ids: Vec<PayBandId> = offers.iter().filter_map(|o| o.band_id).collect();
        let bands: Vec<PayBand> = pay_band::table
            .filter(pay_band::id.eq_any(band_ids))
            .select(PayBand::as_select())
            .load(conn)?;
        Ok(offers
            .into_iter()
            .map(|offer| {
                let band = bands.iter().find(|b| Some(b.id) == offer.band_id).cloned();
                (offer, band)
            })
            .collect())
    }
}
