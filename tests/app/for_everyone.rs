//! Small things every user meets: the people list's folded filters, the duplicate warning
//! that is no error, role help naming every role, the audit filter in words, the login
//! field a password manager fills.

use rocket::http::Status;

use crate::common::TestApp;

#[test]
fn the_people_list_folds_its_filters_behind_one_button_open_while_one_is_set() -> anyhow::Result<()>
{
    let app = TestApp::with_demo(true)?;
    let list = app.get("/people");
    assert_eq!(list.texts("details.filter-fold > summary"), vec!["Filters"]);
    assert!(list.attrs("details.filter-fold[open]", "class").is_empty());
    assert_eq!(
        list.attrs("details.filter-fold form.filters", "action"),
        vec!["/people"]
    );
    let filtered = app.get("/people?stage=hired&q=a");
    assert_eq!(
        filtered.texts("details.filter-fold[open] > summary"),
        vec!["Filters (2 set)"]
    );
    Ok(())
}

#[test]
fn a_possible_duplicate_is_a_warning_without_the_error_banner() -> anyhow::Result<()> {
    let app = TestApp::new()?;
    app.create_company("Scale AI");
    app.create_person(&[
        ("full_name", "Ada Lovelace"),
        ("origin_company", "Scale AI"),
        ("stage", "sourced"),
    ]);
    let again = app.post(
        "/people",
        &[
            ("full_name", "Ada Lovelace"),
            ("origin_company", "Scale AI"),
            ("stage", "sourced"),
        ],
    );
    assert_eq!(again.status, Status::UnprocessableEntity);
    assert_eq!(
        again.texts(".duplicates h2"),
        vec!["Already in the tracker?"]
    );
    assert!(again.texts(".form-errors").is_empty(), "{}", again.body);
    // A real mistake beside it still raises the banner.
    let both = app.post(
        "/people",
        &[
            ("full_name", "Ada Lovelace"),
            ("origin_company", "Scale AI"),
            ("stage", "sourced"),
            ("first_contact_on", "not a day"),
        ],
    );
    assert_eq!(both.status, Status::UnprocessableEntity);
    assert_eq!(
        both.texts(".form-errors p").first().map(String::as_str),
        Some("Please correct the fields marked below.")
    );
    Ok(())
}

#[test]
fn the_role_help_names_every_role() -> anyhow::Result<()> {
    let app = TestApp::new()?;
    let help = app.get("/users").texts(".role-help").concat();
    for role in [
        "Viewers",
        "Analysts",
        "Recruiters",
        "Compensation",
        "Admins",
    ] {
        assert!(help.contains(role), "{role} missing from: {help}");
    }
    Ok(())
}

#[test]
fn the_audit_filter_offers_records_in_words() -> anyhow::Result<()> {
    let app = TestApp::new()?;
    let audit = app.get("/audit");
    let labels = audit.texts("select#record_table option");
    assert!(labels.contains(&"People".to_owned()), "{labels:?}");
    assert!(labels.contains(&"Pay reports".to_owned()), "{labels:?}");
    assert!(!labels.iter().any(|l| l.contains('_')), "{labels:?}");
    let values = audit.attrs("select#record_table option", "value");
    assert!(
        values.contains(&"pay_report".to_owned()),
        "links keep the table's name"
    );
    assert_eq!(app.get("/audit?record_table=pay_report").status, Status::Ok);
    Ok(())
}

#[test]
fn the_login_e_mail_is_filled_by_password_managers() -> anyhow::Result<()> {
    let app = TestApp::anonymous(false)?;
    let login = app.get("/login");
    assert_eq!(login.attrs("input#email", "autocomplete"), vec!["username"]);
    Ok(())
}
