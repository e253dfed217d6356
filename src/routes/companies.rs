//! Company pages: list, show, create, edit, delete with confirmation.

use rocket::form::{Contextual, Form};
use rocket::request::FlashMessage;
use rocket::response::content::RawHtml;
use rocket::{FromForm, Route, State, get, post, routes, uri};

use super::csv_file::CsvStream;
use super::{FormResponse, STALE_FORM, given, query_string};
use crate::auth::{CurrentUser, Editor};
use crate::db::{Db, ReadDb};
use crate::domain::{CompanyKind, CountryCode, LongText, Maybe, Text, WebUrl};
use crate::error::{AppError, is_foreign_key_violation};
use crate::export;
use crate::models::company::NAME_UNIQUE_INDEX;
use crate::models::{Company, CompanyFields, Person, PersonFilter, PersonSort, Position};
use crate::views::companies::*;
use crate::views::{Choice, FormState, Layout, Pager, render};

pub fn routes() -> Vec<Route> {
    routes![
        index,
        download,
        show,
        new,
        create,
        edit,
        update,
        confirm_delete,
        delete
    ]
}

#[derive(Debug, FromForm)]
pub struct CompanyForm {
    name: Text,
    kind: CompanyKind,
    website: Maybe<WebUrl>,
    country: Maybe<CountryCode>,
    notes: Maybe<LongText>,
}

impl CompanyForm {
    fn into_fields(self) -> CompanyFields {
        CompanyFields {
            name: self.name.into_inner(),
            kind: self.kind,
            website: self.website.into_inner().map(WebUrl::into_inner),
            country: self.country.into_inner().map(CountryCode::into_inner),
            notes: self.notes.into_inner().map(Text::into_inner),
        }
    }
}

#[get("/companies?<q>&<kind>&<page>")]
async fn index(
    user: CurrentUser,
    db: &State<Db>,
    flash: Option<FlashMessage<'_>>,
    q: Option<String>,
    kind: Option<String>,
    page: Option<i64>,
) -> Result<RawHtml<String>, AppError> {
    let kind_filter = kind_filter(&kind)?;
    let search = given(&q);
    let (companies, pager) = db
        .run(move |c| {
            let pager = Pager::new(page, Company::count(c, search.as_deref(), kind_filter)?);
            let rows = Company::search(
                c,
                search.as_deref(),
                kind_filter,
                pager.offset(),
                Pager::PER_PAGE,
            )?;
            Ok((rows, pager))
        })
        .await?;
    let (search, kind) = (q.unwrap_or_default(), kind.unwrap_or_default());
    render(&CompanyIndexPage {
        layout: Layout::new("companies", flash, &user),
        query: query_string([("q", search.as_str()), ("kind", kind.as_str())]),
        companies,
        search,
        kind,
        kinds: Choice::all_of::<CompanyKind>(),
        pager,
    })
}

/// The company list as CSV, with the same search and kind.
#[get("/companies.csv?<q>&<kind>")]
async fn download(
    _user: CurrentUser,
    reads: &State<ReadDb>,
    q: Option<String>,
    kind: Option<String>,
) -> Result<CsvStream, AppError> {
    let kind = kind_filter(&kind)?;
    let search = given(&q);
    CsvStream::start(&reads.0, "companies", move |c, out| {
        Ok(export::companies(c, search.as_deref(), kind, out)?)
    })
    .await
}

fn kind_filter(kind: &Option<String>) -> Result<Option<CompanyKind>, AppError> {
    given(kind)
        .map(|name| {
            CompanyKind::parse(&name).ok_or_else(|| {
                AppError::Unprocessable(format!("There is no company kind called “{name}”."))
            })
        })
        .transpose()
}

#[get("/companies/<id>")]
async fn show(
    user: CurrentUser,
    db: &State<Db>,
    flash: Option<FlashMessage<'_>>,
    id: i64,
) -> Result<RawHtml<String>, AppError> {
    const SHOWN: i64 = 20;
    let (company, came_from, hired) = db
        .run(move |c| {
            let company = Company::find(c, id)?;
            let from = PersonFilter {
                origin_company_id: Some(id),
                ..Default::default()
            };
            let to = PersonFilter {
                hiring_company_id: Some(id),
                ..Default::default()
            };
            let came_from = Person::list(
                c,
                &from,
                PersonSort::Name,
                false,
                Position::Offset(0),
                SHOWN,
            )?;
            let hired = Person::list(c, &to, PersonSort::Name, false, Position::Offset(0), SHOWN)?;
            Ok((company, came_from, hired))
        })
        .await?;
    render(&CompanyShowPage {
        layout: Layout::new("companies", flash, &user),
        company,
        came_from,
        hired,
    })
}

