//! The import batches: the list, a batch's page, and its revert.

use rocket::request::FlashMessage;
use rocket::response::content::RawHtml;
use rocket::{Route, State, get, post, routes, uri};

use super::may_change;
use crate::auth::{CurrentUser, ImportUser};
use crate::db::Db;
use crate::domain::BatchStatus;
use crate::error::AppError;
use crate::import::{self, ImportError};
use crate::models::{ImportBatch, ImportedRecord};
use crate::routes::FormResponse;
use crate::views::imports::{BatchView, ImportBatchPage, ImportBatchesPage};
use crate::views::{Layout, Pager, render};

pub(super) fn routes() -> Vec<Route> {
    routes![batches, batch, confirm_revert, revert]
}

#[get("/import/batches?<page>")]
async fn batches(
    user: ImportUser,
    db: &State<Db>,
    flash: Option<FlashMessage<'_>>,
    page: Option<i64>,
) -> Result<RawHtml<String>, AppError> {
    let (batches, pager) = db
        .run(move |c| {
            let pager = Pager::new(page, ImportBatch::count_done(c)?);
            Ok((
                ImportBatch::recent(c, pager.offset(), Pager::PER_PAGE)?,
                pager,
            ))
        })
        .await?;
    render(&ImportBatchesPage {
        layout: Layout::new("import", flash, &user),
        batches,
        pager,
    })
}

/// Whether `user` may revert `batch`: they may change it (`may_change`), and their role may
/// still change every kind of record it wrote.
fn may_revert(
    c: &mut diesel::PgConnection,
    user: &CurrentUser,
    batch: &ImportBatch,
) -> Result<bool, AppError> {
    Ok(may_change(user, batch) && import::role_may_revert(c, batch.id, user.role())?)
}

/// A batch's page; `refusal` is why a revert was just refused.
fn batch_view(
    c: &mut diesel::PgConnection,
    user: &CurrentUser,
    id: i64,
    refusal: Option<String>,
) -> Result<BatchView, AppError> {
    let batch = ImportBatch::find(c, id)?;
    let may_revert = may_revert(c, user, &batch)?;
    // Worked out only for whoever would be offered the button.
    let obstacle = match (may_revert, &refusal, batch.status) {
        (true, None, BatchStatus::Applied) => import::obstacle(c, &batch)?,
        _ => None,
    };
    Ok(BatchView {
        records: ImportedRecord::of_batch(c, id)?,
        batch,
        may_revert,
        obstacle,
        refusal,
    })
}

async fn batch_page(
    db: &State<Db>,
    user: &CurrentUser,
    id: i64,
    confirming: bool,
    flash: Option<FlashMessage<'_>>,
) -> Result<RawHtml<String>, AppError> {
    let asker = user.clone();
    let view = db.run(move |c| batch_view(c, &asker, id, None)).await?;
    if view.batch.status == BatchStatus::Previewed {
        return Err(AppError::NotFound);
    }
    if confirming && !view.may_revert {
        return Err(AppError::Forbidden);
    }
    render(&ImportBatchPage::new(
        Layout::new("import", flash, user),
        view,
        confirming,
    ))
}

#[get("/import/batches/<id>")]
pub(super) async fn batch(
    user: ImportUser,
    db: &State<Db>,
    flash: Option<FlashMessage<'_>>,
    id: i64,
) -> Result<RawHtml<String>, AppError> {
    batch_page(db, &user, id, false, flash).await
}

#[get("/import/batches/<id>/revert")]
async fn confirm_revert(
    user: ImportUser,
    db: &State<Db>,
    id: i64,
) -> Result<RawHtml<String>, AppError> {
    batch_page(db, &user, id, true, None).await
}

#[post("/import/batches/<id>/revert")]
async fn revert(user: ImportUser, db: &State<Db>, id: i64) -> Result<FormResponse, AppError> {
    let asker = user.0.clone();
    let refused = db
        .run_as(user.actor(), move |c| {
            let batch = ImportBatch::find(c, id)?;
            if !may_revert(c, &asker, &batch)? {
                return Err(AppError::Forbidden);
            }
            match import::revert(c, id) {
                Ok(()) => Ok(None),
                Err(ImportError::Refused(why)) => Ok(Some(batch_view(c, &asker, id, Some(why))?)),
                Err(ImportError::Database(e)) => Err(e.into()),
            }
        })
        .await?;
    match refused {
        None => Ok(FormResponse::saved(
            uri!(batch(id)),
            user.locale.t("import-reverted"),
        )),
        Some(view) => Ok(FormResponse::Refused(render(&ImportBatchPage::new(
            Layout::new("import", None, &user),
            view,
            false,
        ))?)),
    }
}
