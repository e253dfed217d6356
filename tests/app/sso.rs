//! Single sign-on through a real OpenID provider on loopback (`sso/provider.rs`): the role
//! mapped from its groups, a wrong state, a replayed code, an expired ID token, an unverified
//! e-mail, password login off for users of the provider, and a provider that is down at
//! startup.

mod issuer;
mod password_links;
pub(crate) mod provider;

use diesel::connection::SimpleConnection;
use diesel::prelude::*;
use rocket::http::{Cookie, Status};
use talent_tracker::auth::sso::RoleRule;
use talent_tracker::domain::Role;
use talent_tracker::models::User;
use talent_tracker::schema::{sso_identity, user_session};

use crate::common::{PASSWORD, Page, TestApp};
use crate::log_capture;
use provider::{OidcProvider, SITE};

fn app_for(provider: &OidcProvider, password_login: bool) -> anyhow::Result<TestApp> {
    let mut settings = provider.settings(SITE);
    settings.password_login = password_login;
    TestApp::anonymous_with(|config| config.sso = Some(settings))
}

/// Starts a sign-in at the app and answers the provider's authorization URL.
fn start(app: &TestApp) -> anyhow::Result<String> {
    let started = app.get("/sso/start?next=/people");
    anyhow::ensure!(
        started.status == Status::SeeOther,
        "{}: {}",
        started.status,
        started.body
    );
    started
        .location
        .ok_or_else(|| anyhow::anyhow!("no redirect to the provider"))
}

fn sessions(app: &TestApp) -> anyhow::Result<i64> {
    Ok(user_session::table.count().get_result(&mut app.conn()?)?)
}

fn user(app: &TestApp, email: &str) -> anyhow::Result<Option<User>> {
    Ok(User::find_by_email(&mut app.conn()?, email)?)
}

fn log_out(app: &TestApp) {
    let token = app
        .get("/")
        .attrs("form.who input[name=csrf_token]", "value")
        .pop()
        .unwrap_or_default();
    let out = app.post_raw("/logout", &[("csrf_token", &token)]);
    assert_eq!(out.status, Status::SeeOther, "{}", out.body);
}

/// The sign-in's pending cookie as the app set it, to send again.
fn flow_cookie(app: &TestApp) -> anyhow::Result<Cookie<'static>> {
    app.client
        .cookies()
        .get_private("tt_sso_flow")
        .ok_or_else(|| anyhow::anyhow!("no pending sign-in cookie"))
}

#[test]
fn a_new_user_signs_in_with_the_provider_and_gets_the_role_of_their_group() -> anyhow::Result<()> {
    let Some(provider) = OidcProvider::start()? else {
        return Ok(());
    };
    let app = app_for(&provider, true)?;
    let login = app.get("/login");
    assert_eq!(
        login.attrs("a[href^='/sso/start']", "href"),
        ["/sso/start?next=%2F"],
        "{}",
        login.body
    );
    assert!(login.body.contains("Sign in with Test ID"));

    let back = provider.sign_in(&start(&app)?, "rita@example.com")?;
    let landed = app.get(&back);
    assert_eq!(landed.status, Status::SeeOther, "{}", landed.body);
    assert_eq!(landed.location.as_deref(), Some("/people"));
    let rita = user(&app, "rita@example.com")?.ok_or_else(|| anyhow::anyhow!("not created"))?;
    assert_eq!(rita.role, Role::Recruiter);
    assert_eq!(rita.display_name, "Rita");

    let dashboard = app.get("/");
    assert_eq!(dashboard.status, Status::Ok);
    assert!(dashboard.body.contains("<h1>Dashboard</h1>"));
    assert_eq!(dashboard.texts(".who span"), ["Rita · Recruiter"]);
    let subject: String = sso_identity::table
        .filter(sso_identity::user_id.eq(rita.id))
        .select(sso_identity::subject)
        .first(&mut app.conn()?)?;
    assert_eq!(
        subject, "rita@example.com",
        "the provider's account id is its subject"
    );
    assert!(
        log_capture::events_mentioning("rita@example.com")
            .iter()
            .any(|e| e.starts_with("event=login_succeeded") && e.contains("/sso/callback")),
        "the sign-in is a security event like a login"
    );

    // A known user's role follows their group at the next sign-in.
    let admin = app.add_user("admin@example.com", Role::Viewer)?;
    let back = provider.sign_in(&start(&app)?, "admin@example.com")?;
    assert_eq!(app.get(&back).status, Status::SeeOther);
    assert_eq!(user(&app, &admin.email)?.map(|u| u.role), Some(Role::Admin));
    Ok(())
}

