//! Users managed in the browser: creation with a one-time password link, roles, deactivation,
//! the last active admin, and the user's own sessions.

use chrono::{Duration, Utc};
use diesel::prelude::*;
use rocket::http::Status;
use talent_tracker::auth::{random_token, session_lifetime};
use talent_tracker::domain::Role;
use talent_tracker::models::{Session, User};
use talent_tracker::schema::{app_user, audit_log, password_link, user_session};

use crate::common::{PASSWORD, Page, TestApp};

/// The path and query of the one-time link a page shows.
fn shown_link(page: &Page) -> String {
    let link = page
        .attrs("input.one-time-link", "value")
        .pop()
        .expect("a link on the page");
    let after_scheme = link
        .split_once("://")
        .map_or(link.as_str(), |(_, rest)| rest);
    after_scheme[after_scheme.find('/').unwrap_or(0)..].to_owned()
}

fn user(app: &TestApp, email: &str) -> anyhow::Result<User> {
    Ok(User::find_by_email(&mut app.conn()?, email)?.expect("the user exists"))
}

fn log_out(app: &TestApp) -> &TestApp {
    assert_eq!(app.post("/logout", &[]).status, Status::SeeOther);
    app
}

/// Sets a password through a link's page, as the person it was sent to does.
fn set_password(app: &TestApp, link: &str, new: &str, repeat: &str) -> Page {
    let form = app.get(link);
    assert_eq!(form.status, Status::Ok, "{}", form.body);
    let csrf = form
        .attrs("input[name=csrf_token]", "value")
        .pop()
        .unwrap_or_default();
    let token = form
        .attrs("input[name=token]", "value")
        .pop()
        .unwrap_or_default();
    app.post_raw(
        "/password-link",
        &[
            ("csrf_token", &csrf),
            ("token", &token),
            ("new_password", new),
            ("repeat_password", repeat),
        ],
    )
}

#[test]
fn a_user_created_in_the_browser_sets_their_password_once_and_logs_in() -> anyhow::Result<()> {
    let app = TestApp::new()?;
    let created = app.post(
        "/users",
        &[
            ("email", "grace@example.com"),
            ("display_name", "Grace Hopper"),
            ("role", "recruiter"),
        ],
    );
    assert_eq!(created.status, Status::Ok, "{}", created.body);
    let link = shown_link(&created);
    assert!(link.starts_with("/password-link?token="), "{link}");
    let grace = user(&app, "grace@example.com")?;
    assert_eq!(
        (grace.role, grace.display_name.as_str()),
        (Role::Recruiter, "Grace Hopper")
    );
    let stored: Vec<u8> = password_link::table
        .filter(password_link::user_id.eq(grace.id))
        .select(password_link::token_hash)
        .first(&mut app.conn()?)?;
    assert!(
        !link.contains(&format!("{stored:02x?}")),
        "only a hash is kept"
    );

    assert_eq!(app.post("/logout", &[]).status, Status::SeeOther);
    let short = set_password(&app, &link, "short", "short");
    assert_eq!(short.status, Status::UnprocessableEntity);
    assert_eq!(short.field_errors("new_password").len(), 1);
    let done = set_password(
        &app,
        &link,
        "compilers all the way",
        "compilers all the way",
    );
    assert_eq!(done.status, Status::SeeOther, "{}", done.body);
    assert_eq!(app.get(&link).status, Status::Gone, "the link works once");

    let login = app.log_in_with("grace@example.com", "compilers all the way");
    assert_eq!(login.status, Status::SeeOther, "{}", login.body);
    assert_eq!(app.get("/people").status, Status::Ok);
    assert_eq!(
        app.get("/users").status,
        Status::Forbidden,
        "recruiters manage no users"
    );
    Ok(())
}

