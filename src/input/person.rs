//! A person as forms and CSV files give them: companies by name.

use rocket::FromForm;

use super::{RecordInput, TypedFields};
use crate::domain::{CompanyId, Date, LongText, Maybe, Stage, Text, Zone, rules};
use crate::models::PersonFields;

/// Fields are declared in the CSV's column order, which is also the order a file's errors
/// are listed in.
#[derive(Debug, Clone, PartialEq, FromForm, serde::Serialize, serde::Deserialize)]
pub struct PersonInput {
    pub full_name: Text,
    pub title: Maybe<Text>,
    pub expertise: Maybe<Text>,
    pub origin_company: Maybe<Text>,
    pub hiring_company: Maybe<Text>,
    pub team: Maybe<Text>,
    pub stage: Stage,
    pub first_contact_on: Maybe<Date>,
    pub offer_on: Maybe<Date>,
    pub decided_on: Maybe<Date>,
    pub start_on: Maybe<Date>,
    pub location: Maybe<Text>,
    pub notes: Maybe<LongText>,
    pub job_family: Maybe<Text>,
    pub level: Maybe<Text<50>>,
    pub zone: Maybe<Zone>,
    pub range_disclosed_on: Maybe<Date>,
}

impl RecordInput for PersonInput {
    const COLUMNS: &'static [&'static str] = &[
        "full_name",
        "title",
        "expertise",
        "origin_company",
        "hiring_company",
        "team",
        "stage",
        "first_contact_on",
        "offer_on",
        "decided_on",
        "start_on",
        "location",
        "notes",
        "job_family",
        "level",
        "zone",
        "range_disclosed_on",
    ];
    const REQUIRED: &'static [&'static str] = &["full_name", "stage"];

    fn rules(typed: &dyn TypedFields) -> Vec<rules::Broken> {
        // A date that does not parse already has its own error; the order skips it.
        let dates = rules::PIPELINE_DATES.map(|field| Date::parse(typed.value(field)).ok());
        rules::dates_in_order(dates)
    }
}

impl PersonInput {
    /// The companies named, with the field that names each.
    pub fn companies(&self) -> [(&'static str, Option<&str>); 2] {
        fn name(company: &Maybe<Text>) -> Option<&str> {
            company.0.as_ref().map(Text::as_str)
        }
        [
            ("origin_company", name(&self.origin_company)),
            ("hiring_company", name(&self.hiring_company)),
        ]
    }

    /// What the model writes, with the named companies' ids.
    pub fn into_fields(
        self,
        origin_company_id: Option<CompanyId>,
        hiring_company_id: Option<CompanyId>,
    ) -> PersonFields {
        PersonFields {
            full_name: self.full_name.into_inner(),
            title: self.title.map(Text::into_inner),
            expertise: self.expertise.map(Text::into_inner),
            origin_company_id,
            hiring_company_id,
            team: self.team.map(Text::into_inner),
            stage: self.stage,
            first_contact_on: self.first_contact_on.map(Date::into_inner),
            offer_on: self.offer_on.map(Date::into_inner),
            decided_on: self.decided_on.map(Date::into_inner),
            start_on: self.start_on.map(Date::into_inner),
            location: self.location.map(Text::into_inner),
            notes: self.notes.map(Text::into_inner),
            job_family: self.job_family.map(Text::into_inner),
            level: self.level.map(Text::into_inner),
            zone: self.zone.map(Zone::into_inner),
            range_disclosed_on: self.range_disclosed_on.map(Date::into_inner),
        }
    }

    /// A stored person as a form or file would give them, companies by name.
    pub fn stored(fields: PersonFields, origin: Option<String>, hiring: Option<String>) -> Self {
        let text = |value: Option<String>| Maybe(value.map(Text::stored));
        let date = |value| Maybe(Option::map(value, Date::stored));
        PersonInput {
            full_name: Text::stored(fields.full_name),
            title: text(fields.title),
            expertise: text(fields.expertise),
            origin_company: text(origin),
            hiring_company: text(hiring),
            team: text(fields.team),
            stage: fields.stage,
            first_contact_on: date(fields.first_contact_on),
            offer_on: date(fields.offer_on),
            decided_on: date(fields.decided_on),
            start_on: date(fields.start_on),
            location: text(fields.location),
            notes: Maybe(fields.notes.map(Text::stored)),
            job_family: text(fields.job_family),
            level: Maybe(fields.level.map(Text::stored)),
            zone: Maybe(fields.zone.map(Zone::stored)),
            range_disclosed_on: date(fields.range_disclosed_on),
        }
    }
}