#[test]
fn an_answer_with_another_state_is_refused_and_opens_no_session() -> anyhow::Result<()> {
    let Some(provider) = OidcProvider::start()? else {
        return Ok(());
    };
    let app = app_for(&provider, true)?;
    let back = provider.sign_in(&start(&app)?, "rita@example.com")?;
    let (path, query) = back.split_once('?').unwrap_or((&back, ""));
    let forged: Vec<String> = query
        .split('&')
        .map(|pair| match pair.split_once('=') {
            Some(("state", _)) => "state=someone-elses-state".to_owned(),
            _ => pair.to_owned(),
        })
        .collect();
    let refused = app.get(&format!("{path}?{}", forged.join("&")));
    assert_eq!(refused.status, Status::BadRequest, "{}", refused.body);
    assert!(
        refused.body.contains("was not started here"),
        "{}",
        refused.body
    );
    assert_eq!(sessions(&app)?, 0);
    assert!(user(&app, "rita@example.com")?.is_none());
    // Without the pending sign-in's cookie the right state is no better.
    let again = app.get(&back);
    assert_eq!(again.status, Status::BadRequest);
    assert_eq!(sessions(&app)?, 0);
    Ok(())
}

#[test]
fn a_replayed_code_is_refused_by_the_provider_and_opens_no_second_session() -> anyhow::Result<()> {
    let Some(provider) = OidcProvider::start()? else {
        return Ok(());
    };
    let app = app_for(&provider, true)?;
    let back = provider.sign_in(&start(&app)?, "rita@example.com")?;
    let pending = flow_cookie(&app)?;
    assert_eq!(app.get(&back).status, Status::SeeOther);
    assert_eq!(sessions(&app)?, 1);

    // The same answer with the same pending sign-in, as an attacker who copied both would
    // send it: the state matches, and the provider refuses the code it gave once.
    let replayed = Page::from(app.client.get(back).private_cookie(pending).dispatch());
    assert_eq!(replayed.status, Status::Unauthorized, "{}", replayed.body);
    assert!(replayed.body.contains("used already"), "{}", replayed.body);
    assert_eq!(sessions(&app)?, 1);
    Ok(())
}

#[test]
fn an_expired_id_token_is_refused() -> anyhow::Result<()> {
    let Some(provider) = OidcProvider::start()? else {
        return Ok(());
    };
    let app = app_for(&provider, true)?;
    // The provider's test hook: late@'s ID token lives 1 s and arrives 2.5 s after it is made.
    let back = provider.sign_in(&start(&app)?, "late@example.com")?;
    let refused = app.get(&back);
    assert_eq!(refused.status, Status::Unauthorized, "{}", refused.body);
    assert_eq!(sessions(&app)?, 0);
    assert!(user(&app, "late@example.com")?.is_none());
    assert!(
        log_capture::events_mentioning("/sso/callback")
            .iter()
            .any(|e| e.starts_with("event=sso_refused"))
    );
    Ok(())
}

