//! Notes on a person: who writes and who reads them, the author's 15 minutes, the database's
//! refusal of anything else, the audit's sentences.

use diesel::connection::SimpleConnection;
use diesel::prelude::*;
use rocket::http::Status;
use talent_tracker::domain::Role;
use talent_tracker::schema::person_note;

use crate::common::TestApp;

/// Adds a note through the person page's form.
pub fn add_note(app: &TestApp, person: i64, body: &str) -> crate::common::Page {
    app.post(&format!("/people/{person}/notes"), &[("body", body)])
}

fn note_of(app: &TestApp, person: i64) -> anyhow::Result<i64> {
    Ok(person_note::table
        .filter(person_note::person_id.eq(person))
        .order(person_note::id.desc())
        .select(person_note::id)
        .first(&mut app.conn()?)?)
}

/// Moves a note's writing time back, as if it were written `minutes` ago (only an erasure's
/// transaction may touch it otherwise).
fn written_ago(app: &TestApp, note: i64, minutes: i64) -> anyhow::Result<()> {
    app.conn()?.batch_execute(&format!(
        "BEGIN; SET LOCAL talent_tracker.erasing = 'test';
         UPDATE person_note SET created_at = now() - interval '{minutes} minutes' WHERE id = {note};
         COMMIT;"
    ))?;
    Ok(())
}

#[test]
fn a_note_is_dated_signed_shown_to_every_reader_and_in_the_history() -> anyhow::Result<()> {
    let app = TestApp::logged_in(false, Role::Recruiter)?;
    let ada = app.create_person(&[("full_name", "Ada Lovelace"), ("stage", "contacted")]);
    let added = add_note(
        &app,
        ada,
        "  Called her: open to a move in spring.\nPrefers London.  ",
    );
    assert_eq!(added.status, Status::SeeOther, "{}", added.body);
    assert_eq!(
        added.location.as_deref(),
        Some(format!("/people/{ada}#notes").as_str())
    );
    let page = app.get(&format!("/people/{ada}"));
    assert_eq!(
        page.texts(".note-body"),
        vec!["Called her: open to a move in spring.\nPrefers London."]
    );
    assert!(page.texts(".note .muted")[0].contains("recruiter@example.com on "));
    assert_eq!(
        page.texts("#notes a"),
        vec!["Edit"],
        "the author may still edit"
    );
    let history = page.texts("table.audit td");
    assert!(
        history.iter().any(|t| t.starts_with(
            "recruiter@example.com added a note to Ada Lovelace with the text Called her"
        )),
        "{history:?}"
    );

    // Compensation staff write too; analysts and viewers read, and may not write.
    app.switch_to(Role::Compensation)?;
    assert_eq!(add_note(&app, ada, "Band L5 fits").status, Status::SeeOther);
    for role in [Role::Analyst, Role::Viewer] {
        app.switch_to(role)?;
        let page = app.get(&format!("/people/{ada}"));
        assert_eq!(
            page.texts(".note-body").len(),
            2,
            "{role:?} reads the notes"
        );
        assert!(
            page.texts("#notes textarea").is_empty(),
            "{role:?} has no form"
        );
        assert!(page.texts("#notes a").is_empty(), "{role:?} edits nothing");
        assert!(
            page.texts("table.audit td")
                .iter()
                .any(|t| t.contains("added a note to Ada Lovelace")),
            "{role:?} sees the notes' history"
        );
        assert_eq!(add_note(&app, ada, "mine").status, Status::Forbidden);
    }
    Ok(())
}

#[test]
fn an_empty_or_overlong_note_comes_back_with_the_reason_beside_it() -> anyhow::Result<()> {
    let app = TestApp::new()?;
    let ada = app.create_person(&[("full_name", "Ada Lovelace"), ("stage", "contacted")]);
    let empty = add_note(&app, ada, "   ");
    assert_eq!(empty.status, Status::UnprocessableEntity);
    assert_eq!(empty.field_errors("body"), vec!["This field is required."]);
    let long = "x".repeat(10_001);
    let overlong = add_note(&app, ada, &long);
    assert_eq!(overlong.status, Status::UnprocessableEntity);
    assert!(overlong.field_errors("body")[0].contains("At most 10000 characters"));
    assert_eq!(overlong.field_value("body").map(|v| v.len()), Some(10_001));
    assert_eq!(
        add_note(&app, 999_999, "to nobody").status,
        Status::NotFound
    );
    let stored: i64 = person_note::table.count().get_result(&mut app.conn()?)?;
    assert_eq!(stored, 0);
    Ok(())
}

