//! Merging is for recruiters and admins: other roles get 403 and see no links.

use diesel::prelude::*;
use rocket::http::Status;
use talent_tracker::domain::Role;
use talent_tracker::schema::person;

use super::{merge, merge_page, pair};
use crate::common::TestApp;

#[test]
fn only_recruiters_and_admins_see_or_use_merging() -> anyhow::Result<()> {
    let app = TestApp::new()?;
    let pair = pair(&app)?;
    let page = merge_page(&app, &pair);
    assert_eq!(merge(&app, &page, &[]).status, Status::SeeOther);
    let merge_id: i64 = diesel::select(diesel::dsl::sql::<diesel::sql_types::BigInt>(
        "(SELECT max(id) FROM person_merge)",
    ))
    .get_result(&mut app.conn()?)?;
    app.switch_to(Role::Recruiter)?;
    assert_eq!(app.get("/people/merges").status, Status::Ok);
    assert!(
        app.get(&format!("/people/{}", pair.left))
            .contains("Undo this merge")
    );
    for role in [Role::Viewer, Role::Analyst] {
        app.switch_to(role)?;
        let person_page = app.get(&format!("/people/{}", pair.left));
        assert_eq!(person_page.status, Status::Ok);
        assert!(!person_page.body.contains("/people/merges"), "{role:?}");
        assert!(!person_page.body.contains("/people/merge?"), "{role:?}");
        for uri in [
            format!("/people/merge?left={}&right={}", pair.left, pair.other),
            "/people/merges".to_owned(),
            format!("/people/merges/{merge_id}/undo"),
        ] {
            assert_eq!(app.get(&uri).status, Status::Forbidden, "{role:?} {uri}");
        }
        let posted = app.post(
            "/people/merge",
            &[
                ("left", &pair.left.to_string()),
                ("right", &pair.other.to_string()),
                ("left_version", "1"),
                ("right_version", "1"),
                ("survivor", "left"),
            ],
        );
        assert_eq!(posted.status, Status::Forbidden, "{role:?}");
        let undo = app.post(&format!("/people/merges/{merge_id}/undo"), &[]);
        assert_eq!(undo.status, Status::Forbidden, "{role:?}");
    }
    let still: i64 = person::table.count().get_result(&mut app.conn()?)?;
    assert_eq!(
        still, 2,
        "the merged pair and the other person; nothing undone or merged"
    );
    Ok(())
}
