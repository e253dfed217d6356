//! People pages.

use askama::Template;

pub use super::person_notes::{FileWords, NoteWords};

use super::pay_reports::PayReportRow;
use super::sorting::SortHeader;
use super::{Choice, FormState, Layout};
use crate::domain::ChoiceName;
use crate::domain::{CompanyId, PersonId, Stage};
use crate::i18n::{Lang, Locale};
use crate::models::{LikelyDuplicate, Person, PersonListItem, PersonSort, StageChange};

#[derive(Template)]
#[template(path = "people/index.html")]
pub struct PersonIndexPage {
    pub layout: Layout,
    pub people: Vec<PersonListItem>,
    /// The filters as the user set them, to show them again.
    pub filters: FormState,
    pub companies: Vec<Choice>,
    pub stages: Vec<Choice>,
    pub pay_kinds: Vec<Choice>,
    pub confidences: Vec<Choice>,
    /// Filters a report's link set that the form has no field for: kept as hidden fields.
    pub carried: Vec<CarriedFilter>,
    pub headers: Vec<SortHeader>,
    pub pager: PeoplePager,
    pub query: String,
    /// Why the filters as typed cannot be used (the list is then empty).
    pub problems: Vec<String>,
}

impl PersonIndexPage {
    /// The form's own filters, of which one set opens the fold they sit in.
    const FILTER_FIELDS: [&str; 11] = [
        "q",
        "origin_company",
        "hiring_company",
        "stage",
        "job_family",
        "level",
        "zone",
        "hired_from",
        "hired_to",
        "pay_kind",
        "pay_confidence",
    ];

    /// How many of the form's filters are set: the fold's button says so, and starts open
    /// when any is, so what narrows the list stays in view.
    pub fn filters_set(&self) -> usize {
        Self::FILTER_FIELDS
            .iter()
            .filter(|f| !self.filters.value(f).is_empty())
            .count()
    }

    pub fn header(&self, sort: PersonSort) -> &SortHeader {
        SortHeader::find(&self.headers, sort.as_str())
    }

    /// The extra column the list shows while sorted by a value it does not otherwise show.
    pub fn sorted_column(&self) -> Option<&SortHeader> {
        self.headers
            .iter()
            .find(|h| h.current.is_some() && matches!(h.name, "start" | "updated"))
    }
}

/// A filter set by a report's link that has no field in the list's form.
pub struct CarriedFilter {
    pub name: &'static str,
    pub value: String,
    /// What it keeps, in words.
    pub words: String,
}

/// The filters among the list's parameters that a page has no field for (`fields` names those
/// it has), with what each keeps in words.
pub fn carried_filters(
    shown: &[(&'static str, String)],
    fields: &[&str],
    locale: Locale,
) -> Vec<CarriedFilter> {
    shown
        .iter()
        .filter(|(name, value)| !value.trim().is_empty() && !fields.contains(name))
        .filter_map(|(name, value)| {
            let key = match *name {
                "hired_from" => "people-carried-hired-from",
                "hired_to" => "people-carried-hired-to",
                "pay_kind" => "people-carried-pay-kind",
                "pay_confidence" => "people-carried-pay-confidence",
                "entered_from" => "people-carried-entered-from",
                "entered_to" => "people-carried-entered-to",
                "reached" => "people-carried-reached",
                "title" => "people-carried-title",
                "without" => "people-carried-without",
                "with_pay" => "people-carried-with-pay",
                "pay_from" => "people-carried-pay-from",
                "pay_to" => "people-carried-pay-to",
                _ => return None,
            };
            let shown_value = match *name {
                "reached" => Stage::parse(value).map_or(value.clone(), |s| s.label_in(locale.lang)),
                "without" => value.replace('_', " ").replace(',', ", no "),
                _ => value.clone(),
            };
            Some(CarriedFilter {
                name,
                value: value.clone(),
                words: locale.t1(key, "value", shown_value),
            })
        })
        .collect()
}

/// The people list's pages: counted exactly up to `COUNT_LIMIT` matches, and linked by
/// keyset cursors so every page is as quick as the first.
#[derive(Default)]
pub struct PeoplePager {
    pub page: i64,
    /// `None` when more than `COUNT_LIMIT` people match.
    pub total: Option<i64>,
    /// What the page says about the list's size.
    pub count: ListCount,
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
    /// Whom the person form's rule finds for this person (empty for those who do not edit).
    pub possible_duplicates: Vec<super::duplicates::PossibleDuplicate>,
    /// The merges into this person that stand (empty for those who cannot undo them).
    pub merges: Vec<crate::models::MergeListItem>,
    /// Pay reports those merges brought that repeat one of the survivor's (for editors).
    pub identical: Vec<crate::models::person_merge::IdenticalReports>,
    /// The notes on this person, oldest first, and their files, newest first.
    pub notes: Vec<crate::models::ThreadNote>,
    pub files: Vec<crate::models::ListedFile>,
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
    /// Stored people this one may duplicate: the form asks before saving.
    pub duplicates: Vec<LikelyDuplicate>,
    /// The job families and levels the pay bands use, suggested (a new one may be typed).
    pub families: Vec<String>,
    pub levels: Vec<String>,
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
        (families, levels): (Vec<String>, Vec<String>),
    ) -> Self {
        PersonFormPage {
            stages: Choice::all_in::<Stage>(layout.locale),
            layout,
            id,
            form,
            companies: company_choices(company_names),
            conflict: Vec::new(),
            duplicates: Vec::new(),
            families,
            levels,
        }
    }
}

/// How many people the list holds, as it says it.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum ListCount {
    /// Counted, or read from the kept counts.
    Exact(i64),
    /// The planner's estimate: more match than the list counts, and no kept count answers.
    About(i64),
    /// More than this many, with no estimate to give.
    MoreThan(i64),
}

impl Default for ListCount {
    fn default() -> Self {
        ListCount::Exact(0)
    }
}
