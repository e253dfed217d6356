//! The filters every report takes from its query string, checked before any query runs.

use chrono::NaiveDate;
use rocket::FromForm;

use crate::domain::{ChoiceName, Confidence, Date, DateError, PayKind};
use crate::i18n::{self, Lang, Msg};

/// The query string as typed. Everything is text here so that a wrong value can be named in
/// the answer instead of silently ignored.
#[derive(Debug, Default, Clone, FromForm)]
pub struct ReportParams {
    pub from: Option<String>,
    pub to: Option<String>,
    pub origin_company: Option<String>,
    pub hiring_company: Option<String>,
    pub group_by: Option<String>,
    pub kind: Option<String>,
    pub confidence: Option<String>,
    pub interval: Option<String>,
    pub scale: Option<String>,
}

/// What the compensation report groups by.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub enum GroupBy {
    #[default]
    OriginCompany,
    HiringCompany,
    Title,
    Kind,
    Confidence,
}

impl GroupBy {
    pub const ALL: [GroupBy; 5] = [
        GroupBy::OriginCompany,
        GroupBy::HiringCompany,
        GroupBy::Title,
        GroupBy::Kind,
        GroupBy::Confidence,
    ];

    /// What the kept counts (`pay_value_count`) call the group of every person's latest
    /// figure; each other group is named as `as_str` names it.
    pub const EVERY_FIGURE: &'static str = "all";

    /// The name in the query string (`group_by=`) and in the kept counts. Its home is here; the
    /// database's `r.pay_count_keys` (src/db/sql/figure_counts.sql) keeps a copy for the
    /// triggers, held to these by tests/app/rule_homes/report_groups.rs.
    pub fn as_str(self) -> &'static str {
        match self {
            GroupBy::OriginCompany => "origin_company",
            GroupBy::HiringCompany => "hiring_company",
            GroupBy::Title => "title",
            GroupBy::Kind => "kind",
            GroupBy::Confidence => "confidence",
        }
    }

    pub fn label(self) -> &'static str {
        match self {
            GroupBy::OriginCompany => "Origin company",
            GroupBy::HiringCompany => "Hiring company",
            GroupBy::Title => "Title",
            GroupBy::Kind => "Kind of figure",
            GroupBy::Confidence => "Confidence",
        }
    }

    /// The label in a reader's language.
    pub fn label_in(self, lang: Lang) -> String {
        let key = match self {
            GroupBy::OriginCompany => "report-origin-company",
            GroupBy::HiringCompany => "report-hiring-company",
            GroupBy::Title => "report-group-title",
            GroupBy::Kind => "report-group-kind",
            GroupBy::Confidence => "pay-field-confidence",
        };
        Msg::new(key).text(lang)
    }
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub enum Interval {
    #[default]
    Month,
    Quarter,
}

impl Interval {
    pub fn as_str(self) -> &'static str {
        match self {
            Interval::Month => "month",
            Interval::Quarter => "quarter",
        }
    }

    /// The step between periods, as a PostgreSQL interval.
    pub fn step(self) -> &'static str {
        match self {
            Interval::Month => "1 month",
            Interval::Quarter => "3 months",
        }
    }
}

/// The compensation chart's pay axis: logarithmic when the figures span more than two orders
/// of magnitude, unless a scale is chosen.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub enum PayScale {
    #[default]
    Auto,
    Linear,
    Log,
}

impl PayScale {
    /// The stored value and its label's catalogue key.
    pub const CHOICES: [(&'static str, &'static str); 2] = [
        ("linear", "report-scale-linear"),
        ("log", "report-scale-log"),
    ];
}

/// The filters, parsed; company names still to be resolved against the database.
#[derive(Debug, Clone, Default)]
pub struct ReportFilter {
    pub from: Option<NaiveDate>,
    pub to: Option<NaiveDate>,
    pub origin_company: Option<String>,
    pub hiring_company: Option<String>,
    pub origin_company_id: Option<crate::domain::CompanyId>,
    pub hiring_company_id: Option<crate::domain::CompanyId>,
    pub group_by: GroupBy,
    pub kind: Option<PayKind>,
    pub confidence: Option<Confidence>,
    pub interval: Interval,
    pub scale: PayScale,
}

