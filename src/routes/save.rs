//! One save path for the forms of every versioned record (optimistic locking): the input is
//! checked, the record (`input::Versioned`) writes over the version the form was read at, and
//! the answer is the record's page (303), the form again with its errors (422), or the form
//! beside the newer version someone saved meanwhile (409), the input kept in both. Records
//! whose pages need nothing but the record (`FormPages`) get their edit and save routes here.

use diesel::PgConnection;
use rocket::form::Contextual;
use rocket::response::content::RawHtml;

use super::FormResponse;
use crate::auth::CurrentUser;
use crate::db::Db;
use crate::error::AppError;
use crate::i18n::{Lang, input as reading_in};
use crate::input::{self, FieldErrors, Target, Versioned, Written};
use crate::models::SaveOutcome;
use crate::views::FormState;

/// An edit form that came without the version it was read at.
pub const STALE_FORM: &str =
    "This form is missing its record version: reload the page and edit again.";

/// (field, as saved by someone else, as typed here).
pub type Conflict = Vec<(String, String, String)>;

/// What became of a submitted form.
pub enum Submitted<T: Versioned> {
    Saved(T),
    /// The input as typed, with the errors beside its fields and what the save listed.
    Invalid(FormState, T::Listed),
    /// The input as typed, now carrying the newer version, and how that version differs.
    Stale(FormState, Conflict),
}

/// Saves a submitted form as `user` into `target`.
pub async fn submit<T: Versioned>(
    db: &Db,
    user: &CurrentUser,
    target: Target<T::Parent, T::Key>,
    form: Contextual<'_, T::Input>,
) -> Result<Submitted<T>, AppError> {
    submit_as(db, user.actor(), user.locale.lang, target, form).await
}

/// Saves a submitted form as `actor` (the audit's name for them) into `target`: the forms'
/// path, and the API's, which sends its JSON body here as the same fields. The rules and the
/// save word their messages in `lang` (`Msg::for_input`), the language the form was read in.
pub async fn submit_as<T: Versioned>(
    db: &Db,
    actor: &str,
    lang: Lang,
    target: Target<T::Parent, T::Key>,
    form: Contextual<'_, T::Input>,
) -> Result<Submitted<T>, AppError> {
    let errors = reading_in::reading(lang, || input::checked::<T::Input>(&form.context));
    let mut state = FormState::shown_again(&form.context, errors);
    let input = form.value;
    db.run_as(actor, move |c| {
        reading_in::reading(lang, || {
            let Some(input) = input else {
                return Ok(Submitted::Invalid(state, T::Listed::default()));
            };
            let mut found = FieldErrors::default();
            let checked = T::check(c, input, &mut found)?;
            if state.has_errors() || !found.is_empty() {
                state.add_errors(found);
                return Ok(Submitted::Invalid(state, T::Listed::default()));
            }
            let version = state.version();
            if let (Target::Existing(key), None) = (target, version) {
                // A missing record is a 404 before it is a stale form.
                T::find(c, key)?;
                return Err(AppError::Unprocessable(STALE_FORM.into()));
            }
            let written = T::write(c, target, version, checked, &state, &mut found)?;
            state.add_errors(found);
            Ok(match written {
                Written::Refused(listed) => Submitted::Invalid(state, listed),
                Written::Done(SaveOutcome::Saved(record)) => Submitted::Saved(record),
                Written::Done(SaveOutcome::Stale(theirs)) => {
                    let theirs = form_of(c, &theirs)?;
                    let conflict = state.differences(&theirs);
                    state.set("version", theirs.value("version").to_owned());
                    Submitted::Stale(state, conflict)
                }
            })
        })
    })
    .await
}

/// A stored record as its form shows it, version included.
pub fn form_of<T: Versioned>(conn: &mut PgConnection, record: &T) -> Result<FormState, AppError> {
    Ok(FormState::stored(&record.stored(conn)?, record.version())?)
}

/// The stored record `key` names, as its form shows it.
pub fn stored_form<T: Versioned>(
    conn: &mut PgConnection,
    key: T::Key,
) -> Result<FormState, AppError> {
    let record = T::find(conn, key)?;
    form_of(conn, &record)
}

/// The target of a form whose record has no parent: new, or the one with this id.
pub fn target<K>(id: Option<K>) -> Target<(), K> {
    id.map_or(Target::New(()), Target::Existing)
}

impl<T: Versioned> Submitted<T> {
    /// The answer: `saved` for a saved record, else the form page that `page` draws.
    pub fn respond(
        self,
        saved: impl FnOnce(T) -> FormResponse,
        page: impl FnOnce(FormState, Conflict, T::Listed) -> Result<RawHtml<String>, AppError>,
    ) -> Result<FormResponse, AppError> {
        Ok(match self {
            Submitted::Saved(record) => saved(record),
            Submitted::Invalid(state, listed) => {
                FormResponse::Invalid(page(state, Vec::new(), listed)?)
            }
            Submitted::Stale(state, conflict) => {
                FormResponse::Refused(page(state, conflict, T::Listed::default())?)
            }
        })
    }
}

/// A record whose form pages need nothing but the record: `edit_page` and `submit_form` are
/// its edit and save routes.
pub trait FormPages: Versioned {
    /// Where a saved record is shown next, with the message that says it was saved.
    fn saved(self) -> FormResponse;

    /// The form for the record `key` names (`None`: a new one), and how the version someone
    /// saved meanwhile differs from it.
    fn form_page(
        user: &CurrentUser,
        key: Option<Self::Key>,
        form: FormState,
        conflict: Conflict,
    ) -> Result<RawHtml<String>, AppError>;
}

/// The form of the stored record `key`.
pub async fn edit_page<T: FormPages>(
    db: &Db,
    user: &CurrentUser,
    key: T::Key,
) -> Result<RawHtml<String>, AppError> {
    let form = db.run(move |c| stored_form::<T>(c, key)).await?;
    T::form_page(user, Some(key), form, Vec::new())
}

/// Saves a submitted form into `target` and answers with the saved record or the form again.
pub async fn submit_form<T: FormPages>(
    db: &Db,
    user: &CurrentUser,
    target: Target<T::Parent, T::Key>,
    form: Contextual<'_, T::Input>,
) -> Result<FormResponse, AppError> {
    let key = match target {
        Target::Existing(key) => Some(key),
        Target::New(_) => None,
    };
    submit::<T>(db, user, target, form)
        .await?
        .respond(T::saved, |state, conflict, _| {
            T::form_page(user, key, state, conflict)
        })
}
