//! The people list (its search, filters, order and pages), its CSV twin, and a person's page.

use rocket::request::FlashMessage;
use rocket::response::content::RawHtml;
use rocket::{FromForm, State, get};

use super::super::csv_file::CsvStream;
use super::super::{given, query_string};
use crate::auth::CurrentUser;
use crate::config::ReportingCurrency;
use crate::db::{Db, ReadDb};
use crate::domain::{CompanyId, PersonId, Stage};
use crate::error::AppError;
use crate::export;
use crate::models::{
    AuditEntry, Company, PayReport, Person, PersonFilter, PersonListItem, PersonSort, Position,
    StageChange,
};
use crate::views::audit::AuditRow;
use crate::views::pay_reports::PayReportRow;
use crate::views::people::*;
use crate::views::{Choice, FormState, Layout, Pager, render};

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
        let sort = match given(&self.sort) {
            None => PersonSort::default(),
            Some(name) => PersonSort::parse(&name).ok_or_else(|| {
                AppError::Unprocessable(format!("The people list cannot be sorted by “{name}”."))
            })?,
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
            after: number(&self.after, "a person id")?.map(PersonId),
            before: number(&self.before, "a person id")?.map(PersonId),
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
) -> Result<Option<CompanyId>, AppError> {
    let Some(name) = name else { return Ok(None) };
    match Company::find_by_name(conn, name)? {
        Some(company) => Ok(Some(company.id)),
        None => Err(AppError::Unprocessable(format!(
            "There is no company called “{name}”."
        ))),
    }
}

#[get("/people?<params..>")]
pub(super) async fn index(
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
        sorts: Choice::all_of::<PersonSort>(),
        pager,
    })
}

/// Which page of the people list was asked for.
struct PageRequest {
    page: i64,
    after: Option<PersonId>,
    before: Option<PersonId>,
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
    let pages = total.map(Pager::pages_for);
    // A page number alone is read by OFFSET, which counts through every row before it: past
    // the counted pages it is capped, and the page says that "Next" goes further.
    let by_cursor = request.after.is_some() || request.before.is_some();
    let jumpable = pages.unwrap_or(PeoplePager::JUMP_LIMIT);
    let capped = !by_cursor && request.page > jumpable;
    let mut page = if by_cursor {
        request.page
    } else {
        request.page.min(jumpable)
    };
    let by_offset = Position::Offset((page - 1).saturating_mul(per_page));
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
        capped: capped && total.is_none(),
        previous: match rows.first() {
            Some(_) if has_previous && page == 2 => Some("page=1".to_owned()),
            Some(first) if has_previous => Some(format!("page={}&before={}", page - 1, first.id)),
            _ => None,
        },
        next: rows
            .last()
            .filter(|_| has_next)
            .map(|last| format!("page={}&after={}", page.saturating_add(1), last.id)),
    };
    Ok((rows, pager))
}

/// The people list as CSV, with the same filters and order.
#[get("/people.csv?<params..>")]
pub(super) async fn download(
    _user: CurrentUser,
    reads: &State<ReadDb>,
    params: ListParams,
) -> Result<CsvStream, AppError> {
    let (sort, descending) = params.sort()?;
    let wanted = params.wanted()?;
    // Resolved before the stream starts: once it has, the 200 is sent and a 422 cannot be.
    let filter = reads.0.run(move |c| wanted.resolve(c)).await?;
    CsvStream::start(&reads.0, "people", move |c, out| {
        Ok(export::people(c, &filter, sort, descending, out)?)
    })
    .await
}

#[get("/people/<id>")]
pub(crate) async fn show(
    user: CurrentUser,
    db: &State<Db>,
    reporting: &State<ReportingCurrency>,
    flash: Option<FlashMessage<'_>>,
    id: PersonId,
) -> Result<RawHtml<String>, AppError> {
    // A viewer sees no pay: the reports are not even loaded for them.
    let sees_pay = user.role().sees_pay();
    let reporting = reporting.0.clone();
    let page = db
        .run(move |c| {
            let person = Person::find(c, id)?;
            let company = |c: &mut diesel::PgConnection, id: Option<CompanyId>| {
                Company::name_of(c, id).map(|name| id.zip(name))
            };
            Ok(PersonShowPage {
                layout: Layout::default(),
                origin_company: company(c, person.fields.origin_company_id)?,
                hiring_company: company(c, person.fields.hiring_company_id)?,
                history: StageChange::for_person(c, id)?,
                entries: AuditEntry::of_person(c, id, sees_pay)?
                    .iter()
                    .map(AuditRow::from)
                    .collect(),
                pay_reports: if sees_pay {
                    let reports = PayReport::for_person(c, id)?;
                    let valuations = PayReport::valuations(c, &reports, &reporting)?;
                    reports
                        .into_iter()
                        .zip(valuations)
                        .map(|(report, valuation)| PayReportRow::new(report, valuation))
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
