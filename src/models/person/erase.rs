//! Erasure on request (GDPR): a person's personal data, and every copy the app keeps of it.

use diesel::prelude::*;
use diesel::sql_types::{Array, BigInt, Text};

use super::{Person, PersonFields};
use crate::domain::PersonId;
use crate::models::ImportBatch;
use crate::schema::{audit_log, pay_decision, pay_report, person};

/// The keys an erasure takes out of kept copies of a person and their pay reports (the audit's
/// entries, the import's old values): the person's personal fields, the reports' sources and
/// notes.
const ERASED_KEYS: [&str; 8] = [
    "full_name",
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
    /// this person's earlier audit entries (see the erasure migration) and the reasons from
    /// their decisions' entries, from the old values the import keeps to revert, and pending
    /// imports' files that name them go.
    pub fn erase(conn: &mut PgConnection, id: PersonId) -> QueryResult<()> {
        conn.transaction(|conn| {
            let name = Person::find(conn, id)?.fields.full_name;
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
            // A revert would otherwise write the old name back, and a file confirmed after the
            // erasure would create the person again.
            diesel::sql_query(
                "UPDATE import_item SET before = before - $2
                 WHERE before IS NOT NULL
                   AND ((record_table = 'person' AND record_id = $1)
                     OR (record_table = 'pay_report'
                         AND record_id IN (SELECT id FROM pay_report WHERE person_id = $1)))",
            )
            .bind::<BigInt, _>(id.get())
            .bind::<Array<Text>, _>(&ERASED_KEYS[..])
            .execute(conn)?;
            ImportBatch::discard_previews_naming(conn, &name)?;
            Ok(())
        })
    }

    /// Whether this person was erased: the audit's record of it is the one that cannot be
    /// edited away (a name that looks erased can be typed by anyone).
    pub fn was_erased(conn: &mut PgConnection, id: PersonId) -> QueryResult<bool> {
        diesel::select(diesel::dsl::exists(
            audit_log::table
                .filter(audit_log::record_table.eq("person"))
                .filter(audit_log::record_id.eq(id.get()))
                .filter(audit_log::action.eq("erase")),
        ))
        .get_result(conn)
    }
}

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