#[test]
fn a_bad_new_user_keeps_what_was_typed_and_a_taken_email_is_refused() -> anyhow::Result<()> {
    let app = TestApp::new()?;
    let page = app.post(
        "/users",
        &[
            ("email", "no address"),
            ("display_name", "Grace Hopper"),
            ("role", "viewer"),
        ],
    );
    assert_eq!(page.status, Status::UnprocessableEntity);
    assert_eq!(page.field_errors("email").len(), 1);
    assert_eq!(
        page.field_value("display_name").as_deref(),
        Some("Grace Hopper")
    );
    assert_eq!(page.field_value("role").as_deref(), Some("viewer"));

    let blank = app.post(
        "/users",
        &[
            ("email", "a\u{0}b@example.com"),
            ("display_name", "   "),
            ("role", "viewer"),
        ],
    );
    assert_eq!(blank.status, Status::UnprocessableEntity);
    assert_eq!(blank.field_errors("email").len(), 1, "{}", blank.body);
    assert_eq!(
        blank.field_errors("display_name"),
        ["This field is required."]
    );

    let taken = app.post(
        "/users",
        &[
            ("email", "ADMIN@example.com"),
            ("display_name", "Twin"),
            ("role", "viewer"),
        ],
    );
    assert_eq!(taken.status, Status::UnprocessableEntity);
    assert_eq!(
        taken.field_errors("email"),
        ["A user with this e-mail exists already."]
    );
    let users: i64 = app_user::table.count().get_result(&mut app.conn()?)?;
    assert_eq!(users, 1, "nothing half-saved");
    Ok(())
}

#[test]
fn the_last_active_admin_is_neither_demoted_nor_deactivated() -> anyhow::Result<()> {
    let app = TestApp::new()?;
    let me = user(&app, "admin@example.com")?;
    let demoted = app.post(&format!("/users/{}/role", me.id), &[("role", "viewer")]);
    assert_eq!(demoted.status, Status::Conflict);
    assert!(demoted.contains("last active admin"), "{}", demoted.body);
    let deactivated = app.post(&format!("/users/{}/deactivate", me.id), &[]);
    assert_eq!(deactivated.status, Status::Conflict);
    assert_eq!(user(&app, "admin@example.com")?.role, Role::Admin);
    assert!(user(&app, "admin@example.com")?.active);

    // A deactivated admin does not count: they cannot manage anything.
    let other = app.add_user("other@example.com", Role::Admin)?;
    let _ = User::deactivate(&mut app.conn()?, other.id)?;
    assert_eq!(
        app.post(&format!("/users/{}/role", me.id), &[("role", "viewer")])
            .status,
        Status::Conflict
    );

    let second = app.add_user("second@example.com", Role::Admin)?;
    let moved = app.post(
        &format!("/users/{}/role", second.id),
        &[("role", "analyst")],
    );
    assert_eq!(moved.status, Status::SeeOther);
    assert_eq!(user(&app, "second@example.com")?.role, Role::Analyst);
    Ok(())
}

#[test]
fn two_admins_demoting_each_other_at_once_leave_one_admin() -> anyhow::Result<()> {
    let app = TestApp::new()?;
    let first = user(&app, "admin@example.com")?;
    let second = app.add_user("second@example.com", Role::Admin)?;
    let barrier = std::sync::Barrier::new(2);
    std::thread::scope(|scope| {
        for id in [first.id, second.id] {
            let barrier = &barrier;
            let mut conn = app.conn().expect("a connection");
            scope.spawn(move || {
                barrier.wait();
                User::set_role(&mut conn, id, Role::Viewer).expect("no database error")
            });
        }
    });
    let admins: i64 = app_user::table
        .filter(app_user::role.eq(Role::Admin))
        .count()
        .get_result(&mut app.conn()?)?;
    assert_eq!(admins, 1);
    Ok(())
}

#[test]
fn a_deactivated_user_is_logged_out_at_once() -> anyhow::Result<()> {
    let app = TestApp::new()?;
    let viewer = app.add_user("viewer@example.com", Role::Viewer)?;
    let session = random_token();
    Session::insert(
        &mut app.conn()?,
        &session,
        viewer.id,
        &random_token(),
        session_lifetime(),
    )?;
    assert_eq!(
        app.post(&format!("/users/{}/deactivate", viewer.id), &[])
            .status,
        Status::SeeOther
    );
    assert_eq!(
        Session::resume(&mut app.conn()?, &session, session_lifetime())?.map(|s| s.1.id),
        None
    );
    let left: i64 = user_session::table
        .filter(user_session::user_id.eq(viewer.id))
        .count()
        .get_result(&mut app.conn()?)?;
    assert_eq!(left, 0);
    assert_eq!(
        log_out(&app)
            .log_in_with("viewer@example.com", PASSWORD)
            .status,
        Status::Unauthorized
    );

    app.log_in("admin@example.com")?;
    assert_eq!(
        app.post(&format!("/users/{}/activate", viewer.id), &[])
            .status,
        Status::SeeOther
    );
    assert!(user(&app, "viewer@example.com")?.active);
    Ok(())
}

