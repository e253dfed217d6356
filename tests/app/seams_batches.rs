//! Trust at the seams (issue 23): who may decide an offer whose id was used before, reverts
//! after a role change or past records deleted since, and confirms longer than a request.

use std::sync::mpsc;
use std::time::Duration;

use diesel::prelude::*;
use rocket::http::Status;
use talent_tracker::domain::Role;
use talent_tracker::schema::{import_batch, pay_band, pay_report, person};

use crate::common::{Page, TestApp};
use crate::offers::{decide, offer, person as band_person, with_band};

/// Logs out and logs `email` in.
fn as_user(app: &TestApp, email: &str) -> anyhow::Result<()> {
    app.post("/logout", &[]);
    let page = app.log_in(email)?;
    assert_eq!(page.status, Status::SeeOther, "{email} logs in");
    Ok(())
}

fn newest_batch(app: &TestApp) -> anyhow::Result<i64> {
    let id: Option<i64> = import_batch::table
        .select(diesel::dsl::max(import_batch::id))
        .first(&mut app.conn()?)?;
    Ok(id.unwrap_or_default())
}

fn batch_status(app: &TestApp, batch: i64) -> anyhow::Result<String> {
    Ok(import_batch::table
        .find(batch)
        .select(import_batch::status)
        .first(&mut app.conn()?)?)
}

/// An annual EUR offer's edit form with this base (and amount) and these notes.
fn offer_edit<'a>(base: &'a str, notes: &'a str) -> Vec<(&'a str, &'a str)> {
    vec![
        ("kind", "offered"),
        ("currency", "EUR"),
        ("amount_low", base),
        ("amount_high", base),
        ("period", "annual"),
        ("base", base),
        ("as_of", "2025-06-01"),
        ("confidence", "confirmed"),
        ("source_name", "offer letter"),
        ("notes", notes),
    ]
}

#[test]
fn whoever_imports_a_deleted_offer_again_under_its_id_does_not_approve_it() -> anyhow::Result<()> {
    let app = with_band(Role::Recruiter)?;
    app.switch_to(Role::Recruiter)?;
    let ada = band_person(&app, "Ada", "EU");
    let id = offer(&app, ada, "EUR", "330000", "2025-06-01");
    let edit = format!("/people/{ada}/pay/{id}/edit");
    assert_eq!(
        app.post(&edit, &offer_edit("330000", "first round")).status,
        Status::SeeOther
    );
    let file = app.download("/pay-reports.csv");
    let deleted = app.post(&format!("/people/{ada}/pay/{id}/delete"), &[]);
    assert_eq!(deleted.status, Status::SeeOther);

    app.switch_to(Role::Admin)?;
    app.import("pay-reports.csv", file.as_bytes());
    let again: i64 = pay_report::table
        .find(id)
        .count()
        .get_result(&mut app.conn()?)?;
    assert_eq!(again, 1, "the import brought the offer back under its id");
    let own = decide(&app, id, "approve", "Market");
    assert_eq!(own.status, Status::Forbidden, "{}", own.body);
    assert!(own.contains("You created or last edited this offer"));
    let page = app.get(&format!("/pay-reports/{id}/approval"));
    let form = format!("form[action='/pay-reports/{id}/approval']");
    assert!(page.attrs(&form, "action").is_empty(), "no form to decide");

    app.switch_to(Role::Compensation)?;
    let approved = decide(&app, id, "approve", "Market");
    assert_eq!(approved.status, Status::SeeOther, "{}", approved.body);
    Ok(())
}

#[test]
fn whoever_set_an_offers_figures_does_not_approve_them_after_a_notes_only_edit()
-> anyhow::Result<()> {
    let app = with_band(Role::Recruiter)?;
    app.switch_to(Role::Recruiter)?;
    let ada = band_person(&app, "Ada", "EU");
    let id = offer(&app, ada, "EUR", "250000", "2025-06-01");
    let edit = format!("/people/{ada}/pay/{id}/edit");

    app.switch_to(Role::Admin)?;
    let raised = app.post(&edit, &offer_edit("330000", ""));
    assert_eq!(
        raised.status,
        Status::SeeOther,
        "the admin sets figures outside the band"
    );
    app.switch_to(Role::Recruiter)?;
    let noted = app.post(&edit, &offer_edit("330000", "candidate asked for more"));
    assert_eq!(
        noted.status,
        Status::SeeOther,
        "the recruiter edits the notes only"
    );

    app.switch_to(Role::Admin)?;
    let own = decide(&app, id, "approve", "Market");
    assert_eq!(own.status, Status::Forbidden, "{}", own.body);
    assert!(own.contains("changed its figures"), "{}", own.body);

    app.switch_to(Role::Compensation)?;
    let approved = decide(&app, id, "approve", "Market");
    assert_eq!(approved.status, Status::SeeOther, "{}", approved.body);
    Ok(())
}

