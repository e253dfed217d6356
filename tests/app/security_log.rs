//! Security events reach the log with who, from where and on which route, and never with a
//! password, a token or a session id.

use diesel::prelude::*;
use rocket::http::{ContentType, Status};
use talent_tracker::domain::Role;
use talent_tracker::schema::user_session;

use crate::common::{PASSWORD, TestApp};
use crate::log_capture::events_mentioning;

/// Sends the login form from `peer`, as a browser there would.
fn log_in_from(app: &TestApp, peer: &str, email: &str, password: &str) -> Status {
    let token = app
        .get("/login")
        .attrs("input[name=csrf_token]", "value")
        .pop()
        .unwrap_or_default();
    let body = url::form_urlencoded::Serializer::new(String::new())
        .extend_pairs([
            ("csrf_token", token.as_str()),
            ("email", email),
            ("password", password),
        ])
        .finish();
    app.client
        .post("/login")
        .remote(peer.parse().expect("a socket address"))
        .header(ContentType::Form)
        .body(body)
        .dispatch()
        .status()
}

#[test]
fn logins_are_logged_with_user_address_and_route_but_no_secret() -> anyhow::Result<()> {
    let app = TestApp::anonymous(false)?;
    let email = "logged.login@example.com";
    app.add_user(email, Role::Recruiter)?;
    assert_eq!(
        log_in_from(&app, "192.0.2.31:5000", email, "not the password at all"),
        Status::Unauthorized
    );
    assert_eq!(
        log_in_from(&app, "192.0.2.31:5000", email, PASSWORD),
        Status::SeeOther
    );
    let events = events_mentioning(email);
    let failed =
        format!("event=login_failed user=\"{email}\" address=192.0.2.31 route=\"POST /login\"");
    let succeeded = failed.replace("login_failed", "login_succeeded");
    assert!(events.contains(&failed), "{events:#?}");
    assert!(events.contains(&succeeded), "{events:#?}");
    // The session's CSRF token as stored, and the cookies as the browser holds them.
    let mut secrets: Vec<String> = user_session::table
        .select(user_session::csrf_token)
        .load(&mut app.conn()?)?;
    assert!(!secrets.is_empty(), "the login made a session");
    secrets.extend(app.client.cookies().iter().map(|c| c.value().to_owned()));
    for line in &events {
        assert!(!line.contains("not the password") && !line.contains(PASSWORD));
        for secret in &secrets {
            assert!(!line.contains(secret.as_str()), "{line}");
        }
    }
    Ok(())
}

#[test]
fn throttled_logins_are_logged() -> anyhow::Result<()> {
    let app = TestApp::anonymous(false)?;
    let email = "logged.throttle@example.com";
    for _ in 0..6 {
        log_in_from(&app, "192.0.2.32:5000", email, "wrong wrong wrong");
    }
    let events = events_mentioning(email);
    assert!(
        events
            .iter()
            .any(|line| line.starts_with("event=login_throttled") && line.contains("192.0.2.32")),
        "{events:#?}"
    );
    Ok(())
}

#[test]
fn role_denials_name_the_user_and_the_route() -> anyhow::Result<()> {
    let app = TestApp::anonymous(false)?;
    let email = "logged.viewer@example.com";
    app.add_user(email, Role::Viewer)?;
    app.log_in(email)?;
    assert_eq!(app.get("/import").status, Status::Forbidden);
    let events = events_mentioning(email);
    assert!(
        events.contains(&format!(
            "event=role_denied user=\"{email}\" address=unknown route=\"GET /import\""
        )),
        "{events:#?}"
    );
    Ok(())
}

#[test]
fn csrf_rejections_are_logged_and_the_fairings_answers_cannot_be_posted_to() -> anyhow::Result<()> {
    let app = TestApp::anonymous(false)?;
    let email = "logged.csrf@example.com";
    app.add_user(email, Role::Recruiter)?;
    app.log_in(email)?;
    let forged = app.post_raw("/companies", &[("name", "Forged"), ("kind", "other")]);
    assert_eq!(forged.status, Status::Forbidden);
    let events = events_mentioning(email);
    assert!(
        events
            .iter()
            .any(|line| line.starts_with("event=csrf_rejected") && line.contains("/companies")),
        "{events:#?}"
    );
    // With a valid token, the fairing's own answers are unknown paths like any other.
    for path in ["/database-unavailable", "/csrf-rejected"] {
        assert_eq!(app.post(path, &[]).status, Status::NotFound, "{path}");
    }
    Ok(())
}

#[test]
fn one_time_links_are_logged_without_their_token() -> anyhow::Result<()> {
    let app = TestApp::anonymous(false)?;
    let link = app
        .client
        .rocket()
        .state::<talent_tracker::auth::first_run::FirstRunLink>()
        .and_then(|l| l.0.clone())
        .expect("a setup link");
    let token = link.split_once("token=").map_or("", |(_, t)| t).to_owned();
    let path = format!("/setup?token={token}");
    let form = app.get(&path);
    let csrf = form
        .attrs("input[name=csrf_token]", "value")
        .pop()
        .unwrap_or_default();
    let email = "logged.setup@example.com";
    let done = app.post_raw(
        "/setup",
        &[
            ("csrf_token", &csrf),
            ("token", &token),
            ("email", email),
            ("display_name", "Logged Setup"),
            ("new_password", "a long enough password"),
            ("repeat_password", "a long enough password"),
        ],
    );
    assert_eq!(done.status, Status::SeeOther);
    assert_eq!(app.get(&path).status, Status::Gone);
    let events = events_mentioning(email);
    assert!(
        events
            .iter()
            .any(|e| e.starts_with("event=setup_completed")),
        "{events:#?}"
    );
    let refused = events_mentioning("route=\"GET /setup?<token>\"");
    assert!(
        refused.iter().any(|e| e.starts_with("event=link_refused")),
        "{refused:#?}"
    );
    for line in events.iter().chain(&refused) {
        assert!(!line.contains(&token), "{line}");
    }
    Ok(())
}
