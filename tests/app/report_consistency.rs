//! Every report, after a random sequence of writes, equals the same report recomputed from
//! scratch: from the pay reports, people, stage history and exchange rates alone, with no kept
//! figure (`report_figures` migration) involved. The writes go straight to the tables, in
//! statements of one row and of several, so every trigger path is taken whichever code path
//! writes.

use std::fmt::Debug;

use bigdecimal::BigDecimal;
use chrono::{Duration, NaiveDate};
use diesel::connection::SimpleConnection;
use diesel::prelude::*;
use diesel::sql_types::{Array, BigInt, Date, Nullable, Numeric, SmallInt, Text};
use proptest::prelude::*;
use proptest::sample::Index;
use talent_tracker::domain::{CompanyId, Confidence, PayKind, Stage};
use talent_tracker::models::Person;
use talent_tracker::reports::{
    GroupBy, Interval, ReportFilter, UnconvertedFigure, compensation, pipeline, talent_flow,
    timeline,
};

use crate::common::TestApp;

pub(crate) mod kept_rows;
mod reference;
mod transactions;

const CURRENCIES: [&str; 4] = ["USD", "EUR", "GBP", "JPY"];
const TITLES: [Option<&str>; 3] = [None, Some("Researcher"), Some("Engineer")];
const STAGES: [&str; 7] = [
    "sourced",
    "contacted",
    "interviewing",
    "offer",
    "hired",
    "declined",
    "withdrawn",
];

fn day(offset: u16) -> NaiveDate {
    NaiveDate::from_ymd_opt(2024, 1, 1).expect("a date") + Duration::days(offset.into())
}

#[derive(Debug, Clone)]
enum Write {
    NewPerson {
        origin: Option<Index>,
        hiring: Option<Index>,
        title: Index,
        stage: Index,
        decided_on: Option<u16>,
        entered_on: u16,
    },
    EditPerson {
        person: Index,
        origin: Option<Index>,
        hiring: Option<Index>,
        title: Index,
        decided_on: Option<u16>,
    },
    MovePerson {
        person: Index,
        stage: Index,
        on: u16,
    },
    DeletePerson(Index),
    /// One statement writing several pay reports, as an import does.
    NewPay(Vec<(Index, Pay)>),
    EditPay(Index, Pay),
    DeletePay(Index),
    NewRate {
        currency: Index,
        on: u16,
        rate: u32,
    },
    EditRate {
        rate: Index,
        to: u32,
        on: Option<u16>,
    },
    DeleteRate(Index),
}

#[derive(Debug, Clone)]
struct Pay {
    kind: Index,
    confidence: Index,
    currency: Index,
    low: u32,
    spread: u32,
    years: Option<i16>,
    as_of: u16,
}

fn pay() -> impl Strategy<Value = Pay> {
    (
        any::<Index>(),
        any::<Index>(),
        any::<Index>(),
        1u32..500,
        0u32..100,
        prop::option::weighted(0.2, 1i16..5),
        0u16..400,
    )
        .prop_map(
            |(kind, confidence, currency, low, spread, years, as_of)| Pay {
                kind,
                confidence,
                currency,
                low,
                spread,
                years,
                as_of,
            },
        )
}

fn write() -> impl Strategy<Value = Write> {
    let company = || prop::option::weighted(0.85, any::<Index>());
    prop_oneof![
        3 => (company(), company(), any::<Index>(), any::<Index>(),
              prop::option::of(0u16..400), 0u16..400)
            .prop_map(|(origin, hiring, title, stage, decided_on, entered_on)| Write::NewPerson {
                origin, hiring, title, stage, decided_on, entered_on
            }),
        1 => (any::<Index>(), company(), company(), any::<Index>(), prop::option::of(0u16..400))
            .prop_map(|(person, origin, hiring, title, decided_on)| Write::EditPerson {
                person, origin, hiring, title, decided_on
            }),
        2 => (any::<Index>(), any::<Index>(), 0u16..400)
            .prop_map(|(person, stage, on)| Write::MovePerson { person, stage, on }),
        1 => any::<Index>().prop_map(Write::DeletePerson),
        4 => prop::collection::vec((any::<Index>(), pay()), 1..4).prop_map(Write::NewPay),
        1 => (any::<Index>(), pay()).prop_map(|(at, pay)| Write::EditPay(at, pay)),
        1 => any::<Index>().prop_map(Write::DeletePay),
        2 => (any::<Index>(), 0u16..400, 50u32..200)
            .prop_map(|(currency, on, rate)| Write::NewRate { currency, on, rate }),
        1 => (any::<Index>(), 50u32..200, prop::option::of(0u16..400))
            .prop_map(|(rate, to, on)| Write::EditRate { rate, to, on }),
        1 => any::<Index>().prop_map(Write::DeleteRate),
    ]
}

