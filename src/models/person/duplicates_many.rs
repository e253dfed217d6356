//! Likely duplicates of many people at once (an import's new people): the rule of
//! `Person::likely_duplicates` in one statement, each candidate answered by the same indexes.

use diesel::prelude::*;
use diesel::sql_types::{Array, BigInt, Double, Integer, Nullable, Text};

use super::Person;
use super::duplicates::{LikelyDuplicate, SHOWN, SIMILAR_NAMES};
use crate::domain::CompanyId;

/// One person a file would create: their name's key, their origin company when it is stored
/// already, and the pay source URLs of their rows.
#[derive(Debug, Clone)]
pub struct NewPerson {
    pub name_key: String,
    pub origin_company_id: Option<CompanyId>,
    pub source_urls: Vec<String>,
}

#[derive(QueryableByName)]
struct Found {
    #[diesel(sql_type = Integer)]
    at: i32,
    #[diesel(embed)]
    duplicate: LikelyDuplicate,
}

impl Person {
    /// For each of `people`, the stored people it may duplicate, most alike first: pairs of
    /// (index in `people`, stored person). One statement whatever their number; each one
    /// costs what one person form's check does, so callers cap how many they ask about.
    pub fn likely_duplicates_of_many(
        conn: &mut PgConnection,
        people: &[NewPerson],
    ) -> QueryResult<Vec<(usize, LikelyDuplicate)>> {
        if people.is_empty() {
            return Ok(Vec::new());
        }
        let at: Vec<i32> = (0..people.len() as i32).collect();
        let keys: Vec<&str> = people.iter().map(|p| p.name_key.as_str()).collect();
        let origins: Vec<Option<i64>> = people
            .iter()
            .map(|p| p.origin_company_id.map(CompanyId::get))
            .collect();
        let (url_at, urls): (Vec<i32>, Vec<&str>) = people
            .iter()
            .enumerate()
            .flat_map(|(i, p)| p.source_urls.iter().map(move |u| (i as i32, u.as_str())))
            .unzip();
        let found: Vec<Found> = conn.transaction(|conn| {
            diesel::sql_query("SELECT set_config('pg_trgm.similarity_threshold', $1, true)")
                .bind::<Text, _>(SIMILAR_NAMES.to_string())
                .execute(conn)?;
            diesel::sql_query(
                "WITH urls AS (SELECT * FROM unnest($4::int[], $5::text[]) AS u(at, source_url))
                SELECT c.at, d.* FROM unnest($1::int[], $2::text[], $3::bigint[]) AS c(at, key, origin)
                CROSS JOIN LATERAL (
                    SELECT p.id, p.full_name, co.name AS origin_company,
                           p.name_key = c.key AS same_name,
                           coalesce(p.origin_company_id = c.origin, false) AS same_origin,
                           EXISTS (SELECT 1 FROM pay_report r JOIN urls u USING (source_url)
                                   WHERE u.at = c.at AND r.person_id = p.id) AS same_source
                    FROM (
                        SELECT id FROM person WHERE origin_company_id = c.origin AND name_key % c.key
                        UNION
                        SELECT r.person_id FROM pay_report r JOIN urls u USING (source_url)
                        WHERE u.at = c.at
                    ) candidates JOIN person p USING (id)
                    LEFT JOIN company co ON co.id = p.origin_company_id
                    WHERE similarity(p.name_key, c.key) >= $6
                    ORDER BY p.name_key = c.key DESC, similarity(p.name_key, c.key) DESC,
                             p.full_name, p.id
                    LIMIT $7
                ) d
                ORDER BY c.at",
            )
            .bind::<Array<Integer>, _>(&at)
            .bind::<Array<Text>, _>(&keys)
            .bind::<Array<Nullable<BigInt>>, _>(&origins)
            .bind::<Array<Integer>, _>(&url_at)
            .bind::<Array<Text>, _>(&urls)
            .bind::<Double, _>(SIMILAR_NAMES)
            .bind::<BigInt, _>(SHOWN)
            .load(conn)
        })?;
        Ok(found
            .into_iter()
            .map(|f| (f.at as usize, f.duplicate))
            .collect())
    }
}