#[test]
fn a_user_whose_e_mail_the_provider_has_not_verified_is_refused_with_a_clear_page()
-> anyhow::Result<()> {
    let Some(provider) = OidcProvider::start()? else {
        return Ok(());
    };
    let app = app_for(&provider, true)?;
    // An account with that e-mail exists: an unverified claim to it must not open it.
    app.add_user("una@example.com", Role::Admin)?;
    let back = provider.sign_in(&start(&app)?, "una@example.com")?;
    let refused = app.get(&back);
    assert_eq!(refused.status, Status::Forbidden, "{}", refused.body);
    assert_eq!(
        refused.texts(".form-errors p"),
        [
            "Test ID has not verified your e-mail address una@example.com, so it cannot open an \
          account here. Verify it with Test ID first, or ask an admin."
        ]
    );
    assert_eq!(sessions(&app)?, 0);
    assert!(
        log_capture::events_mentioning("una@example.com")
            .iter()
            .any(|e| e.starts_with("event=sso_refused"))
    );
    Ok(())
}

#[test]
fn with_password_login_off_a_user_of_the_provider_cannot_log_in_with_a_password()
-> anyhow::Result<()> {
    let Some(provider) = OidcProvider::start()? else {
        return Ok(());
    };
    let app = app_for(&provider, false)?;
    app.add_user("rita@example.com", Role::Recruiter)?;
    // Before her first sign-in through the provider, her password still works.
    let page = app.log_in_with("rita@example.com", PASSWORD);
    assert_eq!(page.status, Status::SeeOther, "{}", page.body);
    log_out(&app);

    let back = provider.sign_in(&start(&app)?, "rita@example.com")?;
    assert_eq!(app.get(&back).status, Status::SeeOther);
    log_out(&app);
    let before = sessions(&app)?;
    let refused = app.log_in_with("rita@example.com", PASSWORD);
    assert_eq!(refused.status, Status::Forbidden, "{}", refused.body);
    assert_eq!(
        refused.texts(".form-errors p"),
        ["This account signs in with Test ID only: use the button below."]
    );
    assert_eq!(sessions(&app)?, before);
    // A wrong password is told nothing more than for anyone.
    let wrong = app.log_in_with("rita@example.com", "not her password at all");
    assert_eq!(wrong.status, Status::Unauthorized);
    Ok(())
}

#[test]
fn a_provider_that_is_down_at_startup_is_found_at_the_next_sign_in() -> anyhow::Result<()> {
    if !provider::installed()? {
        return Ok(());
    }
    let port = provider::free_port()?;
    let app = TestApp::anonymous_with(|config| {
        config.sso = Some(provider::settings(port, SITE));
    })?;
    assert_eq!(app.get("/login").status, Status::Ok);
    let down = app.get("/sso/start");
    assert_eq!(down.status, Status::ServiceUnavailable, "{}", down.body);
    assert!(down.body.contains("cannot be reached"));

    let provider = OidcProvider::on(port)?;
    let back = provider.sign_in(&start(&app)?, "rita@example.com")?;
    assert_eq!(app.get(&back).status, Status::SeeOther);
    assert_eq!(app.get("/").status, Status::Ok);
    Ok(())
}

#[test]
fn the_e_mail_and_groups_are_read_at_the_userinfo_endpoint_when_the_id_token_lacks_them()
-> anyhow::Result<()> {
    let Some(provider) = OidcProvider::with_claims_at_userinfo()? else {
        return Ok(());
    };
    let app = app_for(&provider, true)?;
    let back = provider.sign_in(&start(&app)?, "rita@example.com")?;
    let landed = app.get(&back);
    assert_eq!(landed.status, Status::SeeOther, "{}", landed.body);
    assert_eq!(
        user(&app, "rita@example.com")?.map(|u| u.role),
        Some(Role::Recruiter)
    );
    // An unverified e-mail is refused there as well.
    let back = provider.sign_in(&start(&app)?, "una@example.com")?;
    assert_eq!(app.get(&back).status, Status::Forbidden);
    Ok(())
}

#[test]
fn an_e_mail_from_the_provider_that_is_no_address_is_refused_without_a_500() -> anyhow::Result<()> {
    let Some(provider) = OidcProvider::start()? else {
        return Ok(());
    };
    let app = app_for(&provider, true)?;
    let back = provider.sign_in(&start(&app)?, "rita has@no domain")?;
    let refused = app.get(&back);
    assert_eq!(refused.status, Status::Forbidden, "{}", refused.body);
    assert!(refused.body.contains("none we can use"), "{}", refused.body);
    assert_eq!(sessions(&app)?, 0);
    Ok(())
}

