//! The id columns exports write first and the import matches by: a tracker moved with its
//! files keeps its ids, and two people of the same name at the same company stay two.

/// A record's own id: a company's in a companies file, a person's in a people file, a pay
/// report's in a pay-reports file.
pub const ID_COLUMN: &str = "id";
/// A pay-reports file's person (its `id` is the report's).
pub const PERSON_ID_COLUMN: &str = "person_id";

/// The id column that names a file's person: `person_id` where the file carries pay reports.
pub fn person_column(with_pay: bool) -> &'static str {
    if with_pay {
        PERSON_ID_COLUMN
    } else {
        ID_COLUMN
    }
}

/// An id cell: `Ok(None)` when empty (the row is matched by its name), the message when it is
/// not an id as exports write them.
pub fn parse(cell: &str) -> Result<Option<i64>, String> {
    let cell = cell.trim();
    if cell.is_empty() {
        return Ok(None);
    }
    match cell.parse::<i64>() {
        Ok(id) if id > 0 => Ok(Some(id)),
        _ => Err(format!(
            "“{cell}” is not an id: ids are whole numbers above 0, as exports write them. \
             Leave it empty to match by name."
        )),
    }
}
