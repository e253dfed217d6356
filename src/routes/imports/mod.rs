//! CSV import: upload and preview, and confirm; the batches with their revert are in
//! `batches`.

mod batches;

use rocket::form::Form;
use rocket::response::content::RawHtml;
use rocket::{FromForm, Responder, Route, State, get, post, routes, uri};

use super::FormResponse;
use super::csv_upload::{CsvUpload, UploadRefusal};
use crate::auth::{CurrentUser, ImportUser};
use crate::config::ImportLimit;
use crate::db::Db;
use crate::domain::Role;
use crate::error::AppError;
use crate::i18n::input;
use crate::import::{self, ImportError, Importer, Intent, Plan, Preview};
use crate::models::ImportBatch;
use crate::views::imports::{ImportPreviewPage, ImportUploadPage};
use crate::views::{Layout, render};

pub fn routes() -> Vec<Route> {
    let mut all = routes![upload_form, preview, confirm];
    all.extend(batches::routes());
    all
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
            let why = user.locale.t1("import-too-large", "limit", limit.mib());
            return Ok(PreviewResponse::TooLarge(refused(&user, limit, why)?));
        }
        Err(UploadRefusal::NoFile) => {
            let why = user.locale.t("import-choose-file");
            return Ok(PreviewResponse::Refused(refused(&user, limit, why)?));
        }
    };
    let name = file_name.clone();
    let (actor, user_id, role) = (user.actor().to_owned(), user.user.id, user.role());
    let lang = user.locale.lang;
    let outcome = db
        .run_as(user.actor(), move |c| {
            let importer = Importer {
                name: &actor,
                user_id: Some(user_id),
                role: Some(role),
            };
            // The rows' errors in the importer's language; the values as the file writes them.
            let previewed = input::answering(lang, || {
                import::within_budget(c, import::rows_at_most(&bytes), |c| {
                    import::preview(c, &name, &bytes, importer, Intent::Confirm)
                })
            });
            match previewed {
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
        .run_as(user.actor(), move |c| confirmed(c, &asker, id, skip_errors))
        .await?;
    match outcome {
        Ok(summary) => Ok(FormResponse::saved(uri!(batches::batch(id)), summary)),
        Err((plan, file_name)) => Ok(FormResponse::Invalid(render(&ImportPreviewPage::new(
            Layout::new("import", None, &user),
            &plan,
            &file_name,
            None,
        ))?)),
    }
}

/// The confirmation's work: what was imported, or the plan with its errors to show again.
/// Planning and applying share one transaction and the file's time budget, not a request's.
fn confirmed(
    c: &mut diesel::PgConnection,
    asker: &CurrentUser,
    id: i64,
    skip_errors: bool,
) -> Result<Result<String, (Plan, String)>, AppError> {
    let (batch, content) = ImportBatch::previewed_content(c, id)?;
    if !may_change(asker, &batch) {
        return Err(AppError::Forbidden);
    }
    let Some(content) = content else {
        return Err(AppError::Unprocessable(asker.locale.t("import-file-gone")));
    };
    input::answering(asker.locale.lang, || {
        import::within_budget(c, import::rows_at_most(&content), |c| {
            apply_previewed(c, asker, id, skip_errors, batch.file_name, &content)
        })
    })
}

/// Plans the previewed file again and applies it, within the file's budget.
fn apply_previewed(
    c: &mut diesel::PgConnection,
    asker: &CurrentUser,
    id: i64,
    skip_errors: bool,
    file_name: String,
    content: &[u8],
) -> Result<Result<String, (Plan, String)>, AppError> {
    let plan: Plan = match import::parse(content) {
        Ok(parsed) if !parsed.kind.allowed_for(asker.role()) => {
            return Err(AppError::Forbidden);
        }
        Ok(parsed) => import::plan(c, parsed, false)?,
        Err(ImportError::Refused(why)) => return Err(AppError::Unprocessable(why)),
        Err(ImportError::Database(e)) => return Err(e.into()),
    };
    if !plan.errors.is_empty() && !skip_errors {
        return Ok(Err((plan, file_name)));
    }
    match import::apply(c, &plan, id, skip_errors, &mut |_| {}) {
        Ok(_) => Ok(Ok(applied_summary(&plan, asker.locale))),
        Err(ImportError::Refused(why)) => Err(AppError::Unprocessable(why)),
        Err(ImportError::Database(e)) => Err(e.into()),
    }
}

fn applied_summary(plan: &Plan, locale: crate::i18n::Locale) -> String {
    locale.t2(
        "import-imported",
        &("summary", plan.summary_in(locale.lang)),
        &("skipped", plan.lines_with_errors()),
    )
}
