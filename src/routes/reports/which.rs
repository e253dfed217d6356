//! The four reports the route serves: each one's address, title, explanation, filters and run.

use crate::domain::{Confidence, PayKind};
use crate::error::AppError;
use crate::i18n::{Lang, Locale, Msg};
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

    /// The title in the reader's language.
    pub(super) fn title_in(self, lang: Lang) -> String {
        let key = match self {
            Which::TalentFlow => "report-talent-flow-title",
            Which::Compensation => "report-compensation-title",
            Which::Pipeline => "report-pipeline-title",
            Which::Timeline => "report-timeline-title",
        };
        Msg::new(key).text(lang)
    }

    pub(super) fn explanation(self, currency: &str, lang: Lang) -> String {
        let pay = || {
            Msg::new("report-explain-pay")
                .arg("currency", currency)
                .text(lang)
        };
        let hired = || Msg::new("report-explain-hired").text(lang);
        match self {
            Which::TalentFlow => Msg::new("report-explain-talent-flow")
                .arg("hired", hired())
                .arg("pay", pay()),
            Which::Compensation => Msg::new("report-explain-compensation").arg("pay", pay()),
            Which::Pipeline => Msg::new("report-explain-pipeline"),
            Which::Timeline => Msg::new("report-explain-timeline")
                .arg("hired", hired())
                .arg("pay", pay()),
        }
        .text(lang)
    }

    pub(super) fn empty_message(self, lang: Lang) -> String {
        let key = match self {
            Which::TalentFlow | Which::Timeline => "report-empty-hires",
            Which::Compensation => "report-empty-pay",
            Which::Pipeline => "report-empty-people",
        };
        Msg::new(key).text(lang)
    }

    pub(super) fn selects(self, locale: Locale) -> Vec<SelectFilter> {
        let t = |key: &str| locale.t(key);
        match self {
            Which::Compensation => vec![
                SelectFilter {
                    name: "group_by",
                    label: t("report-group-by"),
                    choices: GroupBy::ALL
                        .iter()
                        .map(|g| Choice::new(g.as_str(), g.label_in(locale.lang)))
                        .collect(),
                    blank: String::new(),
                },
                SelectFilter {
                    name: "kind",
                    label: t("pay-field-kind"),
                    choices: Choice::all_in::<PayKind>(locale),
                    blank: t("report-any-kind"),
                },
                SelectFilter {
                    name: "confidence",
                    label: t("pay-field-confidence"),
                    choices: Choice::all_in::<Confidence>(locale),
                    blank: t("report-any-confidence"),
                },
                SelectFilter {
                    name: "scale",
                    label: t("report-pay-scale"),
                    choices: PayScale::CHOICES
                        .iter()
                        .map(|(value, key)| Choice::new(*value, t(key)))
                        .collect(),
                    blank: t("report-scale-automatic"),
                },
            ],
            Which::Timeline => vec![SelectFilter {
                name: "interval",
                label: t("report-per"),
                choices: vec![
                    Choice::new("month", t("report-month")),
                    Choice::new("quarter", t("report-quarter")),
                ],
                blank: String::new(),
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
