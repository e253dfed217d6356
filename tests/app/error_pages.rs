//! Error pages keep the way on: a refused user still has the menu.

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