fn ids(conn: &mut PgConnection, table: &str) -> QueryResult<Vec<i64>> {
    #[derive(QueryableByName)]
    struct Id {
        #[diesel(sql_type = BigInt)]
        id: i64,
    }
    let rows: Vec<Id> =
        diesel::sql_query(format!("SELECT id FROM {table} ORDER BY id")).load(conn)?;
    Ok(rows.into_iter().map(|r| r.id).collect())
}

fn pick(ids: &[i64], at: &Index) -> Option<i64> {
    (!ids.is_empty()).then(|| ids[at.index(ids.len())])
}

fn apply(conn: &mut PgConnection, companies: &[i64], write: &Write) -> QueryResult<()> {
    let company = |at: &Option<Index>| at.as_ref().and_then(|at| pick(companies, at));
    let people = ids(conn, "person")?;
    match write {
        Write::NewPerson {
            origin,
            hiring,
            title,
            stage,
            decided_on,
            entered_on,
        } => {
            let stage = STAGES[stage.index(STAGES.len())];
            diesel::sql_query(
                "WITH p AS (
                    INSERT INTO person (full_name, origin_company_id, hiring_company_id, title,
                                        stage, decided_on)
                    VALUES ('Someone', $1, $2, $3, $4, $5) RETURNING id)
                 INSERT INTO stage_change (person_id, to_stage, changed_at)
                 SELECT id, $4, $6::date + time '10:00' FROM p",
            )
            .bind::<Nullable<BigInt>, _>(company(origin))
            .bind::<Nullable<BigInt>, _>(company(hiring))
            .bind::<Nullable<Text>, _>(TITLES[title.index(TITLES.len())])
            .bind::<Text, _>(stage)
            .bind::<Nullable<Date>, _>(decided_on.map(day))
            .bind::<Date, _>(day(*entered_on))
            .execute(conn)?;
        }
        Write::EditPerson {
            person,
            origin,
            hiring,
            title,
            decided_on,
        } => {
            let Some(id) = pick(&people, person) else {
                return Ok(());
            };
            diesel::sql_query(
                // An erased person keeps no title (a CHECK): the other fields still change.
                "UPDATE person SET origin_company_id = $2, hiring_company_id = $3,
                        title = CASE WHEN erased_at IS NULL THEN $4 END,
                        decided_on = $5, offer_on = NULL
                 WHERE id = $1",
            )
            .bind::<BigInt, _>(id)
            .bind::<Nullable<BigInt>, _>(company(origin))
            .bind::<Nullable<BigInt>, _>(company(hiring))
            .bind::<Nullable<Text>, _>(TITLES[title.index(TITLES.len())])
            .bind::<Nullable<Date>, _>(decided_on.map(day))
            .execute(conn)?;
        }
        Write::MovePerson { person, stage, on } => {
            let Some(id) = pick(&people, person) else {
                return Ok(());
            };
            diesel::sql_query(
                "WITH old AS (SELECT stage FROM person WHERE id = $1),
                      moved AS (UPDATE person SET stage = $2 WHERE id = $1 AND stage <> $2
                                RETURNING id)
                 INSERT INTO stage_change (person_id, from_stage, to_stage, changed_at)
                 SELECT moved.id, old.stage, $2, $3::date + time '12:00' FROM moved, old",
            )
            .bind::<BigInt, _>(id)
            .bind::<Text, _>(STAGES[stage.index(STAGES.len())])
            .bind::<Date, _>(day(*on))
            .execute(conn)?;
        }
        Write::DeletePerson(at) => {
            if let Some(id) = pick(&people, at) {
                diesel::sql_query("DELETE FROM person WHERE id = $1")
                    .bind::<BigInt, _>(id)
                    .execute(conn)?;
            }
        }
        Write::NewPay(pays) => {
            let mut rows = PayRows::default();
            for (person, pay) in pays {
                if let Some(id) = pick(&people, person) {
                    rows.push(id, pay);
                }
            }
            diesel::sql_query(
                "INSERT INTO pay_report (person_id, kind, confidence, currency, amount_low,
                                         amount_high, period, period_years, as_of)
                 SELECT person_id, kind, confidence, currency, low, high,
                        CASE WHEN years IS NULL THEN 'annual' ELSE 'total' END, years, as_of
                 FROM unnest($1, $2, $3, $4, $5, $6, $7, $8)
                      AS t(person_id, kind, confidence, currency, low, high, years, as_of)",
            )
            .bind::<Array<BigInt>, _>(rows.person)
            .bind::<Array<Text>, _>(rows.kind)
            .bind::<Array<Text>, _>(rows.confidence)
            .bind::<Array<Text>, _>(rows.currency)
            .bind::<Array<Numeric>, _>(rows.low)
            .bind::<Array<Numeric>, _>(rows.high)
            .bind::<Array<Nullable<SmallInt>>, _>(rows.years)
            .bind::<Array<Date>, _>(rows.as_of)
            .execute(conn)?;
        }
        Write::EditPay(at, pay) => {
            let Some(id) = pick(&ids(conn, "pay_report")?, at) else {
                return Ok(());
            };
            let (kind, confidence, currency, low, high) = pay.columns();
            diesel::sql_query(
                "UPDATE pay_report SET kind = $2, confidence = $3, currency = $4, amount_low = $5,
                        amount_high = $6, period = CASE WHEN $7::smallint IS NULL THEN 'annual'
                        ELSE 'total' END, period_years = $7, as_of = $8
                 WHERE id = $1",
            )
            .bind::<BigInt, _>(id)
            .bind::<Text, _>(kind)
            .bind::<Text, _>(confidence)
            .bind::<Text, _>(currency)
            .bind::<Numeric, _>(low)
            .bind::<Numeric, _>(high)
            .bind::<Nullable<SmallInt>, _>(pay.years)
            .bind::<Date, _>(day(pay.as_of))
            .execute(conn)?;
        }
        Write::DeletePay(at) => {
            if let Some(id) = pick(&ids(conn, "pay_report")?, at) {
                diesel::sql_query("DELETE FROM pay_report WHERE id = $1")
                    .bind::<BigInt, _>(id)
                    .execute(conn)?;
            }
        }
        Write::NewRate { currency, on, rate } => {
            diesel::sql_query(
                "INSERT INTO exchange_rate (currency, rate_on, rate) VALUES ($1, $2, $3 / 100.0)
                 ON CONFLICT (currency, rate_on) DO NOTHING",
            )
            .bind::<Text, _>(CURRENCIES[1 + currency.index(CURRENCIES.len() - 1)])
            .bind::<Date, _>(day(*on))
            .bind::<BigInt, _>(i64::from(*rate))
            .execute(conn)?;
        }
        Write::EditRate { rate, to, on } => {
            if let Some(id) = pick(&ids(conn, "exchange_rate")?, rate) {
                diesel::sql_query(
                    "UPDATE exchange_rate er SET rate = $2 / 100.0, rate_on = coalesce($3, rate_on)
                     WHERE id = $1 AND NOT EXISTS (
                         SELECT 1 FROM exchange_rate o
                         WHERE o.currency = er.currency AND o.rate_on = $3 AND o.id <> $1)",
                )
                .bind::<BigInt, _>(id)
                .bind::<BigInt, _>(i64::from(*to))
                .bind::<Nullable<Date>, _>(on.map(day))
                .execute(conn)?;
            }
        }
        Write::DeleteRate(at) => {
            if let Some(id) = pick(&ids(conn, "exchange_rate")?, at) {
                diesel::sql_query("DELETE FROM exchange_rate WHERE id = $1")
                    .bind::<BigInt, _>(id)
                    .execute(conn)?;
            }
        }
    }
    Ok(())
}

