//! The audit page and the history on a person's page.

use askama::Template;

use super::audit_words::Sentence;
use super::{Choice, FormState, Layout, Pager};
use crate::i18n::Locale;
use crate::models::{AuditEntry, AuditNames};

/// One audit entry as shown: when, and what happened in words.
pub struct AuditRow {
    pub at: String,
    pub said: Sentence,
}

impl AuditRow {
    pub fn new(entry: &AuditEntry, names: &AuditNames, locale: Locale) -> Self {
        AuditRow {
            at: locale.timestamp(entry.at),
            said: Sentence::of(entry, names, locale.lang),
        }
    }

    /// Every entry of a page, named with one lookup, in the reader's words and zone.
    pub fn all(
        conn: &mut diesel::PgConnection,
        entries: &[AuditEntry],
        locale: Locale,
    ) -> diesel::QueryResult<Vec<AuditRow>> {
        let names = AuditNames::load(conn, entries)?;
        Ok(entries
            .iter()
            .map(|e| AuditRow::new(e, &names, locale))
            .collect())
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
