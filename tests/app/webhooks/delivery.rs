//! Delivery: every event once across the receiver's outage, nothing for a rollback, pay only
//! where allowed, loopback refused without the setting, no redirect to another host.

use std::collections::{BTreeMap, BTreeSet};
use std::time::{Duration, Instant};

use diesel::connection::SimpleConnection;
use diesel::prelude::*;
use rocket::http::Status;
use talent_tracker::domain::Role;
use talent_tracker::schema::{outbox, person};

use super::receiver::Receiver;
use super::{ALL_EVENTS, events_of, hooked_app, register, settled};
use crate::offers::{decide, offer, person};
use crate::pay_bands::band;

#[test]
fn every_event_arrives_signed_and_once_though_the_receiver_was_down() -> anyhow::Result<()> {
    let Some(mut receiver) = Receiver::start()? else {
        return Ok(());
    };
    let app = hooked_app(true)?;
    let rate = [
        ("currency", "EUR"),
        ("rate_on", "2025-01-01"),
        ("rate", "1.1"),
    ];
    assert_eq!(app.post("/exchange-rates", &rate).status, Status::SeeOther);
    let band = band("Research Scientist", "L7", "EU", "2025-01-01");
    assert_eq!(app.post("/pay-bands", &band).status, Status::SeeOther);
    let (_, secret) = register(&app, &receiver.url("/hook/all"), &ALL_EVENTS, true)?;
    receiver.endpoint("all", &secret)?;
    let (_, secret) = register(
        &app,
        &receiver.url("/hook/nopay"),
        &["offer.pending"],
        false,
    )?;
    receiver.endpoint("nopay", &secret)?;

    let ada = person(&app, "Ada", "EU");
    // EUR 330,000 is above the band's 300,000: the offer waits for a decision.
    let ada_offer = offer(&app, ada, "EUR", "330000", "2025-06-01");
    let mut first = events_of(&receiver.wait_for("all", 2)?);
    // Delivered concurrently: in any order.
    first.sort();
    assert_eq!(first, ["offer.pending", "person.created"]);

    // Down: what happens now waits and is tried again.
    receiver.stop();
    let version: i32 = person::table
        .find(ada)
        .select(person::version)
        .first(&mut app.conn()?)?;
    let moved = app.post(
        &format!("/pipeline/{ada}/move"),
        &[("version", &version.to_string()), ("stage", "hired")],
    );
    assert_eq!(moved.status, Status::SeeOther, "{}", moved.body);
    let grace = person(&app, "Grace", "EU");
    assert_eq!(
        app.post(&format!("/people/{grace}/erase"), &[]).status,
        Status::SeeOther
    );
    app.switch_to(Role::Compensation)?;
    let decided = decide(&app, ada_offer, "approve", "Ada's competing offer");
    assert_eq!(decided.status, Status::SeeOther, "{}", decided.body);
    let deadline = Instant::now() + Duration::from_secs(60);
    loop {
        let retried: i64 = outbox::table
            .filter(outbox::channel.eq("webhook"))
            .filter(outbox::status.eq("pending"))
            .filter(outbox::attempts.ge(2))
            .count()
            .get_result(&mut app.conn()?)?;
        if retried >= 5 {
            break;
        }
        anyhow::ensure!(
            Instant::now() < deadline,
            "no retries while the receiver was down"
        );
        std::thread::sleep(Duration::from_millis(100));
    }
    receiver.resume()?;
    let rows = settled(&app)?;
    assert!(
        rows.iter().all(|r| r.1 == "sent" && r.4 == Some(204)),
        "{rows:?}"
    );

    let all = receiver.wait_for("all", 7)?;
    std::thread::sleep(Duration::from_millis(500));
    let all = receiver.wait_for("all", all.len())?;
    for delivery in &all {
        assert!(delivery.verified, "{:?}: {delivery:?}", delivery.error);
    }
    // One arrival per webhook-id: nothing sent twice, and one id per outbox row.
    let ids: BTreeSet<&str> = all.iter().filter_map(|d| d.id.as_deref()).collect();
    assert_eq!(ids.len(), all.len(), "{all:?}");
    let mut events: Vec<String> = events_of(&all);
    events.sort();
    assert_eq!(
        events,
        [
            "offer.decided",
            "offer.pending",
            "person.created",
            "person.created",
            "person.erased",
            "person.hired",
            "person.stage_changed",
        ]
    );
    let by_event: BTreeMap<String, serde_json::Value> = all
        .iter()
        .map(|d| (d.event().to_owned(), d.data()))
        .collect();
    assert_eq!(by_event["person.hired"]["person_id"], ada);
    assert_eq!(by_event["person.hired"]["from_stage"], "offer");
    assert_eq!(by_event["offer.decided"]["decision"], "approved");
    assert_eq!(by_event["offer.decided"]["figures"]["base"], "330000.00");
    assert_eq!(
        by_event["person.erased"],
        serde_json::json!({ "person_id": grace })
    );
    // The endpoint allowed pay has the figures; the other the same event without them.
    assert_eq!(by_event["offer.pending"]["figures"]["currency"], "EUR");
    let nopay = receiver.wait_for("nopay", 1)?;
    assert_eq!(nopay.len(), 1, "{nopay:?}");
    assert!(nopay[0].verified, "{nopay:?}");
    assert_eq!(
        nopay[0].data(),
        serde_json::json!({ "pay_report_id": ada_offer, "person_id": ada })
    );
    assert!(!serde_json::to_string(&nopay[0].payload)?.contains("330000"));
    Ok(())
}

