//! Pay history from a candidate in the EU (Directive (EU) 2023/970, art. 5(2)): its home is
//! `r.is_pay_history` and the triggers of src/db/sql/pay_history.sql; the import's copy,
//! `rules::asks_pay_history`, gives the same answer for every text, and the form, the import
//! and the database refuse the same figures and the same moves.

use diesel::prelude::*;
use diesel::result::{DatabaseErrorKind, Error};
use diesel::sql_types::{Array, BigInt, Bool, Integer, Nullable, Text};
use rocket::http::Status;
use talent_tracker::domain::rules::asks_pay_history;

use crate::common::TestApp;

#[derive(QueryableByName)]
struct Taken {
    #[diesel(sql_type = Integer)]
    variant: i32,
    #[diesel(sql_type = Array<Integer>)]
    chars: Vec<i32>,
}

/// "candidate" with the character `c` before it (variant 0), in place of its letter at
/// `variant` (1 to 9), or after it (10).
fn variant_text(variant: i32, c: char) -> String {
    match variant {
        0 => format!("{c}candidate"),
        10 => format!("candidate{c}"),
        at => "candidate"
            .chars()
            .enumerate()
            .map(|(i, letter)| if i + 1 == at as usize { c } else { letter })
            .collect(),
    }
}

/// Every character of the Basic Multilingual Plane, where all of Unicode's white space and
/// every letter that folds to an ASCII one (K for Kelvin, İ, ſ) lie, around "candidate" and in
/// place of each of its letters: which of them SQL takes for the candidate, and which Rust.
#[test]
fn every_character_around_or_in_candidate_is_read_alike_by_rust_and_sql() -> anyhow::Result<()> {
    let app = TestApp::anonymous(false)?;
    let rows: Vec<Taken> = diesel::sql_query(
        "SELECT v.variant, array_agg(c ORDER BY c) AS chars
         FROM generate_series(0, 10) v(variant), generate_series(1, 65535) c
         WHERE c NOT BETWEEN 55296 AND 57343
           AND r.is_pay_history(CASE v.variant
                   WHEN 0 THEN chr(c) || 'candidate'
                   WHEN 10 THEN 'candidate' || chr(c)
                   ELSE overlay('candidate' PLACING chr(c) FROM v.variant FOR 1) END)
         GROUP BY v.variant",
    )
    .load(&mut app.conn()?)?;
    for variant in 0..=10 {
        let sql: Vec<i32> = rows
            .iter()
            .find(|row| row.variant == variant)
            .map(|row| row.chars.clone())
            .unwrap_or_default();
        let rust: Vec<i32> = (1..=0xFFFF_u32)
            .filter_map(char::from_u32)
            .filter(|&c| asks_pay_history(Some(&variant_text(variant, c))))
            .map(|c| c as i32)
            .collect();
        let only = |a: &[i32], b: &[i32]| -> Vec<String> {
            a.iter()
                .filter(|c| !b.contains(c))
                .map(|c| format!("U+{c:04X}"))
                .collect()
        };
        assert!(
            sql == rust,
            "{:?}: only SQL takes {:?}, only Rust {:?}",
            variant_text(variant, '_'),
            only(&sql, &rust),
            only(&rust, &sql)
        );
    }
    Ok(())
}

#[derive(QueryableByName)]
struct Answer {
    #[diesel(sql_type = Nullable<Text>)]
    source: Option<String>,
    #[diesel(sql_type = Nullable<Bool>)]
    taken: Option<bool>,
}

/// Every ASCII case of "candidate", white space on both sides, none, and near misses.
#[test]
fn every_case_and_near_miss_is_read_alike_by_rust_and_sql() -> anyhow::Result<()> {
    let app = TestApp::anonymous(false)?;
    let mut sources: Vec<Option<String>> = (0..512_u32)
        .map(|mask| {
            Some(
                "candidate"
                    .chars()
                    .enumerate()
                    .map(|(i, c)| match mask & (1 << i) {
                        0 => c,
                        _ => c.to_ascii_uppercase(),
                    })
                    .collect(),
            )
        })
        .collect();
    for near in [
        "",
        " ",
        "\t Candidate \u{a0}\u{3000}",
        "candidates",
        "the candidate",
        "candidate candidate",
        "candidate's former manager",
        "cand idate",
        "ｃａｎｄｉｄａｔｅ",
        "CANDİDATE",
        "candıdate",
        "\u{200b}candidate",
        "candidate\u{feff}",
    ] {
        sources.push(Some(near.to_owned()));
    }
    sources.push(None);
    let answers: Vec<Answer> = diesel::sql_query(
        "SELECT s AS source, r.is_pay_history(s) AS taken FROM unnest($1::text[]) s",
    )
    .bind::<Array<Nullable<Text>>, _>(&sources)
    .load(&mut app.conn()?)?;
    assert_eq!(answers.len(), sources.len());
    for answer in answers {
        assert_eq!(
            answer.taken.unwrap_or(false),
            asks_pay_history(answer.source.as_deref()),
            "{:?}",
            answer.source
        );
    }
    Ok(())
}

/// Whether the database lets `write` through; rolled back either way.
fn database_keeps(
    conn: &mut PgConnection,
    write: impl FnOnce(&mut PgConnection) -> QueryResult<usize>,
) -> anyhow::Result<bool> {
    let tried = conn.transaction::<(), Error, _>(|c| {
        write(c)?;
        Err(Error::RollbackTransaction)
    });
    match tried {
        Err(Error::RollbackTransaction) => Ok(true),
        Err(Error::DatabaseError(DatabaseErrorKind::CheckViolation, info))
            if info.constraint_name() == Some("pay_history_refused") =>
        {
            Ok(false)
        }
        other => anyhow::bail!("{other:?}"),
    }
}

