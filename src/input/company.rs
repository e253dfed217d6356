//! A company as forms and CSV files give it, and its save.

use diesel::{PgConnection, QueryResult};
use rocket::FromForm;

use super::versioned::{Target, Versioned, Written, refused_by};
use super::{FieldErrors, RecordInput, TypedFields};
use crate::domain::{CompanyId, CompanyKind, CountryCode, LongText, Maybe, Text, Website};
use crate::models::company::NAME_UNIQUE_INDEXES;
use crate::models::{Company, CompanyFields, SaveOutcome, violates};

/// Fields are declared in the CSV's column order, which is also the order a file's errors
/// are listed in.
#[derive(Debug, Clone, PartialEq, FromForm, serde::Serialize, serde::Deserialize)]
pub struct CompanyInput {
    pub name: Text,
    pub kind: CompanyKind,
    pub website: Maybe<Website>,
    pub country: Maybe<CountryCode>,
    pub notes: Maybe<LongText>,
}

impl RecordInput for CompanyInput {
    const COLUMNS: &'static [&'static str] = &["name", "kind", "website", "country", "notes"];
    const REQUIRED: &'static [&'static str] = &["name", "kind"];
}

impl CompanyInput {
    pub fn into_fields(self) -> CompanyFields {
        CompanyFields {
            name: self.name.into_inner(),
            kind: self.kind,
            website: self.website.map(Website::into_inner),
            country: self.country.map(CountryCode::into_inner),
            notes: self.notes.map(Text::into_inner),
        }
    }

    /// A stored company as a form or file would give it.
    pub fn stored(fields: CompanyFields) -> Self {
        CompanyInput {
            name: Text::stored(fields.name),
            kind: fields.kind,
            website: Maybe(fields.website.map(Website::stored)),
            country: Maybe(fields.country.map(CountryCode::stored)),
            notes: Maybe(fields.notes.map(Text::stored)),
        }
    }
}

impl Versioned for Company {
    type Input = CompanyInput;
    type Parent = ();
    type Key = CompanyId;
    type Checked = CompanyFields;
    type Listed = ();

    fn find(conn: &mut PgConnection, id: CompanyId) -> QueryResult<Company> {
        Company::find(conn, id)
    }

    fn stored(&self, _conn: &mut PgConnection) -> QueryResult<CompanyInput> {
        Ok(CompanyInput::stored(self.fields.clone()))
    }

    fn version(&self) -> i32 {
        self.version
    }

    fn check(
        _conn: &mut PgConnection,
        input: CompanyInput,
        _errors: &mut FieldErrors,
    ) -> QueryResult<CompanyFields> {
        Ok(input.into_fields())
    }

    fn write(
        conn: &mut PgConnection,
        target: Target<(), CompanyId>,
        version: Option<i32>,
        fields: CompanyFields,
        _typed: &dyn TypedFields,
        errors: &mut FieldErrors,
    ) -> QueryResult<Written<Company>> {
        let saved = match target {
            Target::Existing(id) => Company::update(conn, id, version, &fields),
            Target::New(()) => Company::insert(conn, &fields).map(SaveOutcome::Saved),
        };
        refused_by(saved, errors, |e| {
            NAME_UNIQUE_INDEXES
                .iter()
                .any(|index| violates(e, index))
                .then(|| {
                    let name = &fields.name;
                    let taken =
                        format!("A company called “{name}” exists already (names ignore case).");
                    ("name", taken)
                })
        })
    }
}
