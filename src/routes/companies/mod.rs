//! Company pages: list, show and the CSV here; create and edit in `edit.rs`, delete with
//! confirmation in `delete.rs`.

mod delete;
mod edit;

use rocket::request::FlashMessage;
use rocket::response::content::RawHtml;
use rocket::{Route, State, get, routes};

use super::csv_file::CsvStream;
use super::{given, query_string};
use crate::auth::CurrentUser;
use crate::csv_format::Dialect;
use crate::db::{Db, ReadDb};
use crate::domain::{CompanyId, CompanyKind};
use crate::error::AppError;
use crate::export;
use crate::i18n::{Lang, Msg};
use crate::models::{Company, CompanySort, Person, PersonFilter, PersonSort, Position};
use crate::views::companies::*;
use crate::views::sorting::{SortHeader, parse_order};
use crate::views::{Choice, Layout, Pager, render};

pub fn routes() -> Vec<Route> {
    routes![
        index,
        download,
        show,
        edit::new,
        edit::create,
        edit::edit,
        edit::update,
        delete::confirm_delete,
        delete::delete
    ]
}

#[get("/companies?<q>&<kind>&<page>&<sort>&<dir>")]
#[expect(
    clippy::too_many_arguments,
    reason = "one per query parameter and guard"
)]
pub(super) async fn index(
    user: CurrentUser,
    db: &State<Db>,
    flash: Option<FlashMessage<'_>>,
    q: Option<String>,
    kind: Option<String>,
    page: Option<i64>,
    sort: Option<String>,
    dir: Option<String>,
) -> Result<RawHtml<String>, AppError> {
    let kind_filter = kind_filter(&kind, user.locale.lang)?;
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
        headers: SortHeader::all(
            &format!("/companies?{filtered}"),
            order.0,
            order.1,
            user.locale.lang,
        ),
        query: format!(
            "{filtered}{}",
            query_string([("sort", sort.as_str()), ("dir", dir.as_str())])
        ),
        companies,
        search,
        kind,
        kinds: Choice::all_in::<CompanyKind>(user.locale),
        pager,
    })
}

/// The company list as CSV, with the same search and kind.
#[get("/companies.csv?<q>&<kind>")]
async fn download(
    user: CurrentUser,
    reads: ReadDb,
    q: Option<String>,
    kind: Option<String>,
    dialect: Dialect,
) -> Result<CsvStream, AppError> {
    let kind = kind_filter(&kind, user.locale.lang)?;
    let search = given(&q);
    CsvStream::start(&reads.0, "companies", dialect, move |c, out| {
        Ok(export::companies(c, search.as_deref(), kind, dialect, out)?)
    })
    .await
}

fn kind_filter(kind: &Option<String>, lang: Lang) -> Result<Option<CompanyKind>, AppError> {
    given(kind)
        .map(|name| {
            CompanyKind::parse(&name).ok_or_else(|| {
                AppError::Unprocessable(
                    Msg::new("companies-no-such-kind")
                        .arg("name", &name)
                        .text(lang),
                )
            })
        })
        .transpose()
}

#[get("/companies/<id>")]
pub(super) async fn show(
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
