//! Deleting a company, after a page that says how many people still name it.

use rocket::response::content::RawHtml;
use rocket::{State, get, post, uri};

use super::super::FormResponse;
use crate::auth::Editor;
use crate::db::Db;
use crate::domain::CompanyId;
use crate::error::{AppError, is_foreign_key_violation};
use crate::models::Company;
use crate::views::companies::CompanyDeletePage;
use crate::views::{Layout, render};

#[get("/companies/<id>/delete")]
pub(super) async fn confirm_delete(
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
pub(super) async fn delete(
    user: Editor,
    db: &State<Db>,
    id: CompanyId,
) -> Result<FormResponse, AppError> {
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
            uri!(super::index(_, _, _, _, _)),
            user.locale
                .t1("companies-deleted", "name", &company.fields.name),
        )),
        Err((company, people)) => Ok(FormResponse::Refused(render(&CompanyDeletePage {
            layout: Layout::new("companies", None, &user),
            company,
            people,
        })?)),
    }
}
