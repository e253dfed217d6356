//! One COPY per table: companies, people, their stage history and their pay reports, each
//! person drawn again from their seed stream in every pass.

use diesel::prelude::*;

use super::copy_text::{Lines, field, opt, rows_of, timestamp};
use super::ids::{expect_ids, reserve_id};
use super::synth::{self, CompanyWeights};
use super::{Options, Progress};
use crate::domain::name_key;
use crate::schema::{company, pay_report, person, stage_change};

const PROGRESS_STEP: u64 = 10_000;

pub(super) fn copy_companies(
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
                company::name_key,
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
                    field(&mut line, Some(&name_key(&c.name)));
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
pub(super) fn copy_people(
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
                person::name_key,
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
                    field(&mut line, Some(&name_key(&p.full_name)));
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

pub(super) fn copy_stage_changes(
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

pub(super) fn copy_pay_reports(
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
