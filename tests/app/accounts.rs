//! Accounts, roles and the protection of pay data.

use chrono::{Duration, Utc};
use diesel::prelude::*;
use rocket::http::Status;
use talent_tracker::domain::Role;
use talent_tracker::models::User;
use talent_tracker::schema::{company, user_session};

use crate::common::{PASSWORD, Page, TestApp};

/// Who may reach a route.
#[derive(Clone, Copy, Debug)]
enum Who {
    Anyone,
    PayReaders,
    Editors,
    Admins,
}

fn allows(who: Who, role: Role) -> bool {
    match who {
        Who::Anyone => true,
        Who::PayReaders => role.sees_pay(),
        Who::Editors => role.edits(),
        Who::Admins => role == Role::Admin,
    }
}

/// Every route of the app (demo ids), and who may use it.
const ROUTES: &[(&str, &str, Who)] = &[
    ("GET", "/", Who::Anyone),
    ("GET", "/companies", Who::Anyone),
    ("GET", "/companies.csv", Who::Anyone),
    ("GET", "/companies/1", Who::Anyone),
    ("GET", "/companies/new", Who::Editors),
    ("POST", "/companies", Who::Editors),
    ("GET", "/companies/1/edit", Who::Editors),
    ("POST", "/companies/1/edit", Who::Editors),
    ("GET", "/companies/1/delete", Who::Editors),
    ("POST", "/companies/7/delete", Who::Editors),
    ("GET", "/people", Who::Anyone),
    ("GET", "/people.csv", Who::Anyone),
    ("GET", "/people/1", Who::Anyone),
    ("GET", "/people/new", Who::Editors),
    ("POST", "/people", Who::Editors),
    ("GET", "/people/1/edit", Who::Editors),
    ("POST", "/people/1/edit", Who::Editors),
    ("GET", "/people/1/delete", Who::Editors),
    ("POST", "/people/9/delete", Who::Editors),
    ("GET", "/pay-reports.csv", Who::PayReaders),
    ("GET", "/people/1/pay/new", Who::Editors),
    ("POST", "/people/1/pay", Who::Editors),
    ("GET", "/people/1/pay/1/edit", Who::Editors),
    ("POST", "/people/1/pay/1/edit", Who::Editors),
    ("GET", "/people/1/pay/1/delete", Who::Editors),
    ("POST", "/people/2/pay/2/delete", Who::Editors),
    ("GET", "/reports", Who::Anyone),
    ("GET", "/reports/pipeline", Who::Anyone),
    ("GET", "/reports/pipeline.csv", Who::Anyone),
    ("GET", "/reports/talent-flow", Who::PayReaders),
    ("GET", "/reports/compensation", Who::PayReaders),
    ("GET", "/reports/compensation.csv", Who::PayReaders),
    ("GET", "/reports/timeline", Who::PayReaders),
    ("GET", "/exchange-rates", Who::Anyone),
    ("GET", "/exchange-rates/new", Who::Admins),
    ("POST", "/exchange-rates", Who::Admins),
    ("GET", "/exchange-rates/1/delete", Who::Admins),
    ("POST", "/exchange-rates/1/delete", Who::Admins),
    ("GET", "/import", Who::Editors),
    ("POST", "/import", Who::Editors),
    ("GET", "/import/batches", Who::Editors),
    ("GET", "/audit", Who::Admins),
    ("GET", "/people/1/erase", Who::Admins),
    ("POST", "/people/8/erase", Who::Admins),
    ("GET", "/users", Who::Admins),
    ("POST", "/users", Who::Admins),
    ("POST", "/users/1/role", Who::Admins),
    ("POST", "/users/1/password-link", Who::Admins),
    ("POST", "/users/999/deactivate", Who::Admins),
    ("POST", "/users/999/activate", Who::Admins),
    ("GET", "/webhooks", Who::Admins),
    ("GET", "/webhooks/new", Who::Admins),
    ("POST", "/webhooks", Who::Admins),
    ("GET", "/account", Who::Anyone),
    ("POST", "/account/sessions/end-others", Who::Anyone),
    ("GET", "/account/password", Who::Anyone),
    ("POST", "/account/password", Who::Anyone),
];

