//! Demo data for an empty database: the Meta superintelligence hires that motivate the
//! product, and fictional candidates so that every page shows something.

use bigdecimal::BigDecimal;
use chrono::{NaiveDate, TimeZone, Utc};
use diesel::prelude::*;

use crate::domain::{CompanyKind, Confidence, PayKind, Period, Stage};
use crate::models::{
    Company, CompanyFields, ExchangeRate, NewExchangeRate, PayReport, PayReportFields, Person,
    PersonFields,
};
use crate::schema::{company, exchange_rate, pay_report, person};

const PRESS_NOTE: &str = "Press report of the package, not a confirmed figure; the hire was \
                          part of a wider deal.";

/// Seeds the demo data unless the database already holds companies or people. The demo
/// exchange rates are in US dollars, so they are only added when that is the reporting currency.
pub fn seed_if_empty(conn: &mut PgConnection, reporting_currency: &str) -> anyhow::Result<()> {
    let has_data: bool = diesel::select(
        diesel::dsl::exists(company::table.select(company::id))
            .or(diesel::dsl::exists(person::table.select(person::id))),
    )
    .get_result(conn)?;
    if !has_data {
        conn.transaction(|conn| {
            seed(conn)?;
            if reporting_currency == "USD" {
                seed_rates(conn)?;
            }
            diesel::update(exchange_rate::table)
                .set(exchange_rate::is_demo.eq(true))
                .execute(conn)?;
            QueryResult::Ok(())
        })?;
    }
    Ok(())
}

struct DemoPerson {
    name: &'static str,
    title: &'static str,
    from: &'static str,
    to: &'static str,
    team: Option<&'static str>,
    /// Each stage the person went through and the day they reached it.
    path: &'static [(Stage, &'static str)],
    notes: &'static str,
}

fn seed(conn: &mut PgConnection) -> QueryResult<()> {
    let companies = [
        (
            "Meta",
            CompanyKind::BigTech,
            "https://about.meta.com",
            "US",
            "Home of Meta Superintelligence Labs, formed in 2025.",
        ),
        (
            "Scale AI",
            CompanyKind::Startup,
            "https://scale.com",
            "US",
            "Data labelling; Meta invested about $14.3B in 2025.",
        ),
        (
            "GitHub",
            CompanyKind::BigTech,
            "https://github.com",
            "US",
            "",
        ),
        (
            "Safe Superintelligence",
            CompanyKind::AiLab,
            "https://ssi.inc",
            "US",
            "",
        ),
        ("OpenAI", CompanyKind::AiLab, "https://openai.com", "US", ""),
        (
            "Google DeepMind",
            CompanyKind::AiLab,
            "https://deepmind.google",
            "GB",
            "",
        ),
        (
            "Anthropic",
            CompanyKind::AiLab,
            "https://www.anthropic.com",
            "US",
            "",
        ),
    ];
    for (name, kind, website, country, notes) in companies {
        Company::insert(
            conn,
            &CompanyFields {
                name: name.into(),
                kind,
                website: Some(website.into()),
                country: Some(country.into()),
                notes: (!notes.is_empty()).then(|| notes.into()),
            },
        )?;
    }
    let hired = |on| -> &'static [(Stage, &'static str)] { on };
    let people = [
        DemoPerson {
            name: "Alexandr Wang",
            title: "Chief AI Officer",
            from: "Scale AI",
            to: "Meta",
            team: Some("Superintelligence Labs"),
            path: hired(&[
                (Stage::Contacted, "2025-05-01"),
                (Stage::Offer, "2025-06-01"),
                (Stage::Hired, "2025-06-12"),
            ]),
            notes: "Founder of Scale AI.",
        },
        DemoPerson {
            name: "Nat Friedman",
            title: "Head of products and applied research",
            from: "GitHub",
            to: "Meta",
            team: Some("Superintelligence Labs"),
            path: hired(&[
                (Stage::Contacted, "2025-05-10"),
                (Stage::Offer, "2025-06-10"),
                (Stage::Hired, "2025-06-20"),
            ]),
            notes: "Former GitHub CEO.",
        },
        DemoPerson {
            name: "Daniel Gross",
            title: "Products lead",
            from: "Safe Superintelligence",
            to: "Meta",
            team: Some("Superintelligence Labs"),
            path: hired(&[
                (Stage::Contacted, "2025-05-15"),
                (Stage::Offer, "2025-06-15"),
                (Stage::Hired, "2025-07-01"),
            ]),
            notes: "Co-founder of Safe Superintelligence.",
        },
        DemoPerson {
            name: "Priya Raman",
            title: "Research scientist",
            from: "Google DeepMind",
            to: "Meta",
            team: None,
            path: &[(Stage::Sourced, "2025-09-01")],
            notes: "Fictional demo candidate.",
        },
        DemoPerson {
            name: "Jonas Weber",
            title: "Inference engineer",
            from: "OpenAI",
            to: "Anthropic",
            team: None,
            path: &[
                (Stage::Sourced, "2025-08-01"),
                (Stage::Contacted, "2025-08-20"),
            ],
            notes: "Fictional demo candidate.",
        },
        DemoPerson {
            name: "Mei Lin",
            title: "Member of technical staff",
            from: "Anthropic",
            to: "OpenAI",
            team: None,
            path: &[
                (Stage::Sourced, "2025-07-01"),
                (Stage::Contacted, "2025-07-10"),
                (Stage::Interviewing, "2025-08-05"),
            ],
            notes: "Fictional demo candidate.",
        },
        DemoPerson {
            name: "Samuel Okafor",
            title: "Staff research engineer",
            from: "Google DeepMind",
            to: "Meta",
            team: Some("Superintelligence Labs"),
            path: &[
                (Stage::Sourced, "2025-06-01"),
                (Stage::Contacted, "2025-06-15"),
                (Stage::Interviewing, "2025-07-01"),
                (Stage::Offer, "2025-08-01"),
            ],
            notes: "Fictional demo candidate.",
        },
        DemoPerson {
            name: "Clara Duval",
            title: "Research scientist",
            from: "OpenAI",
            to: "Meta",
            team: None,
            path: &[
                (Stage::Sourced, "2025-06-05"),
                (Stage::Contacted, "2025-06-20"),
                (Stage::Offer, "2025-07-15"),
                (Stage::Declined, "2025-07-30"),
            ],
            notes: "Fictional demo candidate.",
        },
        DemoPerson {
            name: "Tomás Ortega",
            title: "Pre-training lead",
            from: "Anthropic",
            to: "Google DeepMind",
            team: None,
            path: &[
                (Stage::Sourced, "2025-04-01"),
                (Stage::Contacted, "2025-04-15"),
                (Stage::Withdrawn, "2025-05-02"),
            ],
            notes: "Fictional demo candidate.",
        },
    ];
    for demo in &people {
        let person = add_person(conn, demo)?;
        seed_pay(conn, &person)?;
    }
    // Everything written above is demo data: the database was empty before this transaction.
    diesel::update(company::table)
        .set(company::is_demo.eq(true))
        .execute(conn)?;
    diesel::update(person::table)
        .set(person::is_demo.eq(true))
        .execute(conn)?;
    diesel::update(pay_report::table)
        .set(pay_report::is_demo.eq(true))
        .execute(conn)?;
    Ok(())
}

