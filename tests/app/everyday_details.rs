//! The smaller things of everyday use: a wrong date is shown as typed, currencies are offered,
//! years only for totals, viewers' reports say nothing of money, the login error sits in its
//! card, and admins remove the demo data in one confirmed, audited step.

use diesel::prelude::*;
use rocket::http::Status;
use talent_tracker::domain::Role;

use crate::common::TestApp;

#[test]
fn a_date_the_browser_cannot_read_comes_back_as_typed() -> anyhow::Result<()> {
    let app = TestApp::new()?;
    for typed in ["30/02/2025", "2025-02-30"] {
        let page = app.post(
            "/people",
            &[
                ("full_name", "Ada"),
                ("stage", "sourced"),
                ("decided_on", typed),
            ],
        );
        assert_eq!(page.status, Status::UnprocessableEntity);
        assert_eq!(page.attrs("input#decided_on", "value"), [typed]);
        // A date input would empty a value it cannot read; the error shows beside the text.
        assert_eq!(page.attrs("input#decided_on", "type"), ["text"]);
        assert!(!page.field_errors("decided_on").is_empty());
    }
    let fresh = app.get("/people/new");
    assert_eq!(fresh.attrs("input#decided_on", "type"), ["date"]);
    Ok(())
}

#[test]
fn the_pay_form_offers_iso_currencies_and_years_only_for_a_total() -> anyhow::Result<()> {
    let app = TestApp::demo_as(Role::Recruiter)?;
    let id = app.create_person(&[("full_name", "Ada"), ("stage", "sourced")]);
    let form = app.get(&format!("/people/{id}/pay/new"));
    assert_eq!(form.attrs("input#currency", "list"), ["currencies"]);
    let codes = form.attrs("datalist#currencies option", "value");
    for code in ["USD", "EUR", "GBP", "CHF", "JPY"] {
        assert!(codes.iter().any(|c| c == code), "{code} is not offered");
    }
    assert_eq!(
        form.attrs(".years-covered input#period_years", "type"),
        ["number"]
    );
    let css = app.get("/static/style.css").body;
    assert!(css.contains(r#":has(#period option[value="total"]:not(:checked)) .years-covered"#));
    Ok(())
}

#[test]
fn a_viewers_reports_page_says_nothing_of_money() -> anyhow::Result<()> {
    let app = TestApp::demo_as(Role::Viewer)?;
    let page = app.get("/reports");
    let main = page.texts("main").concat().to_lowercase();
    for word in [
        "pay",
        "money",
        "usd",
        "exchange",
        "compensation",
        "currency",
    ] {
        assert!(!main.contains(word), "a viewer reads “{word}”: {main}");
    }
    assert!(main.contains("pipeline"));
    Ok(())
}

#[test]
fn the_wrong_password_message_sits_inside_the_login_card() -> anyhow::Result<()> {
    let app = TestApp::anonymous(false)?;
    app.add_user("ada@example.com", Role::Viewer)?;
    let page = app.log_in_with("ada@example.com", "not the password at all");
    assert!(
        !page.texts("form.card .form-errors").is_empty(),
        "{}",
        page.body
    );
    Ok(())
}

#[derive(QueryableByName)]
struct Count {
    #[diesel(sql_type = diesel::sql_types::BigInt)]
    n: i64,
}

fn count(app: &TestApp, sql: &str) -> anyhow::Result<i64> {
    Ok(diesel::sql_query(sql)
        .get_result::<Count>(&mut app.conn()?)?
        .n)
}

#[test]
fn an_admin_removes_all_demo_data_in_one_confirmed_audited_step() -> anyhow::Result<()> {
    let app = TestApp::demo_as(Role::Admin)?;
    // A person of our own from a demo company keeps that company.
    app.create_person(&[
        ("full_name", "Ada"),
        ("stage", "sourced"),
        ("origin_company", "Meta"),
    ]);
    assert!(app.get("/").contains("Remove all demo data"));
    let confirm = app.get("/demo-data");
    assert_eq!(confirm.status, Status::Ok);
    assert!(confirm.contains("1 demo company stays"));
    let demo_people = count(&app, "SELECT count(*) AS n FROM person WHERE is_demo")?;
    assert!(demo_people > 5);

    let done = app.post_and_follow("/demo-data/remove", &[]);
    assert!(done.contains(&format!("The demo data is removed: {demo_people} people")));
    assert!(!done.contains("Remove all demo data"));
    for table in ["person", "pay_report", "exchange_rate"] {
        let left = count(
            &app,
            &format!("SELECT count(*) AS n FROM {table} WHERE is_demo"),
        )?;
        assert_eq!(left, 0, "demo rows left in {table}");
    }
    assert_eq!(
        count(&app, "SELECT count(*) AS n FROM company WHERE is_demo")?,
        1
    );
    assert_eq!(
        count(&app, "SELECT count(*) AS n FROM person")?,
        1,
        "Ada stays"
    );
    let audited = count(
        &app,
        "SELECT count(*) AS n FROM audit_log WHERE action = 'delete' AND record_table = 'person' \
         AND actor LIKE '%admin%'",
    )?;
    assert_eq!(
        audited, demo_people,
        "every removal is in the audit under the admin"
    );
    assert!(
        app.get("/demo-data")
            .contains("There is no demo data left.")
    );
    Ok(())
}

#[test]
fn only_admins_remove_demo_data() -> anyhow::Result<()> {
    for role in [Role::Recruiter, Role::Analyst, Role::Viewer] {
        let app = TestApp::demo_as(role)?;
        assert_eq!(app.get("/demo-data").status, Status::Forbidden, "{role:?}");
        assert_eq!(
            app.post("/demo-data/remove", &[]).status,
            Status::Forbidden,
            "{role:?}"
        );
        assert!(!app.get("/").contains("Remove all demo data"));
    }
    let admin = TestApp::demo_as(Role::Admin)?;
    let forged = admin.post_raw("/demo-data/remove", &[]);
    assert_eq!(
        forged.status,
        Status::Forbidden,
        "no CSRF token, no removal"
    );
    assert!(count(&admin, "SELECT count(*) AS n FROM person WHERE is_demo")? > 0);
    Ok(())
}
