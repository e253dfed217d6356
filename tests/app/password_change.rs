//! Changing one's own password at /account/password.

use diesel::prelude::*;
use rocket::http::Status;
use talent_tracker::auth::{password, random_token, session_lifetime};
use talent_tracker::domain::Role;
use talent_tracker::models::{Session, User};
use talent_tracker::schema::user_session;

use crate::common::{PASSWORD, TestApp};

const NEW: &str = "a brand new password, long enough";

fn stored_hash(app: &TestApp, email: &str) -> anyhow::Result<String> {
    let user = User::find_by_email(&mut app.conn()?, email)?.expect("the user");
    Ok(user.password_hash)
}

#[test]
fn every_user_finds_the_password_form_from_their_account() -> anyhow::Result<()> {
    let app = TestApp::demo_as(Role::Viewer)?;
    let home = app.get("/");
    assert_eq!(home.attrs("a[href='/account']", "href").len(), 1);
    let account = app.get("/account");
    assert_eq!(
        account.attrs("a[href='/account/password']", "href").len(),
        1
    );
    let form = app.get("/account/password");
    assert_eq!(form.status, Status::Ok);
    let fields = form.attrs("form[action='/account/password'] input", "name");
    assert_eq!(
        fields,
        vec![
            "csrf_token",
            "current_password",
            "new_password",
            "repeat_password"
        ]
    );
    let anonymous = TestApp::anonymous(false)?;
    assert_eq!(anonymous.get("/account/password").status, Status::SeeOther);
    Ok(())
}

#[test]
fn changing_the_password_keeps_this_session_and_ends_the_others() -> anyhow::Result<()> {
    let app = TestApp::logged_in(false, Role::Analyst)?;
    let me = User::find_by_email(&mut app.conn()?, "analyst@example.com")?.expect("the user");
    // Another browser, logged in as the same user.
    Session::insert(
        &mut app.conn()?,
        &random_token(),
        me.id,
        &random_token(),
        session_lifetime(),
    )?;

    let page = app.post_and_follow(
        "/account/password",
        &[
            ("current_password", PASSWORD),
            ("new_password", NEW),
            ("repeat_password", NEW),
        ],
    );

    assert_eq!(page.status, Status::Ok, "still logged in");
    assert!(
        page.texts(".flash")
            .iter()
            .any(|f| f.contains("Your password is changed")),
        "{:?}",
        page.texts(".flash")
    );
    let sessions: i64 = user_session::table.count().get_result(&mut app.conn()?)?;
    assert_eq!(sessions, 1, "only this session is left");
    let hash = stored_hash(&app, "analyst@example.com")?;
    assert!(password::verify(NEW, &hash));
    assert!(!password::verify(PASSWORD, &hash));
    Ok(())
}

#[test]
fn a_wrong_current_password_is_refused_beside_its_field() -> anyhow::Result<()> {
    let app = TestApp::new()?;
    let page = app.post(
        "/account/password",
        &[
            ("current_password", "not my password at all"),
            ("new_password", NEW),
            ("repeat_password", NEW),
        ],
    );
    assert_eq!(page.status, Status::UnprocessableEntity);
    assert_eq!(
        page.field_errors("current_password"),
        vec!["This is not your current password."]
    );
    assert!(password::verify(
        PASSWORD,
        &stored_hash(&app, "admin@example.com")?
    ));
    Ok(())
}

#[test]
fn a_short_or_mistyped_new_password_is_refused_and_never_shown_back() -> anyhow::Result<()> {
    let app = TestApp::new()?;
    let short = app.post(
        "/account/password",
        &[
            ("current_password", PASSWORD),
            ("new_password", "too short"),
            ("repeat_password", "too short"),
        ],
    );
    assert_eq!(short.status, Status::UnprocessableEntity);
    assert_eq!(
        short.field_errors("new_password"),
        vec!["A password needs at least 12 characters."]
    );
    let mistyped = app.post(
        "/account/password",
        &[
            ("current_password", PASSWORD),
            ("new_password", NEW),
            ("repeat_password", "a brand new password, long enougH"),
        ],
    );
    assert_eq!(mistyped.status, Status::UnprocessableEntity);
    assert_eq!(
        mistyped.field_errors("repeat_password"),
        vec!["The two new passwords differ."]
    );
    let missing = app.post("/account/password", &[("new_password", NEW)]);
    assert_eq!(missing.status, Status::UnprocessableEntity);
    assert!(!missing.field_errors("current_password").is_empty());
    for page in [&short, &mistyped, &missing] {
        assert!(!page.contains(PASSWORD) && !page.contains(NEW));
    }
    assert!(password::verify(
        PASSWORD,
        &stored_hash(&app, "admin@example.com")?
    ));
    Ok(())
}

#[test]
fn guessing_the_current_password_is_throttled_like_a_login() -> anyhow::Result<()> {
    let app = TestApp::new()?;
    let guess = |current: &str| {
        app.post(
            "/account/password",
            &[
                ("current_password", current),
                ("new_password", NEW),
                ("repeat_password", NEW),
            ],
        )
    };
    for n in 0..5 {
        let page = guess(&format!("wrong guess number {n}"));
        assert_eq!(page.status, Status::UnprocessableEntity, "guess {n}");
    }
    // Even the right password is not checked now: the guesser learns nothing more.
    let throttled = guess(PASSWORD);
    assert_eq!(throttled.status, Status::TooManyRequests);
    assert_eq!(
        throttled.field_errors("current_password"),
        vec!["Too many wrong passwords. Try again in 15 minutes."]
    );
    assert!(password::verify(
        PASSWORD,
        &stored_hash(&app, "admin@example.com")?
    ));
    Ok(())
}

#[test]
fn a_right_current_password_leaves_no_failure_behind() -> anyhow::Result<()> {
    let app = TestApp::new()?;
    for n in 0..4 {
        let page = app.post(
            "/account/password",
            &[
                ("current_password", &format!("wrong guess number {n}")),
                ("new_password", NEW),
                ("repeat_password", NEW),
            ],
        );
        assert_eq!(page.status, Status::UnprocessableEntity);
    }
    let changed = app.post(
        "/account/password",
        &[
            ("current_password", PASSWORD),
            ("new_password", NEW),
            ("repeat_password", NEW),
        ],
    );
    assert_eq!(changed.status, Status::SeeOther);
    // Four failures and a success: the success is not counted, so a fifth slip is allowed.
    let slip = app.post(
        "/account/password",
        &[
            ("current_password", "one more slip of the finger"),
            ("new_password", "another new password, long enough"),
            ("repeat_password", "another new password, long enough"),
        ],
    );
    assert_eq!(slip.status, Status::UnprocessableEntity);
    Ok(())
}