#[test]
fn without_a_role_claim_unknown_users_get_the_set_role_or_are_refused_and_known_ones_keep_theirs()
-> anyhow::Result<()> {
    let Some(provider) = OidcProvider::start()? else {
        return Ok(());
    };
    let with_rule = |new_users: Option<Role>| {
        let mut settings = provider.settings(SITE);
        settings.roles = RoleRule::Local { new_users };
        TestApp::anonymous_with(|config| config.sso = Some(settings))
    };
    let closed = with_rule(None)?;
    let refused = closed.get(&provider.sign_in(&start(&closed)?, "rita@example.com")?);
    assert_eq!(refused.status, Status::Forbidden, "{}", refused.body);
    assert!(
        refused.body.contains("ask an admin to add you"),
        "{}",
        refused.body
    );
    assert!(user(&closed, "rita@example.com")?.is_none());
    // Known, she comes in with the role an admin gave her, whatever her groups say.
    closed.add_user("rita@example.com", Role::Analyst)?;
    let landed = closed.get(&provider.sign_in(&start(&closed)?, "rita@example.com")?);
    assert_eq!(landed.status, Status::SeeOther, "{}", landed.body);
    assert_eq!(
        user(&closed, "rita@example.com")?.map(|u| u.role),
        Some(Role::Analyst)
    );
    // Deactivated, she does not.
    closed
        .conn()?
        .batch_execute("UPDATE app_user SET active = false")?;
    let shut = closed.get(&provider.sign_in(&start(&closed)?, "rita@example.com")?);
    assert_eq!(shut.status, Status::Forbidden);
    assert!(shut.body.contains("is deactivated"), "{}", shut.body);

    let open = with_rule(Some(Role::Viewer))?;
    let landed = open.get(&provider.sign_in(&start(&open)?, "admin@example.com")?);
    assert_eq!(landed.status, Status::SeeOther, "{}", landed.body);
    assert_eq!(
        user(&open, "admin@example.com")?.map(|u| u.role),
        Some(Role::Viewer)
    );
    Ok(())
}

#[test]
fn a_provider_that_rotated_its_signing_keys_is_asked_for_them_again() -> anyhow::Result<()> {
    if !provider::installed()? {
        return Ok(());
    }
    let port = provider::free_port()?;
    let app = TestApp::anonymous_with(|config| {
        config.sso = Some(provider::settings(port, SITE));
    })?;
    let before = OidcProvider::with_new_keys_on(port)?;
    let landed = app.get(&before.sign_in(&start(&app)?, "rita@example.com")?);
    assert_eq!(landed.status, Status::SeeOther, "{}", landed.body);
    drop(before);

    // The same provider, restarted with a new key: the keys the app fetched sign nothing now.
    let after = OidcProvider::with_new_keys_on(port)?;
    let landed = app.get(&after.sign_in(&start(&app)?, "rita@example.com")?);
    assert_eq!(landed.status, Status::SeeOther, "{}", landed.body);
    Ok(())
}

#[test]
fn an_error_from_the_provider_is_shown_only_as_its_code() -> anyhow::Result<()> {
    let app = TestApp::anonymous_with(|config| {
        config.sso = Some(provider::settings(9, SITE));
    })?;
    let denied = app.get("/sso/callback?error=access_denied&state=x");
    assert_eq!(denied.status, Status::BadRequest);
    assert_eq!(
        denied.texts(".form-errors p"),
        ["Test ID did not sign you in (access_denied)."]
    );
    let words = app.get("/sso/callback?error=Call%20us%20at%20555&state=x");
    assert_eq!(words.status, Status::BadRequest);
    assert!(!words.body.contains("Call us"), "{}", words.body);
    // Without SSO set up, the routes are not there.
    let off = TestApp::anonymous(false)?;
    assert_eq!(off.get("/sso/start").status, Status::NotFound);
    Ok(())
}
