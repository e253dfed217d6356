//! Keyset pagination for the people list: a page starts after (or ends before) a given person
//! in the list's order, so page 10,000 costs what page 1 costs, instead of PostgreSQL
//! counting through every row before it as OFFSET does.
//!
//! The cursor is only a person id; the sort key it stands for is read from that person's row
//! in the same statement, so links stay short and cannot carry forged sort values.

use super::PersonSort;

/// Where a page of the list starts.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Position {
    /// Skip this many rows (small page numbers typed into the address bar).
    Offset(i64),
    /// The rows after this person.
    After(i64),
    /// The rows before this person (a "previous" link); fetched in reverse, then turned round.
    Before(i64),
}

/// The sort key as SQL over the list's tables, with `{p}`, `{o}` and `{h}` standing for the
/// person, origin and hiring company tables, and whether it can be NULL. Every order ends
/// with the person's id, so keys are unique.
fn key(sort: PersonSort) -> (&'static str, bool) {
    match sort {
        PersonSort::Name => ("{p}.full_name", false),
        PersonSort::Stage => (super::person::PIPELINE_POSITION, false),
        PersonSort::Origin => ("{o}.name", true),
        PersonSort::Hiring => ("{h}.name", true),
        PersonSort::Updated => ("{p}.updated_at", false),
        PersonSort::Started => ("coalesce({p}.start_on, {p}.decided_on)", true),
    }
}

fn key_over(sort: PersonSort, person: &str, origin: &str, hiring: &str) -> String {
    key(sort)
        .0
        .replace("{p}", person)
        .replace("{o}", origin)
        .replace("{h}", hiring)
}

/// ORDER BY for the list: ascending or descending, NULLs last either way (as the exports sort).
/// `reversed` gives the exact opposite order, for reading backwards from a cursor.
pub fn order_by(sort: PersonSort, descending: bool, reversed: bool) -> String {
    let (_, nullable) = key(sort);
    let key = key_over(sort, "person", "origin", "hiring");
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
    let k = key_over(sort, "person", "origin", "hiring");
    let cursor = format!(
        "SELECT {}, c.id FROM person c \
         LEFT JOIN company co ON c.origin_company_id = co.id \
         LEFT JOIN company ch ON c.hiring_company_id = ch.id WHERE c.id = ",
        key_over(sort, "c", "co", "ch")
    );
    if !key(sort).1 {
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

pub fn cursor_id(position: Position) -> Option<i64> {
    match position {
        Position::Offset(_) => None,
        Position::After(id) | Position::Before(id) => Some(id),
    }
}
