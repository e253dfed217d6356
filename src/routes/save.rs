//! One save path for the forms of every versioned record (optimistic locking): the input is
//! checked, the model writes over the version the form was read at, and the answer is the
//! record's page (303), the form again with its errors (422), or the form beside the newer
//! version someone saved meanwhile (409), the input kept in both.

use diesel::PgConnection;
use rocket::form::Contextual;
use rocket::response::content::RawHtml;

use super::FormResponse;
use crate::auth::CurrentUser;
use crate::db::Db;
use crate::error::AppError;
use crate::input::{self, RecordInput};
use crate::models::SaveOutcome;
use crate::views::FormState;

/// An edit form that came without the version it was read at.
pub const STALE_FORM: &str =
    "This form is missing its record version: reload the page and edit again.";

/// A record whose form saves over a version.
pub trait Versioned: Sized + Send + 'static {
    type Input: RecordInput;
    /// What a new record belongs to (a pay report's person), `()` for none.
    type Parent: Copy + Send + 'static;
    /// What names one record in its routes (a pay report's includes its person's id).
    type Key: Copy + Send + 'static;

    /// The stored record; `NotFound` becomes the 404 page.
    fn find(conn: &mut PgConnection, key: Self::Key) -> Result<Self, AppError>;

    /// The stored record as its form shows it, version included.
    fn form_values(&self, conn: &mut PgConnection) -> Result<FormState, AppError>;

    /// Rules that need the database (a company named must exist), added to `state` with
    /// any other error.
    fn check(
        _conn: &mut PgConnection,
        _input: &Self::Input,
        _state: &mut FormState,
    ) -> Result<(), AppError> {
        Ok(())
    }

    /// Creates or updates the record from valid input. `None` when the database
    /// refused it for a reason the form shows (a name taken meanwhile): that is in `state`.
    fn write(
        conn: &mut PgConnection,
        target: Target<Self::Parent, Self::Key>,
        version: Option<i32>,
        input: Self::Input,
        state: &mut FormState,
    ) -> Result<Option<SaveOutcome<Self>>, AppError>;
}

/// Which record a form saves: a new one (under its parent), or a stored one.
#[derive(Debug, Clone, Copy)]
pub enum Target<P, K> {
    New(P),
    Existing(K),
}

/// (field, as saved by someone else, as typed here).
pub type Conflict = Vec<(String, String, String)>;

/// What became of a submitted form.
pub enum Submitted<T> {
    Saved(T),
    /// The input as typed, with the errors beside its fields.
    Invalid(FormState),
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
    let (input, mut state) = input::checked(form);
    db.run_as(user.actor(), move |c| {
        let Some(input) = input else {
            return Ok(Submitted::Invalid(state));
        };
        T::check(c, &input, &mut state)?;
        if state.has_errors() {
            return Ok(Submitted::Invalid(state));
        }
        let version = state.version();
        if let (Target::Existing(key), None) = (target, version) {
            // A missing record is a 404 before it is a stale form.
            T::find(c, key)?;
            return Err(AppError::Unprocessable(STALE_FORM.into()));
        }
        Ok(match T::write(c, target, version, input, &mut state)? {
            None => Submitted::Invalid(state),
            Some(SaveOutcome::Saved(record)) => Submitted::Saved(record),
            Some(SaveOutcome::Stale(theirs)) => {
                let theirs = theirs.form_values(c)?;
                let conflict = state.differences(&theirs);
                state.set("version", theirs.value("version").to_owned());
                Submitted::Stale(state, conflict)
            }
        })
    })
    .await
}

/// The target of a form whose record has no parent: new, or the one with this id.
pub fn target<K>(id: Option<K>) -> Target<(), K> {
    id.map_or(Target::New(()), Target::Existing)
}

impl<T> Submitted<T> {
    /// The answer: `saved` for a saved record, else the form page that `page` draws.
    pub fn respond(
        self,
        saved: impl FnOnce(T) -> FormResponse,
        page: impl FnOnce(FormState, Conflict) -> Result<RawHtml<String>, AppError>,
    ) -> Result<FormResponse, AppError> {
        Ok(match self {
            Submitted::Saved(record) => saved(record),
            Submitted::Invalid(state) => FormResponse::Invalid(page(state, Vec::new())?),
            Submitted::Stale(state, conflict) => FormResponse::Refused(page(state, conflict)?),
        })
    }
}
