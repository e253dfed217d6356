//! Links from a report's numbers to the people list filtered to exactly the people counted
//! (the list's filters in `models/person/counted.rs` read what the reports read).

use chrono::NaiveDate;

use super::ReportFilter;

/// The people list's query for one number of a report; built from the report's own filters and
/// the row's group, never from the text a cell shows.
#[derive(Debug, Clone, Default)]
pub struct PeopleLink(Vec<(&'static str, String)>);

impl PeopleLink {
    /// The report's company filters, which every number of it keeps.
    pub fn companies(filter: &ReportFilter) -> Self {
        let mut link = PeopleLink::default();
        link.set_opt("origin_company", filter.origin_company.clone());
        link.set_opt("hiring_company", filter.hiring_company.clone());
        link
    }

    pub fn with(mut self, key: &'static str, value: impl Into<String>) -> Self {
        self.set(key, value.into());
        self
    }

    pub fn with_date(mut self, key: &'static str, value: Option<NaiveDate>) -> Self {
        self.set_opt(key, value.map(|d| d.to_string()));
        self
    }

    /// A company group: the company by name, or none recorded.
    pub fn company(self, key: &'static str, name: Option<&str>) -> Self {
        match name {
            Some(name) => self.with(key, name),
            None => self.without(key),
        }
    }

    /// Only people with nothing recorded for `what` (origin_company, hiring_company, title).
    pub fn without(mut self, what: &'static str) -> Self {
        match self.0.iter_mut().find(|(k, _)| *k == "without") {
            Some((_, value)) => {
                value.push(',');
                value.push_str(what);
            }
            None => self.0.push(("without", what.to_owned())),
        }
        self.0.retain(|(k, _)| *k != what);
        self
    }

    fn set_opt(&mut self, key: &'static str, value: Option<String>) {
        if let Some(value) = value {
            self.set(key, value);
        }
    }

    fn set(&mut self, key: &'static str, value: String) {
        self.0.retain(|(k, _)| *k != key);
        self.0.push((key, value));
    }

    pub fn href(&self) -> String {
        let query = url::form_urlencoded::Serializer::new(String::new())
            .extend_pairs(self.0.iter().map(|(k, v)| (*k, v.as_str())))
            .finish();
        format!("/people?{query}")
    }
}
