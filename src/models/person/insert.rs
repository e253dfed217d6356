//! Adding people: one from a form, many at once from an import (by COPY), each with the stage
//! they enter the pipeline in.

use chrono::{DateTime, NaiveDate, NaiveTime, Utc};
use diesel::prelude::*;

use super::moves::{StageRow, copy_moves, record_move};
use super::{Person, PersonFields, keyed};
use crate::domain::{CompanyId, PersonId, Stage, name_key};
use crate::schema::person;

impl Person {
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
        let ids: Vec<PersonId> = crate::models::reserve_ids(conn, "person", people.len())?
            .into_iter()
            .map(PersonId)
            .collect();
        Person::insert_many_as(conn, &ids, people)?;
        Ok(ids)
    }

    /// Adds many people under the ids given (`ids[i]` for `people[i]`): an import that moves
    /// a tracker keeps its ids. The caller keeps the id sequence ahead of them
    /// (`crate::models::advance_id_sequence`).
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
