//! Writes through the API go through the forms' input types, rules and save: field errors as
//! problem details, versions as ETag and If-Match, the audit naming the token's user.

use rocket::http::{Method, Status};
use serde_json::json;
use talent_tracker::domain::Role;

use super::{call, company, get, post, put, token_for};
use crate::common::{TestApp, count};

#[test]
fn a_company_is_made_read_and_changed_with_its_version() -> anyhow::Result<()> {
    let app = TestApp::new()?;
    let token = token_for(&app, Role::Recruiter, false)?;
    let made = post(&app, "/api/v1/companies", &token, &company("Mistral AI"));
    assert_eq!(made.status, Status::Created, "{}", made.raw);
    let location = made.location.clone().unwrap_or_default();
    let id = made.body["id"].as_i64().unwrap_or_default();
    assert_eq!(location, format!("/api/v1/companies/{id}"));
    let read = get(&app, &location, &token);
    assert_eq!(read.body["name"], "Mistral AI");
    assert_eq!(read.body["country"], "FR");
    let tag = read.etag.clone().unwrap_or_default();
    assert_eq!(tag, format!("\"{}\"", read.body["version"]));
    // RFC 3339 times.
    let created = read.body["created_at"].as_str().unwrap_or_default();
    assert!(
        chrono::DateTime::parse_from_rfc3339(created).is_ok(),
        "{created}"
    );

    let changed = json!({ "name": "Mistral AI", "kind": "startup" });
    // No If-Match: 428; a stale one: 412; nothing changes either way.
    let missing = call(
        &app,
        Method::Put,
        &location,
        Some(&token),
        None,
        Some(&changed),
    );
    assert_eq!(
        missing.status,
        Status::PreconditionRequired,
        "{}",
        missing.raw
    );
    let saved = put(&app, &location, &token, &tag, &changed);
    assert_eq!(saved.status, Status::Ok, "{}", saved.raw);
    assert_eq!(saved.body["kind"], "startup");
    assert_eq!(
        saved.body["country"],
        json!(null),
        "a field left out is emptied"
    );
    assert_ne!(saved.etag, Some(tag.clone()));
    let stale = put(&app, &location, &token, &tag, &company("Stale Write"));
    assert_eq!(stale.status, Status::PreconditionFailed, "{}", stale.raw);
    assert_eq!(
        stale.content_type.as_deref(),
        Some("application/problem+json")
    );
    assert_eq!(get(&app, &location, &token).body["name"], "Mistral AI");
    // The audit names the token's user, as for their forms.
    let mut conn = app.conn()?;
    let by_them = count(
        &mut conn,
        "SELECT count(*) AS n FROM audit_log WHERE record_table = 'company' \
         AND actor LIKE '%recruiter@example.com%'",
    )?;
    assert_eq!(by_them, 2, "the create and the update");
    Ok(())
}

#[test]
fn a_refused_write_answers_422_with_the_forms_field_errors() -> anyhow::Result<()> {
    let app = TestApp::new()?;
    let token = token_for(&app, Role::Admin, false)?;
    let wrong = json!({ "kind": "no such kind", "website": "not a url", "country": "XX" });
    let refused = post(&app, "/api/v1/companies", &token, &wrong);
    assert_eq!(
        refused.status,
        Status::UnprocessableEntity,
        "{}",
        refused.raw
    );
    assert_eq!(
        refused.content_type.as_deref(),
        Some("application/problem+json")
    );
    assert_eq!(refused.body["status"], 422);
    for field in ["name", "kind", "website", "country"] {
        assert!(
            refused.body["errors"][field]
                .as_array()
                .is_some_and(|e| !e.is_empty()),
            "{field}: {}",
            refused.raw
        );
    }
    // The rule that needs the database (a name taken) answers the same way.
    assert_eq!(
        post(&app, "/api/v1/companies", &token, &company("Taken")).status,
        Status::Created
    );
    let taken = post(&app, "/api/v1/companies", &token, &company("taken"));
    assert_eq!(taken.status, Status::UnprocessableEntity);
    assert!(taken.body["errors"]["name"].is_array(), "{}", taken.raw);
    // A fraction as a JSON number has passed through floating point: refused.
    let person = app.create_person(&[("full_name", "Ada"), ("stage", "sourced")]);
    let float = json!({ "kind": "offered", "currency": "USD", "amount_low": 1234.5,
        "period": "annual", "as_of": "2026-01-02", "confidence": "confirmed" });
    let refused = post(
        &app,
        &format!("/api/v1/people/{person}/pay-reports"),
        &token,
        &float,
    );
    assert_eq!(refused.status, Status::UnprocessableEntity);
    assert!(
        refused.body["errors"]["amount_low"].is_array(),
        "{}",
        refused.raw
    );
    // Not JSON at all.
    let response = app
        .client
        .post("/api/v1/companies")
        .header(rocket::http::ContentType::JSON)
        .header(rocket::http::Header::new(
            "Authorization",
            format!("Bearer {token}"),
        ))
        .body("{not json")
        .dispatch();
    assert!(response.status().code < 500 && response.status().code >= 400);
    assert_eq!(
        response.content_type().map(|c| c.to_string()).as_deref(),
        Some("application/problem+json")
    );
    Ok(())
}