fn request(app: &TestApp, method: &str, uri: &str) -> Page {
    if method == "GET" {
        app.get(uri)
    } else if uri == "/import" {
        app.upload("companies.csv", b"name,kind\nRole Test Co,other\n")
    } else {
        app.post(
            uri,
            &[
                ("name", "X"),
                ("kind", "other"),
                ("full_name", "X"),
                ("stage", "sourced"),
            ],
        )
    }
}

#[test]
fn every_route_admits_exactly_the_roles_it_should() -> anyhow::Result<()> {
    for role in [Role::Viewer, Role::Analyst, Role::Recruiter, Role::Admin] {
        let app = TestApp::demo_as(role)?;
        for (method, uri, who) in ROUTES {
            let page = request(&app, method, uri);
            let denied = page.status == Status::Forbidden;
            assert_eq!(
                denied,
                !allows(*who, role),
                "{method} {uri} as {role:?}: {}",
                page.status
            );
            assert!(
                page.status.code < 500,
                "{method} {uri} as {role:?}: {}",
                page.status
            );
        }
    }
    Ok(())
}

#[test]
fn anonymous_requests_are_sent_to_log_in_and_downloads_get_401() -> anyhow::Result<()> {
    let app = TestApp::anonymous(true)?;
    for (method, uri, _) in ROUTES {
        let page = if *method == "GET" {
            app.get(uri)
        } else {
            app.post_raw(uri, &[("name", "X")])
        };
        if *method == "POST" {
            // No session, no token: the CSRF check refuses before anything else.
            assert_eq!(page.status, Status::Forbidden, "{method} {uri}");
        } else if uri.ends_with(".csv") {
            assert_eq!(page.status, Status::Unauthorized, "{uri}");
        } else {
            assert_eq!(page.status, Status::SeeOther, "{uri}");
            assert!(
                page.location
                    .as_deref()
                    .is_some_and(|l| l.starts_with("/login?next=")),
                "{uri}"
            );
        }
    }
    assert_eq!(app.get("/login").status, Status::Ok);
    assert_eq!(app.get("/static/style.css").status, Status::Ok);
    Ok(())
}

#[test]
fn a_viewer_never_receives_a_pay_figure() -> anyhow::Result<()> {
    let app = TestApp::demo_as(Role::Viewer)?;
    // Every amount of the demo data, as pages and as CSV write them.
    let amounts = [
        "100,000,000",
        "100000000",
        "300,000,000",
        "200000000",
        "850,000",
        "850000",
        "37,500,000",
        "950000",
    ];
    let mut seen = 0;
    for (method, uri, who) in ROUTES {
        if *method != "GET" || !allows(*who, Role::Viewer) {
            continue;
        }
        for uri in [
            uri.to_string(),
            format!("/people/{}", 7),
            "/reports/pipeline?from=2025-01-01".into(),
        ] {
            let page = app.get(&uri);
            seen += 1;
            for amount in amounts {
                assert!(
                    !page.body.contains(amount),
                    "{uri} shows {amount} to a viewer"
                );
            }
            assert!(!page.body.contains("Pay reports"), "{uri}");
        }
    }
    assert!(seen > 10);
    Ok(())
}

#[test]
fn forms_without_the_right_csrf_token_are_refused_and_change_nothing() -> anyhow::Result<()> {
    let app = TestApp::with_demo(true)?;
    let before: i64 = company::table.count().get_result(&mut app.conn()?)?;
    for uri in [
        "/companies",
        "/companies/1/edit",
        "/companies/7/delete",
        "/people",
        "/people/1/pay",
        "/exchange-rates",
        "/logout",
    ] {
        let fields = [("name", "Forged"), ("kind", "other")];
        let missing = app.post_raw(uri, &fields);
        assert_eq!(missing.status, Status::Forbidden, "{uri} without a token");
        let wrong = "0".repeat(64);
        let forged = app.post_raw(
            uri,
            &[
                ("csrf_token", &wrong),
                ("name", "Forged"),
                ("kind", "other"),
            ],
        );
        assert_eq!(forged.status, Status::Forbidden, "{uri} with a wrong token");
        assert!(forged.contains("did not come from talent-tracker"));
    }
    let after: i64 = company::table.count().get_result(&mut app.conn()?)?;
    assert_eq!(after, before);
    assert_eq!(app.get("/").status, Status::Ok, "still logged in");
    Ok(())
}

