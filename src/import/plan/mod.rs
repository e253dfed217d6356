//! What a parsed file would change, worked out against the database without writing to it.
//! The modules form a line: this one calls the planners of each kind of record (companies,
//! people, bands) and the duplicates marking; all of them build the steps of `types`.

mod bands;
mod companies;
mod duplicates;
mod people;
mod stored_people;
mod stored_reports;
mod types;

use diesel::prelude::*;

use crate::domain::CompanyId;
use crate::import::{ImportKind, Parsed};
use crate::models::CompanyFields;
use crate::schema::company;
use types::StoredCompanies;

pub use duplicates::CHECKED_NEW_PEOPLE;
pub(super) use types::Keys;
pub use types::{Action, BandStep, CompanyStep, Counts, DuplicateMark, PayStep, PersonStep, Plan};

/// `mark_duplicates`: look for likely duplicates of the new people, which only a preview
/// shows; applying a previewed file does not look again.
pub fn plan(conn: &mut PgConnection, parsed: Parsed, mark_duplicates: bool) -> QueryResult<Plan> {
    let mut plan = Plan {
        kind: parsed.kind,
        rows: parsed.rows,
        companies: Vec::new(),
        new_companies: Vec::new(),
        people: Vec::new(),
        bands: Vec::new(),
        errors: parsed.errors,
        ignored_columns: parsed.ignored_columns,
        duplicates: Vec::new(),
        duplicates_unchecked: 0,
    };
    // Keyed by the stored key, which the file's names are compared with (`name_key`).
    let existing: StoredCompanies = company::table
        .select((company::name_key, company::id, CompanyFields::as_select()))
        .load::<(String, CompanyId, CompanyFields)>(conn)?
        .into_iter()
        .map(|(key, id, fields)| (key, (id, fields)))
        .collect();
    let in_file = |field: &str| parsed.columns.iter().any(|c| c == field);
    match parsed.kind {
        ImportKind::Companies => {
            companies::plan_companies(&mut plan, parsed.companies, &existing, in_file)
        }
        ImportKind::People => {
            people::plan_people(conn, &mut plan, parsed.people, &existing, in_file)?;
            if mark_duplicates {
                duplicates::mark(conn, &mut plan, &existing)?;
            }
        }
        ImportKind::Bands => bands::plan_bands(conn, &mut plan, parsed.bands, in_file)?,
    }
    plan.errors.sort_by_key(|e| e.line);
    Ok(plan)
}
