//! An audit entry in words: "Anna Schmidt changed the band of Alexandr Wang's pay report from
//! USD 100,000.00 – 200,000.00 to USD 150,000.00 – 200,000.00", with the records linked and
//! the bookkeeping fields (version, demo flag, timestamps, keys) left out.

use serde_json::{Map, Value};

use self::changes::changes;
use self::records::record_ref;
use self::values::{label, show};
use crate::domain::{DocumentKind, format_size};
use crate::models::{AuditEntry, AuditNames};

mod changes;
mod records;
mod values;

/// One field's change; `before` is `None` for what a creation set.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Change {
    pub field: String,
    pub before: Option<String>,
    pub after: String,
}

/// A record as the sentence names it, linked where it still has a page.
#[derive(Debug, Clone)]
pub struct RecordRef {
    pub label: String,
    pub href: Option<String>,
}

/// What an entry says: `actor verb record`, then the changes.
#[derive(Debug, Clone)]
pub struct Sentence {
    pub actor: String,
    pub verb: String,
    pub record: RecordRef,
    pub changes: Vec<Change>,
}

/// A field of a `table` row and its value as the sentences say them ("origin company",
/// "Scale AI"): for pages that put records' values side by side.
pub fn field_words(
    table: &str,
    field: &str,
    values: &Map<String, Value>,
    names: &AuditNames,
) -> (String, String) {
    let label = label(table, field);
    let label = label.strip_prefix("the ").unwrap_or(&label);
    let mut chars = label.chars();
    let label = chars
        .next()
        .map(|first| first.to_uppercase().chain(chars).collect())
        .unwrap_or_default();
    (label, show(table, field, values, names))
}

fn object(value: Option<&Value>) -> Option<&Map<String, Value>> {
    value.and_then(Value::as_object)
}

impl Sentence {
    pub fn of(entry: &AuditEntry, names: &AuditNames) -> Sentence {
        let (mut before, mut after) = (object(entry.before.as_ref()), object(entry.after.as_ref()));
        // A merge keeps both records as they were beside the survivor; its changes are the
        // survivor's, and the other record is named in the verb.
        let merged = match entry.action.as_str() {
            "merge" => Some(("merged", before.and_then(|b| object(b.get("removed"))))),
            "unmerge" => Some((
                "undid the merge of",
                after.and_then(|a| object(a.get("removed"))),
            )),
            _ => None,
        };
        match entry.action.as_str() {
            "merge" => before = before.and_then(|b| object(b.get("survivor"))),
            "unmerge" => after = after.and_then(|a| object(a.get("survivor"))),
            _ => {}
        }
        let values = after.or(before);
        let record = record_ref(entry, values, names);
        let changes = match entry.action.as_str() {
            "update" | "merge" | "unmerge" | "import" | "revert" => {
                changes(&entry.record_table, before, after, names)
            }
            "create" => changes(&entry.record_table, None, after, names),
            _ => Vec::new(),
        };
        let verb = match merged {
            Some((verb, removed)) => {
                let id = removed
                    .and_then(|r| r.get("id")?.as_i64())
                    .unwrap_or_default();
                let name = text(removed, "full_name").unwrap_or_else(|| "a person".to_owned());
                format!("{verb} {name} (person {id}) into")
            }
            None => verb(entry, before, after, &changes),
        };
        Sentence {
            actor: names.actor(&entry.actor),
            verb,
            record,
            changes,
        }
    }
}

/// What was done, for the kinds of change that have a word of their own.
fn verb(
    entry: &AuditEntry,
    before: Option<&Map<String, Value>>,
    after: Option<&Map<String, Value>>,
    changes: &[Change],
) -> String {
    let field = |values: Option<&Map<String, Value>>, name: &str| {
        values
            .and_then(|v| v.get(name))
            .cloned()
            .unwrap_or(Value::Null)
    };
    let moved = |name: &str| field(before, name) != field(after, name);
    // A record an import wrote, read from the batch's item (the actor is the batch's).
    if let (Some(batch), Some(how)) = (entry.batch_id, entry.batch_action.as_deref()) {
        return match (how, entry.action.as_str()) {
            ("revert", _) => format!("reverted import {batch} on"),
            (_, "create") => format!("by import {batch} created"),
            _ => format!("by import {batch} changed"),
        };
    }
    if entry.record_table == "person_file" {
        let values = after.or(before);
        let name = text(values, "file_name").unwrap_or_else(|| "a file".to_owned());
        return match entry.action.as_str() {
            "create" => {
                let kind = text(values, "content_type")
                    .and_then(|t| DocumentKind::stored(&t))
                    .map_or("file", DocumentKind::label);
                let size = values
                    .and_then(|v| v.get("byte_size")?.as_i64())
                    .map_or_else(String::new, |b| format!(", {}", format_size(b)));
                format!("attached {name} ({kind}{size}) to")
            }
            "delete" => format!("removed the file {name} from"),
            _ => format!("changed the file {name} of"),
        };
    }
    let verb = match entry.action.as_str() {
        "create" if entry.record_table == "person_note" => "added a note to",
        "delete" if entry.record_table == "person_note" => "deleted a note on",
        // A batch's own entry for its apply and its revert (the records' are its items).
        "import" => "applied",
        "revert" => "reverted",
        "create" if entry.record_table == "pay_decision" => {
            match text(after, "decision").as_deref() {
                Some("approved") => "approved",
                Some("rejected") => "rejected",
                _ => "decided on",
            }
        }
        "create" => "created",
        "delete" => "deleted",
        "erase" => "erased the personal data of",
        _ if entry.record_table == "app_user" && moved("active") => match field(after, "active") {
            Value::Bool(false) => "deactivated",
            _ => "reactivated",
        },
        _ if entry.record_table == "app_user" && moved("password_link_expires_at") => {
            match field(after, "password_link_expires_at") {
                Value::Null => "set a new password through a link for",
                _ => "made a password link for",
            }
        }
        _ if entry.record_table == "app_user" && changes.is_empty() => "changed the password of",
        // The demo seeding marks its records once they are written.
        _ if changes.is_empty() && moved("is_demo") => match field(after, "is_demo") {
            Value::Bool(true) => "marked as demo data:",
            _ => "marked as real data:",
        },
        _ if changes.is_empty() => "saved, without visible changes,",
        _ => "changed",
    };
    verb.to_owned()
}

fn text(values: Option<&Map<String, Value>>, field: &str) -> Option<String> {
    values?.get(field)?.as_str().map(str::to_owned)
}
