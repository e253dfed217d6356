//! A note and a CV added to a person in the browser, at desktop and phone size, and both gone
//! once the person is erased.

use diesel::prelude::*;
use diesel::sql_types::Text;
use fantoccini::Locator;
use talent_tracker::domain::name_key;

use super::Session;
use crate::common::TestApp;

/// One person per window size, made in the database.
pub(super) fn two_people(app: &TestApp) -> anyhow::Result<()> {
    let mut conn = app.conn()?;
    for name in PEOPLE {
        diesel::sql_query(
            "INSERT INTO person (full_name, name_key, stage) VALUES ($1, $2, 'contacted')",
        )
        .bind::<Text, _>(name)
        .bind::<Text, _>(name_key(name))
        .execute(&mut conn)?;
    }
    Ok(())
}

const PEOPLE: [&str; 2] = ["Ada Lovelace", "Grace Hopper"];

pub(super) async fn note_cv_and_erasure(s: &Session) -> anyhow::Result<()> {
    let cv = std::env::temp_dir().join(format!("tt-cv-{}.pdf", std::process::id()));
    std::fs::write(&cv, b"%PDF-1.7\n% a CV\n%%EOF\n")?;
    s.log_in("admin@example.com").await?;
    let sizes = [("desktop", 1366, 1000), ("phone", 390, 844)];
    for ((size, width, height), name) in sizes.into_iter().zip(PEOPLE) {
        s.resize(width, height).await?;
        s.open("/people").await?;
        s.follow(name).await?;
        let url = s.browser.current_url().await?;
        let id = url.path().rsplit('/').next().unwrap_or_default().to_owned();
        s.fill("note-body", "Called: open to a move.\nPrefers London.")
            .await?;
        s.submit(&format!("form[action='/people/{id}/notes']"))
            .await?;
        assert_eq!(s.text(".flash").await?, "Note added.");
        assert_eq!(
            s.text(".note-body").await?,
            "Called: open to a move.\nPrefers London."
        );
        let file = s.element(Locator::Css("input#file")).await?;
        file.send_keys(&cv.display().to_string()).await?;
        s.submit(&format!("form[action='/people/{id}/files']"))
            .await?;
        assert!(s.text(".flash").await?.ends_with(".pdf attached."));
        assert!(s.text("#files a[download]").await?.ends_with(".pdf"));
        s.fits(&format!("a person with a note and a CV at {size} size"))
            .await?;
        s.shot(&format!("{size}-person-notes-files")).await?;

        s.open(&format!("/people/{id}/erase")).await?;
        s.submit(&format!("form[action='/people/{id}/erase']"))
            .await?;
        s.open(&format!("/people/{id}")).await?;
        let page = s.source().await?;
        assert!(!page.contains("Prefers London"), "the note is gone");
        assert!(!page.contains("download>"), "the CV is gone");
        assert!(s.text("#notes").await?.contains("No notes yet."));
        assert!(s.text("#files").await?.contains("No files attached."));
    }
    let _ = std::fs::remove_file(&cv);
    Ok(())
}
