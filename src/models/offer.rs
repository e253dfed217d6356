//! Offers (pay reports of kind `offered`) with what checking them against a band needs: the
//! person's family, level and zone, the band in force on the offer's day, and the exchange
//! rates of that day (or the nearest earlier one), as the reports use them.

use bigdecimal::BigDecimal;
use chrono::NaiveDate;
use diesel::prelude::*;
use diesel::sql_types::{Array, BigInt, Date, Nullable, Numeric, SmallInt, Text};

use super::PayBand;
use crate::domain::{PayBandId, PayReportId, PersonId};
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
}

/// Which offers to read: one person's, some by id, or all.
#[derive(Debug, Clone)]
pub enum Offers {
    All,
    OfPerson(PersonId),
    Ids(Vec<PayReportId>),
    /// Offers to people of this job family (without case).
    OfFamily(String),
}

const OFFERS: &str = "
    SELECT r.id, r.person_id, p.full_name, hc.name AS hiring_company,
           p.job_family, p.level, p.zone,
           r.currency, r.amount_low, r.amount_high, r.period_years, r.base, r.as_of,
           bi.band_id,
           ro.rate AS offer_rate, ro.rate_on AS offer_rate_on,
           rb.rate AS band_rate, rb.rate_on AS band_rate_on
    FROM pay_report r
    JOIN person p ON p.id = r.person_id
    LEFT JOIN company hc ON hc.id = p.hiring_company_id
    CROSS JOIN LATERAL (
        SELECT band_in_force(p.job_family, p.level, p.zone, r.as_of) AS band_id) bi
    LEFT JOIN pay_band b ON b.id = bi.band_id
    LEFT JOIN LATERAL (
        SELECT er.rate, er.rate_on FROM exchange_rate er
        WHERE er.currency = r.currency AND er.rate_on <= r.as_of
        ORDER BY er.rate_on DESC LIMIT 1) ro ON r.currency <> $1
    LEFT JOIN LATERAL (
        SELECT er.rate, er.rate_on FROM exchange_rate er
        WHERE er.currency = b.currency AND er.rate_on <= r.as_of
        ORDER BY er.rate_on DESC LIMIT 1) rb ON b.currency <> $1
    WHERE r.kind = 'offered'
      AND ($2 OR r.person_id = $3 OR r.id = ANY($4) OR lower(p.job_family) = lower($5))
    ORDER BY r.as_of DESC, r.id DESC";

impl OfferFacts {
    /// The offers asked for, newest first, each with its band (when one is in force).
    pub fn load(
        conn: &mut PgConnection,
        reporting: &str,
        which: &Offers,
    ) -> QueryResult<Vec<(OfferFacts, Option<PayBand>)>> {
        let (all, person, ids, family) = match which {
            Offers::All => (true, 0, Vec::new(), None),
            Offers::OfPerson(id) => (false, id.get(), Vec::new(), None),
            Offers::Ids(ids) => (false, 0, ids.iter().map(|id| id.get()).collect(), None),
            Offers::OfFamily(family) => (false, 0, Vec::new(), Some(family.as_str())),
        };
        let offers: Vec<OfferFacts> = diesel::sql_query(OFFERS)
            .bind::<Text, _>(reporting)
            .bind::<diesel::sql_types::Bool, _>(all)
            .bind::<BigInt, _>(person)
            .bind::<Array<BigInt>, _>(ids)
            .bind::<Nullable<Text>, _>(family)
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
