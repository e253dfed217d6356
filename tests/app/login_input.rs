//! What anyone may send to the login form: overlong fields and odd `next` values are answered
//! with the form or a safe redirect, never a 500, and never leave a session behind.

use diesel::prelude::*;
use rocket::http::Status;
use talent_tracker::domain::Role;
use talent_tracker::schema::{login_attempt, user_session};

use crate::common::{PASSWORD, Page, TestApp};

/// Sends the login form with these fields after the form's own token.
fn log_in_with_fields(app: &TestApp, fields: &[(&str, &str)]) -> Page {
    let token = app
        .get("/login")
        .attrs("input[name=csrf_token]", "value")
        .pop()
        .unwrap_or_default();
    let mut all = vec![("csrf_token", token.as_str())];
    all.extend_from_slice(fields);
    app.post_raw("/login", &all)
}

fn sessions(app: &TestApp) -> anyhow::Result<i64> {
    Ok(user_session::table.count().get_result(&mut app.conn()?)?)
}

#[test]
fn overlong_or_unstorable_login_fields_show_the_form_again_with_a_message() -> anyhow::Result<()> {
    let app = TestApp::anonymous(false)?;
    app.add_user("ada@example.com", Role::Analyst)?;
    let long_email = format!("{}@example.com", "a".repeat(20_000));
    let long_password = "p".repeat(10_000);
    let cases = [
        (
            long_email.as_str(),
            PASSWORD,
            "e-mail address has at most 254",
        ),
        ("ada\0@example.com", PASSWORD, "e-mail address cannot hold"),
        (
            "ada@example.com",
            long_password.as_str(),
            "password has at most 128",
        ),
    ];
    for (email, password, message) in cases {
        let page = log_in_with_fields(&app, &[("email", email), ("password", password)]);
        assert_eq!(page.status, Status::UnprocessableEntity, "{message}");
        assert!(
            page.texts(".form-errors p")
                .iter()
                .any(|p| p.contains(message)),
            "{message}: {:?}",
            page.texts(".form-errors p")
        );
        assert_eq!(page.attrs("input[name=csrf_token]", "value").len(), 1);
        assert!(
            page.body.len() < 10_000,
            "{message}: the input is not echoed"
        );
    }
    let recorded: i64 = login_attempt::table.count().get_result(&mut app.conn()?)?;
    assert_eq!(recorded, 0, "refused before any work");
    assert_eq!(sessions(&app)?, 0);
    Ok(())
}

#[test]
fn a_next_that_is_not_a_clean_local_path_is_ignored_after_logging_in() -> anyhow::Result<()> {
    let app = TestApp::anonymous(false)?;
    app.add_user("ada@example.com", Role::Analyst)?;
    let too_long = format!("/{}", "a".repeat(5_000));
    let unclean = [
        "/people list",
        "/people\tlist",
        "/people\r\nSet-Cookie: x=y",
        "/people\0",
        "/personnes/é",
        "/%zz",
        "//evil.example/",
        "/\\evil.example/",
        "https://evil.example/",
        "people",
        "",
        too_long.as_str(),
    ];
    for next in unclean {
        let page = log_in_with_fields(
            &app,
            &[
                ("email", "ada@example.com"),
                ("password", PASSWORD),
                ("next", next),
            ],
        );
        assert_eq!(page.status, Status::SeeOther, "{next:?}: {}", page.body);
        assert_eq!(page.location.as_deref(), Some("/"), "{next:?}");
        assert_eq!(sessions(&app)?, 1, "{next:?}: one session per login");
        // Logged out again on the server, so the next round sees the login form.
        diesel::delete(user_session::table).execute(&mut app.conn()?)?;
    }
    Ok(())
}

#[test]
fn a_clean_local_next_is_followed_after_logging_in() -> anyhow::Result<()> {
    let app = TestApp::anonymous(false)?;
    app.add_user("ada@example.com", Role::Analyst)?;
    let next = "/people?stage=hired&sort=name&q=Ada%20L";
    let form = app.get(&format!(
        "/login?next={}",
        url::form_urlencoded::byte_serialize(next.as_bytes()).collect::<String>()
    ));
    assert_eq!(form.attrs("input[name=next]", "value"), vec![next]);
    let page = log_in_with_fields(
        &app,
        &[
            ("email", "ada@example.com"),
            ("password", PASSWORD),
            ("next", next),
        ],
    );
    assert_eq!(page.location.as_deref(), Some(next));
    Ok(())
}

#[test]
fn the_login_page_drops_an_unclean_next() -> anyhow::Result<()> {
    let app = TestApp::anonymous(false)?;
    for query in [
        "next=%2Fa%20b",
        "next=%2Fa%0D%0Ab",
        "next=%2F%2Fevil.example",
        "next=%2F%C3%A9",
    ] {
        let page = app.get(&format!("/login?{query}"));
        assert_eq!(page.status, Status::Ok, "{query}");
        assert_eq!(
            page.attrs("input[name=next]", "value"),
            vec!["/"],
            "{query}"
        );
    }
    Ok(())
}
