//! What a plan is made of: one step per record of the file, what each does, and the marks of
//! likely duplicates. Every planning module and the apply read these; they read none of them.

use std::collections::HashMap;

use crate::domain::{CompanyId, PayBandId, PayReportId, PersonId, name_key};
use crate::import::ImportKind;
use crate::import::overlay::Change;
use crate::import::rows::RowError;
use crate::input::PersonInput;
use crate::models::person::LikelyDuplicate;
use crate::models::{CompanyFields, PayBandFields, PayReportFields};

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
    pub duplicates: Vec<DuplicateMark>,
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

/// A new person of the file who may be someone already there.
#[derive(Debug, Clone)]
pub struct DuplicateMark {
    pub line: u64,
    pub full_name: String,
    /// Stored people, most alike first.
    pub stored: Vec<LikelyDuplicate>,
    /// Lines of the file's other new people with the same name key and origin company.
    pub in_file: Vec<u64>,
}

/// The stored companies by the key of their name (`name_key`), which every kind of file is
/// matched against.
pub(super) type StoredCompanies = HashMap<String, (CompanyId, CompanyFields)>;

/// The names of a file with their keys (`name_key`), each computed once.
#[derive(Default)]
pub(in crate::import) struct Keys<'a>(HashMap<&'a str, String>);

impl<'a> Keys<'a> {
    pub(in crate::import) fn of(&mut self, name: &'a str) -> &str {
        self.0.entry(name).or_insert_with(|| name_key(name))
    }
}
