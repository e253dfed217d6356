//! The id columns exports write first and the import matches by: a tracker moved with its
//! files keeps its ids, and two people of the same name at the same company stay two.

use crate::domain::MAX_RECORD_ID;

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
    // Digits past i64's end are a number too large, not a typo.
    let digits = cell.bytes().all(|b| b.is_ascii_digit());
    match cell.parse::<i64>() {
        Ok(id) if (1..=MAX_RECORD_ID).contains(&id) => Ok(Some(id)),
        Ok(id) if id > 0 => Err(too_large(cell)),
        Err(_) if digits => Err(too_large(cell)),
        _ => Err(format!(
            "“{cell}” is not an id: ids are whole numbers above 0, as exports write them. \
             Leave it empty to match by name."
        )),
    }
}

fn too_large(cell: &str) -> String {
    format!(
        "The id {cell} is too large: ids in files go up to {MAX_RECORD_ID}, so that new records \
         always have ids left. Leave it empty to match by name and get a new id."
    )
}
