//! A person's stage moves: each one recorded in their stage history with the move.

use chrono::{DateTime, Utc};
use diesel::prelude::*;

use super::Person;
use crate::domain::{PersonId, Stage};
use crate::models::stage_change::{NewStageChange, StageChange};
use crate::schema::{person, stage_change};

impl Person {
    /// Moves a person to `stage` as of `at` (a past date for imported or demo histories).
    pub fn move_stage(
        conn: &mut PgConnection,
        id: PersonId,
        stage: Stage,
        at: DateTime<Utc>,
    ) -> QueryResult<()> {
        conn.transaction(|conn| {
            let previous: Stage = person::table
                .find(id)
                .select(person::stage)
                .for_update()
                .first(conn)?;
            if previous != stage {
                diesel::update(person::table.find(id))
                    .set((
                        person::stage.eq(stage),
                        person::updated_at.eq(diesel::dsl::now),
                    ))
                    .execute(conn)?;
                record_move(conn, id, Some(previous), stage, at)?;
            }
            Ok(())
        })
    }
}

/// A stage move as COPY writes it.
#[derive(Insertable)]
#[diesel(table_name = stage_change, treat_none_as_default_value = false)]
pub(super) struct StageRow {
    pub(super) person_id: PersonId,
    pub(super) from_stage: Option<Stage>,
    pub(super) to_stage: Stage,
    pub(super) changed_at: DateTime<Utc>,
}

/// Records many moves with one COPY (none: no statement at all).
pub(super) fn copy_moves(conn: &mut PgConnection, moves: &[StageRow]) -> QueryResult<()> {
    if !moves.is_empty() {
        diesel::copy_from(stage_change::table)
            .from_insertable(moves)
            .execute(conn)?;
    }
    Ok(())
}

pub(super) fn record_move(
    conn: &mut PgConnection,
    person_id: PersonId,
    from_stage: Option<Stage>,
    to_stage: Stage,
    changed_at: DateTime<Utc>,
) -> QueryResult<()> {
    StageChange::record(
        conn,
        &NewStageChange {
            person_id,
            from_stage,
            to_stage,
            changed_at,
        },
    )
}
