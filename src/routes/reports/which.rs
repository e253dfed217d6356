//! The four reports the route serves: each one's address, title, explanation, filters and run.

use crate::domain::{Confidence, PayKind};
use crate::error::AppError;
use crate::reports::{
    GroupBy, PayScale, Report, ReportFilter, compensation, pipeline, talent_flow, timeline,
};
use crate::views::Choice;
use crate::views::reports::SelectFilter;

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum Which {
    TalentFlow,
    Compensation,
    Pipeline,
    Timeline,
}

impl Which {
    pub(crate) const ALL: [Which; 4] = [
        Which::TalentFlow,
        Which::Compensation,
        Which::Pipeline,
        Which::Timeline,
    ];

    pub(crate) fn slug(self) -> &'static str {
        match self {
            Which::TalentFlow => "talent-flow",
            Which::Compensation => "compensation",
            Which::Pipeline => "pipeline",
            Which::Timeline => "timeline",
        }
    }

    pub(crate) fn title(self) -> &'static str {
        match self {
            Which::TalentFlow => "Talent flow",
            Which::Compensation => "Compensation",
            Which::Pipeline => "Pipeline",
            Which::Timeline => "Hiring timeline",
        }
    }

    pub(super) fn explanation(self, currency: &str) -> String {
        let pay = format!(
            "Pay is each person's latest figure by as-of date, annualised (a total divided by its \
             years), at the midpoint of its band, converted to {currency} at the rate of its as-of \
             date or the nearest earlier one."
        );
        let hired = "A hire counts on its decision date, else its start date, else the day the \
                     person was moved to Hired.";
        match self {
            Which::TalentFlow => format!("Hired people from each origin company to each hiring company. {hired} {pay}"),
            Which::Compensation => format!(
                "The spread of annualised pay midpoints per group, percentiles interpolated linearly. \
                 A person counts once per group, with their latest figure in it. Dates filter the \
                 figures' as-of dates. {pay}"
            ),
            Which::Pipeline => "How many people reached each stage (someone who skipped a stage \
                passed it), how many are there now, the share who went on to the next stage, and the \
                median days spent in each stage before moving on, from the stage history. Dates \
                filter the day people entered the tracker."
                .to_owned(),
            Which::Timeline => format!("Hires per period and the annual pay they commit, added up over time. {hired} {pay}"),
        }
    }

    pub(super) fn empty_message(self) -> &'static str {
        match self {
            Which::TalentFlow | Which::Timeline => "No hires match these filters.",
            Which::Compensation => "No pay figures match these filters.",
            Which::Pipeline => "No people match these filters.",
        }
    }

    pub(super) fn selects(self) -> Vec<SelectFilter> {
        match self {
            Which::Compensation => vec![
                SelectFilter {
                    name: "group_by",
                    label: "Group by",
                    choices: GroupBy::ALL
                        .iter()
                        .map(|g| Choice::new(g.as_str(), g.label()))
                        .collect(),
                    blank: "",
                },
                SelectFilter {
                    name: "kind",
                    label: "Kind",
                    choices: Choice::all_of::<PayKind>(),
                    blank: "Any kind",
                },
                SelectFilter {
                    name: "confidence",
                    label: "Confidence",
                    choices: Choice::all_of::<Confidence>(),
                    blank: "Any confidence",
                },
                SelectFilter {
                    name: "scale",
                    label: "Pay scale",
                    choices: PayScale::CHOICES
                        .iter()
                        .map(|(value, label)| Choice::new(*value, *label))
                        .collect(),
                    blank: "Automatic",
                },
            ],
            Which::Timeline => vec![SelectFilter {
                name: "interval",
                label: "Per",
                choices: vec![
                    Choice::new("month", "Month"),
                    Choice::new("quarter", "Quarter"),
                ],
                blank: "",
            }],
            Which::TalentFlow | Which::Pipeline => Vec::new(),
        }
    }

    pub(super) fn run(
        self,
        conn: &mut diesel::PgConnection,
        filter: &ReportFilter,
        currency: &str,
    ) -> Result<Report, AppError> {
        match self {
            Which::TalentFlow => talent_flow::run(conn, filter, currency),
            Which::Compensation => compensation::run(conn, filter, currency),
            Which::Pipeline => pipeline::run(conn, filter),
            Which::Timeline => timeline::run(conn, filter, currency),
        }
    }
}
