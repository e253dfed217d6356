//! Names match whatever their case, accents or script: the search, the import and company
//! uniqueness all compare one key, on a server of any locale.

use diesel::prelude::*;
use rocket::http::Status;
use talent_tracker::db::migrate;
use talent_tracker::domain::name_key;
use talent_tracker::schema::{company, person};

use crate::common::TestApp;

/// The names a search in this form of the list finds.
fn found(app: &TestApp, list: &str, search: &str) -> Vec<String> {
    let q: String = url::form_urlencoded::byte_serialize(search.as_bytes()).collect();
    app.get(&format!("/{list}?q={q}"))
        .texts("tbody td:first-child a")
}

fn company_count(app: &TestApp) -> anyhow::Result<i64> {
    Ok(company::table.count().get_result(&mut app.conn()?)?)
}

#[test]
fn searching_people_ignores_case_and_accents() -> anyhow::Result<()> {
    let app = TestApp::new()?;
    app.create_person(&[("full_name", "Jürgen Groß-Öztürk"), ("stage", "sourced")]);
    app.create_person(&[("full_name", "Tomás Díaz"), ("stage", "sourced")]);
    app.create_person(&[("full_name", "Anna Smith"), ("stage", "sourced")]);
    for search in [
        "öztürk",
        "ÖZTÜRK",
        "oztürk",
        "Ozturk",
        "gross",
        "GROẞ",
        "jurgen  gross",
    ] {
        assert_eq!(
            found(&app, "people", search),
            vec!["Jürgen Groß-Öztürk"],
            "{search}"
        );
    }
    assert_eq!(found(&app, "people", "Tomas"), vec!["Tomás Díaz"]);
    assert_eq!(found(&app, "people", "ＤＩＡＺ"), vec!["Tomás Díaz"]);
    Ok(())
}

#[test]
fn reimporting_the_own_export_creates_nobody_whatever_the_script() -> anyhow::Result<()> {
    let app = TestApp::new()?;
    for (person, origin) in [
        ("Jürgen Groß-Öztürk", "Öztürk Labs"),
        ("İlkay Işık", "İstanbul Yapay Zekâ"),
        ("Ｔａｒｏ Ｙａｍａｄａ", "ＡＢＣ Studio"),
    ] {
        app.create_company(origin);
        app.create_person(&[
            ("full_name", person),
            ("origin_company", origin),
            ("stage", "sourced"),
        ]);
    }
    let export = app.download("/people.csv");
    let again = app.upload("people.csv", export.as_bytes());
    assert!(
        again.contains("A file of people: 3 unchanged people."),
        "{}",
        again.body
    );
    assert!(again.attrs("form[action$='/confirm']", "action").is_empty());
    assert_eq!(company_count(&app)?, 3);
    Ok(())
}

#[test]
fn a_company_name_in_other_case_and_accents_exists_already() -> anyhow::Result<()> {
    let app = TestApp::new()?;
    app.create_company("Öztürk Labs");
    for taken in ["ÖZTÜRK LABS", "Ozturk Labs"] {
        let page = app.post("/companies", &[("name", taken), ("kind", "ai_lab")]);
        assert_eq!(page.status, Status::UnprocessableEntity, "{taken}");
        assert!(
            page.field_errors("name")[0].contains("exists already"),
            "{taken}: {:?}",
            page.field_errors("name")
        );
    }
    assert_eq!(company_count(&app)?, 1);
    assert_eq!(found(&app, "companies", "ozturk"), vec!["Öztürk Labs"]);
    Ok(())
}

#[test]
fn the_import_uses_a_company_written_in_other_case_and_accents() -> anyhow::Result<()> {
    let app = TestApp::new()?;
    let id = app.create_company("Öztürk Labs");
    let file = "full_name,origin_company,stage\nAda Lovelace,OZTURK LABS,sourced\n";
    let batch = app.import("people.csv", file.as_bytes());
    assert!(batch.texts(".flash")[0].starts_with("Imported "));
    assert_eq!(company_count(&app)?, 1);
    let origin: Option<i64> = person::table
        .select(person::origin_company_id)
        .first::<Option<talent_tracker::domain::CompanyId>>(&mut app.conn()?)?
        .map(|id| id.get());
    assert_eq!(origin, Some(id));
    Ok(())
}

#[test]
fn rows_from_before_the_key_get_it_at_startup() -> anyhow::Result<()> {
    let app = TestApp::new()?;
    let mut conn = app.conn()?;
    diesel::sql_query("INSERT INTO company (name, kind) VALUES ('Ärzte Labs', 'other')")
        .execute(&mut conn)?;
    diesel::sql_query("INSERT INTO person (full_name, stage) VALUES ('Zoë Ünal', 'sourced')")
        .execute(&mut conn)?;
    let version = |conn: &mut PgConnection| -> QueryResult<i32> {
        person::table.select(person::version).first(conn)
    };
    let before = version(&mut conn)?;

    migrate::migrate_then(&mut conn, |_| Ok(()))?;

    let keys: Vec<String> = person::table.select(person::name_key).load(&mut conn)?;
    assert_eq!(keys, vec![name_key("Zoë Ünal")]);
    let keys: Vec<String> = company::table.select(company::name_key).load(&mut conn)?;
    assert_eq!(keys, vec![name_key("Ärzte Labs")]);
    assert_eq!(version(&mut conn)?, before, "filling in a key is no edit");
    assert_eq!(found(&app, "people", "zoe unal"), vec!["Zoë Ünal"]);
    Ok(())
}

