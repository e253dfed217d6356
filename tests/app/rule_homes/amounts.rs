//! Amount limits: the form's parses (`Money`, `Rate`) and the database's columns and CHECKs
//! (`NUMERIC(14, 2)` and `>= 0` for amounts, a band's midpoints `> 0`, `NUMERIC(20, 10)` and
//! `> 0` for rates) must take the same values, so that the form never lets through what the
//! database refuses (a 500) or would round, and refuses nothing the database would keep as
//! typed. Each boundary value goes through every amount field of every form and into its
//! column.

use diesel::prelude::*;
use diesel::result::Error;
use diesel::sql_types::{Bool, Text};
use rocket::http::Status;
use talent_tracker::domain::Role;

use crate::common::{Page, TestApp, id_from};

/// Around the limits of NUMERIC(14, 2): twelve digits before the point, two after, not below 0.
const AMOUNTS: [&str; 13] = [
    "0",
    "0.00",
    "0.01",
    "-0.01",
    "0.001",
    "0.005",
    "999999999999.99",
    "999999999999.994",
    "999999999999.995",
    "1000000000000",
    "1000000000000.00",
    "0999999999999.99",
    "00000000000000.5",
];

/// Around the limits of NUMERIC(20, 10): ten digits on either side of the point, above 0.
const RATES: [&str; 10] = [
    "0",
    "0.0000000000",
    "0.0000000001",
    "0.00000000001",
    "0.00000000005",
    "-1",
    "9999999999.9999999999",
    "9999999999.99999999999",
    "10000000000",
    "09999999999.5",
];

#[derive(QueryableByName)]
struct Same {
    #[diesel(sql_type = Bool)]
    same: bool,
}

/// Whether `update` (binding the value as text, returning `same`: whether the column holds it
/// exactly) passes the database's types and CHECKs unchanged; rolled back either way.
fn database_keeps(conn: &mut PgConnection, update: &str, value: &str) -> anyhow::Result<bool> {
    let mut same = false;
    let tried = conn.transaction::<(), Error, _>(|c| {
        let row: Same = diesel::sql_query(update)
            .bind::<Text, _>(value)
            .get_result(c)?;
        same = row.same;
        Err(Error::RollbackTransaction)
    });
    match tried {
        Err(Error::RollbackTransaction) => Ok(same),
        // A CHECK, or a value too large for the column's NUMERIC.
        Err(Error::DatabaseError(kind, info))
            if matches!(kind, diesel::result::DatabaseErrorKind::CheckViolation)
                || info.message().contains("numeric field overflow") =>
        {
            Ok(false)
        }
        other => anyhow::bail!("{update} with {value:?}: {other:?}"),
    }
}

/// Whether the form saved (303) or refused the value beside `field` (422).
fn form_keeps(page: &Page, field: &str, value: &str) -> anyhow::Result<bool> {
    match page.status {
        Status::SeeOther => Ok(true),
        Status::UnprocessableEntity if !page.field_errors(field).is_empty() => Ok(false),
        other => anyhow::bail!("{field} = {value:?}: {other}: {}", page.body),
    }
}