#[get("/companies/new")]
fn new(user: Editor) -> Result<RawHtml<String>, AppError> {
    let form = FormState::with_values([("kind", CompanyKind::AiLab.as_str().to_owned())]);
    render(&CompanyFormPage::new(
        Layout::new("companies", None, &user),
        None,
        form,
    ))
}

#[post("/companies", data = "<form>")]
async fn create(
    user: Editor,
    db: &State<Db>,
    form: Form<Contextual<'_, CompanyForm>>,
) -> Result<FormResponse, AppError> {
    save(db, &user, None, form.into_inner()).await
}

#[get("/companies/<id>/edit")]
async fn edit(user: Editor, db: &State<Db>, id: i64) -> Result<RawHtml<String>, AppError> {
    let company = db.run(move |c| Ok(Company::find(c, id)?)).await?;
    let form = CompanyFormPage::values_of(&company);
    render(&CompanyFormPage::new(
        Layout::new("companies", None, &user),
        Some(id),
        form,
    ))
}

#[post("/companies/<id>/edit", data = "<form>")]
async fn update(
    user: Editor,
    db: &State<Db>,
    id: i64,
    form: Form<Contextual<'_, CompanyForm>>,
) -> Result<FormResponse, AppError> {
    save(db, &user, Some(id), form.into_inner()).await
}

/// Creates (`id` is `None`) or updates a company, or shows the form again with the errors.
async fn save(
    db: &State<Db>,
    user: &CurrentUser,
    id: Option<i64>,
    form: Contextual<'_, CompanyForm>,
) -> Result<FormResponse, AppError> {
    let mut state = FormState::from_context(&form.context);
    let Some(fields) = form.value.map(CompanyForm::into_fields) else {
        return invalid(user, id, state);
    };
    let name = fields.name.clone();
    let version = state.version();
    let saved = db
        .run_as(user.actor(), move |c| match (id, version) {
            (Some(id), Some(version)) => match Company::update_version(c, id, version, &fields)? {
                Some(company) => Ok(Ok(company)),
                None => Ok(Err(Company::find(c, id)?)),
            },
            (Some(id), None) => {
                // A missing record is a 404 before it is a stale form.
                Company::find(c, id)?;
                Err(AppError::Unprocessable(STALE_FORM.into()))
            }
            (None, _) => Ok(Ok(Company::insert(c, &fields)?)),
        })
        .await;
    match saved {
        Ok(Err(theirs)) => {
            // Someone saved meanwhile: show their version beside this input, which is kept.
            let conflict = state.differences(&CompanyFormPage::values_of(&theirs));
            state.set("version", theirs.version.to_string());
            let page = CompanyFormPage {
                conflict,
                ..CompanyFormPage::new(Layout::new("companies", None, user), id, state)
            };
            Ok(FormResponse::Refused(render(&page)?))
        }
        Ok(Ok(company)) => Ok(FormResponse::saved(
            uri!(show(company.id)),
            format!("Saved {}.", company.name),
        )),
        Err(e) if e.violates(NAME_UNIQUE_INDEX) => {
            state.add_error(
                "name",
                format!("A company called “{name}” exists already (names ignore case)."),
            );
            invalid(user, id, state)
        }
        Err(e) => Err(e),
    }
}

fn invalid(user: &CurrentUser, id: Option<i64>, form: FormState) -> Result<FormResponse, AppError> {
    let page = CompanyFormPage::new(Layout::new("companies", None, user), id, form);
    Ok(FormResponse::Invalid(render(&page)?))
}

#[get("/companies/<id>/delete")]
async fn confirm_delete(
    user: Editor,
    db: &State<Db>,
    id: i64,
) -> Result<RawHtml<String>, AppError> {
    let (company, people) = db
        .run(move |c| Ok((Company::find(c, id)?, Company::people_count(c, id)?)))
        .await?;
    render(&CompanyDeletePage {
        layout: Layout::new("companies", None, &user),
        company,
        people,
    })
}

#[post("/companies/<id>/delete")]
async fn delete(user: Editor, db: &State<Db>, id: i64) -> Result<FormResponse, AppError> {
    // The foreign keys refuse the delete even if someone added a person since the
    // confirmation page: the check and the delete cannot disagree.
    let outcome = db
        .run_as(user.actor(), move |c| {
            let company = Company::find(c, id)?;
            match Company::delete(c, id) {
                Ok(_) => Ok(Ok(company)),
                Err(e) if is_foreign_key_violation(&e) => {
                    Ok(Err((company, Company::people_count(c, id)?)))
                }
                Err(e) => Err(e.into()),
            }
        })
        .await?;
    match outcome {
        Ok(company) => Ok(FormResponse::saved(
            uri!(index(_, _, _)),
            format!("Deleted {}.", company.name),
        )),
        Err((company, people)) => Ok(FormResponse::Refused(render(&CompanyDeletePage {
            layout: Layout::new("companies", None, &user),
            company,
            people,
        })?)),
    }
}
