//! A company as forms and CSV files give it.

use rocket::FromForm;

use super::RecordInput;
use crate::domain::{CompanyKind, CountryCode, LongText, Maybe, Text, WebUrl};
use crate::models::CompanyFields;

/// Fields are declared in the CSV's column order, which is also the order a file's errors
/// are listed in.
#[derive(Debug, Clone, PartialEq, FromForm, serde::Serialize, serde::Deserialize)]
pub struct CompanyInput {
    pub name: Text,
    pub kind: CompanyKind,
    pub website: Maybe<WebUrl>,
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
            website: self.website.map(WebUrl::into_inner),
            country: self.country.map(CountryCode::into_inner),
            notes: self.notes.map(Text::into_inner),
        }
    }

    /// A stored company as a form or file would give it.
    pub fn stored(fields: CompanyFields) -> Self {
        CompanyInput {
            name: Text::stored(fields.name),
            kind: fields.kind,
            website: Maybe(fields.website.map(WebUrl::stored)),
            country: Maybe(fields.country.map(CountryCode::stored)),
            notes: Maybe(fields.notes.map(Text::stored)),
        }
    }
}
