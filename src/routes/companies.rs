//! Company pages: list, show, create, edit, delete with confirmation.

use rocket::form::{Contextual, Form};
use rocket::request::FlashMessage;
use rocket::response::content::RawHtml;
use rocket::{Route, State, get, post, routes, uri};

use diesel::PgConnection;

use super::csv_file::CsvStream;
use super::save::{self, Target, Versioned};
use super::{FormResponse, given, query_string};
use crate::auth::{CurrentUser, Editor};
use crate::csv_format::Dialect;
use crate::db::{Db, ReadDb};
use crate::domain::{CompanyId, CompanyKind};
use crate::error::{AppError, is_foreign_key_violation};
use crate::export;
use crate::input::{self, CompanyInput};
use crate::models::company::NAME_UNIQUE_INDEXES;
use crate::models::{
    Company, CompanySort, Person, PersonFilter, PersonSort, Position, SaveOutcome,
};
use crate::views::companies::*;
use crate::views::sorting::{SortHeader, parse_order};
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

impl Versioned for Company {
    type Input = CompanyInput;
    type Parent = ();
    type Key = CompanyId;

    fn find(conn: &mut PgConnection, id: CompanyId) -> Result<Company, AppError> {
        Ok(Company::find(conn, id)?)
    }

    fn form_values(&self, _conn: &mut PgConnection) -> Result<FormState, AppError> {
        let mut values = input::form_values(&CompanyInput::stored(self.fields.clone()))?;
        values.set("version", self.version.to_string());
        Ok(values)
    }

    fn write(
        conn: &mut PgConnection,
        target: Target<(), CompanyId>,
        version: Option<i32>,
        input: CompanyInput,
        state: &mut FormState,
    ) -> Result<Option<SaveOutcome<Company>>, AppError> {
        let fields = input.into_fields();
        let saved = match target {
            Target::Existing(id) => Company::update(conn, id, version, &fields),
            Target::New(()) => Company::insert(conn, &fields).map(SaveOutcome::Saved),
        };
        match saved.map_err(AppError::from) {
            Err(e) if NAME_UNIQUE_INDEXES.iter().any(|index| e.violates(index)) => {
                let name = fields.name;
                let taken =
                    format!("A company called “{name}” exists already (names ignore case).");
                state.add_error("name", taken);
                Ok(None)
            }
            saved => saved.map(Some),
        }
    }
}

#[get("/companies?<q>&<kind>&<page>&<sort>&<dir>")]
#[expect(
    clippy::too_many_arguments,
    reason = "one per query parameter and guard"
)]
async fn index(
    user: CurrentUser,
    db: &State<Db>,
    flash: Option<FlashMessage<'_>>,
    q: Option<String>,
    kind: Option<String>,
    page: Option<i64>,
    sort: Option<String>,
    dir: Option<String>,
) -> Result<RawHtml<String>, AppError> {
    let kind_filter = kind_filter(&kind)?;
    let order: (CompanySort, bool) = parse_order(
        given(&sort).as_deref(),
        given(&dir).as_deref(),
        "company list",
    )?;
    let search = given(&q);
    let (companies, pager) = db
        .run(move |c| {
            let pager = Pager::new(page, Company::count(c, search.as_deref(), kind_filter)?);
            let rows = Company::list(
                c,
                search.as_deref(),
                kind_filter,
                order,
                pager.offset(),
                Pager::PER_PAGE,
            )?;
            Ok((rows, pager))
        })
        .await?;
    let (search, kind) = (q.unwrap_or_default(), kind.unwrap_or_default());
    let filtered = query_string([("q", search.as_str()), ("kind", kind.as_str())]);
    let (sort, dir) = (sort.unwrap_or_default(), dir.unwrap_or_default());
    render(&CompanyIndexPage {
        layout: Layout::new("companies", flash, &user),
        headers: SortHeader::all(&format!("/companies?{filtered}"), order.0, order.1),
        query: format!(
            "{filtered}{}",
            query_string([("sort", sort.as_str()), ("dir", dir.as_str())])
        ),
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
    dialect: Dialect,
) -> Result<CsvStream, AppError> {
    let kind = kind_filter(&kind)?;
    let search = given(&q);
    CsvStream::start(&reads.0, "companies", dialect, move |c, out| {
        Ok(export::companies(c, search.as_deref(), kind, dialect, out)?)
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
    id: CompanyId,
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
    form: Form<Contextual<'_, CompanyInput>>,
) -> Result<FormResponse, AppError> {
    submit(db, &user, None, form.into_inner()).await
}

#[get("/companies/<id>/edit")]
async fn edit(user: Editor, db: &State<Db>, id: CompanyId) -> Result<RawHtml<String>, AppError> {
    let form = db
        .run(move |c| Company::find(c, id)?.form_values(c))
        .await?;
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
    id: CompanyId,
    form: Form<Contextual<'_, CompanyInput>>,
) -> Result<FormResponse, AppError> {
    submit(db, &user, Some(id), form.into_inner()).await
}

async fn submit(
    db: &State<Db>,
    user: &CurrentUser,
    id: Option<CompanyId>,
    form: Contextual<'_, CompanyInput>,
) -> Result<FormResponse, AppError> {
    save::submit::<Company>(db, user, save::target(id), form)
        .await?
        .respond(
            |company| {
                let message = format!("Saved {}.", company.fields.name);
                FormResponse::saved(uri!(show(company.id)), message)
            },
            |state, conflict| {
                let layout = Layout::new("companies", None, user);
                render(&CompanyFormPage {
                    conflict,
                    ..CompanyFormPage::new(layout, id, state)
                })
            },
        )
}

#[get("/companies/<id>/delete")]
async fn confirm_delete(
    user: Editor,
    db: &State<Db>,
    id: CompanyId,
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
async fn delete(user: Editor, db: &State<Db>, id: CompanyId) -> Result<FormResponse, AppError> {
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
            uri!(index(_, _, _, _, _)),
            format!("Deleted {}.", company.fields.name),
        )),
        Err((company, people)) => Ok(FormResponse::Refused(render(&CompanyDeletePage {
            layout: Layout::new("companies", None, &user),
            company,
            people,
        })?)),
    }
}
