//! The merges, newest first, and undoing one.

use rocket::response::content::RawHtml;
use rocket::{State, get, post};

use super::super::{FormResponse, given};
use crate::auth::Editor;
use crate::db::Db;
use crate::domain::MergeId;
use crate::error::AppError;
use crate::models::{MergeListItem, PersonMerge, UndoOutcome};
use crate::views::merges::{BlockerWords, MergeListPage, UndoPage};
use crate::views::{Layout, Pager, render};

#[get("/people/merges?<page>")]
pub(super) async fn index(
    user: Editor,
    db: &State<Db>,
    page: Option<String>,
) -> Result<RawHtml<String>, AppError> {
    let page = given(&page).and_then(|p| p.parse().ok());
    let (merges, pager) = db
        .run(move |c| {
            let pager = Pager::new(page, PersonMerge::count(c)?);
            Ok((
                PersonMerge::page(c, pager.offset(), Pager::PER_PAGE)?,
                pager,
            ))
        })
        .await?;
    render(&MergeListPage {
        layout: Layout::new("people", None, &user),
        merges,
        pager,
    })
}

#[get("/people/merges/<id>/undo")]
pub(super) async fn confirm(
    user: Editor,
    db: &State<Db>,
    id: MergeId,
) -> Result<RawHtml<String>, AppError> {
    let layout = Layout::new("people", None, &user);
    let page = db
        .run(move |c| {
            let merge = PersonMerge::find(c, id)?;
            let blockers = merge.blockers(c)?;
            undo_page(c, layout, merge, &blockers)
        })
        .await?;
    render(&page)
}

#[post("/people/merges/<id>/undo")]
pub(super) async fn undo(
    user: Editor,
    db: &State<Db>,
    id: MergeId,
) -> Result<FormResponse, AppError> {
    let layout = Layout::new("people", None, &user);
    let by = user.user.id;
    let locale = user.locale;
    db.run_as(user.actor(), move |c| match PersonMerge::undo(c, id, by)? {
        UndoOutcome::Undone(merge) => Ok(FormResponse::saved(
            format!("/people/{}", merge.survivor_id),
            locale.t2(
                "merge-undone-flash",
                &("name", merge.removed_name()),
                &("id", merge.removed_id),
            ),
        )),
        UndoOutcome::Refused(blockers) => {
            let merge = PersonMerge::find(c, id)?;
            let page = undo_page(c, layout, merge, &blockers)?;
            Ok(FormResponse::Refused(render(&page)?))
        }
    })
    .await
}

fn undo_page(
    c: &mut diesel::PgConnection,
    layout: Layout,
    merge: PersonMerge,
    blockers: &[crate::models::person_merge::Blocker],
) -> Result<UndoPage, AppError> {
    let mut item = PersonMerge::named(c, vec![merge])?;
    let item: MergeListItem = item.pop().ok_or(AppError::NotFound)?;
    Ok(UndoPage {
        layout,
        blockers: blockers
            .iter()
            .map(|b| BlockerWords::of(&item.merge, b))
            .collect(),
        item,
    })
}
