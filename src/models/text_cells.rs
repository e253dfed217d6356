//! Export rows as PostgreSQL prints them: every cell selected as text, so an export copies
//! bytes instead of decoding decimals and dates only to print them again (600,000 pay reports
//! cost the app 3.8 s of CPU that way, one `String` per cell).

use diesel::deserialize::{self, FromSqlRow};
use diesel::dsl::sql;
use diesel::expression::SqlLiteral;
use diesel::pg::Pg;
use diesel::row::{Field, Row};
use diesel::sql_types::SqlType;

/// One row's cells in select order, NULL as an empty cell. One buffer per row, however many
/// columns it has.
#[derive(Debug)]
pub struct TextCells(pub csv::StringRecord);

/// The SQL type of a select list of any number of text columns, read only as `TextCells`
/// (which takes as many cells as the row has). The OID is text's, never looked up.
#[derive(Debug, Clone, Copy, SqlType)]
#[diesel(postgres_type(oid = 25, array_oid = 1009))]
pub struct TextRow;

/// A select list of text columns, one per `(label, expression)`, each expression already text
/// in the form the file writes: label and SQL sit side by side in one table.
pub fn select_text(columns: &[(&str, &str)]) -> SqlLiteral<TextRow> {
    let list: Vec<&str> = columns.iter().map(|(_, expression)| *expression).collect();
    sql(&list.join(", "))
}

impl FromSqlRow<TextRow, Pg> for TextCells {
    fn build_from_row<'a>(row: &impl Row<'a, Pg>) -> deserialize::Result<Self> {
        let mut record = csv::ByteRecord::with_capacity(512, row.field_count());
        for at in 0..row.field_count() {
            let field = row.get(at).ok_or("a row ended before its field count")?;
            record.push_field(field.value().map_or(&[][..], |value| value.as_bytes()));
        }
        // Text arrives as its UTF-8 bytes (the connection's client encoding), checked once here.
        Ok(TextCells(csv::StringRecord::from_byte_record(record)?))
    }
}
