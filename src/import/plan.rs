//! What a parsed file would change, worked out against the database without writing to it.

use std::collections::HashMap;

use diesel::prelude::*;

use super::ID_COLUMN;
use super::overlay::{Change, changes, overlay};
use super::rows::RowError;
use super::{ImportKind, Parsed};
use crate::domain::{CompanyId, PayBandId, PayReportId, PersonId, name_key};
use crate::input::{PayBandInput, PersonInput};
use crate::models::pay_band::BandKey;
use crate::models::{CompanyFields, PayBand, PayBandFields, PayReportFields};
use crate::schema::company;

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Action {
    Create,
    Update,
    /// Already there exactly as in the file.
    Skip,
}

#[derive(Debug, Clone)]
pub struct CompanyStep {
    pub line: u64,
    pub fields: CompanyFields,
    pub action: Action,
    pub existing: Option<CompanyId>,
    /// The id a new company is created under, when the file gives one.
    pub given_id: Option<CompanyId>,
    /// What an update changes, field by field.
    pub changes: Vec<Change>,
}

#[derive(Debug, Clone)]
pub struct BandStep {
    pub line: u64,
    pub fields: PayBandFields,
    pub action: Action,
    /// The stored version of the same family, level, zone and day.
    pub existing: Option<PayBandId>,
    /// What an update changes, field by field.
    pub changes: Vec<Change>,
}

#[derive(Debug, Clone)]
pub struct PayStep {
    pub line: u64,
    pub fields: PayReportFields,
    pub action: Action,
    /// The id a new report is created under, when the file gives one.
    pub given_id: Option<PayReportId>,
}

#[derive(Debug, Clone)]
pub struct PersonStep {
    pub line: u64,
    pub person: PersonInput,
    pub action: Action,
    /// The person matched by id, or else by name and origin company.
    pub existing: Option<PersonId>,
    /// The id a new person is created under, when the file gives one.
    pub given_id: Option<PersonId>,
    /// Whether `existing` was matched by the file's id (else by name and origin company).
    pub by_id: bool,
    /// The keys of the person's name and origin company (empty without one), as matched.
    pub keys: (String, String),
    /// What an update changes, field by field.
    pub changes: Vec<Change>,
    pub pays: Vec<PayStep>,
}

#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub struct Counts {
    pub created: i32,
    pub updated: i32,
    pub skipped: i32,
}

#[derive(Debug)]
pub struct Plan {
    pub kind: ImportKind,
    pub rows: usize,
    pub companies: Vec<CompanyStep>,
    /// Companies a people file names that do not exist yet: created with kind "other".
    pub new_companies: Vec<String>,
    pub people: Vec<PersonStep>,
    pub bands: Vec<BandStep>,
    pub errors: Vec<RowError>,
    pub ignored_columns: Vec<String>,
    /// New people who may be someone already there (`super::duplicates`), by line.
    pub duplicates: Vec<super::duplicates::DuplicateMark>,
    /// New people past `CHECKED_NEW_PEOPLE`, not checked against the stored ones.
    pub duplicates_unchecked: usize,
}

impl Plan {
    pub fn counts(&self) -> Counts {
        let mut counts = Counts {
            created: self.new_companies.len() as i32,
            ..Counts::default()
        };
        let actions =
            self.companies
                .iter()
                .map(|c| c.action)
                .chain(self.people.iter().flat_map(|p| {
                    std::iter::once(p.action).chain(p.pays.iter().map(|pay| pay.action))
                }))
                .chain(self.bands.iter().map(|b| b.action));
        for action in actions {
            match action {
                Action::Create => counts.created += 1,
                Action::Update => counts.updated += 1,
                Action::Skip => counts.skipped += 1,
            }
        }
        counts
    }

    /// Whether applying would change anything at all.
    pub fn changes_anything(&self) -> bool {
        let counts = self.counts();
        counts.created + counts.updated > 0
    }
}

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
    let existing: HashMap<String, (CompanyId, CompanyFields)> = company::table
        .select((company::name_key, company::id, CompanyFields::as_select()))
        .load::<(String, CompanyId, CompanyFields)>(conn)?
        .into_iter()
        .map(|(key, id, fields)| (key, (id, fields)))
        .collect();
    let in_file = |field: &str| parsed.columns.iter().any(|c| c == field);
    match parsed.kind {
        ImportKind::Companies => plan_companies(&mut plan, parsed.companies, &existing, in_file),
        ImportKind::People => {
            let people = parsed.people;
            super::plan_people::plan_people(conn, &mut plan, people, &existing, in_file)?;
            if mark_duplicates {
                super::duplicates::mark(conn, &mut plan, &existing)?;
            }
        }
        ImportKind::Bands => plan_bands(conn, &mut plan, parsed.bands, in_file)?,
    }
    plan.errors.sort_by_key(|e| e.line);
    Ok(plan)
}

