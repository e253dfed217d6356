//! Deleting a person, and erasing one on request (GDPR).

use rocket::response::content::RawHtml;
use rocket::response::{Flash, Redirect};
use rocket::{State, get, post, uri};

use super::files::tidy_files;
use crate::auth::{Admin, Editor};
use crate::db::Db;
use crate::domain::PersonId;
use crate::error::AppError;
use crate::file_store::FileStore;
use crate::models::{PayReport, Person};
use crate::views::people::{PersonDeletePage, PersonErasePage};
use crate::views::{Layout, render};

#[get("/people/<id>/erase")]
pub(super) async fn confirm_erase(
    user: Admin,
    db: &State<Db>,
    id: PersonId,
) -> Result<RawHtml<String>, AppError> {
    let person = db.run(move |c| Ok(Person::find(c, id)?)).await?;
    render(&PersonErasePage {
        layout: Layout::new("people", None, &user),
        person,
    })
}

#[post("/people/<id>/erase")]
pub(super) async fn erase(
    user: Admin,
    db: &State<Db>,
    store: &State<FileStore>,
    id: PersonId,
) -> Result<Flash<Redirect>, AppError> {
    db.run_as(user.actor(), move |c| Ok(Person::erase(c, id)?))
        .await?;
    tidy_files(db, store).await?;
    Ok(Flash::success(
        Redirect::to(uri!(super::show::show(id))),
        user.locale.t("person-erased"),
    ))
}

#[get("/people/<id>/delete")]
pub(super) async fn confirm_delete(
    user: Editor,
    db: &State<Db>,
    id: PersonId,
) -> Result<RawHtml<String>, AppError> {
    let (person, pay_reports) = db
        .run(move |c| Ok((Person::find(c, id)?, PayReport::for_person(c, id)?.len())))
        .await?;
    render(&PersonDeletePage {
        layout: Layout::new("people", None, &user),
        person,
        pay_reports,
    })
}

#[post("/people/<id>/delete")]
pub(super) async fn delete(
    user: Editor,
    db: &State<Db>,
    store: &State<FileStore>,
    id: PersonId,
) -> Result<Flash<Redirect>, AppError> {
    let person = db
        .run_as(user.actor(), move |c| {
            let person = Person::find(c, id)?;
            Person::delete(c, id)?;
            Ok(person)
        })
        .await?;
    tidy_files(db, store).await?;
    Ok(Flash::success(
        Redirect::to("/people"),
        user.locale
            .t1("person-deleted", "name", &person.fields.full_name),
    ))
}
