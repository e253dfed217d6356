//! People: candidates and hires, with their companies and pipeline stage.

pub mod board;
pub mod counted;
mod duplicates;
mod duplicates_many;
mod erase;
pub mod keyset;
mod list;

use chrono::{DateTime, NaiveDate, NaiveTime, Utc};
use diesel::prelude::*;

pub use duplicates::{Candidate, LikelyDuplicate, SIMILAR_NAMES};
pub use duplicates_many::NewPerson;
pub use list::{PersonFilter, PersonListItem, PersonSort, PersonWithCompanies};
pub(crate) use list::{filter_people, hiring, origin};

use super::SaveOutcome;
use super::stage_change::{NewStageChange, StageChange};
use crate::domain::{CompanyId, PersonId, Stage, name_key};
use crate::schema::{person, stage_change};

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
    pub job_family: Option<String>,
    pub level: Option<String>,
    pub zone: Option<String>,
    pub range_disclosed_on: Option<NaiveDate>,
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

    /// Creates many people at once (the import), each with the stage they enter in: one COPY
    /// for the people and one for their first stages, so the tables' statement triggers run
    /// once each. Ids come back in order.
    pub fn insert_many(
        conn: &mut PgConnection,
        people: &[PersonFields],
    ) -> QueryResult<Vec<PersonId>> {
        let ids: Vec<PersonId> = super::reserve_ids(conn, "person", people.len())?
            .into_iter()
            .map(PersonId)
            .collect();
        Person::insert_many_as(conn, &ids, people)?;
        Ok(ids)
    }

    /// Adds many people under the ids given (`ids[i]` for `people[i]`): an import that moves
    /// a tracker keeps its ids. The caller keeps the id sequence ahead of them
    /// (`super::advance_id_sequence`).
    pub fn insert_many_as(
        conn: &mut PgConnection,
        ids: &[PersonId],
        people: &[PersonFields],
    ) -> QueryResult<()> {
        if ids.is_empty() {
            return Ok(());
        }
        let keys: Vec<String> = people.iter().map(|p| name_key(&p.full_name)).collect();
        let rows: Vec<PersonRow<'_>> = ids
            .iter()
            .zip(people)
            .zip(&keys)
            .map(|((&id, p), key)| PersonRow::new(id, p, key))
            .collect();
        diesel::copy_from(person::table)
            .from_insertable(&rows)
            .execute(conn)?;
        let now = Utc::now();
        let moves: Vec<StageRow> = ids
            .iter()
            .zip(people)
            .map(|(&person_id, fields)| StageRow {
                person_id,
                from_stage: None,
                to_stage: fields.stage,
                changed_at: entered_at(fields, now),
            })
            .collect();
        copy_moves(conn, &moves)?;
        Ok(())
    }

    /// Saves many people at once over whatever version they are at (the import), recording
    /// the stage moves: one UPDATE and one COPY, whatever their number. Returns each one's
    /// fields as they were before, in order.
    pub fn update_many(
        conn: &mut PgConnection,
        people: &[(PersonId, PersonFields)],
    ) -> QueryResult<Vec<PersonFields>> {
        use diesel::sql_types::{Array, BigInt, Date, Nullable, Text};
        use std::collections::HashMap;
        if people.is_empty() {
            return Ok(Vec::new());
        }
        let ids: Vec<PersonId> = people.iter().map(|(id, _)| *id).collect();
        let mut before: HashMap<PersonId, PersonFields> = person::table
            .filter(person::id.eq_any(&ids))
            .order(person::id)
            .for_no_key_update()
            .select((person::id, PersonFields::as_select()))
            .load::<(PersonId, PersonFields)>(conn)?
            .into_iter()
            .collect();
        let before: Vec<PersonFields> = ids
            .iter()
            .map(|id| before.remove(id).ok_or(diesel::result::Error::NotFound))
            .collect::<QueryResult<_>>()?;
        let fields = || people.iter().map(|(_, f)| f);
        let texts = |get: fn(&PersonFields) -> &Option<String>| -> Vec<Option<&str>> {
            fields().map(|f| get(f).as_deref()).collect()
        };
        let dates = |get: fn(&PersonFields) -> Option<NaiveDate>| -> Vec<Option<NaiveDate>> {
            fields().map(get).collect()
        };
        let companies = |get: fn(&PersonFields) -> Option<CompanyId>| -> Vec<Option<i64>> {
            fields().map(|f| get(f).map(CompanyId::get)).collect()
        };
        diesel::sql_query(
            "UPDATE person p SET full_name = u.full_name, title = u.title, \
             expertise = u.expertise, origin_company_id = u.origin_company_id, \
             hiring_company_id = u.hiring_company_id, team = u.team, stage = u.stage, \
             first_contact_on = u.first_contact_on, offer_on = u.offer_on, \
             decided_on = u.decided_on, start_on = u.start_on, location = u.location, \
             notes = u.notes, name_key = u.name_key, job_family = u.job_family, \
             level = u.level, zone = u.zone, range_disclosed_on = u.range_disclosed_on, \
             updated_at = now() \
             FROM unnest($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12, $13, $14, $15, \
                         $16, $17, $18, $19) \
             AS u(id, full_name, title, expertise, origin_company_id, hiring_company_id, team, \
                  stage, first_contact_on, offer_on, decided_on, start_on, location, notes, \
                  name_key, job_family, level, zone, range_disclosed_on) \
             WHERE p.id = u.id",
        )
        .bind::<Array<BigInt>, _>(ids.iter().map(|id| id.get()).collect::<Vec<_>>())
        .bind::<Array<Text>, _>(fields().map(|f| f.full_name.as_str()).collect::<Vec<_>>())
        .bind::<Array<Nullable<Text>>, _>(texts(|f| &f.title))
        .bind::<Array<Nullable<Text>>, _>(texts(|f| &f.expertise))
        .bind::<Array<Nullable<BigInt>>, _>(companies(|f| f.origin_company_id))
        .bind::<Array<Nullable<BigInt>>, _>(companies(|f| f.hiring_company_id))
        .bind::<Array<Nullable<Text>>, _>(texts(|f| &f.team))
        .bind::<Array<Text>, _>(fields().map(|f| f.stage.as_str()).collect::<Vec<_>>())
        .bind::<Array<Nullable<Date>>, _>(dates(|f| f.first_contact_on))
        .bind::<Array<Nullable<Date>>, _>(dates(|f| f.offer_on))
        .bind::<Array<Nullable<Date>>, _>(dates(|f| f.decided_on))
        .bind::<Array<Nullable<Date>>, _>(dates(|f| f.start_on))
        .bind::<Array<Nullable<Text>>, _>(texts(|f| &f.location))
        .bind::<Array<Nullable<Text>>, _>(texts(|f| &f.notes))
        .bind::<Array<Text>, _>(fields().map(|f| name_key(&f.full_name)).collect::<Vec<_>>())
        .bind::<Array<Nullable<Text>>, _>(texts(|f| &f.job_family))
        .bind::<Array<Nullable<Text>>, _>(texts(|f| &f.level))
        .bind::<Array<Nullable<Text>>, _>(texts(|f| &f.zone))
        .bind::<Array<Nullable<Date>>, _>(dates(|f| f.range_disclosed_on))
        .execute(conn)?;
        // Moved as of the update, as `update` records them.
        let now: DateTime<Utc> =
            diesel::select(diesel::dsl::sql::<diesel::sql_types::Timestamptz>("now()"))
                .get_result(conn)?;
        let moves: Vec<StageRow> = people
            .iter()
            .zip(&before)
            .filter(|((_, new), old)| new.stage != old.stage)
            .map(|((person_id, new), old)| StageRow {
                person_id: *person_id,
                from_stage: Some(old.stage),
                to_stage: new.stage,
                changed_at: now,
            })
            .collect();
        copy_moves(conn, &moves)?;
        Ok(before)
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
        // From the pipeline's kept counts (one per current stage and stages entered, striped
        // by connection), not by counting a million people on every dashboard view.
        let counts: Vec<(Stage, i64)> = diesel::sql_query(
            "SELECT stage, sum(n)::bigint AS n FROM pipeline_count GROUP BY stage",
        )
        .load::<StageTotal>(conn)?
        .into_iter()
        .map(|t| (t.stage, t.n))
        .collect();
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

#[derive(QueryableByName)]
struct StageTotal {
    #[diesel(sql_type = diesel::sql_types::Text)]
    stage: Stage,
    #[diesel(sql_type = diesel::sql_types::BigInt)]
    n: i64,
}

/// A person as COPY writes them: with the id reserved for them and their name's key.
#[derive(Insertable)]
#[diesel(table_name = person, treat_none_as_default_value = false)]
struct PersonRow<'a> {
    id: PersonId,
    full_name: &'a str,
    title: Option<&'a str>,
    expertise: Option<&'a str>,
    origin_company_id: Option<CompanyId>,
    hiring_company_id: Option<CompanyId>,
    team: Option<&'a str>,
    stage: Stage,
    first_contact_on: Option<NaiveDate>,
    offer_on: Option<NaiveDate>,
    decided_on: Option<NaiveDate>,
    start_on: Option<NaiveDate>,
    location: Option<&'a str>,
    notes: Option<&'a str>,
    name_key: &'a str,
    job_family: Option<&'a str>,
    level: Option<&'a str>,
    zone: Option<&'a str>,
    range_disclosed_on: Option<NaiveDate>,
}

