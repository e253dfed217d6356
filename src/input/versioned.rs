//! Saving a record over the version its form was read at (optimistic locking), with the rules
//! that need the database: what a company named must be, a person's likely duplicates, the EU
//! pay-history rules. Every form saves through `routes/save.rs`, which shows what this finds.

use diesel::PgConnection;
use diesel::QueryResult;
use diesel::result::Error as QueryError;

use super::{FieldErrors, RecordInput, TypedFields};
use crate::models::SaveOutcome;

/// A record whose form saves over a version.
pub trait Versioned: Sized + Send + 'static {
    type Input: RecordInput;
    /// What a new record belongs to (a pay report's person), `()` for none.
    type Parent: Copy + Send + 'static;
    /// What names one record in its routes (a pay report's includes its person's id).
    type Key: Copy + Send + 'static;
    /// What `check` makes of valid input for `write`: its fields, with what they name looked
    /// up, so that a save looks each up once.
    type Checked;
    /// What a refused save lists beside its errors (a person's likely duplicates).
    type Listed: Default + Send + 'static;

    /// The stored record; `NotFound` becomes the 404 page.
    fn find(conn: &mut PgConnection, key: Self::Key) -> QueryResult<Self>;

    /// The stored record as users would give it.
    fn stored(&self, conn: &mut PgConnection) -> QueryResult<Self::Input>;

    /// The version it was saved at.
    fn version(&self) -> i32;

    /// Rules that need the database (a company named must exist), with an error by field for
    /// each that fails.
    fn check(
        conn: &mut PgConnection,
        input: Self::Input,
        errors: &mut FieldErrors,
    ) -> QueryResult<Self::Checked>;

    /// Creates or updates the record once `check` found nothing, or refuses it for what
    /// `errors` then says (a name taken meanwhile). `typed` is the form as sent, for answers
    /// that are no field of the record ("this is a different person").
    fn write(
        conn: &mut PgConnection,
        target: Target<Self::Parent, Self::Key>,
        version: Option<i32>,
        checked: Self::Checked,
        typed: &dyn TypedFields,
        errors: &mut FieldErrors,
    ) -> QueryResult<Written<Self>>;
}

/// Which record a form saves: a new one (under its parent), or a stored one.
#[derive(Debug, Clone, Copy)]
pub enum Target<P, K> {
    New(P),
    Existing(K),
}

/// What became of a write.
pub enum Written<T: Versioned> {
    Done(SaveOutcome<T>),
    /// Refused for what the errors say, with what to list beside them.
    Refused(T::Listed),
}

/// A write the database may refuse for a reason the user can fix: `refusal` says which field
/// to change and why, and the write is refused with that error; any other failure stays one.
pub fn refused_by<T: Versioned>(
    saved: QueryResult<SaveOutcome<T>>,
    errors: &mut FieldErrors,
    refusal: impl FnOnce(&QueryError) -> Option<(&'static str, String)>,
) -> QueryResult<Written<T>> {
    match saved {
        Ok(outcome) => Ok(Written::Done(outcome)),
        Err(e) => match refusal(&e) {
            Some((field, message)) => {
                errors.add(field, message);
                Ok(Written::Refused(T::Listed::default()))
            }
            None => Err(e),
        },
    }
}
