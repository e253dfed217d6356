//! People pages.

use askama::Template;

use super::pay_reports::PayReportRow;
use super::{Choice, FormState, Layout};
use crate::domain::{CompanyId, PersonId, Stage};
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
    /// A page number past `JUMP_LIMIT` was typed and this is `JUMP_LIMIT` instead.
    pub capped: bool,
}

impl PeoplePager {
    /// Counting a million matches costs more than showing a page of them, so the count stops
    /// here and the list says "more than".
    pub const COUNT_LIMIT: i64 = 1_000;
    /// The furthest page a typed page number reaches: as far as the count goes. Further pages
    /// are reached by their "Next" links, whose cursors cost what page 1 does.
    pub const JUMP_LIMIT: i64 = Self::COUNT_LIMIT / super::Pager::PER_PAGE;
}

#[derive(Template)]
#[template(path = "people/show.html")]
pub struct PersonShowPage {
    pub layout: Layout,
    pub person: Person,
    pub origin_company: Option<(CompanyId, String)>,
    pub hiring_company: Option<(CompanyId, String)>,
    pub history: Vec<StageChange>,
    pub pay_reports: Vec<PayReportRow>,
    /// The person's offers checked against their bands (empty for those who see no pay).
    pub offers: Vec<super::offers::OfferView>,
    /// The person's audit history (and their pay reports' for those who see pay).
    pub entries: Vec<crate::views::audit::AuditRow>,
}

#[derive(Template)]
#[template(path = "people/form.html")]
pub struct PersonFormPage {
    pub layout: Layout,
    /// The person being edited; `None` on the new-person form.
    pub id: Option<PersonId>,
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

impl PersonFormPage {
    pub fn new(
        layout: Layout,
        id: Option<PersonId>,
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
}
