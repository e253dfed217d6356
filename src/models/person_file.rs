//! Files attached to a person (CVs and other documents): the description in `person_file`,
//! the bytes in `person_file_content` (so that a database backup holds them) or in the files
//! folder (`file_store`).

use chrono::{DateTime, Utc};
use diesel::prelude::*;

use crate::domain::{DocumentKind, FileId, PersonId};
use crate::file_store::{FileStore, IN_DATABASE, StoreError, sha256};
use crate::schema::{app_user, person_file, person_file_content};

#[derive(Debug, Clone, Queryable, Selectable)]
#[diesel(table_name = person_file, check_for_backend(diesel::pg::Pg))]
pub struct PersonFile {
    pub id: FileId,
    pub person_id: PersonId,
    pub uploaded_by: Option<i64>,
    pub file_name: String,
    pub content_type: String,
    pub byte_size: i64,
    pub uploaded_at: DateTime<Utc>,
}

/// A file as the person's page lists it.
#[derive(Debug, Clone)]
pub struct ListedFile {
    pub file: PersonFile,
    pub uploaded_by: Option<String>,
}

/// A file's bytes with what its download needs to say about them.
pub struct StoredFile {
    pub file_name: String,
    pub kind: DocumentKind,
    pub content: Vec<u8>,
}

#[derive(Insertable)]
#[diesel(table_name = person_file)]
struct NewFile<'a> {
    person_id: PersonId,
    uploaded_by: i64,
    file_name: &'a str,
    content_type: &'a str,
    byte_size: i64,
    stored_in: &'a str,
    sha256: Vec<u8>,
}

/// Why a file's bytes cannot be served.
#[derive(Debug, thiserror::Error)]
pub enum ContentError {
    #[error(transparent)]
    Db(#[from] diesel::result::Error),
    #[error(transparent)]
    Store(#[from] StoreError),
}

impl PersonFile {
    /// The person's files, newest first.
    pub fn of_person(conn: &mut PgConnection, person: PersonId) -> QueryResult<Vec<ListedFile>> {
        let rows: Vec<(PersonFile, Option<String>)> = person_file::table
            .left_join(app_user::table)
            .filter(person_file::person_id.eq(person))
            .order((person_file::uploaded_at.desc(), person_file::id.desc()))
            .select((PersonFile::as_select(), app_user::display_name.nullable()))
            .load(conn)?;
        Ok(rows
            .into_iter()
            .map(|(file, uploaded_by)| ListedFile { file, uploaded_by })
            .collect())
    }

    /// Stores a file whose kind was told from its bytes, in one transaction: the description
    /// (which the audit records) and the bytes (which it never does). Bytes kept in the folder
    /// are on disk before the transaction commits, and named once it has
    /// (`FileStore::publish`, the caller's part after the commit).
    pub fn attach(
        conn: &mut PgConnection,
        store: &FileStore,
        person: PersonId,
        by: i64,
        file_name: &str,
        kind: DocumentKind,
        content: &[u8],
    ) -> Result<PersonFile, ContentError> {
        conn.transaction(|conn| {
            let file = diesel::insert_into(person_file::table)
                .values(NewFile {
                    person_id: person,
                    uploaded_by: by,
                    file_name,
                    content_type: kind.content_type(),
                    byte_size: content.len() as i64,
                    stored_in: store.stored_in(),
                    sha256: sha256(content),
                })
                .returning(PersonFile::as_returning())
                .get_result::<PersonFile>(conn)?;
            match store {
                FileStore::Database => {
                    diesel::insert_into(person_file_content::table)
                        .values((
                            person_file_content::file_id.eq(file.id),
                            person_file_content::content.eq(content),
                        ))
                        .execute(conn)?;
                }
                FileStore::Folder(_) => store.write_unpublished(file.id, content)?,
            }
            Ok(file)
        })
    }

    /// A file of this person with its bytes, from wherever its row says they are (a file
    /// attached before the folder was configured stays in the database, and the other way
    /// round).
    pub fn content(
        conn: &mut PgConnection,
        store: &FileStore,
        person: PersonId,
        id: FileId,
    ) -> Result<StoredFile, ContentError> {
        let (file_name, content_type, stored_in, hash, in_database): (
            String,
            String,
            String,
            Vec<u8>,
            Option<Vec<u8>>,
        ) = person_file::table
            .left_join(person_file_content::table)
            .filter(person_file::id.eq(id))
            .filter(person_file::person_id.eq(person))
            .select((
                person_file::file_name,
                person_file::content_type,
                person_file::stored_in,
                person_file::sha256,
                person_file_content::content.nullable(),
            ))
            .first(conn)?;
        let content = match in_database {
            Some(bytes) if stored_in == IN_DATABASE => bytes,
            _ => store.read(id, &hash)?,
        };
        let kind = DocumentKind::stored(&content_type).ok_or(diesel::NotFound)?;
        Ok(StoredFile {
            file_name,
            kind,
            content,
        })
    }

    /// Removes a file (a CV attached to the wrong person, an outdated one); the audit keeps
    /// that it was there.
    pub fn remove(conn: &mut PgConnection, person: PersonId, id: FileId) -> QueryResult<String> {
        diesel::delete(
            person_file::table
                .filter(person_file::id.eq(id))
                .filter(person_file::person_id.eq(person)),
        )
        .returning(person_file::file_name)
        .get_result(conn)
    }
}
