//! The changes an audit entry lists: the fields a reader sees that differ, in words.

use serde_json::{Map, Value};

use super::Change;
use super::values::{label, none, show};
use crate::i18n::Lang;
use crate::models::AuditNames;

/// Fields only the database needs; a change to them alone is no change to the reader.
const HIDDEN: &[&str] = &[
    "id",
    "version",
    "is_demo",
    "created_at",
    "updated_at",
    "name_key",
    "person_id",
    "imported_by_user_id",
    "applied_at",
    "reverted_at",
    "content",
    "password_link_expires_at",
    // A decision's record and time are the entry's own; who made it is its actor.
    "pay_report_id",
    "pay_band_id",
    "decided_by",
    "decided_at",
    // A note's author is the entry's actor, its times the entry's; a file is told in the verb.
    "author_id",
    "edited_at",
    "uploaded_by",
    "uploaded_at",
    "file_name",
    "content_type",
    "byte_size",
    // Where a file's bytes are kept and their hash: the storage's business, not the history's.
    "stored_in",
    "sha256",
];

/// The visible fields that differ, by field name (the entries' JSON keeps no column order); a
/// pay report's two ends of the band are one change.
pub(super) fn changes(
    table: &str,
    before: Option<&Map<String, Value>>,
    after: Option<&Map<String, Value>>,
    names: &AuditNames,
    lang: Lang,
) -> Vec<Change> {
    let Some(after) = after else {
        return Vec::new();
    };
    let show = |field: &str, values: &Map<String, Value>| show(table, field, values, names, lang);
    let mut changes = Vec::new();
    let mut band_done = false;
    for field in after.keys() {
        // A user's active state has its own verb (deactivated, reactivated).
        if HIDDEN.contains(&field.as_str()) || (table == "app_user" && field == "active") {
            continue;
        }
        let key = if table == "pay_report" && matches!(field.as_str(), "amount_low" | "amount_high")
        {
            if band_done {
                continue;
            }
            band_done = true;
            "band"
        } else {
            field.as_str()
        };
        let now = show(key, after);
        let was = before.map(|b| show(key, b));
        if was.as_ref() == Some(&now) || (was.is_none() && now == none(lang)) {
            continue;
        }
        changes.push(Change {
            field: label(table, key, lang),
            before: was,
            after: now,
        });
    }
    changes
}
