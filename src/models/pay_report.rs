//! Pay reports: each claim about one person's pay, with its source and confidence.

use bigdecimal::BigDecimal;
use chrono::NaiveDate;
use diesel::prelude::*;

use super::person::keyset;
use super::person::{filter_people, hiring, origin};
use super::text_cells::{TextCells, select_text};
use super::{PersonFilter, PersonSort, SaveOutcome};
use crate::domain::{Confidence, PayKind, PayReportId, Period, PersonId};
use crate::schema::{company, pay_report, person};

super::stored_record!(PayReport in pay_report {
    id: PayReportId,
    fields: PayReportFields,
    person_id: PersonId,
});

/// What a user sets on a pay report, for both creating and editing one.
#[derive(Debug, Clone, PartialEq, Queryable, Selectable, Insertable, AsChangeset)]
#[diesel(table_name = pay_report, treat_none_as_null = true, check_for_backend(diesel::pg::Pg))]
pub struct PayReportFields {
    pub kind: PayKind,
    pub currency: String,
    pub amount_low: BigDecimal,
    pub amount_high: BigDecimal,
    pub period: Period,
    pub period_years: Option<i16>,
    pub base: Option<BigDecimal>,
    pub bonus: Option<BigDecimal>,
    pub equity: Option<BigDecimal>,
    pub sign_on: Option<BigDecimal>,
    pub as_of: NaiveDate,
    pub source_name: Option<String>,
    pub source_url: Option<String>,
    pub confidence: Confidence,
    pub notes: Option<String>,
}

/// A report as COPY writes it, with the id reserved for it.
#[derive(Insertable)]
#[diesel(table_name = pay_report, treat_none_as_default_value = false)]
struct PayReportRow<'a> {
    id: PayReportId,
    person_id: PersonId,
    kind: PayKind,
    currency: &'a str,
    amount_low: &'a BigDecimal,
    amount_high: &'a BigDecimal,
    period: Period,
    period_years: Option<i16>,
    base: Option<&'a BigDecimal>,
    bonus: Option<&'a BigDecimal>,
    equity: Option<&'a BigDecimal>,
    sign_on: Option<&'a BigDecimal>,
    as_of: NaiveDate,
    source_name: Option<&'a str>,
    source_url: Option<&'a str>,
    confidence: Confidence,
    notes: Option<&'a str>,
}