impl<'a> PersonRow<'a> {
    fn new(id: PersonId, p: &'a PersonFields, key: &'a str) -> Self {
        PersonRow {
            id,
            full_name: &p.full_name,
            title: p.title.as_deref(),
            expertise: p.expertise.as_deref(),
            origin_company_id: p.origin_company_id,
            hiring_company_id: p.hiring_company_id,
            team: p.team.as_deref(),
            stage: p.stage,
            first_contact_on: p.first_contact_on,
            offer_on: p.offer_on,
            decided_on: p.decided_on,
            start_on: p.start_on,
            location: p.location.as_deref(),
            notes: p.notes.as_deref(),
            name_key: key,
            job_family: p.job_family.as_deref(),
            level: p.level.as_deref(),
            zone: p.zone.as_deref(),
            range_disclosed_on: p.range_disclosed_on,
        }
    }
}

/// A stage move as COPY writes it.
#[derive(Insertable)]
#[diesel(table_name = stage_change, treat_none_as_default_value = false)]
struct StageRow {
    person_id: PersonId,
    from_stage: Option<Stage>,
    to_stage: Stage,
    changed_at: DateTime<Utc>,
}

/// Records many moves with one COPY (none: no statement at all).
fn copy_moves(conn: &mut PgConnection, moves: &[StageRow]) -> QueryResult<()> {
    if !moves.is_empty() {
        diesel::copy_from(stage_change::table)
            .from_insertable(moves)
            .execute(conn)?;
    }
    Ok(())
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
