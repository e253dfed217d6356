//! The pipeline board: per stage, the most recently moved people of the list's filters with
//! how long they have been in their stage, and how many there are; and a stage move over the
//! version the board was read at.

use chrono::{DateTime, Utc};
use diesel::prelude::*;

use super::moves::record_move;
use super::{Person, PersonFilter, hiring, origin};
use crate::domain::{PersonId, Stage};
use crate::models::SaveOutcome;
use crate::schema::{company, person, stage_change};

/// A person's card on the board.
#[derive(Debug, Clone, Queryable)]
pub struct BoardCard {
    pub id: PersonId,
    pub full_name: String,
    pub title: Option<String>,
    pub origin_company: Option<String>,
    pub hiring_company: Option<String>,
    pub version: i32,
    /// When they entered their stage (their latest stage change); `None` without history.
    pub since: Option<DateTime<Utc>>,
}

impl BoardCard {
    /// Whole days in the stage so far.
    pub fn days_in_stage(&self, now: DateTime<Utc>) -> Option<i64> {
        self.since.map(|since| (now - since).num_days().max(0))
    }
}

/// When a person entered their current stage: their latest stage change, read backwards from
/// the index on (person_id, changed_at).
const SINCE: &str =
    "(SELECT max(sc.changed_at) FROM stage_change sc WHERE sc.person_id = person.id)";

/// The largest column sorted whole rather than walked from the newest moves.
const SORTED_UP_TO: i64 = 1_000;

/// Whether a stage change (`{0}`) is its person's latest.
const LATEST: &str = "NOT EXISTS (SELECT 1 FROM stage_change later \
     WHERE later.person_id = {0}.person_id \
     AND (later.changed_at, later.id) > ({0}.changed_at, {0}.id))";

impl Person {
    /// The first `limit` people of `filter` (whose stage it sets), the most recently moved
    /// first: by when they entered their current stage (their latest stage change), those
    /// whose history does not say so last. `total` is how many match, if counted.
    ///
    /// A column of at most `SORTED_UP_TO` people is sorted whole: a few thousand index
    /// lookups. A larger one is read from the moves into the stage, newest first from their
    /// index, until enough are each person's latest and match the filter: sorting 30,000 took
    /// 200 ms, the walk 2 to 7 ms (100,000 people). A walk over a filter few people match
    /// would read every move, hence the count first.
    pub fn board_column(
        conn: &mut PgConnection,
        filter: &PersonFilter,
        total: Option<i64>,
        limit: i64,
    ) -> QueryResult<Vec<BoardCard>> {
        use diesel::dsl::sql;
        use diesel::sql_types::{BigInt, Bool, Nullable, Timestamptz};
        let Some(stage) = filter.stage else {
            return Ok(Vec::new());
        };
        let columns = || {
            (
                person::id,
                person::full_name,
                person::title,
                origin.field(company::name).nullable(),
                hiring.field(company::name).nullable(),
                person::version,
                sql::<Nullable<Timestamptz>>(SINCE),
            )
        };
        if total.is_some_and(|n| n <= SORTED_UP_TO) {
            return filter
                .query()
                .order((
                    sql::<Nullable<Timestamptz>>(SINCE).desc().nulls_last(),
                    person::id.desc(),
                ))
                .select(columns())
                .limit(limit)
                .load(conn);
        }
        // A scalar subquery, not EXISTS: PostgreSQL turns EXISTS into a join over the whole
        // stage and sorts it, instead of stopping after `limit` moves.
        let matches = filter
            .query()
            .filter(person::id.eq(sql::<BigInt>("stage_change.person_id")))
            .select(sql::<Bool>("true"))
            .limit(1)
            .single_value();
        let recent: Vec<PersonId> = stage_change::table
            .filter(stage_change::to_stage.eq(stage))
            .filter(sql::<Bool>(&LATEST.replace("{0}", "stage_change")))
            .filter(matches.is_not_null())
            .order((stage_change::changed_at.desc(), stage_change::id.desc()))
            .select(stage_change::person_id)
            .limit(limit)
            .load(conn)?;
        let mut cards: Vec<BoardCard> = filter
            .query()
            .filter(person::id.eq_any(&recent))
            .select(columns())
            .load(conn)?;
        cards.sort_by_key(|card| recent.iter().position(|id| *id == card.id));
        let missing = limit - cards.len() as i64;
        if missing > 0 {
            // People whose latest move is not into their stage (entered by SQL, or before
            // histories were kept), newest first.
            let unexplained = format!(
                "NOT EXISTS (SELECT 1 FROM stage_change sc WHERE sc.person_id = person.id \
                 AND sc.to_stage = person.stage AND {})",
                LATEST.replace("{0}", "sc")
            );
            cards.extend(
                filter
                    .query()
                    .filter(sql::<Bool>(&unexplained))
                    .order(person::id.desc())
                    .select(columns())
                    .limit(missing)
                    .load::<BoardCard>(conn)?,
            );
        }
        Ok(cards)
    }

    /// How many people of each of `stages` match `filter`: from the kept counts (as the
    /// dashboard reads them) when the filter asks for no more than a stage, so a column of a
    /// million shows its number; otherwise counted up to `limit`, `None` past it.
    pub fn board_counts(
        conn: &mut PgConnection,
        filter: &PersonFilter,
        stages: &[Stage],
        limit: i64,
    ) -> QueryResult<Vec<Option<i64>>> {
        let only_stage = PersonFilter {
            stage: filter.stage,
            ..PersonFilter::default()
        };
        if *filter == only_stage {
            let kept = Person::count_by_stage(conn)?;
            return Ok(stages
                .iter()
                .map(|stage| kept.iter().find(|(s, _)| s == stage).map(|(_, n)| *n))
                .collect());
        }
        stages
            .iter()
            .map(|stage| {
                let of_stage = PersonFilter {
                    stage: Some(*stage),
                    ..filter.clone()
                };
                Person::count_up_to(conn, &of_stage, limit)
            })
            .collect()
    }

    /// When the person entered their current stage, if their history says.
    pub fn stage_since(
        conn: &mut PgConnection,
        id: PersonId,
    ) -> QueryResult<Option<DateTime<Utc>>> {
        stage_change::table
            .filter(stage_change::person_id.eq(id))
            .select(diesel::dsl::max(stage_change::changed_at))
            .first(conn)
    }

    /// Moves a person to `stage` unless someone saved them since `version`; the move is kept
    /// in the stage history as every stage change is.
    pub fn move_over(
        conn: &mut PgConnection,
        id: PersonId,
        version: i32,
        stage: Stage,
    ) -> QueryResult<SaveOutcome<Person>> {
        let row = person::table.find(id);
        super::super::save_over(
            conn,
            Some(version),
            |c| row.select(person::version).for_update().first(c),
            |c| Person::find(c, id),
            |c| {
                let previous: Stage = row.select(person::stage).first(c)?;
                if previous == stage {
                    return Person::find(c, id);
                }
                let moved: Person = diesel::update(row)
                    .set((
                        person::stage.eq(stage),
                        person::updated_at.eq(diesel::dsl::now),
                    ))
                    .returning(Person::as_returning())
                    .get_result(c)?;
                record_move(c, id, Some(previous), stage, moved.updated_at)?;
                Ok(moved)
            },
        )
    }
}