impl Pay {
    fn columns(
        &self,
    ) -> (
        &'static str,
        &'static str,
        &'static str,
        BigDecimal,
        BigDecimal,
    ) {
        let kind = PayKind::ALL[self.kind.index(PayKind::ALL.len())].as_str();
        let confidence = Confidence::ALL[self.confidence.index(Confidence::ALL.len())].as_str();
        let currency = CURRENCIES[self.currency.index(CURRENCIES.len())];
        // Thousands with odd cents, so midpoints and conversions need rounding.
        let low: BigDecimal =
            BigDecimal::from(i64::from(self.low) * 100_001) / BigDecimal::from(100);
        let extra: BigDecimal =
            BigDecimal::from(i64::from(self.spread) * 1_003) / BigDecimal::from(10);
        let high: BigDecimal = low.clone() + extra;
        (kind, confidence, currency, low, high)
    }
}

#[derive(Default)]
struct PayRows {
    person: Vec<i64>,
    kind: Vec<&'static str>,
    confidence: Vec<&'static str>,
    currency: Vec<&'static str>,
    low: Vec<BigDecimal>,
    high: Vec<BigDecimal>,
    years: Vec<Option<i16>>,
    as_of: Vec<NaiveDate>,
}

impl PayRows {
    fn push(&mut self, person: i64, pay: &Pay) {
        let (kind, confidence, currency, low, high) = pay.columns();
        self.person.push(person);
        self.kind.push(kind);
        self.confidence.push(confidence);
        self.currency.push(currency);
        self.low.push(low);
        self.high.push(high);
        self.years.push(pay.years);
        self.as_of.push(day(pay.as_of));
    }
}

