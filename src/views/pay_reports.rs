//! Pay report views: the rows on a person's page and the pay report form.

use askama::Template;
use bigdecimal::BigDecimal;

use super::{Choice, FormState, Layout};
use crate::domain::{Confidence, PayKind, PayReportId, Period, PersonId, format_money};
use crate::models::PayReport;

/// A pay report as a person's page shows it, amounts already formatted exactly.
#[derive(Debug)]
pub struct PayReportRow {
    pub id: PayReportId,
    pub report: PayReport,
    pub band: String,
    pub period: String,
    pub annual_midpoint: String,
    pub components: Vec<(&'static str, String)>,
}

impl PayReportRow {
    pub fn new(report: PayReport) -> Self {
        let pay = &report.fields;
        let money = |amount: &BigDecimal| format!("{} {}", pay.currency, format_money(amount));
        let band = if pay.amount_low == pay.amount_high {
            money(&pay.amount_low)
        } else {
            format!(
                "{} – {}",
                money(&pay.amount_low),
                format_money(&pay.amount_high)
            )
        };
        let years = pay.period_years.unwrap_or(1);
        let period = match pay.period {
            Period::Annual => "per year".to_owned(),
            Period::Total => format!(
                "total over {years} year{}",
                if years == 1 { "" } else { "s" }
            ),
        };
        // DOMAIN.md: the midpoint of the band, a total spread evenly over its years.
        let midpoint =
            (&pay.amount_low + &pay.amount_high) / BigDecimal::from(2 * i32::from(years));
        let components = [
            ("Base", &pay.base),
            ("Bonus", &pay.bonus),
            ("Equity", &pay.equity),
            ("Sign-on", &pay.sign_on),
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
    pub person_id: PersonId,
    pub person_name: String,
    /// The report being edited; `None` on the new-report form.
    pub id: Option<PayReportId>,
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
    pub person_id: PersonId,
    pub person_name: String,
    pub row: PayReportRow,
}

impl PayReportFormPage {
    pub fn new(
        layout: Layout,
        person: (PersonId, String),
        id: Option<PayReportId>,
        form: FormState,
    ) -> Self {
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
}
