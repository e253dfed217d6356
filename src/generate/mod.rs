//! `talent-tracker generate`: a realistic synthetic data set of any size, the same for the same
//! seed, written with COPY in one transaction (a failed run leaves nothing behind).
//!
//! The audit triggers are switched off for the load, inside the transaction: the audit records
//! what people changed, and a million synthetic records would only bury it (and take several
//! times longer to write). The generation itself is not hidden: it is one import batch-like
//! entry in the audit, written by hand at the end.

mod synth;
mod words;

use std::fmt::Write as _;
use std::io::Write;

use chrono::{Datelike, Months, NaiveDate};
use diesel::connection::SimpleConnection;
use diesel::prelude::*;
use diesel::sql_types::{BigInt, Text};
use rand::{Rng, SeedableRng};
use rand_chacha::ChaCha8Rng;

use crate::schema::{company, pay_report, person, stage_change};
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

const PROGRESS_STEP: u64 = 10_000;

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
        conn.batch_execute(
            "ALTER TABLE company DISABLE TRIGGER company_audit_create; \
             ALTER TABLE person DISABLE TRIGGER person_audit_create; \
             ALTER TABLE pay_report DISABLE TRIGGER pay_report_audit_create; \
             ALTER TABLE exchange_rate DISABLE TRIGGER exchange_rate_audit_create",
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
        conn.batch_execute(
            "ALTER TABLE company ENABLE TRIGGER company_audit_create; \
             ALTER TABLE person ENABLE TRIGGER person_audit_create; \
             ALTER TABLE pay_report ENABLE TRIGGER pay_report_audit_create; \
             ALTER TABLE exchange_rate ENABLE TRIGGER exchange_rate_audit_create",
        )?;
        record_in_audit(conn, options, &written)?;
        Ok::<_, GenerateError>(written)
    })?;
    progress.phase("vacuum and analyze", 1);
    // Fresh statistics and visibility maps, so the planner and index-only scans see the data.
    diesel::sql_query("VACUUM (ANALYZE) company, person, stage_change, pay_report, exchange_rate")
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

/// Takes the next identity value of `table` and returns it: the rows COPY writes next get the
/// following ids in order, since nothing else writes these tables inside our transaction
/// (checked afterwards by `expect_ids`).
fn reserve_id(conn: &mut PgConnection, table: &str) -> QueryResult<i64> {
    #[derive(QueryableByName)]
    struct Next {
        #[diesel(sql_type = BigInt)]
        id: i64,
    }
    conn.batch_execute(&format!("LOCK TABLE {table} IN SHARE ROW EXCLUSIVE MODE"))?;
    diesel::sql_query(format!(
        "SELECT nextval(pg_get_serial_sequence('{table}', 'id')) AS id"
    ))
    .get_result::<Next>(conn)
    .map(|n| n.id)
}

fn expect_ids(conn: &mut PgConnection, table: &str, after: i64, count: u64) -> QueryResult<()> {
    #[derive(QueryableByName)]
    struct Count {
        #[diesel(sql_type = BigInt)]
        n: i64,
    }
    let found = diesel::sql_query(format!(
        "SELECT count(*) AS n FROM {table} WHERE id > $1 AND id <= $1 + $2"
    ))
    .bind::<BigInt, _>(after)
    .bind::<BigInt, _>(count as i64)
    .get_result::<Count>(conn)?;
    if found.n as u64 == count {
        Ok(())
    } else {
        Err(diesel::result::Error::QueryBuilderError(
            format!("{table} ids were not given out in order; nothing was written").into(),
        ))
    }
}

/// COPY's text format: tab-separated, `\N` for NULL. The vocabulary has no tabs, backslashes
/// or line breaks (see `words`), so values are written as they are.
fn field(line: &mut String, value: Option<&dyn std::fmt::Display>) {
    if !line.is_empty() {
        line.push('\t');
    }
    match value {
        Some(v) => {
            let _ = write!(line, "{v}");
        }
        None => line.push_str("\\N"),
    }
}

fn opt<T: std::fmt::Display>(value: &Option<T>) -> Option<&dyn std::fmt::Display> {
    value.as_ref().map(|v| v as &dyn std::fmt::Display)
}

fn timestamp(date: NaiveDate) -> String {
    format!("{date} 10:00:00+00")
}

/// Adapts a writer of COPY lines to what Diesel's `copy_from` expects of its callback.
fn rows_of(
    write: impl Fn(&mut dyn Write) -> std::io::Result<()>,
) -> impl Fn(&mut dyn Write) -> Result<(), diesel::result::Error> {
    move |out| write(out).map_err(|e| diesel::result::Error::SerializationError(Box::new(e)))
}

