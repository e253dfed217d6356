//! Likely duplicates: people whose names match, or nearly do, and who share an origin company
//! or a pay source. The one rule for it, wherever a duplicate could be made.

use diesel::prelude::*;
use diesel::sql_types::{BigInt, Bool, Double, Nullable, Text};

use super::Person;
use crate::domain::{CompanyId, PersonId, name_key};
use crate::i18n::{Lang, Msg};

/// How alike two names' matching keys must be to be "very close": pg_trgm's similarity (the
/// share of trigrams in common, 0 to 1). At 0.6 "Alexandr Wang" meets "Alexander Wang" and
/// "Nat Friedman" meets "Nathaniel Friedman", while "Wei Chen" and "Li Chen" stay apart.
pub const SIMILAR_NAMES: f64 = 0.6;

/// How many likely duplicates a warning lists at most.
pub(super) const SHOWN: i64 = 10;

/// Someone already stored who may be the person being saved, and why.
#[derive(Debug, Clone, QueryableByName)]
pub struct LikelyDuplicate {
    #[diesel(sql_type = BigInt)]
    pub id: PersonId,
    #[diesel(sql_type = Text)]
    pub full_name: String,
    #[diesel(sql_type = Nullable<Text>)]
    pub origin_company: Option<String>,
    #[diesel(sql_type = Bool)]
    pub same_name: bool,
    #[diesel(sql_type = Bool)]
    pub same_origin: bool,
    #[diesel(sql_type = Bool)]
    pub same_source: bool,
}

impl LikelyDuplicate {
    /// Why this person is listed, as the warning says it.
    pub fn reason(&self) -> String {
        self.reason_in(&Lang::En)
    }

    /// The same in a reader's language (a reference: askama passes a field so).
    pub fn reason_in(&self, lang: &Lang) -> String {
        let name = if self.same_name {
            "duplicates-same-name"
        } else {
            "duplicates-similar-name"
        };
        let shared = match (self.same_origin, self.same_source) {
            (true, true) => "duplicates-shared-origin-and-source",
            (true, false) => "duplicates-shared-origin",
            (false, _) => "duplicates-shared-source",
        };
        Msg::new("duplicates-reason")
            .arg("name", Msg::new(name).text(*lang))
            .arg("shared", Msg::new(shared).text(*lang))
            .text(*lang)
    }
}

/// Who is being saved: their id when they are stored already, the name as typed, and the
/// origin company named.
#[derive(Debug, Clone)]
pub struct Candidate<'a> {
    pub id: Option<PersonId>,
    pub full_name: &'a str,
    pub origin_company_id: Option<CompanyId>,
    /// Whether the candidate's "not a duplicate" dismissals hold. Not for a save that changes
    /// their name key or origin company: that ends them (the duplicate_pairs trigger), so
    /// the form asks about those people again rather than let the pair surface unasked.
    pub dismissals_hold: bool,
}

impl Person {
    /// The stored people `candidate` may duplicate, most alike first: a name with the same
    /// key or a very similar one, and the same origin company or a pay report citing a source
    /// URL one of the candidate's own reports cites; not those kept apart from a stored
    /// candidate by "not a duplicate" while that holds (a new one has none: `least` and
    /// `greatest` skip the NULL id, and no dismissal pairs a person with themselves). Found through the indexes (trigrams of
    /// the name with the origin company, the source URLs), never by comparing everyone.
    pub fn likely_duplicates(
        conn: &mut PgConnection,
        candidate: &Candidate<'_>,
    ) -> QueryResult<Vec<LikelyDuplicate>> {
        conn.transaction(|conn| {
            // `%` (the trigram index's operator) compares with this setting; it lasts until
            // the transaction ends.
            diesel::sql_query("SELECT set_config('pg_trgm.similarity_threshold', $1, true)")
                .bind::<Text, _>(SIMILAR_NAMES.to_string())
                .execute(conn)?;
            diesel::sql_query(
                "WITH mine AS (
                    SELECT DISTINCT source_url FROM pay_report
                    WHERE person_id = $3 AND source_url IS NOT NULL
                ), candidates AS (
                    SELECT id FROM person WHERE origin_company_id = $2 AND name_key % $1
                    UNION
                    SELECT r.person_id FROM pay_report r JOIN mine USING (source_url)
                )
                SELECT p.id, p.full_name, c.name AS origin_company,
                       p.name_key = $1 AS same_name,
                       coalesce(p.origin_company_id = $2, false) AS same_origin,
                       EXISTS (SELECT 1 FROM pay_report r JOIN mine USING (source_url)
                               WHERE r.person_id = p.id) AS same_source
                FROM candidates JOIN person p USING (id)
                LEFT JOIN company c ON c.id = p.origin_company_id
                WHERE p.id IS DISTINCT FROM $3 AND similarity(p.name_key, $1) >= $4
                  AND NOT ($6 AND EXISTS (
                      SELECT FROM duplicate_dismissal x
                      WHERE (x.low_id, x.high_id) = (least(p.id, $3), greatest(p.id, $3))))
                ORDER BY p.name_key = $1 DESC, similarity(p.name_key, $1) DESC, p.full_name, p.id
                LIMIT $5",
            )
            .bind::<Text, _>(name_key(candidate.full_name))
            .bind::<Nullable<BigInt>, _>(candidate.origin_company_id.map(|id| id.get()))
            .bind::<Nullable<BigInt>, _>(candidate.id.map(|id| id.get()))
            .bind::<Double, _>(SIMILAR_NAMES)
            .bind::<BigInt, _>(SHOWN)
            .bind::<Bool, _>(candidate.dismissals_hold)
            .load(conn)
        })
    }
}
