//! The audit page and the history on a person's page.

use askama::Template;

use super::audit_words::Sentence;
use super::{Choice, FormState, Layout, Pager};
use crate::models::{AuditEntry, AuditNames};

/// One audit entry as shown: when, and what happened in words.
pub struct AuditRow {
    pub at: String,
    pub said: Sentence,
}

impl AuditRow {
    pub fn new(entry: &AuditEntry, names: &AuditNames) -> Self {
        AuditRow {
            at: entry.at.format("%Y-%m-%d %H:%M:%S").to_string(),
            said: Sentence::of(entry, names),
        }
    }

    /// Every entry of a page, named with one lookup.
    pub fn all(
        conn: &mut diesel::PgConnection,
        entries: &[AuditEntry],
    ) -> diesel::QueryResult<Vec<AuditRow>> {
        let names = AuditNames::load(conn, entries)?;
        Ok(entries.iter().map(|e| AuditRow::new(e, &names)).collect())
    }
}

#[derive(Template)]
#[template(path = "audit/index.html")]
pub struct AuditPage {
    pub layout: Layout,
    pub filters: FormState,
    pub tables: Vec<Choice>,
    pub entries: Vec<AuditRow>,
    pub pager: Pager,
    pub query: String,
}
