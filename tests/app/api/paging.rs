//! List endpoints page by an opaque cursor: every record once, in order, over several pages.

use rocket::http::Status;
use talent_tracker::domain::Role;

use super::{company, get, post, token_for};
use crate::common::TestApp;

#[test]
fn a_cursor_walks_every_record_once_over_several_pages() -> anyhow::Result<()> {
    let app = TestApp::new()?;
    let token = token_for(&app, Role::Admin, false)?;
    for i in 0..7 {
        let made = post(
            &app,
            "/api/v1/companies",
            &token,
            &company(&format!("Lab {i}")),
        );
        assert_eq!(made.status, Status::Created);
    }
    let (mut seen, mut pages, mut cursor) = (Vec::new(), 0, String::new());
    loop {
        let page = get(
            &app,
            &format!("/api/v1/companies?limit=3&cursor={cursor}"),
            &token,
        );
        assert_eq!(page.status, Status::Ok, "{}", page.raw);
        pages += 1;
        for item in page.body["items"].as_array().into_iter().flatten() {
            seen.push(item["name"].as_str().unwrap_or_default().to_owned());
        }
        match page.body["next_cursor"].as_str() {
            Some(next) => cursor = next.to_owned(),
            None => break,
        }
    }
    assert_eq!(pages, 3);
    let expected: Vec<String> = (0..7).map(|i| format!("Lab {i}")).collect();
    assert_eq!(seen, expected);
    // A cursor the API did not give, or a limit out of range, is a 422 problem.
    for query in ["cursor=bogus", "limit=0", "limit=100000"] {
        let refused = get(&app, &format!("/api/v1/companies?{query}"), &token);
        assert_eq!(refused.status, Status::UnprocessableEntity, "{query}");
        assert_eq!(refused.body["status"], 422);
    }
    Ok(())
}

#[test]
fn the_openapi_document_and_its_reference_page_are_served() -> anyhow::Result<()> {
    let app = TestApp::anonymous(false)?;
    let document = app.get("/api/openapi.json");
    assert_eq!(document.status, Status::Ok);
    let value: serde_json::Value = serde_json::from_str(&document.body)?;
    assert!(
        value["openapi"]
            .as_str()
            .is_some_and(|v| v.starts_with("3.1"))
    );
    assert!(value["paths"]["/api/v1/people/{id}/stage"]["post"].is_object());
    assert!(value["components"]["securitySchemes"]["bearer"].is_object());
    let page = app.get("/api/docs");
    assert_eq!(page.status, Status::Ok);
    assert!(page.contains("PUT /api/v1/companies/{id}"), "{}", page.body);
    assert!(
        page.texts("#schema-PayReportOut td code")
            .contains(&"amount_low".to_owned())
    );
    // Drawn on the server: no script at all.
    assert!(!page.body.contains("<script"));
    Ok(())
}

#[test]
fn a_report_answers_its_csvs_rows_and_only_the_pipeline_answers_a_viewer() -> anyhow::Result<()> {
    let app = TestApp::with_demo(true)?;
    let analyst = token_for(&app, Role::Analyst, false)?;
    for report in ["talent-flow", "compensation", "pipeline", "timeline"] {
        let answer = get(&app, &format!("/api/v1/reports/{report}"), &analyst);
        assert_eq!(answer.status, Status::Ok, "{report}: {}", answer.raw);
        let csv = app.download(&format!("/reports/{report}.csv"));
        let csv_rows = csv.lines().count() - 1;
        let rows = answer.body["rows"].as_array().map_or(0, Vec::len);
        assert_eq!(rows, csv_rows, "{report}");
        assert!(rows > 0, "{report}: the demo data fills it");
    }
    let viewer = token_for(&app, Role::Viewer, false)?;
    assert_eq!(
        get(&app, "/api/v1/reports/pipeline", &viewer).status,
        Status::Ok
    );
    let refused = get(&app, "/api/v1/reports/compensation", &viewer);
    assert_eq!(refused.status, Status::Forbidden);
    let wrong = get(
        &app,
        "/api/v1/reports/compensation?from=yesterday",
        &analyst,
    );
    assert_eq!(wrong.status, Status::UnprocessableEntity, "{}", wrong.raw);
    assert!(wrong.body["errors"][""].is_array(), "{}", wrong.raw);
    assert_eq!(
        get(&app, "/api/v1/reports/no-such-report", &analyst).status,
        Status::NotFound
    );
    Ok(())
}
