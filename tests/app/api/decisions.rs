//! POST /api/v1/offers/{id}/decision: the approval page's rules, roles, audit, mail and
//! webhook, through the path the page takes.

use diesel::prelude::*;
use rocket::http::Status;
use serde_json::json;
use talent_tracker::domain::Role;
use talent_tracker::schema::{audit_log, outbox};

use super::{post, token_for};
use crate::common::TestApp;
use crate::offers::{offer, person};
use crate::pay_bands::band;

/// An admin logged in, mail on (to nobody listening: the rows are what is checked), the EUR
/// rate and the band the offers are checked against.
fn mailing_app_with_band() -> anyhow::Result<TestApp> {
    let mail = talent_tracker::mail::MailSettings::from_parts(
        Some("smtp://127.0.0.1:9"),
        Some("Talent Tracker <tracker@example.com>"),
        Some("https://talent.example.com"),
    )?;
    let app = TestApp::anonymous_with(|config| config.mail = mail)?;
    app.add_user("admin@example.com", Role::Admin)?;
    app.log_in("admin@example.com")?;
    let rate = [
        ("currency", "EUR"),
        ("rate_on", "2025-01-01"),
        ("rate", "1.1"),
    ];
    assert_eq!(app.post("/exchange-rates", &rate).status, Status::SeeOther);
    let band = band("Research Scientist", "L7", "EU", "2025-01-01");
    assert_eq!(app.post("/pay-bands", &band).status, Status::SeeOther);
    Ok(app)
}

#[test]
fn a_decision_through_the_api_follows_the_approval_pages_rules() -> anyhow::Result<()> {
    // The admin makes the offer, so the admin is kept from deciding on it.
    let app = mailing_app_with_band()?;
    let hook = [
        ("url", "https://hooks.invalid/decided"),
        ("active", "yes"),
        ("event_offer_decided", "yes"),
    ];
    assert_eq!(app.post("/webhooks", &hook).status, Status::SeeOther);
    let ada = person(&app, "Ada", "EU");
    let id = offer(&app, ada, "EUR", "330000", "2025-06-01");
    let uri = format!("/api/v1/offers/{id}/decision");
    let approve = json!({ "decision": "approve", "reason": "Competing offer" });

    for role in [Role::Recruiter, Role::Analyst, Role::Viewer] {
        let refused = post(&app, &uri, &token_for(&app, role, false)?, &approve);
        assert_eq!(
            refused.status,
            Status::Forbidden,
            "{role:?}: {}",
            refused.raw
        );
    }
    let own = post(&app, &uri, &token_for(&app, Role::Admin, false)?, &approve);
    assert_eq!(own.status, Status::Forbidden, "{}", own.raw);
    assert!(
        own.body["detail"]
            .to_string()
            .contains("You created or last edited")
    );

    let token = token_for(&app, Role::Compensation, false)?;
    let read_only = token_for(&app, Role::Compensation, true)?;
    assert_eq!(
        post(&app, &uri, &read_only, &approve).status,
        Status::Forbidden
    );
    let blank = post(
        &app,
        &uri,
        &token,
        &json!({ "decision": "approve", "reason": " " }),
    );
    assert_eq!(blank.status, Status::UnprocessableEntity, "{}", blank.raw);
    assert_eq!(
        blank.body["errors"]["reason"],
        json!(["This field is required."])
    );
    let unknown = post(
        &app,
        &uri,
        &token,
        &json!({ "decision": "promote", "reason": "x" }),
    );
    assert_eq!(
        unknown.status,
        Status::UnprocessableEntity,
        "{}",
        unknown.raw
    );
    assert!(
        unknown.body["errors"]["decision"].is_array(),
        "{}",
        unknown.raw
    );
    let none: i64 = audit_log::table
        .filter(audit_log::record_table.eq("pay_decision"))
        .count()
        .get_result(&mut app.conn()?)?;
    assert_eq!(none, 0);

    let decided = post(&app, &uri, &token, &approve);
    assert_eq!(decided.status, Status::Ok, "{}", decided.raw);
    assert_eq!(decided.body["status"], json!("approved"));
    assert_eq!(
        decided.body["decisions"][0]["reason"],
        json!("Competing offer")
    );
    assert_eq!(
        decided.body["decisions"][0]["decided_by"],
        json!("compensation@example.com")
    );
    let actors: Vec<String> = audit_log::table
        .filter(audit_log::record_table.eq("pay_decision"))
        .select(audit_log::actor)
        .load(&mut app.conn()?)?;
    assert_eq!(actors, ["compensation@example.com"]);
    // The maker is mailed and the endpoint told, as after the page's decision.
    let queued: Vec<(String, String, String)> = outbox::table
        .filter(outbox::kind.eq_any(["offer_decided", "offer.decided"]))
        .order(outbox::id)
        .select((outbox::channel, outbox::kind, outbox::recipient))
        .load(&mut app.conn()?)?;
    assert_eq!(
        queued,
        [
            (
                "webhook".to_owned(),
                "offer.decided".to_owned(),
                "https://hooks.invalid/decided".to_owned()
            ),
            (
                "mail".to_owned(),
                "offer_decided".to_owned(),
                "admin@example.com".to_owned()
            ),
        ]
    );

    let inside = offer(&app, ada, "EUR", "250000", "2025-06-01");
    let needless = post(
        &app,
        &format!("/api/v1/offers/{inside}/decision"),
        &token,
        &approve,
    );
    assert_eq!(
        needless.status,
        Status::UnprocessableEntity,
        "{}",
        needless.raw
    );
    assert!(
        needless.body["detail"]
            .to_string()
            .contains("needs no decision")
    );
    let missing = post(&app, "/api/v1/offers/999999/decision", &token, &approve);
    assert_eq!(missing.status, Status::NotFound, "{}", missing.raw);
    Ok(())
}
