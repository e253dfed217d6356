//! People pages: the searchable list, a person's page, create, edit, delete.

use rocket::form::{Contextual, Form};
use rocket::request::FlashMessage;
use rocket::response::content::RawHtml;
use rocket::response::{Flash, Redirect};
use rocket::{FromForm, Route, State, get, post, routes, uri};

use super::csv_file::CsvStream;
use super::{FormResponse, STALE_FORM, given, query_string};
use crate::auth::{Admin, CurrentUser, Editor};
use crate::db::{Db, ReadDb};
use crate::domain::{Date, LongText, Maybe, Stage, Text, rules};
use crate::error::AppError;
use crate::export;
use crate::models::{
    AuditEntry, Company, PayReport, Person, PersonFields, PersonFilter, PersonListItem, PersonSort,
    Position, StageChange,
};
use crate::views::audit::AuditRow;
use crate::views::pay_reports::PayReportRow;
use crate::views::people::*;
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
        delete,
        confirm_erase,
        erase
    ]
}

#[derive(Debug, FromForm)]
pub struct PersonForm {
    full_name: Text,
    title: Maybe<Text>,
    expertise: Maybe<Text>,
    origin_company: Maybe<Text>,
    hiring_company: Maybe<Text>,
    team: Maybe<Text>,
    stage: Stage,
    first_contact_on: Maybe<Date>,
    offer_on: Maybe<Date>,
    decided_on: Maybe<Date>,
    start_on: Maybe<Date>,
    location: Maybe<Text>,
    notes: Maybe<LongText>,
}

/// The list's query string as typed; each value is checked before any query runs.
#[derive(Debug, Default, FromForm)]
pub(crate) struct ListParams {
    q: Option<String>,
    origin_company: Option<String>,
    hiring_company: Option<String>,
    stage: Option<String>,
    sort: Option<String>,
    dir: Option<String>,
    page: Option<String>,
    /// Keyset cursors: the page starts after, or ends before, this person.
    after: Option<String>,
    before: Option<String>,
}

impl ListParams {
    pub(crate) fn sort(&self) -> Result<(PersonSort, bool), AppError> {
        let sort = match given(&self.sort).as_deref() {
            None | Some("name") => PersonSort::Name,
            Some("stage") => PersonSort::Stage,
            Some("origin_company") => PersonSort::Origin,
            Some("hiring_company") => PersonSort::Hiring,
            Some("start") => PersonSort::Started,
            Some("updated") => PersonSort::Updated,
            Some(other) => {
                return Err(AppError::Unprocessable(format!(
                    "The people list cannot be sorted by “{other}”."
                )));
            }
        };
        let descending = match given(&self.dir).as_deref() {
            None | Some("asc") => false,
            Some("desc") => true,
            Some(other) => {
                return Err(AppError::Unprocessable(format!(
                    "“{other}” is not a sort direction (asc or desc)."
                )));
            }
        };
        Ok((sort, descending))
    }

    pub(crate) fn wanted(&self) -> Result<WantedPeople, AppError> {
        Ok(WantedPeople {
            name: given(&self.q),
            origin: given(&self.origin_company),
            hiring: given(&self.hiring_company),
            stage: self.stage()?,
        })
    }

    fn page(&self) -> Result<PageRequest, AppError> {
        let number = |value: &Option<String>, what: &str| {
            given(value)
                .map(|p| {
                    p.parse::<i64>()
                        .map_err(|_| AppError::Unprocessable(format!("“{p}” is not {what}.")))
                })
                .transpose()
        };
        Ok(PageRequest {
            page: number(&self.page, "a page number")?.unwrap_or(1).max(1),
            after: number(&self.after, "a person id")?,
            before: number(&self.before, "a person id")?,
        })
    }

    fn stage(&self) -> Result<Option<Stage>, AppError> {
        given(&self.stage)
            .map(|s| {
                Stage::parse(&s).ok_or_else(|| {
                    AppError::Unprocessable(format!("There is no stage called “{s}”."))
                })
            })
            .transpose()
    }
}

/// The list's filters as typed, checked; companies still named, not yet looked up.
pub(crate) struct WantedPeople {
    name: Option<String>,
    origin: Option<String>,
    hiring: Option<String>,
    stage: Option<Stage>,
}

impl WantedPeople {
    pub(crate) fn resolve(
        &self,
        conn: &mut diesel::PgConnection,
    ) -> Result<PersonFilter, AppError> {
        Ok(PersonFilter {
            name: self.name.clone(),
            origin_company_id: company_filter(conn, self.origin.as_deref())?,
            hiring_company_id: company_filter(conn, self.hiring.as_deref())?,
            stage: self.stage,
        })
    }
}

