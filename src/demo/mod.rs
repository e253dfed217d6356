//! Demo data for an empty database: the Meta superintelligence hires that motivate the
//! product, and fictional candidates so that every page shows something.

mod bands;
mod pay;
pub mod removal;
mod roster;

use chrono::{NaiveDate, TimeZone, Utc};
use diesel::prelude::*;

use crate::domain::Stage;
use crate::models::{Company, CompanyFields, Person, PersonFields};
use crate::schema::{company, exchange_rate, pay_report, person};
use pay::{seed_pay, seed_rates};
use roster::DemoPerson;

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

fn seed(conn: &mut PgConnection) -> QueryResult<()> {
    let companies = roster::companies();
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
    let people = roster::people();
    for demo in &people {
        let person = add_person(conn, demo)?;
        seed_pay(conn, &person)?;
    }
    bands::seed_bands(conn)?;
    bands::seed_offers(conn)?;
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
        notes: Some(demo.notes.into()),
        ..PersonFields::default()
    };
    let at = |d: &str| Utc.from_utc_datetime(&day(d).and_hms_opt(9, 0, 0).unwrap_or_default());
    let person = Person::insert_entered(conn, &fields, at(first.1))?;
    for (stage, on) in rest {
        Person::move_stage(conn, person.id, *stage, at(on))?;
    }
    Person::find(conn, person.id)
}
