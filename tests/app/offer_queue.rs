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
