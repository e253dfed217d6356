//! Pay report views: the rows on a person's page and the pay report form.

use askama::Template;
use bigdecimal::BigDecimal;

use super::{Choice, FormState, Layout};
use crate::domain::{Confidence, PayKind, PayReportId, Period, PersonId, format_amount};
use crate::models::{PayReport, PayValue, Valuation};

/// A pay report as the pages show it, amounts already formatted exactly.
#[derive(Debug)]
pub struct PayReportRow {
    pub id: PayReportId,
    pub report: PayReport,
    pub band: String,
    pub period: String,
    pub annual_midpoint: String,
    /// The midpoint in the reporting currency and the day of the rate, or why there is none;
    /// `None` for a report in the reporting currency.
    pub equivalent: Option<String>,
    /// No rate converts this report's currency on its date.
    pub no_rate: bool,
    pub components: Vec<(&'static str, String)>,
}

impl PayReportRow {
    /// `value` is the report's own, as the database computes it (`PayReport::valuations`).
    pub fn new(report: PayReport, value: PayValue) -> Self {
        let pay = &report.fields;
        let money = |amount: &BigDecimal| format!("{} {}", pay.currency, format_amount(amount));
        let band = if pay.amount_low == pay.amount_high {
            money(&pay.amount_low)
        } else {
            format!(
                "{} – {}",
                money(&pay.amount_low),
                format_amount(&pay.amount_high)
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
        let components = [
            ("Base", &pay.base),
            ("Bonus", &pay.bonus),
            ("Equity", &pay.equity),
            ("Sign-on", &pay.sign_on),
        ]
        .into_iter()
        .filter_map(|(label, amount)| amount.as_ref().map(|a| (label, money(a))))
        .collect();
        let no_rate = matches!(value.valuation, Valuation::NoRate { .. });
        let equivalent = equivalent(value.valuation, pay.as_of);
        PayReportRow {
            id: report.id,
            annual_midpoint: money(&value.annual_midpoint),
            equivalent,
            no_rate,
            band,
            period,
            components,
            report,
        }
    }
}

/// "≈ USD 990,000 at the 2025-06-01 rate", or why there is no such line.
fn equivalent(valuation: Valuation, as_of: chrono::NaiveDate) -> Option<String> {
    match valuation {
        Valuation::Same { .. } => None,
        Valuation::Converted {
            reporting,
            value,
            rate_on,
        } => Some(format!(
            "≈ {reporting} {} at the {rate_on} rate",
            format_amount(&value)
        )),
        Valuation::NoRate { reporting } => {
            Some(format!("not in {reporting}: no rate on or before {as_of}"))
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
