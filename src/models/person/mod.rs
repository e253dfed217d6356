//! People: candidates and hires, with their companies and pipeline stage.

mod erase;
pub mod keyset;
mod list;

use chrono::{DateTime, NaiveDate, NaiveTime, Utc};
use diesel::prelude::*;

pub use list::{PersonFilter, PersonListItem, PersonSort, PersonWithCompanies};
pub(crate) use list::{filter_people, hiring, origin};

use super::SaveOutcome;
use super::stage_change::{NewStageChange, StageChange};
use crate::domain::{CompanyId, PersonId, Stage, name_key};
use crate::schema::person;

super::stored_record!(Person in person {
    id: PersonId,
    fields: PersonFields,
});

/// What a user sets on a person, for both creating and editing one; kept as JSON by the
/// import to restore on revert.
#[derive(
    Debug,
    Clone,
    Default,
    serde::Serialize,
    serde::Deserialize,
    Queryable,
    Selectable,
    Insertable,
    AsChangeset,
)]
#[diesel(table_name = person, treat_none_as_null = true, check_for_backend(diesel::pg::Pg))]
// An erasure takes the personal keys out of the import's kept copies: they read back empty.
#[serde(default)]
pub struct PersonFields {
    pub full_name: String,
    pub title: Option<String>,
    pub expertise: Option<String>,
    pub origin_company_id: Option<CompanyId>,
    pub hiring_company_id: Option<CompanyId>,
    pub team: Option<String>,
    pub stage: Stage,
    pub first_contact_on: Option<NaiveDate>,
    pub offer_on: Option<NaiveDate>,
    pub decided_on: Option<NaiveDate>,
    pub start_on: Option<NaiveDate>,
    pub location: Option<String>,
    pub notes: Option<String>,
}

impl Person {
    pub fn find(conn: &mut PgConnection, id: PersonId) -> QueryResult<Person> {
        person::table
            .find(id)
            .select(Person::as_select())
            .first(conn)
    }

    /// Creates a person and records the stage they enter the pipeline in.
    pub fn insert(conn: &mut PgConnection, fields: &PersonFields) -> QueryResult<Person> {
        Person::insert_entered(conn, fields, entered_at(fields, Utc::now()))
    }

    /// Creates many people at once (the import), each with the stage they enter in: a few
    /// statements per thousand people instead of a few per person. Ids come back in order.
    pub fn insert_many(
        conn: &mut PgConnection,
        people: &[PersonFields],
    ) -> QueryResult<Vec<PersonId>> {
        use crate::schema::stage_change;
        let now = Utc::now();
        let mut ids = Vec::with_capacity(people.len());
        // Fourteen parameters a row; PostgreSQL takes at most 65,535 a statement.
        for chunk in people.chunks(2_000) {
            let rows: Vec<_> = chunk.iter().map(|p| (p, keyed(p))).collect();
            let created: Vec<(PersonId, Stage)> = diesel::insert_into(person::table)
                .values(rows)
                .returning((person::id, person::stage))
                .get_results(conn)?;
            let moves: Vec<NewStageChange> = created
                .iter()
                .zip(chunk)
                .map(|(&(person_id, to_stage), fields)| NewStageChange {
                    person_id,
                    from_stage: None,
                    to_stage,
                    changed_at: entered_at(fields, now),
                })
                .collect();
            diesel::insert_into(stage_change::table)
                .values(&moves)
                .execute(conn)?;
            ids.extend(created.into_iter().map(|(id, _)| id));
        }
        Ok(ids)
    }

    /// Creates a person who entered the pipeline at `entered_at` (a past date for imported or
    /// demo histories).
    pub fn insert_entered(
        conn: &mut PgConnection,
        fields: &PersonFields,
        entered_at: DateTime<Utc>,
    ) -> QueryResult<Person> {
        conn.transaction(|conn| {
            let created: Person = diesel::insert_into(person::table)
                .values((fields, keyed(fields)))
                .returning(Person::as_returning())
                .get_result(conn)?;
            record_move(conn, created.id, None, created.fields.stage, entered_at)?;
            Ok(created)
        })
    }

    /// Saves over `version` (any version when `None`, as the import does), unless someone
    /// saved a newer one since; when the stage moves, the move is recorded with it.
    pub fn update(
        conn: &mut PgConnection,
        id: PersonId,
        version: Option<i32>,
        fields: &PersonFields,
    ) -> QueryResult<SaveOutcome<Person>> {
        let row = person::table.find(id);
        super::save_over(
            conn,
            version,
            |c| row.select(person::version).for_update().first(c),
            |c| Person::find(c, id),
            |c| {
                let previous: Stage = row.select(person::stage).first(c)?;
                let updated: Person = diesel::update(row)
                    .set((
                        fields,
                        keyed(fields),
                        person::updated_at.eq(diesel::dsl::now),
                    ))
                    .returning(Person::as_returning())
                    .get_result(c)?;
                if updated.fields.stage != previous {
                    let (stage, at) = (updated.fields.stage, updated.updated_at);
                    record_move(c, id, Some(previous), stage, at)?;
                }
                Ok(updated)
            },
        )
    }

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

    /// Deletes a person; their pay reports and stage history go with them (ON DELETE CASCADE).
    pub fn delete(conn: &mut PgConnection, id: PersonId) -> QueryResult<usize> {
        diesel::delete(person::table.find(id)).execute(conn)
    }

    /// How many people are at each stage, in pipeline order, zeros included.
    pub fn count_by_stage(conn: &mut PgConnection) -> QueryResult<Vec<(Stage, i64)>> {
        let counts: Vec<(Stage, i64)> = person::table
            .group_by(person::stage)
            .select((person::stage, diesel::dsl::count_star()))
            .load(conn)?;
        Ok(Stage::ALL
            .iter()
            .map(|stage| {
                let n = counts
                    .iter()
                    .find(|(s, _)| s == stage)
                    .map_or(0, |(_, n)| *n);
                (*stage, n)
            })
            .collect())
    }
}

/// The key written with every name, so the name and its key never disagree.
fn keyed(fields: &PersonFields) -> diesel::dsl::Eq<person::name_key, String> {
    person::name_key.eq(name_key(&fields.full_name))
}

/// When a person created at their stage entered it: `now`, except that a hire entered after the
/// fact was hired on their decision date (or start date), which the pipeline and timeline
/// reports count by, not on the day someone typed them in.
fn entered_at(fields: &PersonFields, now: DateTime<Utc>) -> DateTime<Utc> {
    let hired_on = match fields.stage {
        Stage::Hired => fields.decided_on.or(fields.start_on),
        _ => None,
    };
    hired_on.map_or(now, |day| day.and_time(NaiveTime::MIN).and_utc())
}

fn record_move(
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
