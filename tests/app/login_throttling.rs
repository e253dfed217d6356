//! Login throttling: failures count against the address a request really came from, which a
//! client cannot choose, and failures sent in parallel cannot outrun the limit.

use diesel::prelude::*;
use rocket::http::{ContentType, Cookie, Header, Status};
use talent_tracker::auth::client_address::{AddressRange, ProxyTrust};
use talent_tracker::domain::Role;
use talent_tracker::schema::login_attempt;

use crate::common::{PASSWORD, Page, TestApp};

const WRONG: &str = "wrong password, again";

/// Sends the login form from the socket address `peer`, with `headers` added.
fn log_in_from(app: &TestApp, peer: &str, headers: &[(&str, &str)], password: &str) -> Page {
    let token = app
        .get("/login")
        .attrs("input[name=csrf_token]", "value")
        .pop()
        .unwrap_or_default();
    let body: String = url::form_urlencoded::Serializer::new(String::new())
        .extend_pairs([
            ("csrf_token", token.as_str()),
            ("email", "ada@example.com"),
            ("password", password),
        ])
        .finish();
    let mut request = app
        .client
        .post("/login")
        .header(ContentType::Form)
        .remote(peer.parse().expect("a socket address"))
        .body(body);
    for (name, value) in headers {
        request = request.header(Header::new(name.to_string(), value.to_string()));
    }
    Page::from(request.dispatch())
}

fn recorded_addresses(app: &TestApp) -> anyhow::Result<Vec<String>> {
    Ok(login_attempt::table
        .select(login_attempt::address)
        .distinct()
        .load(&mut app.conn()?)?)
}

#[test]
fn rotating_x_real_ip_does_not_escape_the_limit_per_address() -> anyhow::Result<()> {
    let app = TestApp::anonymous(false)?;
    app.add_user("ada@example.com", Role::Analyst)?;
    for n in 0..5 {
        let spoofed = format!("198.51.100.{n}");
        let page = log_in_from(&app, "192.0.2.10:4000", &[("X-Real-IP", &spoofed)], WRONG);
        assert_eq!(page.status, Status::Unauthorized);
    }
    let sixth = log_in_from(
        &app,
        "192.0.2.10:4001",
        &[("X-Real-IP", "198.51.100.99")],
        PASSWORD,
    );
    assert_eq!(sixth.status, Status::TooManyRequests);
    assert_eq!(recorded_addresses(&app)?, vec!["192.0.2.10"]);
    Ok(())
}

#[test]
fn a_forged_x_real_ip_cannot_lock_another_address_out() -> anyhow::Result<()> {
    let app = TestApp::anonymous(false)?;
    app.add_user("ada@example.com", Role::Analyst)?;
    for _ in 0..6 {
        log_in_from(
            &app,
            "192.0.2.66:4000",
            &[("X-Real-IP", "192.0.2.10")],
            WRONG,
        );
    }
    let victim = log_in_from(&app, "192.0.2.10:4000", &[], PASSWORD);
    assert_eq!(victim.status, Status::SeeOther, "{}", victim.body);
    Ok(())
}

fn behind_proxy() -> anyhow::Result<TestApp> {
    let app = TestApp::anonymous_with(|config| {
        config.proxy = Some(ProxyTrust {
            header: "X-Forwarded-For".to_owned(),
            proxies: vec![AddressRange::parse("10.0.0.0/24").expect("a range")],
        });
    })?;
    app.add_user("ada@example.com", Role::Analyst)?;
    Ok(app)
}

#[test]
fn behind_a_trusted_proxy_its_header_names_the_client() -> anyhow::Result<()> {
    let app = behind_proxy()?;
    for _ in 0..5 {
        let via_proxy = [("X-Forwarded-For", "203.0.113.9, 203.0.113.5")];
        log_in_from(&app, "10.0.0.1:4000", &via_proxy, WRONG);
    }
    let same_client = [("X-Forwarded-For", "203.0.113.5")];
    let throttled = log_in_from(&app, "10.0.0.2:4000", &same_client, PASSWORD);
    assert_eq!(throttled.status, Status::TooManyRequests);
    let another_client = [("X-Forwarded-For", "203.0.113.6")];
    let other = log_in_from(&app, "10.0.0.1:4000", &another_client, PASSWORD);
    assert_eq!(other.status, Status::SeeOther, "{}", other.body);
    assert_eq!(recorded_addresses(&app)?, vec!["203.0.113.5"]);
    Ok(())
}

