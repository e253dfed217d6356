//! The approval queue: offers outside their band reach those who decide on them, from the
//! dashboard, oldest first, each one click from its decision.

use diesel::prelude::*;
use rocket::http::Status;
use talent_tracker::domain::Role;
use talent_tracker::schema::app_user;

use crate::common::TestApp;
use crate::offers::{decide, offer, person, with_band};

fn name_user(app: &TestApp, role: Role, name: &str) -> anyhow::Result<()> {
    diesel::update(
        app_user::table.filter(app_user::email.eq(format!("{}@example.com", role.as_str()))),
    )
    .set(app_user::display_name.eq(name))
    .execute(&mut app.conn()?)?;
    Ok(())
}

#[test]
fn the_approver_is_told_on_the_dashboard_and_decides_from_the_queue_oldest_first()
-> anyhow::Result<()> {
    let app = with_band(Role::Recruiter)?;
    app.switch_to(Role::Recruiter)?;
    name_user(&app, Role::Recruiter, "Rita Recruiter")?;
    let ada = person(&app, "Ada", "EU");
    let bo = person(&app, "Bo", "EU");
    let newer = offer(&app, ada, "EUR", "330000", "2025-08-01");
    let older = offer(&app, bo, "EUR", "190000", "2025-06-01");
    offer(&app, ada, "EUR", "250000", "2025-07-01");

    app.switch_to(Role::Compensation)?;
    name_user(&app, Role::Compensation, "Cora Compensation")?;
    let dashboard = app.get("/");
    assert_eq!(
        dashboard.texts(".waiting-offers"),
        vec!["2 offers wait for your decision".to_owned()]
    );
    assert_eq!(
        dashboard.attrs(".waiting-offers a", "href"),
        vec!["/approvals"]
    );

    let queue = app.get("/approvals");
    assert_eq!(queue.status, Status::Ok);
    assert_eq!(
        queue.texts("table.queue tbody td:nth-child(2)"),
        vec!["Bo", "Ada"]
    );
    assert_eq!(
        queue.texts("table.queue tbody td:nth-child(3)"),
        vec![
            "Research Scientist L7 (EU) from 2025-01-01",
            "Research Scientist L7 (EU) from 2025-01-01"
        ]
    );
    assert_eq!(
        queue.texts("table.queue tbody td:nth-child(4)"),
        vec!["0.76", "1.32"]
    );
    assert_eq!(
        queue.texts("table.queue tbody td:nth-child(5)"),
        vec!["Rita Recruiter", "Rita Recruiter"]
    );
    assert_eq!(
        queue.attrs("a.decide", "href"),
        vec![
            format!("/pay-reports/{older}/approval#decide"),
            format!("/pay-reports/{newer}/approval#decide")
        ]
    );
    let approval = app.get(&format!("/pay-reports/{older}/approval"));
    assert_eq!(approval.texts("#decide"), vec!["Decide"]);

    let decided = decide(&app, older, "reject", "Below the band: re-offer");
    assert_eq!(decided.status, Status::SeeOther);
    let approval = app.get(&format!("/pay-reports/{older}/approval"));
    assert_eq!(
        approval.texts(".offer-decision")[0].split(" on ").next(),
        Some("Rejected by Cora Compensation"),
        "the decider by name, not e-mail"
    );
    assert_eq!(
        app.get("/").texts(".waiting-offers"),
        vec!["1 offer waits for your decision".to_owned()]
    );
    assert_eq!(
        app.get("/approvals")
            .texts("table.queue tbody td:nth-child(2)"),
        vec!["Ada"]
    );
    decide(&app, newer, "approve", "Competing offer");
    assert!(app.get("/").texts(".waiting-offers").is_empty());
    assert!(
        app.get("/approvals")
            .contains("No offer waits for a decision.")
    );
    Ok(())
}

#[test]
fn only_those_who_decide_see_the_notice_and_the_queue() -> anyhow::Result<()> {
    let app = with_band(Role::Admin)?;
    let ada = person(&app, "Ada", "EU");
    offer(&app, ada, "EUR", "330000", "2025-08-01");
    let queue = app.get("/approvals");
    assert_eq!(
        queue.texts(".offer-yours"),
        vec!["Yours: someone else decides"]
    );
    assert!(
        queue.texts("a.decide").is_empty(),
        "four eyes: not their own offer"
    );
    let told = app.get("/").texts(".waiting-offers");
    assert_eq!(
        told,
        vec!["1 offer waits for your decision".to_owned()],
        "admin"
    );
    for role in [Role::Recruiter, Role::Analyst, Role::Viewer] {
        app.switch_to(role)?;
        assert!(app.get("/").texts(".waiting-offers").is_empty(), "{role:?}");
        assert_eq!(app.get("/approvals").status, Status::Forbidden, "{role:?}");
    }
    Ok(())
}

#[test]
fn the_offers_report_links_each_row_to_the_person_and_the_approval() -> anyhow::Result<()> {
    let app = with_band(Role::Admin)?;
    let ada = person(&app, "Ada", "EU");
    let id = offer(&app, ada, "EUR", "330000", "2025-08-01");
    app.switch_to(Role::Compensation)?;
    name_user(&app, Role::Compensation, "Cora Compensation")?;
    decide(&app, id, "approve", "Competing offer");
    let report = app.get("/reports/offers");
    assert_eq!(
        report.attrs("table.report-offers tbody td a", "href"),
        vec![
            format!("/people/{ada}"),
            format!("/pay-reports/{id}/approval")
        ]
    );
    assert_eq!(
        report.texts("table.report-offers tbody td:nth-child(12)"),
        vec!["Cora Compensation"]
    );
    let csv = app.download("/reports/offers.csv");
    assert!(csv.contains(",Ada,"), "plain names in the CSV: {csv}");
    assert!(csv.contains("Cora Compensation"), "{csv}");
    Ok(())
}

#[test]
fn the_pay_transparency_list_links_its_people_and_claims_no_chart() -> anyhow::Result<()> {
    let app = TestApp::new()?;
    let ada = app.create_person(&[
        ("full_name", "Ada"),
        ("stage", "interviewing"),
        ("zone", "EU"),
    ]);
    let list = app.get("/reports/pay-transparency");
    assert_eq!(list.status, Status::Ok);
    let links = list.attrs(
        "table.report-pay-transparency tbody td:first-child a",
        "href",
    );
    assert_eq!(links, vec![format!("/people/{ada}")]);
    assert!(list.texts("caption").is_empty());
    Ok(())
}