/// Resolves a company filter given by name; naming a company that does not exist is an error.
fn company_filter(
    conn: &mut diesel::PgConnection,
    name: Option<&str>,
) -> Result<Option<i64>, AppError> {
    let Some(name) = name else { return Ok(None) };
    match Company::find_by_name(conn, name)? {
        Some(company) => Ok(Some(company.id)),
        None => Err(AppError::Unprocessable(format!(
            "There is no company called “{name}”."
        ))),
    }
}

#[get("/people?<params..>")]
async fn index(
    user: CurrentUser,
    db: &State<Db>,
    flash: Option<FlashMessage<'_>>,
    params: ListParams,
) -> Result<RawHtml<String>, AppError> {
    let (sort, descending) = params.sort()?;
    let page = params.page()?;
    let wanted = params.wanted()?;
    let (people, pager, names) = db
        .run(move |c| {
            let filter = wanted.resolve(c)?;
            let (people, pager) = list_page(c, &filter, sort, descending, page)?;
            Ok((people, pager, Company::names_if_few(c)?))
        })
        .await?;
    let shown = [
        ("q", params.q.unwrap_or_default()),
        ("origin_company", params.origin_company.unwrap_or_default()),
        ("hiring_company", params.hiring_company.unwrap_or_default()),
        ("stage", params.stage.unwrap_or_default()),
        ("sort", params.sort.unwrap_or_default()),
        ("dir", params.dir.unwrap_or_default()),
    ];
    render(&PersonIndexPage {
        layout: Layout::new("people", flash, &user),
        query: query_string(shown.iter().map(|(k, v)| (*k, v.as_str()))),
        filters: FormState::with_values(shown),
        people,
        companies: company_choices(names),
        stages: Choice::all_of::<Stage>(),
        sorts: sort_choices(),
        pager,
    })
}

/// Which page of the people list was asked for.
struct PageRequest {
    page: i64,
    after: Option<i64>,
    before: Option<i64>,
}

/// One page of the list with links to its neighbours. Pages are read by keyset from the
/// cursor in the link; a page number alone (typed by hand) is read by offset.
fn list_page(
    c: &mut diesel::PgConnection,
    filter: &PersonFilter,
    sort: PersonSort,
    descending: bool,
    request: PageRequest,
) -> Result<(Vec<PersonListItem>, PeoplePager), AppError> {
    let per_page = Pager::PER_PAGE;
    let total = Person::count_up_to(c, filter, PeoplePager::COUNT_LIMIT)?;
    let pages = total.map(|n| ((n + per_page - 1) / per_page).max(1));
    let mut page = pages.map_or(request.page, |p| request.page.min(p));
    let by_offset = Position::Offset((page - 1) * per_page);
    let mut at = match (request.after, request.before) {
        (Some(id), _) => Position::After(id),
        (None, Some(id)) => Position::Before(id),
        (None, None) => by_offset,
    };
    // One row more than a page tells whether there is another page beyond it.
    let mut rows = Person::list(c, filter, sort, descending, at, per_page + 1)?;
    if rows.is_empty() && at != by_offset {
        // The cursor person was deleted meanwhile: fall back to the page number.
        at = by_offset;
        rows = Person::list(c, filter, sort, descending, at, per_page + 1)?;
    }
    let more = rows.len() as i64 > per_page;
    let (has_previous, has_next) = if let Position::Before(_) = at {
        if more {
            rows.remove(0);
        } else {
            page = 1;
        }
        (more, true)
    } else {
        rows.truncate(per_page as usize);
        (page > 1, more)
    };
    let pager = PeoplePager {
        page,
        total,
        pages,
        previous: match rows.first() {
            Some(_) if has_previous && page == 2 => Some("page=1".to_owned()),
            Some(first) if has_previous => Some(format!("page={}&before={}", page - 1, first.id)),
            _ => None,
        },
        next: rows
            .last()
            .filter(|_| has_next)
            .map(|last| format!("page={}&after={}", page + 1, last.id)),
    };
    Ok((rows, pager))
}

/// The people list as CSV, with the same filters and order.
#[get("/people.csv?<params..>")]
async fn download(
    _user: CurrentUser,
    reads: &State<ReadDb>,
    params: ListParams,
) -> Result<CsvStream, AppError> {
    let (sort, descending) = params.sort()?;
    let wanted = params.wanted()?;
    CsvStream::start(&reads.0, "people", move |c, out| {
        let filter = wanted.resolve(c)?;
        Ok(export::people(c, &filter, sort, descending, out)?)
    })
    .await
}

