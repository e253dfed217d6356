//! Notes on a person: adding one, and its author's correction within 15 minutes.

use rocket::form::{Form, FromForm};
use rocket::{State, get, post};

use crate::auth::Annotator;
use crate::db::Db;
use crate::domain::{LongText, NoteId, PersonId};
use crate::error::AppError;
use crate::models::{NoteEdit, Person, PersonNote};
use crate::routes::FormResponse;
use crate::views::person_notes::NoteFormPage;
use crate::views::{FormState, Layout, render};

#[derive(FromForm)]
pub(super) struct NoteInput<'r> {
    body: &'r str,
    version: Option<i32>,
}

/// The form again with the user's text and what is wrong with it (422).
fn invalid(
    user: &Annotator,
    person: PersonId,
    person_name: String,
    note: Option<NoteId>,
    input: &NoteInput<'_>,
    field: &str,
    message: String,
) -> Result<FormResponse, AppError> {
    let mut form = FormState::with_values([("body", input.body.to_owned())]);
    form.set("version", input.version.unwrap_or_default().to_string());
    form.add_error(field, message);
    Ok(FormResponse::Invalid(render(&NoteFormPage {
        layout: Layout::new("people", None, user),
        person,
        person_name,
        note: note.map(NoteId::get),
        form,
    })?))
}

#[post("/people/<id>/notes", data = "<input>")]
pub(super) async fn add(
    user: Annotator,
    db: &State<Db>,
    id: PersonId,
    input: Form<NoteInput<'_>>,
) -> Result<FormResponse, AppError> {
    let body = match LongText::parse(input.body) {
        Ok(body) => body,
        Err(message) => {
            let name = db
                .run(move |c| Ok(Person::find(c, id)?.fields.full_name))
                .await?;
            return invalid(&user, id, name, None, &input, "body", message);
        }
    };
    let author = user.user.id;
    db.run_as(user.actor(), move |c| {
        Person::find(c, id)?;
        Ok(PersonNote::add(c, id, author, &body)?)
    })
    .await?;
    Ok(FormResponse::saved(
        format!("/people/{id}#notes"),
        user.locale.t("person-note-added"),
    ))
}

#[get("/people/<id>/notes/<note>/edit")]
pub(super) async fn edit(
    user: Annotator,
    db: &State<Db>,
    id: PersonId,
    note: NoteId,
) -> Result<rocket::response::content::RawHtml<String>, AppError> {
    let reader = user.user.id;
    let (name, note_row, open) = db
        .run(move |c| {
            let name = Person::find(c, id)?.fields.full_name;
            let open = PersonNote::thread(c, id, reader)?
                .into_iter()
                .find(|n| n.note.id == note)
                .ok_or(AppError::NotFound)?;
            Ok((name, open.note, open.editable))
        })
        .await?;
    if !open {
        return Err(AppError::NotAllowed(user.locale.t("person-note-closed")));
    }
    let mut form = FormState::with_values([("body", note_row.body)]);
    form.set("version", note_row.version.to_string());
    render(&NoteFormPage {
        layout: Layout::new("people", None, &user),
        person: id,
        person_name: name,
        note: Some(note.get()),
        form,
    })
}

#[post("/people/<id>/notes/<note>/edit", data = "<input>")]
pub(super) async fn update(
    user: Annotator,
    db: &State<Db>,
    id: PersonId,
    note: NoteId,
    input: Form<NoteInput<'_>>,
) -> Result<FormResponse, AppError> {
    let name = db
        .run(move |c| Ok(Person::find(c, id)?.fields.full_name))
        .await?;
    let body = match LongText::parse(input.body) {
        Ok(body) => body,
        Err(message) => return invalid(&user, id, name, Some(note), &input, "body", message),
    };
    let Some(version) = input.version else {
        return Err(AppError::Unprocessable(
            "The form did not say which version of the note it edits.".into(),
        ));
    };
    let author = user.user.id;
    let outcome = db
        .run_as(user.actor(), move |c| {
            Ok(PersonNote::edit(c, id, note, author, version, &body)?)
        })
        .await?;
    match outcome {
        NoteEdit::Saved => Ok(FormResponse::saved(
            format!("/people/{id}#note-{note}"),
            user.locale.t("person-note-saved"),
        )),
        NoteEdit::Closed => Err(AppError::NotAllowed(user.locale.t("person-note-closed"))),
        NoteEdit::Stale(now) => {
            let message = user.locale.t1("person-note-stale", "body", &now.body);
            let input = NoteInput {
                body: input.body,
                version: Some(now.version),
            };
            invalid(&user, id, name, Some(note), &input, "", message)
        }
    }
}