impl PayReport {
    /// Whether any of the person's figures came from the candidate (`is_pay_history` in
    /// src/db/sql/pay_history.sql, which the database's own check uses): such a person may not
    /// move into the EU.
    pub fn has_pay_history(conn: &mut PgConnection, person: PersonId) -> QueryResult<bool> {
        define_sql_function!(#[sql_name = "r.is_pay_history"] fn is_pay_history(source_name: diesel::sql_types::Nullable<diesel::sql_types::Text>) -> diesel::sql_types::Nullable<diesel::sql_types::Bool>);
        diesel::select(diesel::dsl::exists(
            pay_report::table
                .filter(pay_report::person_id.eq(person))
                .filter(is_pay_history(pay_report::source_name).eq(true)),
        ))
        .get_result(conn)
    }

    /// Whether the database would refuse a figure from `source_name` for this person as pay
    /// history (`r.refuses_pay_history`, what its trigger checks), asked first so that the
    /// form can say so beside the field.
    pub fn refuses_pay_history(
        conn: &mut PgConnection,
        person: PersonId,
        source_name: Option<&str>,
    ) -> QueryResult<bool> {
        use diesel::sql_types::{BigInt, Nullable, Text};
        define_sql_function!(#[sql_name = "r.refuses_pay_history"] fn refuses_pay_history(of_person: BigInt, source: Nullable<Text>) -> Nullable<Bool>);
        let refused: Option<bool> =
            diesel::select(refuses_pay_history(person.get(), source_name)).get_result(conn)?;
        Ok(refused.unwrap_or(false))
    }

    /// A report of one person: a report id under another person's page is not found.
    pub fn find(
        conn: &mut PgConnection,
        person_id: PersonId,
        id: PayReportId,
    ) -> QueryResult<PayReport> {
        pay_report::table
            .filter(pay_report::person_id.eq(person_id))
            .find(id)
            .select(PayReport::as_select())
            .first(conn)
    }

    /// Up to `limit` of a person's reports in id order after `after`: a page of the API's list.
    pub fn page_of_person(
        conn: &mut PgConnection,
        person_id: PersonId,
        after: Option<PayReportId>,
        limit: i64,
    ) -> QueryResult<Vec<PayReport>> {
        let mut query = pay_report::table
            .filter(pay_report::person_id.eq(person_id))
            .select(PayReport::as_select())
            .into_boxed();
        if let Some(after) = after {
            query = query.filter(pay_report::id.gt(after));
        }
        query.order(pay_report::id).limit(limit).load(conn)
    }

    /// A person's reports over time, newest claim first.
    pub fn for_person(conn: &mut PgConnection, person_id: PersonId) -> QueryResult<Vec<PayReport>> {
        pay_report::table
            .filter(pay_report::person_id.eq(person_id))
            .order((pay_report::as_of.desc(), pay_report::id.desc()))
            .select(PayReport::as_select())
            .load(conn)
    }

    pub fn insert(
        conn: &mut PgConnection,
        person_id: PersonId,
        fields: &PayReportFields,
    ) -> QueryResult<PayReport> {
        diesel::insert_into(pay_report::table)
            .values((fields, pay_report::person_id.eq(person_id)))
            .returning(PayReport::as_returning())
            .get_result(conn)
    }

    /// Adds many reports at once (each with its person) with one COPY, so the table's
    /// statement triggers run once; returns their ids in order.
    pub fn insert_many(
        conn: &mut PgConnection,
        reports: &[(PersonId, PayReportFields)],
    ) -> QueryResult<Vec<PayReportId>> {
        let ids: Vec<PayReportId> = super::reserve_ids(conn, "pay_report", reports.len())?
            .into_iter()
            .map(PayReportId)
            .collect();
        PayReport::insert_many_as(conn, &ids, reports)?;
        Ok(ids)
    }

    /// Adds many reports under the ids given (`ids[i]` for `reports[i]`), as an import that
    /// keeps a tracker's ids does. The caller keeps the id sequence ahead of them.
    pub fn insert_many_as(
        conn: &mut PgConnection,
        ids: &[PayReportId],
        reports: &[(PersonId, PayReportFields)],
    ) -> QueryResult<()> {
        if ids.is_empty() {
            return Ok(());
        }
        let rows: Vec<PayReportRow<'_>> = ids
            .iter()
            .zip(reports)
            .map(|(&id, (person_id, f))| PayReportRow {
                id,
                person_id: *person_id,
                kind: f.kind,
                currency: &f.currency,
                amount_low: &f.amount_low,
                amount_high: &f.amount_high,
                period: f.period,
                period_years: f.period_years,
                base: f.base.as_ref(),
                bonus: f.bonus.as_ref(),
                equity: f.equity.as_ref(),
                sign_on: f.sign_on.as_ref(),
                as_of: f.as_of,
                source_name: f.source_name.as_deref(),
                source_url: f.source_url.as_deref(),
                confidence: f.confidence,
                notes: f.notes.as_deref(),
            })
            .collect();
        diesel::copy_from(pay_report::table)
            .from_insertable(&rows)
            .execute(conn)?;
        Ok(())
    }

    /// Saves over the version a form was read at, unless someone saved a newer one since.
    pub fn update(
        conn: &mut PgConnection,
        person_id: PersonId,
        id: PayReportId,
        version: Option<i32>,
        fields: &PayReportFields,
    ) -> QueryResult<SaveOutcome<PayReport>> {
        let row = pay_report::table
            .filter(pay_report::person_id.eq(person_id))
            .find(id);
        super::save_over(
            conn,
            version,
            |c| row.select(pay_report::version).for_update().first(c),
            |c| PayReport::find(c, person_id, id),
            |c| {
                diesel::update(row)
                    .set((fields, pay_report::updated_at.eq(diesel::dsl::now)))
                    .returning(PayReport::as_returning())
                    .get_result(c)
            },
        )
    }

    pub fn delete(
        conn: &mut PgConnection,
        person_id: PersonId,
        id: PayReportId,
    ) -> QueryResult<usize> {
        diesel::delete(
            pay_report::table
                .filter(pay_report::person_id.eq(person_id))
                .find(id),
        )
        .execute(conn)
    }

    /// The pay reports of every person the filter keeps, people in list order and each one's
    /// reports by date, as the cells of `EXPORT_COLUMNS`: streamed row by row from PostgreSQL.
    pub fn export<'c>(
        conn: &'c mut PgConnection,
        filter: &PersonFilter,
        sort: PersonSort,
        descending: bool,
    ) -> QueryResult<impl Iterator<Item = QueryResult<TextCells>> + 'c> {
        let joined = pay_report::table
            .inner_join(person::table)
            .left_join(
                origin.on(person::origin_company_id.eq(origin.field(company::id).nullable())),
            )
            .left_join(
                hiring.on(person::hiring_company_id.eq(hiring.field(company::id).nullable())),
            )
            .into_boxed();
        let query = filter_people!(joined, filter)
            .order(keyset::order_by(sort, descending, false))
            .then_order_by((pay_report::as_of.asc(), pay_report::id.asc()))
            .select(select_text(&EXPORT_COLUMNS));
        query.load_iter::<TextCells, diesel::pg::PgRowByRowLoadingMode>(conn)
    }
}