#[get("/people/<id>")]
async fn show(
    user: CurrentUser,
    db: &State<Db>,
    flash: Option<FlashMessage<'_>>,
    id: i64,
) -> Result<RawHtml<String>, AppError> {
    // A viewer sees no pay: the reports are not even loaded for them.
    let sees_pay = user.role().sees_pay();
    let page = db
        .run(move |c| {
            let person = Person::find(c, id)?;
            let company = |c: &mut diesel::PgConnection, id: Option<i64>| -> Result<_, AppError> {
                Ok(id
                    .map(|id| Company::find(c, id))
                    .transpose()?
                    .map(|co| (co.id, co.name)))
            };
            Ok(PersonShowPage {
                layout: Layout::default(),
                origin_company: company(c, person.origin_company_id)?,
                hiring_company: company(c, person.hiring_company_id)?,
                history: StageChange::for_person(c, id)?,
                entries: AuditEntry::of_person(c, id, sees_pay)?
                    .iter()
                    .map(AuditRow::from)
                    .collect(),
                pay_reports: if sees_pay {
                    PayReport::for_person(c, id)?
                        .into_iter()
                        .map(PayReportRow::new)
                        .collect()
                } else {
                    Vec::new()
                },
                person,
            })
        })
        .await?;
    render(&PersonShowPage {
        layout: Layout::new("people", flash, &user),
        ..page
    })
}

#[get("/people/new")]
async fn new(user: Editor, db: &State<Db>) -> Result<RawHtml<String>, AppError> {
    let names = db.run(|c| Ok(Company::names_if_few(c)?)).await?;
    let form = FormState::with_values([("stage", Stage::Sourced.as_str().to_owned())]);
    render(&PersonFormPage::new(
        Layout::new("people", None, &user),
        None,
        form,
        names,
    ))
}

#[post("/people", data = "<form>")]
async fn create(
    user: Editor,
    db: &State<Db>,
    form: Form<Contextual<'_, PersonForm>>,
) -> Result<FormResponse, AppError> {
    save(db, &user, None, form.into_inner()).await
}

#[get("/people/<id>/edit")]
async fn edit(user: Editor, db: &State<Db>, id: i64) -> Result<RawHtml<String>, AppError> {
    let (form, names) = db
        .run(move |c| {
            let person = Person::find(c, id)?;
            let name_of = |c: &mut diesel::PgConnection, id: Option<i64>| -> Result<_, AppError> {
                Ok(id
                    .map(|id| Company::find(c, id))
                    .transpose()?
                    .map(|co| co.name))
            };
            let origin = name_of(c, person.origin_company_id)?;
            let hiring = name_of(c, person.hiring_company_id)?;
            Ok((
                PersonFormPage::values_of(&person, origin, hiring),
                Company::names_if_few(c)?,
            ))
        })
        .await?;
    render(&PersonFormPage::new(
        Layout::new("people", None, &user),
        Some(id),
        form,
        names,
    ))
}

#[post("/people/<id>/edit", data = "<form>")]
async fn update(
    user: Editor,
    db: &State<Db>,
    id: i64,
    form: Form<Contextual<'_, PersonForm>>,
) -> Result<FormResponse, AppError> {
    save(db, &user, Some(id), form.into_inner()).await
}

