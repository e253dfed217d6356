//! Fills in the name keys of rows written before the key existed (or by SQL that left it out).
//!
//! The key is computed in Rust only (`domain::name_key`), so a migration can add the columns
//! but not fill them: the app does, at startup, after the migrations and under their lock.

use anyhow::Context;
use diesel::prelude::*;
use diesel::sql_types::{Array, BigInt, Text};

use crate::domain::name_key;

/// Rows read and written per statement: a million people take two hundred round trips, each
/// short enough not to hold locks for long.
const BATCH: i64 = 5_000;

#[derive(QueryableByName)]
struct Unkeyed {
    #[diesel(sql_type = BigInt)]
    id: i64,
    #[diesel(sql_type = Text)]
    name: String,
}

/// Gives every company and person whose key is '' the key of their name; returns how many.
pub fn fill_missing(conn: &mut PgConnection) -> anyhow::Result<u64> {
    let companies = fill(conn, "company", "name").context(
        "two companies have the same name once case, accents, umlaut spellings (\"ae\" for \"ä\") \
         and punctuation are left out; rename or merge one of them, then start the app again",
    )?;
    let people = fill(conn, "person", "full_name")?;
    if companies + people > 0 {
        log::info!("filled in the name keys of {companies} companies and {people} people");
    }
    Ok(companies + people)
}

/// `table` and `name` are this module's own constants, never user input.
fn fill(conn: &mut PgConnection, table: &str, name: &str) -> anyhow::Result<u64> {
    let select = format!(
        "SELECT id, {name} AS name FROM {table} WHERE name_key = '' AND id > $1 ORDER BY id LIMIT $2"
    );
    let update = format!(
        "UPDATE {table} SET name_key = keyed.key FROM unnest($1::bigint[], $2::text[]) \
         AS keyed(id, key) WHERE {table}.id = keyed.id"
    );
    let (mut after, mut filled) = (0, 0);
    loop {
        let rows: Vec<Unkeyed> = diesel::sql_query(&select)
            .bind::<BigInt, _>(after)
            .bind::<BigInt, _>(BATCH)
            .load(conn)?;
        // By id rather than "until none is left": a name of accents alone has the key ''.
        let Some(last) = rows.last() else {
            return Ok(filled);
        };
        after = last.id;
        let keys: Vec<String> = rows.iter().map(|row| name_key(&row.name)).collect();
        let ids: Vec<i64> = rows.iter().map(|row| row.id).collect();
        filled += diesel::sql_query(&update)
            .bind::<Array<BigInt>, _>(ids)
            .bind::<Array<Text>, _>(keys)
            .execute(conn)? as u64;
    }
}
