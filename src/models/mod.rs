//! Row models, one per table, with the queries that read and write them.

pub mod audit_entry;
pub mod company;
pub mod exchange_rate;
pub mod import_batch;
pub mod pay_report;
pub mod person;
pub mod stage_change;
pub mod user;

pub use audit_entry::{AuditEntry, AuditFilter};
pub use company::{Company, CompanyFields};
pub use exchange_rate::{ExchangeRate, NewExchangeRate};
pub use import_batch::{ImportBatch, ImportItem, NewImportBatch};
pub use pay_report::{PayReport, PayReportFields};
pub use person::keyset::Position;
pub use person::{Person, PersonFields, PersonFilter, PersonListItem, PersonSort};
pub use stage_change::StageChange;
pub use user::{LoginAttempts, NewUser, Session, User};

/// What saving over the version an edit form was read at came to. Every versioned record's
/// model answers with it, and one route helper turns it into the page.
#[derive(Debug)]
pub enum SaveOutcome<T> {
    /// Written: the record as it is now.
    Saved(T),
    /// Nothing written: someone saved a newer version meanwhile, which this is.
    Stale(T),
}

/// Saves a versioned record in one transaction: `locked_version` reads and locks the stored
/// version; when the form's `version` is older, nothing is written and `stored` is read back.
pub(crate) fn save_over<T>(
    conn: &mut diesel::PgConnection,
    version: Option<i32>,
    locked_version: impl FnOnce(&mut diesel::PgConnection) -> diesel::QueryResult<i32>,
    stored: impl FnOnce(&mut diesel::PgConnection) -> diesel::QueryResult<T>,
    write: impl FnOnce(&mut diesel::PgConnection) -> diesel::QueryResult<T>,
) -> diesel::QueryResult<SaveOutcome<T>> {
    use diesel::Connection;
    conn.transaction(|conn| {
        let current = locked_version(conn)?;
        if version.is_some_and(|v| v != current) {
            stored(conn).map(SaveOutcome::Stale)
        } else {
            write(conn).map(SaveOutcome::Saved)
        }
    })
}

/// Escapes LIKE wildcards so a search for "50%" means the text "50%".
pub(crate) fn like_pattern(search: &str) -> String {
    let escaped = search
        .replace('\\', "\\\\")
        .replace('%', "\\%")
        .replace('_', "\\_");
    format!("%{escaped}%")
}