fn assert_no_revert(app: &TestApp, batch: i64, who: &str) {
    let revert = format!("/import/batches/{batch}/revert");
    let page = app.get(&format!("/import/batches/{batch}"));
    assert_eq!(page.status, Status::Ok);
    assert!(
        page.attrs(&format!("a[href='{revert}']"), "href")
            .is_empty(),
        "{who} is not offered to revert"
    );
    assert_eq!(app.get(&revert).status, Status::Forbidden, "{who}");
    assert_eq!(app.post(&revert, &[]).status, Status::Forbidden, "{who}");
    assert_eq!(batch_status(app, batch).unwrap_or_default(), "applied");
}

#[test]
fn a_role_taken_away_takes_the_revert_and_the_confirm_with_it() -> anyhow::Result<()> {
    let app = TestApp::new()?;
    let ada = app.add_user("ada@example.com", Role::Recruiter)?;
    let bea = app.add_user("bea@example.com", Role::Compensation)?;
    as_user(&app, "ada@example.com")?;
    app.import("people.csv", b"full_name,stage\nGrace,sourced\n");
    let people_batch = newest_batch(&app)?;
    let waiting = app.upload("more.csv", b"full_name,stage\nHedy,sourced\n");
    let confirm = waiting.attrs("form[action$='/confirm']", "action").concat();
    as_user(&app, "bea@example.com")?;
    let bands = "job_family,level,zone,currency,base_min,base_mid,base_max,effective_on\n\
                 Research Scientist,L7,EU,EUR,200000,250000,300000,2025-01-01\n";
    app.import("bands.csv", bands.as_bytes());
    let bands_batch = newest_batch(&app)?;

    as_user(&app, "admin@example.com")?;
    for (user, role) in [(ada.id, "compensation"), (bea.id, "recruiter")] {
        let changed = app.post(&format!("/users/{user}/role"), &[("role", role)]);
        assert_eq!(changed.status, Status::SeeOther, "{}", changed.body);
    }

    as_user(&app, "ada@example.com")?;
    assert_no_revert(&app, people_batch, "Ada, now in compensation");
    assert_eq!(app.post(&confirm, &[]).status, Status::Forbidden);
    let people: i64 = person::table.count().get_result(&mut app.conn()?)?;
    assert_eq!(people, 1, "Grace stays and Hedy is not imported");
    as_user(&app, "bea@example.com")?;
    assert_no_revert(&app, bands_batch, "Bea, now a recruiter");
    let bands: i64 = pay_band::table.count().get_result(&mut app.conn()?)?;
    assert_eq!(bands, 1);
    Ok(())
}

/// The batch page's reason a revert is not offered.
fn obstacle(page: &Page) -> String {
    page.texts(".revert-obstacle").concat()
}

#[test]
fn a_batch_that_can_no_longer_be_reverted_says_why_and_refuses_with_409() -> anyhow::Result<()> {
    let app = TestApp::new()?;
    app.import("first.csv", b"full_name,stage\nGrace,sourced\n");
    let batch = app.import("second.csv", b"full_name,stage\nGrace,offer\n");
    assert!(batch.texts(".flash").concat().contains("1 updated"));
    let second = newest_batch(&app)?;
    let grace: i64 = person::table.select(person::id).first(&mut app.conn()?)?;
    let deleted = app.post(&format!("/people/{grace}/delete"), &[]);
    assert_eq!(deleted.status, Status::SeeOther);

    let why = "Grace, whom this import updated, was deleted since";
    let revert = format!("/import/batches/{second}/revert");
    for uri in [format!("/import/batches/{second}"), revert.clone()] {
        let page = app.get(&uri);
        assert_eq!(page.status, Status::Ok, "{uri}");
        assert!(obstacle(&page).contains(why), "{uri}: {}", page.body);
        assert!(
            page.attrs(&format!("a[href='{revert}']"), "href")
                .is_empty()
        );
        assert!(page.texts("button.danger").is_empty(), "{uri}");
    }
    let refused = app.post(&revert, &[]);
    assert_eq!(refused.status, Status::Conflict, "{}", refused.body);
    assert!(refused.contains(why), "{}", refused.body);
    assert_eq!(batch_status(&app, second)?, "applied");
    Ok(())
}

