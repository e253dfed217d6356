//! Session policy: a new id on every login, a 12-hour limit, hashed ids, the cookie's flags.

use chrono::{Duration, Utc};
use diesel::prelude::*;
use rocket::http::{ContentType, Status};
use talent_tracker::domain::Role;
use talent_tracker::schema::user_session;

use crate::common::{PASSWORD, TestApp};

/// The session id in the test client's cookie.
fn session_id(app: &TestApp, name: &str) -> Option<String> {
    app.client
        .cookies()
        .get_private(name)
        .map(|c| c.value().to_owned())
}

fn sessions(app: &TestApp) -> anyhow::Result<i64> {
    Ok(user_session::table.count().get_result(&mut app.conn()?)?)
}

/// Logs in through the form and returns the `Set-Cookie` header of the session cookie.
fn log_in_for_cookie(app: &TestApp, email: &str, cookie: &str) -> Option<String> {
    let token = app
        .get("/login")
        .attrs("input[name=csrf_token]", "value")
        .pop()
        .unwrap_or_default();
    let body = url::form_urlencoded::Serializer::new(String::new())
        .extend_pairs([("csrf_token", token.as_str()), ("email", email)])
        .append_pair("password", PASSWORD)
        .finish();
    let response = app
        .client
        .post("/login")
        .header(ContentType::Form)
        .body(body)
        .dispatch();
    assert_eq!(response.status(), Status::SeeOther);
    response
        .headers()
        .get("Set-Cookie")
        .find(|h| h.starts_with(&format!("{cookie}=")))
        .map(str::to_owned)
}

#[test]
fn logging_in_again_ends_the_browsers_previous_session_and_issues_a_new_id() -> anyhow::Result<()> {
    let app = TestApp::new()?;
    let first = session_id(&app, "tt_session").expect("a session cookie");
    // A logged-in browser sends its session's token with the login form.
    let again = app.post(
        "/login",
        &[("email", "admin@example.com"), ("password", PASSWORD)],
    );
    assert_eq!(again.status, Status::SeeOther);
    let second = session_id(&app, "tt_session").expect("a session cookie");
    assert_ne!(first, second);
    assert_eq!(sessions(&app)?, 1, "the first session is gone");
    Ok(())
}

#[test]
fn a_session_older_than_twelve_hours_is_refused_and_deleted_even_if_active() -> anyhow::Result<()> {
    let app = TestApp::new()?;
    diesel::update(user_session::table)
        .set(user_session::created_at.eq(Utc::now() - Duration::hours(13)))
        .execute(&mut app.conn()?)?;
    assert_eq!(app.get("/").status, Status::SeeOther, "sent to log in");
    assert_eq!(sessions(&app)?, 0);

    let fresh = TestApp::new()?;
    diesel::update(user_session::table)
        .set(user_session::created_at.eq(Utc::now() - Duration::hours(11)))
        .execute(&mut fresh.conn()?)?;
    assert_eq!(fresh.get("/").status, Status::Ok, "eleven hours is fine");
    Ok(())
}

#[test]
fn the_database_keeps_only_a_hash_of_the_session_id() -> anyhow::Result<()> {
    let app = TestApp::new()?;
    let id = session_id(&app, "tt_session").expect("a session cookie");
    let rows: Vec<String> =
        diesel::sql_query("SELECT row_to_json(s)::text AS row FROM user_session s")
            .load::<Row>(&mut app.conn()?)?
            .into_iter()
            .map(|r| r.row)
            .collect();
    assert_eq!(rows.len(), 1);
    assert!(!rows[0].contains(&id), "{} holds {id}", rows[0]);
    assert!(!rows[0].to_lowercase().contains(&id.to_lowercase()));
    assert_eq!(app.get("/").status, Status::Ok, "the cookie still works");
    Ok(())
}

#[derive(QueryableByName)]
struct Row {
    #[diesel(sql_type = diesel::sql_types::Text)]
    row: String,
}

#[test]
fn the_session_cookie_lasts_as_long_as_the_session_may() -> anyhow::Result<()> {
    let app = TestApp::anonymous(false)?;
    app.add_user("ada@example.com", Role::Analyst)?;
    let cookie = log_in_for_cookie(&app, "ada@example.com", "tt_session").expect("a cookie");
    assert!(cookie.contains("Max-Age=43200"), "{cookie}");
    assert!(cookie.contains("Expires="), "{cookie}");
    assert!(
        cookie.contains("HttpOnly") && cookie.contains("SameSite=Lax"),
        "{cookie}"
    );
    assert!(
        !cookie.contains("Secure"),
        "plain http without the setting: {cookie}"
    );
    Ok(())
}

#[test]
fn with_secure_cookies_the_session_cookie_is_secure_and_host_prefixed() -> anyhow::Result<()> {
    let app = TestApp::anonymous_with(|config| config.secure_cookies = true)?;
    app.add_user("ada@example.com", Role::Analyst)?;
    let cookie = log_in_for_cookie(&app, "ada@example.com", "__Host-tt_session").expect("a cookie");
    assert!(cookie.contains("Secure"), "{cookie}");
    assert!(
        cookie.contains("Path=/;") || cookie.ends_with("Path=/"),
        "{cookie}"
    );
    assert!(!cookie.contains("Domain"), "{cookie}");
    assert!(cookie.contains("Max-Age=43200"), "{cookie}");
    assert_eq!(app.get("/").status, Status::Ok, "logged in by that cookie");
    Ok(())
}
