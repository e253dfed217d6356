//! Web addresses: the form's parse and the database's CHECKs (both `is_web_url`) agree on every
//! text, so an address the form keeps is never refused on save (a 500), and the reverse.

use diesel::prelude::*;
use diesel::sql_types::Text;
use rocket::http::Status;
use talent_tracker::domain::WebUrl;
use talent_tracker::schema::{company, pay_report};

use crate::common::{TestApp, id_from};

/// Whether `statement` (with `value` as $1) passes the database's CHECKs; rolled back either way.
fn kept(conn: &mut PgConnection, statement: &str, value: &str) -> anyhow::Result<bool> {
    use diesel::result::{DatabaseErrorKind, Error};
    let tried = conn.transaction::<(), Error, _>(|c| {
        diesel::sql_query(statement)
            .bind::<Text, _>(value)
            .execute(c)?;
        Err(Error::RollbackTransaction)
    });
    match tried {
        Err(Error::RollbackTransaction) => Ok(true),
        Err(Error::DatabaseError(DatabaseErrorKind::CheckViolation, _)) => Ok(false),
        other => anyhow::bail!("{value:?}: {other:?}"),
    }
}

#[derive(QueryableByName)]
struct Answer {
    #[diesel(sql_type = diesel::sql_types::Bool)]
    web: bool,
}

fn sql_is_web_url(conn: &mut PgConnection, text: &str) -> anyhow::Result<bool> {
    let answer: Answer = diesel::sql_query("SELECT is_web_url($1) AS web")
        .bind::<Text, _>(text)
        .get_result(conn)?;
    Ok(answer.web)
}

/// Strings a user may type or paste where a web address goes, most of them at some edge.
fn tricky_addresses() -> Vec<String> {
    let mut all: Vec<String> = [
        "https://example.org",
        "http://example.org/a?b=c#d",
        "HTTP://x",
        "Https://Example.com/Path",
        "https:x",
        "http:/\\x",
        "http:\\\\x/y",
        "https:/x",
        "http://",
        "https://",
        "http:///x",
        "http://:80",
        "http://?q",
        "http://#f",
        "http://x:80",
        "http://x:65535/",
        "http://x:65536",
        "http://x:99999",
        "http://x:123456",
        "http://x:",
        "http://x:8a",
        "http://user@x",
        "http://user:pw@x/",
        "http://example.com@evil.example/",
        "https://bücher.de",
        "https://例え.jp/パス",
        "http://xn--bcher-kva.de",
        "https://🦀.rs/",
        "http://x./",
        "http://example.com./a",
        "http://.",
        "http://..",
        "http://a..b",
        "http://.a",
        "http://a_b-c.d",
        "http://a!b",
        "http://a%20b",
        "http://a<b",
        "http://a b",
        " http://x ",
        "http://x/a b",
        "http://x/a\tb",
        "http://x/a\u{1f}",
        "http://x/a~",
        "http://x/a\u{7f}",
        "http://x/a\u{85}",
        "http://x/a\u{9f}",
        "http://x/a\u{a0}",
        "http://x/a\u{a1}",
        "http://x/a\u{1680}",
        "http://x/a\u{2000}",
        "http://x/a\u{200a}",
        "http://x/a\u{200b}",
        "http://x/a\u{2028}",
        "http://x/a\u{202f}",
        "http://x/a\u{205f}",
        "http://x/a\u{3000}",
        "http://x\u{3000}y/",
        "http://x/a\\b",
        "http://x/%20",
        "http://x/é?ü=ß#ø",
        "http://x?q",
        "http://x#f",
        "http://[::1]/",
        "http://[::1]:8080/a",
        "http://[::1",
        "http://[x]/",
        "javascript:alert(1)",
        "JAVASCRIPT:alert(1)",
        "javascript://x/%0aalert(1)",
        "ftp://x",
        "data:text/html,hi",
        "//x",
        "x",
        "",
        "http://x/a\0b",
    ]
    .map(str::to_owned)
    .to_vec();
    // At the length limit, in characters: multi-byte ones count once.
    all.push(format!("http://x/{}", "é".repeat(1991)));
    all.push(format!("http://x/{}", "é".repeat(1992)));
    all
}

