//! Erasure on request (GDPR): a person's personal data, and every copy the app keeps of it.

use diesel::prelude::*;
use diesel::sql_types::{Array, BigInt, Text};

use super::{Person, PersonFields};
use crate::domain::PersonId;
use crate::schema::{pay_decision, pay_report, person, person_file, person_note};

/// The keys an erasure takes out of kept copies of a person and their pay reports (the audit's
/// entries, the import's old values): the person's personal fields, the reports' sources and
/// notes. `name_key` is the name too, as the merges' copies of whole rows hold it.
const ERASED_KEYS: [&str; 9] = [
    "full_name",
    "name_key",
    "title",
    "expertise",
    "team",
    "location",
    "notes",
    "source_name",
    "source_url",
];

/// What a decision's reason on an erased person's offer becomes: the reason is free text that
/// may name them, while the decision and its figures stay as anonymous statistics.
pub const ERASED_REASON: &str = "erased";

impl Person {
    /// Erases a person on request (GDPR): their name and personal fields go, and the sources and
    /// notes of their pay reports; the pay figures, companies, stages and dates stay as anonymous
    /// statistics, as do the decisions on their offers, whose reasons become `ERASED_REASON`.
    /// The audit records that an erasure happened, and the personal fields are scrubbed from
    /// this person's earlier audit entries (see src/db/sql/audit.sql) and the reasons from
    /// their decisions' entries, from the old values the import keeps to revert, and pending
    /// imports' files that name them go, and so do their notes and files.
    pub fn erase(conn: &mut PgConnection, id: PersonId) -> QueryResult<()> {
        conn.transaction(|conn| {
            // Locked before anything is read: a merge that removes this person meanwhile makes
            // this a "not found" rather than an erasure of nobody that answers success.
            person::table
                .find(id)
                .select(person::id)
                .for_update()
                .first::<PersonId>(conn)?;
            let people = crate::models::PersonMerge::merged_into(conn, id)?;
            // Read before the copies that hold them are scrubbed below.
            let names = strings_ever(conn, &people, "full_name")?;
            let titles = strings_ever(conn, &people, "title")?;
            diesel::sql_query("SELECT set_config('talent_tracker.erasing', $1, true)")
                .bind::<Text, _>(format!("person:{id}"))
                .execute(conn)?;
            let erased_name = format!("Erased person {id}");
            diesel::update(person::table.find(id))
                .set((
                    person::name_key.eq(crate::domain::name_key(&erased_name)),
                    person::full_name.eq(erased_name),
                    person::title.eq(None::<String>),
                    person::expertise.eq(None::<String>),
                    person::team.eq(None::<String>),
                    person::location.eq(None::<String>),
                    person::notes.eq(None::<String>),
                    person::erased_at.eq(Some(chrono::Utc::now())),
                    person::updated_at.eq(diesel::dsl::now),
                ))
                .execute(conn)?;
            diesel::update(pay_report::table.filter(pay_report::person_id.eq(id)))
                .set((
                    pay_report::source_name.eq(None::<String>),
                    pay_report::source_url.eq(None::<String>),
                    pay_report::notes.eq(None::<String>),
                ))
                .execute(conn)?;
            diesel::sql_query(
                "UPDATE audit_log SET before = before - $2, after = after - $2
                 WHERE action <> 'erase'
                   AND ((record_table = 'person' AND record_id = $1)
                     OR (record_table = 'pay_report' AND coalesce(after, before) ->> 'person_id' = $1::text))",
            )
            .bind::<BigInt, _>(id.get())
            .bind::<Array<Text>, _>(&ERASED_KEYS[..])
            .execute(conn)?;
            crate::models::PersonMerge::erase_copies(conn, id, &ERASED_KEYS)?;
            decisions(conn, id)?;
            notes_and_files(conn, &people)?;
            // A revert would otherwise write the old name back, and a file confirmed after the
            // erasure would create the person again.
            // Their values after the batch (which the history shows) go the same way; a pay
            // report a revert deleted is found by the person its item names.
            diesel::sql_query(
                "UPDATE import_item SET before = before - $2, after = after - $2
                 WHERE (before IS NOT NULL OR after IS NOT NULL)
                   AND ((record_table = 'person' AND record_id = ANY($1))
                     OR (record_table = 'pay_report'
                         AND (record_id IN (SELECT id FROM pay_report WHERE person_id = ANY($1))
                              OR after ->> 'person_id' = ANY($3))))",
            )
            .bind::<Array<BigInt>, _>(&people)
            .bind::<Array<Text>, _>(&ERASED_KEYS[..])
            .bind::<Array<Text>, _>(people.iter().map(i64::to_string).collect::<Vec<_>>())
            .execute(conn)?;
            crate::import::forget_people(conn, &people, &names)?;
            // The kept report counts keep a row per title they ever counted, at zero once
            // nobody holds it: a title only this person had would outlive them there. The
            // figures are refreshed at commit; the counts must be current before the delete.
            // A count is striped by connection, so nobody holds a title when its stripes add
            // up to zero, whatever each says (+1 where it was counted, -1 where it went).
            diesel::sql_query("SELECT r.refresh_due_figures()").execute(conn)?;
            diesel::sql_query(
                "DELETE FROM pay_value_count c
                 USING (SELECT grouped_by, grp, bucket FROM pay_value_count
                        WHERE grp = ANY($1)
                        GROUP BY grouped_by, grp, bucket HAVING sum(n) = 0) nobody
                 WHERE c.grouped_by = nobody.grouped_by AND c.grp = nobody.grp
                   AND c.bucket = nobody.bucket",
            )
            .bind::<Array<Text>, _>(&titles)
            .execute(conn)?;
            Ok(())
        })
    }

