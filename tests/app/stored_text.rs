//! Where given strings are stored, asked of the database itself: every text, JSON, array and
//! bytes column of every table, read from the catalogue at each call so that a table or
//! column added later is searched too. Used to prove that erased personal data is gone.

use diesel::prelude::*;
use diesel::sql_types::{Array, Text};

/// One cell that holds a marker: `table.column`, the marker, and where in the value.
#[derive(Debug, QueryableByName)]
pub struct Held {
    #[diesel(sql_type = Text)]
    pub place: String,
    #[diesel(sql_type = Text)]
    pub marker: String,
    #[diesel(sql_type = Text)]
    pub excerpt: String,
}

/// Each (column, marker) pair where a column holds the marker in any case, anywhere in a
/// value; bytes (an uploaded file) are read as text, other bytes escaped.
pub fn cells_holding(conn: &mut PgConnection, markers: &[&str]) -> anyhow::Result<Vec<Held>> {
    let quoted = |name: &str| format!("\"{}\"", name.replace('"', "\"\""));
    let searches: Vec<String> = text_columns(conn)?
        .iter()
        .map(|c| {
            let column = format!("t.{}", quoted(&c.column_name));
            let text = match c.data_type.as_str() {
                "bytea" => format!("encode({column}, 'escape')"),
                _ => format!("{column}::text"),
            };
            let place = format!("{}.{}", c.table_name, c.column_name).replace('\'', "''");
            let excerpt =
                format!("substr({text}, greatest(strpos(lower({text}), lower(m)) - 50, 1), 120)");
            format!(
                "SELECT '{place}'::text AS place, m AS marker, min({excerpt}) AS excerpt \
                 FROM {} t JOIN unnest($1::text[]) m ON {text} ILIKE '%' || m || '%' \
                 GROUP BY m",
                quoted(&c.table_name)
            )
        })
        .collect();
    anyhow::ensure!(!searches.is_empty(), "no text columns in the public schema");
    Ok(diesel::sql_query(searches.join(" UNION ALL "))
        .bind::<Array<Text>, _>(markers)
        .load(conn)?)
}

#[derive(QueryableByName)]
struct Column {
    #[diesel(sql_type = Text)]
    table_name: String,
    #[diesel(sql_type = Text)]
    column_name: String,
    #[diesel(sql_type = Text)]
    data_type: String,
}

fn text_columns(conn: &mut PgConnection) -> QueryResult<Vec<Column>> {
    diesel::sql_query(
        "SELECT c.table_name::text, c.column_name::text, c.data_type::text
         FROM information_schema.columns c
         JOIN information_schema.tables t USING (table_schema, table_name)
         WHERE c.table_schema = 'public' AND t.table_type = 'BASE TABLE'
           AND (c.data_type IN ('text', 'character varying', 'character', 'json', 'jsonb',
                                'bytea', 'tsvector')
                OR (c.data_type = 'ARRAY'
                    AND c.udt_name IN ('_text', '_varchar', '_bpchar', '_json', '_jsonb'))
                OR c.udt_name = 'citext')
         ORDER BY 1, 2",
    )
    .load(conn)
}
