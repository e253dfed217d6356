//! Exchange rate pages.

use askama::Template;

use super::{FormState, Layout, Pager};
use crate::models::ExchangeRate;

#[derive(Template)]
#[template(path = "exchange_rates/index.html")]
pub struct ExchangeRateIndexPage {
    pub layout: Layout,
    pub reporting_currency: String,
    pub currency: String,
    pub rates: Vec<ExchangeRate>,
    pub pager: Pager,
    pub query: String,
}

#[derive(Template)]
#[template(path = "exchange_rates/form.html")]
pub struct ExchangeRateFormPage {
    pub layout: Layout,
    pub form: FormState,
    pub reporting_currency: String,
}

impl ExchangeRateFormPage {
    pub fn new(layout: Layout, form: FormState, reporting_currency: &str) -> Self {
        ExchangeRateFormPage {
            layout,
            form,
            reporting_currency: reporting_currency.to_owned(),
        }
    }
}

#[derive(Template)]
#[template(path = "exchange_rates/delete.html")]
pub struct ExchangeRateDeletePage {
    pub layout: Layout,
    pub rate: ExchangeRate,
    pub reporting_currency: String,
}