/// Creates (`id` is `None`) or updates a person, or shows the form again with the errors.
async fn save(
    db: &State<Db>,
    user: &CurrentUser,
    id: Option<i64>,
    form: Contextual<'_, PersonForm>,
) -> Result<FormResponse, AppError> {
    let mut state = FormState::from_context(&form.context);
    check_dates(&mut state);
    let parsed = form.value;
    let outcome = db
        .run_as(user.actor(), move |c| {
            let Some(form) = parsed else {
                return Ok(Err((state, Vec::new())));
            };
            let origin = form.origin_company.into_inner().map(Text::into_inner);
            let hiring = form.hiring_company.into_inner().map(Text::into_inner);
            let origin_company_id =
                resolve_company(c, &mut state, "origin_company", origin.as_deref())?;
            let hiring_company_id =
                resolve_company(c, &mut state, "hiring_company", hiring.as_deref())?;
            let (offer_on, decided_on) = (form.offer_on.into_inner(), form.decided_on.into_inner());
            if state.has_errors() {
                return Ok(Err((state, Vec::new())));
            }
            let fields = PersonFields {
                full_name: form.full_name.into_inner(),
                title: form.title.into_inner().map(Text::into_inner),
                expertise: form.expertise.into_inner().map(Text::into_inner),
                origin_company_id,
                hiring_company_id,
                team: form.team.into_inner().map(Text::into_inner),
                stage: form.stage,
                first_contact_on: form.first_contact_on.into_inner().map(Date::into_inner),
                offer_on: offer_on.map(Date::into_inner),
                decided_on: decided_on.map(Date::into_inner),
                start_on: form.start_on.into_inner().map(Date::into_inner),
                location: form.location.into_inner().map(Text::into_inner),
                notes: form.notes.into_inner().map(Text::into_inner),
            };
            let person = match (id, state.version()) {
                (Some(id), Some(version)) => match Person::update_version(c, id, version, &fields)?
                {
                    Some(person) => person,
                    None => {
                        // Someone saved meanwhile: their version beside this input, which is kept.
                        let theirs = Person::find(c, id)?;
                        let name_of = |c: &mut diesel::PgConnection,
                                       id: Option<i64>|
                         -> Result<_, AppError> {
                            Ok(id
                                .map(|id| Company::find(c, id))
                                .transpose()?
                                .map(|co| co.name))
                        };
                        let (origin, hiring) = (
                            name_of(c, theirs.origin_company_id)?,
                            name_of(c, theirs.hiring_company_id)?,
                        );
                        let conflict =
                            state.differences(&PersonFormPage::values_of(&theirs, origin, hiring));
                        state.set("version", theirs.version.to_string());
                        return Ok(Err((state, conflict)));
                    }
                },
                (Some(id), None) => {
                    // A missing record is a 404 before it is a stale form.
                    Person::find(c, id)?;
                    return Err(AppError::Unprocessable(STALE_FORM.into()));
                }
                (None, _) => Person::insert(c, &fields)?,
            };
            Ok(Ok(person))
        })
        .await?;
    match outcome {
        Ok(person) => Ok(FormResponse::saved(
            uri!(show(person.id)),
            format!("Saved {}.", person.full_name),
        )),
        Err((state, conflict)) => {
            let names = db.run(|c| Ok(Company::names_if_few(c)?)).await?;
            let page = PersonFormPage::new(Layout::new("people", None, user), id, state, names);
            if conflict.is_empty() {
                Ok(FormResponse::Invalid(render(&page)?))
            } else {
                Ok(FormResponse::Refused(render(&PersonFormPage {
                    conflict,
                    ..page
                })?))
            }
        }
    }
}

/// The rule between dates, checked on the input as typed so it shows with any other error.
fn check_dates(state: &mut FormState) {
    let offer = Date::parse(state.value("offer_on"));
    let decided = Date::parse(state.value("decided_on"));
    if let (Ok(offer), Ok(decided)) = (offer, decided)
        && let Some((field, message)) = rules::decided_after_offer(offer, decided)
    {
        state.add_error(field, message);
    }
}

/// The id of the company a form names, or a field error when there is none of that name.
fn resolve_company(
    conn: &mut diesel::PgConnection,
    state: &mut FormState,
    field: &str,
    name: Option<&str>,
) -> Result<Option<i64>, AppError> {
    let Some(name) = name else { return Ok(None) };
    let found = Company::find_by_name(conn, name)?;
    if found.is_none() {
        state.add_error(
            field,
            format!("There is no company called “{name}”. Add it under Companies first."),
        );
    }
    Ok(found.map(|c| c.id))
}

#[get("/people/<id>/erase")]
async fn confirm_erase(user: Admin, db: &State<Db>, id: i64) -> Result<RawHtml<String>, AppError> {
    let person = db.run(move |c| Ok(Person::find(c, id)?)).await?;
    render(&PersonErasePage {
        layout: Layout::new("people", None, &user),
        person,
    })
}

#[post("/people/<id>/erase")]
async fn erase(user: Admin, db: &State<Db>, id: i64) -> Result<Flash<Redirect>, AppError> {
    db.run_as(user.actor(), move |c| Ok(Person::erase(c, id)?))
        .await?;
    Ok(Flash::success(
        Redirect::to(uri!(show(id))),
        "Erased: the personal data is gone; the pay figures stay as anonymous statistics.",
    ))
}

#[get("/people/<id>/delete")]
async fn confirm_delete(
    user: Editor,
    db: &State<Db>,
    id: i64,
) -> Result<RawHtml<String>, AppError> {
    let (person, pay_reports) = db
        .run(move |c| Ok((Person::find(c, id)?, PayReport::for_person(c, id)?.len())))
        .await?;
    render(&PersonDeletePage {
        layout: Layout::new("people", None, &user),
        person,
        pay_reports,
    })
}

#[post("/people/<id>/delete")]
async fn delete(user: Editor, db: &State<Db>, id: i64) -> Result<Flash<Redirect>, AppError> {
    let person = db
        .run_as(user.actor(), move |c| {
            let person = Person::find(c, id)?;
            Person::delete(c, id)?;
            Ok(person)
        })
        .await?;
    Ok(Flash::success(
        Redirect::to("/people"),
        format!("Deleted {} and their pay reports.", person.full_name),
    ))
}
