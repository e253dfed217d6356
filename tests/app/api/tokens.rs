//! Tokens: made on /account and shown once, revoked by their owner or an admin, expired,
//! read-only; the session cookie alone never opens /api/, and failed checks are throttled and
//! logged.

use diesel::prelude::*;
use rocket::http::{Header, Method, Status};
use serde_json::json;
use talent_tracker::domain::Role;
use talent_tracker::schema::api_token;

use super::{call, company, get, post, token_for};
use crate::common::TestApp;
use crate::log_capture::events_mentioning;

#[test]
fn a_token_made_on_the_account_page_is_shown_once_and_opens_the_api() -> anyhow::Result<()> {
    let app = TestApp::logged_in(false, Role::Recruiter)?;
    let made = app.post("/account/tokens", &[("name", "HRIS sync"), ("days", "30")]);
    assert_eq!(made.status, Status::Ok, "{}", made.body);
    let secret = made
        .attrs("input.one-time-link", "value")
        .pop()
        .unwrap_or_default();
    assert!(secret.starts_with("tt_") && secret.len() == 67, "{secret}");
    // Only its hash is kept, and the account page lists it without the token.
    let account = app.get("/account");
    assert!(account.contains("HRIS sync") && !account.body.contains(&secret));
    let stored: Vec<u8> = api_token::table
        .select(api_token::token_hash)
        .first(&mut app.conn()?)?;
    assert_eq!(stored.len(), 32);
    assert_eq!(get(&app, "/api/v1/companies", &secret).status, Status::Ok);
    let used: Option<chrono::DateTime<chrono::Utc>> = api_token::table
        .select(api_token::last_used_at)
        .first(&mut app.conn()?)?;
    assert!(used.is_some(), "the last use is recorded");
    Ok(())
}

#[test]
fn a_token_form_with_no_name_or_too_many_days_is_shown_again() -> anyhow::Result<()> {
    let app = TestApp::new()?;
    let page = app.post("/account/tokens", &[("name", " "), ("days", "9999")]);
    assert_eq!(page.status, Status::UnprocessableEntity);
    assert!(!page.field_errors("name").is_empty());
    assert!(!page.field_errors("days").is_empty());
    Ok(())
}

#[test]
fn a_revoked_token_opens_nothing_and_only_its_owner_or_an_admin_revokes_it() -> anyhow::Result<()> {
    let app = TestApp::new()?;
    let secret = token_for(&app, Role::Recruiter, false)?;
    let id: i64 = api_token::table
        .select(api_token::id)
        .first(&mut app.conn()?)?;
    assert_eq!(get(&app, "/api/v1/people", &secret).status, Status::Ok);
    // Another user's token is not theirs to revoke.
    app.switch_to(Role::Analyst)?;
    let refused = app.post(&format!("/account/tokens/{id}/revoke"), &[]);
    assert_eq!(refused.status, Status::NotFound);
    assert_eq!(get(&app, "/api/v1/people", &secret).status, Status::Ok);
    app.switch_to(Role::Admin)?;
    assert!(app.get("/users").contains("recruiter@example.com"));
    let revoked = app.post(&format!("/users/tokens/{id}/revoke"), &[]);
    assert_eq!(revoked.status, Status::SeeOther);
    let after = get(&app, "/api/v1/people", &secret);
    assert_eq!(after.status, Status::Unauthorized);
    assert_eq!(
        after.content_type.as_deref(),
        Some("application/problem+json")
    );
    Ok(())
}

#[test]
fn an_expired_token_or_one_of_a_deactivated_user_opens_nothing() -> anyhow::Result<()> {
    let app = TestApp::new()?;
    let secret = token_for(&app, Role::Recruiter, false)?;
    diesel::sql_query(
        "UPDATE api_token SET created_at = now() - interval '2 days', \
         expires_at = now() - interval '1 second'",
    )
    .execute(&mut app.conn()?)?;
    assert_eq!(
        get(&app, "/api/v1/companies", &secret).status,
        Status::Unauthorized
    );
    let other = token_for(&app, Role::Analyst, false)?;
    diesel::sql_query("UPDATE app_user SET active = false WHERE email = 'analyst@example.com'")
        .execute(&mut app.conn()?)?;
    assert_eq!(
        get(&app, "/api/v1/companies", &other).status,
        Status::Unauthorized
    );
    Ok(())
}

