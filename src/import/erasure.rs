//! What an erasure takes out of the import: the files of previews waiting for confirmation
//! that touch the erased person, and the file names of every batch that touched them (a file
//! is often named after whom it is about).

use diesel::prelude::*;

use crate::domain::{name_key, name_search_key};
use crate::models::ImportBatch;

/// Forgets `people` (an erased person and everyone merged into them) in the import's kept
/// files: a preview whose file names any of them by id or by any of `names` loses its file,
/// so confirming it cannot write them back; every batch that touched them, or whose file was
/// dropped, loses its file name (in its audit entries too). Matched loosely, as the import
/// matches names, and on the file's whole text: a preview discarded too many costs an upload,
/// one kept too few a person's data. Previews last a day, so there are few to read.
pub fn forget_people(conn: &mut PgConnection, people: &[i64], names: &[String]) -> QueryResult<()> {
    let keys: Vec<String> = names
        .iter()
        // As searched for: the text goes on after a name ("Joe" in "Joey, ..." is "jo").
        .map(|name| name_search_key(name))
        .filter(|key| !key.is_empty())
        .collect();
    let mut batches = Vec::new();
    for (id, content) in ImportBatch::pending_files(conn)? {
        if touches(&content, people, &keys) {
            batches.push(id);
        }
    }
    ImportBatch::discard_files(conn, &batches)?;
    batches.extend(ImportBatch::touching_people(conn, people)?);
    ImportBatch::forget_file_names(conn, &batches)
}

/// Whether a file names one of `people` by id (in whichever column names a file's person),
/// or contains one of the name `keys` anywhere in its text.
fn touches(content: &[u8], people: &[i64], keys: &[String]) -> bool {
    let by_id = super::parse(content).is_ok_and(|parsed| {
        parsed
            .people
            .iter()
            .any(|row| row.id.is_some_and(|id| people.contains(&id.get())))
    });
    let text = name_key(&String::from_utf8_lossy(content));
    // A name with quotes is written with each doubled in a quoted CSV cell.
    by_id
        || keys
            .iter()
            .any(|key| text.contains(key.as_str()) || text.contains(&key.replace('"', "\"\"")))
}
