//! Pay bands: the internal range per job family, level and zone, in versions by the day they
//! take effect.

use bigdecimal::BigDecimal;
use chrono::NaiveDate;
use diesel::prelude::*;

use super::fold_case;
use diesel::sql_types::{Date, Nullable, Text};

use super::SaveOutcome;
use crate::domain::PayBandId;
use crate::schema::pay_band;

/// How many job families (and levels) the person form suggests: a list to pick from, not an
/// export.
const BAND_NAMES_SHOWN: i64 = 500;

super::stored_record!(PayBand in pay_band {
    id: PayBandId,
    fields: PayBandFields,
});

/// What a user sets on a band, for both creating and editing one. `zone` is '' for every zone.
#[derive(Debug, Clone, PartialEq, Queryable, Selectable, Insertable, AsChangeset)]
#[diesel(table_name = pay_band, treat_none_as_null = true, check_for_backend(diesel::pg::Pg))]
pub struct PayBandFields {
    pub job_family: String,
    pub level: String,
    pub zone: String,
    pub currency: String,
    pub base_min: BigDecimal,
    pub base_mid: BigDecimal,
    pub base_max: BigDecimal,
    pub total_min: Option<BigDecimal>,
    pub total_mid: Option<BigDecimal>,
    pub total_max: Option<BigDecimal>,
    pub effective_on: NaiveDate,
}

/// What names one band version: family and level in lower case, zone, day.
pub type BandKey = (String, String, String, NaiveDate);

/// The unique index behind "there is a version of this band for that day already".
pub const VERSION_KEY: &str = "pay_band_version_key";

/// The pay bands list's filters; family and level without case, as bands are matched.
#[derive(Debug, Clone, Default)]
pub struct PayBandFilter {
    pub job_family: Option<String>,
    pub level: Option<String>,
    /// `Some("")` is the bands for every zone.
    pub zone: Option<String>,
}

diesel::define_sql_function!(
    /// The band in force on a day for a family, level and zone (src/db/sql/offers.sql).
    #[sql_name = "r.band_in_force"]
    fn band_in_force(family: Text, level: Text, zone: Nullable<Text>, on_day: Date) -> Nullable<diesel::sql_types::BigInt>
);

impl PayBand {
    /// The job families and the levels the bands use, each in order, for the person form's
    /// suggestions (at most `BAND_NAMES_SHOWN` of each).
    pub fn families_and_levels(conn: &mut PgConnection) -> QueryResult<(Vec<String>, Vec<String>)> {
        let families = pay_band::table
            .select(pay_band::job_family)
            .distinct()
            .order(pay_band::job_family)
            .limit(BAND_NAMES_SHOWN)
            .load(conn)?;
        let levels = pay_band::table
            .select(pay_band::level)
            .distinct()
            .order(pay_band::level)
            .limit(BAND_NAMES_SHOWN)
            .load(conn)?;
        Ok((families, levels))
    }

    /// Up to `limit` bands in id order after `after`: a page of the API's list.
    pub fn page_after(
        conn: &mut PgConnection,
        after: Option<PayBandId>,
        limit: i64,
    ) -> QueryResult<Vec<PayBand>> {
        let mut query = pay_band::table.select(PayBand::as_select()).into_boxed();
        if let Some(after) = after {
            query = query.filter(pay_band::id.gt(after));
        }
        query.order(pay_band::id).limit(limit).load(conn)
    }

    pub fn find(conn: &mut PgConnection, id: PayBandId) -> QueryResult<PayBand> {
        pay_band::table
            .find(id)
            .select(PayBand::as_select())
            .first(conn)
    }

    /// Every version the filter keeps, by family, level, zone and newest first: the list shows
    /// each band's history under the version in force.
    pub fn list(conn: &mut PgConnection, filter: &PayBandFilter) -> QueryResult<Vec<PayBand>> {
        filtered(filter)
            .order((
                fold_case(pay_band::job_family),
                fold_case(pay_band::level),
                pay_band::zone,
                pay_band::effective_on.desc(),
            ))
            .select(PayBand::as_select())
            .load(conn)
    }

    /// The versions of this band's family, level and zone, newest first.
    pub fn history(conn: &mut PgConnection, band: &PayBandFields) -> QueryResult<Vec<PayBand>> {
        pay_band::table
            .filter(fold_case(pay_band::job_family).eq(band.job_family.to_lowercase()))
            .filter(fold_case(pay_band::level).eq(band.level.to_lowercase()))
            .filter(pay_band::zone.eq(&band.zone))
            .order(pay_band::effective_on.desc())
            .select(PayBand::as_select())
            .load(conn)
    }