    /// Whether this person was erased (a name that looks erased can be typed by anyone).
    pub fn was_erased(conn: &mut PgConnection, id: PersonId) -> QueryResult<bool> {
        person::table
            .find(id)
            .select(person::erased_at.is_not_null())
            .first(conn)
    }
}

/// Every value `key` had in the kept copies of `people` (audit entries, merges, the import's
/// old values), wherever it sits in them: the names or titles a person was ever known by.
fn strings_ever(conn: &mut PgConnection, people: &[i64], key: &str) -> QueryResult<Vec<String>> {
    #[derive(QueryableByName)]
    struct Found {
        #[diesel(sql_type = Text)]
        value: String,
    }
    let found: Vec<Found> = diesel::sql_query(
        "SELECT DISTINCT v #>> '{}' AS value
         FROM (SELECT before AS doc FROM audit_log
               WHERE record_table = 'person' AND record_id = ANY($1)
               UNION ALL SELECT after FROM audit_log
               WHERE record_table = 'person' AND record_id = ANY($1)
               UNION ALL SELECT removed_before FROM person_merge
               WHERE survivor_id = ANY($1) OR removed_id = ANY($1)
               UNION ALL SELECT before FROM import_item
               WHERE record_table = 'person' AND record_id = ANY($1)
               UNION ALL SELECT after FROM import_item
               WHERE record_table = 'person' AND record_id = ANY($1)
               UNION ALL SELECT to_jsonb(p) FROM person p WHERE id = ANY($1)) copies,
              jsonb_path_query(doc, ('lax $.**.' || $2)::jsonpath) v
         WHERE doc IS NOT NULL AND jsonb_typeof(v) = 'string'",
    )
    .bind::<Array<BigInt>, _>(people)
    .bind::<Text, _>(key)
    .load(conn)?;
    Ok(found.into_iter().map(|f| f.value).collect())
}

/// The notes on the person and the files attached to them go whole: they are nothing but
/// personal text. Their audit entries (the earlier ones, of people merged into them too, and
/// the deletions just written) keep that a note or a file was there, not its text or name.
fn notes_and_files(conn: &mut PgConnection, people: &[i64]) -> QueryResult<()> {
    diesel::delete(person_note::table.filter(person_note::person_id.eq_any(people)))
        .execute(conn)?;
    diesel::delete(person_file::table.filter(person_file::person_id.eq_any(people)))
        .execute(conn)?;
    diesel::sql_query(
        "UPDATE audit_log SET before = before - $2, after = after - $2
         WHERE record_table IN ('person_note', 'person_file')
           AND coalesce(after, before) ->> 'person_id' = ANY($1)",
    )
    .bind::<Array<Text>, _>(people.iter().map(i64::to_string).collect::<Vec<_>>())
    .bind::<Array<Text>, _>(&ATTACHED_KEYS[..])
    .execute(conn)?;
    Ok(())
}

/// What a note's or a file's audit entries lose in an erasure.
const ATTACHED_KEYS: [&str; 2] = ["body", "file_name"];

/// The reasons of the decisions on the person's offers, and in the decisions' audit entries.
fn decisions(conn: &mut PgConnection, id: PersonId) -> QueryResult<()> {
    let offers = pay_report::table
        .filter(pay_report::person_id.eq(id))
        .select(pay_report::id);
    let decided: Vec<i64> = diesel::update(pay_decision::table)
        .filter(pay_decision::pay_report_id.eq_any(offers))
        .set(pay_decision::reason.eq(ERASED_REASON))
        .returning(pay_decision::id)
        .get_results(conn)?;
    diesel::sql_query(
        "UPDATE audit_log SET before = before - 'reason', after = after - 'reason'
         WHERE record_table = 'pay_decision' AND record_id = ANY($1)",
    )
    .bind::<Array<BigInt>, _>(decided)
    .execute(conn)?;
    Ok(())
}

impl PersonFields {
    /// These fields with the personal ones taken from `erased`: what restoring old values may
    /// write over an erased person.
    pub fn with_personal_of(self, erased: &PersonFields) -> PersonFields {
        PersonFields {
            full_name: erased.full_name.clone(),
            title: erased.title.clone(),
            expertise: erased.expertise.clone(),
            team: erased.team.clone(),
            location: erased.location.clone(),
            notes: erased.notes.clone(),
            ..self
        }
    }
}
