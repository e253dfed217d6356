//! Report pages: one template serves every report, each filling in its own filters.

use askama::Template;

use super::{Choice, FormState, Layout};
use crate::domain::exact_money;
use crate::domain::money::currency_symbol;
use crate::i18n::{Lang, Msg, format_decimal};
use crate::reports::{Report, ReportTable, UnconvertedFigure};

#[derive(Template)]
#[template(path = "reports/index.html")]
pub struct ReportIndexPage {
    pub layout: Layout,
    pub reporting_currency: String,
}

/// A select among a report's filters beyond the common ones (group by, kind, interval...).
pub struct SelectFilter {
    pub name: &'static str,
    pub label: String,
    pub choices: Vec<Choice>,
    pub blank: String,
}

#[derive(Template)]
#[template(path = "reports/report.html")]
pub struct ReportPage {
    pub layout: Layout,
    pub title: String,
    pub slug: &'static str,
    /// What the report counts and how, in a sentence or two.
    pub explanation: String,
    pub filters: FormState,
    /// Whether the page filters by a date window and by companies (the pay band reports
    /// filter by their selects only).
    pub window_filters: bool,
    pub companies: Vec<Choice>,
    pub selects: Vec<SelectFilter>,
    /// What is wrong with the filters; the report is not run while there is anything.
    pub problems: Vec<String>,
    pub table: Option<ReportTable>,
    /// Rows of the table beyond `SHOWN_ROWS`, left to the CSV.
    pub rows_not_shown: usize,
    pub chart: Option<ChartImage>,
    pub left_out: Vec<LeftOutRow>,
    pub left_out_not_shown: usize,
    pub empty_message: String,
    /// The current filters as a query string, for the CSV link.
    pub query: String,
}

impl ReportPage {
    /// A page before its report ran: no filters but `selects` given later, nothing left out.
    pub fn new(
        layout: Layout,
        (title, slug): (String, &'static str),
        explanation: String,
        empty_message: String,
    ) -> Self {
        ReportPage {
            layout,
            title,
            slug,
            explanation,
            filters: FormState::default(),
            window_filters: false,
            companies: Vec::new(),
            selects: Vec::new(),
            problems: Vec::new(),
            table: None,
            rows_not_shown: 0,
            chart: None,
            left_out: Vec::new(),
            left_out_not_shown: 0,
            empty_message,
            query: String::new(),
        }
    }

    /// Where the table's CSV is.
    pub fn csv_path(&self) -> String {
        format!("/reports/{}.csv", self.slug)
    }
}

/// A chart shown inline, so its bars' links work: the SVG is drawn by our chart code, which
/// escapes every text in it (plotters its labels, `charts::links` the links), and the page's
/// Content-Security-Policy runs no script whatever it held.
pub struct ChartImage {
    /// The wide drawing, for screens wider than a phone.
    pub wide: String,
    /// The narrow drawing with larger type, for phones (the style sheet shows one of the two).
    pub narrow: String,
    pub alt: String,
    pub note: Option<String>,
}

pub struct LeftOutRow {
    pub person_id: i64,
    pub person_name: String,
    pub figure: String,
    pub as_of: chrono::NaiveDate,
}

impl LeftOutRow {
    /// The figure as typed, exactly, in `lang`.
    fn new(f: &UnconvertedFigure, lang: Lang) -> Self {
        let figure = if f.amount_low == f.amount_high {
            exact_money(lang, &f.amount_low, &f.currency)
        } else {
            let range = format!(
                "{} – {}",
                format_decimal(lang, &f.amount_low, Some(2)),
                format_decimal(lang, &f.amount_high, Some(2))
            );
            Msg::new("money")
                .arg("amount", range)
                .arg("currency", &f.currency)
                .arg(
                    "symbol",
                    currency_symbol(&f.currency).unwrap_or(&f.currency),
                )
                .text(lang)
        };
        LeftOutRow {
            person_id: f.person_id,
            person_name: f.person_name.clone(),
            figure,
            as_of: f.as_of,
        }
    }
}

impl ReportPage {
    /// A page shows this many rows of a table or list.
    pub const SHOWN_ROWS: usize = ReportTable::SHOWN_ROWS;

    /// Fills in what a report produced.
    pub fn with_report(mut self, mut report: Report) -> Self {
        self.left_out_not_shown = report.left_out.len().saturating_sub(Self::SHOWN_ROWS);
        self.left_out = report
            .left_out
            .iter()
            .take(Self::SHOWN_ROWS)
            .map(|f| LeftOutRow::new(f, self.layout.locale.lang))
            .collect();
        self.rows_not_shown = report.table.rows.len().saturating_sub(Self::SHOWN_ROWS);
        report.table.rows.truncate(Self::SHOWN_ROWS);
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
