//! An import is confirmed and reverted only by the user who uploaded it, or by an admin.

use std::process::Command;

use diesel::prelude::*;
use rocket::http::Status;
use talent_tracker::domain::Role;
use talent_tracker::schema::{app_user, company, import_batch};

use crate::common::{Page, TestApp};

const COMPANIES: &[u8] = b"name,kind\nOwned Lab,ai_lab\n";

/// Logs out whoever is logged in and logs `email` in, a user of `role` made on first use.
fn switch_to(app: &TestApp, email: &str, role: Role) -> anyhow::Result<()> {
    app.post("/logout", &[]);
    let known: i64 = app_user::table
        .filter(app_user::email.eq(email))
        .count()
        .get_result(&mut app.conn()?)?;
    if known == 0 {
        app.add_user(email, role)?;
    }
    let page = app.log_in(email)?;
    assert_eq!(
        page.status,
        Status::SeeOther,
        "{email} logs in:\n{}",
        page.body
    );
    Ok(())
}

fn status_of(app: &TestApp, batch: i64) -> anyhow::Result<String> {
    Ok(import_batch::table
        .find(batch)
        .select(import_batch::status)
        .first(&mut app.conn()?)?)
}

fn companies(app: &TestApp) -> anyhow::Result<i64> {
    Ok(company::table.count().get_result(&mut app.conn()?)?)
}

/// The batch a preview page offers to confirm, and where its form posts.
fn previewed(preview: &Page) -> (i64, String) {
    let action = preview
        .attrs("form[action$='/confirm']", "action")
        .pop()
        .unwrap_or_else(|| panic!("the preview offers to import:\n{}", preview.body));
    let id = action
        .trim_end_matches("/confirm")
        .rsplit('/')
        .next()
        .and_then(|id| id.parse().ok())
        .unwrap_or_else(|| panic!("no batch id in {action}"));
    (id, action)
}

fn assert_refused_with_the_error_page(page: &Page, what: &str) {
    assert_eq!(page.status, Status::Forbidden, "{what}: {}", page.body);
    assert!(
        page.contains("Your role does not allow this"),
        "{what} shows the styled error page:\n{}",
        page.body
    );
}

#[test]
fn another_recruiter_can_neither_confirm_nor_revert_an_import() -> anyhow::Result<()> {
    let app = TestApp::new()?;
    switch_to(&app, "ada@example.com", Role::Recruiter)?;
    let (batch, confirm) = previewed(&app.upload("companies.csv", COMPANIES));

    switch_to(&app, "grace@example.com", Role::Recruiter)?;
    assert_refused_with_the_error_page(&app.post(&confirm, &[]), "confirming Ada's preview");
    assert_eq!(status_of(&app, batch)?, "previewed");
    assert_eq!(companies(&app)?, 0);

    switch_to(&app, "ada@example.com", Role::Recruiter)?;
    app.post_and_follow(&confirm, &[]);
    assert_eq!(companies(&app)?, 1);

    switch_to(&app, "grace@example.com", Role::Recruiter)?;
    let revert = format!("/import/batches/{batch}/revert");
    let shown = app.get(&format!("/import/batches/{batch}"));
    assert_eq!(shown.status, Status::Ok, "every editor sees every batch");
    assert!(
        shown
            .attrs(&format!("a[href='{revert}']"), "href")
            .is_empty(),
        "Grace is not offered to revert Ada's import"
    );
    assert_refused_with_the_error_page(&app.get(&revert), "asking to revert Ada's import");
    assert_refused_with_the_error_page(&app.post(&revert, &[]), "reverting Ada's import");
    assert_eq!(status_of(&app, batch)?, "applied");
    assert_eq!(companies(&app)?, 1);

    switch_to(&app, "ada@example.com", Role::Recruiter)?;
    assert_eq!(
        app.get(&revert).texts("button.danger"),
        vec!["Revert this import"]
    );
    app.post_and_follow(&revert, &[]);
    assert_eq!(status_of(&app, batch)?, "reverted");
    Ok(())
}

#[test]
fn an_admin_may_confirm_and_revert_a_recruiters_import() -> anyhow::Result<()> {
    let app = TestApp::new()?;
    switch_to(&app, "ada@example.com", Role::Recruiter)?;
    let (batch, confirm) = previewed(&app.upload("companies.csv", COMPANIES));

    switch_to(&app, "root@example.com", Role::Admin)?;
    let confirmed = app.post_and_follow(&confirm, &[]);
    assert!(confirmed.texts(".flash")[0].eq("Imported 1 new company."));
    let revert = format!("/import/batches/{batch}/revert");
    assert_eq!(app.get(&revert).status, Status::Ok);
    app.post_and_follow(&revert, &[]);
    assert_eq!(status_of(&app, batch)?, "reverted");
    assert_eq!(companies(&app)?, 0);
    Ok(())
}

#[test]
fn a_command_line_import_is_reverted_from_the_web_by_admins_only() -> anyhow::Result<()> {
    let app = TestApp::new()?;
    let file = std::env::temp_dir().join(format!("tt-owned-{}.csv", std::process::id()));
    std::fs::write(&file, COMPANIES)?;
    let imported = Command::new(env!("CARGO_BIN_EXE_talent-tracker"))
        .arg("import")
        .arg(&file)
        .env("DATABASE_URL", app.database_url())
        // The importing account's name matches no web user's e-mail.
        .env("USER", "ada@example.com")
        .output()?;
    std::fs::remove_file(&file)?;
    assert!(
        imported.status.success(),
        "{}",
        String::from_utf8_lossy(&imported.stderr)
    );
    let batch: i64 = import_batch::table
        .select(import_batch::id)
        .first(&mut app.conn()?)?;
    let revert = format!("/import/batches/{batch}/revert");

    switch_to(&app, "ada@example.com", Role::Recruiter)?;
    assert_refused_with_the_error_page(&app.get(&revert), "a recruiter asking to revert it");
    assert_refused_with_the_error_page(&app.post(&revert, &[]), "a recruiter reverting it");
    assert_eq!(status_of(&app, batch)?, "applied");

    switch_to(&app, "root@example.com", Role::Admin)?;
    app.post_and_follow(&revert, &[]);
    assert_eq!(status_of(&app, batch)?, "reverted");
    Ok(())
}
