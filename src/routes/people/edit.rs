//! Creating and editing a person (the save's rules are `Versioned for Person`, in
//! src/input/person_save.rs).

use crate::i18n::input::LocalForm;
use rocket::form::Contextual;
use rocket::response::content::RawHtml;
use rocket::{State, get, post, uri};

use super::super::FormResponse;
use super::super::save::{self, Conflict, Submitted};
use crate::auth::{CurrentUser, Editor};
use crate::db::Db;
use crate::domain::{PersonId, Stage};
use crate::error::AppError;
use crate::input::PersonInput;
use crate::models::{Company, PayBand, Person};
use crate::views::people::PersonFormPage;
use crate::views::{FormState, Layout, render};

#[get("/people/new")]
pub(super) async fn new(user: Editor, db: &State<Db>) -> Result<RawHtml<String>, AppError> {
    let form = FormState::with_values([("stage", Stage::Sourced.as_str().to_owned())]);
    form_page(db, &user, None, form, Vec::new()).await
}

#[post("/people", data = "<form>")]
pub(super) async fn create(
    user: Editor,
    db: &State<Db>,
    form: LocalForm<Contextual<'_, PersonInput>>,
) -> Result<FormResponse, AppError> {
    submit(db, &user, None, form.into_inner()).await
}

#[get("/people/<id>/edit")]
pub(super) async fn edit(
    user: Editor,
    db: &State<Db>,
    id: PersonId,
) -> Result<RawHtml<String>, AppError> {
    let form = db.run(move |c| save::stored_form::<Person>(c, id)).await?;
    form_page(db, &user, Some(id), form, Vec::new()).await
}

#[post("/people/<id>/edit", data = "<form>")]
pub(super) async fn update(
    user: Editor,
    db: &State<Db>,
    id: PersonId,
    form: LocalForm<Contextual<'_, PersonInput>>,
) -> Result<FormResponse, AppError> {
    submit(db, &user, Some(id), form.into_inner()).await
}

async fn submit(
    db: &State<Db>,
    user: &CurrentUser,
    id: Option<PersonId>,
    form: Contextual<'_, PersonInput>,
) -> Result<FormResponse, AppError> {
    let submitted = save::submit::<Person>(db, user, save::target(id), form).await?;
    // The form page lists the companies: only a form shown again needs them. (The likely
    // duplicates it lists, when the save stopped to ask about them, came with the save.)
    let names = match &submitted {
        Submitted::Saved(_) => Choices::default(),
        _ => db.run(choices).await?,
    };
    submitted.respond(
        |person| {
            let message = user
                .locale
                .t1("person-saved", "name", &person.fields.full_name);
            FormResponse::saved(uri!(super::show::show(person.id)), message)
        },
        |state, conflict, duplicates| {
            let page = PersonFormPage {
                duplicates,
                ..page(user, id, state, conflict, names)
            };
            render(&page)
        },
    )
}

async fn form_page(
    db: &State<Db>,
    user: &CurrentUser,
    id: Option<PersonId>,
    form: FormState,
    conflict: Conflict,
) -> Result<RawHtml<String>, AppError> {
    let names = db.run(choices).await?;
    render(&page(user, id, form, conflict, names))
}

fn page(
    user: &CurrentUser,
    id: Option<PersonId>,
    form: FormState,
    conflict: Conflict,
    (companies, bands): Choices,
) -> PersonFormPage {
    let layout = Layout::new("people", None, user);
    PersonFormPage {
        conflict,
        ..PersonFormPage::new(layout, id, form, companies, bands)
    }
}

/// What the form offers to pick: the companies (while few) and the bands' families and levels.
type Choices = (Vec<String>, (Vec<String>, Vec<String>));

fn choices(c: &mut diesel::PgConnection) -> Result<Choices, AppError> {
    Ok((Company::names_if_few(c)?, PayBand::families_and_levels(c)?))
}