/// The filters a report is read with: none, each on its own, and some together.
fn filters(companies: &[i64]) -> Vec<ReportFilter> {
    let base = ReportFilter::default();
    let mut all = vec![
        base.clone(),
        ReportFilter {
            from: Some(day(100)),
            to: Some(day(300)),
            ..base.clone()
        },
        ReportFilter {
            origin_company_id: Some(CompanyId(companies[0])),
            ..base.clone()
        },
        ReportFilter {
            hiring_company_id: Some(CompanyId(companies[1])),
            ..base.clone()
        },
        ReportFilter {
            interval: Interval::Quarter,
            ..base.clone()
        },
        // Windows open at one end: a start alone keeps the latest flags, an end alone picks
        // by the next figure's day.
        ReportFilter {
            from: Some(day(150)),
            ..base.clone()
        },
        ReportFilter {
            to: Some(day(200)),
            ..base.clone()
        },
        ReportFilter {
            to: Some(day(200)),
            group_by: GroupBy::Confidence,
            kind: Some(PayKind::Offered),
            ..base.clone()
        },
    ];
    for group_by in GroupBy::ALL {
        for kind in [None, Some(PayKind::Offered)] {
            for confidence in [None, Some(Confidence::Reported)] {
                for window in [None, Some((day(50), day(250)))] {
                    all.push(ReportFilter {
                        group_by,
                        kind,
                        confidence,
                        from: window.map(|w| w.0),
                        to: window.map(|w| w.1),
                        ..base.clone()
                    });
                }
            }
        }
    }
    all
}

fn same<T: Debug>(what: &str, filter: &ReportFilter, kept: &[T], scratch: &[T]) {
    assert_eq!(
        format!("{kept:#?}"),
        format!("{scratch:#?}"),
        "{what} with {filter:?}: kept figures (left) against recomputed from scratch (right)"
    );
}

/// What a chart of the `top` largest groups shows: those, then the row pooling the rest.
fn chart_rows<T>(rows: Vec<T>, top: Option<i64>, is_other: fn(&T) -> bool) -> Vec<T> {
    let Some(top) = top else {
        return rows;
    };
    let (other, groups): (Vec<T>, Vec<T>) = rows.into_iter().partition(is_other);
    groups.into_iter().take(top as usize).chain(other).collect()
}

fn left_out(report: talent_tracker::reports::Report) -> Vec<UnconvertedFigure> {
    report.left_out
}

#[derive(QueryableByName)]
struct Differing {
    #[diesel(sql_type = BigInt)]
    rows: i64,
}

