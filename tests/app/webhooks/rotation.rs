//! Rotating an endpoint's secret: for the grace period a delivery is signed with the new and
//! the old secret, so a receiver holding either accepts it (checked by the reference library);
//! after it, the old one is dropped and signs nothing.

use std::time::{Duration, Instant};

use diesel::connection::SimpleConnection;
use diesel::prelude::*;
use rocket::http::Status;
use talent_tracker::domain::Role;
use talent_tracker::schema::webhook_endpoint;

use super::receiver::Receiver;
use super::{hooked_app, register};
use crate::api::{post, token_for};
use crate::offers::person;

type Secrets = (
    String,
    Option<String>,
    Option<chrono::DateTime<chrono::Utc>>,
);

fn secrets(app: &crate::common::TestApp, id: i64) -> anyhow::Result<Secrets> {
    Ok(webhook_endpoint::table
        .find(id)
        .select((
            webhook_endpoint::secret,
            webhook_endpoint::old_secret,
            webhook_endpoint::old_secret_expires_at,
        ))
        .first(&mut app.conn()?)?)
}

#[test]
fn a_rotated_secret_and_the_old_one_both_verify_until_the_old_one_expires() -> anyhow::Result<()> {
    let Some(receiver) = Receiver::start()? else {
        return Ok(());
    };
    let app = hooked_app(true)?;
    let url = receiver.url("/hook/rotated");
    let (id, first) = register(&app, &url, &["person.created"], false)?;

    let rotated = app.post(&format!("/webhooks/{id}/rotate-secret"), &[]);
    assert_eq!(rotated.status, Status::SeeOther, "{}", rotated.body);
    let (second, old, until) = secrets(&app, id)?;
    assert_ne!(second, first);
    assert_eq!(old.as_deref(), Some(first.as_str()));
    let grace = until.map(|t| t - chrono::Utc::now()).unwrap_or_default();
    assert!(grace > chrono::Duration::hours(23), "{grace:?}");
    let page = app.get(&format!("/webhooks/{id}"));
    assert_eq!(page.texts(".webhook-secret"), std::slice::from_ref(&second));
    assert_eq!(page.texts(".webhook-old-secret").len(), 1, "{}", page.body);

    // A receiver that still holds the old secret, then one that holds the new.
    receiver.endpoint("rotated", &first)?;
    person(&app, "Ada", "EU");
    receiver.wait_for("rotated", 1)?;
    receiver.endpoint("rotated", &second)?;
    person(&app, "Grace", "EU");
    let got = receiver.wait_for("rotated", 2)?;
    assert!(got.iter().all(|d| d.verified), "{got:?}");

    // Past the grace period the sender drops the old secret, which then verifies nothing.
    app.conn()?.batch_execute(&format!(
        "UPDATE webhook_endpoint SET old_secret_expires_at = now() - interval '1 second' \
         WHERE id = {id}"
    ))?;
    let deadline = Instant::now() + Duration::from_secs(30);
    while secrets(&app, id)?.1.is_some() {
        anyhow::ensure!(
            Instant::now() < deadline,
            "the old secret was never dropped"
        );
        std::thread::sleep(Duration::from_millis(100));
    }
    assert!(secrets(&app, id)?.2.is_none());
    assert!(
        app.get(&format!("/webhooks/{id}"))
            .texts(".webhook-old-secret")
            .is_empty()
    );
    receiver.endpoint("rotated", &first)?;
    person(&app, "Edsger", "EU");
    let got = receiver.wait_for("rotated", 3)?;
    let late: Vec<_> = got.iter().filter(|d| !d.verified).collect();
    assert_eq!(late.len(), 1, "{got:?}");
    Ok(())
}

#[test]
fn the_api_rotates_a_secret_and_shows_the_new_one_once() -> anyhow::Result<()> {
    let app = hooked_app(false)?;
    let (id, first) = register(&app, "https://hooks.invalid/a", &["person.hired"], false)?;
    let token = token_for(&app, Role::Admin, false)?;
    let uri = format!("/api/v1/webhooks/{id}/rotate-secret");
    let rotated = post(&app, &uri, &token, &serde_json::json!({}));
    assert_eq!(rotated.status, Status::Ok, "{}", rotated.raw);
    let (second, old, until) = secrets(&app, id)?;
    assert_eq!(rotated.body["secret"].as_str(), Some(second.as_str()));
    assert_eq!(old.as_deref(), Some(first.as_str()));
    assert!(until.is_some());
    let shown = crate::api::get(&app, &format!("/api/v1/webhooks/{id}"), &token);
    assert!(!shown.raw.contains("whsec_"), "{}", shown.raw);
    assert!(
        shown.body["old_secret_expires_at"].is_string(),
        "{}",
        shown.raw
    );
    assert_eq!(shown.etag, rotated.etag);

    let recruiter = token_for(&app, Role::Recruiter, false)?;
    let refused = post(&app, &uri, &recruiter, &serde_json::json!({}));
    assert_eq!(refused.status, Status::Forbidden);
    // An old secret kept without the end of its grace period would sign for ever.
    let endless = app.conn()?.batch_execute(&format!(
        "UPDATE webhook_endpoint SET old_secret_expires_at = NULL WHERE id = {id}"
    ));
    assert!(endless.is_err());
    // The rotation is audited, neither secret in it.
    let audit: Vec<String> = talent_tracker::schema::audit_log::table
        .select(diesel::dsl::sql::<diesel::sql_types::Text>(
            "coalesce(after::text, '')",
        ))
        .load(&mut app.conn()?)?;
    assert!(
        audit.iter().any(|a| a.contains("old_secret_expires_at")),
        "{audit:?}"
    );
    assert!(audit.iter().all(|a| !a.contains("whsec_")), "{audit:?}");
    Ok(())
}
