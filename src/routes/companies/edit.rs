//! Creating and editing a company.

use crate::i18n::Msg;
use crate::i18n::input::{LocalForm, reading_async};
use rocket::form::Contextual;
use rocket::response::content::RawHtml;
use rocket::{State, get, post, uri};

use super::super::FormResponse;
use super::super::save::{self, Conflict, FormPages};
use crate::auth::{CurrentUser, Editor};
use crate::db::Db;
use crate::domain::{CompanyId, CompanyKind};
use crate::error::AppError;
use crate::input::CompanyInput;
use crate::models::Company;
use crate::views::companies::CompanyFormPage;
use crate::views::{FormState, Layout, render};

impl FormPages for Company {
    fn saved(self) -> FormResponse {
        // Called inside the reader's language (`reading_async` around `submit_form` below).
        let message = Msg::new("companies-saved")
            .arg("name", &self.fields.name)
            .for_input();
        FormResponse::saved(uri!(super::show(self.id)), message)
    }

    fn form_page(
        user: &CurrentUser,
        id: Option<CompanyId>,
        form: FormState,
        conflict: Conflict,
    ) -> Result<RawHtml<String>, AppError> {
        let layout = Layout::new("companies", None, user);
        render(&CompanyFormPage {
            conflict,
            ..CompanyFormPage::new(layout, id, form)
        })
    }
}

#[get("/companies/new")]
pub(super) fn new(user: Editor) -> Result<RawHtml<String>, AppError> {
    let form = FormState::with_values([("kind", CompanyKind::AiLab.as_str().to_owned())]);
    Company::form_page(&user, None, form, Vec::new())
}

#[post("/companies", data = "<form>")]
pub(super) async fn create(
    user: Editor,
    db: &State<Db>,
    form: LocalForm<Contextual<'_, CompanyInput>>,
) -> Result<FormResponse, AppError> {
    let lang = user.locale.lang;
    let saving = save::submit_form::<Company>(db, &user, save::target(None), form.into_inner());
    reading_async(lang, saving).await
}

#[get("/companies/<id>/edit")]
pub(super) async fn edit(
    user: Editor,
    db: &State<Db>,
    id: CompanyId,
) -> Result<RawHtml<String>, AppError> {
    save::edit_page::<Company>(db, &user, id).await
}

#[post("/companies/<id>/edit", data = "<form>")]
pub(super) async fn update(
    user: Editor,
    db: &State<Db>,
    id: CompanyId,
    form: LocalForm<Contextual<'_, CompanyInput>>,
) -> Result<FormResponse, AppError> {
    let lang = user.locale.lang;
    let saving = save::submit_form::<Company>(db, &user, save::target(Some(id)), form.into_inner());
    reading_async(lang, saving).await
}
