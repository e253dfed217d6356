//! The audit page and the history on a person's page.

use askama::Template;

use super::{Choice, FormState, Layout, Pager};
use crate::models::AuditEntry;

/// One audit entry as shown: who did what to which record, and what changed.
pub struct AuditRow {
    pub at: String,
    pub actor: String,
    pub record_table: String,
    pub record_id: i64,
    pub action: String,
    pub changes: Vec<(String, String, String)>,
}

impl From<&AuditEntry> for AuditRow {
    fn from(entry: &AuditEntry) -> Self {
        AuditRow {
            at: entry.at.format("%Y-%m-%d %H:%M:%S").to_string(),
            actor: entry.actor.clone(),
            record_table: entry.record_table.clone(),
            record_id: entry.record_id,
            action: entry.action.clone(),
            changes: entry.changes(),
        }
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