/// The counts per range of values the percentiles are found by (`pay_value_count`) against a
/// count of the kept figures: a wrong count need not move a percentile the filters above read.
fn counts_differ(conn: &mut PgConnection) -> QueryResult<i64> {
    let recount = "SELECT k.grouped_by, k.grp, r.pay_bucket(f.value) AS bucket, count(*) AS n
        FROM pay_figure f
        CROSS JOIN LATERAL r.pay_count_keys(f.latest, f.latest_of_kind, f.latest_of_confidence,
            f.origin_company_id, f.hiring_company_id, f.title, f.kind, f.confidence, f.value) k
        GROUP BY 1, 2, 3";
    let kept = "SELECT grouped_by, grp, bucket, sum(n) AS n FROM pay_value_count
        GROUP BY 1, 2, 3 HAVING sum(n) <> 0";
    let rows: Differing = diesel::sql_query(format!(
        "SELECT count(*) AS rows FROM (
            ({kept} EXCEPT ALL {recount}) UNION ALL ({recount} EXCEPT ALL {kept})) d"
    ))
    .get_result(conn)?;
    Ok(rows.rows)
}

fn compare_all(conn: &mut PgConnection, companies: &[i64], currency: &str) -> anyhow::Result<()> {
    compare(conn, currency, filters(companies))
}

/// Every kept row and count against its recount, and the reports read with `filters` against
/// the same reports computed from scratch.
fn compare(
    conn: &mut PgConnection,
    currency: &str,
    filters: Vec<ReportFilter>,
) -> anyhow::Result<()> {
    // Over the test's few rows, never analysed, the planner expects millions and compiles the
    // reference queries to machine code (JIT) first: seconds each, for queries of milliseconds.
    conn.batch_execute("SET jit = off")?;
    assert_eq!(counts_differ(conn)?, 0, "kept counts per range of values");
    let differing = kept_rows::differing(conn)?;
    assert!(
        differing.is_empty(),
        "kept rows against their recount: {differing:?}"
    );
    // The dashboard's people per stage, read from the pipeline's kept counts.
    let recount = Stage::ALL
        .iter()
        .map(|&stage| {
            let n = talent_tracker::schema::person::table
                .filter(talent_tracker::schema::person::stage.eq(stage))
                .count()
                .get_result(conn)?;
            Ok((stage, n))
        })
        .collect::<QueryResult<Vec<(Stage, i64)>>>()?;
    assert_eq!(Person::count_by_stage(conn)?, recount, "people per stage");
    for filter in filters {
        // Every group, and a chart's few largest with the rest pooled.
        for top in [None, Some(1), Some(2)] {
            let kept = chart_rows(compensation::distributions(conn, &filter, top)?, top, |d| {
                d.is_other
            });
            let scratch = reference::distributions(conn, &filter, currency, top)?;
            same("compensation", &filter, &kept, &scratch);
        }
        let kept = left_out(
            compensation::run(conn, &filter, currency).map_err(|e| anyhow::anyhow!("{e:?}"))?,
        );
        same(
            "compensation left out",
            &filter,
            &kept,
            &reference::compensation_left_out(conn, &filter, currency)?,
        );
        if filter.group_by != GroupBy::OriginCompany
            || filter.kind.is_some()
            || filter.confidence.is_some()
        {
            continue;
        }
        for top in [None, Some(1), Some(2)] {
            let kept = chart_rows(talent_flow::flows(conn, &filter, top)?, top, |f| f.is_other);
            let scratch = reference::flows(conn, &filter, currency, top)?;
            same("talent flow", &filter, &kept, &scratch);
        }
        let kept = timeline::periods(conn, &filter)?;
        same(
            "timeline",
            &filter,
            &kept,
            &reference::periods(conn, &filter, currency)?,
        );
        let kept =
            left_out(timeline::run(conn, &filter, currency).map_err(|e| anyhow::anyhow!("{e:?}"))?);
        same(
            "hires left out",
            &filter,
            &kept,
            &reference::hires_left_out(conn, &filter, currency)?,
        );
        let kept = pipeline::stages(conn, &filter)?;
        same(
            "pipeline",
            &filter,
            &kept,
            &reference::stages(conn, &filter)?,
        );
    }
    Ok(())
}

fn companies(conn: &mut PgConnection) -> anyhow::Result<Vec<i64>> {
    ["Alpha Lab", "Beta Lab", "Gamma Lab"]
        .into_iter()
        .map(|name| Ok(crate::reports::company(conn, name)?.get()))
        .collect()
}

