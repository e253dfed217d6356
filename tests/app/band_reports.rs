//! The offers report and the EU pay transparency report, and the refusal of pay history.

use diesel::prelude::*;
use rocket::http::Status;
use talent_tracker::domain::Role;
use talent_tracker::schema::{pay_report, stage_change};

use crate::common::TestApp;
use crate::pay_bands::band;

fn offer(app: &TestApp, person: i64, base: &str) {
    let posted = app.post(
        &format!("/people/{person}/pay"),
        &[
            ("kind", "offered"),
            ("currency", "EUR"),
            ("amount_low", base),
            ("amount_high", base),
            ("period", "annual"),
            ("base", base),
            ("as_of", "2025-06-01"),
            ("confidence", "confirmed"),
        ],
    );
    assert_eq!(posted.status, Status::SeeOther, "{}", posted.body);
}

#[test]
fn the_offers_report_lists_each_offer_with_its_band_and_filters_by_status() -> anyhow::Result<()> {
    let app = TestApp::new()?;
    app.post(
        "/pay-bands",
        &band("Research Scientist", "L7", "EU", "2025-01-01"),
    );
    let ada = app.create_person(&[
        ("full_name", "Ada"),
        ("stage", "offer"),
        ("job_family", "Research Scientist"),
        ("level", "L7"),
        ("zone", "EU"),
    ]);
    offer(&app, ada, "275000");
    offer(&app, ada, "360000");
    let outside: i64 = pay_report::table
        .select(diesel::dsl::max(pay_report::id))
        .first::<Option<i64>>(&mut app.conn()?)?
        .unwrap_or_default();
    app.switch_to(Role::Compensation)?;
    let decided = app.post(
        &format!("/pay-reports/{outside}/approval"),
        &[
            ("decision", "approve"),
            ("reason", "Counter-offer, see thread"),
        ],
    );
    assert_eq!(decided.status, Status::SeeOther);
    let csv = app.download("/reports/offers.csv");
    let lines: Vec<&str> = csv.lines().collect();
    assert_eq!(
        lines[0],
        "Offer date,Person,Hiring company,Job family,Level,Band,Band currency,\
         Annual base in band currency,Compa-ratio,Range penetration (%),Approval,Decided by,Reason,\
         Decided on"
    );
    let today = chrono::Utc::now().date_naive();
    assert_eq!(
        &lines[1..],
        [
            format!(
                "2025-06-01,Ada,,Research Scientist,L7,Research Scientist L7 (EU) from 2025-01-01,\
                 EUR,360000.00,1.44,160.0,Approved,compensation@example.com,\
                 \"Counter-offer, see thread\",{today}"
            ),
            "2025-06-01,Ada,,Research Scientist,L7,Research Scientist L7 (EU) from 2025-01-01,\
             EUR,275000.00,1.10,75.0,Not needed,,,"
                .to_owned(),
        ]
    );
    let page = app.get("/reports/offers?status=approved&job_family=Research+Scientist");
    assert_eq!(page.status, Status::Ok);
    assert_eq!(page.texts("tbody tr").len(), 1);
    assert_eq!(
        page.texts("#chart-alt"),
        vec!["Compa-ratio of 1 offer against their bands; 1 outside."]
    );
    let other_family = app.download("/reports/offers.csv?job_family=Engineer");
    assert_eq!(other_family.lines().count(), 1, "only the header");
    let same_family = app.download("/reports/offers.csv?job_family=research+scientist");
    assert_eq!(same_family.lines().count(), 3, "family without case");
    let pending = app.download("/reports/offers.csv?status=pending");
    assert_eq!(pending.lines().count(), 1, "only the header");
    assert_eq!(
        app.get("/reports/offers?status=maybe").status,
        Status::UnprocessableEntity
    );
    app.switch_to(Role::Viewer)?;
    assert_eq!(app.get("/reports/offers").status, Status::Forbidden);
    assert_eq!(
        app.client.get("/reports/offers.csv").dispatch().status(),
        Status::Forbidden
    );
    Ok(())
}

#[test]
fn the_offers_report_filters_counts_and_pages_in_the_database_and_the_csv_holds_every_row()
-> anyhow::Result<()> {
    let app = TestApp::new()?;
    app.post(
        "/pay-bands",
        &band("Research Scientist", "L7", "EU", "2025-01-01"),
    );
    let ada = app.create_person(&[
        ("full_name", "Ada"),
        ("stage", "offer"),
        ("job_family", "Research Scientist"),
        ("level", "L7"),
        ("zone", "EU"),
    ]);
    // 201 offers inside the band (EUR 200,000–300,000) and 2 above it: more than a page.
    diesel::sql_query(
        "INSERT INTO pay_report (person_id, kind, currency, amount_low, amount_high, period,
                                 base, as_of, confidence)
         SELECT $1, 'offered', 'EUR', b, b, 'annual', b, DATE '2025-06-01' + i, 'confirmed'
         FROM generate_series(1, 203) i,
              LATERAL (SELECT CASE WHEN i > 201 THEN 360000 ELSE 250000 END AS b) x",
    )
    .bind::<diesel::sql_types::BigInt, _>(ada)
    .execute(&mut app.conn()?)?;

    let inside = app.get("/reports/offers?status=not_needed");
    assert_eq!(inside.status, Status::Ok);
    assert_eq!(inside.texts("tbody tr").len(), 200);
    assert!(
        inside.body.contains("1 more are in the"),
        "201 inside, 200 shown: {}",
        inside.body
    );
    let pending = app.get("/reports/offers?status=pending");
    let rows = pending.texts("tbody tr");
    assert_eq!(rows.len(), 2);
    // Newest first: the two offers above the band are the latest days.
    assert!(rows[0].contains("2025-12-21"), "{}", rows[0]);
    assert!(rows[1].contains("2025-12-20"), "{}", rows[1]);
    assert!(!pending.body.contains("more are in the"));
    let every = app.get("/reports/offers");
    assert_eq!(
        every.texts("#chart-alt"),
        vec!["Compa-ratio of 203 offers against their bands; 2 outside."]
    );
    let csv = app.download("/reports/offers.csv");
    assert_eq!(csv.lines().count(), 204, "the header and every offer");
    let csv_inside = app.download("/reports/offers.csv?status=not_needed");
    assert_eq!(csv_inside.lines().count(), 202);
    Ok(())
}