/// The export's columns by their header, each as the text the file holds: amounts with the
/// two decimals of their NUMERIC(14, 2), dates as the DateStyle prints them (the export sets
/// ISO; `to_char` would not need it but costs 3 s more per 600,000 rows), NULL as an empty
/// cell. The header itself is the input types' columns (a test holds them equal).
pub const EXPORT_COLUMNS: [(&str, &str); 34] = [
    ("id", r#""pay_report"."id"::text"#),
    ("person_id", r#""person"."id"::text"#),
    ("full_name", r#""person"."full_name""#),
    ("title", r#""person"."title""#),
    ("expertise", r#""person"."expertise""#),
    ("origin_company", r#""origin"."name""#),
    ("hiring_company", r#""hiring"."name""#),
    ("team", r#""person"."team""#),
    ("stage", r#""person"."stage""#),
    ("first_contact_on", r#""person"."first_contact_on"::text"#),
    ("offer_on", r#""person"."offer_on"::text"#),
    ("decided_on", r#""person"."decided_on"::text"#),
    ("start_on", r#""person"."start_on"::text"#),
    ("location", r#""person"."location""#),
    ("notes", r#""person"."notes""#),
    ("job_family", r#""person"."job_family""#),
    ("level", r#""person"."level""#),
    ("zone", r#""person"."zone""#),
    (
        "range_disclosed_on",
        r#""person"."range_disclosed_on"::text"#,
    ),
    ("kind", r#""pay_report"."kind""#),
    ("currency", r#""pay_report"."currency""#),
    ("amount_low", r#""pay_report"."amount_low"::text"#),
    // Only a range's high end, as the input type prints it: a single figure is one amount,
    // and a file's empty high end is read as the low one.
    (
        "amount_high",
        r#"nullif("pay_report"."amount_high", "pay_report"."amount_low")::text"#,
    ),
    ("period", r#""pay_report"."period""#),
    ("period_years", r#""pay_report"."period_years"::text"#),
    ("base", r#""pay_report"."base"::text"#),
    ("bonus", r#""pay_report"."bonus"::text"#),
    ("equity", r#""pay_report"."equity"::text"#),
    ("sign_on", r#""pay_report"."sign_on"::text"#),
    ("as_of", r#""pay_report"."as_of"::text"#),
    ("source_name", r#""pay_report"."source_name""#),
    ("source_url", r#""pay_report"."source_url""#),
    ("confidence", r#""pay_report"."confidence""#),
    ("pay_notes", r#""pay_report"."notes""#),
];
