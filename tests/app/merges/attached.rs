//! What a merge does with notes and files, and where the removed person's old address leads.

use diesel::prelude::*;
use rocket::http::Status;
use talent_tracker::schema::{person_file, person_merge, person_note};

use super::{merge, merge_page, pair};
use crate::common::TestApp;
use crate::person_files::{PDF, attach};
use crate::person_notes::add_note;

fn owners(app: &TestApp) -> anyhow::Result<(Vec<i64>, Vec<i64>)> {
    let mut conn = app.conn()?;
    let notes = person_note::table
        .order(person_note::id)
        .select(person_note::person_id)
        .load(&mut conn)?;
    let files = person_file::table
        .order(person_file::id)
        .select(person_file::person_id)
        .load(&mut conn)?;
    Ok((notes, files))
}

fn last_merge(app: &TestApp) -> anyhow::Result<i64> {
    Ok(person_merge::table
        .order(person_merge::id.desc())
        .select(person_merge::id)
        .first(&mut app.conn()?)?)
}

#[test]
fn notes_and_files_move_with_a_merge_and_back_with_its_undo() -> anyhow::Result<()> {
    let app = TestApp::new()?;
    let pair = pair(&app)?;
    add_note(&app, pair.left, "Met Alexandr at the offsite");
    add_note(&app, pair.right, "Alex wants a London office");
    attach(&app, pair.right, "alex-cv.pdf", PDF);
    let before = owners(&app)?;
    assert_eq!(before, (vec![pair.left, pair.right], vec![pair.right]));

    let merged = merge(&app, &merge_page(&app, &pair), &[]);
    assert_eq!(merged.status, Status::SeeOther, "{}", merged.body);
    assert_eq!(owners(&app)?, (vec![pair.left, pair.left], vec![pair.left]));
    let page = app.get(&format!("/people/{}", pair.left));
    assert_eq!(page.texts(".note-body").len(), 2);
    assert_eq!(page.texts("#files a[download]"), vec!["alex-cv.pdf"]);
    // The undo sits near the top: before the person's details.
    let undo = page.body.find("Undo this merge").unwrap_or(usize::MAX);
    let details = page.body.find("<dl class=\"details\">").unwrap_or(0);
    assert!(undo < details, "the undo link comes before the details");
    // A note added to the survivor since stays with it.
    add_note(&app, pair.left, "After the merge");

    let id = last_merge(&app)?;
    let undone = app.post(&format!("/people/merges/{id}/undo"), &[]);
    assert_eq!(undone.status, Status::SeeOther, "{}", undone.body);
    assert_eq!(
        owners(&app)?,
        (vec![pair.left, pair.right, pair.left], vec![pair.right])
    );
    Ok(())
}

#[test]
fn a_merged_away_persons_address_leads_to_the_survivor_through_a_chain() -> anyhow::Result<()> {
    let app = TestApp::new()?;
    let pair = pair(&app)?;
    merge(&app, &merge_page(&app, &pair), &[]);
    let old = app.get(&format!("/people/{}", pair.right));
    assert_eq!(old.status, Status::SeeOther);
    assert_eq!(
        old.location.as_deref(),
        Some(format!("/people/{}", pair.left).as_str())
    );
    let shown = app.get(&format!("/people/{}", pair.left));
    assert!(
        shown.contains(&format!(
            "Person {} was merged into this record",
            pair.right
        )),
        "{}",
        shown.body
    );
    // The survivor merged on in turn, into the third record: the oldest address follows.
    let page = app.get(&format!(
        "/people/merge?left={}&right={}",
        pair.left, pair.other
    ));
    assert_eq!(page.status, Status::Ok, "{}", page.body);
    let merged = merge(&app, &page, &[("survivor", "right")]);
    assert_eq!(merged.status, Status::SeeOther, "{}", merged.body);
    for old in [pair.right, pair.left] {
        let answer = app.get(&format!("/people/{old}"));
        assert_eq!(answer.status, Status::SeeOther, "{old}");
        assert_eq!(
            answer.location.as_deref(),
            Some(format!("/people/{}", pair.other).as_str())
        );
    }
    // Once the second merge is undone, its removed person's address is theirs again.
    let second = last_merge(&app)?;
    let undone = app.post(&format!("/people/merges/{second}/undo"), &[]);
    assert_eq!(undone.status, Status::SeeOther, "{}", undone.body);
    assert_eq!(
        app.get(&format!("/people/{}", pair.left)).status,
        Status::Ok
    );
    assert_eq!(app.get("/people/999999").status, Status::NotFound);
    Ok(())
}

#[test]
fn identical_pay_reports_collapse_into_one_and_the_undo_restores_them_exactly() -> anyhow::Result<()>
{
    let app = TestApp::new()?;
    let pair = pair(&app)?;
    // The same claim from the same source, on both records.
    super::add_pay(&app, pair.right, "Press");
    let before = super::undo::snapshot(&app, &pair)?;
    merge(&app, &merge_page(&app, &pair), &[]);
    let page = app.get(&format!("/people/{}", pair.left));
    let listed = page.texts("#identical-pay li");
    assert_eq!(listed.len(), 1, "{}", page.body);
    assert!(
        listed[0].contains("(as of 2025-06-30, Press)"),
        "{listed:?}"
    );
    let reports = |app: &TestApp| -> anyhow::Result<i64> {
        Ok(talent_tracker::schema::pay_report::table
            .count()
            .get_result(&mut app.conn()?)?)
    };
    assert_eq!(reports(&app)?, 4);

    let collapsed = app.post_and_follow(
        &format!("/people/{}/identical-pay/collapse", pair.left),
        &[],
    );
    assert!(
        collapsed.contains("1 pay report that repeated another was deleted"),
        "{}",
        collapsed.body
    );
    assert!(collapsed.texts("#identical-pay li").is_empty());
    assert_eq!(reports(&app)?, 3);
    assert!(
        collapsed
            .texts("table.audit td")
            .iter()
            .any(|t| t.contains("deleted Alexandr Wang's pay report")
                || t.contains("deleted Alex Wang's pay report")),
        "{:?}",
        collapsed.texts("table.audit td")
    );
    // Again: nothing is left to collapse.
    let again = app.post_and_follow(
        &format!("/people/{}/identical-pay/collapse", pair.left),
        &[],
    );
    assert!(again.contains("No identical pay reports"), "{}", again.body);

    let id = last_merge(&app)?;
    let undone = app.post(&format!("/people/merges/{id}/undo"), &[]);
    assert_eq!(undone.status, Status::SeeOther, "{}", undone.body);
    assert_eq!(super::undo::snapshot(&app, &pair)?, before);
    Ok(())
}
