//! The filters every report takes from its query string, checked before any query runs.

use chrono::NaiveDate;
use rocket::FromForm;

use crate::domain::{ChoiceName, Confidence, Date, DateError, PayKind};

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
    pub const CHOICES: [(&'static str, &'static str); 2] =
        [("linear", "Linear"), ("log", "Logarithmic")];
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
    what: &str,
    problems: &mut Vec<String>,
) -> Option<T> {
    let name = given(value)?;
    let found = T::all().iter().copied().find(|c| c.as_str() == name);
    if found.is_none() {
        let names: Vec<&str> = T::all().iter().map(|c| c.as_str()).collect();
        problems.push(format!(
            "There is no {what} “{name}”: choose one of {}.",
            names.join(", ")
        ));
    }
    found
}

impl ReportParams {
    /// Every problem with the query string at once, so one answer tells the user all of them.
    pub fn parse(&self) -> Result<ReportFilter, Vec<String>> {
        let mut problems = Vec::new();
        let mut date = |value: &Option<String>, name: &str| {
            given(value).and_then(|raw| match Date::read(raw) {
                Ok(date) => Some(date.into_inner()),
                Err(DateError::NotADate) => {
                    problems.push(format!("“{name}” is not a real date: use YYYY-MM-DD."));
                    None
                }
                Err(out_of_range) => {
                    problems.push(format!("“{name}”: {}", out_of_range.message()));
                    None
                }
            })
        };
        let (from, to) = (date(&self.from, "from"), date(&self.to, "to"));
        if let (Some(from), Some(to)) = (from, to)
            && from > to
        {
            problems.push(format!("“from” ({from}) is after “to” ({to})."));
        }
        let group_by = match given(&self.group_by) {
            None => GroupBy::default(),
            Some(name) => GroupBy::ALL.into_iter().find(|g| g.as_str() == name).unwrap_or_else(|| {
                problems.push(format!(
                    "Reports cannot be grouped by “{name}”: choose one of origin_company, hiring_company, title, kind, confidence."
                ));
                GroupBy::default()
            }),
        };
        let interval = match given(&self.interval) {
            None | Some("month") => Interval::Month,
            Some("quarter") => Interval::Quarter,
            Some(other) => {
                problems.push(format!(
                    "“{other}” is not an interval: choose month or quarter."
                ));
                Interval::Month
            }
        };
        let scale = match given(&self.scale) {
            None | Some("auto") => PayScale::Auto,
            Some("linear") => PayScale::Linear,
            Some("log") => PayScale::Log,
            Some(other) => {
                problems.push(format!("“{other}” is not a scale: choose linear or log."));
                PayScale::Auto
            }
        };
        let kind = choice::<PayKind>(&self.kind, "kind of pay figure", &mut problems);
        let confidence = choice::<Confidence>(&self.confidence, "confidence", &mut problems);
        if !problems.is_empty() {
            return Err(problems);
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
