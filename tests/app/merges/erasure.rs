//! Erasing a person who absorbed another by a merge: the merged-in person's history is theirs,
//! so its personal data goes too, from the audit and from the merge's saved copies.

use diesel::prelude::*;
use rocket::http::Status;

use super::{merge, merge_page, pair};
use crate::common::TestApp;

fn copies_naming(app: &TestApp, text: &str) -> anyhow::Result<i64> {
    let pattern = format!("%{text}%").replace('\'', "''");
    Ok(
        diesel::select(diesel::dsl::sql::<diesel::sql_types::BigInt>(&format!(
            "(SELECT count(*) FROM audit_log
              WHERE coalesce(before::text, '') || coalesce(after::text, '') LIKE '{pattern}')
             + (SELECT count(*) FROM person_merge
              WHERE survivor_before::text || survivor_after::text || removed_before::text
                    LIKE '{pattern}')"
        )))
        .get_result(&mut app.conn()?)?,
    )
}

#[test]
fn erasing_the_survivor_scrubs_the_merged_in_persons_history_and_the_merge_copies()
-> anyhow::Result<()> {
    let app = TestApp::new()?;
    let pair = pair(&app)?;
    let page = merge_page(&app, &pair);
    // The survivor keeps its own name: the merged-in name is only in the copies.
    let merged = merge(&app, &page, &[]);
    assert_eq!(merged.status, Status::SeeOther, "{}", merged.body);
    for personal in [
        "Met at NeurIPS",
        "Alex Wang",
        "Offer letter",
        "Alexandr Wang",
    ] {
        assert!(
            copies_naming(&app, personal)? > 0,
            "{personal} is kept before"
        );
    }
    let erased = app.post(&format!("/people/{}/erase", pair.left), &[]);
    assert_eq!(erased.status, Status::SeeOther, "{}", erased.body);
    for personal in [
        "Met at NeurIPS",
        "Alex Wang",
        "Offer letter",
        "Alexandr Wang",
    ] {
        assert_eq!(copies_naming(&app, personal)?, 0, "{personal} is gone");
    }
    Ok(())
}