#[test]
fn only_the_author_edits_a_note_and_only_for_fifteen_minutes() -> anyhow::Result<()> {
    let app = TestApp::logged_in(false, Role::Recruiter)?;
    let ada = app.create_person(&[("full_name", "Ada Lovelace"), ("stage", "contacted")]);
    add_note(&app, ada, "Calld her");
    let note = note_of(&app, ada)?;
    let edit = format!("/people/{ada}/notes/{note}/edit");
    let saved = app.post(&edit, &[("body", "Called her")]);
    assert_eq!(saved.status, Status::SeeOther, "{}", saved.body);
    let page = app.get(&format!("/people/{ada}"));
    assert_eq!(page.texts(".note-body"), vec!["Called her"]);
    assert!(page.texts(".note .muted")[0].contains("(edited "));
    assert!(
        page.texts("table.audit td").iter().any(|t| t
            == "recruiter@example.com changed the text of Ada Lovelace's note \
                from Calld her to Called her"),
        "{:?}",
        page.texts("table.audit td")
    );
    // A form read before that save loses to it, with the text saved meanwhile shown.
    let stale = app.post(&edit, &[("body", "Called"), ("version", "1")]);
    assert_eq!(stale.status, Status::UnprocessableEntity);
    assert!(
        stale.contains("it now reads: &#34;Called her&#34;"),
        "{}",
        stale.body
    );

    // Another user may not edit it.
    app.switch_to(Role::Admin)?;
    assert_eq!(app.get(&edit).status, Status::Forbidden);
    assert_eq!(
        app.post(&edit, &[("body", "Mine now"), ("version", "2")])
            .status,
        Status::Forbidden
    );

    // Sixteen minutes on, not even the author.
    app.switch_to(Role::Recruiter)?;
    written_ago(&app, note, 16)?;
    assert_eq!(app.get(&edit).status, Status::Forbidden);
    assert!(
        app.get(&format!("/people/{ada}"))
            .texts("#notes a")
            .is_empty()
    );
    let late = app.post(&edit, &[("body", "Rewritten"), ("version", "2")]);
    assert_eq!(late.status, Status::Forbidden);
    assert!(late.contains("only in the 15 minutes"), "{}", late.body);
    Ok(())
}

#[test]
fn the_database_refuses_a_late_edit_and_any_deletion_but_the_persons() -> anyhow::Result<()> {
    let app = TestApp::new()?;
    let ada = app.create_person(&[("full_name", "Ada Lovelace"), ("stage", "contacted")]);
    add_note(&app, ada, "First call");
    let note = note_of(&app, ada)?;
    let mut conn = app.conn()?;
    // Within the 15 minutes the text may change; its time and author never.
    conn.batch_execute(&format!(
        "UPDATE person_note SET body = 'First call!' WHERE id = {note}"
    ))?;
    let moved = conn.batch_execute(&format!(
        "UPDATE person_note SET created_at = now() WHERE id = {note}"
    ));
    assert!(moved.is_err_and(|e| e.to_string().contains("only its text changes")));
    written_ago(&app, note, 16)?;
    let late = conn.batch_execute(&format!(
        "UPDATE person_note SET body = 'x' WHERE id = {note}"
    ));
    assert!(
        late.is_err_and(|e| e.to_string().contains("can no longer be edited")),
        "a late edit is refused"
    );
    let deleted = conn.batch_execute(&format!("DELETE FROM person_note WHERE id = {note}"));
    assert!(deleted.is_err_and(|e| e.to_string().contains("never deleted")));
    // Deleting the person takes their notes.
    let gone = app.post(&format!("/people/{ada}/delete"), &[]);
    assert_eq!(gone.status, Status::SeeOther, "{}", gone.body);
    let left: i64 = person_note::table.count().get_result(&mut conn)?;
    assert_eq!(left, 0);
    Ok(())
}

#[test]
fn an_erased_person_gets_no_new_note() -> anyhow::Result<()> {
    let app = TestApp::new()?;
    let ada = app.create_person(&[("full_name", "Ada Lovelace"), ("stage", "contacted")]);
    add_note(&app, ada, "Qxnotetext about her");
    let erased = app.post(&format!("/people/{ada}/erase"), &[]);
    assert_eq!(erased.status, Status::SeeOther, "{}", erased.body);
    let held = crate::stored_text::cells_holding(&mut app.conn()?, &["qxnotetext"])?;
    assert!(held.is_empty(), "{held:?}");
    let history = app.get(&format!("/people/{ada}")).texts("table.audit td");
    assert!(
        history.iter().any(|t| t.contains("added a note to")),
        "the history keeps that a note was there: {history:?}"
    );
    let again = add_note(&app, ada, "More about her");
    assert_eq!(again.status, Status::Conflict, "{}", again.body);
    Ok(())
}
