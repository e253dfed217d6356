//! Notes on a person: a dated thread, append-only once a note is 15 minutes old (the rule and
//! its trigger: src/db/sql/person_notes.sql).

use chrono::{DateTime, Utc};
use diesel::prelude::*;

use crate::domain::{LongText, NoteId, PersonId};
use crate::schema::{app_user, person_note};

diesel::define_sql_function!(
    /// Whether a note written then may still be edited (src/db/sql/person_notes.sql).
    #[sql_name = "r.note_editable"]
    fn note_editable(written: diesel::sql_types::Timestamptz) -> diesel::sql_types::Bool
);

#[derive(Debug, Clone, Queryable, Selectable)]
#[diesel(table_name = person_note, check_for_backend(diesel::pg::Pg))]
pub struct PersonNote {
    pub id: NoteId,
    pub person_id: PersonId,
    pub author_id: Option<i64>,
    pub body: String,
    pub created_at: DateTime<Utc>,
    pub edited_at: Option<DateTime<Utc>>,
    pub version: i32,
}

/// A note as the thread shows it: who wrote it, and whether its edit is still open.
#[derive(Debug, Clone)]
pub struct ThreadNote {
    pub note: PersonNote,
    pub author: Option<String>,
    pub editable: bool,
}

#[derive(Insertable)]
#[diesel(table_name = person_note)]
struct NewNote<'a> {
    person_id: PersonId,
    author_id: i64,
    body: &'a str,
}

/// What became of an edit.
#[derive(Debug)]
pub enum NoteEdit {
    Saved,
    /// Saved by someone else since the form was shown (as it is now).
    Stale(Box<PersonNote>),
    /// Not this user's note, or older than 15 minutes.
    Closed,
}

impl PersonNote {
    /// The person's notes, oldest first (a thread reads down), with whether `reader` may still
    /// edit each.
    pub fn thread(
        conn: &mut PgConnection,
        person: PersonId,
        reader: i64,
    ) -> QueryResult<Vec<ThreadNote>> {
        let rows: Vec<(PersonNote, Option<String>, bool)> = person_note::table
            .left_join(app_user::table)
            .filter(person_note::person_id.eq(person))
            .order((person_note::created_at, person_note::id))
            .select((
                PersonNote::as_select(),
                app_user::display_name.nullable(),
                note_editable(person_note::created_at),
            ))
            .load(conn)?;
        Ok(rows
            .into_iter()
            .map(|(note, author, open)| ThreadNote {
                editable: open && note.author_id == Some(reader),
                note,
                author,
            })
            .collect())
    }

    pub fn find(conn: &mut PgConnection, person: PersonId, id: NoteId) -> QueryResult<PersonNote> {
        person_note::table
            .filter(person_note::id.eq(id))
            .filter(person_note::person_id.eq(person))
            .select(PersonNote::as_select())
            .first(conn)
    }

    /// Adds a note by `author`; a person deleted meanwhile is a foreign key violation.
    pub fn add(
        conn: &mut PgConnection,
        person: PersonId,
        author: i64,
        body: &LongText,
    ) -> QueryResult<PersonNote> {
        diesel::insert_into(person_note::table)
            .values(NewNote {
                person_id: person,
                author_id: author,
                body: body.as_str(),
            })
            .returning(PersonNote::as_returning())
            .get_result(conn)
    }

    /// Changes the text of `author`'s note, if it is still theirs to edit and at `version`.
    pub fn edit(
        conn: &mut PgConnection,
        person: PersonId,
        id: NoteId,
        author: i64,
        version: i32,
        body: &LongText,
    ) -> QueryResult<NoteEdit> {
        conn.transaction(|conn| {
            let note: PersonNote = person_note::table
                .filter(person_note::id.eq(id))
                .filter(person_note::person_id.eq(person))
                .select(PersonNote::as_select())
                .for_update()
                .first(conn)?;
            let open: bool = diesel::select(note_editable(note.created_at)).get_result(conn)?;
            if note.author_id != Some(author) || !open {
                return Ok(NoteEdit::Closed);
            }
            if note.version != version {
                return Ok(NoteEdit::Stale(Box::new(note)));
            }
            if note.body != body.as_str() {
                diesel::update(person_note::table.find(id))
                    .set((
                        person_note::body.eq(body.as_str()),
                        person_note::edited_at.eq(diesel::dsl::now),
                        person_note::version.eq(person_note::version + 1),
                    ))
                    .execute(conn)?;
            }
            Ok(NoteEdit::Saved)
        })
    }
}
