//! Files whose bytes live in a folder (`TALENT_TRACKER_FILES_DIR`): the database keeps their
//! description and hash only, the folder holds exactly the files whose rows exist (a removal,
//! an erasure and a deletion take the bytes too), a lost or changed file is never served, and
//! what a crash leaves half done is finished at startup.

use std::path::{Path, PathBuf};
use std::sync::atomic::{AtomicUsize, Ordering};

use diesel::prelude::*;
use rocket::http::Status;
use talent_tracker::domain::Role;
use talent_tracker::file_store::FileStore;
use talent_tracker::schema::{person_file, person_file_content};

use crate::common::TestApp;
use crate::person_files::{PDF, attach};

/// A folder of this test's own, removed when it ends.
struct Folder(PathBuf);

impl Folder {
    fn new() -> Folder {
        static COUNTER: AtomicUsize = AtomicUsize::new(0);
        let dir = std::env::temp_dir().join(format!(
            "tt-files-{}-{}",
            std::process::id(),
            COUNTER.fetch_add(1, Ordering::Relaxed)
        ));
        let _ = std::fs::remove_dir_all(&dir);
        Folder(dir)
    }

    /// The names in the folder, sorted.
    fn names(&self) -> Vec<String> {
        let mut names: Vec<String> = std::fs::read_dir(&self.0)
            .map(|entries| {
                entries
                    .filter_map(|e| e.ok()?.file_name().into_string().ok())
                    .collect()
            })
            .unwrap_or_default();
        names.sort();
        names
    }
}

impl Drop for Folder {
    fn drop(&mut self) {
        let _ = std::fs::remove_dir_all(&self.0);
    }
}

fn app_with(folder: &Path) -> anyhow::Result<TestApp> {
    let dir = folder.to_owned();
    let app = TestApp::anonymous_with(|config| config.files = FileStore::Folder(dir))?;
    app.add_user("admin@example.com", Role::Admin)?;
    app.log_in("admin@example.com")?;
    Ok(app)
}

fn newest_file(app: &TestApp) -> anyhow::Result<(i64, String)> {
    Ok(person_file::table
        .order(person_file::id.desc())
        .select((person_file::id, person_file::stored_in))
        .first(&mut app.conn()?)?)
}

#[test]
fn the_folder_holds_exactly_the_files_whose_rows_exist() -> anyhow::Result<()> {
    let folder = Folder::new();
    let app = app_with(&folder.0)?;
    let ada = app.create_person(&[("full_name", "Ada Lovelace"), ("stage", "contacted")]);
    assert_eq!(attach(&app, ada, "cv.pdf", PDF).status, Status::SeeOther);
    let (id, stored_in) = newest_file(&app)?;
    assert_eq!(stored_in, "folder");
    assert_eq!(folder.names(), vec![id.to_string()]);
    assert_eq!(std::fs::read(folder.0.join(id.to_string()))?, PDF);
    let in_database: i64 = person_file_content::table
        .count()
        .get_result(&mut app.conn()?)?;
    assert_eq!(in_database, 0, "the bytes are not in the database too");

    let response = app
        .client
        .get(format!("/people/{ada}/files/{id}/download"))
        .dispatch();
    assert_eq!(response.status(), Status::Ok);
    assert!(
        response
            .headers()
            .get_one("Content-Disposition")
            .is_some_and(|d| d.starts_with("attachment;"))
    );
    assert_eq!(response.into_bytes().as_deref(), Some(PDF));

    // Removed: the bytes go in the same request.
    app.post_and_follow(&format!("/people/{ada}/files/{id}/remove"), &[]);
    assert!(folder.names().is_empty(), "{:?}", folder.names());

    // Erased with the person, and deleted with the person.
    attach(&app, ada, "cv.pdf", PDF);
    let bob = app.create_person(&[("full_name", "Bob Byte"), ("stage", "contacted")]);
    attach(&app, bob, "bob.pdf", PDF);
    assert_eq!(folder.names().len(), 2);
    app.post_and_follow(&format!("/people/{ada}/erase"), &[]);
    let (bobs, _) = newest_file(&app)?;
    assert_eq!(folder.names(), vec![bobs.to_string()]);
    let deleted = app.post(&format!("/people/{bob}/delete"), &[]);
    assert_eq!(deleted.status, Status::SeeOther, "{}", deleted.body);
    assert!(folder.names().is_empty(), "{:?}", folder.names());
    Ok(())
}