#[test]
fn a_reset_link_replaces_the_older_one_and_expires() -> anyhow::Result<()> {
    let app = TestApp::new()?;
    let viewer = app.add_user("viewer@example.com", Role::Viewer)?;
    let first = shown_link(&app.post(&format!("/users/{}/password-link", viewer.id), &[]));
    let second = shown_link(&app.post(&format!("/users/{}/password-link", viewer.id), &[]));
    assert_ne!(first, second);
    assert_eq!(
        app.get(&first).status,
        Status::Gone,
        "a new link replaces the older"
    );
    assert_eq!(app.get(&second).status, Status::Ok);
    assert_eq!(
        log_out(&app)
            .log_in_with("viewer@example.com", PASSWORD)
            .status,
        Status::SeeOther,
        "the old password works until the link is used"
    );

    diesel::update(password_link::table)
        .set(password_link::expires_at.eq(Utc::now() - Duration::minutes(1)))
        .execute(&mut app.conn()?)?;
    assert_eq!(app.get(&second).status, Status::Gone, "expired");
    Ok(())
}

#[test]
fn a_password_set_by_link_ends_the_users_sessions() -> anyhow::Result<()> {
    let app = TestApp::new()?;
    let viewer = app.add_user("viewer@example.com", Role::Viewer)?;
    let session = random_token();
    Session::insert(
        &mut app.conn()?,
        &session,
        viewer.id,
        &random_token(),
        session_lifetime(),
    )?;
    let link = shown_link(&app.post(&format!("/users/{}/password-link", viewer.id), &[]));
    let done = set_password(&app, &link, "a brand new password", "a brand new password");
    assert_eq!(done.status, Status::SeeOther, "{}", done.body);
    assert!(Session::resume(&mut app.conn()?, &session, session_lifetime())?.is_none());
    assert_eq!(
        log_out(&app)
            .log_in_with("viewer@example.com", PASSWORD)
            .status,
        Status::Unauthorized
    );
    Ok(())
}

#[test]
fn every_user_ends_their_other_sessions_from_their_account() -> anyhow::Result<()> {
    let app = TestApp::new()?;
    let me = user(&app, "admin@example.com")?;
    let elsewhere = random_token();
    Session::insert(
        &mut app.conn()?,
        &elsewhere,
        me.id,
        &random_token(),
        session_lifetime(),
    )?;
    let account = app.get("/account");
    assert!(account.contains("1 other time"), "{}", account.body);
    let ended = app.post_and_follow("/account/sessions/end-others", &[]);
    assert!(
        ended.contains("Your other session is ended."),
        "{}",
        ended.body
    );
    assert!(Session::resume(&mut app.conn()?, &elsewhere, session_lifetime())?.is_none());
    assert_eq!(
        app.get("/account").status,
        Status::Ok,
        "this session goes on"
    );
    Ok(())
}

#[test]
fn user_management_is_audited_without_secrets() -> anyhow::Result<()> {
    let app = TestApp::new()?;
    app.post(
        "/users",
        &[
            ("email", "grace@example.com"),
            ("display_name", "Grace"),
            ("role", "viewer"),
        ],
    );
    let grace = user(&app, "grace@example.com")?;
    app.post(&format!("/users/{}/role", grace.id), &[("role", "analyst")]);
    app.post(&format!("/users/{}/deactivate", grace.id), &[]);
    let entries: Vec<(String, String, Option<serde_json::Value>)> = audit_log::table
        .filter(audit_log::record_table.eq("app_user"))
        .filter(audit_log::record_id.eq(grace.id))
        .order(audit_log::id)
        .select((audit_log::actor, audit_log::action, audit_log::after))
        .load(&mut app.conn()?)?;
    let actions: Vec<&str> = entries.iter().map(|e| e.1.as_str()).collect();
    assert_eq!(
        actions,
        ["create", "update", "update", "update"],
        "created, link issued, role, deactivated"
    );
    assert!(entries.iter().all(|e| e.0 == "admin@example.com"));
    let text = format!("{entries:?}");
    assert!(
        !text.contains("argon2") && !text.contains("token_hash"),
        "{text}"
    );
    Ok(())
}
