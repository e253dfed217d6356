//! Kept duplicate pairs (same matching key, and the same origin company or a pay source URL in
//! common; kept current by the triggers of src/db/sql/duplicates.sql), read a page at a time.

use chrono::{DateTime, Utc};
use diesel::prelude::*;
use diesel::sql_types::{BigInt, Bool, Nullable, Text, Timestamptz};

use crate::domain::{PersonId, Stage};

/// Keeps the pair `d` unless someone said "not a duplicate" (a primary key probe per pair).
const NOT_DISMISSED: &str = "NOT EXISTS (SELECT FROM duplicate_dismissal x
    WHERE (x.low_id, x.high_id) = (d.low_id, d.high_id))";

/// Where a page of the list starts: just after this pair, in the list's order (pairs with
/// both reasons first, then by their ids).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct PairCursor {
    pub both: bool,
    pub low: PersonId,
    pub high: PersonId,
}

impl PairCursor {
    /// Reads the cursor the list's links carry, `both-12-345` or `one-12-345`.
    pub fn parse(text: &str) -> Option<PairCursor> {
        let mut parts = text.splitn(3, '-');
        let both = match parts.next()? {
            "both" => true,
            "one" => false,
            _ => return None,
        };
        let low: i64 = parts.next()?.parse().ok()?;
        let high: i64 = parts.next()?.parse().ok()?;
        Some(PairCursor {
            both,
            low: PersonId(low),
            high: PersonId(high),
        })
    }
}

impl std::fmt::Display for PairCursor {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        let both = if self.both { "both" } else { "one" };
        write!(f, "{both}-{}-{}", self.low, self.high)
    }
}

/// One of the two people of a pair, as the list shows them.
#[derive(Debug, Clone, QueryableByName)]
pub struct PairSide {
    #[diesel(sql_type = BigInt)]
    pub id: PersonId,
    #[diesel(sql_type = Text)]
    pub full_name: String,
    #[diesel(sql_type = Nullable<Text>)]
    pub origin_company: Option<String>,
    #[diesel(sql_type = Nullable<Text>)]
    pub hiring_company: Option<String>,
    #[diesel(sql_type = Text)]
    pub stage: Stage,
    #[diesel(sql_type = BigInt)]
    pub pay_reports: i64,
    #[diesel(sql_type = Timestamptz)]
    pub created_at: DateTime<Utc>,
}

/// A listed pair: the two people, lower id first, and why they are paired.
#[derive(Debug, Clone)]
pub struct DuplicatePair {
    pub low: PairSide,
    pub high: PairSide,
    pub same_origin: bool,
    pub shared_source: bool,
}

/// One row per person of a pair (two per pair), so one struct reads both sides.
#[derive(QueryableByName)]
struct SideRow {
    #[diesel(sql_type = Bool)]
    same_origin: bool,
    #[diesel(sql_type = Bool)]
    shared_source: bool,
    #[diesel(embed)]
    side: PairSide,
}

impl DuplicatePair {
    pub fn sides(&self) -> [&PairSide; 2] {
        [&self.low, &self.high]
    }

    /// Where the page after this pair starts.
    pub fn cursor(&self) -> PairCursor {
        PairCursor {
            both: self.same_origin && self.shared_source,
            low: self.low.id,
            high: self.high.id,
        }
    }

    /// Up to `limit` pairs nobody has dismissed, after `after`, most likely first. Each half
    /// of the order (both reasons, one reason) is a range of `duplicate_pair_likely_idx`
    /// (`IS TRUE`/`IS FALSE` match its expression), so a deep page costs what the first does.
    pub fn page(
        conn: &mut PgConnection,
        after: Option<PairCursor>,
        limit: i64,
    ) -> QueryResult<Vec<DuplicatePair>> {
        let start = PersonId(0);
        let (read_both, both_from, one_from) = match after {
            None => (true, (start, start), (start, start)),
            Some(c) if c.both => (true, (c.low, c.high), (start, start)),
            Some(c) => (false, (start, start), (c.low, c.high)),
        };
        let rows: Vec<SideRow> = diesel::sql_query(format!(
            "WITH page AS (
                (SELECT d.* FROM duplicate_pair d
                 WHERE (same_origin AND shared_source) IS TRUE AND $1
                   AND (low_id, high_id) > ($2, $3) AND {NOT_DISMISSED}
                 ORDER BY (same_origin AND shared_source) DESC, low_id, high_id LIMIT $6)
                UNION ALL
                (SELECT d.* FROM duplicate_pair d
                 WHERE (same_origin AND shared_source) IS FALSE
                   AND (low_id, high_id) > ($4, $5) AND {NOT_DISMISSED}
                 ORDER BY (same_origin AND shared_source) DESC, low_id, high_id LIMIT $6)
                LIMIT $6
            )
            SELECT page.same_origin, page.shared_source, p.id, p.full_name,
                   o.name AS origin_company, h.name AS hiring_company, p.stage, p.created_at,
                   (SELECT count(*) FROM pay_report r WHERE r.person_id = p.id) AS pay_reports
            FROM page
            CROSS JOIN LATERAL (VALUES (page.low_id), (page.high_id)) AS side(id)
            JOIN person p ON p.id = side.id
            LEFT JOIN company o ON o.id = p.origin_company_id
            LEFT JOIN company h ON h.id = p.hiring_company_id
            ORDER BY (page.same_origin AND page.shared_source) DESC, page.low_id, page.high_id,
                     p.id"
        ))
        .bind::<Bool, _>(read_both)
        .bind::<BigInt, _>(both_from.0)
        .bind::<BigInt, _>(both_from.1)
        .bind::<BigInt, _>(one_from.0)
        .bind::<BigInt, _>(one_from.1)
        .bind::<BigInt, _>(limit)
        .load(conn)?;
        let mut rows = rows.into_iter();
        let mut pairs = Vec::with_capacity(rows.len() / 2);
        while let (Some(low), Some(high)) = (rows.next(), rows.next()) {
            pairs.push(DuplicatePair {
                same_origin: low.same_origin,
                shared_source: low.shared_source,
                low: low.side,
                high: high.side,
            });
        }
        Ok(pairs)
    }

    /// How many pairs nobody has dismissed, counted up to `limit`: `None` past it. Counting
    /// all of them reads the whole index (two million pairs at a million people).
    pub fn count_up_to(conn: &mut PgConnection, limit: i64) -> QueryResult<Option<i64>> {
        #[derive(QueryableByName)]
        struct Counted {
            #[diesel(sql_type = BigInt)]
            n: i64,
        }
        let counted: Counted = diesel::sql_query(format!(
            "SELECT count(*) AS n FROM (
                SELECT 1 FROM duplicate_pair d WHERE {NOT_DISMISSED} LIMIT $1
            ) up_to"
        ))
        .bind::<BigInt, _>(limit + 1)
        .get_result(conn)?;
        Ok(Some(counted.n).filter(|&n| n <= limit))
    }
}
