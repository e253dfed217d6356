//! The duplicates list (`/people/duplicates`), a person's possible duplicates, and "Not a
//! duplicate" from either. Merging is the merge page's (`/people/merge`); both link to it.

use diesel::result::Error as DieselError;
use rocket::form::{Form, FromForm};
use rocket::request::FlashMessage;
use rocket::response::content::RawHtml;
use rocket::response::{Flash, Redirect};
use rocket::{State, get, post};

use crate::auth::Editor;
use crate::db::Db;
use crate::domain::PersonId;
use crate::error::AppError;
use crate::models::{Candidate, DuplicateDismissal, DuplicatePair, PairCursor, Person};
use crate::views::duplicates::{DuplicatesPage, PossibleDuplicate};
use crate::views::{Layout, Pager, render};

/// A place in the list: after which pair the page starts, and its number (for display only:
/// pages are found by their cursor, never counted through with OFFSET).
#[derive(Debug, Clone, Copy)]
struct Place {
    after: Option<PairCursor>,
    page: i64,
}

impl Place {
    fn parse(after: Option<&str>, page: Option<i64>) -> Result<Place, AppError> {
        let after = match after.filter(|a| !a.is_empty()) {
            None => None,
            Some(text) => Some(PairCursor::parse(text).ok_or_else(|| {
                AppError::Unprocessable(
                    "This link's place in the duplicates list cannot be read. Start again \
                     from the first page."
                        .into(),
                )
            })?),
        };
        let page = if after.is_some() {
            page.unwrap_or(2)
        } else {
            1
        };
        Ok(Place {
            after,
            page: page.clamp(1, i64::MAX / 2),
        })
    }

    /// The query string that comes back here.
    fn query(&self) -> String {
        match self.after {
            Some(after) => format!("after={after}&page={}", self.page),
            None => String::new(),
        }
    }
}

#[get("/people/duplicates?<after>&<page>")]
pub(super) async fn index(
    user: Editor,
    db: &State<Db>,
    flash: Option<FlashMessage<'_>>,
    after: Option<&str>,
    page: Option<i64>,
) -> Result<RawHtml<String>, AppError> {
    let place = Place::parse(after, page)?;
    let per_page = Pager::PER_PAGE;
    // One pair more than a page tells whether there is a next page.
    let (mut pairs, total) = db
        .run(move |c| {
            let pairs = DuplicatePair::page(c, place.after, per_page + 1)?;
            Ok((
                pairs,
                DuplicatePair::count_up_to(c, DuplicatesPage::COUNT_LIMIT)?,
            ))
        })
        .await?;
    let more = pairs.len() as i64 > per_page;
    pairs.truncate(per_page as usize);
    let next = pairs.last().filter(|_| more).map(|last| Place {
        after: Some(last.cursor()),
        page: place.page + 1,
    });
    render(&DuplicatesPage {
        layout: Layout::new("people", flash, &user),
        pairs,
        page: place.page,
        total,
        after: place.after.map(|a| a.to_string()),
        next: next.map(|n| n.query()),
    })
}

/// "Not a duplicate" on a pair, and where to go back to: the person's page it was sent
/// from, or the same place in the list.
#[derive(FromForm)]
pub(super) struct Dismissal<'r> {
    left: i64,
    right: i64,
    from: Option<i64>,
    after: Option<&'r str>,
    page: Option<i64>,
}

impl Dismissal<'_> {
    /// Where the answer redirects: only ever a page of ours, rebuilt from parsed values.
    fn back(&self) -> Result<String, AppError> {
        Ok(match self.from {
            Some(from) => format!("/people/{from}#duplicates"),
            None => match Place::parse(self.after, self.page)?.query() {
                query if query.is_empty() => "/people/duplicates".to_owned(),
                query => format!("/people/duplicates?{query}"),
            },
        })
    }
}

#[post("/people/duplicates/dismiss", data = "<form>")]
pub(super) async fn dismiss(
    user: Editor,
    db: &State<Db>,
    form: Form<Dismissal<'_>>,
) -> Result<Flash<Redirect>, AppError> {
    let (left, right) = (PersonId(form.left), PersonId(form.right));
    if left == right {
        return Err(AppError::Unprocessable(
            "A person cannot be a duplicate of themselves: choose two people.".into(),
        ));
    }
    let back = form.back()?;
    let names = db
        .run_as(user.actor(), move |c| {
            DuplicateDismissal::record(c, left, &[right]).map_err(|e| match e {
                DieselError::NotFound => AppError::Unprocessable(format!(
                    "Person {left} or person {right} is not in the tracker (merged or deleted \
                     meanwhile?), so nothing was recorded."
                )),
                other => other.into(),
            })?;
            let name = |c: &mut _, id| Person::find(c, id).map(|p| p.fields.full_name);
            Ok((name(c, left)?, name(c, right)?))
        })
        .await?;
    Ok(Flash::success(
        Redirect::to(back),
        user.locale.t2(
            "duplicates-kept-apart",
            &("left", &names.0),
            &("right", &names.1),
        ),
    ))
}

/// Whom the person form's rule finds for a stored person (similar names included, which the
/// kept pairs leave out), minus those kept apart.
pub(super) fn possible_duplicates(
    c: &mut diesel::PgConnection,
    person: &Person,
) -> Result<Vec<PossibleDuplicate>, AppError> {
    let candidate = Candidate {
        id: Some(person.id),
        full_name: &person.fields.full_name,
        origin_company_id: person.fields.origin_company_id,
        dismissals_hold: true,
    };
    let found = Person::likely_duplicates(c, &candidate)?;
    Ok(PossibleDuplicate::all_of(person.id, found))
}
