//! What must hold after every step, asked of the database itself: no marker of an erased
//! person in any text, json or bytes column of any table, and no acknowledged write twice.

use diesel::prelude::*;
use diesel::sql_types::{Array, BigInt, Text};

use super::model::Model;
use crate::stored_text::{Held, cells_holding};

pub fn after_step(conn: &mut PgConnection, model: &Model) -> anyhow::Result<()> {
    let markers: Vec<&str> = model.forbidden.keys().map(String::as_str).collect();
    if !markers.is_empty() {
        let found = cells_holding(conn, &markers)?;
        let said: Vec<String> = found
            .iter()
            .take(40)
            .map(
                |Held {
                     place,
                     marker,
                     excerpt,
                 }| {
                    let whose = &model.forbidden[marker];
                    format!("  {place} holds {marker}, {whose}: …{excerpt}…")
                },
            )
            .collect();
        anyhow::ensure!(
            said.is_empty(),
            "erased personal data is still stored:\n{}",
            said.join("\n")
        );
    }
    let twice = stored_twice(conn, model)?;
    anyhow::ensure!(
        twice.is_empty(),
        "acknowledged once, stored more often: {twice:?}"
    );
    Ok(())
}

/// The acknowledged writes that more than one row holds: (table.column, value, rows).
fn stored_twice(
    conn: &mut PgConnection,
    model: &Model,
) -> anyhow::Result<Vec<(String, String, i64)>> {
    #[derive(QueryableByName)]
    struct Twice {
        #[diesel(sql_type = Text)]
        value: String,
        #[diesel(sql_type = BigInt)]
        rows: i64,
    }
    let mut found = Vec::new();
    let mut places: Vec<(&str, &str)> = model.once.iter().map(|(t, c, _)| (*t, *c)).collect();
    places.sort_unstable();
    places.dedup();
    for (table, column) in places {
        let values: Vec<&String> = model
            .once
            .iter()
            .filter(|(t, c, _)| (*t, *c) == (table, column))
            .map(|(_, _, value)| value)
            .collect();
        let twice: Vec<Twice> = diesel::sql_query(format!(
            "SELECT {column} AS value, count(*) AS rows FROM {table}
             WHERE {column} = ANY($1) GROUP BY {column} HAVING count(*) > 1"
        ))
        .bind::<Array<Text>, _>(values)
        .load(conn)?;
        found.extend(
            twice
                .into_iter()
                .map(|t| (format!("{table}.{column}"), t.value, t.rows)),
        );
    }
    Ok(found)
}
