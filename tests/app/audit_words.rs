//! The audit in words: names instead of ids, fields as people say them, bookkeeping hidden.

use diesel::prelude::*;
use std::process::Command;
use talent_tracker::domain::Role;
use talent_tracker::schema::{app_user, import_batch, pay_report};

use crate::common::{Page, TestApp};

/// What each entry on a page says, one line each, spaced as a reader sees it.
fn said(page: &Page) -> String {
    page.texts("table.audit tbody td:last-child")
        .iter()
        .map(|line| line.split_whitespace().collect::<Vec<_>>().join(" "))
        .collect::<Vec<_>>()
        .join("\n")
}

const PAY: [(&str, &str); 7] = [
    ("kind", "reported"),
    ("currency", "USD"),
    ("amount_low", "100000000"),
    ("amount_high", "200000000"),
    ("period", "total"),
    ("as_of", "2025-06-30"),
    ("confidence", "rumor"),
];

/// An admin called Anna Schmidt, a person with a pay report whose band she then changes.
fn anna_changes_a_band(app: &TestApp) -> anyhow::Result<(i64, i64)> {
    diesel::update(app_user::table)
        .set(app_user::display_name.eq("Anna Schmidt"))
        .execute(&mut app.conn()?)?;
    app.create_company("Scale AI");
    let person = app.create_person(&[
        ("full_name", "Alexandr Wang"),
        ("stage", "hired"),
        ("origin_company", "Scale AI"),
    ]);
    let mut pay = PAY.to_vec();
    pay.push(("period_years", "4"));
    app.post(&format!("/people/{person}/pay"), &pay);
    let report: i64 = pay_report::table
        .select(pay_report::id)
        .first(&mut app.conn()?)?;
    pay.retain(|(field, _)| *field != "amount_high");
    pay.push(("amount_high", "250000000"));
    let edited = app.post(&format!("/people/{person}/pay/{report}/edit"), &pay);
    assert_eq!(edited.status.code, 303, "{}", edited.body);
    Ok((person, report))
}

#[test]
fn a_change_reads_as_a_sentence_with_its_records_linked() -> anyhow::Result<()> {
    let app = TestApp::new()?;
    let (person, _) = anna_changes_a_band(&app)?;
    let page = app.get("/audit?record_table=pay_report");
    let lines = page.texts("table.audit tbody td:last-child");
    let newest = lines
        .first()
        .map(|l| l.split_whitespace().collect::<Vec<_>>().join(" "));
    assert_eq!(
        newest.as_deref(),
        Some(
            "Anna Schmidt changed the band of Alexandr Wang's pay report from USD \
             100,000,000.00 – 200,000,000.00 to USD 100,000,000.00 – 250,000,000.00"
        ),
        "{lines:?}"
    );
    for technical in ["version", "is_demo", "updated_at", "person_id"] {
        assert!(!page.body.contains(technical), "{technical} shows");
    }
    let by_name = said(&app.get("/audit?record_table=pay_report&actor=schmidt"));
    assert_eq!(
        by_name.lines().count(),
        2,
        "found by the name pages show: {by_name}"
    );
    let links = page.attrs("table.audit a", "href");
    assert!(
        links.contains(&format!("/people/{person}#pay")),
        "{links:?}"
    );

    let people = app.get("/audit?record_table=person");
    let created = said(&people);
    assert!(
        created.contains("Anna Schmidt created Alexandr Wang"),
        "{created}"
    );
    assert!(
        created.contains("the origin company: Scale AI"),
        "{created}"
    );
    assert!(created.contains("the stage: Hired"), "{created}");
    Ok(())
}

#[test]
fn the_command_line_names_the_user_given_or_the_system_user() -> anyhow::Result<()> {
    let app = TestApp::new()?;
    diesel::update(app_user::table)
        .set(app_user::display_name.eq("Anna Schmidt"))
        .execute(&mut app.conn()?)?;
    let dir = std::env::temp_dir().join(format!("tt-audit-words-{}", std::process::id()));
    std::fs::create_dir_all(&dir)?;
    let file = dir.join("companies.csv");
    std::fs::write(&file, "name,kind\nCli Labs,ai_lab\n")?;
    let run = |args: &[&str], user: &str| {
        Command::new(env!("CARGO_BIN_EXE_talent-tracker"))
            .args(args)
            .env("DATABASE_URL", app.database_url())
            .env("USER", user)
            .output()
    };
    let path = file.to_string_lossy().into_owned();
    assert!(
        run(&["import", &path, "--as", "admin@example.com"], "root")?
            .status
            .success()
    );
    std::fs::write(&file, "name,kind\nOther Labs,startup\n")?;
    assert!(run(&["import", &path], "ops")?.status.success());
    let page = app.get("/audit?record_table=company");
    let text = said(&page);
    let batches: Vec<i64> = import_batch::table
        .order(import_batch::id)
        .select(import_batch::id)
        .load(&mut app.conn()?)?;
    assert!(
        text.contains(&format!(
            "Anna Schmidt on the command line by import {} created Cli Labs",
            batches[0]
        )),
        "{text}"
    );
    assert!(
        text.contains(&format!(
            "ops on the command line by import {} created Other Labs",
            batches[1]
        )),
        "{text}"
    );
    assert!(!text.contains("unknown user"), "{text}");
    Ok(())
}

#[test]
fn user_changes_have_words_of_their_own() -> anyhow::Result<()> {
    let app = TestApp::new()?;
    let viewer = app.add_user("viewer@example.com", Role::Viewer)?;
    app.post(&format!("/users/{}/password-link", viewer.id), &[]);
    app.post(
        &format!("/users/{}/role", viewer.id),
        &[("role", "analyst")],
    );
    app.post(&format!("/users/{}/deactivate", viewer.id), &[]);
    let page = app.get("/audit?record_table=app_user");
    let text = said(&page);
    for said in [
        "admin@example.com made a password link for user viewer@example.com",
        "admin@example.com changed the role of user viewer@example.com from Viewer to Analyst",
        "admin@example.com deactivated user viewer@example.com",
    ] {
        assert!(text.contains(said), "{said} in\n{text}");
    }
    Ok(())
}

#[test]
fn a_person_page_shows_no_pay_history_to_viewers() -> anyhow::Result<()> {
    let app = TestApp::new()?;
    let (person, _) = anna_changes_a_band(&app)?;
    app.add_user("viewer@example.com", Role::Viewer)?;
    app.add_user("analyst@example.com", Role::Analyst)?;

    app.post("/logout", &[]);
    app.log_in("analyst@example.com")?;
    let analyst = said(&app.get(&format!("/people/{person}")));
    assert!(
        analyst.contains("250,000,000.00"),
        "analysts see the pay history: {analyst}"
    );

    app.post("/logout", &[]);
    app.log_in("viewer@example.com")?;
    let page = app.get(&format!("/people/{person}"));
    let history = said(&page);
    assert!(history.contains("created Alexandr Wang"), "{history}");
    for pay in ["pay report", "100,000,000", "250,000,000", "USD"] {
        assert!(!page.body.contains(pay), "a viewer sees {pay}");
    }
    assert_eq!(app.get("/audit").status.code, 403);
    Ok(())
}
