//! Erasure reaches the import's own copies: a revert never brings an erased person back, and a
//! file waiting for confirmation forgets them.

use diesel::prelude::*;
use rocket::http::Status;
use serde_json::Value;
use talent_tracker::schema::{audit_log, import_batch, import_item, person};

use crate::common::TestApp;

/// What the erased person was called and described as, before and in the import.
const SECRETS: [&str; 4] = [
    "Private Person",
    "Secret Title",
    "private dinner",
    "New Title",
];

fn private_person_at_meta(app: &TestApp) -> i64 {
    app.create_company("Meta");
    app.create_person(&[
        ("full_name", "Private Person"),
        ("stage", "offer"),
        ("origin_company", "Meta"),
        ("title", "Secret Title"),
        ("notes", "met at a private dinner"),
    ])
}

#[test]
fn reverting_an_import_after_an_erasure_restores_only_what_is_not_personal() -> anyhow::Result<()> {
    let app = TestApp::new()?;
    let id = private_person_at_meta(&app);
    let file = "full_name,origin_company,stage,title\nPrivate Person,Meta,hired,New Title\n";
    app.import("people.csv", file.as_bytes());
    let batch: i64 = import_batch::table
        .select(import_batch::id)
        .first(&mut app.conn()?)?;

    app.post_and_follow(&format!("/people/{id}/erase"), &[]);
    let reverted = app.post_and_follow(&format!("/import/batches/{batch}/revert"), &[]);

    assert_eq!(reverted.texts(".flash"), vec!["Reverted the import."]);
    let mut conn = app.conn()?;
    let (name, title, stage): (String, Option<String>, String) = person::table
        .find(id)
        .select((person::full_name, person::title, person::stage))
        .first(&mut conn)?;
    assert_eq!(name, format!("Erased person {id}"));
    assert_eq!(title, None);
    assert_eq!(
        stage, "offer",
        "the stage is no personal data: it goes back"
    );
    let audit: Vec<(Option<Value>, Option<Value>)> = audit_log::table
        .select((audit_log::before, audit_log::after))
        .load(&mut conn)?;
    let kept: Vec<Option<Value>> = import_item::table
        .select(import_item::before)
        .load(&mut conn)?;
    let page = app.get(&format!("/people/{id}"));
    for secret in SECRETS {
        assert!(
            !format!("{audit:?}").contains(secret),
            "the audit holds {secret:?}"
        );
        assert!(
            !format!("{kept:?}").contains(secret),
            "the batch holds {secret:?}"
        );
        assert!(!page.contains(secret), "the page shows {secret:?}");
    }
    Ok(())
}

#[test]
fn erasing_a_person_discards_the_files_of_previews_that_name_them() -> anyhow::Result<()> {
    let app = TestApp::new()?;
    let id = private_person_at_meta(&app);
    let naming = app.upload(
        "naming.csv",
        b"full_name,origin_company,stage\n  private   PERSON ,Meta,hired\n",
    );
    let other = app.upload("other.csv", b"full_name,stage\nSomeone Else,sourced\n");

    app.post_and_follow(&format!("/people/{id}/erase"), &[]);

    let files: Vec<(String, Option<Vec<u8>>)> = import_batch::table
        .order(import_batch::id)
        .select((import_batch::file_name, import_batch::content))
        .load(&mut app.conn()?)?;
    // Its name goes with it: a file is often named after whom it is about.
    assert_eq!(
        files[0],
        (talent_tracker::models::ERASED_FILE_NAME.to_owned(), None)
    );
    assert!(files[1].1.is_some(), "a file that does not name them stays");
    let confirm = naming.attrs("form[action$='/confirm']", "action");
    let refused = app.post(&confirm[0], &[]);
    assert_eq!(
        refused.status,
        Status::UnprocessableEntity,
        "{}",
        refused.body
    );
    assert!(refused.contains("upload it again"), "{}", refused.body);
    let confirm = other.attrs("form[action$='/confirm']", "action");
    let imported = app.post_and_follow(&confirm[0], &[]);
    assert!(imported.texts(".flash")[0].starts_with("Imported "));
    let named: i64 = person::table
        .filter(person::full_name.ilike("%private%"))
        .count()
        .get_result(&mut app.conn()?)?;
    assert_eq!(named, 0, "the erased name did not come back");
    Ok(())
}
