//! Pay report views: the rows on a person's page and the pay report form.

use askama::Template;
use bigdecimal::BigDecimal;

use super::form::field_text;
use super::{Choice, FormState, Layout};
use crate::domain::{Confidence, PayKind, Period, format_money};
use crate::models::PayReport;

/// A pay report as a person's page shows it, amounts already formatted exactly.
#[derive(Debug)]
pub struct PayReportRow {
    pub id: i64,
    pub report: PayReport,
    pub band: String,
    pub period: String,
    pub annual_midpoint: String,
    pub components: Vec<(&'static str, String)>,
}

impl PayReportRow {
    pub fn new(report: PayReport) -> Self {
        let money = |amount: &BigDecimal| format!("{} {}", report.currency, format_money(amount));
        let band = if report.amount_low == report.amount_high {
            money(&report.amount_low)
        } else {
            format!(
                "{} – {}",
                money(&report.amount_low),
                format_money(&report.amount_high)
            )
        };
        let years = report.period_years.unwrap_or(1);
        let period = match report.period {
            Period::Annual => "per year".to_owned(),
            Period::Total => format!(
                "total over {years} year{}",
                if years == 1 { "" } else { "s" }
            ),
        };
        // DOMAIN.md: the midpoint of the band, a total spread evenly over its years.
        let midpoint =
            (&report.amount_low + &report.amount_high) / BigDecimal::from(2 * i32::from(years));
        let components = [
            ("Base", &report.base),
            ("Bonus", &report.bonus),
            ("Equity", &report.equity),
            ("Sign-on", &report.sign_on),
        ]
        .into_iter()
        .filter_map(|(label, amount)| amount.as_ref().map(|a| (label, money(a))))
        .collect();
        PayReportRow {
            id: report.id,
            annual_midpoint: money(&midpoint.round(2)),
            band,
            period,
            components,
            report,
        }
    }
}

#[derive(Template)]
#[template(path = "pay_reports/form.html")]
pub struct PayReportFormPage {
    pub layout: Layout,
    pub person_id: i64,
    pub person_name: String,
    /// The report being edited; `None` on the new-report form.
    pub id: Option<i64>,
    pub form: FormState,
    pub kinds: Vec<Choice>,
    pub periods: Vec<Choice>,
    pub confidences: Vec<Choice>,
    /// After a lost update: (field, as saved by someone else, as typed here).
    pub conflict: Vec<(String, String, String)>,
}

#[derive(Template)]
#[template(path = "pay_reports/delete.html")]
pub struct PayReportDeletePage {
    pub layout: Layout,
    pub person_id: i64,
    pub person_name: String,
    pub row: PayReportRow,
}

impl PayReportFormPage {
    pub fn new(layout: Layout, person: (i64, String), id: Option<i64>, form: FormState) -> Self {
        PayReportFormPage {
            layout,
            person_id: person.0,
            person_name: person.1,
            id,
            form,
            kinds: Choice::all_of::<PayKind>(),
            periods: Choice::all_of::<Period>(),
            confidences: Choice::all_of::<Confidence>(),
            conflict: Vec::new(),
        }
    }

    pub fn values_of(report: &PayReport) -> FormState {
        let amount = |a: &Option<BigDecimal>| {
            a.as_ref()
                .map(|a| a.with_scale(2).to_plain_string())
                .unwrap_or_default()
        };
        FormState::with_values([
            ("kind", report.kind.as_str().to_owned()),
            ("currency", report.currency.clone()),
            (
                "amount_low",
                report.amount_low.with_scale(2).to_plain_string(),
            ),
            (
                "amount_high",
                report.amount_high.with_scale(2).to_plain_string(),
            ),
            ("period", report.period.as_str().to_owned()),
            ("period_years", field_text(&report.period_years)),
            ("base", amount(&report.base)),
            ("bonus", amount(&report.bonus)),
            ("equity", amount(&report.equity)),
            ("sign_on", amount(&report.sign_on)),
            ("as_of", report.as_of.to_string()),
            ("source_name", field_text(&report.source_name)),
            ("source_url", field_text(&report.source_url)),
            ("confidence", report.confidence.as_str().to_owned()),
            ("notes", field_text(&report.notes)),
            ("version", report.version.to_string()),
        ])
    }
}
