//! A person's page, and where the address of a person merged into another leads.

use rocket::request::FlashMessage;
use rocket::response::content::RawHtml;
use rocket::response::{Flash, Redirect};
use rocket::{State, get};

use crate::auth::CurrentUser;
use crate::config::ReportingCurrency;
use crate::db::Db;
use crate::domain::{CompanyId, PersonId};
use crate::error::AppError;
use crate::models::offer::Offers;
use crate::models::{AuditEntry, Company, PayReport, Person, PersonMerge, StageChange};
use crate::views::audit::AuditRow;
use crate::views::offers::with_markets;
use crate::views::pay_reports::PayReportRow;
use crate::views::people::*;
use crate::views::{Layout, render};

#[derive(rocket::Responder)]
pub(super) enum PersonPage {
    Shown(RawHtml<String>),
    /// The person was merged into another: their record lives on there (303).
    Merged(Box<Flash<Redirect>>),
}

#[get("/people/<id>")]
pub(crate) async fn show(
    user: CurrentUser,
    db: &State<Db>,
    reporting: &State<ReportingCurrency>,
    flash: Option<FlashMessage<'_>>,
    id: PersonId,
) -> Result<PersonPage, AppError> {
    // A viewer sees no pay: the reports are not even loaded for them.
    let sees_pay = user.role().sees_pay();
    let edits = user.role().edits();
    let reader = user.user.id;
    let reporting = reporting.0.clone();
    let (lang, locale) = (user.locale.lang, user.locale);
    let page = db
        .run(move |c| {
            let person = match Person::find(c, id) {
                Err(diesel::NotFound) => return Ok(Err(PersonMerge::survivor_now(c, id)?)),
                found => found?,
            };
            let company = |c: &mut diesel::PgConnection, id: Option<CompanyId>| {
                Company::name_of(c, id).map(|name| id.zip(name))
            };
            Ok(Ok(PersonShowPage {
                layout: Layout::default(),
                origin_company: company(c, person.fields.origin_company_id)?,
                hiring_company: company(c, person.fields.hiring_company_id)?,
                history: StageChange::for_person(c, id)?,
                entries: {
                    let entries = AuditEntry::of_person(c, id, sees_pay)?;
                    AuditRow::all(c, &entries, locale)?
                },
                pay_reports: if sees_pay {
                    let reports = PayReport::for_person(c, id)?;
                    let valuations = PayReport::valuations(c, &reports, &reporting)?;
                    // A report deleted since it was read has no value: it is not shown.
                    reports
                        .into_iter()
                        .zip(valuations)
                        .filter_map(|(report, value)| Some(PayReportRow::new(report, value?, lang)))
                        .collect()
                } else {
                    Vec::new()
                },
                offers: if sees_pay {
                    let offers = crate::offers::review(c, &reporting, &Offers::OfPerson(id))?;
                    with_markets(c, &reporting, offers, locale)?
                } else {
                    Vec::new()
                },
                possible_duplicates: if edits {
                    super::duplicates::possible_duplicates(c, &person)?
                } else {
                    Vec::new()
                },
                merges: if edits {
                    crate::models::PersonMerge::standing_into(c, id)?
                } else {
                    Vec::new()
                },
                identical: if edits && sees_pay {
                    PersonMerge::identical_reports(c, id)?
                } else {
                    Vec::new()
                },
                notes: crate::models::PersonNote::thread(c, id, reader)?,
                files: crate::models::PersonFile::of_person(c, id)?,
                person,
            }))
        })
        .await?;
    match page {
        Ok(page) => Ok(PersonPage::Shown(render(&PersonShowPage {
            layout: Layout::new("people", flash, &user),
            ..page
        })?)),
        Err(Some(survivor)) => Ok(PersonPage::Merged(Box::new(Flash::success(
            Redirect::to(format!("/people/{survivor}")),
            user.locale.t1("person-merged-here", "id", id),
        )))),
        Err(None) => Err(AppError::NotFound),
    }
}