/// Moves a person into `stage` on `day` in the stage history.
fn moved(app: &TestApp, person: i64, stage: &str, day: &str) -> anyhow::Result<()> {
    let at = chrono::NaiveDate::parse_from_str(day, "%Y-%m-%d")?
        .and_hms_opt(10, 0, 0)
        .unwrap_or_default()
        .and_utc();
    diesel::insert_into(stage_change::table)
        .values((
            stage_change::person_id.eq(person),
            stage_change::to_stage.eq(stage),
            stage_change::changed_at.eq(at),
        ))
        .execute(&mut app.conn()?)?;
    Ok(())
}

#[test]
fn the_transparency_report_lists_eu_candidates_interviewed_before_disclosure() -> anyhow::Result<()>
{
    let app = TestApp::new()?;
    let person = |name: &str, zone: &str, disclosed: &str| {
        app.create_person(&[
            ("full_name", name),
            ("stage", "sourced"),
            ("zone", zone),
            ("range_disclosed_on", disclosed),
        ])
    };
    let late = person("Late", "EU", "2025-03-10");
    let in_time = person("In Time", "EU", "2025-03-01");
    let same_day = person("Same Day", "EU", "2025-03-05");
    let never = person("Never", "EU", "");
    let skipped = person("Skipped", "EU", "");
    let american = person("American", "US", "");
    let not_yet = person("Not Yet", "EU", "");
    for id in [late, in_time, same_day, never, american] {
        moved(&app, id, "interviewing", "2025-03-05")?;
    }
    moved(&app, skipped, "offer", "2025-04-01")?;
    moved(&app, not_yet, "contacted", "2025-03-05")?;
    let csv = app.download("/reports/pay-transparency.csv");
    assert_eq!(
        csv.lines().collect::<Vec<_>>(),
        vec![
            "Person,Hiring company,Job family,Level,Reached interviewing on,Range disclosed on,Finding",
            "Late,,,,2025-03-05,2025-03-10,disclosed 5 days after interviewing began",
            "Never,,,,2025-03-05,,never disclosed",
            "Skipped,,,,2025-04-01,,never disclosed",
        ]
    );
    let page = app.get("/reports/pay-transparency");
    assert_eq!(page.status, Status::Ok);
    assert_eq!(page.texts("tbody tr").len(), 3);
    Ok(())
}

#[test]
fn pay_history_from_an_eu_candidate_is_refused_beside_the_source() -> anyhow::Result<()> {
    let app = TestApp::new()?;
    let eu = app.create_person(&[
        ("full_name", "Ada"),
        ("stage", "interviewing"),
        ("zone", "EU"),
    ]);
    let us = app.create_person(&[
        ("full_name", "Grace"),
        ("stage", "interviewing"),
        ("zone", "US"),
    ]);
    let fields = [
        ("kind", "reported"),
        ("currency", "EUR"),
        ("amount_low", "200000"),
        ("amount_high", "200000"),
        ("period", "annual"),
        ("as_of", "2025-06-01"),
        ("confidence", "confirmed"),
        ("source_name", " Candidate "),
    ];
    let refused = app.post(&format!("/people/{eu}/pay"), &fields);
    assert_eq!(refused.status, Status::UnprocessableEntity);
    assert_eq!(
        refused.field_errors("source_name"),
        vec![
            "A candidate in the EU may not be asked for their pay history (Directive (EU) \
             2023/970, art. 5(2)): a figure from the candidate is not recorded."
        ]
    );
    assert_eq!(refused.field_value("amount_low").as_deref(), Some("200000"));
    assert_eq!(
        app.post(&format!("/people/{us}/pay"), &fields).status,
        Status::SeeOther
    );
    let stored: i64 = pay_report::table.count().get_result(&mut app.conn()?)?;
    assert_eq!(stored, 1);
    // The import refuses the same row.
    let file = "full_name,stage,zone,kind,currency,amount_low,amount_high,period,as_of,confidence,source_name\n\
                Ada,interviewing,EU,reported,EUR,1,1,annual,2025-06-01,confirmed,candidate\n";
    let preview = app.upload("pay.csv", file.as_bytes());
    assert!(
        preview.contains("may not be asked for their pay history"),
        "{}",
        preview.body
    );
    Ok(())
}
