//! Malformed input at scale: the parsers and the CSV round trip never panic, and what they
//! accept comes back unchanged.

use proptest::prelude::*;
use talent_tracker::csv_format::{escape_text, unescape_text};
use talent_tracker::domain::{Currency, Date, Money, Rate, Text, WebUrl, format_money};

proptest! {
    #[test]
    fn value_parsers_never_panic(input in ".{0,300}") {
        let _ = Money::parse(&input);
        let _ = Rate::parse(&input);
        let _ = Date::parse(&input);
        let _ = Currency::parse(&input);
        let _ = WebUrl::parse(&input);
        let _ = Text::<200>::parse(&input);
    }

    #[test]
    fn money_keeps_every_cent(whole in 0u64..1_000_000_000_000, cents in 0u32..100) {
        let typed = format!("{whole}.{cents:02}");
        let money = Money::parse(&typed).expect("a valid amount");
        prop_assert_eq!(format_money(money.amount()).replace(',', ""), typed);
    }

    #[test]
    fn csv_text_cells_survive_the_round_trip(text in "['=+\\-@\t\r]{0,3}.{0,40}") {
        let written = escape_text(&text);
        prop_assert!(!written.starts_with(['=', '+', '-', '@', '\t', '\r']));
        prop_assert_eq!(unescape_text(&written), text.as_str());
    }

    #[test]
    fn the_import_reads_any_bytes_without_panicking(bytes in proptest::collection::vec(any::<u8>(), 0..400)) {
        let _ = talent_tracker::import::parse(&bytes);
    }
}

/// A statement that runs past its timeout, or a connection PostgreSQL drops, is the database's
/// state, not a bug: the user gets 503 and may retry. Both errors come from a real server.
#[test]
fn timeouts_and_dropped_connections_answer_503() -> anyhow::Result<()> {
    use diesel::connection::SimpleConnection;
    use diesel::prelude::*;
    use rocket::http::Status;
    use talent_tracker::error::AppError;

    let app = crate::common::TestApp::with_demo(false)?;
    let mut conn = app.conn()?;
    conn.batch_execute("SET statement_timeout = '20ms'")?;
    let slow = diesel::sql_query("SELECT pg_sleep(2)")
        .execute(&mut conn)
        .expect_err("the statement times out");
    assert_eq!(AppError::from(slow).status(), Status::ServiceUnavailable);

    let mut victim = app.conn()?;
    diesel::sql_query(
        "SELECT pg_terminate_backend(pid) FROM pg_stat_activity \
         WHERE datname = current_database() AND pid <> pg_backend_pid()",
    )
    .execute(&mut app.conn()?)?;
    let dropped = diesel::sql_query("SELECT 1")
        .execute(&mut victim)
        .expect_err("the connection was terminated");
    assert_eq!(AppError::from(dropped).status(), Status::ServiceUnavailable);

    let bug = diesel::sql_query("SELECT * FROM no_such_table")
        .execute(&mut app.conn()?)
        .expect_err("a bad query");
    assert_eq!(AppError::from(bug).status(), Status::InternalServerError);
    Ok(())
}

/// What Diesel makes of a real server's errors, as `db::health` reads them: a statement
/// timeout is too slow, a connection an administrator terminated (57P01) comes back as
/// `ClosedConnection` and means down, and a refused duplicate or a bad query is no outage.
#[test]
fn the_servers_errors_are_classified_by_kind() -> anyhow::Result<()> {
    use diesel::connection::SimpleConnection;
    use diesel::prelude::*;
    use diesel::result::{DatabaseErrorKind, Error};
    use talent_tracker::db::health::{Outage, outage};

    let app = crate::common::TestApp::with_demo(false)?;
    let mut conn = app.conn()?;
    conn.batch_execute("SET statement_timeout = '20ms'")?;
    let slow = diesel::sql_query("SELECT pg_sleep(2)")
        .execute(&mut conn)
        .expect_err("the statement times out");
    assert_eq!(outage(&slow), Some(Outage::TooSlow), "{slow:?}");

    conn.batch_execute("SET statement_timeout = 0; CREATE TEMP TABLE once (id int PRIMARY KEY)")?;
    let duplicate = conn
        .batch_execute("INSERT INTO once VALUES (1), (1)")
        .expect_err("a duplicate key");
    assert!(
        matches!(
            duplicate,
            Error::DatabaseError(DatabaseErrorKind::UniqueViolation, _)
        ),
        "{duplicate:?}"
    );
    assert_eq!(outage(&duplicate), None);
    let bug = conn
        .batch_execute("SELECT * FROM no_such_table")
        .expect_err("a bad query");
    assert_eq!(outage(&bug), None, "{bug:?}");

    let mut victim = app.conn()?;
    diesel::sql_query(
        "SELECT pg_terminate_backend(pid, 5000) FROM pg_stat_activity \
         WHERE datname = current_database() AND pid <> pg_backend_pid()",
    )
    .execute(&mut app.conn()?)?;
    let terminated = diesel::sql_query("SELECT 1")
        .execute(&mut victim)
        .expect_err("the connection was terminated");
    assert!(
        matches!(
            terminated,
            Error::DatabaseError(DatabaseErrorKind::ClosedConnection, _)
        ),
        "{terminated:?}"
    );
    assert_eq!(outage(&terminated), Some(Outage::Down));
    Ok(())
}
