//! Exchange rates to the reporting currency: list, add, delete.

use crate::i18n::input::LocalForm;
use rocket::form::Contextual;
use rocket::request::FlashMessage;
use rocket::response::content::RawHtml;
use rocket::{FromForm, Route, State, get, post, routes, uri};

use super::{FormResponse, given, query_string};
use crate::auth::{Admin, CurrentUser};
use crate::config::ReportingCurrency;
use crate::db::Db;
use crate::domain::{Currency, Date, Rate};
use crate::error::AppError;
use crate::i18n::Msg;
use crate::models::exchange_rate::CURRENCY_DAY_KEY;
use crate::models::pay_valuation::{FIGURE_VALUE_FITS, LARGEST_FIGURE};
use crate::models::{ExchangeRate, NewExchangeRate};
use crate::views::exchange_rates::{
    ExchangeRateDeletePage, ExchangeRateFormPage, ExchangeRateIndexPage,
};
use crate::views::{FormState, Layout, Pager, render};

pub fn routes() -> Vec<Route> {
    routes![index, new, create, confirm_delete, delete]
}

#[derive(Debug, FromForm)]
pub struct ExchangeRateForm {
    currency: Currency,
    rate_on: Date,
    rate: Rate,
}

#[get("/exchange-rates?<currency>&<page>")]
async fn index(
    user: CurrentUser,
    db: &State<Db>,
    reporting: &State<ReportingCurrency>,
    flash: Option<FlashMessage<'_>>,
    currency: Option<String>,
    page: Option<i64>,
) -> Result<RawHtml<String>, AppError> {
    let filter = given(&currency);
    let (rates, pager) = db
        .run(move |c| {
            let pager = Pager::new(page, ExchangeRate::count(c, filter.as_deref())?);
            let rates = ExchangeRate::list(c, filter.as_deref(), pager.offset(), Pager::PER_PAGE)?;
            Ok((rates, pager))
        })
        .await?;
    let currency = currency.unwrap_or_default();
    render(&ExchangeRateIndexPage {
        layout: Layout::new("exchange-rates", flash, &user),
        reporting_currency: reporting.0.clone(),
        query: query_string([("currency", currency.as_str())]),
        currency,
        rates,
        pager,
    })
}

#[get("/exchange-rates/new")]
fn new(user: Admin, reporting: &State<ReportingCurrency>) -> Result<RawHtml<String>, AppError> {
    let form = FormState::with_values([("rate_on", chrono::Utc::now().date_naive().to_string())]);
    render(&ExchangeRateFormPage::new(
        Layout::new("exchange-rates", None, &user),
        form,
        &reporting.0,
    ))
}

#[post("/exchange-rates", data = "<form>")]
async fn create(
    user: Admin,
    db: &State<Db>,
    reporting: &State<ReportingCurrency>,
    form: LocalForm<Contextual<'_, ExchangeRateForm>>,
) -> Result<FormResponse, AppError> {
    let form = form.into_inner();
    let locale = user.locale;
    let mut state = FormState::from_context(&form.context);
    let Some(parsed) = form.value else {
        return invalid(&user, state, &reporting.0);
    };
    let rate = NewExchangeRate {
        currency: parsed.currency.into_inner(),
        rate_on: parsed.rate_on.into_inner(),
        rate: parsed.rate.into_inner(),
    };
    if rate.currency == reporting.0 {
        state.add_error(
            "currency",
            locale.t1("rate-is-reporting", "currency", &reporting.0),
        );
        return invalid(&user, state, &reporting.0);
    }
    let (currency, day) = (rate.currency.clone(), rate.rate_on);
    match db
        .run_as(user.actor(), move |c| Ok(ExchangeRate::insert(c, &rate)?))
        .await
    {
        Ok(saved) => Ok(FormResponse::saved(
            uri!(index(Some(saved.currency.clone()), _)),
            locale.t2(
                "rate-saved",
                &("currency", &saved.currency),
                &("date", locale.date(saved.rate_on)),
            ),
        )),
        Err(e) if e.violates(CURRENCY_DAY_KEY) => {
            state.add_error(
                "rate_on",
                locale.t2(
                    "rate-exists",
                    &("currency", &currency),
                    &("date", locale.date(day)),
                ),
            );
            invalid(&user, state, &reporting.0)
        }
        Err(e) if e.violates(FIGURE_VALUE_FITS) => {
            let reporting = &reporting.0;
            state.add_error(
                "rate",
                locale.say(
                    &Msg::new("rate-too-large")
                        .arg("currency", &currency)
                        .arg("date", locale.date(day))
                        .arg("largest", LARGEST_FIGURE)
                        .arg("reporting", reporting),
                ),
            );
            invalid(&user, state, reporting)
        }
        Err(e) => Err(e),
    }
}

fn invalid(
    user: &CurrentUser,
    form: FormState,
    reporting_currency: &str,
) -> Result<FormResponse, AppError> {
    Ok(FormResponse::Invalid(render(&ExchangeRateFormPage::new(
        Layout::new("exchange-rates", None, user),
        form,
        reporting_currency,
    ))?))
}

#[get("/exchange-rates/<id>/delete")]
async fn confirm_delete(
    user: Admin,
    db: &State<Db>,
    reporting: &State<ReportingCurrency>,
    id: i64,
) -> Result<RawHtml<String>, AppError> {
    let rate = db.run(move |c| Ok(ExchangeRate::find(c, id)?)).await?;
    render(&ExchangeRateDeletePage {
        layout: Layout::new("exchange-rates", None, &user),
        rate,
        reporting_currency: reporting.0.clone(),
    })
}

#[post("/exchange-rates/<id>/delete")]
async fn delete(
    user: Admin,
    db: &State<Db>,
    reporting: &State<ReportingCurrency>,
    id: i64,
) -> Result<FormResponse, AppError> {
    let reporting = reporting.0.clone();
    let locale = user.locale;
    let rate = db
        .run_as(user.actor(), move |c| {
            let rate = ExchangeRate::find(c, id)?;
            match ExchangeRate::delete(c, id).map_err(AppError::from) {
                // The pay reports it converted fall back to an earlier rate, which is too large.
                Err(e) if e.violates(FIGURE_VALUE_FITS) => Err(AppError::Unprocessable(
                    locale.say(
                        &Msg::new("rate-needed")
                            .arg("currency", &rate.currency)
                            .arg("date", locale.date(rate.rate_on))
                            .arg("largest", LARGEST_FIGURE)
                            .arg("reporting", &reporting),
                    ),
                )),
                deleted => deleted.map(|_| rate),
            }
        })
        .await?;
    Ok(FormResponse::saved(
        uri!(index(Some(rate.currency.clone()), _)),
        locale.t2(
            "rate-deleted",
            &("currency", &rate.currency),
            &("date", locale.date(rate.rate_on)),
        ),
    ))
}
