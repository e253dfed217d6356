//! CSV import: upload and preview, confirm, and the batches with their revert.

use rocket::form::Form;
use rocket::request::FlashMessage;
use rocket::response::content::RawHtml;
use rocket::{FromForm, Responder, Route, State, get, post, routes, uri};

use super::FormResponse;
use super::csv_upload::{CsvUpload, UploadRefusal};
use crate::auth::{CurrentUser, ImportUser};
use crate::config::ImportLimit;
use crate::db::Db;
use crate::domain::{BatchStatus, Role};
use crate::error::AppError;
use crate::import::{self, ImportError, Importer, Intent, Plan, Preview};
use crate::models::{ImportBatch, ImportedRecord};
use crate::views::imports::{
    ImportBatchPage, ImportBatchesPage, ImportPreviewPage, ImportUploadPage,
};
use crate::views::{Layout, Pager, render};

pub fn routes() -> Vec<Route> {
    routes![
        upload_form,
        preview,
        confirm,
        batches,
        batch,
        confirm_revert,
        revert
    ]
}

#[derive(Responder)]
enum PreviewResponse {
    Ready(RawHtml<String>),
    #[response(status = 422)]
    Refused(RawHtml<String>),
    #[response(status = 413)]
    TooLarge(RawHtml<String>),
}

#[get("/import")]
fn upload_form(user: ImportUser, limit: &State<ImportLimit>) -> Result<RawHtml<String>, AppError> {
    render(&ImportUploadPage {
        layout: Layout::new("import", None, &user),
        limit_mib: limit.mib(),
        refusal: None,
    })
}

fn refused(
    user: &CurrentUser,
    limit: &ImportLimit,
    why: String,
) -> Result<RawHtml<String>, AppError> {
    render(&ImportUploadPage {
        layout: Layout::new("import", None, user),
        limit_mib: limit.mib(),
        refusal: Some(why),
    })
}

#[post("/import", data = "<upload>")]
async fn preview(
    user: ImportUser,
    db: &State<Db>,
    limit: &State<ImportLimit>,
    upload: Result<CsvUpload, UploadRefusal>,
) -> Result<PreviewResponse, AppError> {
    let CsvUpload { file_name, bytes } = match upload {
        Ok(upload) => upload,
        Err(UploadRefusal::TooLarge) => {
            let why = format!(
                "The file is larger than the import limit of {} MiB.",
                limit.mib()
            );
            return Ok(PreviewResponse::TooLarge(refused(&user, limit, why)?));
        }
        Err(UploadRefusal::NoFile) => {
            let why = "Choose a CSV file to upload.".to_owned();
            return Ok(PreviewResponse::Refused(refused(&user, limit, why)?));
        }
    };
    let name = file_name.clone();
    let (actor, user_id, role) = (user.actor().to_owned(), user.user.id, user.role());
    let outcome = db
        .run_as(user.actor(), move |c| {
            let importer = Importer {
                name: &actor,
                user_id: Some(user_id),
                role: Some(role),
            };
            match import::preview(c, &name, &bytes, importer, Intent::Confirm) {
                Ok(preview) => Ok(Ok(preview)),
                Err(ImportError::Refused(why)) => Ok(Err(why)),
                Err(ImportError::Database(e)) => Err(e.into()),
            }
        })
        .await?;
    match outcome {
        Err(why) => Ok(PreviewResponse::Refused(refused(&user, limit, why)?)),
        Ok(Preview { plan, batch_id }) => {
            let page = render(&ImportPreviewPage::new(
                Layout::new("import", None, &user),
                &plan,
                &file_name,
                batch_id,
            ))?;
            Ok(if plan.errors.is_empty() {
                PreviewResponse::Ready(page)
            } else {
                PreviewResponse::Refused(page)
            })
        }
    }
}

/// Whether `user` may confirm or revert `batch`: whoever uploaded it, and admins. Other editors
/// only see it, so one recruiter cannot apply or undo another's file.
pub(super) fn may_change(user: &CurrentUser, batch: &ImportBatch) -> bool {
    user.role() == Role::Admin || batch.imported_by_user_id == Some(user.user.id)
}

