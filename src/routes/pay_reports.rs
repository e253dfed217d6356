//! Pay reports, added, edited and deleted from a person's page.

use crate::i18n::input::LocalForm;
use chrono::Utc;
use rocket::form::Contextual;
use rocket::response::content::RawHtml;
use rocket::response::{Flash, Redirect};
use rocket::{Route, State, get, post, routes};

use super::FormResponse;
use super::csv_file::CsvStream;
use super::people::ListParams;
use super::save::{self, Submitted};
use crate::auth::{CurrentUser, Editor, PayReader};
use crate::config::ReportingCurrency;
use crate::csv_format::Dialect;
use crate::db::{Db, ReadDb};
use crate::domain::zone::is_eu;
use crate::domain::{Confidence, PayKind, PayReportId, Period, PersonId};
use crate::error::AppError;
use crate::export;
use crate::input::{PayReportInput, Target};
use crate::models::{PayReport, Person};
use crate::offers::warnings;
use crate::views::pay_reports::{PayReportDeletePage, PayReportFormPage, PayReportRow};
use crate::views::{FormState, Layout, render};

pub fn routes() -> Vec<Route> {
    routes![download, new, create, edit, update, confirm_delete, delete]
}

/// Every pay report of the people the people list's filters keep, in its order, one row each
/// with the person's columns: the file the import reads back.
#[get("/pay-reports.csv?<params..>")]
async fn download(
    _user: PayReader,
    reads: ReadDb,
    params: ListParams,
    dialect: Dialect,
) -> Result<CsvStream, AppError> {
    params
        .download(
            true,
            &reads,
            "pay-reports",
            dialect,
            |c, f, s, d, dialect, out| export::pay_reports(c, f, s, d, dialect, out),
        )
        .await
}

async fn person_named(db: &State<Db>, id: PersonId) -> Result<(PersonId, String), AppError> {
    db.run(move |c| Ok(Person::find(c, id).map(|p| (p.id, p.fields.full_name))?))
        .await
}

#[get("/people/<person_id>/pay/new")]
async fn new(
    user: Editor,
    db: &State<Db>,
    reporting: &State<ReportingCurrency>,
    person_id: PersonId,
) -> Result<RawHtml<String>, AppError> {
    let (person, in_eu) = db
        .run(move |c| {
            let p = Person::find(c, person_id)?;
            Ok(((p.id, p.fields.full_name), is_eu(p.fields.zone.as_deref())))
        })
        .await?;
    // Someone in the EU zone is usually paid in euros; anyone else is proposed the currency
    // the reports are in. Either is only where the field starts.
    let currency = if in_eu { "EUR" } else { reporting.0.as_str() };
    let form = FormState::with_values([
        ("kind", PayKind::Reported.as_str().to_owned()),
        ("currency", currency.to_owned()),
        ("period", Period::Annual.as_str().to_owned()),
        ("confidence", Confidence::Reported.as_str().to_owned()),
        ("as_of", Utc::now().date_naive().to_string()),
    ]);
    let layout = Layout::new("people", None, &user);
    render(&PayReportFormPage::new(layout, person, None, form))
}

#[post("/people/<person_id>/pay", data = "<form>")]
async fn create(
    user: Editor,
    db: &State<Db>,
    reporting: &State<ReportingCurrency>,
    person_id: PersonId,
    form: LocalForm<Contextual<'_, PayReportInput>>,
) -> Result<FormResponse, AppError> {
    let target = Target::New(person_id);
    submit(db, reporting, &user, person_id, target, form.into_inner()).await
}

#[get("/people/<person_id>/pay/<id>/edit")]
async fn edit(
    user: Editor,
    db: &State<Db>,
    person_id: PersonId,
    id: PayReportId,
) -> Result<RawHtml<String>, AppError> {
    let person = person_named(db, person_id).await?;
    let form = db
        .run(move |c| save::stored_form::<PayReport>(c, (person_id, id)))
        .await?;
    let layout = Layout::new("people", None, &user);
    render(&PayReportFormPage::new(layout, person, Some(id), form))
}

#[post("/people/<person_id>/pay/<id>/edit", data = "<form>")]
async fn update(
    user: Editor,
    db: &State<Db>,
    reporting: &State<ReportingCurrency>,
    person_id: PersonId,
    id: PayReportId,
    form: LocalForm<Contextual<'_, PayReportInput>>,
) -> Result<FormResponse, AppError> {
    let target = Target::Existing((person_id, id));
    submit(db, reporting, &user, person_id, target, form.into_inner()).await
}

/// Saves the form; a saved report's warnings (an old rate, an offer above its band's total
/// range: `offers::warnings`) follow the message, without stopping the save.
async fn submit(
    db: &State<Db>,
    reporting: &ReportingCurrency,
    user: &CurrentUser,
    person_id: PersonId,
    target: Target<PersonId, (PersonId, PayReportId)>,
    form: Contextual<'_, PayReportInput>,
) -> Result<FormResponse, AppError> {
    let person = person_named(db, person_id).await?;
    let id = match target {
        Target::Existing((_, id)) => Some(id),
        Target::New(_) => None,
    };
    let locale = user.locale;
    let mut message = locale.t1("pay-saved", "name", &person.1);
    let submitted = save::submit::<PayReport>(db, user, target, form).await?;
    if let Submitted::Saved(report) = &submitted {
        let (reporting, report) = (reporting.0.clone(), report.clone());
        let warnings = db
            .run(move |c| Ok(warnings::after_save(c, &reporting, &report, locale.lang)?))
            .await?;
        for warning in warnings {
            message.push(' ');
            message.push_str(&locale.t1("pay-warning", "warning", warning));
        }
    }
    submitted.respond(
        |_| FormResponse::saved(format!("/people/{person_id}#pay"), message),
        |state, conflict, ()| {
            let layout = Layout::new("people", None, user);
            render(&PayReportFormPage {
                conflict,
                ..PayReportFormPage::new(layout, person, id, state)
            })
        },
    )
}

#[get("/people/<person_id>/pay/<id>/delete")]
async fn confirm_delete(
    user: Editor,
    db: &State<Db>,
    reporting: &State<ReportingCurrency>,
    person_id: PersonId,
    id: PayReportId,
) -> Result<RawHtml<String>, AppError> {
    let (person_id, person_name) = person_named(db, person_id).await?;
    let reporting = reporting.0.clone();
    let (report, value) = db
        .run(move |c| {
            let report = PayReport::find(c, person_id, id)?;
            let value = PayReport::valuations(c, std::slice::from_ref(&report), &reporting)?;
            // Deleted since it was found: as gone as if it had not been found.
            let value = value.into_iter().next().flatten();
            Ok((report, value.ok_or(diesel::NotFound)?))
        })
        .await?;
    render(&PayReportDeletePage {
        layout: Layout::new("people", None, &user),
        person_id,
        person_name,
        row: PayReportRow::new(report, value, user.locale.lang),
    })
}

#[post("/people/<person_id>/pay/<id>/delete")]
async fn delete(
    user: Editor,
    db: &State<Db>,
    person_id: PersonId,
    id: PayReportId,
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
        user.locale.t("pay-deleted"),
    ))
}