#[test]
fn the_proxy_header_is_ignored_from_an_untrusted_peer() -> anyhow::Result<()> {
    let app = behind_proxy()?;
    let forged = [
        ("X-Forwarded-For", "203.0.113.5"),
        ("X-Real-IP", "10.0.0.1"),
    ];
    log_in_from(&app, "192.0.2.7:4000", &forged, WRONG);
    assert_eq!(recorded_addresses(&app)?, vec!["192.0.2.7"]);
    Ok(())
}

/// Twelve wrong passwords at once from one address: at most five are checked, the rest are
/// refused as throttled, however the requests interleave.
#[test]
fn failures_sent_in_parallel_never_pass_the_limit() -> anyhow::Result<()> {
    let app = TestApp::anonymous(false)?;
    app.add_user("ada@example.com", Role::Analyst)?;
    let mut config = app.config.clone();
    config.pool_size = 4;
    let runtime = rocket::tokio::runtime::Runtime::new()?;
    let statuses = runtime.block_on(async {
        let rocket = talent_tracker::app_with(crate::common::quiet(), config)?;
        let client = rocket::local::asynchronous::Client::untracked(rocket).await?;
        let form = client.get("/login").dispatch().await;
        let cookie = form
            .cookies()
            .get("tt_login_csrf")
            .map(|c| c.value().to_owned())
            .unwrap_or_default();
        let page = form.into_string().await.unwrap_or_default();
        let token = Page {
            status: Status::Ok,
            body: page,
            location: None,
            content_type: None,
        }
        .attrs("input[name=csrf_token]", "value")
        .pop()
        .unwrap_or_default();
        let body = format!("csrf_token={token}&email=ada%40example.com&password=wrong+password");
        let attempts = (0..12).map(|_| {
            client
                .post("/login")
                .header(ContentType::Form)
                .remote("192.0.2.10:4000".parse().expect("a socket address"))
                .cookie(Cookie::new("tt_login_csrf", cookie.clone()))
                .body(body.clone())
                .dispatch()
        });
        let responses = rocket::futures::future::join_all(attempts).await;
        anyhow::Ok(responses.iter().map(|r| r.status()).collect::<Vec<_>>())
    })?;
    let checked = statuses
        .iter()
        .filter(|s| **s == Status::Unauthorized)
        .count();
    let throttled = statuses
        .iter()
        .filter(|s| **s == Status::TooManyRequests)
        .count();
    assert_eq!((checked, throttled), (5, 7), "{statuses:?}");
    let recorded: i64 = login_attempt::table.count().get_result(&mut app.conn()?)?;
    assert_eq!(recorded, 5);
    Ok(())
}

#[test]
fn wrong_api_tokens_and_wrong_passwords_from_one_address_do_not_hold_each_other_back()
-> anyhow::Result<()> {
    let app = TestApp::anonymous(false)?;
    app.add_user("ada@example.com", Role::Analyst)?;
    let token_from = |peer: &str| {
        app.client
            .get("/api/v1/companies")
            .remote(peer.parse().expect("a socket address"))
            .header(Header::new(
                "Authorization",
                format!("Bearer tt_{}", "0".repeat(64)),
            ))
            .dispatch()
            .status()
    };
    // An integration with a stale token behind the office's one address...
    for _ in 0..6 {
        token_from("192.0.2.20:4000");
    }
    assert_eq!(token_from("192.0.2.20:4000"), Status::TooManyRequests);
    // ...does not lock the office's people out of their logins, and the other way round.
    let login = log_in_from(&app, "192.0.2.20:4001", &[], PASSWORD);
    assert_eq!(login.status, Status::SeeOther, "{}", login.body);
    // A client of its own: this one is logged in now.
    let app = TestApp::anonymous(false)?;
    app.add_user("ada@example.com", Role::Analyst)?;
    for _ in 0..5 {
        log_in_from(&app, "192.0.2.21:4000", &[], WRONG);
    }
    assert_eq!(
        log_in_from(&app, "192.0.2.21:4001", &[], PASSWORD).status,
        Status::TooManyRequests
    );
    let token = app
        .client
        .get("/api/v1/companies")
        .remote("192.0.2.21:4002".parse().expect("a socket address"))
        .header(Header::new(
            "Authorization",
            format!("Bearer tt_{}", "0".repeat(64)),
        ))
        .dispatch();
    assert_eq!(
        token.status(),
        Status::Unauthorized,
        "checked, not held back"
    );
    Ok(())
}
