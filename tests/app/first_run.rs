//! The first-run setup link: a fresh installation needs no terminal to get its first admin.

use diesel::prelude::*;
use rocket::http::Status;
use sha2::Digest;
use talent_tracker::auth::first_run::FirstRunLink;
use talent_tracker::auth::password;
use talent_tracker::domain::Role;
use talent_tracker::models::{NewUser, SetupLink, User};
use talent_tracker::schema::{app_user, setup_link};

use crate::common::{Page, TestApp};

/// The path and query of the link this app printed at startup.
fn printed_link(app: &TestApp) -> Option<String> {
    let FirstRunLink(link) = app.client.rocket().state::<FirstRunLink>()?.clone();
    link.map(|l| {
        l.split_once("://").map_or(l.clone(), |(_, rest)| {
            rest.chars().skip_while(|c| *c != '/').collect()
        })
    })
}

fn token_of(link: &str) -> &str {
    link.split_once("token=").map_or("", |(_, token)| token)
}

/// Fills in the setup form the link opened, as a browser does.
fn submit_setup(app: &TestApp, form: &Page, fields: &[(&str, &str)]) -> Page {
    let csrf = form
        .attrs("input[name=csrf_token]", "value")
        .pop()
        .unwrap_or_default();
    let token = form
        .attrs("input[name=token]", "value")
        .pop()
        .unwrap_or_default();
    let mut all = vec![("csrf_token", csrf.as_str()), ("token", token.as_str())];
    all.extend_from_slice(fields);
    app.post_raw("/setup", &all)
}

const ADA: &[(&str, &str)] = &[
    ("email", "ada@example.com"),
    ("display_name", "Ada Lovelace"),
    ("new_password", "the analytical engine"),
    ("repeat_password", "the analytical engine"),
];

#[test]
fn the_setup_link_creates_the_first_admin_once_and_logs_them_in() -> anyhow::Result<()> {
    let app = TestApp::anonymous(false)?;
    let link = printed_link(&app).expect("a fresh installation prints a setup link");
    assert_eq!(token_of(&link).len(), 64, "a random 256-bit token: {link}");

    let form = app.get(&link);
    assert_eq!(form.status, Status::Ok, "{}", form.body);
    let done = submit_setup(&app, &form, ADA);
    assert_eq!(done.status, Status::SeeOther, "{}", done.body);
    assert_eq!(done.location.as_deref(), Some("/users"));
    let users = app.get("/users");
    assert_eq!(users.status, Status::Ok, "the new admin is logged in");
    assert!(users.contains("Ada Lovelace"));

    let admin = User::find_by_email(&mut app.conn()?, "ada@example.com")?.expect("created");
    assert_eq!(admin.role, Role::Admin);
    assert!(password::verify(
        "the analytical engine",
        &admin.password_hash
    ));

    assert_eq!(app.get(&link).status, Status::Gone, "the link works once");
    let csrf = users
        .attrs("input[name=csrf_token]", "value")
        .pop()
        .unwrap_or_default();
    let second = app.post_raw(
        "/setup",
        &[
            ("csrf_token", &csrf),
            ("token", token_of(&link)),
            ("email", "eve@example.com"),
            ("display_name", "Eve"),
            ("new_password", "another long password"),
            ("repeat_password", "another long password"),
        ],
    );
    assert_eq!(second.status, Status::Gone, "{}", second.body);
    assert_eq!(User::count(&mut app.conn()?)?, 1);
    Ok(())
}

#[test]
fn a_user_from_the_command_line_voids_the_setup_link() -> anyhow::Result<()> {
    let app = TestApp::anonymous(false)?;
    let link = printed_link(&app).expect("a setup link");
    app.add_user("cli@example.com", Role::Admin)?;
    assert_eq!(app.get(&link).status, Status::Gone);
    let left: i64 = setup_link::table.count().get_result(&mut app.conn()?)?;
    assert_eq!(left, 0, "no setup link survives the first user");
    // A link that slipped in beside a user (issued while one was being made) opens nothing.
    let late = "c".repeat(64);
    diesel::insert_into(setup_link::table)
        .values(setup_link::token_hash.eq(sha2::Sha256::digest(late.as_bytes()).to_vec()))
        .execute(&mut app.conn()?)?;
    assert_eq!(
        app.get(&format!("/setup?token={late}")).status,
        Status::Gone
    );

    // A restart with a user prints nothing.
    let restarted = talent_tracker::app_with(crate::common::quiet(), app.config.clone())?;
    let client = rocket::local::blocking::Client::tracked(restarted)?;
    let printed = client
        .rocket()
        .state::<FirstRunLink>()
        .and_then(|l| l.0.clone());
    assert_eq!(printed, None);
    Ok(())
}