#[test]
fn a_rolled_back_change_sends_nothing() -> anyhow::Result<()> {
    let Some(receiver) = Receiver::start()? else {
        return Ok(());
    };
    let app = hooked_app(true)?;
    let (_, secret) = register(
        &app,
        &receiver.url("/hook/people"),
        &["person.created"],
        false,
    )?;
    receiver.endpoint("people", &secret)?;
    let mut conn = app.conn()?;
    conn.batch_execute(
        "BEGIN;
         INSERT INTO person (full_name, stage) VALUES ('Rolled Back', 'sourced');
         ROLLBACK;
         INSERT INTO person (full_name, stage) VALUES ('Committed', 'sourced');",
    )?;
    let committed: i64 = person::table
        .filter(person::full_name.eq("Committed"))
        .select(person::id)
        .first(&mut conn)?;
    settled(&app)?;
    std::thread::sleep(Duration::from_millis(500));
    let got = receiver.wait_for("people", 1)?;
    assert_eq!(got.len(), 1, "{got:?}");
    assert_eq!(got[0].data()["person_id"], committed);
    Ok(())
}

#[test]
fn loopback_is_refused_without_the_setting_by_address_and_by_name() -> anyhow::Result<()> {
    let Some(receiver) = Receiver::start()? else {
        return Ok(());
    };
    let app = hooked_app(false)?;
    let (_, secret) = register(
        &app,
        &receiver.url("/hook/literal"),
        &["person.created"],
        false,
    )?;
    receiver.endpoint("literal", &secret)?;
    let by_name = format!("http://localhost:{}/hook/named", receiver.port);
    let (_, secret) = register(&app, &by_name, &["person.created"], false)?;
    receiver.endpoint("named", &secret)?;
    app.create_person(&[("full_name", "Ada"), ("stage", "sourced")]);
    let rows = settled(&app)?;
    assert_eq!(rows.len(), 2);
    for (_, status, attempts, error, code) in &rows {
        // Refused at once, not tried again: only the setting changes the answer.
        assert_eq!((status.as_str(), *attempts, *code), ("failed", 1, None));
        let error = error.as_deref().unwrap_or("");
        assert!(error.contains("loopback, private or link-local"), "{error}");
    }
    assert!(receiver.received()?.is_empty());
    Ok(())
}

#[test]
fn a_redirect_to_another_host_is_not_followed() -> anyhow::Result<()> {
    let Some(receiver) = Receiver::start()? else {
        return Ok(());
    };
    let app = hooked_app(true)?;
    let (id, _) = register(
        &app,
        &receiver.url("/elsewhere/moved"),
        &["person.created"],
        false,
    )?;
    app.create_person(&[("full_name", "Ada"), ("stage", "sourced")]);
    let deadline = Instant::now() + Duration::from_secs(60);
    while receiver.received()?.is_empty() {
        anyhow::ensure!(Instant::now() < deadline, "no delivery");
        std::thread::sleep(Duration::from_millis(100));
    }
    // Its first failure is recorded; it is never delivered at the other host.
    let deadline = Instant::now() + Duration::from_secs(60);
    let (error, code) = loop {
        let row: (Option<String>, Option<i32>) = outbox::table
            .filter(outbox::webhook_endpoint_id.eq(id))
            .select((outbox::last_error, outbox::response_code))
            .first(&mut app.conn()?)?;
        if row.0.is_some() {
            break row;
        }
        anyhow::ensure!(Instant::now() < deadline, "no failure recorded");
        std::thread::sleep(Duration::from_millis(100));
    };
    assert_eq!(code, Some(307));
    assert!(error.unwrap_or_default().contains("not followed"));
    let received = receiver.received()?;
    assert!(received.iter().all(|d| d.redirected), "{received:?}");
    let log = app.get(&format!("/webhooks/{id}"));
    assert!(
        log.texts(".delivery-error")
            .iter()
            .any(|e| e.contains("not followed"))
    );
    Ok(())
}
