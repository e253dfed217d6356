//! "Not a duplicate": pairs of people someone has looked at and kept apart. The
//! trigger in src/db/sql/duplicates.sql forgets a person's dismissals when their name key or
//! origin company changes, so a changed record is asked about again.

use diesel::prelude::*;
use diesel::sql_types::{Array, BigInt};

use crate::domain::PersonId;

/// The user a dismissal names: the connection's actor (`db::set_actor`), as the audit does,
/// so the form's save and the list's button record it alike.
const ACTOR: &str = "(SELECT id FROM app_user
    WHERE email = nullif(current_setting('talent_tracker.actor', true), ''))";

pub struct DuplicateDismissal;

impl DuplicateDismissal {
    /// Keeps `person` apart from each of `others` (an id equal to `person` is skipped).
    /// Dismissing a pair again changes nothing. Both people must exist: `NotFound` otherwise,
    /// checked under a lock so neither is deleted before the rows are in.
    pub fn record(
        conn: &mut PgConnection,
        person: PersonId,
        others: &[PersonId],
    ) -> QueryResult<()> {
        #[derive(QueryableByName)]
        struct Found {
            #[diesel(sql_type = BigInt)]
            n: i64,
        }
        if others.iter().all(|&other| other == person) {
            return Ok(());
        }
        let mut ids: Vec<i64> = others.iter().map(|id| id.get()).collect();
        ids.push(person.get());
        ids.sort_unstable();
        ids.dedup();
        conn.transaction(|conn| {
            let found: Found = diesel::sql_query(
                "SELECT count(*) AS n FROM (
                    SELECT id FROM person WHERE id = ANY($1) FOR KEY SHARE
                ) locked",
            )
            .bind::<Array<BigInt>, _>(&ids)
            .get_result(conn)?;
            if found.n != ids.len() as i64 {
                return Err(diesel::result::Error::NotFound);
            }
            diesel::sql_query(format!(
                "INSERT INTO duplicate_dismissal (low_id, high_id, dismissed_by)
                 SELECT least($1, other), greatest($1, other), {ACTOR}
                 FROM unnest($2::bigint[]) AS other WHERE other <> $1
                 ON CONFLICT DO NOTHING"
            ))
            .bind::<BigInt, _>(person.get())
            .bind::<Array<BigInt>, _>(&ids)
            .execute(conn)?;
            Ok(())
        })
    }
}