    /// The band in force on `on` for a family, level and zone (`None`: the person has none).
    pub fn in_force(
        conn: &mut PgConnection,
        job_family: &str,
        level: &str,
        zone: Option<&str>,
        on: NaiveDate,
    ) -> QueryResult<Option<PayBand>> {
        let id: Option<i64> =
            diesel::select(band_in_force(job_family, level, zone, on)).get_result(conn)?;
        id.map(|id| PayBand::find(conn, PayBandId(id))).transpose()
    }

    pub fn insert(conn: &mut PgConnection, fields: &PayBandFields) -> QueryResult<PayBand> {
        diesel::insert_into(pay_band::table)
            .values(fields)
            .returning(PayBand::as_returning())
            .get_result(conn)
    }

    /// Saves over `version` (any version when `None`), unless someone saved a newer one since.
    pub fn update(
        conn: &mut PgConnection,
        id: PayBandId,
        version: Option<i32>,
        fields: &PayBandFields,
    ) -> QueryResult<SaveOutcome<PayBand>> {
        let row = pay_band::table.find(id);
        super::save_over(
            conn,
            version,
            |c| row.select(pay_band::version).for_update().first(c),
            |c| PayBand::find(c, id),
            |c| {
                diesel::update(row)
                    .set((fields, pay_band::updated_at.eq(diesel::dsl::now)))
                    .returning(PayBand::as_returning())
                    .get_result(c)
            },
        )
    }

    pub fn delete(conn: &mut PgConnection, id: PayBandId) -> QueryResult<usize> {
        diesel::delete(pay_band::table.find(id)).execute(conn)
    }

    /// Every band, as the CSV export writes them: streamed row by row.
    pub fn export<'c>(
        conn: &'c mut PgConnection,
        filter: &PayBandFilter,
    ) -> QueryResult<impl Iterator<Item = QueryResult<PayBand>> + 'c> {
        filtered(filter)
            .order((
                fold_case(pay_band::job_family),
                fold_case(pay_band::level),
                pay_band::zone,
                pay_band::effective_on,
            ))
            .select(PayBand::as_select())
            .load_iter::<PayBand, diesel::pg::PgRowByRowLoadingMode>(conn)
    }

    /// The band's fields keyed as the import matches a file's rows: family and level without
    /// case, zone, day.
    pub fn key(fields: &PayBandFields) -> BandKey {
        (
            fields.job_family.to_lowercase(),
            fields.level.to_lowercase(),
            fields.zone.clone(),
            fields.effective_on,
        )
    }

    /// Every band by its import key, with its id.
    pub fn all_keyed(
        conn: &mut PgConnection,
    ) -> QueryResult<Vec<(BandKey, PayBandId, PayBandFields)>> {
        let bands: Vec<PayBand> = pay_band::table.select(PayBand::as_select()).load(conn)?;
        Ok(bands
            .into_iter()
            .map(|b| (PayBand::key(&b.fields), b.id, b.fields))
            .collect())
    }
}

fn filtered<'a>(filter: &PayBandFilter) -> pay_band::BoxedQuery<'a, diesel::pg::Pg> {
    let mut query = pay_band::table.into_boxed();
    if let Some(family) = &filter.job_family {
        query = query.filter(fold_case(pay_band::job_family).eq(fold_case(family.clone())));
    }
    if let Some(level) = &filter.level {
        query = query.filter(fold_case(pay_band::level).eq(fold_case(level.clone())));
    }
    if let Some(zone) = &filter.zone {
        query = query.filter(pay_band::zone.eq(zone.to_ascii_uppercase()));
    }
    query
}

impl PayBand {
    /// How many offers are checked against this band: those whose band in force on their
    /// day it is.
    pub fn offers_count(conn: &mut PgConnection, id: PayBandId) -> QueryResult<i64> {
        #[derive(QueryableByName)]
        struct Count {
            #[diesel(sql_type = diesel::sql_types::BigInt)]
            n: i64,
        }
        diesel::sql_query(
            "SELECT count(*) AS n FROM pay_report r JOIN person p ON p.id = r.person_id, \
             pay_band b \
             WHERE b.id = $1 AND r.kind = 'offered' \
               AND fold_case(p.job_family) = fold_case(b.job_family) AND fold_case(p.level) = fold_case(b.level) \
               AND r.band_in_force(p.job_family, p.level, p.zone, r.as_of) = b.id",
        )
        .bind::<diesel::sql_types::BigInt, _>(id.get())
        .get_result::<Count>(conn)
        .map(|c| c.n)
    }
}