#[test]
fn a_person_is_made_moved_and_read_with_their_stage_history() -> anyhow::Result<()> {
    let app = TestApp::new()?;
    let token = token_for(&app, Role::Recruiter, false)?;
    post(&app, "/api/v1/companies", &token, &company("DeepMind"));
    let made = post(
        &app,
        "/api/v1/people",
        &token,
        &json!({ "full_name": "Grace Hopper", "stage": "sourced", "origin_company": "DeepMind",
                 "first_contact_on": "2026-01-05" }),
    );
    assert_eq!(made.status, Status::Created, "{}", made.raw);
    assert_eq!(made.body["origin_company"], "DeepMind");
    let id = made.body["id"].as_i64().unwrap_or_default();
    let tag = made.etag.clone().unwrap_or_default();
    let to = format!("/api/v1/people/{id}/stage");
    let moved = call(
        &app,
        Method::Post,
        &to,
        Some(&token),
        Some(&tag),
        Some(&json!({ "stage": "interviewing" })),
    );
    assert_eq!(moved.status, Status::Ok, "{}", moved.raw);
    let tag = moved.etag.clone().unwrap_or_default();
    // Closing them asks first, as the board does.
    let closing = json!({ "stage": "withdrawn" });
    let asked = call(
        &app,
        Method::Post,
        &to,
        Some(&token),
        Some(&tag),
        Some(&closing),
    );
    assert_eq!(asked.status, Status::Conflict, "{}", asked.raw);
    let read = get(&app, &format!("/api/v1/people/{id}"), &token);
    let history: Vec<&str> = read.body["stage_history"]
        .as_array()
        .map(|h| h.iter().filter_map(|s| s["to_stage"].as_str()).collect())
        .unwrap_or_default();
    assert_eq!(history, ["sourced", "interviewing"]);
    // The same person again: the form's duplicate question, answered in the body.
    let again =
        json!({ "full_name": "Grace Hopper", "stage": "sourced", "origin_company": "DeepMind" });
    let asked = post(&app, "/api/v1/people", &token, &again);
    assert_eq!(asked.status, Status::UnprocessableEntity, "{}", asked.raw);
    assert!(asked.body["errors"]["different_person"].is_array());
    let mut answered = again.clone();
    answered["different_person"] = json!(true);
    assert_eq!(
        post(&app, "/api/v1/people", &token, &answered).status,
        Status::Created
    );
    Ok(())
}

#[test]
fn pay_reports_keep_exact_decimal_amounts_with_their_currency() -> anyhow::Result<()> {
    let app = TestApp::new()?;
    let token = token_for(&app, Role::Recruiter, false)?;
    let person = app.create_person(&[("full_name", "Alan Turing"), ("stage", "offer")]);
    let uri = format!("/api/v1/people/{person}/pay-reports");
    let report = json!({ "kind": "offered", "currency": "EUR", "amount_low": "123456789.01",
        "period": "annual", "as_of": "2026-01-02", "confidence": "confirmed",
        "base": "100000.10" });
    let made = post(&app, &uri, &token, &report);
    assert_eq!(made.status, Status::Created, "{}", made.raw);
    assert_eq!(made.body["amount_low"], "123456789.01");
    assert_eq!(made.body["amount_high"], "123456789.01");
    assert_eq!(made.body["base"], "100000.10");
    assert_eq!(made.body["currency"], "EUR");
    let location = made.location.clone().unwrap_or_default();
    let tag = made.etag.clone().unwrap_or_default();
    let mut changed = report.clone();
    changed["amount_high"] = json!("130000000");
    let saved = put(&app, &location, &token, &tag, &changed);
    assert_eq!(saved.status, Status::Ok, "{}", saved.raw);
    assert_eq!(saved.body["amount_high"], "130000000.00");
    // An analyst reads pay but changes nothing.
    let analyst = token_for(&app, Role::Analyst, false)?;
    assert_eq!(get(&app, &location, &analyst).status, Status::Ok);
    let tag = saved.etag.clone().unwrap_or_default();
    assert_eq!(
        put(&app, &location, &analyst, &tag, &changed).status,
        Status::Forbidden
    );
    Ok(())
}

