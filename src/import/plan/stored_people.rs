//! The stored people a people file names: found by the keys of the rows' names or by the ids
//! the file gives, checked against the row that names them, and laid under the row's columns.

use std::collections::HashSet;

use diesel::prelude::*;

use super::types::Keys;
use crate::domain::PersonId;
use crate::import::overlay::{changes, overlay};
use crate::import::rows::{PersonRow, RowError};
use crate::input::{PersonInput, RecordInput, TypedFields};
use crate::models::Person;
use crate::models::person::{hiring, origin};
use crate::schema::{company, person};

/// The keys of a name and its origin company (empty without one).
pub(super) type PersonKey = (String, String);

/// A stored person as a file would give them.
pub(super) struct Stored {
    pub(super) id: PersonId,
    pub(super) key: PersonKey,
    pub(super) person: PersonInput,
    /// Erased on request: a file may move their stage, never give them personal data again.
    pub(super) erased: bool,
}

/// How a file's row and a stored person are matched: the keys of their name and origin
/// company (a stored person's are the stored `name_key` columns).
pub(super) fn person_key<'a>(person: &'a PersonInput, keys: &mut Keys<'a>) -> PersonKey {
    let [(_, origin_company), _] = person.companies();
    (
        keys.of(person.full_name.as_str()).to_owned(),
        origin_company
            .map(|name| keys.of(name).to_owned())
            .unwrap_or_default(),
    )
}

/// The stored people whose name matches a row's, and those the file names by id.
pub(super) fn matching_people(
    conn: &mut PgConnection,
    row_keys: &[PersonKey],
    ids: &[PersonId],
) -> QueryResult<Vec<Stored>> {
    let names: Vec<&str> = row_keys
        .iter()
        .map(|(name, _)| name.as_str())
        .collect::<HashSet<_>>()
        .into_iter()
        .collect();
    type Found = (
        Person,
        String,
        Option<String>,
        Option<String>,
        Option<String>,
        bool,
    );
    let found: Vec<Found> = person::table
        .left_join(origin.on(person::origin_company_id.eq(origin.field(company::id).nullable())))
        .left_join(hiring.on(person::hiring_company_id.eq(hiring.field(company::id).nullable())))
        .filter(person::name_key.eq_any(names))
        .or_filter(person::id.eq_any(ids))
        .select((
            Person::as_select(),
            person::name_key,
            origin.field(company::name_key).nullable(),
            origin.field(company::name).nullable(),
            hiring.field(company::name).nullable(),
            person::erased_at.is_not_null(),
        ))
        .load(conn)?;
    Ok(found
        .into_iter()
        .map(
            |(person, key, origin_key, origin_name, hiring_name, erased)| Stored {
                id: person.id,
                key: (key, origin_key.unwrap_or_default()),
                person: PersonInput::stored(person.fields, origin_name, hiring_name),
                erased,
            },
        )
        .collect())
}

/// The stored person with the row's columns laid over them (`overlay`), or why the row cannot
/// update them: the result breaks a rule between fields (a file giving only `offer_on` may
/// put it after the stored `decided_on`), or it gives an erased person personal data again.
pub(super) fn updated(
    row: &PersonRow,
    stored: &Stored,
    in_file: impl Fn(&str) -> bool,
) -> Result<PersonInput, Vec<RowError>> {
    let who = row.person.full_name.as_str();
    // A file with every column (an export) gives the whole record, already checked as a row.
    let partial = !PersonInput::COLUMNS.iter().all(|c| in_file(c));
    let person = if partial {
        overlay(&stored.person, &row.person, in_file)
            .map_err(|message| vec![RowError::of_row(row.line, who, message)])?
    } else {
        row.person.clone()
    };
    if partial {
        let typed = crate::csv_format::cells(&person).unwrap_or_default();
        let broken: Vec<RowError> = PersonInput::rules(&typed)
            .into_iter()
            .map(|(field, message)| RowError {
                line: row.line,
                who: who.to_owned(),
                column: PersonInput::column_of(field).to_owned(),
                value: typed.value(field).to_owned(),
                message: format!(
                    "{message} (with the stored values of the columns the file leaves out)"
                ),
            })
            .collect();
        if !broken.is_empty() {
            return Err(broken);
        }
    }
    let personal = || {
        changes(&stored.person, &person)
            .iter()
            .any(|change| PERSONAL.contains(&change.field))
    };
    if stored.erased && personal() {
        return Err(vec![RowError {
            line: row.line,
            who: who.to_owned(),
            column: row.id_column.into(),
            value: stored.id.to_string(),
            message: format!(
                "The person with id {} was erased on request: a file cannot give them a name \
                 or other personal data again. Take this row out of the file.",
                stored.id
            ),
        }]);
    }
    Ok(person)
}

/// A person's personal fields, which an erasure took and nothing may write back.
const PERSONAL: [&str; 6] = [
    "full_name",
    "title",
    "expertise",
    "team",
    "location",
    "notes",
];

/// Why a row cannot be the person its id names: their name and origin company both differ,
/// and another stored person has the row's (the file would move one person's id onto
/// another's details). A change of name or of origin company alone is an update.
pub(super) fn conflict(
    row: &PersonInput,
    key: &PersonKey,
    at_id: &Stored,
    at_key: Option<&&Stored>,
) -> Option<String> {
    let other = at_key.filter(|s| s.id != at_id.id)?;
    if at_id.key.0 == key.0 || at_id.key.1 == key.1 {
        return None;
    }
    let [(_, row_origin), _] = row.companies();
    let [(_, stored_origin), _] = at_id.person.companies();
    Some(format!(
        "The id {} is {} ({}), but {} ({}) is the person with id {}: correct the id, or leave \
         it empty to match by name.",
        at_id.id,
        at_id.person.full_name.as_str(),
        stored_origin.unwrap_or("no origin company"),
        row.full_name.as_str(),
        row_origin.unwrap_or("no origin company"),
        other.id,
    ))
}