fn given(value: &Option<String>) -> Option<&str> {
    value.as_deref().map(str::trim).filter(|v| !v.is_empty())
}

fn choice<T: ChoiceName>(
    value: &Option<String>,
    what: &'static str,
    lang: Lang,
    problems: &mut Vec<Msg>,
) -> Option<T> {
    let name = given(value)?;
    let found = T::all().iter().copied().find(|c| c.as_str() == name);
    if found.is_none() {
        let names: Vec<&str> = T::all().iter().map(|c| c.as_str()).collect();
        problems.push(
            Msg::new("report-filter-no-choice")
                .arg("what", Msg::new(what).text(lang))
                .arg("name", name)
                .arg("names", names.join(", ")),
        );
    }
    found
}

impl ReportParams {
    /// As `parse_in`, in English: the API and the command line.
    pub fn parse(&self) -> Result<ReportFilter, Vec<String>> {
        self.parse_in(Lang::En)
    }

    /// Every problem with the query string at once, so one answer tells the user all of them,
    /// in `lang`; dates are read as a user of `lang` types them (`01.07.2026` in German), ISO
    /// always.
    pub fn parse_in(&self, lang: Lang) -> Result<ReportFilter, Vec<String>> {
        let mut problems: Vec<Msg> = Vec::new();
        let field = |key: &'static str| Msg::new(key).text(lang);
        let mut date = |value: &Option<String>, key: &'static str| {
            given(value).and_then(|raw| match i18n::input::reading(lang, || Date::read(raw)) {
                Ok(date) => Some(date.into_inner()),
                Err(DateError::NotADate) => {
                    let example = NaiveDate::from_ymd_opt(2026, 7, 1).unwrap_or_default();
                    problems.push(
                        Msg::new("report-filter-not-a-date")
                            .arg("name", field(key))
                            .arg("example", i18n::format_date(lang, example)),
                    );
                    None
                }
                Err(out_of_range) => {
                    problems.push(
                        Msg::new("report-filter-out-of-range")
                            .arg("name", field(key))
                            .arg("why", out_of_range.message().text(lang)),
                    );
                    None
                }
            })
        };
        let (from, to) = (
            date(&self.from, "report-field-from"),
            date(&self.to, "report-field-to"),
        );
        if let (Some(from), Some(to)) = (from, to)
            && from > to
        {
            problems.push(
                Msg::new("report-filter-from-after-to")
                    .arg("from", i18n::format_date(lang, from))
                    .arg("to", i18n::format_date(lang, to)),
            );
        }
        let group_by = match given(&self.group_by) {
            None => GroupBy::default(),
            Some(name) => GroupBy::ALL
                .into_iter()
                .find(|g| g.as_str() == name)
                .unwrap_or_else(|| {
                    problems.push(Msg::new("report-filter-group-by").arg("name", name));
                    GroupBy::default()
                }),
        };
        let interval = match given(&self.interval) {
            None | Some("month") => Interval::Month,
            Some("quarter") => Interval::Quarter,
            Some(other) => {
                problems.push(Msg::new("report-filter-interval").arg("name", other));
                Interval::Month
            }
        };
        let scale = match given(&self.scale) {
            None | Some("auto") => PayScale::Auto,
            Some("linear") => PayScale::Linear,
            Some("log") => PayScale::Log,
            Some(other) => {
                problems.push(Msg::new("report-filter-scale").arg("name", other));
                PayScale::Auto
            }
        };
        let kind = choice::<PayKind>(&self.kind, "report-what-kind", lang, &mut problems);
        let confidence = choice::<Confidence>(
            &self.confidence,
            "report-what-confidence",
            lang,
            &mut problems,
        );
        if !problems.is_empty() {
            return Err(problems.iter().map(|m| m.text(lang)).collect());
        }
        Ok(ReportFilter {
            from,
            to,
            origin_company: given(&self.origin_company).map(str::to_owned),
            hiring_company: given(&self.hiring_company).map(str::to_owned),
            origin_company_id: None,
            hiring_company_id: None,
            group_by,
            kind,
            confidence,
            interval,
            scale,
        })
    }
}