fn plan_companies(
    plan: &mut Plan,
    rows: Vec<super::rows::CompanyRow>,
    existing: &HashMap<String, (CompanyId, CompanyFields)>,
    in_file: impl Fn(&str) -> bool,
) {
    let by_id: HashMap<CompanyId, (&str, &CompanyFields)> = existing
        .iter()
        .map(|(key, (id, fields))| (*id, (key.as_str(), fields)))
        .collect();
    let mut lines: HashMap<String, u64> = HashMap::new();
    let mut id_lines: HashMap<CompanyId, u64> = HashMap::new();
    for row in rows {
        let key = name_key(&row.fields.name);
        let name = row.fields.name.clone();
        let refuse = |column: &str, value: String, message: String| RowError {
            line: row.line,
            who: name.clone(),
            column: column.into(),
            value,
            message,
        };
        if let Some(first) = lines.insert(key.clone(), row.line) {
            let message = format!("“{name}” is on line {first} already.");
            plan.errors.push(refuse("name", name.clone(), message));
            continue;
        }
        let by_key = existing.get(&key).map(|(id, _)| *id);
        let stored = match row.id {
            Some(id) => by_id.get(&id).map(|(_, fields)| *fields),
            None => existing.get(&key).map(|(_, fields)| fields),
        };
        let fields = match stored.map(|stored| overlay(stored, &row.fields, &in_file)) {
            None => row.fields.clone(),
            Some(Ok(fields)) => fields,
            Some(Err(message)) => {
                plan.errors.push(refuse("", String::new(), message));
                continue;
            }
        };
        let (action, id, given_id) = match row.id {
            Some(id) => {
                if let Some(first) = id_lines.insert(id, row.line) {
                    let message = format!("The id {id} is on line {first} already.");
                    plan.errors.push(refuse(ID_COLUMN, id.to_string(), message));
                    continue;
                }
                match (by_id.get(&id), by_key) {
                    // A company renamed to the name another company has: two records would
                    // become one name, which the database refuses.
                    (Some((stored_key, stored)), Some(other)) if *stored_key != key => {
                        let message = format!(
                            "The id {id} is “{}”, and “{name}” is the company with id {other}: \
                             correct the id, or leave it empty to match by name.",
                            stored.name
                        );
                        plan.errors.push(refuse(ID_COLUMN, id.to_string(), message));
                        continue;
                    }
                    (Some((_, stored)), _) if **stored == fields => (Action::Skip, Some(id), None),
                    (Some(_), _) => (Action::Update, Some(id), None),
                    (None, Some(other)) => {
                        let message = format!(
                            "“{name}” is the company with id {other}, not {id}: correct the id, \
                             or leave it empty to match by name."
                        );
                        plan.errors.push(refuse(ID_COLUMN, id.to_string(), message));
                        continue;
                    }
                    (None, None) => (Action::Create, None, Some(id)),
                }
            }
            None => match existing.get(&key) {
                Some((id, stored)) if *stored == fields => (Action::Skip, Some(*id), None),
                Some((id, _)) => (Action::Update, Some(*id), None),
                None => (Action::Create, None, None),
            },
        };
        let changes = match (action, stored) {
            (Action::Update, Some(stored)) => changes(stored, &fields),
            _ => Vec::new(),
        };
        plan.companies.push(CompanyStep {
            line: row.line,
            fields,
            action,
            existing: id,
            given_id,
            changes,
        });
    }
}

/// Bands are matched on family and level (without case), zone and day: one version each.
fn plan_bands(
    conn: &mut PgConnection,
    plan: &mut Plan,
    rows: Vec<super::rows::BandRow>,
    in_file: impl Fn(&str) -> bool,
) -> QueryResult<()> {
    let existing: HashMap<BandKey, (PayBandId, PayBandFields)> = PayBand::all_keyed(conn)?
        .into_iter()
        .map(|(key, id, fields)| (key, (id, fields)))
        .collect();
    let mut lines: HashMap<BandKey, u64> = HashMap::new();
    for row in rows {
        let key = PayBand::key(&row.fields);
        if let Some(first) = lines.insert(key.clone(), row.line) {
            plan.errors.push(RowError {
                line: row.line,
                who: format!("{} {}", key.0, key.1),
                column: "effective_on".into(),
                value: key.3.to_string(),
                message: format!(
                    "This band's version of {} is on line {first} already.",
                    key.3
                ),
            });
            continue;
        }
        let stored = existing.get(&key);
        // A file without the total columns keeps a stored version's totals.
        let fields = match stored {
            Some((_, stored)) => overlay(
                &PayBandInput::stored(stored.clone()),
                &PayBandInput::stored(row.fields.clone()),
                &in_file,
            )
            .map(PayBandInput::into_fields),
            None => Ok(row.fields),
        };
        let fields = match fields {
            Ok(fields) => fields,
            Err(message) => {
                let who = format!("{} {}", key.0, key.1);
                plan.errors.push(RowError::of_row(row.line, &who, message));
                continue;
            }
        };
        let (action, id) = match stored {
            Some((id, stored)) if *stored == fields => (Action::Skip, Some(*id)),
            Some((id, _)) => (Action::Update, Some(*id)),
            None => (Action::Create, None),
        };
        let changes = match (action, stored) {
            (Action::Update, Some((_, stored))) => changes(
                &PayBandInput::stored(stored.clone()),
                &PayBandInput::stored(fields.clone()),
            ),
            _ => Vec::new(),
        };
        plan.bands.push(BandStep {
            line: row.line,
            changes,
            fields,
            action,
            existing: id,
        });
    }
    Ok(())
}

/// The names of a file with their keys (`name_key`), each computed once.
#[derive(Default)]
pub(super) struct Keys<'a>(HashMap<&'a str, String>);

impl<'a> Keys<'a> {
    pub(super) fn of(&mut self, name: &'a str) -> &str {
        self.0.entry(name).or_insert_with(|| name_key(name))
    }
}
