//! Keyset pagination for the people list: a page starts after (or ends before) a given person
//! in the list's order, so page 10,000 costs what page 1 costs, instead of PostgreSQL
//! counting through every row before it as OFFSET does.
//!
//! The cursor is only a person id; the sort key it stands for is read from that person's row
//! in the same statement, so links stay short and cannot carry forged sort values.

use diesel::dsl::sql;
use diesel::expression::{SqlLiteral, UncheckedBind};
use diesel::helper_types::AsExprOf;
use diesel::sql_types::{BigInt, Bool, Integer};

use super::PersonSort;
use crate::domain::PersonId;

/// Where a page of the list starts.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Position {
    /// Skip this many rows (small page numbers typed into the address bar).
    Offset(i64),
    /// The rows after this person.
    After(PersonId),
    /// The rows before this person (a "previous" link); fetched in reverse, then turned round.
    Before(PersonId),
}

/// ORDER BY for the list: ascending or descending, NULLs last either way (as the exports sort).
/// `reversed` gives the exact opposite order, for reading backwards from a cursor.
pub fn order_by(sort: PersonSort, descending: bool, reversed: bool) -> SqlLiteral<Integer> {
    diesel::dsl::sql(&order_sql(sort, descending, reversed))
}

/// `order_by` as the SQL text, for statements written by hand.
pub fn order_sql(sort: PersonSort, descending: bool, reversed: bool) -> String {
    let (key, nullable) = sort.key("person", "origin", "hiring");
    let dir = if descending != reversed {
        "DESC"
    } else {
        "ASC"
    };
    // A NULLS clause on a key that cannot be NULL would still keep PostgreSQL from reading a
    // (key, id) index backwards, so it is only written where NULLs can occur.
    let nulls = match (nullable, reversed) {
        (false, _) => "",
        (true, false) => " NULLS LAST",
        (true, true) => " NULLS FIRST",
    };
    format!("{key} {dir}{nulls}, person.id {dir}")
}

/// A condition keeping the rows strictly after (or before) the cursor person, as the SQL
/// before and after the cursor's id (bound between them). Non-null keys compare as a row,
/// which an index on (key, id) answers directly; a person id that does not exist keeps no rows.
pub fn beyond_cursor(
    sort: PersonSort,
    descending: bool,
    position: Position,
) -> Option<(String, String)> {
    let before = match position {
        Position::Offset(_) => return None,
        Position::After(_) => false,
        Position::Before(_) => true,
    };
    let op = if descending != before { "<" } else { ">" };
    let (k, nullable) = sort.key("person", "origin", "hiring");
    let cursor = format!(
        "SELECT {}, c.id FROM person c \
         LEFT JOIN company co ON c.origin_company_id = co.id \
         LEFT JOIN company ch ON c.hiring_company_id = ch.id WHERE c.id = ",
        sort.key("c", "co", "ch").0
    );
    if !nullable {
        return Some((format!("({k}, person.id) {op} ({cursor}"), ")".to_owned()));
    }
    // NULL keys sort last in the forward order: after a non-null cursor come greater keys,
    // then the NULLs; after a NULL cursor only NULLs with a later id. Backwards, the mirror.
    let condition = if before {
        format!(
            "CASE WHEN cur.k IS NULL THEN {k} IS NOT NULL OR person.id {op} cur.id \
             ELSE {k} {op} cur.k OR ({k} = cur.k AND person.id {op} cur.id) END"
        )
    } else {
        format!(
            "CASE WHEN cur.k IS NULL THEN {k} IS NULL AND person.id {op} cur.id \
             ELSE {k} IS NULL OR {k} {op} cur.k OR ({k} = cur.k AND person.id {op} cur.id) END"
        )
    };
    Some((
        format!("EXISTS (SELECT 1 FROM ({cursor}"),
        format!(") AS cur(k, id) WHERE {condition})"),
    ))
}

/// `beyond_cursor`'s condition with the cursor's id bound in it, ready to filter a query.
pub type PastCursor = SqlLiteral<Bool, UncheckedBind<SqlLiteral<Bool>, AsExprOf<i64, BigInt>>>;

pub fn past_cursor(sort: PersonSort, descending: bool, position: Position) -> Option<PastCursor> {
    let (head, tail) = beyond_cursor(sort, descending, position)?;
    let id = cursor_id(position)?;
    Some(sql::<Bool>(&head).bind::<BigInt, _>(id.get()).sql(&tail))
}

pub fn cursor_id(position: Position) -> Option<PersonId> {
    match position {
        Position::Offset(_) => None,
        Position::After(id) | Position::Before(id) => Some(id),
    }
}
