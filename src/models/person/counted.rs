//! The people list's filters that pick exactly the people behind a report's number: hired or
//! entered between two dates, got at least as far as a stage, has a pay figure the reports
//! count. They read the same kept tables the reports read (`person_fact`, `pay_figure`,
//! migration `report_figures`), so the list and the report cannot count differently.

use chrono::NaiveDate;

use crate::domain::{Confidence, PayKind, Stage};

/// A date window; either end may be open.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub struct DateRange {
    pub from: Option<NaiveDate>,
    pub to: Option<NaiveDate>,
}

impl DateRange {
    pub fn is_open(&self) -> bool {
        self.from.is_none() && self.to.is_none()
    }

    /// Conditions on `column`. Dates are parsed values written as ISO literals: nothing typed
    /// reaches the SQL text.
    fn sql(&self, column: &str) -> Vec<String> {
        let mut found = Vec::new();
        if let Some(from) = self.from {
            found.push(format!("{column} >= DATE '{from}'"));
        }
        if let Some(to) = self.to {
            found.push(format!("{column} <= DATE '{to}'"));
        }
        found
    }
}

/// People whose latest pay figure among those of this kind, confidence and as-of window has a
/// value in the reporting currency: whom the compensation report counts, and the hires reports'
/// "with pay".
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub struct PayFilter {
    pub kind: Option<PayKind>,
    pub confidence: Option<Confidence>,
    pub as_of: DateRange,
}

impl PayFilter {
    fn sql(&self) -> String {
        let keep = |f: &str| {
            let mut keep = Vec::new();
            if let Some(kind) = self.kind {
                keep.push(format!("{f}.kind = '{}'", kind.as_str()));
            }
            if let Some(confidence) = self.confidence {
                keep.push(format!("{f}.confidence = '{}'", confidence.as_str()));
            }
            keep.extend(self.as_of.sql(&format!("{f}.as_of")));
            keep.into_iter()
                .map(|c| format!(" AND {c}"))
                .collect::<String>()
        };
        // As the compensation report picks: a kept flag names the latest figure of each choice;
        // within a date window no flag does, so a later figure in the window is looked for.
        let latest = if self.as_of.is_open() {
            match (self.kind.is_some(), self.confidence.is_some()) {
                (false, false) => " AND f.latest".to_owned(),
                (true, false) => " AND f.latest_of_kind".to_owned(),
                (false, true) => " AND f.latest_of_confidence".to_owned(),
                (true, true) => " AND f.latest_of_both".to_owned(),
            }
        } else {
            format!(
                " AND NOT EXISTS (SELECT 1 FROM pay_figure g WHERE g.person_id = f.person_id{} \
                 AND (g.as_of, g.pay_report_id) > (f.as_of, f.pay_report_id))",
                keep("g")
            )
        };
        format!(
            "EXISTS (SELECT 1 FROM pay_figure f WHERE f.person_id = person.id \
             AND f.value IS NOT NULL{}{latest})",
            keep("f")
        )
    }
}

/// What a report counted, beyond the list's own name, company and stage filters.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct CountedFilter {
    pub without_origin_company: bool,
    pub without_hiring_company: bool,
    /// The title exactly (the compensation report groups by it).
    pub title: Option<String>,
    pub without_title: bool,
    /// Hired, on a hire day (decision, else start, else moved to Hired) in this window.
    pub hired: Option<DateRange>,
    /// Entered the tracker (their first stage change) in this window.
    pub entered: Option<DateRange>,
    /// Got at least as far as this funnel stage (passing it counts), or ended in this way out.
    pub reached: Option<Stage>,
    pub pay: Option<PayFilter>,
}

impl CountedFilter {
    /// The conditions over `person` (and the kept tables) as SQL, from parsed values only.
    pub fn sql(&self) -> Vec<String> {
        let mut fact = Vec::new();
        if let Some(hired) = &self.hired {
            fact.push("pf.stage = 'hired'".to_owned());
            fact.extend(hired.sql("pf.hired_on"));
        }
        if let Some(entered) = &self.entered {
            fact.extend(entered.sql("pf.entered_on"));
        }
        if let Some(stage) = self.reached {
            fact.push(reached_sql(stage));
        }
        let mut found = Vec::new();
        if !fact.is_empty() {
            found.push(format!(
                "EXISTS (SELECT 1 FROM person_fact pf WHERE pf.person_id = person.id AND {})",
                fact.join(" AND ")
            ));
        }
        if let Some(pay) = &self.pay {
            found.push(pay.sql());
        }
        found
    }
}

/// As the pipeline report counts "reached": with each stage a bit in pipeline order (the
/// database's `r.stage_bit`, which the kept `entered` holds), a funnel stage was reached by
/// everyone whose furthest funnel stage is it or a later one.
fn reached_sql(stage: Stage) -> String {
    let bit = |s: &Stage| format!("r.stage_bit('{}')", s.as_str());
    if stage.in_funnel() {
        let funnel: Vec<String> = Stage::ALL
            .iter()
            .filter(|s| s.in_funnel())
            .map(bit)
            .collect();
        format!("(pf.entered & ({})) >= {}", funnel.join(" | "), bit(&stage))
    } else {
        format!("(pf.entered & {}) <> 0", bit(&stage))
    }
}
