//! The record an audit entry is about, named and linked by its kind: a person by name, a pay
//! report by whose it is, a band by its family, level, zone and day...

use serde_json::{Map, Value};

use super::{RecordRef, text};
use crate::i18n::{Lang, Msg};
use crate::models::{AuditEntry, AuditNames};

pub(super) fn record_ref(
    entry: &AuditEntry,
    values: Option<&Map<String, Value>>,
    names: &AuditNames,
    lang: Lang,
) -> RecordRef {
    let say = |msg: Msg| msg.text(lang);
    let id = entry.record_id;
    let gone = entry.action == "delete";
    let link = |href: String| (!gone).then_some(href);
    let (label, href) = match entry.record_table.as_str() {
        "person" => {
            let name = names
                .person(id)
                .map(str::to_owned)
                .or_else(|| text(values, "full_name"));
            (
                name.unwrap_or_else(|| say(Msg::new("audit-person-id").arg("id", id))),
                link(format!("/people/{}", names.page_of(id))),
            )
        }
        "company" => {
            let name = names
                .company(id)
                .map(str::to_owned)
                .or_else(|| text(values, "name"));
            (
                name.unwrap_or_else(|| say(Msg::new("audit-company-id").arg("id", id))),
                link(format!("/companies/{id}")),
            )
        }
        "pay_report" => {
            let person = values.and_then(|v| v.get("person_id")?.as_i64());
            let whose = person.and_then(|p| names.person(p)).map_or_else(
                || say(Msg::new("audit-someones-pay-report")),
                |name| say(Msg::new("audit-pay-report-of").arg("name", name)),
            );
            (
                whose,
                person.and_then(|p| link(format!("/people/{}#pay", names.page_of(p)))),
            )
        }
        // A note or a file is told in the verb; the sentence names the person it is on.
        "person_note" | "person_file" => {
            let person = values.and_then(|v| v.get("person_id")?.as_i64());
            let anchor = if entry.record_table == "person_note" {
                "notes"
            } else {
                "files"
            };
            let name = person
                .and_then(|p| names.person(p).map(str::to_owned))
                .unwrap_or_else(|| say(Msg::new("audit-a-person")));
            // "changed the text of Ada's note"; the other verbs name the person alone.
            let label = if entry.action == "update" {
                let key = match anchor {
                    "notes" => "audit-note-of",
                    _ => "audit-file-of",
                };
                say(Msg::new(key).arg("name", name))
            } else {
                name
            };
            (
                label,
                person.map(|p| format!("/people/{}#{anchor}", names.page_of(p))),
            )
        }
        "app_user" => {
            let name = text(values, "display_name").unwrap_or_else(|| id.to_string());
            (
                say(Msg::new("audit-user").arg("name", name)),
                link("/users".to_owned()),
            )
        }
        "exchange_rate" => {
            let label = match (text(values, "currency"), text(values, "rate_on")) {
                (Some(currency), Some(day)) => say(Msg::new("audit-exchange-rate-of")
                    .arg("currency", currency)
                    .arg("day", day_words(&day, lang))),
                _ => say(Msg::new("audit-exchange-rate-id").arg("id", id)),
            };
            (label, link("/exchange-rates".to_owned()))
        }
        "import_batch" => {
            let file = text(values, "file_name").map_or_else(String::new, |f| format!(" ({f})"));
            (
                say(Msg::new("audit-import-batch").arg("id", id)) + &file,
                Some(format!("/import/batches/{id}")),
            )
        }
        "pay_band" => {
            let label = match (
                text(values, "job_family"),
                text(values, "level"),
                text(values, "effective_on"),
            ) {
                (Some(family), Some(level), Some(day)) => {
                    let zone = text(values, "zone").filter(|z| !z.is_empty());
                    let zone = zone.map_or_else(
                        || say(Msg::new("audit-every-zone")),
                        |z| say(Msg::new("audit-zone").arg("zone", z)),
                    );
                    say(Msg::new("audit-pay-band-of")
                        .arg("family", family)
                        .arg("level", level)
                        .arg("zone", zone)
                        .arg("day", day_words(&day, lang)))
                }
                _ => say(Msg::new("audit-pay-band-id").arg("id", id)),
            };
            (label, link(format!("/pay-bands/{id}")))
        }
        "pay_decision" => {
            let offer = values.and_then(|v| v.get("pay_report_id")?.as_i64());
            (
                offer.map_or_else(
                    || say(Msg::new("audit-an-offer")),
                    |o| say(Msg::new("audit-offer-id").arg("id", o)),
                ),
                offer.map(|o| format!("/pay-reports/{o}/approval")),
            )
        }
        "webhook_endpoint" => {
            let url = text(values, "url").unwrap_or_else(|| format!("{id}"));
            (
                say(Msg::new("audit-webhook-endpoint").arg("url", url)),
                Some(format!("/webhooks/{id}")),
            )
        }
        other => (format!("{other} {id}"), None),
    };
    RecordRef { label, href }
}

/// A stored day as the reader writes days; anything else as stored.
fn day_words(stored: &str, lang: Lang) -> String {
    chrono::NaiveDate::parse_from_str(stored, "%Y-%m-%d")
        .map_or_else(|_| stored.to_owned(), |d| crate::i18n::format_date(lang, d))
}