/// A figure from `source` (none when empty) for `person`, written as SQL by hand would.
fn add_figure(conn: &mut PgConnection, person: i64, source: &str) -> QueryResult<usize> {
    diesel::sql_query(
        "INSERT INTO pay_report (person_id, kind, currency, amount_low, amount_high, period,
                                 as_of, confidence, source_name)
         VALUES ($1, 'reported', 'EUR', 1, 1, 'annual', '2025-06-01', 'confirmed', $2)",
    )
    .bind::<BigInt, _>(person)
    .bind::<Nullable<Text>, _>((!source.is_empty()).then_some(source))
    .execute(conn)
}

const SOURCES: [&str; 6] = [
    "candidate",
    "Candidate",
    "CANDIDATE",
    "the candidate",
    "candidate's former manager",
    "",
];

const ZONES: [&str; 3] = ["EU", "US", ""];

fn figure(source: &str) -> Vec<(&'static str, String)> {
    [
        ("kind", "reported"),
        ("currency", "EUR"),
        ("amount_low", "1"),
        ("amount_high", "1"),
        ("period", "annual"),
        ("as_of", "2025-06-01"),
        ("confidence", "confirmed"),
    ]
    .map(|(k, v)| (k, v.to_owned()))
    .into_iter()
    .chain([("source_name", source.to_owned())])
    .collect()
}

/// Each zone with each source: a new figure is refused alike by the form, the import's
/// preview and the database.
#[test]
fn each_zone_and_source_of_a_new_figure_is_refused_alike_everywhere() -> anyhow::Result<()> {
    let app = TestApp::new()?;
    let mut conn = app.conn()?;
    each_person(&app, &ZONES, |zone, source, person, id| {
        let database = database_keeps(&mut conn, |c| add_figure(c, id, source))?;
        let fields = figure(source);
        let fields: Vec<(&str, &str)> = fields.iter().map(|(k, v)| (*k, v.as_str())).collect();
        let page = app.post(&format!("/people/{id}/pay"), &fields);
        let form = match page.status {
            Status::SeeOther => true,
            Status::UnprocessableEntity if page.field_errors("source_name").len() == 1 => false,
            other => anyhow::bail!("{zone:?} {source:?}: {other}: {}", page.body),
        };
        let file = format!(
            "full_name,stage,zone,kind,currency,amount_low,amount_high,period,as_of,\
                 confidence,source_name\n\
                 Imported {person},sourced,{zone},reported,EUR,1,1,annual,2025-06-01,confirmed,\
                 \"{source}\"\n"
        );
        let preview = app.upload("pay.csv", file.as_bytes());
        let import = !preview.contains("may not be asked for their pay history");
        assert_eq!(
            (form, import),
            (database, database),
            "zone {zone:?}, source {source:?}: (form, import) keep it against the database"
        );
        assert_eq!(
            database,
            !(zone == "EU" && source.eq_ignore_ascii_case("candidate"))
        );
        Ok(())
    })
}

/// Each source in each zone a person leaves: moving into the EU is refused alike by the person
/// form, the import's preview and the database.
#[test]
fn each_source_and_zone_left_for_the_eu_is_refused_alike_everywhere() -> anyhow::Result<()> {
    let app = TestApp::new()?;
    let mut conn = app.conn()?;
    each_person(&app, &["US", ""], |zone, source, name, id| {
        add_figure(&mut conn, id, source)?;
        let database = database_keeps(&mut conn, |c| {
            diesel::sql_query("UPDATE person SET zone = 'EU' WHERE id = $1")
                .bind::<BigInt, _>(id)
                .execute(c)
        })?;
        let file = format!("full_name,stage,zone\n{name},sourced,EU\n");
        let preview = app.upload("people.csv", file.as_bytes());
        let import = !preview.contains("Remove those figures before moving them into the EU");
        let page = app.post(
            &format!("/people/{id}/edit"),
            &[("full_name", name), ("stage", "sourced"), ("zone", "EU")],
        );
        let form = match page.status {
            Status::SeeOther => true,
            Status::UnprocessableEntity if page.field_errors("zone").len() == 1 => false,
            other => anyhow::bail!("{zone:?} {source:?}: {other}: {}", page.body),
        };
        assert_eq!(
            (form, import),
            (database, database),
            "from {zone:?} with source {source:?}: (form, import) move them against the database"
        );
        assert_eq!(database, !source.eq_ignore_ascii_case("candidate"));
        Ok(())
    })
}

/// Runs `check` on a new person (numbered, named "Person N") for each of `zones` with each
/// source: `check(zone, source, name, id)`.
fn each_person(
    app: &TestApp,
    zones: &[&'static str],
    mut check: impl FnMut(&str, &str, &str, i64) -> anyhow::Result<()>,
) -> anyhow::Result<()> {
    let mut person = 0;
    for zone in zones {
        for source in SOURCES {
            person += 1;
            let name = format!("Person {person}");
            let id = app.create_person(&[
                ("full_name", name.as_str()),
                ("stage", "sourced"),
                ("zone", zone),
            ]);
            check(zone, source, &name, id)?;
        }
    }
    Ok(())
}