proptest! {
    #![proptest_config(ProptestConfig { cases: 12, ..ProptestConfig::default() })]

    #[test]
    fn every_report_equals_its_recomputation_after_any_writes(
        writes in prop::collection::vec(write(), 1..40),
        switch_currency in any::<bool>(),
    ) {
        let app = TestApp::anonymous(false).expect("an app");
        let mut conn = app.conn().expect("a connection");
        let companies = companies(&mut conn).expect("companies");
        for write in &writes {
            apply(&mut conn, &companies, write).expect("a write");
        }
        compare_all(&mut conn, &companies, "USD").expect("reports");
        if switch_currency {
            talent_tracker::models::report_setting::use_reporting_currency(&mut conn, "EUR")
                .expect("a new reporting currency");
            compare_all(&mut conn, &companies, "EUR").expect("reports in EUR");
        }
    }
}

/// Two transactions adding a figure for the same person at once: the second waits for the
/// first (the person's row lock), then sees its figure, so neither fails and the person's
/// latest figure is the right one.
#[test]
fn concurrent_writes_for_one_person_keep_the_figures_right() -> anyhow::Result<()> {
    let app = TestApp::anonymous(false)?;
    let mut conn = app.conn()?;
    let companies = companies(&mut conn)?;
    diesel::sql_query("INSERT INTO person (full_name, stage) VALUES ('Someone', 'sourced')")
        .execute(&mut conn)?;
    let start = std::sync::Arc::new(std::sync::Barrier::new(2));
    let writers: Vec<_> = [10, 20]
        .into_iter()
        .map(|as_of| {
            let (url, start) = (app.database_url().to_owned(), start.clone());
            std::thread::spawn(move || -> anyhow::Result<()> {
                let mut conn = PgConnection::establish(&url)?;
                conn.transaction(|conn| {
                    start.wait();
                    diesel::sql_query(
                        "INSERT INTO pay_report (person_id, kind, confidence, currency,
                                                 amount_low, amount_high, period, as_of)
                         SELECT id, 'reported', 'reported', 'USD', 1000 * $1, 1000 * $1,
                                'annual', $2 FROM person",
                    )
                    .bind::<BigInt, _>(i64::from(as_of))
                    .bind::<Date, _>(day(as_of))
                    .execute(conn)?;
                    std::thread::sleep(std::time::Duration::from_millis(200));
                    Ok::<_, anyhow::Error>(())
                })
            })
        })
        .collect();
    for writer in writers {
        writer.join().expect("a writer thread")?;
    }
    compare_all(&mut conn, &companies, "USD")?;
    let rows = compensation::distributions(&mut conn, &ReportFilter::default(), None)?;
    assert_eq!(rows.len(), 1);
    assert_eq!(
        (rows[0].n, rows[0].max.to_string()),
        (1, "20000.00".to_owned())
    );
    Ok(())
}

/// The app started with another reporting currency keeps its report values in that one: a
/// euro figure needs no rate and is reported at its own amount, a dollar figure without a rate
/// is left out.
#[test]
fn the_reporting_currency_at_startup_is_the_one_values_are_kept_in() -> anyhow::Result<()> {
    let app = TestApp::anonymous_with(|config| config.reporting_currency = "EUR".to_owned())?;
    app.add_user("analyst@example.com", talent_tracker::domain::Role::Analyst)?;
    app.log_in("analyst@example.com")?;
    let mut conn = app.conn()?;
    diesel::sql_query(
        "WITH p AS (INSERT INTO person (full_name, stage) VALUES ('Ann', 'hired'), ('Bo', 'hired')
                    RETURNING id, full_name)
         INSERT INTO pay_report (person_id, kind, confidence, currency, amount_low, amount_high,
                                 period, as_of)
         SELECT id, 'reported', 'reported', CASE full_name WHEN 'Ann' THEN 'EUR' ELSE 'USD' END,
                CASE full_name WHEN 'Ann' THEN 100000 ELSE 300000 END,
                CASE full_name WHEN 'Ann' THEN 200000 ELSE 500000 END, 'annual', '2025-01-01'
         FROM p",
    )
    .execute(&mut conn)?;
    let csv = app.download("/reports/compensation.csv");
    let lines: Vec<&str> = csv.lines().collect();
    assert!(lines[0].contains("Median (EUR)"), "{csv}");
    assert_eq!(lines.len(), 2, "one group, of the euro figure alone: {csv}");
    assert!(lines[1].contains(",1,150000.00,"), "{csv}");
    Ok(())
}
