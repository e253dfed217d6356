//! With password login off for the provider's users, an admin cannot give one of them a
//! password link (setup or reset): /users says why instead of offering it.

use diesel::prelude::*;
use rocket::http::Status;
use talent_tracker::domain::Role;
use talent_tracker::schema::app_user;

use super::provider::OidcProvider;
use super::{app_for, log_out, start, user};

#[test]
fn a_user_who_signs_in_through_the_provider_only_gets_no_password_link() -> anyhow::Result<()> {
    let Some(provider) = OidcProvider::start()? else {
        return Ok(());
    };
    let app = app_for(&provider, false)?;
    let boss = app.add_user("boss@example.com", Role::Admin)?;
    let rita = app.add_user("rita@example.com", Role::Recruiter)?;
    let back = provider.sign_in(&start(&app)?, "rita@example.com")?;
    assert_eq!(app.get(&back).status, Status::SeeOther);
    log_out(&app);
    app.log_in("boss@example.com")?;

    let users = app.get("/users");
    assert_eq!(users.status, Status::Ok);
    let why = users.texts(&format!("#user-{} .provider-only", rita.id));
    assert_eq!(why.len(), 1, "{}", users.body);
    assert!(why[0].contains("Signs in with Test ID only"), "{why:?}");
    let link_forms = |id: i64| {
        users
            .attrs(
                &format!("form[action='/users/{id}/password-link']"),
                "action",
            )
            .len()
    };
    assert_eq!(link_forms(rita.id), 0);
    assert_eq!(link_forms(boss.id), 1, "a password user keeps the button");

    let refused = app.post(&format!("/users/{}/password-link", rita.id), &[]);
    assert_eq!(refused.status, Status::Conflict, "{}", refused.body);
    assert!(
        refused
            .texts(".form-errors p")
            .concat()
            .contains("signs in with Test ID only"),
        "{}",
        refused.body
    );
    let link: Option<chrono::DateTime<chrono::Utc>> = app_user::table
        .find(rita.id)
        .select(app_user::password_link_expires_at)
        .first(&mut app.conn()?)?;
    assert_eq!(link, None, "no link was issued");
    // The admin's own, who logs in by password, is still given.
    let given = app.post(&format!("/users/{}/password-link", boss.id), &[]);
    assert_eq!(given.status, Status::Ok, "{}", given.body);
    assert!(user(&app, "rita@example.com")?.is_some());
    Ok(())
}
