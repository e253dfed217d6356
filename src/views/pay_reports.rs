//! Pay report views: the rows on a person's page and the pay report form.

use askama::Template;
use bigdecimal::BigDecimal;

use super::{Choice, FormState, Layout};
use crate::domain::money::currency_symbol;
use crate::domain::{Confidence, PayKind, PayReportId, Period, PersonId, show_amount, show_money};
use crate::i18n::{Lang, Msg, format_date};
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
    pub components: Vec<(String, String)>,
}

impl PayReportRow {
    /// `value` is the report's own, as the database computes it (`PayReport::valuations`);
    /// amounts and dates are written in `lang`.
    pub fn new(report: PayReport, value: PayValue, lang: Lang) -> Self {
        let pay = &report.fields;
        let money = |amount: &BigDecimal| show_money(lang, amount, &pay.currency);
        let band = if pay.amount_low == pay.amount_high {
            money(&pay.amount_low)
        } else {
            // The currency once, where the language puts it: "USD 100 – 200" / "100 – 200 USD".
            let range = format!(
                "{} – {}",
                show_amount(lang, &pay.amount_low),
                show_amount(lang, &pay.amount_high)
            );
            Msg::new("money")
                .arg("amount", range)
                .arg("currency", &pay.currency)
                .arg(
                    "symbol",
                    currency_symbol(&pay.currency).unwrap_or(&pay.currency),
                )
                .text(lang)
        };
        let years = pay.period_years.unwrap_or(1);
        let period = match pay.period {
            Period::Annual => Msg::new("pay-per-year"),
            Period::Total => Msg::new("pay-total-over-years").arg("years", years),
        }
        .text(lang);
        let components = [
            ("pay-component-base", &pay.base),
            ("pay-component-bonus", &pay.bonus),
            ("pay-component-equity", &pay.equity),
            ("pay-component-sign-on", &pay.sign_on),
        ]
        .into_iter()
        .filter_map(|(key, amount)| {
            amount
                .as_ref()
                .map(|a| (Msg::new(key).text(lang), money(a)))
        })
        .collect();
        let no_rate = matches!(value.valuation, Valuation::NoRate { .. });
        let equivalent = equivalent(value.valuation, pay.as_of, lang);
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
fn equivalent(valuation: Valuation, as_of: chrono::NaiveDate, lang: Lang) -> Option<String> {
    match valuation {
        Valuation::Same { .. } => None,
        Valuation::Converted {
            reporting,
            value,
            rate_on,
        } => Some(
            Msg::new("pay-equivalent")
                .arg("reporting", &reporting)
                .arg("value", show_amount(lang, &value))
                .arg("date", format_date(lang, rate_on))
                .text(lang),
        ),
        Valuation::NoRate { reporting } => Some(
            Msg::new("pay-not-in-reporting")
                .arg("reporting", reporting)
                .arg("date", format_date(lang, as_of))
                .text(lang),
        ),
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
        let locale = layout.locale;
        PayReportFormPage {
            layout,
            person_id: person.0,
            person_name: person.1,
            id,
            form,
            kinds: Choice::all_in::<PayKind>(locale),
            periods: Choice::all_in::<Period>(locale),
            confidences: Choice::all_in::<Confidence>(locale),
            conflict: Vec::new(),
        }
    }
}
