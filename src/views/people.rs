//! People pages.

use askama::Template;

use super::form::field_text;
use super::pay_reports::PayReportRow;
use super::{Choice, FormState, Layout};
use crate::domain::Stage;
use crate::models::{Person, PersonListItem, StageChange};

#[derive(Template)]
#[template(path = "people/index.html")]
pub struct PersonIndexPage {
    pub layout: Layout,
    pub people: Vec<PersonListItem>,
    /// The filters as the user set them, to show them again.
    pub filters: FormState,
    pub companies: Vec<Choice>,
    pub stages: Vec<Choice>,
    pub sorts: Vec<Choice>,
    pub pager: PeoplePager,
    pub query: String,
}

/// The people list's pages: counted exactly up to `COUNT_LIMIT` matches, and linked by
/// keyset cursors so every page is as quick as the first.
pub struct PeoplePager {
    pub page: i64,
    /// `None` when more than `COUNT_LIMIT` people match.
    pub total: Option<i64>,
    pub pages: Option<i64>,
    /// The query parameters of the previous and next pages.
    pub previous: Option<String>,
    pub next: Option<String>,
}

impl PeoplePager {
    /// Counting a million matches costs more than showing a page of them, so the count stops
    /// here and the list says "more than".
    pub const COUNT_LIMIT: i64 = 1_000;
}

#[derive(Template)]
#[template(path = "people/show.html")]
pub struct PersonShowPage {
    pub layout: Layout,
    pub person: Person,
    pub origin_company: Option<(i64, String)>,
    pub hiring_company: Option<(i64, String)>,
    pub history: Vec<StageChange>,
    pub pay_reports: Vec<PayReportRow>,
    /// The person's audit history (and their pay reports' for those who see pay).
    pub entries: Vec<crate::views::audit::AuditRow>,
}

#[derive(Template)]
#[template(path = "people/form.html")]
pub struct PersonFormPage {
    pub layout: Layout,
    /// The person being edited; `None` on the new-person form.
    pub id: Option<i64>,
    pub form: FormState,
    pub companies: Vec<Choice>,
    pub stages: Vec<Choice>,
    /// After a lost update: (field, as saved by someone else, as typed here).
    pub conflict: Vec<(String, String, String)>,
}

#[derive(Template)]
#[template(path = "people/erase.html")]
pub struct PersonErasePage {
    pub layout: Layout,
    pub person: Person,
}

#[derive(Template)]
#[template(path = "people/delete.html")]
pub struct PersonDeletePage {
    pub layout: Layout,
    pub person: Person,
    pub pay_reports: usize,
}

/// Company names as select options; the form sends the name, as CSV files do.
pub fn company_choices(names: Vec<String>) -> Vec<Choice> {
    names
        .into_iter()
        .map(|name| Choice::new(name.clone(), name))
        .collect()
}

pub fn sort_choices() -> Vec<Choice> {
    [
        ("name", "Name"),
        ("stage", "Stage"),
        ("origin_company", "Origin company"),
        ("hiring_company", "Hiring company"),
        ("start", "Start date"),
        ("updated", "Last updated"),
    ]
    .into_iter()
    .map(|(value, label)| Choice::new(value, label))
    .collect()
}

impl PersonFormPage {
    pub fn new(
        layout: Layout,
        id: Option<i64>,
        form: FormState,
        company_names: Vec<String>,
    ) -> Self {
        PersonFormPage {
            layout,
            id,
            form,
            companies: company_choices(company_names),
            stages: Choice::all_of::<Stage>(),
            conflict: Vec::new(),
        }
    }

    pub fn values_of(person: &Person, origin: Option<String>, hiring: Option<String>) -> FormState {
        FormState::with_values([
            ("full_name", person.full_name.clone()),
            ("title", field_text(&person.title)),
            ("expertise", field_text(&person.expertise)),
            ("origin_company", origin.unwrap_or_default()),
            ("hiring_company", hiring.unwrap_or_default()),
            ("team", field_text(&person.team)),
            ("stage", person.stage.as_str().to_owned()),
            ("first_contact_on", field_text(&person.first_contact_on)),
            ("offer_on", field_text(&person.offer_on)),
            ("decided_on", field_text(&person.decided_on)),
            ("start_on", field_text(&person.start_on)),
            ("location", field_text(&person.location)),
            ("notes", field_text(&person.notes)),
            ("version", person.version.to_string()),
        ])
    }
}
