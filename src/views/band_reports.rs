//! The pay band reports' page (offers against bands, pay transparency): a table with its
//! chart, filtered by a few selects.

use askama::Template;

use super::reports::{ChartImage, SelectFilter};
use super::{FormState, Layout};
use crate::reports::{Report, ReportTable};

#[derive(Template)]
#[template(path = "reports/band_report.html")]
pub struct BandReportPage {
    pub layout: Layout,
    pub title: &'static str,
    pub slug: &'static str,
    pub explanation: String,
    pub filters: FormState,
    pub selects: Vec<SelectFilter>,
    pub problems: Vec<String>,
    pub table: Option<ReportTable>,
    pub chart: Option<ChartImage>,
    pub empty_message: &'static str,
    /// Rows beyond `ReportPage::SHOWN_ROWS`, left to the CSV.
    pub rows_not_shown: usize,
    /// The current filters as a query string, for the CSV link.
    pub query: String,
}

impl BandReportPage {
    /// Where the table's CSV is.
    pub fn csv_path(&self) -> String {
        format!("/reports/{}.csv", self.slug)
    }

    pub fn with_report(mut self, mut report: Report) -> Self {
        let shown = super::reports::ReportPage::SHOWN_ROWS;
        self.rows_not_shown = report.table.rows.len().saturating_sub(shown);
        report.table.rows.truncate(shown);
        self.chart = report.chart.map(|chart| ChartImage {
            wide: chart.svg.wide,
            narrow: chart.svg.narrow,
            alt: chart.alt,
            note: chart.note,
        });
        self.table = Some(report.table);
        self
    }
}