/// Buffers COPY lines and hands them over in large writes.
struct Lines<'w> {
    out: &'w mut dyn Write,
    buffer: Vec<u8>,
}

impl<'w> Lines<'w> {
    fn new(out: &'w mut dyn Write) -> Self {
        Self {
            out,
            buffer: Vec::with_capacity(1 << 17),
        }
    }

    fn push(&mut self, line: &mut String) -> std::io::Result<()> {
        self.buffer.extend_from_slice(line.as_bytes());
        self.buffer.push(b'\n');
        line.clear();
        if self.buffer.len() >= 1 << 16 {
            self.out.write_all(&self.buffer)?;
            self.buffer.clear();
        }
        Ok(())
    }

    fn finish(self) -> std::io::Result<()> {
        self.out.write_all(&self.buffer)
    }
}

fn copy_companies(
    conn: &mut PgConnection,
    count: usize,
    progress: &dyn Progress,
) -> QueryResult<Vec<i64>> {
    progress.phase("companies", count as u64);
    let first = reserve_id(conn, "company")?;
    diesel::copy_from(company::table)
        .from_raw_data(
            (
                company::name,
                company::kind,
                company::website,
                company::country,
            ),
            rows_of(|out| {
                let mut lines = Lines::new(out);
                let mut line = String::new();
                for index in 0..count {
                    let c = synth::company(index);
                    field(&mut line, Some(&c.name));
                    field(&mut line, Some(&c.kind));
                    field(&mut line, Some(&c.website));
                    field(&mut line, Some(&c.country));
                    lines.push(&mut line)?;
                }
                progress.advance(count as u64);
                lines.finish()
            }),
        )
        .execute(conn)?;
    expect_ids(conn, "company", first, count as u64)?;
    Ok((1..=count as i64).map(|k| first + k).collect())
}

/// Returns the id just before the first generated person's.
fn copy_people(
    conn: &mut PgConnection,
    options: &Options,
    companies: &[i64],
    weights: &CompanyWeights,
    progress: &dyn Progress,
) -> QueryResult<i64> {
    progress.phase("people", options.people);
    let first = reserve_id(conn, "person")?;
    let company_id = |at: Option<usize>| at.map(|k| companies[k]);
    diesel::copy_from(person::table)
        .from_raw_data(
            (
                person::full_name,
                person::title,
                person::expertise,
                person::origin_company_id,
                person::hiring_company_id,
                person::team,
                person::stage,
                person::first_contact_on,
                person::offer_on,
                person::decided_on,
                person::start_on,
                person::location,
                person::created_at,
                person::updated_at,
            ),
            rows_of(|out| {
                let mut lines = Lines::new(out);
                let mut line = String::new();
                for index in 0..options.people {
                    let p = synth::person(options.seed, index, weights);
                    let last_change = p.path[p.path.len() - 1].1;
                    field(&mut line, Some(&p.full_name));
                    field(&mut line, opt(&p.title));
                    field(&mut line, opt(&p.expertise));
                    field(&mut line, opt(&company_id(p.origin)));
                    field(&mut line, opt(&company_id(p.hiring)));
                    field(&mut line, opt(&p.team));
                    field(&mut line, Some(&p.stage.as_str()));
                    field(&mut line, opt(&p.first_contact_on));
                    field(&mut line, opt(&p.offer_on));
                    field(&mut line, opt(&p.decided_on));
                    field(&mut line, opt(&p.start_on));
                    field(&mut line, opt(&p.location));
                    field(&mut line, Some(&timestamp(p.sourced_on)));
                    field(&mut line, Some(&timestamp(last_change)));
                    lines.push(&mut line)?;
                    if (index + 1) % PROGRESS_STEP == 0 {
                        progress.advance(PROGRESS_STEP);
                    }
                }
                progress.advance(options.people % PROGRESS_STEP);
                lines.finish()
            }),
        )
        .execute(conn)?;
    expect_ids(conn, "person", first, options.people)?;
    Ok(first)
}

