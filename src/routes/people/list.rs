//! The people list (its search, filters, order and pages) and its CSV twin.

use crate::i18n::input::reading;
use rocket::request::FlashMessage;
use rocket::response::content::RawHtml;
use rocket::{State, get};

use super::super::csv_file::CsvStream;
use super::super::query_string;
use super::params::{ListParams, PageRequest};
use crate::auth::CurrentUser;
use crate::csv_format::Dialect;
use crate::db::{Db, ReadDb};
use crate::domain::{Confidence, PayKind, Stage};
use crate::error::AppError;
use crate::export;
use crate::models::{Company, Person, PersonFilter, PersonListItem, PersonSort, Position};
use crate::views::people::*;
use crate::views::sorting::SortHeader;
use crate::views::{Choice, FormState, Layout, Pager, render};

/// The people list, or (422) the same page with the filters as typed and why they cannot be
/// used, as the reports answer: the user stays on the form they can fix.
#[derive(rocket::Responder)]
pub(super) enum ListPage {
    Shown(RawHtml<String>),
    #[response(status = 422)]
    Refused(RawHtml<String>),
}

#[get("/people?<params..>")]
pub(super) async fn index(
    user: CurrentUser,
    db: &State<Db>,
    flash: Option<FlashMessage<'_>>,
    params: ListParams,
) -> Result<ListPage, AppError> {
    let listed = list(&user, db, &params).await;
    let (people, pager, names, problems) = match listed {
        Ok((people, pager, names)) => (people, pager, names, Vec::new()),
        Err(AppError::Unprocessable(problem)) => {
            let names = db.run(|c| Ok(Company::names_if_few(c)?)).await?;
            (Vec::new(), PeoplePager::default(), names, vec![problem])
        }
        Err(other) => return Err(other),
    };
    let (sort, descending) = params.sort().unwrap_or_default();
    let mut shown = params.filter_pairs();
    let ordered = [
        ("sort", params.sort.clone().unwrap_or_default()),
        ("dir", params.dir.clone().unwrap_or_default()),
    ];
    let filtered = query_string(shown.iter().map(|(k, v)| (*k, v.as_str())));
    shown.extend(ordered);
    let refused = !problems.is_empty();
    let page = render(&PersonIndexPage {
        layout: Layout::new("people", flash, &user),
        query: query_string(shown.iter().map(|(k, v)| (*k, v.as_str()))),
        carried: carried_filters(
            &shown,
            &[
                "hired_from",
                "hired_to",
                "pay_kind",
                "pay_confidence",
                "sort",
                "dir",
            ],
            user.locale,
        ),
        filters: FormState::with_values(shown),
        headers: SortHeader::all(
            &format!("/people?{filtered}"),
            sort,
            descending,
            user.locale.lang,
        ),
        people,
        companies: company_choices(names),
        stages: Choice::all_in::<Stage>(user.locale),
        pay_kinds: Choice::all_in::<PayKind>(user.locale),
        confidences: Choice::all_in::<Confidence>(user.locale),
        pager,
        problems,
    })?;
    Ok(if refused {
        ListPage::Refused(page)
    } else {
        ListPage::Shown(page)
    })
}

/// The page of people the parameters ask for, with the companies for the filter form.
async fn list(
    user: &CurrentUser,
    db: &Db,
    params: &ListParams,
) -> Result<(Vec<PersonListItem>, PeoplePager, Vec<String>), AppError> {
    // Filters are read as the reader types dates (`01.07.2026`) and told why not in their words.
    let lang = user.locale.lang;
    let (sort, descending) = params.sort()?;
    let page = reading(lang, || params.page())?;
    let wanted = reading(lang, || params.wanted(user.role().sees_pay()))?;
    db.run(move |c| {
        let filter = reading(lang, || wanted.resolve(c))?;
        let (people, pager) = list_page(c, &filter, sort, descending, page)?;
        Ok((people, pager, Company::names_if_few(c)?))
    })
    .await
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
    let count = match total {
        Some(n) => ListCount::Exact(n),
        None => super::list_count::beyond_the_count(c, filter)?,
    };
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
    // A search matching more people than are counted is common enough to walk the names.
    let common_name = total.is_none() && filter.name.is_some() && sort == PersonSort::Name;
    // One row more than a page tells whether there is another page beyond it.
    let read = |c: &mut diesel::PgConnection, at| {
        if !common_name {
            return Person::list(c, filter, sort, descending, at, per_page + 1);
        }
        if let Some(rows) = Person::list_common_name(c, filter, descending, at, per_page + 1)? {
            return Ok(rows);
        }
        match Person::list_name_matches(c, filter, descending, at, per_page + 1)? {
            Some(rows) => Ok(rows),
            None => Person::list(c, filter, sort, descending, at, per_page + 1),
        }
    };
    let mut rows = read(c, at)?;
    if rows.is_empty() && at != by_offset {
        // The cursor person was deleted meanwhile: fall back to the page number.
        at = by_offset;
        rows = read(c, at)?;
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
        count,
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
    user: CurrentUser,
    reads: ReadDb,
    params: ListParams,
    dialect: Dialect,
) -> Result<CsvStream, AppError> {
    params
        .download(
            user.role().sees_pay(),
            &reads,
            "people",
            dialect,
            |c, f, s, d, dialect, out| export::people(c, f, s, d, dialect, out),
        )
        .await
}