#[test]
fn a_lost_or_changed_file_is_never_served() -> anyhow::Result<()> {
    let folder = Folder::new();
    let app = app_with(&folder.0)?;
    let ada = app.create_person(&[("full_name", "Ada Lovelace"), ("stage", "contacted")]);
    attach(&app, ada, "cv.pdf", PDF);
    let (id, _) = newest_file(&app)?;
    let download = format!("/people/{ada}/files/{id}/download");
    let mut changed = PDF.to_vec();
    changed.extend_from_slice(b"% someone else's text\n");
    std::fs::write(folder.0.join(id.to_string()), &changed)?;
    let response = app.client.get(download.clone()).dispatch();
    assert_eq!(response.status(), Status::InternalServerError);
    assert!(
        !response
            .into_bytes()
            .unwrap_or_default()
            .windows(12)
            .any(|w| w == b"someone else"),
        "the changed bytes are not sent"
    );
    std::fs::remove_file(folder.0.join(id.to_string()))?;
    assert_eq!(
        app.client.get(download).dispatch().status(),
        Status::InternalServerError
    );
    Ok(())
}

#[test]
fn what_a_crash_left_half_done_is_finished_at_startup() -> anyhow::Result<()> {
    let folder = Folder::new();
    let app = app_with(&folder.0)?;
    let ada = app.create_person(&[("full_name", "Ada Lovelace"), ("stage", "contacted")]);
    attach(&app, ada, "cv.pdf", PDF);
    let (id, _) = newest_file(&app)?;
    // Committed but not yet named when the process died; bytes whose row is gone; and a
    // `.part` of an upload that may still be running in another instance.
    std::fs::rename(
        folder.0.join(id.to_string()),
        folder.0.join(format!("{id}.part")),
    )?;
    std::fs::write(folder.0.join("999999"), PDF)?;
    std::fs::write(folder.0.join("888888.part"), PDF)?;
    FileStore::Folder(folder.0.clone()).open(&mut app.conn()?)?;
    assert_eq!(
        folder.names(),
        vec![id.to_string(), "888888.part".to_owned()]
    );
    let response = app
        .client
        .get(format!("/people/{ada}/files/{id}/download"))
        .dispatch();
    assert_eq!(response.into_bytes().as_deref(), Some(PDF));
    Ok(())
}

#[test]
fn the_database_refuses_a_file_without_its_own_bytes() -> anyhow::Result<()> {
    let app = TestApp::new()?;
    let ada = app.create_person(&[("full_name", "Ada Lovelace"), ("stage", "contacted")]);
    let conn = &mut app.conn()?;
    let row = |stored_in: &str| {
        format!(
            "INSERT INTO person_file (person_id, file_name, content_type, byte_size, stored_in, \
             sha256) VALUES ({ada}, 'cv.pdf', 'application/pdf', 5, '{stored_in}', \
             sha256('%PDF-'::bytea)) RETURNING id"
        )
    };
    // In the database without its bytes: refused when the transaction commits.
    let without = conn.transaction(|c| diesel::sql_query(row("database")).execute(c));
    assert!(without.is_err(), "a database file needs its bytes");
    // Bytes other than those hashed, or bytes for a file kept in the folder.
    for (stored_in, bytes) in [("database", "%PDF-1"), ("folder", "%PDF-")] {
        let stored = conn.transaction(|c| {
            diesel::sql_query(row(stored_in)).execute(c)?;
            diesel::sql_query(format!(
                "INSERT INTO person_file_content (file_id, content) \
                 SELECT max(id), '{bytes}'::bytea FROM person_file"
            ))
            .execute(c)
        });
        assert!(stored.is_err(), "{stored_in} with {bytes}");
    }
    let files: i64 = person_file::table.count().get_result(conn)?;
    assert_eq!(files, 0);
    Ok(())
}
