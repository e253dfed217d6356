//! `talent-tracker generate`: a realistic synthetic data set of any size, the same for the same
//! seed, written with COPY in one transaction (a failed run leaves nothing behind).
//!
//! The audit triggers are switched off for the load, inside the transaction: the audit records
//! what people changed, and a million synthetic records would only bury it (and take several
//! times longer to write). The generation itself is not hidden: it is one import batch-like
//! entry in the audit, written by hand at the end.

mod copy_tables;
mod copy_text;
mod ids;
mod names;
mod rates;
mod synth;
mod words;

use diesel::connection::SimpleConnection;
use diesel::prelude::*;
use diesel::sql_types::Text;

use crate::schema::person;
use copy_tables::{copy_companies, copy_pay_reports, copy_people, copy_stage_changes};
use rates::exchange_rates;
use synth::{CURRENCIES, CompanyWeights};

pub struct Options {
    pub people: u64,
    pub seed: u64,
    /// Exchange rates are written into this currency (the server's reporting currency).
    pub reporting_currency: String,
}

#[derive(Debug, Default, PartialEq, Eq)]
pub struct Written {
    pub companies: u64,
    pub people: u64,
    pub stage_changes: u64,
    pub pay_reports: u64,
    pub exchange_rates: u64,
}

/// What the generator reports as it goes: a phase starts with its length, then advances.
pub trait Progress {
    fn phase(&self, name: &'static str, length: u64);
    fn advance(&self, by: u64);
}

#[derive(Debug, thiserror::Error)]
pub enum GenerateError {
    #[error(
        "the database already holds {0} people besides the demo data; generate into an empty \
         database (point DATABASE_URL at a new one)"
    )]
    NotEmpty(i64),
    #[error("the reporting currency {0} has no synthetic exchange rates (use one of {1})")]
    UnknownCurrency(String, String),
    #[error(transparent)]
    Database(#[from] diesel::result::Error),
}

/// How many companies a data set of `people` has: a long tail, one per 250 people.
fn company_count(people: u64) -> usize {
    (people / 250).clamp(20, 20_000) as usize
}

pub fn generate(
    conn: &mut PgConnection,
    options: &Options,
    progress: &dyn Progress,
) -> Result<Written, GenerateError> {
    let per_usd_of = |code: &str| CURRENCIES.iter().find(|c| c.0 == code).map(|c| c.2);
    let Some(reporting_per_usd) = per_usd_of(&options.reporting_currency) else {
        let known: Vec<_> = CURRENCIES.iter().map(|c| c.0).collect();
        return Err(GenerateError::UnknownCurrency(
            options.reporting_currency.clone(),
            known.join(", "),
        ));
    };
    let written = conn.transaction(|conn| {
        let existing: i64 = person::table
            .filter(person::is_demo.eq(false))
            .count()
            .get_result(conn)?;
        if existing > 0 {
            return Err(GenerateError::NotEmpty(existing));
        }
        crate::models::report_setting::use_reporting_currency(conn, &options.reporting_currency)?;
        // Row by row, audit entries and report figures would cost more than the data itself:
        // one audit entry says what was generated, and the figures are computed once, set-wise.
        conn.batch_execute(
            "ALTER TABLE company DISABLE TRIGGER company_audit_create; \
             ALTER TABLE person DISABLE TRIGGER person_audit_create; \
             ALTER TABLE pay_report DISABLE TRIGGER pay_report_audit_create; \
             ALTER TABLE exchange_rate DISABLE TRIGGER exchange_rate_audit_create; \
             ALTER TABLE person DISABLE TRIGGER person_figures_insert; \
             ALTER TABLE stage_change DISABLE TRIGGER stage_change_figures_insert; \
             ALTER TABLE pay_report DISABLE TRIGGER pay_report_figures_insert",
        )?;
        let mut written = Written {
            exchange_rates: exchange_rates(conn, options, reporting_per_usd)?,
            ..Written::default()
        };
        let companies = copy_companies(conn, company_count(options.people), progress)?;
        written.companies = companies.len() as u64;
        let weights = CompanyWeights::new(companies.len());
        let first_person = copy_people(conn, options, &companies, &weights, progress)?;
        written.people = options.people;
        written.stage_changes =
            copy_stage_changes(conn, options, first_person, &weights, progress)?;
        written.pay_reports = copy_pay_reports(conn, options, first_person, &weights, progress)?;
        progress.phase("report figures", 1);
        conn.batch_execute(
            "SELECT r.refresh_all_figures(); \
             ALTER TABLE company ENABLE TRIGGER company_audit_create; \
             ALTER TABLE person ENABLE TRIGGER person_audit_create; \
             ALTER TABLE pay_report ENABLE TRIGGER pay_report_audit_create; \
             ALTER TABLE exchange_rate ENABLE TRIGGER exchange_rate_audit_create; \
             ALTER TABLE person ENABLE TRIGGER person_figures_insert; \
             ALTER TABLE stage_change ENABLE TRIGGER stage_change_figures_insert; \
             ALTER TABLE pay_report ENABLE TRIGGER pay_report_figures_insert",
        )?;
        progress.advance(1);
        record_in_audit(conn, options, &written)?;
        Ok::<_, GenerateError>(written)
    })?;
    progress.phase("vacuum and analyze", 1);
    // Fresh statistics and visibility maps, so the planner and index-only scans see the data:
    // every table the triggers filled too (the filtered pipeline reads `stage_stay` through
    // covering indexes, and ran 2-3 times slower until autovacuum came by).
    diesel::sql_query(
        "VACUUM (ANALYZE) company, person, stage_change, pay_report, exchange_rate, pay_figure, \
         person_fact, stage_stay, pipeline_count, stage_stay_count, pay_value_count, \
         duplicate_pair",
    )
    .execute(conn)?;
    progress.advance(1);
    Ok(written)
}

/// One audit entry says what was generated, by whom, from which seed.
fn record_in_audit(
    conn: &mut PgConnection,
    options: &Options,
    written: &Written,
) -> QueryResult<()> {
    let summary = serde_json::json!({
        "generated": "synthetic data",
        "seed": options.seed,
        "people": written.people,
        "companies": written.companies,
        "pay_reports": written.pay_reports,
        "stage_changes": written.stage_changes,
    });
    diesel::sql_query(
        "INSERT INTO audit_log (actor, record_table, record_id, action, after) \
         VALUES (coalesce(nullif(current_setting('talent_tracker.actor', true), ''), 'system'), \
                 'generate', 0, 'create', $1::jsonb)",
    )
    .bind::<Text, _>(summary.to_string())
    .execute(conn)
    .map(drop)
}
