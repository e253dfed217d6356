//! An import batch whose person was merged into another: reverting it would delete or rewrite
//! the survivor, so it waits for the merge's undo.

use diesel::prelude::*;
use rocket::http::Status;
use talent_tracker::schema::{import_batch, person};

use super::{merge, merge_page, pair};
use crate::common::TestApp;

#[test]
fn an_import_whose_person_was_merged_away_is_reverted_only_after_the_undo() -> anyhow::Result<()> {
    let app = TestApp::new()?;
    let pair = pair(&app)?;
    let page = merge_page(&app, &pair);
    assert_eq!(merge(&app, &page, &[]).status, Status::SeeOther);
    let batch: i64 = import_batch::table
        .filter(import_batch::kind.eq("people"))
        .select(import_batch::id)
        .first(&mut app.conn()?)?;
    let refused = app.post(&format!("/import/batches/{batch}/revert"), &[]);
    assert_eq!(refused.status, Status::Conflict, "{}", refused.body);
    assert!(
        refused.contains("has had another record merged into it since this import"),
        "{}",
        refused.body
    );
    let survivor: i64 = person::table
        .find(pair.left)
        .count()
        .get_result(&mut app.conn()?)?;
    assert_eq!(survivor, 1);
    Ok(())
}

#[test]
fn a_merge_made_before_an_import_does_not_hold_up_its_revert() -> anyhow::Result<()> {
    let app = TestApp::new()?;
    let pair = pair(&app)?;
    let page = merge_page(&app, &pair);
    assert_eq!(merge(&app, &page, &[]).status, Status::SeeOther);
    // A later file updates the survivor; reverting it gives the survivor its values back.
    app.import(
        "later.csv",
        b"full_name,origin_company,stage,notes\nAlexandr Wang,Scale AI,hired,Joined Meta\n",
    );
    let later: i64 = import_batch::table
        .select(import_batch::id)
        .order(import_batch::id.desc())
        .first(&mut app.conn()?)?;
    let notes = |app: &TestApp| -> anyhow::Result<Option<String>> {
        Ok(person::table
            .find(pair.left)
            .select(person::notes)
            .first(&mut app.conn()?)?)
    };
    assert_eq!(notes(&app)?.as_deref(), Some("Joined Meta"));
    let reverted = app.post_and_follow(&format!("/import/batches/{later}/revert"), &[]);
    assert_eq!(reverted.texts(".flash"), vec!["Reverted the import."]);
    assert_ne!(notes(&app)?.as_deref(), Some("Joined Meta"));
    Ok(())
}