fn copy_stage_changes(
    conn: &mut PgConnection,
    options: &Options,
    first_person: i64,
    weights: &CompanyWeights,
    progress: &dyn Progress,
) -> QueryResult<u64> {
    progress.phase("stage history", options.people);
    let rows = std::cell::Cell::new(0u64);
    diesel::copy_from(stage_change::table)
        .from_raw_data(
            (
                stage_change::person_id,
                stage_change::from_stage,
                stage_change::to_stage,
                stage_change::changed_at,
            ),
            rows_of(|out| {
                let mut lines = Lines::new(out);
                let mut line = String::new();
                for index in 0..options.people {
                    let p = synth::person(options.seed, index, weights);
                    let id = first_person + 1 + index as i64;
                    let mut from = None;
                    for (stage, on) in &p.path {
                        field(&mut line, Some(&id));
                        field(
                            &mut line,
                            opt(&from.map(|s: crate::domain::Stage| s.as_str())),
                        );
                        field(&mut line, Some(&stage.as_str()));
                        field(&mut line, Some(&timestamp(*on)));
                        lines.push(&mut line)?;
                        from = Some(*stage);
                    }
                    rows.set(rows.get() + p.path.len() as u64);
                    if (index + 1) % PROGRESS_STEP == 0 {
                        progress.advance(PROGRESS_STEP);
                    }
                }
                progress.advance(options.people % PROGRESS_STEP);
                lines.finish()
            }),
        )
        .execute(conn)?;
    Ok(rows.get())
}

fn copy_pay_reports(
    conn: &mut PgConnection,
    options: &Options,
    first_person: i64,
    weights: &CompanyWeights,
    progress: &dyn Progress,
) -> QueryResult<u64> {
    progress.phase("pay reports", options.people);
    let currencies = synth::currency_weights();
    let rows = std::cell::Cell::new(0u64);
    diesel::copy_from(pay_report::table)
        .from_raw_data(
            (
                pay_report::person_id,
                pay_report::kind,
                pay_report::currency,
                pay_report::amount_low,
                pay_report::amount_high,
                pay_report::period,
                pay_report::period_years,
                pay_report::base,
                pay_report::as_of,
                pay_report::source_name,
                pay_report::confidence,
                pay_report::created_at,
                pay_report::updated_at,
            ),
            rows_of(|out| {
                let mut lines = Lines::new(out);
                let mut line = String::new();
                for index in 0..options.people {
                    let id = first_person + 1 + index as i64;
                    let reports =
                        synth::person(options.seed, index, weights).pay_reports(&currencies);
                    for r in &reports {
                        let period = if r.period_years.is_some() {
                            "total"
                        } else {
                            "annual"
                        };
                        field(&mut line, Some(&id));
                        field(&mut line, Some(&r.kind.as_str()));
                        field(&mut line, Some(&r.currency));
                        field(&mut line, Some(&r.amount_low));
                        field(&mut line, Some(&r.amount_high));
                        field(&mut line, Some(&period));
                        field(&mut line, opt(&r.period_years));
                        field(&mut line, opt(&r.base));
                        field(&mut line, Some(&r.as_of));
                        field(&mut line, Some(&r.source));
                        field(&mut line, Some(&r.confidence.as_str()));
                        field(&mut line, Some(&timestamp(r.as_of)));
                        field(&mut line, Some(&timestamp(r.as_of)));
                        lines.push(&mut line)?;
                    }
                    rows.set(rows.get() + reports.len() as u64);
                    if (index + 1) % PROGRESS_STEP == 0 {
                        progress.advance(PROGRESS_STEP);
                    }
                }
                progress.advance(options.people % PROGRESS_STEP);
                lines.finish()
            }),
        )
        .execute(conn)?;
    Ok(rows.get())
}

/// Monthly rates over the synthetic history for every other currency, wandering a few percent
/// around their usual level. Days that already have a rate (the demo's) keep it.
fn exchange_rates(
    conn: &mut PgConnection,
    options: &Options,
    reporting_per_usd: f64,
) -> QueryResult<u64> {
    use crate::schema::exchange_rate;
    let mut rng = ChaCha8Rng::seed_from_u64(options.seed ^ 0x05ee_d0f7_a7e5);
    let first = synth::history_start()
        .with_day(1)
        .expect("first of the month")
        - Months::new(1);
    let months = (chrono::Utc::now().date_naive() - first).num_days() / 30 + 2;
    let mut written = 0;
    for &(currency, _, per_usd) in CURRENCIES {
        if currency == options.reporting_currency {
            continue;
        }
        let mut level = reporting_per_usd / per_usd;
        let rows: Vec<_> = (0..months as u32)
            .map(|m| {
                level *= 1.0 + rng.random_range(-0.02..0.02);
                let on = first + Months::new(m);
                let rate = bigdecimal::BigDecimal::try_from(level)
                    .unwrap_or_default()
                    .with_scale_round(8, bigdecimal::RoundingMode::HalfEven);
                (
                    exchange_rate::currency.eq(currency),
                    exchange_rate::rate_on.eq(on),
                    exchange_rate::rate.eq(rate),
                )
            })
            .collect();
        written += diesel::insert_into(exchange_rate::table)
            .values(&rows)
            .on_conflict_do_nothing()
            .execute(conn)? as u64;
    }
    Ok(written)
}