#[test]
fn a_failed_login_does_not_say_whether_the_account_exists() -> anyhow::Result<()> {
    let app = TestApp::anonymous(false)?;
    app.add_user("ada@example.com", Role::Analyst)?;
    let unknown = app.log_in_with("nobody@example.com", PASSWORD);
    let wrong = app.log_in_with("ada@example.com", "not the password at all");
    assert_eq!(
        (unknown.status, wrong.status),
        (Status::Unauthorized, Status::Unauthorized)
    );
    assert_eq!(
        unknown.texts(".form-errors p"),
        wrong.texts(".form-errors p")
    );
    let right = app.log_in_with("ADA@example.com", PASSWORD);
    assert_eq!(right.status, Status::SeeOther);
    assert_eq!(app.get("/").status, Status::Ok);
    Ok(())
}

#[test]
fn five_failed_logins_from_one_address_stop_further_attempts_for_a_while() -> anyhow::Result<()> {
    let app = TestApp::anonymous(false)?;
    app.add_user("ada@example.com", Role::Analyst)?;
    for _ in 0..5 {
        assert_eq!(
            app.log_in_with("ada@example.com", "wrong password, again")
                .status,
            Status::Unauthorized
        );
    }
    let throttled = app.log_in_with("ada@example.com", PASSWORD);
    assert_eq!(throttled.status, Status::TooManyRequests);
    assert!(throttled.contains("Try again in 15 minutes"));
    assert_eq!(app.get("/").status, Status::SeeOther, "not logged in");
    // A while later (the window has passed) the right password works again.
    diesel::sql_query(
        "UPDATE login_attempt SET attempted_at = attempted_at - interval '16 minutes'",
    )
    .execute(&mut app.conn()?)?;
    assert_eq!(
        app.log_in_with("ada@example.com", PASSWORD).status,
        Status::SeeOther
    );
    Ok(())
}

#[test]
fn logging_out_ends_the_session_on_the_server() -> anyhow::Result<()> {
    let app = TestApp::new()?;
    let cookie = app
        .client
        .cookies()
        .get_private("tt_session")
        .map(|c| c.value().to_owned());
    assert!(cookie.is_some());
    let page = app.post_and_follow("/logout", &[]);
    assert_eq!(page.texts(".flash"), vec!["You are logged out."]);
    let sessions: i64 = user_session::table.count().get_result(&mut app.conn()?)?;
    assert_eq!(sessions, 0);
    assert_eq!(app.get("/").status, Status::SeeOther);
    Ok(())
}

#[test]
fn deactivating_a_user_and_idle_sessions_end_access() -> anyhow::Result<()> {
    let app = TestApp::new()?;
    diesel::update(user_session::table)
        .set(user_session::last_seen_at.eq(Utc::now() - Duration::hours(3)))
        .execute(&mut app.conn()?)?;
    assert_eq!(
        app.get("/").status,
        Status::SeeOther,
        "idle for three hours"
    );

    let other = TestApp::new()?;
    let user =
        User::find_by_email(&mut other.conn()?, "admin@example.com")?.expect("the test admin");
    // The last active admin stays active: another one first.
    other.add_user("second-admin@example.com", Role::Admin)?;
    let _ = User::deactivate(&mut other.conn()?, user.id)?;
    assert_eq!(other.get("/").status, Status::SeeOther);
    assert_eq!(
        other.log_in_with("admin@example.com", PASSWORD).status,
        Status::Unauthorized
    );
    Ok(())
}

#[test]
fn every_response_carries_the_security_headers() -> anyhow::Result<()> {
    let app = TestApp::new()?;
    for uri in [
        "/",
        "/people",
        "/reports/compensation",
        "/people.csv",
        "/login",
        "/no/such/page",
    ] {
        let response = app.client.get(uri).dispatch();
        let header = |name| response.headers().get_one(name).map(str::to_owned);
        let csp = header("Content-Security-Policy").unwrap_or_default();
        assert!(
            csp.contains("frame-ancestors 'none'") && !csp.contains("unsafe-inline"),
            "{uri}: {csp}"
        );
        assert_eq!(
            header("X-Content-Type-Options").as_deref(),
            Some("nosniff"),
            "{uri}"
        );
        assert_eq!(
            header("Referrer-Policy").as_deref(),
            Some("same-origin"),
            "{uri}"
        );
        assert_eq!(
            header("Cache-Control").as_deref(),
            Some("no-store"),
            "{uri}"
        );
    }
    Ok(())
}
