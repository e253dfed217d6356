//! The pipeline board: per stage, the first people of the list's filters with how long they
//! have been in their stage; and a stage move over the version the board was read at.

use chrono::{DateTime, Utc};
use diesel::prelude::*;

use super::moves::record_move;
use super::{Person, PersonFilter, hiring, origin};
use crate::domain::{PersonId, Stage};
use crate::models::SaveOutcome;
use crate::schema::{company, person};

/// A person's card on the board.
#[derive(Debug, Clone, Queryable)]
pub struct BoardCard {
    pub id: PersonId,
    pub full_name: String,
    pub title: Option<String>,
    pub origin_company: Option<String>,
    pub hiring_company: Option<String>,
    pub version: i32,
    /// When they entered their stage (their latest stage change); `None` without history.
    pub since: Option<DateTime<Utc>>,
}

impl BoardCard {
    /// Whole days in the stage so far.
    pub fn days_in_stage(&self, now: DateTime<Utc>) -> Option<i64> {
        self.since.map(|since| (now - since).num_days().max(0))
    }
}

impl Person {
    /// The first `limit` people of `filter` (whose stage it sets), by name: the index on
    /// (stage, full_name, id) answers it however many people are in the stage.
    pub fn board_column(
        conn: &mut PgConnection,
        filter: &PersonFilter,
        limit: i64,
    ) -> QueryResult<Vec<BoardCard>> {
        use diesel::dsl::sql;
        use diesel::sql_types::{Nullable, Timestamptz};
        filter
            .query()
            .order((person::full_name, person::id))
            .select((
                person::id,
                person::full_name,
                person::title,
                origin.field(company::name).nullable(),
                hiring.field(company::name).nullable(),
                person::version,
                sql::<Nullable<Timestamptz>>(
                    "(SELECT max(sc.changed_at) FROM stage_change sc WHERE sc.person_id = person.id)",
                ),
            ))
            .limit(limit)
            .load(conn)
    }

    /// Moves a person to `stage` unless someone saved them since `version`; the move is kept
    /// in the stage history as every stage change is.
    pub fn move_over(
        conn: &mut PgConnection,
        id: PersonId,
        version: i32,
        stage: Stage,
    ) -> QueryResult<SaveOutcome<Person>> {
        let row = person::table.find(id);
        super::super::save_over(
            conn,
            Some(version),
            |c| row.select(person::version).for_update().first(c),
            |c| Person::find(c, id),
            |c| {
                let previous: Stage = row.select(person::stage).first(c)?;
                if previous == stage {
                    return Person::find(c, id);
                }
                let moved: Person = diesel::update(row)
                    .set((
                        person::stage.eq(stage),
                        person::updated_at.eq(diesel::dsl::now),
                    ))
                    .returning(Person::as_returning())
                    .get_result(c)?;
                record_move(c, id, Some(previous), stage, moved.updated_at)?;
                Ok(moved)
            },
        )
    }
}
