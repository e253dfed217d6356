//! A likely duplicate found on the duplicates list, merged with a field taken from the other
//! record, and the merge undone, at desktop and phone size: nothing scrolls sideways, and the
//! pair is back on the list after the undo.

use diesel::prelude::*;
use diesel::sql_types::{BigInt, Text};
use fantoccini::Locator;
use talent_tracker::domain::name_key;

use super::Session;
use crate::common::TestApp;

/// Two records of Alexandr Wang from Scale AI, as a careless import would leave them: the
/// first with no title, the second with one.
pub(super) fn two_records_of_one_person(app: &TestApp) -> anyhow::Result<()> {
    #[derive(QueryableByName)]
    struct Id {
        #[diesel(sql_type = BigInt)]
        id: i64,
    }
    let mut conn = app.conn()?;
    let scale: Id = diesel::sql_query(
        "INSERT INTO company (name, kind, name_key) VALUES ('Scale AI', 'startup', $1) RETURNING id",
    )
    .bind::<Text, _>(name_key("Scale AI"))
    .get_result(&mut conn)?;
    for (name, title) in [("Alexandr Wang", ""), ("alexandr wang", "Chief AI Officer")] {
        diesel::sql_query(
            "INSERT INTO person (full_name, name_key, stage, origin_company_id, title)
             VALUES ($1, $2, 'hired', $3, nullif($4, ''))",
        )
        .bind::<Text, _>(name)
        .bind::<Text, _>(name_key(name))
        .bind::<BigInt, _>(scale.id)
        .bind::<Text, _>(title)
        .execute(&mut conn)?;
    }
    Ok(())
}

pub(super) async fn merge_and_undo(s: &Session) -> anyhow::Result<()> {
    s.log_in("recruiter@example.com").await?;
    for (size, width, height) in [("desktop", 1280, 1100), ("phone", 390, 844)] {
        s.resize(width, height).await?;
        s.open("/people/duplicates").await?;
        s.fits(&format!("/people/duplicates at {size} size"))
            .await?;
        s.shot(&format!("{size}-duplicates")).await?;
        assert_eq!(
            s.text("table.duplicate-pairs td.reasons").await?,
            "same name, same origin company"
        );
        s.follow("Merge…").await?;
        s.fits(&format!("the merge page at {size} size")).await?;
        s.shot(&format!("{size}-merge")).await?;
        // The survivor is the older record, without a title: take the other's.
        s.element(Locator::Css("input[name='take[title]'][value=right]"))
            .await?
            .click()
            .await?;
        s.submit("form[action='/people/merge']").await?;
        assert_eq!(
            s.text(".flash").await?,
            "Merged alexandr wang into Alexandr Wang. The merge can be undone below."
        );
        assert!(s.source().await?.contains("Chief AI Officer"));

        s.follow("Undo this merge…").await?;
        s.fits(&format!("the undo page at {size} size")).await?;
        s.submit("form[action$='/undo']").await?;
        assert!(
            s.text(".flash")
                .await?
                .starts_with("Undid the merge: alexandr wang is back as person"),
        );
        s.open("/people/duplicates").await?;
        assert_eq!(
            s.browser
                .find_all(Locator::Css("table.duplicate-pairs tr.pair"))
                .await?
                .len(),
            1,
            "the pair is listed again after the undo"
        );
    }
    s.resize(1280, 1100).await?;
    Ok(())
}