fn day(text: &str) -> NaiveDate {
    NaiveDate::parse_from_str(text, "%Y-%m-%d").unwrap_or_default()
}

fn add_person(conn: &mut PgConnection, demo: &DemoPerson) -> QueryResult<Person> {
    let company_id =
        |conn: &mut PgConnection, name| Company::find_by_name(conn, name).map(|c| c.map(|c| c.id));
    let date_of = |stage| {
        demo.path
            .iter()
            .find(|(s, _)| *s == stage)
            .map(|(_, d)| day(d))
    };
    let (first, rest) = demo
        .path
        .split_first()
        .ok_or(diesel::result::Error::NotFound)?;
    let decided = date_of(Stage::Hired).or(date_of(Stage::Declined));
    let fields = PersonFields {
        full_name: demo.name.into(),
        title: Some(demo.title.into()),
        expertise: Some("Artificial intelligence".into()),
        origin_company_id: company_id(conn, demo.from)?,
        hiring_company_id: company_id(conn, demo.to)?,
        team: demo.team.map(Into::into),
        stage: first.0,
        first_contact_on: date_of(Stage::Contacted),
        offer_on: date_of(Stage::Offer),
        decided_on: decided,
        start_on: date_of(Stage::Hired),
        location: None,
        notes: Some(demo.notes.into()),
    };
    let at = |d: &str| Utc.from_utc_datetime(&day(d).and_hms_opt(9, 0, 0).unwrap_or_default());
    let person = Person::insert_entered(conn, &fields, at(first.1))?;
    for (stage, on) in rest {
        Person::move_stage(conn, person.id, *stage, at(on))?;
    }
    Person::find(conn, person.id)
}

fn seed_pay(conn: &mut PgConnection, person: &Person) -> QueryResult<()> {
    let millions = |m: i64| BigDecimal::from(m * 1_000_000);
    let report = |low: i64, high: i64| PayReportFields {
        kind: PayKind::Reported,
        currency: "USD".into(),
        amount_low: millions(low),
        amount_high: millions(high),
        period: Period::Total,
        period_years: Some(4),
        base: None,
        bonus: None,
        equity: None,
        sign_on: None,
        as_of: day("2025-06-30"),
        source_name: Some("Press reports".into()),
        source_url: None,
        confidence: Confidence::Reported,
        notes: Some(PRESS_NOTE.into()),
    };
    let reports = match person.fields.full_name.as_str() {
        "Alexandr Wang" => vec![report(100, 300)],
        "Nat Friedman" => vec![report(100, 200)],
        "Daniel Gross" => vec![report(100, 200)],
        "Samuel Okafor" => vec![PayReportFields {
            kind: PayKind::Offered,
            currency: "EUR".into(),
            amount_low: BigDecimal::from(850_000),
            amount_high: BigDecimal::from(950_000),
            period: Period::Annual,
            period_years: None,
            base: Some(BigDecimal::from(400_000)),
            confidence: Confidence::Confirmed,
            source_name: Some("Offer letter (fictional)".into()),
            as_of: day("2025-08-01"),
            notes: None,
            ..report(0, 0)
        }],
        _ => vec![],
    };
    for fields in &reports {
        PayReport::insert(conn, person.id, fields)?;
    }
    Ok(())
}

/// Approximate US dollars per unit at the start and the middle of 2025 (demo values).
fn seed_rates(conn: &mut PgConnection) -> QueryResult<()> {
    let rates = [
        ("EUR", "2025-01-01", "1.0350"),
        ("EUR", "2025-06-30", "1.1720"),
        ("GBP", "2025-01-01", "1.2520"),
        ("GBP", "2025-06-30", "1.3710"),
        ("CHF", "2025-01-01", "1.1030"),
        ("CHF", "2025-06-30", "1.2560"),
        ("CNY", "2025-01-01", "0.1370"),
        ("CNY", "2025-06-30", "0.1396"),
    ];
    for (currency, on, rate) in rates {
        ExchangeRate::insert(
            conn,
            &NewExchangeRate {
                currency: currency.into(),
                rate_on: day(on),
                rate: rate.parse().unwrap_or_default(),
            },
        )?;
    }
    Ok(())
}