#[test]
fn german_spellings_hyphens_and_apostrophes_find_each_other_both_ways() -> anyhow::Result<()> {
    let app = TestApp::new()?;
    for name in [
        "Jürgen Müller",
        "Petra Mueller",
        "Jean-Luc Picard",
        "Siobhan O'Brien",
        "Conor OBrien",
        "Jo Bauer",
    ] {
        app.create_person(&[("full_name", name), ("stage", "sourced")]);
    }
    let sorted = |mut names: Vec<String>| {
        names.sort();
        names
    };
    for search in ["Müller", "Mueller", "MUELLER", "muller", "Mue", "Müll"] {
        assert_eq!(
            sorted(found(&app, "people", search)),
            vec!["Jürgen Müller", "Petra Mueller"],
            "{search}"
        );
    }
    assert_eq!(found(&app, "people", "Juergen"), vec!["Jürgen Müller"]);
    for search in ["Jean Luc", "jean-luc", "Jean.Luc"] {
        assert_eq!(found(&app, "people", search), vec!["Jean-Luc Picard"]);
    }
    for search in ["OBrien", "O'Brien", "o’brien"] {
        assert_eq!(
            sorted(found(&app, "people", search)),
            vec!["Conor OBrien", "Siobhan O'Brien"],
            "{search}"
        );
    }
    // A diphthong's "e" is no umlaut's: "Baur" is another name.
    assert!(found(&app, "people", "Baur").is_empty());
    app.create_company("Mueller Labs");
    assert_eq!(found(&app, "companies", "Müller"), vec!["Mueller Labs"]);
    Ok(())
}

/// What the migration `name_key_umlauts` does to rows keyed before it: every key as the key
/// now is, the pairs that now share a key listed, the dismissed pairs still dismissed.
#[test]
fn a_changed_key_is_recomputed_for_every_row_and_dismissals_stay() -> anyhow::Result<()> {
    let app = TestApp::new()?;
    let lab = app.create_company("Ångström Labs");
    let mut conn = app.conn()?;
    #[derive(QueryableByName)]
    struct Stored {
        #[diesel(sql_type = diesel::sql_types::BigInt)]
        id: i64,
    }
    // Keyed as before the change: "ue" and "-" as written.
    let ids: Vec<i64> = diesel::sql_query(
        "INSERT INTO person (full_name, name_key, stage, origin_company_id) VALUES
           ('Jürgen Müller-Lang', 'jurgen muller-lang', 'sourced', $1),
           ('Juergen Mueller-Lang', 'juergen mueller-lang', 'sourced', $1),
           ('Wei Chen', 'wei chen', 'sourced', $1),
           ('wei  chen', 'wei chen', 'sourced', $1)
         RETURNING id",
    )
    .bind::<diesel::sql_types::BigInt, _>(lab)
    .load::<Stored>(&mut conn)?
    .into_iter()
    .map(|row| row.id)
    .collect();
    let dismissed = app.post(
        "/people/duplicates/dismiss",
        &[
            ("left", &ids[2].to_string()),
            ("right", &ids[3].to_string()),
        ],
    );
    assert_eq!(dismissed.status, Status::SeeOther, "{}", dismissed.body);
    let versions = |conn: &mut PgConnection| -> QueryResult<Vec<i32>> {
        person::table
            .order(person::id)
            .select(person::version)
            .load(conn)
    };
    let before = versions(&mut conn)?;
    let pairs = |app: &TestApp| app.get("/people/duplicates").attrs("tr.pair", "class");
    assert!(pairs(&app).is_empty());

    // As the migrations run it: with the live schema (its triggers) dropped first.
    talent_tracker::db::sql::drop(&mut conn)?;
    diesel::connection::SimpleConnection::batch_execute(
        &mut conn,
        include_str!("../../migrations/2026-12-19-000090_name_key_umlauts/up.sql"),
    )?;
    migrate::migrate_then(&mut conn, |_| Ok(()))?;

    let keys: Vec<(String, String)> = person::table
        .order(person::id)
        .select((person::full_name, person::name_key))
        .load(&mut conn)?;
    for (name, key) in &keys {
        assert_eq!(key, &name_key(name), "{name}");
    }
    assert_eq!(keys[1].1, "jurgen muller lang");
    assert_eq!(
        pairs(&app).len(),
        1,
        "the Müller-Langs, not the dismissed Chens"
    );
    let dismissals: i64 = talent_tracker::schema::duplicate_dismissal::table
        .count()
        .get_result(&mut conn)?;
    assert_eq!(dismissals, 1);
    assert_eq!(versions(&mut conn)?, before, "a recomputed key is no edit");
    Ok(())
}
