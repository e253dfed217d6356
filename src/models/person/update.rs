//! Saving people over what is stored: one from a form under its version, many at once from an
//! import; a stage that moves is recorded with the save.

use chrono::{DateTime, NaiveDate, Utc};
use diesel::prelude::*;

use super::moves::{StageRow, copy_moves, record_move};
use super::{Person, PersonFields, keyed};
use crate::domain::{CompanyId, PersonId, Stage, name_key};
use crate::models::SaveOutcome;
use crate::schema::person;

impl Person {
    /// Saves over `version` (any version when `None`, as the import does), unless someone
    /// saved a newer one since; when the stage moves, the move is recorded with it.
    pub fn update(
        conn: &mut PgConnection,
        id: PersonId,
        version: Option<i32>,
        fields: &PersonFields,
    ) -> QueryResult<SaveOutcome<Person>> {
        let row = person::table.find(id);
        crate::models::save_over(
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
}
