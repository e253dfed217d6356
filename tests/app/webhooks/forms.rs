//! The endpoints' pages: admins only, errors beside the fields, the secret shown to the admin
//! but kept out of the audit, and "Send again" under the same webhook-id.

use diesel::prelude::*;
use rocket::http::Status;
use talent_tracker::domain::Role;
use talent_tracker::schema::{audit_log, outbox, webhook_endpoint};

use super::{hooked_app, register};
use crate::common::TestApp;

#[test]
fn only_admins_see_or_register_endpoints() -> anyhow::Result<()> {
    for role in [
        Role::Viewer,
        Role::Analyst,
        Role::Recruiter,
        Role::Compensation,
    ] {
        let app = TestApp::logged_in(false, role)?;
        assert_eq!(app.get("/webhooks").status, Status::Forbidden, "{role:?}");
        let posted = app.post(
            "/webhooks",
            &[
                ("url", "https://example.com/hook"),
                ("event_person_created", "yes"),
            ],
        );
        assert_eq!(posted.status, Status::Forbidden, "{role:?}");
        assert!(!app.get("/").contains("href=\"/webhooks\""), "{role:?}");
    }
    Ok(())
}

#[test]
fn a_bad_address_or_no_event_comes_back_beside_its_field() -> anyhow::Result<()> {
    let app = hooked_app(false)?;
    let page = app.post(
        "/webhooks",
        &[("url", "javascript:alert(1)"), ("active", "yes")],
    );
    assert_eq!(page.status, Status::UnprocessableEntity);
    assert_eq!(page.field_errors("url").len(), 1, "{}", page.body);
    assert!(
        page.texts(".field-error")
            .iter()
            .any(|e| e.contains("at least one event"))
    );
    assert_eq!(
        page.field_value("url").as_deref(),
        Some("javascript:alert(1)")
    );
    let count: i64 = webhook_endpoint::table
        .count()
        .get_result(&mut app.conn()?)?;
    assert_eq!(count, 0);
    Ok(())
}

#[test]
fn an_endpoint_is_edited_disabled_and_deleted_and_its_secret_stays_out_of_the_audit()
-> anyhow::Result<()> {
    let app = hooked_app(false)?;
    let (id, secret) = register(&app, "https://example.com/hook", &["person.hired"], false)?;
    assert!(secret.starts_with("whsec_"), "{secret}");
    let page = app.get(&format!("/webhooks/{id}"));
    assert_eq!(page.texts(".webhook-secret"), std::slice::from_ref(&secret));

    let edit = app.get(&format!("/webhooks/{id}/edit"));
    assert_eq!(
        edit.field_value("event_person_hired").as_deref(),
        Some("yes")
    );
    let saved = app.post(
        &format!("/webhooks/{id}"),
        &[
            ("url", "https://example.com/other"),
            ("event_person_created", "yes"),
        ],
    );
    assert_eq!(saved.status, Status::SeeOther, "{}", saved.body);
    let (url, active, events): (String, bool, Vec<Option<String>>) = webhook_endpoint::table
        .find(id)
        .select((
            webhook_endpoint::url,
            webhook_endpoint::active,
            webhook_endpoint::events,
        ))
        .first(&mut app.conn()?)?;
    assert_eq!(url, "https://example.com/other");
    assert!(!active, "unticked is disabled");
    assert_eq!(events, [Some("person.created".to_owned())]);
    // A disabled endpoint gets nothing queued.
    app.create_person(&[("full_name", "Ada"), ("stage", "sourced")]);
    let queued: i64 = outbox::table.count().get_result(&mut app.conn()?)?;
    assert_eq!(queued, 0);

    assert_eq!(
        app.post(&format!("/webhooks/{id}/delete"), &[]).status,
        Status::SeeOther
    );
    assert_eq!(app.get(&format!("/webhooks/{id}")).status, Status::NotFound);
    let entries: Vec<(String, Option<serde_json::Value>, Option<serde_json::Value>)> =
        audit_log::table
            .filter(audit_log::record_table.eq("webhook_endpoint"))
            .order(audit_log::id)
            .select((audit_log::action, audit_log::before, audit_log::after))
            .load(&mut app.conn()?)?;
    let actions: Vec<&str> = entries.iter().map(|e| e.0.as_str()).collect();
    assert_eq!(actions, ["create", "update", "delete"]);
    let text = serde_json::to_string(&entries.iter().map(|e| (&e.1, &e.2)).collect::<Vec<_>>())?;
    assert!(
        !text.contains(&secret) && !text.contains("whsec_"),
        "{text}"
    );
    let audit = app.get("/audit");
    assert!(
        audit.contains("webhook endpoint https://example.com/other"),
        "{}",
        audit.body
    );
    Ok(())
}

#[test]
fn send_again_puts_a_delivery_back_in_line_under_its_id() -> anyhow::Result<()> {
    // Without the setting the loopback endpoint fails at once, for "Send again" to retry.
    let app = hooked_app(false)?;
    let (id, _) = register(&app, "http://127.0.0.1:9/hook", &["person.created"], false)?;
    app.create_person(&[("full_name", "Ada"), ("stage", "sourced")]);
    let rows = super::settled(&app)?;
    let (delivery, status) = (rows[0].0, rows[0].1.clone());
    assert_eq!(status, "failed");
    let log = app.get(&format!("/webhooks/{id}"));
    assert_eq!(log.texts(".delivery-status"), ["failed"]);
    assert!(log.contains(&format!("msg_{delivery}")));
    let again = app.post(
        &format!("/webhooks/{id}/deliveries/{delivery}/send-again"),
        &[],
    );
    assert_eq!(again.status, Status::SeeOther);
    let rows = super::settled(&app)?;
    assert_eq!(rows.len(), 1, "the same row, not a new one");
    assert_eq!(
        (rows[0].0, rows[0].1.as_str(), rows[0].2),
        (delivery, "failed", 1)
    );
    // Another endpoint's id does not reach it.
    let other = app.post(
        &format!("/webhooks/{}/deliveries/{delivery}/send-again", id + 1),
        &[],
    );
    assert_eq!(other.status, Status::SeeOther);
    Ok(())
}
