//! The import in everyday use: importing the valid rows and skipping the others, the skipped
//! rows as a file to fix, templates, and a result page that links to what was written.

use diesel::prelude::*;
use rocket::http::Status;
use talent_tracker::schema::{import_batch, pay_report, person};

use crate::common::{Page, TestApp};

const MIXED: &str = "full_name,origin_company,stage,kind,currency,amount_low,amount_high,period,as_of,confidence\n\
    Ada,Engines,hired,offered,USD,100,200,annual,2025-01-01,rumor\n\
    Bob,Engines,promoted,,,,,,,\n\
    Cy,Engines,sourced,offered,USD,300,200,annual,2025-01-01,rumor\n\
    Dee,,sourced,,,,,,,\n";

fn people(app: &TestApp) -> anyhow::Result<Vec<String>> {
    Ok(person::table
        .order(person::full_name)
        .select(person::full_name)
        .load(&mut app.conn()?)?)
}

/// `/import/7/confirm` → `/import/previews/7/skipped.csv`.
fn preview_download(confirm: &str) -> String {
    let id = confirm
        .trim_start_matches("/import/")
        .trim_end_matches("/confirm");
    format!("/import/previews/{id}/skipped.csv")
}

fn skip_form(page: &Page) -> String {
    page.attrs("form.skip-errors", "action")
        .pop()
        .expect("the preview offers to skip the rows with errors")
}

#[test]
fn the_valid_rows_are_imported_and_the_skipped_ones_come_back_as_a_file() -> anyhow::Result<()> {
    let app = TestApp::new()?;
    let preview = app.upload("people.csv", MIXED.as_bytes());
    assert_eq!(preview.status, Status::UnprocessableEntity);
    assert!(
        preview.contains("2 new people; 1 new pay report; 1 new company"),
        "{}",
        preview.body
    );
    let confirm = skip_form(&preview);

    // Confirming without choosing to skip still imports nothing.
    let refused = app.post(&confirm, &[]);
    assert_eq!(refused.status, Status::UnprocessableEntity);
    assert!(people(&app)?.is_empty());

    let download = preview_download(&confirm);
    let skipped = app.download(&download);
    assert_eq!(
        skipped,
        "full_name,origin_company,stage,kind,currency,amount_low,amount_high,period,as_of,confidence,import_errors\n\
         Bob,Engines,promoted,,,,,,,,\"stage: Choose one of: sourced, contacted, interviewing, offer, hired, declined, withdrawn.\"\n\
         Cy,Engines,sourced,offered,USD,300,200,annual,2025-01-01,rumor,amount_high: The high end of the range cannot be below the low end.\n"
    );

    let done = app.post_and_follow(&confirm, &[("skip_errors", "true")]);
    assert_eq!(
        done.texts(".flash"),
        ["Imported 2 new people; 1 new pay report; 1 new company; skipped 2 rows with errors."]
    );
    assert_eq!(people(&app)?, ["Ada", "Dee"]);
    let links = done.attrs("ul.imported a", "href");
    let ada: i64 = person::table
        .filter(person::full_name.eq("Ada"))
        .select(person::id)
        .first(&mut app.conn()?)?;
    assert!(links.contains(&format!("/people/{ada}")), "{links:?}");
    assert!(links.contains(&format!("/people/{ada}#pay")), "{links:?}");
    assert!(done.texts("ul.imported a").contains(&"Engines".to_owned()));

    // Fixed, the skipped file imports; its errors column is only ignored.
    let fixed = skipped
        .replace("promoted", "offer")
        .replace(",300,200,", ",300,400,");
    let preview = app.upload("people-skipped.csv", fixed.as_bytes());
    assert_eq!(preview.status, Status::Ok, "{}", preview.body);
    assert!(preview.contains("import_errors"));
    app.import("people-skipped.csv", fixed.as_bytes());
    assert_eq!(people(&app)?, ["Ada", "Bob", "Cy", "Dee"]);
    let reports: i64 = pay_report::table.count().get_result(&mut app.conn()?)?;
    assert_eq!(reports, 2);
    Ok(())
}

#[test]
fn only_the_uploader_or_an_admin_downloads_a_previews_skipped_rows() -> anyhow::Result<()> {
    let app = TestApp::logged_in(false, talent_tracker::domain::Role::Recruiter)?;
    let confirm = skip_form(&app.upload("people.csv", MIXED.as_bytes()));
    let download = preview_download(&confirm);
    assert_eq!(app.get(&download).status, Status::Ok);
    app.add_user("other@example.com", talent_tracker::domain::Role::Recruiter)?;
    app.post("/logout", &[]);
    app.log_in("other@example.com")?;
    assert_eq!(app.get(&download).status, Status::Forbidden);
    let batches: i64 = import_batch::table.count().get_result(&mut app.conn()?)?;
    assert_eq!(batches, 1, "only the preview");
    Ok(())
}

#[test]
fn the_templates_import_as_they_are() -> anyhow::Result<()> {
    let app = TestApp::new()?;
    let people = app.download("/import/template.csv");
    assert!(people.starts_with("full_name,title,"), "{people}");
    assert!(people.contains("pay_notes"));
    let done = app.import("template.csv", people.as_bytes());
    assert_eq!(
        done.texts(".flash"),
        ["Imported 1 new person; 1 new pay report; 1 new company."]
    );
    let companies = app.download("/import/companies-template.csv");
    assert_eq!(
        companies.lines().next(),
        Some("name,kind,website,country,notes")
    );
    let preview = app.upload("companies.csv", companies.as_bytes());
    assert!(preview.contains("1 updated company"), "{}", preview.body);
    let upload_page = app.get("/import");
    let links = upload_page.attrs("a", "href");
    assert!(links.contains(&"/import/template.csv".to_owned()));
    Ok(())
}
