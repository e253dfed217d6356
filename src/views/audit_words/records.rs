//! The record an audit entry is about, named and linked by its kind: a person by name, a pay
//! report by whose it is, a band by its family, level, zone and day...

use serde_json::{Map, Value};

use super::{RecordRef, text};
use crate::models::{AuditEntry, AuditNames};

pub(super) fn record_ref(
    entry: &AuditEntry,
    values: Option<&Map<String, Value>>,
    names: &AuditNames,
) -> RecordRef {
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
                name.unwrap_or_else(|| format!("person {id}")),
                link(format!("/people/{}", names.page_of(id))),
            )
        }
        "company" => {
            let name = names
                .company(id)
                .map(str::to_owned)
                .or_else(|| text(values, "name"));
            (
                name.unwrap_or_else(|| format!("company {id}")),
                link(format!("/companies/{id}")),
            )
        }
        "pay_report" => {
            let person = values.and_then(|v| v.get("person_id")?.as_i64());
            let whose = person.and_then(|p| names.person(p)).map_or_else(
                || "a person's pay report".to_owned(),
                |name| format!("{name}'s pay report"),
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
                .unwrap_or_else(|| "a person".to_owned());
            // "changed the text of Ada's note"; the other verbs name the person alone.
            let label = if entry.action == "update" {
                format!("{name}'s {}", &anchor[..anchor.len() - 1])
            } else {
                name
            };
            (
                label,
                person.map(|p| format!("/people/{}#{anchor}", names.page_of(p))),
            )
        }
        "app_user" => {
            let name = text(values, "display_name").unwrap_or_else(|| format!("user {id}"));
            (format!("user {name}"), link("/users".to_owned()))
        }
        "exchange_rate" => {
            let label = match (text(values, "currency"), text(values, "rate_on")) {
                (Some(currency), Some(day)) => format!("the {currency} exchange rate of {day}"),
                _ => format!("exchange rate {id}"),
            };
            (label, link("/exchange-rates".to_owned()))
        }
        "import_batch" => {
            let file = text(values, "file_name").map_or_else(String::new, |f| format!(" ({f})"));
            (
                format!("import batch {id}{file}"),
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
                    let zone =
                        zone.map_or_else(|| "every zone".to_owned(), |z| format!("zone {z}"));
                    format!("the {family} {level} pay band ({zone}) from {day}")
                }
                _ => format!("pay band {id}"),
            };
            (label, link(format!("/pay-bands/{id}")))
        }
        "pay_decision" => {
            let offer = values.and_then(|v| v.get("pay_report_id")?.as_i64());
            (
                offer.map_or_else(|| "an offer".to_owned(), |o| format!("offer {o}")),
                offer.map(|o| format!("/pay-reports/{o}/approval")),
            )
        }
        "webhook_endpoint" => {
            let url = text(values, "url").unwrap_or_else(|| format!("{id}"));
            (
                format!("webhook endpoint {url}"),
                Some(format!("/webhooks/{id}")),
            )
        }
        other => (format!("{other} {id}"), None),
    };
    RecordRef { label, href }
}
