//! The history of each person's pipeline stage.

use chrono::{DateTime, Utc};
use diesel::prelude::*;

use crate::domain::{PersonId, Stage};
use crate::schema::stage_change;

#[derive(Debug, Clone, Queryable, Selectable)]
#[diesel(table_name = stage_change, check_for_backend(diesel::pg::Pg))]
pub struct StageChange {
    pub id: i64,
    pub person_id: PersonId,
    pub from_stage: Option<Stage>,
    pub to_stage: Stage,
    pub changed_at: DateTime<Utc>,
}

#[derive(Debug, Insertable)]
#[diesel(table_name = stage_change)]
pub struct NewStageChange {
    pub person_id: PersonId,
    pub from_stage: Option<Stage>,
    pub to_stage: Stage,
    pub changed_at: DateTime<Utc>,
}

impl StageChange {
    /// Records a move; callers run it in the same transaction as the change of the person.
    pub fn record(conn: &mut PgConnection, change: &NewStageChange) -> QueryResult<()> {
        diesel::insert_into(stage_change::table)
            .values(change)
            .execute(conn)
            .map(drop)
    }

    /// A person's moves, oldest first.
    pub fn for_person(
        conn: &mut PgConnection,
        person_id: PersonId,
    ) -> QueryResult<Vec<StageChange>> {
        stage_change::table
            .filter(stage_change::person_id.eq(person_id))
            .order((stage_change::changed_at, stage_change::id))
            .select(StageChange::as_select())
            .load(conn)
    }
}