#[test]
fn every_tricky_web_address_is_read_alike_by_the_forms_and_the_database() -> anyhow::Result<()> {
    let app = TestApp::new()?;
    let person = app.create_person(&[("full_name", "Ada"), ("stage", "sourced")]);
    let report = [
        ("kind", "reported"),
        ("currency", "USD"),
        ("amount_low", "1"),
        ("amount_high", "2"),
        ("period", "annual"),
        ("as_of", "2025-06-30"),
        ("confidence", "reported"),
    ];
    id_from(&app.post(&format!("/people/{person}/pay"), &report));
    app.create_company("Engines");
    let mut conn = app.conn()?;
    let checks = [
        "UPDATE company SET website = $1",
        "UPDATE pay_report SET source_url = $1",
    ];
    for raw in tricky_addresses() {
        if !raw.contains('\0') {
            assert_eq!(
                sql_is_web_url(&mut conn, &raw)?,
                WebUrl::is_web_url(&raw),
                "{raw:?}: SQL's is_web_url and WebUrl::is_web_url disagree"
            );
        }
        // What the form stores (or, refused, what it was given) is what the database decides on.
        let (stored, form_keeps) = match WebUrl::parse(&raw) {
            Ok(url) => (url.into_inner(), true),
            Err(_) => (raw.trim().to_owned(), false),
        };
        if stored.contains('\0') {
            // PostgreSQL cannot even be sent this; the form must refuse it.
            assert!(!form_keeps, "{raw:?} is kept by the form");
            continue;
        }
        for check in checks {
            assert_eq!(
                kept(&mut conn, check, &stored)?,
                form_keeps,
                "{raw:?} (stored as {stored:?}): the form and `{check}` disagree"
            );
        }
    }
    Ok(())
}

#[test]
fn random_addresses_are_read_alike_by_rust_and_sql() -> anyhow::Result<()> {
    use proptest::test_runner::{TestCaseError, TestRunner};
    let app = TestApp::new()?;
    let conn = std::cell::RefCell::new(app.conn()?);
    // A start that is nearly right, then characters each rule has an opinion on.
    let address = concat!(
        r"(https?://|HTTP://|https:|http:/|)",
        r"[-a-zA-Z0-9.:@_\[\]\\/?#%!~ é\x{a0}\x{85}\x{3000}\x01\t]{0,16}"
    );
    TestRunner::default()
        .run(&address, |text| {
            let sql = sql_is_web_url(&mut conn.borrow_mut(), &text)
                .map_err(|e| TestCaseError::fail(e.to_string()))?;
            proptest::prop_assert_eq!(sql, WebUrl::is_web_url(&text), "{:?}", text);
            Ok(())
        })
        .map_err(|e| anyhow::anyhow!("{e}"))
}

#[test]
fn addresses_the_database_would_refuse_are_refused_beside_the_field() -> anyhow::Result<()> {
    let app = TestApp::new()?;
    let person = app.create_person(&[("full_name", "Ada"), ("stage", "sourced")]);
    let report = |url: &'static str| {
        vec![
            ("kind", "reported"),
            ("currency", "USD"),
            ("amount_low", "1"),
            ("amount_high", "2"),
            ("period", "annual"),
            ("as_of", "2025-06-30"),
            ("confidence", "reported"),
            ("source_url", url),
        ]
    };
    for url in ["https:x", "http:/\\x", "http:\\\\x/y", "http://x/a\0b"] {
        let page = app.post(
            "/companies",
            &[("name", "Engines"), ("kind", "other"), ("website", url)],
        );
        assert_eq!(page.status, Status::UnprocessableEntity, "{url:?}");
        assert_eq!(page.field_errors("website").len(), 1, "{url:?}");
        let page = app.post(&format!("/people/{person}/pay"), &report(url));
        assert_eq!(page.status, Status::UnprocessableEntity, "{url:?}");
        assert_eq!(page.field_errors("source_url").len(), 1, "{url:?}");
        if !url.contains('\0') {
            assert_eq!(page.field_value("source_url").as_deref(), Some(url));
        }
    }
    let companies: i64 = company::table.count().get_result(&mut app.conn()?)?;
    let reports: i64 = pay_report::table.count().get_result(&mut app.conn()?)?;
    assert_eq!((companies, reports), (0, 0));

    // An upper-case scheme is the same address: kept, in the lower case the database holds.
    id_from(&app.post(
        "/companies",
        &[
            ("name", "Engines"),
            ("kind", "other"),
            ("website", "HTTP://Engines.example/A"),
        ],
    ));
    id_from(&app.post(&format!("/people/{person}/pay"), &report("HTTPS://x")));
    let website: Option<String> = company::table
        .select(company::website)
        .first(&mut app.conn()?)?;
    let source: Option<String> = pay_report::table
        .select(pay_report::source_url)
        .first(&mut app.conn()?)?;
    assert_eq!(website.as_deref(), Some("http://Engines.example/A"));
    assert_eq!(source.as_deref(), Some("https://x"));
    Ok(())
}