/// This test's database URL with PostgreSQL told to cancel any statement after `timeout`.
fn with_statement_timeout(url: &str, timeout: &str) -> String {
    let joiner = if url.contains('?') { '&' } else { '?' };
    format!("{url}{joiner}options=-c%20statement_timeout%3D{timeout}")
}

/// Holds Grace's row in another transaction for longer than a request's statement may wait,
/// while `work` runs.
fn while_held<T>(app: &TestApp, grace: i64, work: impl FnOnce() -> T) -> anyhow::Result<T> {
    let (locked, held) = mpsc::channel();
    let mut other = app.conn()?;
    let holder = std::thread::spawn(move || {
        other.transaction(|c| {
            person::table
                .find(grace)
                .for_update()
                .select(person::id)
                .first::<i64>(c)?;
            let _ = locked.send(());
            std::thread::sleep(Duration::from_millis(2500));
            diesel::QueryResult::Ok(())
        })
    });
    held.recv()?;
    let done = work();
    holder.join().expect("the holding thread")?;
    Ok(done)
}

fn stage_of(app: &TestApp, id: i64) -> anyhow::Result<String> {
    Ok(person::table
        .find(id)
        .select(person::stage)
        .first(&mut app.conn()?)?)
}

#[test]
fn a_confirm_and_its_revert_may_take_longer_than_a_request_may() -> anyhow::Result<()> {
    let app = TestApp::anonymous_with(|config| {
        config.database_url = with_statement_timeout(&config.database_url, "1s");
    })?;
    app.add_user("admin@example.com", Role::Admin)?;
    as_user(&app, "admin@example.com")?;
    let grace = app.create_person(&[("full_name", "Grace"), ("stage", "sourced")]);
    let file = format!("id,full_name,stage\n{grace},Grace,offer\n");
    let preview = app.upload("people.csv", file.as_bytes());
    let confirm = preview.attrs("form[action$='/confirm']", "action").concat();

    let confirmed = while_held(&app, grace, || app.post(&confirm, &[]))?;
    assert_eq!(confirmed.status, Status::SeeOther, "{}", confirmed.body);
    assert_eq!(stage_of(&app, grace)?, "offer");

    let revert = format!("/import/batches/{}/revert", newest_batch(&app)?);
    let reverted = while_held(&app, grace, || app.post(&revert, &[]))?;
    assert_eq!(reverted.status, Status::SeeOther, "{}", reverted.body);
    assert_eq!(stage_of(&app, grace)?, "sourced");
    Ok(())
}

/// 70,000 people of 700 companies: 1.9 MB, under the tests' import limit of 2 MiB.
fn seventy_thousand_people() -> String {
    let mut file = String::from("full_name,origin_company,stage\n");
    for n in 0..70_000 {
        file.push_str(&format!("Person {n:05},Lab {:03},sourced\n", n % 700));
    }
    file
}

/// The report's file: its confirm's largest statement (the people's COPY, with the report
/// figures' triggers) takes about 5 s here, so a request's limit is lowered to 2 s to show the
/// budget at work on a test machine too.
#[test]
fn a_file_of_seventy_thousand_people_imports_through_the_web() -> anyhow::Result<()> {
    let app = TestApp::anonymous_with(|config| {
        config.database_url = with_statement_timeout(&config.database_url, "2s");
    })?;
    app.add_user("admin@example.com", Role::Admin)?;
    as_user(&app, "admin@example.com")?;
    let file = seventy_thousand_people();
    assert!(file.len() as u64 <= app.config.import_limit.bytes());
    let started = std::time::Instant::now();
    let batch = app.import("people.csv", file.as_bytes());
    eprintln!("70,000 people imported in {:?}", started.elapsed());
    assert_eq!(
        batch.texts(".flash"),
        vec!["Imported 70000 new people; 700 new companies."]
    );
    Ok(())
}