#[test]
fn pay_bands_are_made_by_those_who_manage_them_and_rates_read_by_anyone() -> anyhow::Result<()> {
    let app = TestApp::with_demo(true)?;
    let band = json!({ "job_family": "Research", "level": "L9", "currency": "USD",
        "base_min": "300000", "base_mid": "350000.50", "base_max": "400000",
        "effective_on": "2026-02-01" });
    let recruiter = token_for(&app, Role::Recruiter, false)?;
    assert_eq!(
        post(&app, "/api/v1/pay-bands", &recruiter, &band).status,
        Status::Forbidden
    );
    let compensation = token_for(&app, Role::Compensation, false)?;
    let made = post(&app, "/api/v1/pay-bands", &compensation, &band);
    assert_eq!(made.status, Status::Created, "{}", made.raw);
    assert_eq!(made.body["base_mid"], "350000.50");
    // The band form's rules: a middle above the maximum is refused beside the field.
    let mut wrong = band.clone();
    wrong["base_mid"] = json!("500000");
    wrong["effective_on"] = json!("2026-03-01");
    let refused = post(&app, "/api/v1/pay-bands", &compensation, &wrong);
    assert_eq!(
        refused.status,
        Status::UnprocessableEntity,
        "{}",
        refused.raw
    );
    assert!(
        refused.body["errors"]
            .as_object()
            .is_some_and(|e| !e.is_empty())
    );
    let viewer = token_for(&app, Role::Viewer, false)?;
    let rates = get(&app, "/api/v1/exchange-rates?limit=2", &viewer);
    assert_eq!(rates.status, Status::Ok, "{}", rates.raw);
    let rate = &rates.body["items"][0];
    assert!(rate["rate"].is_string(), "{}", rates.raw);
    assert_eq!(
        get(
            &app,
            &format!("/api/v1/exchange-rates/{}", rate["id"]),
            &viewer
        )
        .body["rate"],
        rate["rate"]
    );
    assert_eq!(
        call(
            &app,
            Method::Get,
            "/api/v1/pay-bands",
            Some(&viewer),
            None,
            None
        )
        .status,
        Status::Forbidden
    );
    Ok(())
}

#[test]
fn an_offer_is_read_against_its_band_with_its_decisions_by_those_who_see_pay() -> anyhow::Result<()>
{
    let app = TestApp::with_demo(true)?;
    let decided: i64 = count(
        &mut app.conn()?,
        "SELECT min(pay_report_id) AS n FROM pay_decision",
    )?;
    let analyst = token_for(&app, Role::Analyst, false)?;
    let offer = get(&app, &format!("/api/v1/offers/{decided}"), &analyst);
    assert_eq!(offer.status, Status::Ok, "{}", offer.raw);
    assert!(offer.body["band_id"].is_i64(), "{}", offer.raw);
    assert!(
        offer.body["base_check"]["compa_ratio"].is_string(),
        "{}",
        offer.raw
    );
    let decisions = offer.body["decisions"]
        .as_array()
        .cloned()
        .unwrap_or_default();
    assert!(!decisions.is_empty(), "{}", offer.raw);
    assert!(["approved", "rejected"].contains(&decisions[0]["decision"].as_str().unwrap_or("")));
    // A pay report that is no offer is no offer here either.
    let reported: i64 = count(
        &mut app.conn()?,
        "SELECT min(id) AS n FROM pay_report WHERE kind <> 'offered'",
    )?;
    assert_eq!(
        get(&app, &format!("/api/v1/offers/{reported}"), &analyst).status,
        Status::NotFound
    );
    let viewer = token_for(&app, Role::Viewer, false)?;
    assert_eq!(
        get(&app, &format!("/api/v1/offers/{decided}"), &viewer).status,
        Status::Forbidden
    );
    Ok(())
}
