//! Where the bytes of a person's files live: in the database (the default, so that a `pg_dump`
//! holds them) or in a folder (`TALENT_TRACKER_FILES_DIR`), for installations whose database,
//! replicas and dumps should stay small.
//!
//! In the folder a file is named by its row's id. Its bytes are written as `<id>.part` inside
//! the transaction that adds the row and renamed to `<id>` only once that transaction has
//! committed, so a name without `.part` always belongs to a committed row: a file whose row is
//! gone (removed, erased, deleted with its person) can be removed at once, by whoever notices,
//! without racing an upload. A `.part` left by a rolled-back transaction or a crash is sorted
//! out at startup: published when its row committed, removed when it has none.

use std::fs;
use std::io::Write;
use std::path::{Path, PathBuf};

use diesel::prelude::*;
use sha2::{Digest, Sha256};

use crate::domain::FileId;
use crate::schema::person_file;

#[derive(Debug, Clone, Default)]
pub enum FileStore {
    #[default]
    Database,
    Folder(PathBuf),
}

/// What `person_file.stored_in` says of a file.
pub const IN_DATABASE: &str = "database";
pub const IN_FOLDER: &str = "folder";

/// A `.part` younger than this may belong to an upload still in its transaction.
const UNFINISHED_UPLOAD: std::time::Duration = std::time::Duration::from_secs(3600);

#[derive(Debug, thiserror::Error)]
pub enum StoreError {
    #[error("the files folder {0}: {1}")]
    Io(PathBuf, std::io::Error),
    #[error(
        "the bytes of file {0} are missing from the files folder (restore the folder from its \
         backup)"
    )]
    Missing(FileId),
    #[error("the bytes of file {0} in the files folder are not those attached (SHA-256 differs)")]
    Changed(FileId),
}

pub fn sha256(bytes: &[u8]) -> Vec<u8> {
    Sha256::digest(bytes).to_vec()
}

impl FileStore {
    pub fn stored_in(&self) -> &'static str {
        match self {
            FileStore::Database => IN_DATABASE,
            FileStore::Folder(_) => IN_FOLDER,
        }
    }

    /// Makes the folder if it is missing and finishes what a crash left half done; a folder
    /// that cannot be written stops the start, rather than the first upload.
    pub fn open(&self, conn: &mut PgConnection) -> anyhow::Result<()> {
        let FileStore::Folder(dir) = self else {
            return Ok(());
        };
        fs::create_dir_all(dir).map_err(|e| StoreError::Io(dir.clone(), e))?;
        let probe = dir.join(".write-check");
        fs::write(&probe, b"").map_err(|e| StoreError::Io(dir.clone(), e))?;
        let _ = fs::remove_file(probe);
        self.tidy(conn, true)?;
        Ok(())
    }

    /// Writes the bytes of the file whose row this transaction just added, not yet visible
    /// under its name (see the module's comment).
    pub fn write_unpublished(&self, id: FileId, bytes: &[u8]) -> Result<(), StoreError> {
        let FileStore::Folder(dir) = self else {
            return Ok(());
        };
        let part = dir.join(format!("{id}.part"));
        let io = |e| StoreError::Io(part.clone(), e);
        let mut file = fs::File::create(&part).map_err(io)?;
        file.write_all(bytes).map_err(io)?;
        // On disk before the row that promises them commits.
        file.sync_all().map_err(io)
    }

    /// After the row committed: the bytes under their name.
    pub fn publish(&self, id: FileId) -> Result<(), StoreError> {
        let FileStore::Folder(dir) = self else {
            return Ok(());
        };
        let final_name = dir.join(id.to_string());
        match fs::rename(dir.join(format!("{id}.part")), &final_name) {
            // Another instance's startup published it first.
            Err(e) if e.kind() == std::io::ErrorKind::NotFound && final_name.exists() => Ok(()),
            Err(e) => Err(StoreError::Io(final_name, e)),
            Ok(()) => sync_dir(dir),
        }
    }

    /// The bytes of a file kept in the folder, checked against the hash its row keeps.
    pub fn read(&self, id: FileId, expected: &[u8]) -> Result<Vec<u8>, StoreError> {
        let FileStore::Folder(dir) = self else {
            return Err(StoreError::Missing(id));
        };
        let bytes = match fs::read(dir.join(id.to_string())) {
            Ok(bytes) => bytes,
            Err(e) if e.kind() == std::io::ErrorKind::NotFound => {
                return Err(StoreError::Missing(id));
            }
            Err(e) => return Err(StoreError::Io(dir.clone(), e)),
        };
        if sha256(&bytes) != expected {
            return Err(StoreError::Changed(id));
        }
        Ok(bytes)
    }

    /// Removes the bytes of every file in the folder whose row is gone: after a removal, an
    /// erasure or a deletion has committed (and at startup, for what a crash left).
    pub fn tidy(&self, conn: &mut PgConnection, at_startup: bool) -> anyhow::Result<usize> {
        let FileStore::Folder(dir) = self else {
            return Ok(0);
        };
        let mut published = Vec::new();
        let mut parts = Vec::new();
        for entry in fs::read_dir(dir).map_err(|e| StoreError::Io(dir.clone(), e))? {
            let entry = entry.map_err(|e| StoreError::Io(dir.clone(), e))?;
            let name = entry.file_name().to_string_lossy().into_owned();
            if let Ok(id) = name.parse::<i64>() {
                published.push(id);
            } else if let Some(id) = name.strip_suffix(".part").and_then(|n| n.parse().ok()) {
                parts.push((id, entry.path()));
            }
        }
        let known: Vec<i64> = person_file::table
            .filter(person_file::id.eq_any(published.iter().chain(parts.iter().map(|p| &p.0))))
            .select(person_file::id)
            .load(conn)?;
        let mut removed = 0;
        for id in published.iter().filter(|id| !known.contains(id)) {
            remove_if_there(&dir.join(id.to_string()))?;
            removed += 1;
        }
        // Only at startup: a running upload's `.part` has no committed row yet.
        if at_startup {
            for (id, path) in parts {
                if known.contains(&id) {
                    self.publish(FileId(id))?;
                } else if path
                    .metadata()
                    .and_then(|m| m.modified())
                    .is_ok_and(|t| t.elapsed().is_ok_and(|age| age > UNFINISHED_UPLOAD))
                {
                    remove_if_there(&path)?;
                }
            }
        }
        if removed > 0 {
            sync_dir(dir)?;
        }
        Ok(removed)
    }
}

fn remove_if_there(path: &Path) -> Result<(), StoreError> {
    match fs::remove_file(path) {
        Err(e) if e.kind() != std::io::ErrorKind::NotFound => {
            Err(StoreError::Io(path.to_owned(), e))
        }
        _ => Ok(()),
    }
}

/// A rename or removal is durable once the folder itself is synced.
fn sync_dir(dir: &Path) -> Result<(), StoreError> {
    fs::File::open(dir)
        .and_then(|d| d.sync_all())
        .map_err(|e| StoreError::Io(dir.to_owned(), e))
}
