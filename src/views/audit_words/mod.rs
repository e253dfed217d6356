//! An audit entry in words: "Anna Schmidt changed the band of Alexandr Wang's pay report from
//! USD 100,000.00 – 200,000.00 to USD 150,000.00 – 200,000.00", with the records linked and
//! the bookkeeping fields (version, demo flag, timestamps, keys) left out.

use serde_json::{Map, Value};

use self::changes::changes;
use self::records::record_ref;
use self::values::{label, show};
use crate::domain::{DocumentKind, format_size};
use crate::i18n::{Lang, Msg};
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
    field_words_in(table, field, values, names, Lang::En)
}

/// `field_words` in the reader's language.
pub fn field_words_in(
    table: &str,
    field: &str,
    values: &Map<String, Value>,
    names: &AuditNames,
    lang: Lang,
) -> (String, String) {
    let label = label(table, field, lang);
    let label = label.strip_prefix("the ").unwrap_or(&label);
    let mut chars = label.chars();
    let label = chars
        .next()
        .map(|first| first.to_uppercase().chain(chars).collect())
        .unwrap_or_default();
    (label, show(table, field, values, names, lang))
}

fn object(value: Option<&Value>) -> Option<&Map<String, Value>> {
    value.and_then(Value::as_object)
}

impl Sentence {
    pub fn of(entry: &AuditEntry, names: &AuditNames, lang: Lang) -> Sentence {
        let (mut before, mut after) = (object(entry.before.as_ref()), object(entry.after.as_ref()));
        // A merge keeps both records as they were beside the survivor; its changes are the
        // survivor's, and the other record is named in the verb.
        let merged = match entry.action.as_str() {
            "merge" => Some((
                "audit-verb-merged",
                before.and_then(|b| object(b.get("removed"))),
            )),
            "unmerge" => Some((
                "audit-verb-unmerged",
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
        let record = record_ref(entry, values, names, lang);
        let changes = match entry.action.as_str() {
            "update" | "merge" | "unmerge" | "import" | "revert" => {
                changes(&entry.record_table, before, after, names, lang)
            }
            "create" => changes(&entry.record_table, None, after, names, lang),
            _ => Vec::new(),
        };
        let verb = match merged {
            Some((verb, removed)) => {
                let id = removed
                    .and_then(|r| r.get("id")?.as_i64())
                    .unwrap_or_default();
                let name = text(removed, "full_name")
                    .unwrap_or_else(|| Msg::new("audit-a-person").text(lang));
                Msg::new(verb).arg("name", name).arg("id", id).text(lang)
            }
            None => verb(entry, before, after, &changes, lang),
        };
        Sentence {
            actor: actor(names, &entry.actor, lang),
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
    lang: Lang,
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
        let key = match (how, entry.action.as_str()) {
            ("revert", _) => "audit-verb-batch-reverted",
            (_, "create") => "audit-verb-batch-created",
            _ => "audit-verb-batch-changed",
        };
        return Msg::new(key).arg("batch", batch).text(lang);
    }
    if entry.record_table == "person_file" {
        let values = after.or(before);
        let name = text(values, "file_name").unwrap_or_else(|| Msg::new("audit-a-file").text(lang));
        return match entry.action.as_str() {
            "create" => {
                let kind = text(values, "content_type")
                    .and_then(|t| DocumentKind::stored(&t))
                    .map_or_else(|| Msg::new("audit-file").text(lang), document_kind(lang));
                let size = values
                    .and_then(|v| v.get("byte_size")?.as_i64())
                    .map_or_else(String::new, |b| format!(", {}", format_size(b)));
                Msg::new("audit-verb-attached")
                    .arg("name", name)
                    .arg("kind", format!("{kind}{size}"))
                    .text(lang)
            }
            "delete" => Msg::new("audit-verb-file-removed")
                .arg("name", name)
                .text(lang),
            _ => Msg::new("audit-verb-file-changed")
                .arg("name", name)
                .text(lang),
        };
    }
    let verb = match entry.action.as_str() {
        "create" if entry.record_table == "person_note" => "audit-verb-note-added",
        "delete" if entry.record_table == "person_note" => "audit-verb-note-deleted",
        // A batch's own entry for its apply and its revert (the records' are its items).
        "import" => "audit-verb-applied",
        "revert" => "audit-verb-reverted",
        "create" if entry.record_table == "pay_decision" => {
            match text(after, "decision").as_deref() {
                Some("approved") => "audit-verb-approved",
                Some("rejected") => "audit-verb-rejected",
                _ => "audit-verb-decided",
            }
        }
        "create" => "audit-verb-created",
        "delete" => "audit-verb-deleted",
        "erase" => "audit-verb-erased",
        _ if entry.record_table == "app_user" && moved("active") => match field(after, "active") {
            Value::Bool(false) => "audit-verb-deactivated",
            _ => "audit-verb-reactivated",
        },
        _ if entry.record_table == "app_user" && moved("password_link_expires_at") => {
            match field(after, "password_link_expires_at") {
                Value::Null => "audit-verb-password-set-by-link",
                _ => "audit-verb-password-link-made",
            }
        }
        _ if entry.record_table == "app_user" && changes.is_empty() => {
            "audit-verb-password-changed"
        }
        // The demo seeding marks its records once they are written.
        _ if changes.is_empty() && moved("is_demo") => match field(after, "is_demo") {
            Value::Bool(true) => "audit-verb-marked-demo",
            _ => "audit-verb-marked-real",
        },
        _ if changes.is_empty() => "audit-verb-saved-unchanged",
        _ => "audit-verb-changed",
    };
    Msg::new(verb).text(lang)
}

/// Who acted: a user's name as `AuditNames` finds it; the system and the command line in the
/// reader's words.
fn actor(names: &AuditNames, actor: &str, lang: Lang) -> String {
    let english = names.actor(actor);
    match english.strip_suffix(" on the command line") {
        _ if actor == "system" => Msg::new("audit-actor-system").text(lang),
        Some(name) if actor.starts_with("command line (") => Msg::new("audit-actor-command-line")
            .arg("name", name)
            .text(lang),
        _ => english,
    }
}

/// A kind of document as the verb names it.
fn document_kind(lang: Lang) -> impl Fn(DocumentKind) -> String {
    move |kind| {
        let key = match kind {
            DocumentKind::Pdf => "audit-document-pdf",
            DocumentKind::Docx => "audit-document-docx",
            DocumentKind::Png => "audit-document-png",
            DocumentKind::Jpeg => "audit-document-jpeg",
        };
        Msg::new(key).text(lang)
    }
}

fn text(values: Option<&Map<String, Value>>, field: &str) -> Option<String> {
    values?.get(field)?.as_str().map(str::to_owned)
}