/// The preview's choice: with `skip_errors`, the rows with errors are left out.
#[derive(FromForm)]
struct Confirmation {
    skip_errors: bool,
}

/// Applies a previewed file, planned again now: the database may have changed since.
#[post("/import/<id>/confirm", data = "<choice>")]
async fn confirm(
    user: ImportUser,
    db: &State<Db>,
    id: i64,
    choice: Form<Confirmation>,
) -> Result<FormResponse, AppError> {
    let skip_errors = choice.skip_errors;
    let asker = user.0.clone();
    let outcome = db
        .run_as(user.actor(), move |c| {
            let (batch, content) = ImportBatch::previewed_content(c, id)?;
            if !may_change(&asker, &batch) {
                return Err(AppError::Forbidden);
            }
            let Some(content) = content else {
                return Err(AppError::Unprocessable(
                    "This preview's file is gone: it named a person whose personal data was \
                     erased since. Take them out of the file and upload it again."
                        .into(),
                ));
            };
            let plan: Plan = match import::parse(&content) {
                Ok(parsed) if !parsed.kind.allowed_for(asker.role()) => {
                    return Err(AppError::Forbidden);
                }
                Ok(parsed) => import::plan(c, parsed, false)?,
                Err(ImportError::Refused(why)) => return Err(AppError::Unprocessable(why)),
                Err(ImportError::Database(e)) => return Err(e.into()),
            };
            if !plan.errors.is_empty() && !skip_errors {
                return Ok(Err((plan, batch.file_name)));
            }
            match import::apply(c, &plan, id, skip_errors, &mut |_| {}) {
                Ok(_) => Ok(Ok(applied_summary(&plan))),
                Err(ImportError::Refused(why)) => Err(AppError::Unprocessable(why)),
                Err(ImportError::Database(e)) => Err(e.into()),
            }
        })
        .await?;
    match outcome {
        Ok(summary) => Ok(FormResponse::saved(uri!(batch(id)), summary)),
        Err((plan, file_name)) => Ok(FormResponse::Invalid(render(&ImportPreviewPage::new(
            Layout::new("import", None, &user),
            &plan,
            &file_name,
            None,
        ))?)),
    }
}

fn applied_summary(plan: &Plan) -> String {
    match plan.lines_with_errors() {
        0 => format!("Imported {}.", plan.summary()),
        1 => format!("Imported {}; skipped 1 row with errors.", plan.summary()),
        n => format!("Imported {}; skipped {n} rows with errors.", plan.summary()),
    }
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

async fn batch_page(
    db: &State<Db>,
    user: &CurrentUser,
    id: i64,
    confirming: bool,
    flash: Option<FlashMessage<'_>>,
) -> Result<RawHtml<String>, AppError> {
    let (batch, records) = db
        .run(move |c| Ok((ImportBatch::find(c, id)?, ImportedRecord::of_batch(c, id)?)))
        .await?;
    if batch.status == BatchStatus::Previewed {
        return Err(AppError::NotFound);
    }
    let may_revert = may_change(user, &batch);
    if confirming && !may_revert {
        return Err(AppError::Forbidden);
    }
    render(&ImportBatchPage {
        layout: Layout::new("import", flash, user),
        batch,
        records,
        confirming,
        may_revert,
        refusal: None,
    })
}

#[get("/import/batches/<id>")]
async fn batch(
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
    let outcome = db
        .run_as(user.actor(), move |c| {
            if !may_change(&asker, &ImportBatch::find(c, id)?) {
                return Err(AppError::Forbidden);
            }
            match import::revert(c, id) {
                Ok(()) => Ok(None),
                Err(ImportError::Refused(why)) => Ok(Some((ImportBatch::find(c, id)?, why))),
                Err(ImportError::Database(e)) => Err(e.into()),
            }
        })
        .await?;
    match outcome {
        None => Ok(FormResponse::saved(
            uri!(batch(id)),
            "Reverted the import.".to_owned(),
        )),
        Some((batch, why)) => Ok(FormResponse::Refused(render(&ImportBatchPage {
            layout: Layout::new("import", None, &user),
            batch,
            records: Vec::new(),
            confirming: false,
            may_revert: true,
            refusal: Some(why),
        })?)),
    }
}
