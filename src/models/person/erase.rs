//! Erasure on request (GDPR).

use diesel::prelude::*;

use super::Person;
use crate::domain::PersonId;
use crate::schema::{pay_report, person};

impl Person {
    /// Erases a person on request (GDPR): their name and personal fields go, and the sources and
    /// notes of their pay reports; the pay figures, companies, stages and dates stay as anonymous
    /// statistics. The audit records that an erasure happened, and the personal fields are
    /// scrubbed from this person's earlier audit entries (see the erasure migration).
    pub fn erase(conn: &mut PgConnection, id: PersonId) -> QueryResult<()> {
        conn.transaction(|conn| {
            Person::find(conn, id)?;
            diesel::sql_query("SELECT set_config('talent_tracker.erasing', $1, true)")
                .bind::<diesel::sql_types::Text, _>(format!("person:{id}"))
                .execute(conn)?;
            diesel::update(person::table.find(id))
                .set((
                    person::full_name.eq(format!("Erased person {id}")),
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
                "UPDATE audit_log
                 SET before = before - ARRAY['full_name', 'title', 'expertise', 'team', 'location', 'notes', 'source_name', 'source_url'],
                     after = after - ARRAY['full_name', 'title', 'expertise', 'team', 'location', 'notes', 'source_name', 'source_url']
                 WHERE action <> 'erase'
                   AND ((record_table = 'person' AND record_id = $1)
                     OR (record_table = 'pay_report' AND coalesce(after, before) ->> 'person_id' = $1::text))",
            )
            .bind::<diesel::sql_types::BigInt, _>(id.get())
            .execute(conn)?;
            Ok(())
        })
    }
}
