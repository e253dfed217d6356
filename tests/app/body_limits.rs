//! Request body limits: only the import takes a large body; every other form keeps Rocket's
//! small limits, so an anonymous request cannot make the app buffer megabytes.

use rocket::http::{ContentType, Status};
use talent_tracker::config::ImportLimit;
use talent_tracker::domain::Role;

use crate::common::{Page, TestApp};

const BOUNDARY: &str = "talent-tracker-test-boundary";

/// A login token and the login cookie, as the form hands them out.
fn login_token(app: &TestApp) -> String {
    app.get("/login")
        .attrs("input[name=csrf_token]", "value")
        .pop()
        .unwrap_or_default()
}

#[test]
fn a_large_multipart_login_is_refused_with_413_and_not_echoed() -> anyhow::Result<()> {
    let app = TestApp::anonymous(false)?;
    // Past Rocket's 2 MiB form limit, though within what the import takes.
    let email = "x".repeat(2 * 1024 * 1024 + 512 * 1024);
    let body = format!(
        "--{BOUNDARY}\r\nContent-Disposition: form-data; name=\"csrf_token\"\r\n\r\n{}\r\n\
         --{BOUNDARY}\r\nContent-Disposition: form-data; name=\"email\"\r\n\r\n{email}\r\n\
         --{BOUNDARY}\r\nContent-Disposition: form-data; name=\"password\"\r\n\r\nx\r\n\
         --{BOUNDARY}--\r\n",
        login_token(&app)
    );
    let multipart = ContentType::new("multipart", "form-data").with_params(("boundary", BOUNDARY));
    let started = std::time::Instant::now();
    let page = Page::from(
        app.client
            .post("/login")
            .header(multipart)
            .body(body)
            .dispatch(),
    );
    assert_eq!(page.status, Status::PayloadTooLarge);
    assert!(!page.contains("xxxxxxxxxx"), "the field is not echoed");
    assert!(started.elapsed() < std::time::Duration::from_secs(5));
    Ok(())
}

#[test]
fn a_large_urlencoded_login_is_refused_with_413_and_not_echoed() -> anyhow::Result<()> {
    let app = TestApp::anonymous(false)?;
    let email = "x".repeat(1024 * 1024);
    let page = app.post_raw(
        "/login",
        &[
            ("csrf_token", &login_token(&app)),
            ("email", &email),
            ("password", "x"),
        ],
    );
    assert_eq!(page.status, Status::PayloadTooLarge);
    assert!(!page.contains("xxxxxxxxxx"), "the field is not echoed");
    Ok(())
}

#[test]
fn the_import_still_takes_a_file_larger_than_rockets_form_limit() -> anyhow::Result<()> {
    let app = TestApp::anonymous_with(|config| config.import_limit = ImportLimit(4))?;
    app.add_user("recruiter@example.com", Role::Recruiter)?;
    app.log_in("recruiter@example.com")?;
    let mut file = String::from("name,kind,notes\n");
    let notes = "n".repeat(1000);
    for n in 0..3000 {
        file.push_str(&format!("Company {n:04},other,{notes}\n"));
    }
    assert!(file.len() > 5 * 1024 * 1024 / 2, "past Rocket's 2 MiB");
    let preview = app.upload("companies.csv", file.as_bytes());
    assert_eq!(preview.status, Status::Ok, "{}", preview.body);
    assert!(preview.contains("3000 new companies"), "{}", preview.body);
    let too_large = vec![b'x'; 5 * 1024 * 1024];
    let refused = app.upload("huge.csv", &too_large);
    assert_eq!(refused.status, Status::PayloadTooLarge);
    assert!(refused.contains("larger than the import limit of 4 MiB"));
    Ok(())
}