#[test]
fn every_amount_field_takes_the_amounts_its_column_keeps() -> anyhow::Result<()> {
    let app = TestApp::logged_in(false, Role::Admin)?;
    let mut conn = app.conn()?;
    let person = app.create_person(&[("full_name", "Ada"), ("stage", "sourced")]);
    let report = |changes: &[(&'static str, &str)]| {
        let mut fields: Vec<(&str, String)> = [
            ("kind", "reported"),
            ("currency", "USD"),
            ("amount_low", "1"),
            ("amount_high", "1"),
            ("period", "annual"),
            ("as_of", "2025-06-30"),
            ("confidence", "reported"),
        ]
        .map(|(k, v)| (k, v.to_owned()))
        .to_vec();
        for (name, value) in changes {
            fields.retain(|(k, _)| k != name);
            fields.push((name, (*value).to_owned()));
        }
        let fields: Vec<(&str, &str)> = fields.iter().map(|(k, v)| (*k, v.as_str())).collect();
        app.post(&format!("/people/{person}/pay"), &fields)
    };
    id_from(&report(&[]));
    for value in AMOUNTS {
        // The band's ends are ordered, so the low end is tried with the high one alike.
        let page = report(&[("amount_low", value), ("amount_high", value)]);
        let database = database_keeps(
            &mut conn,
            "UPDATE pay_report SET amount_low = $1::numeric, amount_high = $1::numeric
             RETURNING amount_low = $1::numeric AND amount_high = $1::numeric AS same",
            value,
        )?;
        assert_eq!(
            form_keeps(&page, "amount_low", value)?,
            database,
            "band {value:?}"
        );
        for field in ["base", "bonus", "equity", "sign_on"] {
            let page = report(&[(field, value)]);
            let database = database_keeps(
                &mut conn,
                &format!(
                    "UPDATE pay_report SET {field} = $1::numeric RETURNING {field} = $1::numeric AS same"
                ),
                value,
            )?;
            assert_eq!(
                form_keeps(&page, field, value)?,
                database,
                "{field} {value:?}"
            );
        }
    }
    Ok(())
}

#[test]
fn every_band_range_takes_the_amounts_its_columns_keep() -> anyhow::Result<()> {
    let app = TestApp::logged_in(false, Role::Admin)?;
    let mut conn = app.conn()?;
    // A band with both ranges, each end set to `value` in `range` ("base" or "total").
    let band = |level: &str, range: &str, value: &str| {
        let mut fields: Vec<(String, String)> =
            crate::pay_bands::band("Research Scientist", level, "EU", "2025-01-01")
                .into_iter()
                .map(|(k, v)| (k.to_owned(), v.to_owned()))
                .chain(["min", "mid", "max"].map(|end| (format!("total_{end}"), "300000".into())))
                .collect();
        for (name, typed) in &mut fields {
            if name.starts_with(range) {
                *typed = value.to_owned();
            }
        }
        let fields: Vec<(&str, &str)> = fields
            .iter()
            .map(|(k, v)| (k.as_str(), v.as_str()))
            .collect();
        app.post("/pay-bands", &fields)
    };
    id_from(&band("L0", "none", ""));
    for (at, value) in AMOUNTS.iter().enumerate() {
        for range in ["base", "total"] {
            let ends = ["min", "mid", "max"].map(|end| format!("{range}_{end}"));
            let page = band(&format!("L-{range}-{at}"), range, value);
            let form = match page.status {
                Status::SeeOther => true,
                Status::UnprocessableEntity
                    if ends.iter().any(|f| !page.field_errors(f).is_empty()) =>
                {
                    false
                }
                other => anyhow::bail!("{range} {value:?}: {other}: {}", page.body),
            };
            let [min, mid, max] = &ends;
            let database = database_keeps(
                &mut conn,
                &format!(
                    "UPDATE pay_band SET {min} = $1::numeric, {mid} = $1::numeric,
                                         {max} = $1::numeric
                     WHERE level = 'L0'
                     RETURNING {min} = $1::numeric AND {mid} = $1::numeric
                               AND {max} = $1::numeric AS same"
                ),
                value,
            )?;
            assert_eq!(form, database, "{range} range at {value:?}");
        }
    }
    Ok(())
}

#[test]
fn the_rate_field_takes_the_rates_its_column_keeps() -> anyhow::Result<()> {
    let app = TestApp::logged_in(false, Role::Admin)?;
    let mut conn = app.conn()?;
    let rate = |day: usize, value: &str| {
        app.post(
            "/exchange-rates",
            &[
                ("currency", "CHF"),
                ("rate_on", &format!("2025-01-{:02}", day + 1)),
                ("rate", value),
            ],
        )
    };
    assert_eq!(rate(30, "1").status, Status::SeeOther);
    for (day, value) in RATES.iter().enumerate() {
        let page = rate(day, value);
        let database = database_keeps(
            &mut conn,
            "UPDATE exchange_rate SET rate = $1::numeric RETURNING rate = $1::numeric AS same",
            value,
        )?;
        assert_eq!(
            form_keeps(&page, "rate", value)?,
            database,
            "rate {value:?}"
        );
    }
    Ok(())
}
