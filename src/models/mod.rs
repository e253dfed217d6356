//! Row models, one per table, with the queries that read and write them.

pub mod audit_entry;
pub mod company;
pub mod exchange_rate;
pub mod import_batch;
pub mod pay_report;
pub mod person;
pub mod person_keyset;
pub mod stage_change;
pub mod user;

pub use audit_entry::{AuditEntry, AuditFilter};
pub use company::{Company, CompanyFields};
pub use exchange_rate::{ExchangeRate, NewExchangeRate};
pub use import_batch::{ImportBatch, ImportItem, NewImportBatch};
pub use pay_report::{PayReport, PayReportFields};
pub use person::{Person, PersonFields, PersonFilter, PersonListItem, PersonSort};
pub use person_keyset::Position;
pub use stage_change::StageChange;
pub use user::{LoginAttempts, NewUser, Session, User};

/// Escapes LIKE wildcards so a search for "50%" means the text "50%".
pub(crate) fn like_pattern(search: &str) -> String {
    let escaped = search
        .replace('\\', "\\\\")
        .replace('%', "\\%")
        .replace('_', "\\_");
    format!("%{escaped}%")
}
