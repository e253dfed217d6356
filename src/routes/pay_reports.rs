//! Pay reports, added, edited and deleted from a person's page.

use chrono::Utc;
use rocket::form::{Contextual, Form};
use rocket::response::content::RawHtml;
use rocket::response::{Flash, Redirect};
use rocket::{FromForm, Route, State, get, post, routes};

use super::csv_file::CsvStream;
use super::people::ListParams;
use super::{FormResponse, STALE_FORM};
use crate::auth::{CurrentUser, Editor, PayReader};
use crate::db::{Db, ReadDb};
use crate::domain::{
    Confidence, Currency, Date, LongText, Maybe, Money, PayKind, Period, PeriodYears, Text, WebUrl,
    rules,
};
use crate::error::AppError;
use crate::export;
use crate::models::{PayReport, PayReportFields, Person};
use crate::views::pay_reports::{PayReportDeletePage, PayReportFormPage, PayReportRow};
use crate::views::{FormState, Layout, render};

pub fn routes() -> Vec<Route> {
    routes![download, new, create, edit, update, confirm_delete, delete]
}

#[derive(Debug, FromForm)]
pub struct PayReportForm {
    kind: PayKind,
    currency: Currency,
    amount_low: Money,
    amount_high: Money,
    period: Period,
    period_years: Maybe<PeriodYears>,
    base: Maybe<Money>,
    bonus: Maybe<Money>,
    equity: Maybe<Money>,
    sign_on: Maybe<Money>,
    as_of: Date,
    source_name: Maybe<Text>,
    source_url: Maybe<WebUrl>,
    confidence: Confidence,
    notes: Maybe<LongText>,
}

/// The rules between fields, checked on the input as typed so that they show together with
/// any other error; each goes beside the field the user should change.
fn check_rules(state: &mut FormState) {
    let low = Money::parse(state.value("amount_low"));
    let high = Money::parse(state.value("amount_high"));
    let band = match (low, high) {
        (Ok(low), Ok(high)) => rules::band_ordered(&low, &high),
        _ => None,
    };
    let has_years = !state.value("period_years").trim().is_empty();
    let years =
        Period::parse(state.value("period")).and_then(|p| rules::years_match_period(p, has_years));
    for (field, message) in band.into_iter().chain(years) {
        state.add_error(field, message);
    }
}

impl PayReportForm {
    fn into_fields(self) -> PayReportFields {
        let money = |m: Maybe<Money>| m.into_inner().map(Money::into_inner);
        PayReportFields {
            kind: self.kind,
            currency: self.currency.into_inner(),
            amount_low: self.amount_low.into_inner(),
            amount_high: self.amount_high.into_inner(),
            period: self.period,
            period_years: self.period_years.into_inner().map(PeriodYears::into_inner),
            base: money(self.base),
            bonus: money(self.bonus),
            equity: money(self.equity),
            sign_on: money(self.sign_on),
            as_of: self.as_of.into_inner(),
            source_name: self.source_name.into_inner().map(Text::into_inner),
            source_url: self.source_url.into_inner().map(WebUrl::into_inner),
            confidence: self.confidence,
            notes: self.notes.into_inner().map(Text::into_inner),
        }
    }
}

/// Every pay report of the people the people list's filters keep, in its order, one row each
/// with the person's columns: the file the import reads back.
#[get("/pay-reports.csv?<params..>")]
async fn download(
    _user: PayReader,
    reads: &State<ReadDb>,
    params: ListParams,
) -> Result<CsvStream, AppError> {
    let (sort, descending) = params.sort()?;
    let wanted = params.wanted()?;
    CsvStream::start(&reads.0, "pay-reports", move |c, out| {
        let filter = wanted.resolve(c)?;
        Ok(export::pay_reports(c, &filter, sort, descending, out)?)
    })
    .await
}

async fn person_named(db: &State<Db>, person_id: i64) -> Result<(i64, String), AppError> {
    db.run(move |c| Ok(Person::find(c, person_id).map(|p| (p.id, p.full_name))?))
        .await
}

#[get("/people/<person_id>/pay/new")]
async fn new(user: Editor, db: &State<Db>, person_id: i64) -> Result<RawHtml<String>, AppError> {
    let person = person_named(db, person_id).await?;
    let form = FormState::with_values([
        ("kind", PayKind::Reported.as_str().to_owned()),
        ("currency", "USD".to_owned()),
        ("period", Period::Annual.as_str().to_owned()),
        ("confidence", Confidence::Reported.as_str().to_owned()),
        ("as_of", Utc::now().date_naive().to_string()),
    ]);
    render(&PayReportFormPage::new(
        Layout::new("people", None, &user),
        person,
        None,
        form,
    ))
}

