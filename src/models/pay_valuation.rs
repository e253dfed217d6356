//! Pay reports valued in the reporting currency, at the exchange rate of each one's as-of date
//! (or the nearest earlier one): for the dashboard's ranking and the pay pages. Both figures
//! come from the database's formula (`r.annual_midpoint`, src/db/sql/figures.sql), which the
//! reports use too; Rust does not restate it.

use bigdecimal::BigDecimal;
use chrono::NaiveDate;
use diesel::prelude::*;
use diesel::sql_types::{Array, BigInt, Date, Nullable, Numeric, Text};

use super::PayReport;
use crate::domain::PayReportId;
use crate::schema::{pay_report, person};

/// What the database calls a write refused because a figure it converts would not fit the kept
/// figures' NUMERIC(16, 2) (migration `figure_value_fits`): read as a CHECK's name is.
pub const FIGURE_VALUE_FITS: &str = "pay_figure_value_fits";

/// The largest value a kept figure holds, in the reporting currency, as the messages write it.
pub const LARGEST_FIGURE: &str = "99,999,999,999,999.99";

/// What a report's annualised midpoint is worth in the reporting currency.
#[derive(Debug, Clone, PartialEq)]
pub enum Valuation {
    /// The report is in the reporting currency already: `value` is its annualised midpoint.
    Same { value: BigDecimal },
    /// Converted at the rate of `rate_on`.
    Converted {
        reporting: String,
        value: BigDecimal,
        rate_on: NaiveDate,
    },
    /// No rate for the report's currency on or before its as-of date.
    NoRate { reporting: String },
}

/// A report's annualised midpoint in its own currency, to the cent, and what it is worth in
/// the reporting currency.
#[derive(Debug, Clone, PartialEq)]
pub struct PayValue {
    pub annual_midpoint: BigDecimal,
    pub valuation: Valuation,
}

/// A pay report ranked on the dashboard, with whose it is and its value.
#[derive(Debug, Clone)]
pub struct RankedPayReport {
    pub report: PayReport,
    pub person_name: String,
    pub value: PayValue,
}

/// The annualised midpoint to the cent, as `ValuedRow` reads it (`pr` is the pay report).
const ANNUAL_MIDPOINT: &str =
    "round(r.annual_midpoint(pr.amount_low, pr.amount_high, pr.period_years), 2) AS midpoint";

#[derive(Debug, QueryableByName)]
struct ValuedRow {
    #[diesel(sql_type = BigInt)]
    id: PayReportId,
    #[diesel(sql_type = Text)]
    currency: String,
    #[diesel(sql_type = Numeric)]
    midpoint: BigDecimal,
    #[diesel(sql_type = Nullable<Numeric>)]
    value: Option<BigDecimal>,
    #[diesel(sql_type = Nullable<Date>)]
    rate_on: Option<NaiveDate>,
}

impl ValuedRow {
    fn value(self, reporting: &str) -> PayValue {
        let same = self.currency == reporting;
        let reporting = reporting.to_owned();
        let valuation = match (self.value, self.rate_on) {
            (Some(value), _) if same => Valuation::Same { value },
            (Some(value), Some(rate_on)) => Valuation::Converted {
                reporting,
                value,
                rate_on,
            },
            _ => Valuation::NoRate { reporting },
        };
        PayValue {
            annual_midpoint: self.midpoint,
            valuation,
        }
    }
}

impl Valuation {
    /// The annualised midpoint in the reporting currency, when known.
    pub fn value(&self) -> Option<&BigDecimal> {
        match self {
            Valuation::Same { value } | Valuation::Converted { value, .. } => Some(value),
            Valuation::NoRate { .. } => None,
        }
    }
}

impl PayReport {
    /// Each report's value in `reporting`, in the order given; `None` for one deleted since
    /// it was read.
    pub fn valuations(
        conn: &mut PgConnection,
        reports: &[PayReport],
        reporting: &str,
    ) -> QueryResult<Vec<Option<PayValue>>> {
        if reports.is_empty() {
            return Ok(Vec::new());
        }
        let ids: Vec<i64> = reports.iter().map(|r| r.id.get()).collect();
        let mut rows: Vec<ValuedRow> = diesel::sql_query(format!(
            "SELECT pr.id, pr.currency, {ANNUAL_MIDPOINT}, f.value, f.rate_on
             FROM pay_report pr JOIN pay_figure f ON f.pay_report_id = pr.id
             WHERE pr.id = ANY($1)"
        ))
        .bind::<Array<BigInt>, _>(ids)
        .load(conn)?;
        Ok(reports
            .iter()
            .map(|report| {
                let at = rows.iter().position(|row| row.id == report.id)?;
                Some(rows.swap_remove(at).value(reporting))
            })
            .collect())
    }

    /// The largest packages by annualised midpoint in `reporting`, at most `limit`; then, at
    /// most `limit` again, the newest figures that could not be converted, which cannot be
    /// ranked among them.
    pub fn largest(
        conn: &mut PgConnection,
        reporting: &str,
        limit: i64,
    ) -> QueryResult<Vec<RankedPayReport>> {
        // Each half walks its own partial index (migration `report_figures`) and stops after
        // `limit` rows.
        let rows: Vec<ValuedRow> = diesel::sql_query(format!(
            "SELECT t.pay_report_id AS id, t.currency, {ANNUAL_MIDPOINT}, t.value, t.rate_on
            FROM (
                (SELECT * FROM pay_figure WHERE value IS NOT NULL
                 ORDER BY value DESC, pay_report_id LIMIT $1)
                UNION ALL
                (SELECT * FROM pay_figure WHERE value IS NULL
                 ORDER BY as_of DESC, pay_report_id LIMIT $1)
            ) t
            JOIN pay_report pr ON pr.id = t.pay_report_id
            ORDER BY t.value DESC NULLS LAST, t.as_of DESC, t.pay_report_id"
        ))
        .bind::<BigInt, _>(limit)
        .load(conn)?;
        let ids: Vec<PayReportId> = rows.iter().map(|row| row.id).collect();
        let mut reports: Vec<(PayReport, String)> = pay_report::table
            .inner_join(person::table)
            .filter(pay_report::id.eq_any(&ids))
            .select((PayReport::as_select(), person::full_name))
            .load(conn)?;
        Ok(rows
            .into_iter()
            .filter_map(|row| {
                let at = reports.iter().position(|(r, _)| r.id == row.id)?;
                let (report, person_name) = reports.swap_remove(at);
                Some(RankedPayReport {
                    report,
                    person_name,
                    value: row.value(reporting),
                })
            })
            .collect())
    }
}
