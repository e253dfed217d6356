//! /api/v1/webhooks: admin tokens only, the secret in the answer that makes it and never
//! again, the page's rules and words for a refused endpoint, versions as for every record,
//! and the delivery log read-only.

use diesel::prelude::*;
use rocket::http::{Method, Status};
use serde_json::json;
use talent_tracker::domain::Role;
use talent_tracker::schema::webhook_endpoint;

use super::{call, get, post, put, token_for};
use crate::common::TestApp;

fn endpoint(url: &str, events: &[&str]) -> serde_json::Value {
    json!({ "url": url, "events": events })
}

#[test]
fn only_an_admins_token_reads_or_changes_webhooks() -> anyhow::Result<()> {
    let app = TestApp::anonymous(false)?;
    let body = endpoint("https://hooks.invalid/a", &["person.created"]);
    for role in [
        Role::Viewer,
        Role::Analyst,
        Role::Recruiter,
        Role::Compensation,
    ] {
        let token = token_for(&app, role, false)?;
        for answer in [
            get(&app, "/api/v1/webhooks", &token),
            post(&app, "/api/v1/webhooks", &token, &body),
            call(
                &app,
                Method::Delete,
                "/api/v1/webhooks/1",
                Some(&token),
                Some("\"1\""),
                None,
            ),
        ] {
            assert_eq!(answer.status, Status::Forbidden, "{role:?}: {}", answer.raw);
            assert_eq!(
                answer.content_type.as_deref(),
                Some("application/problem+json")
            );
        }
    }
    let read_only = token_for(&app, Role::Admin, true)?;
    assert_eq!(get(&app, "/api/v1/webhooks", &read_only).status, Status::Ok);
    let refused = post(&app, "/api/v1/webhooks", &read_only, &body);
    assert_eq!(refused.status, Status::Forbidden, "{}", refused.raw);
    let count: i64 = webhook_endpoint::table
        .count()
        .get_result(&mut app.conn()?)?;
    assert_eq!(count, 0);
    Ok(())
}

#[test]
fn an_endpoint_made_by_the_api_shows_its_secret_once_and_changes_by_its_version()
-> anyhow::Result<()> {
    let app = TestApp::anonymous(false)?;
    let token = token_for(&app, Role::Admin, false)?;
    let made = post(
        &app,
        "/api/v1/webhooks",
        &token,
        &endpoint(
            "https://hooks.invalid/a",
            &["person.hired", "person.created"],
        ),
    );
    assert_eq!(made.status, Status::Created, "{}", made.raw);
    let secret = made.body["secret"].as_str().unwrap_or_default().to_owned();
    let id = made.body["id"].as_i64().unwrap_or_default();
    let stored: String = webhook_endpoint::table
        .find(id)
        .select(webhook_endpoint::secret)
        .first(&mut app.conn()?)?;
    assert!(
        secret.starts_with("whsec_") && secret == stored,
        "{}",
        made.raw
    );
    // In the order of the events' list, active as the form starts.
    assert_eq!(
        made.body["events"],
        json!(["person.created", "person.hired"])
    );
    assert_eq!(made.body["active"], json!(true));
    assert_eq!(
        made.location.as_deref(),
        Some(&*format!("/api/v1/webhooks/{id}"))
    );

    let shown = get(&app, &format!("/api/v1/webhooks/{id}"), &token);
    let listed = get(&app, "/api/v1/webhooks", &token);
    for answer in [&shown, &listed] {
        assert_eq!(answer.status, Status::Ok, "{}", answer.raw);
        assert!(!answer.raw.contains(&secret), "{}", answer.raw);
        assert!(!answer.raw.contains("whsec_"), "{}", answer.raw);
    }
    assert_eq!(listed.body["items"][0]["id"], json!(id));
    let tag = shown.etag.clone().unwrap_or_default();

    let changed = endpoint("https://hooks.invalid/b", &["offer.decided"]);
    let uri = format!("/api/v1/webhooks/{id}");
    let saved = put(&app, &uri, &token, &tag, &changed);
    assert_eq!(saved.status, Status::Ok, "{}", saved.raw);
    assert_eq!(saved.body["url"], json!("https://hooks.invalid/b"));
    // A PUT replaces every field: `active` left out is an unticked box.
    assert_eq!(saved.body["active"], json!(false));
    assert!(!saved.raw.contains("whsec_"));
    let stale = put(&app, &uri, &token, &tag, &changed);
    assert_eq!(stale.status, Status::PreconditionFailed, "{}", stale.raw);
    let no_tag = call(&app, Method::Put, &uri, Some(&token), None, Some(&changed));
    assert_eq!(no_tag.status, Status::PreconditionRequired);

    let delete = |tag: &str| call(&app, Method::Delete, &uri, Some(&token), Some(tag), None);
    assert_eq!(delete(&tag).status, Status::PreconditionFailed);
    let tag = saved.etag.unwrap_or_default();
    assert_eq!(delete(&tag).status, Status::NoContent);
    assert_eq!(get(&app, &uri, &token).status, Status::NotFound);
    assert_eq!(delete(&tag).status, Status::NotFound);
    Ok(())
}

