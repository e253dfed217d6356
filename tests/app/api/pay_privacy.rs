//! A viewer's token never receives a pay figure: every API route, read or write, whatever it
//! answers, is scanned for the figures stored.

use rocket::http::{Method, Status};
use serde_json::json;
use talent_tracker::domain::Role;

use super::{call, token_for};
use crate::common::TestApp;

/// Figures no other text on the way contains.
const FIGURES: [&str; 4] = ["731947", "815263", "642871", "90517"];

#[test]
fn a_viewers_token_never_receives_a_pay_figure_from_any_api_route() -> anyhow::Result<()> {
    let app = TestApp::new()?;
    let person = app.create_person(&[("full_name", "Paid Person"), ("stage", "offer")]);
    let fields = [
        ("kind", "offered"),
        ("currency", "USD"),
        ("amount_low", "731947"),
        ("amount_high", "815263"),
        ("period", "annual"),
        ("as_of", "2026-01-02"),
        ("confidence", "confirmed"),
        ("base", "642871"),
        ("sign_on", "90517"),
    ];
    let company = app.create_company("Pay Lab");
    let made = app.post(&format!("/people/{person}/pay"), &fields);
    assert_eq!(made.status, Status::SeeOther, "{}", made.body);
    let band = app.post(
        "/pay-bands",
        &[
            ("job_family", "Research"),
            ("level", "L7"),
            ("currency", "USD"),
            ("base_min", "642871"),
            ("base_mid", "731947"),
            ("base_max", "815263"),
            ("effective_on", "2026-01-01"),
        ],
    );
    assert_eq!(band.status, Status::SeeOther, "{}", band.body);
    let band: i64 = crate::common::count(&mut app.conn()?, "SELECT max(id) AS n FROM pay_band")?;
    let report: i64 =
        crate::common::count(&mut app.conn()?, "SELECT max(id) AS n FROM pay_report")?;
    // The figures are there for a role that sees pay.
    let analyst = token_for(&app, Role::Analyst, false)?;
    let seen = call(
        &app,
        Method::Get,
        &format!("/api/v1/people/{person}/pay-reports"),
        Some(&analyst),
        None,
        None,
    );
    assert!(seen.raw.contains("731947"), "{}", seen.raw);

    let viewer = token_for(&app, Role::Viewer, false)?;
    let routes: Vec<(Method, String)> = app
        .client
        .rocket()
        .routes()
        .filter(|r| r.uri.path().starts_with("/api"))
        .map(|r| (r.method, r.uri.path().to_string()))
        .collect();
    assert!(routes.len() >= 24, "{routes:?}");
    let body = json!({ "amount_low": "731947", "full_name": "x", "stage": "hired" });
    for (method, path) in routes {
        let id = if path.contains("pay-reports") || path.contains("offers") {
            report
        } else if path.contains("pay-bands") {
            band
        } else if path.contains("companies") {
            company
        } else {
            person
        };
        let uri = path
            .replace("<person_id>", &person.to_string())
            .replace("<id>", &id.to_string());
        let tag = "\"1\"";
        let answer = call(&app, method, &uri, Some(&viewer), Some(tag), Some(&body));
        for figure in FIGURES {
            // A write's body echoed back would hold the figure the viewer sent: what matters
            // is that no stored figure comes out, so the request's own figure is checked for
            // reads only.
            if method != Method::Get && figure == "731947" {
                continue;
            }
            assert!(
                !answer.raw.contains(figure),
                "{method} {uri} gave a viewer {figure}: {}",
                answer.raw
            );
        }
        assert!(answer.status.code < 500, "{method} {uri}: {}", answer.raw);
        let paid_report = uri.contains("/reports/") && !uri.ends_with("/pipeline");
        if paid_report
            || ["pay-reports", "pay-bands", "offers"]
                .iter()
                .any(|paid| uri.contains(paid))
        {
            assert_eq!(answer.status, Status::Forbidden, "{method} {uri}");
        }
    }
    // The one report a viewer reads.
    let pipeline = call(
        &app,
        Method::Get,
        "/api/v1/reports/pipeline",
        Some(&viewer),
        None,
        None,
    );
    assert_eq!(pipeline.status, Status::Ok);
    assert!(
        FIGURES.iter().all(|f| !pipeline.raw.contains(f)),
        "{}",
        pipeline.raw
    );
    Ok(())
}
