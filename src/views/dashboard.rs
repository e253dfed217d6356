//! The dashboard page.

use askama::Template;

use super::Layout;
use super::pay_reports::PayReportRow;
use crate::domain::{Stage, format_compact};
use crate::i18n::Lang;
use crate::models::{PersonListItem, RankedPayReport};

#[derive(Template)]
#[template(path = "dashboard.html")]
pub struct DashboardPage {
    pub layout: Layout,
    pub total: i64,
    pub stages: Vec<StageCount>,
    pub latest_hires: Vec<PersonListItem>,
    pub largest: LargestPackages,
    /// Demo data is left and an admin is looking: offer to remove it.
    pub has_demo: bool,
    /// Offers waiting for a decision, counted for those who make it (compensation, admins).
    pub waiting: Option<i64>,
}

/// The largest packages in the reporting currency, and after them those without a rate.
pub struct LargestPackages {
    pub currency: String,
    /// Whose package it is, and the package: largest first.
    pub ranked: Vec<(String, PayReportRow)>,
    /// Figures no rate converts, which therefore cannot be ranked: newest first.
    pub no_rate: Vec<(String, PayReportRow)>,
    /// The largest, shortened for the summary line: "$1.2M".
    pub top: Option<String>,
}

impl LargestPackages {
    pub fn new(currency: String, packages: Vec<RankedPayReport>, lang: Lang) -> Self {
        let top = packages
            .first()
            .and_then(|p| p.value.valuation.value())
            .map(|value| format_compact(lang, value, &currency));
        let (no_rate, ranked) = packages
            .into_iter()
            .map(|p| (p.person_name, PayReportRow::new(p.report, p.value, lang)))
            .partition(|(_, row)| row.no_rate);
        LargestPackages {
            currency,
            ranked,
            no_rate,
            top,
        }
    }
}

pub struct StageCount {
    pub stage: Stage,
    pub count: i64,
    /// The bar's length, relative to the fullest stage.
    pub percent_of_most: i64,
}