#[test]
fn a_read_only_token_reads_but_writes_nothing() -> anyhow::Result<()> {
    let app = TestApp::new()?;
    let secret = token_for(&app, Role::Admin, true)?;
    assert_eq!(get(&app, "/api/v1/companies", &secret).status, Status::Ok);
    let refused = post(
        &app,
        "/api/v1/companies",
        &secret,
        &company("Read Only Lab"),
    );
    assert_eq!(refused.status, Status::Forbidden, "{}", refused.raw);
    assert_eq!(refused.body["status"], 403);
    assert!(app.conn().is_ok_and(|mut c| {
        crate::common::count(&mut c, "SELECT count(*) AS n FROM company").is_ok_and(|n| n == 0)
    }));
    Ok(())
}

#[test]
fn the_session_cookie_alone_never_opens_the_api() -> anyhow::Result<()> {
    // The admin is logged in: the tracked client sends the session cookie with every request.
    let app = TestApp::new()?;
    let read = call(&app, Method::Get, "/api/v1/companies", None, None, None);
    assert_eq!(read.status, Status::Unauthorized);
    assert_eq!(read.body["status"], 401);
    // A write with the session's CSRF token as well is still no API caller.
    let token = app.csrf_token();
    let response = app
        .client
        .post("/api/v1/companies")
        .header(rocket::http::ContentType::Form)
        .body(format!("csrf_token={token}&name=Cookie+Lab&kind=ai_lab"))
        .dispatch();
    assert_eq!(response.status(), Status::Unauthorized);
    // A bearer request needs no CSRF token.
    let secret = token_for(&app, Role::Admin, false)?;
    let made = post(&app, "/api/v1/companies", &secret, &company("Bearer Lab"));
    assert_eq!(made.status, Status::Created, "{}", made.raw);
    Ok(())
}

#[test]
fn failed_token_checks_are_throttled_by_address_and_logged() -> anyhow::Result<()> {
    let app = TestApp::new()?;
    let good = token_for(&app, Role::Admin, false)?;
    let from = |secret: &str| {
        app.client
            .get("/api/v1/companies")
            .remote("198.51.100.23:4000".parse().expect("an address"))
            .header(Header::new("Authorization", format!("Bearer {secret}")))
            .dispatch()
            .status()
    };
    let wrong = format!("tt_{}", "0".repeat(64));
    for _ in 0..5 {
        assert_eq!(from(&wrong), Status::Unauthorized);
    }
    // Even the right token is not checked from there for a while.
    assert_eq!(from(&good), Status::TooManyRequests);
    // Another address is not held back.
    assert_eq!(get(&app, "/api/v1/companies", &good).status, Status::Ok);
    let refused = events_mentioning("event=api_token_refused");
    assert!(
        refused.iter().any(|line| line.contains("198.51.100.23")),
        "{refused:?}"
    );
    assert!(
        refused.iter().all(|line| !line.contains(&wrong)),
        "no token in the log"
    );
    assert!(
        events_mentioning("event=api_token_throttled")
            .iter()
            .any(|line| line.contains("198.51.100.23"))
    );
    let _ = json!({});
    Ok(())
}

#[test]
fn the_token_commands_make_list_and_revoke() -> anyhow::Result<()> {
    let app = TestApp::new()?;
    let bin = env!("CARGO_BIN_EXE_talent-tracker");
    let run = |args: &[&str]| {
        std::process::Command::new(bin)
            .args(args)
            .env("DATABASE_URL", app.database_url())
            .output()
    };
    let made = run(&[
        "token",
        "create",
        "--email",
        "admin@example.com",
        "--name",
        "nightly",
        "--read-only",
        "--days",
        "7",
    ])?;
    assert!(
        made.status.success(),
        "{}",
        String::from_utf8_lossy(&made.stderr)
    );
    let secret = String::from_utf8(made.stdout)?.trim().to_owned();
    assert_eq!(get(&app, "/api/v1/people", &secret).status, Status::Ok);
    let listed = String::from_utf8(run(&["token", "list"])?.stdout)?;
    assert!(
        listed.contains("nightly") && listed.contains("read-only"),
        "{listed}"
    );
    assert!(!listed.contains(&secret));
    let id = listed.split('\t').next().unwrap_or_default().to_owned();
    assert!(run(&["token", "revoke", "--id", &id])?.status.success());
    assert_eq!(
        get(&app, "/api/v1/people", &secret).status,
        Status::Unauthorized
    );
    Ok(())
}
