//! Company pages.

use askama::Template;

use super::sorting::SortHeader;
use super::{Choice, FormState, Layout, Pager};
use crate::domain::{CompanyId, CompanyKind};
use crate::models::{Company, CompanyListItem, PersonListItem};

#[derive(Template)]
#[template(path = "companies/index.html")]
pub struct CompanyIndexPage {
    pub layout: Layout,
    pub companies: Vec<CompanyListItem>,
    pub headers: Vec<SortHeader>,
    pub search: String,
    pub kind: String,
    pub kinds: Vec<Choice>,
    pub pager: Pager,
    pub query: String,
}

impl CompanyIndexPage {
    pub fn header(&self, name: &str) -> &SortHeader {
        SortHeader::find(&self.headers, name)
    }
}

#[derive(Template)]
#[template(path = "companies/show.html")]
pub struct CompanyShowPage {
    pub layout: Layout,
    pub company: Company,
    pub came_from: Vec<PersonListItem>,
    pub hired: Vec<PersonListItem>,
}

#[derive(Template)]
#[template(path = "companies/form.html")]
pub struct CompanyFormPage {
    pub layout: Layout,
    /// The company being edited; `None` on the new-company form.
    pub id: Option<CompanyId>,
    pub form: FormState,
    pub kinds: Vec<Choice>,
    /// After a lost update: (field, as saved by someone else, as typed here).
    pub conflict: Vec<(String, String, String)>,
}

#[derive(Template)]
#[template(path = "companies/delete.html")]
pub struct CompanyDeletePage {
    pub layout: Layout,
    pub company: Company,
    /// People naming this company; while there are any, it cannot be deleted.
    pub people: i64,
}

impl CompanyFormPage {
    pub fn new(layout: Layout, id: Option<CompanyId>, form: FormState) -> Self {
        CompanyFormPage {
            kinds: Choice::all_in::<CompanyKind>(layout.locale),
            layout,
            id,
            form,
            conflict: Vec::new(),
        }
    }
}