#[test]
fn a_refused_endpoint_has_the_forms_errors_by_field() -> anyhow::Result<()> {
    let app = TestApp::anonymous(false)?;
    let token = token_for(&app, Role::Admin, false)?;
    let bad = post(
        &app,
        "/api/v1/webhooks",
        &token,
        &endpoint("javascript:alert(1)", &[]),
    );
    assert_eq!(bad.status, Status::UnprocessableEntity, "{}", bad.raw);
    assert_eq!(bad.body["errors"]["url"].as_array().map(Vec::len), Some(1));
    let events = bad.body["errors"]["events"].to_string();
    assert!(events.contains("at least one event"), "{}", bad.raw);

    let unknown = endpoint(
        "https://hooks.invalid/a",
        &["person.created", "person.promoted"],
    );
    let refused = post(&app, "/api/v1/webhooks", &token, &unknown);
    assert_eq!(
        refused.status,
        Status::UnprocessableEntity,
        "{}",
        refused.raw
    );
    assert!(
        refused.body["errors"]["events"]
            .to_string()
            .contains("person.promoted")
    );
    let count: i64 = webhook_endpoint::table
        .count()
        .get_result(&mut app.conn()?)?;
    assert_eq!(count, 0);
    Ok(())
}

#[test]
fn an_endpoints_deliveries_are_read_page_by_page() -> anyhow::Result<()> {
    let app = TestApp::anonymous(false)?;
    let token = token_for(&app, Role::Admin, false)?;
    let made = post(
        &app,
        "/api/v1/webhooks",
        &token,
        &json!({ "url": "https://hooks.invalid/a", "events": ["person.created"], "active": true }),
    );
    let id = made.body["id"].as_i64().unwrap_or_default();
    for name in ["Ada", "Grace", "Edsger"] {
        let person = json!({ "full_name": name, "stage": "sourced" });
        let created = post(&app, "/api/v1/people", &token, &person);
        assert_eq!(created.status, Status::Created, "{}", created.raw);
    }
    let uri = format!("/api/v1/webhooks/{id}/deliveries?limit=2");
    let first = get(&app, &uri, &token);
    assert_eq!(first.status, Status::Ok, "{}", first.raw);
    let cursor = first.body["next_cursor"].as_str().unwrap_or_default();
    let rest = get(&app, &format!("{uri}&cursor={cursor}"), &token);
    let mut items = first.body["items"].as_array().cloned().unwrap_or_default();
    items.extend(rest.body["items"].as_array().cloned().unwrap_or_default());
    assert_eq!(items.len(), 3, "{} {}", first.raw, rest.raw);
    assert!(items.iter().all(|d| d["event"] == "person.created"));
    let first_id = items[0]["id"].as_i64().unwrap_or_default();
    assert_eq!(items[0]["webhook_id"], json!(format!("msg_{first_id}")));
    assert!(rest.body["next_cursor"].is_null());
    let missing = get(&app, "/api/v1/webhooks/999999/deliveries", &token);
    assert_eq!(missing.status, Status::NotFound);
    Ok(())
}
