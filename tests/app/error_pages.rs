//! Pages keep the way on and say only what their reader may know: a refused user still has
//! the menu, and a viewer reads nothing of money.

use rocket::http::Status;
use talent_tracker::domain::Role;

use crate::common::TestApp;

#[test]
fn a_refused_page_keeps_the_menu_and_who_is_logged_in() -> anyhow::Result<()> {
    let app = TestApp::logged_in(false, Role::Viewer)?;
    let page = app.get("/import");
    assert_eq!(page.status, Status::Forbidden);
    assert!(
        page.attrs("header nav a", "href")
            .contains(&"/people".to_owned()),
        "{}",
        page.body
    );
    assert!(page.contains("viewer@example.com"));
    // Pages that need no login still answer without a menu for nobody.
    let anonymous = TestApp::anonymous(false)?;
    let missing = anonymous.get("/no-such-page");
    assert_eq!(missing.status, Status::NotFound);
    assert!(missing.attrs("header nav a", "href").is_empty());
    Ok(())
}

#[test]
fn the_reports_page_speaks_of_money_only_to_those_who_see_pay() -> anyhow::Result<()> {
    let viewer = TestApp::logged_in(false, Role::Viewer)?;
    let page = viewer.get("/reports");
    assert_eq!(page.status, Status::Ok);
    let content = page.texts("main").join(" ");
    assert!(!content.contains("Money"), "{content}");
    assert!(!content.contains("exchange rates"), "{content}");
    assert!(content.contains("Pipeline"), "{content}");
    let analyst = TestApp::logged_in(false, Role::Analyst)?;
    assert!(
        analyst
            .get("/reports")
            .contains("Money in reports is in USD")
    );
    Ok(())
}