#[test]
fn a_bad_setup_form_keeps_what_was_typed_and_saves_nothing() -> anyhow::Result<()> {
    let app = TestApp::anonymous(false)?;
    let link = printed_link(&app).expect("a setup link");
    let form = app.get(&link);
    let page = submit_setup(
        &app,
        &form,
        &[
            ("email", "not an address"),
            ("display_name", "Ada Lovelace"),
            ("new_password", "short"),
            ("repeat_password", "short"),
        ],
    );
    assert_eq!(page.status, Status::UnprocessableEntity);
    assert_eq!(page.field_errors("email").len(), 1, "{}", page.body);
    assert_eq!(
        page.field_value("display_name").as_deref(),
        Some("Ada Lovelace")
    );
    assert_eq!(page.field_value("email").as_deref(), Some("not an address"));

    let differing = submit_setup(
        &app,
        &page,
        &[
            ("email", "ada@example.com"),
            ("display_name", "Ada"),
            ("new_password", "the analytical engine"),
            ("repeat_password", "the analytical engines"),
        ],
    );
    assert_eq!(differing.status, Status::UnprocessableEntity);
    assert_eq!(differing.field_errors("repeat_password").len(), 1);
    assert_eq!(User::count(&mut app.conn()?)?, 0);
    assert_eq!(app.get(&link).status, Status::Ok, "the link still works");
    Ok(())
}

#[test]
fn a_wrong_or_missing_setup_token_opens_nothing() -> anyhow::Result<()> {
    let app = TestApp::anonymous(false)?;
    assert!(printed_link(&app).is_some());
    assert_eq!(
        app.get(&format!("/setup?token={}", "0".repeat(64))).status,
        Status::Gone
    );
    assert_eq!(app.get("/setup").status, Status::Gone);
    Ok(())
}

#[test]
fn two_setups_at_once_make_one_first_admin() -> anyhow::Result<()> {
    let app = TestApp::anonymous(false)?;
    // Two instances started together: each printed a link of its own.
    let tokens = ["a".repeat(64), "b".repeat(64)];
    for token in &tokens {
        assert!(SetupLink::issue(&mut app.conn()?, token)?);
    }
    let hash = password::hash("a long enough password")?;
    let barrier = std::sync::Barrier::new(2);
    let created: Vec<bool> = std::thread::scope(|scope| {
        let runs: Vec<_> = tokens
            .iter()
            .enumerate()
            .map(|(i, token)| {
                let (barrier, hash) = (&barrier, &hash);
                let mut conn = app.conn().expect("a connection");
                scope.spawn(move || {
                    let email = format!("admin{i}@example.com");
                    let new = NewUser {
                        email: &email,
                        display_name: &email,
                        role: Role::Admin,
                        password_hash: hash,
                    };
                    barrier.wait();
                    SetupLink::create_first_admin(&mut conn, token, &new)
                        .expect("no database error")
                        .is_some()
                })
            })
            .collect();
        runs.into_iter()
            .map(|r| r.join().unwrap_or(false))
            .collect()
    });
    assert_eq!(created.iter().filter(|c| **c).count(), 1, "{created:?}");
    let admins: i64 = app_user::table.count().get_result(&mut app.conn()?)?;
    assert_eq!(admins, 1);
    Ok(())
}

/// A setup link works for its days only: an old one left in a log opens nothing, neither the
/// page nor the creation, and the next start without users clears it away.
#[test]
fn an_expired_setup_link_opens_nothing_and_a_restart_clears_it() -> anyhow::Result<()> {
    let app = TestApp::anonymous(false)?;
    let link = printed_link(&app).expect("a setup link");
    let form = app.get(&link);
    assert_eq!(form.status, Status::Ok);
    let aged = format!(
        "UPDATE setup_link SET created_at = now() - interval '{} days 1 minute'",
        talent_tracker::models::SETUP_LINK_DAYS
    );
    diesel::sql_query(aged).execute(&mut app.conn()?)?;

    let refused = app.get(&link);
    assert_eq!(refused.status, Status::Gone);
    assert!(refused.contains("has expired"), "{}", refused.body);
    let late = submit_setup(&app, &form, ADA);
    assert_eq!(late.status, Status::Gone);
    let users: i64 = app_user::table.count().get_result(&mut app.conn()?)?;
    assert_eq!(users, 0, "an expired link makes no admin");

    // A restart prints a fresh link that works, and the expired one is gone from the table.
    let restarted = talent_tracker::app_with(crate::common::quiet(), app.config.clone())?;
    let client = rocket::local::blocking::Client::tracked(restarted)?;
    assert!(
        client
            .rocket()
            .state::<FirstRunLink>()
            .and_then(|l| l.0.clone())
            .is_some()
    );
    let old = sha2::Sha256::digest(token_of(&link).as_bytes()).to_vec();
    let kept: i64 = setup_link::table
        .filter(setup_link::token_hash.eq(old))
        .count()
        .get_result(&mut app.conn()?)?;
    assert_eq!(kept, 0);
    let live: i64 = setup_link::table.count().get_result(&mut app.conn()?)?;
    assert_eq!(live, 1);
    Ok(())
}