#[post("/people/<person_id>/pay", data = "<form>")]
async fn create(
    user: Editor,
    db: &State<Db>,
    person_id: i64,
    form: Form<Contextual<'_, PayReportForm>>,
) -> Result<FormResponse, AppError> {
    save(db, &user, person_id, None, form.into_inner()).await
}

#[get("/people/<person_id>/pay/<id>/edit")]
async fn edit(
    user: Editor,
    db: &State<Db>,
    person_id: i64,
    id: i64,
) -> Result<RawHtml<String>, AppError> {
    let person = person_named(db, person_id).await?;
    let report = db
        .run(move |c| Ok(PayReport::find(c, person_id, id)?))
        .await?;
    let form = PayReportFormPage::values_of(&report);
    render(&PayReportFormPage::new(
        Layout::new("people", None, &user),
        person,
        Some(id),
        form,
    ))
}

#[post("/people/<person_id>/pay/<id>/edit", data = "<form>")]
async fn update(
    user: Editor,
    db: &State<Db>,
    person_id: i64,
    id: i64,
    form: Form<Contextual<'_, PayReportForm>>,
) -> Result<FormResponse, AppError> {
    save(db, &user, person_id, Some(id), form.into_inner()).await
}

/// Adds (`id` is `None`) or updates a pay report, or shows the form again with the errors.
async fn save(
    db: &State<Db>,
    user: &CurrentUser,
    person_id: i64,
    id: Option<i64>,
    form: Contextual<'_, PayReportForm>,
) -> Result<FormResponse, AppError> {
    let person = person_named(db, person_id).await?;
    let mut state = FormState::from_context(&form.context);
    check_rules(&mut state);
    let fields = match form.value {
        Some(parsed) if !state.has_errors() => parsed.into_fields(),
        _ => {
            let page = PayReportFormPage::new(Layout::new("people", None, user), person, id, state);
            return Ok(FormResponse::Invalid(render(&page)?));
        }
    };
    let version = state.version();
    let stale = db
        .run_as(user.actor(), move |c| match (id, version) {
            (Some(id), Some(version)) => {
                match PayReport::update_version(c, person_id, id, version, &fields)? {
                    Some(_) => Ok(None),
                    None => Ok(Some(PayReport::find(c, person_id, id)?)),
                }
            }
            (Some(id), None) => {
                // A missing record is a 404 before it is a stale form.
                PayReport::find(c, person_id, id)?;
                Err(AppError::Unprocessable(STALE_FORM.into()))
            }
            (None, _) => PayReport::insert(c, person_id, &fields)
                .map(|_| None)
                .map_err(AppError::from),
        })
        .await?;
    if let Some(theirs) = stale {
        // Someone saved meanwhile: their version beside this input, which is kept.
        let conflict = state.differences(&PayReportFormPage::values_of(&theirs));
        state.set("version", theirs.version.to_string());
        let page = PayReportFormPage::new(Layout::new("people", None, user), person, id, state);
        return Ok(FormResponse::Refused(render(&PayReportFormPage {
            conflict,
            ..page
        })?));
    }
    Ok(FormResponse::saved(
        format!("/people/{person_id}#pay"),
        format!("Saved the pay report for {}.", person.1),
    ))
}

#[get("/people/<person_id>/pay/<id>/delete")]
async fn confirm_delete(
    user: Editor,
    db: &State<Db>,
    person_id: i64,
    id: i64,
) -> Result<RawHtml<String>, AppError> {
    let (person_id, person_name) = person_named(db, person_id).await?;
    let report = db
        .run(move |c| Ok(PayReport::find(c, person_id, id)?))
        .await?;
    render(&PayReportDeletePage {
        layout: Layout::new("people", None, &user),
        person_id,
        person_name,
        row: PayReportRow::new(report),
    })
}

#[post("/people/<person_id>/pay/<id>/delete")]
async fn delete(
    user: Editor,
    db: &State<Db>,
    person_id: i64,
    id: i64,
) -> Result<Flash<Redirect>, AppError> {
    let deleted = db
        .run_as(user.actor(), move |c| {
            Ok(PayReport::delete(c, person_id, id)?)
        })
        .await?;
    if deleted == 0 {
        return Err(AppError::NotFound);
    }
    Ok(Flash::success(
        Redirect::to(format!("/people/{person_id}#pay")),
        "Deleted the pay report.",
    ))
}
