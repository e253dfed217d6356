//! Merging two people: the side-by-side page, the list of merges, the undo page, and the
//! merges on a person's page.

use askama::Template;
use serde_json::{Map, Value};

use super::audit_words::field_words;
use super::{Layout, Pager};
use crate::models::person_merge::Blocker;
use crate::models::{AuditNames, MergeListItem, Person, PersonFields, PersonMerge};

/// The fields a merge chooses between, in the order the person page shows them. The
/// serialised `PersonFields` has exactly these keys (a test holds them together).
pub const MERGED_FIELDS: [&str; 17] = [
    "full_name",
    "stage",
    "title",
    "expertise",
    "origin_company_id",
    "hiring_company_id",
    "job_family",
    "level",
    "zone",
    "range_disclosed_on",
    "team",
    "location",
    "first_contact_on",
    "offer_on",
    "decided_on",
    "start_on",
    "notes",
];

/// A person's fields as the JSON object the merge picks values from.
pub fn fields_map(fields: &PersonFields) -> Map<String, Value> {
    match serde_json::to_value(fields) {
        Ok(Value::Object(map)) => map,
        _ => Map::new(),
    }
}

/// One of the two people on the page, with what moves with them.
pub struct MergeSide {
    pub person: Person,
    pub pay_reports: i64,
    pub stage_changes: i64,
}

/// A field whose values differ: which one the survivor gets.
pub struct FieldChoice {
    pub field: &'static str,
    pub label: String,
    pub left: String,
    pub right: String,
    /// Checked by default: the survivor's value, or the filled one where it has none.
    pub take_right: bool,
}

#[derive(Template)]
#[template(path = "merges/form.html")]
pub struct MergePage {
    pub layout: Layout,
    pub left: MergeSide,
    pub right: MergeSide,
    pub choices: Vec<FieldChoice>,
    /// The older record (lower id) survives by default.
    pub right_survives: bool,
    /// After a lost update: the people saved since the page was shown.
    pub changed: Vec<String>,
    /// Why the merge as chosen cannot be saved.
    pub problem: Option<String>,
}

impl MergePage {
    pub fn new(layout: Layout, left: MergeSide, right: MergeSide, names: &AuditNames) -> Self {
        let right_survives = right.person.id < left.person.id;
        let (l, r) = (
            fields_map(&left.person.fields),
            fields_map(&right.person.fields),
        );
        let empty = |v: Option<&Value>| v.is_none_or(|v| v.is_null() || v == "");
        let choices = MERGED_FIELDS
            .iter()
            .filter(|field| l.get(**field) != r.get(**field))
            .map(|&field| {
                let (label, left_value) = field_words("person", field, &l, names);
                let (_, right_value) = field_words("person", field, &r, names);
                let take_right = if right_survives {
                    !empty(r.get(field)) || empty(l.get(field))
                } else {
                    empty(l.get(field)) && !empty(r.get(field))
                };
                FieldChoice {
                    field,
                    label,
                    left: left_value,
                    right: right_value,
                    take_right,
                }
            })
            .collect();
        MergePage {
            layout,
            left,
            right,
            choices,
            right_survives,
            changed: Vec::new(),
            problem: None,
        }
    }
}

#[derive(Template)]
#[template(path = "merges/index.html")]
pub struct MergeListPage {
    pub layout: Layout,
    pub merges: Vec<MergeListItem>,
    pub pager: Pager,
}

#[derive(Template)]
#[template(path = "merges/undo.html")]
pub struct UndoPage {
    pub layout: Layout,
    pub item: MergeListItem,
    /// Why it cannot be undone now, in words; empty when it can.
    pub blockers: Vec<BlockerWords>,
}

/// A reason an undo is refused, and where to go about it.
pub struct BlockerWords {
    pub text: String,
    pub link: Option<(String, String)>,
}

impl BlockerWords {
    pub fn of(merge: &PersonMerge, blocker: &Blocker) -> BlockerWords {
        let survivor = merge.survivor_name();
        let (text, link) = match blocker {
            Blocker::AlreadyUndone(at) => (
                format!(
                    "This merge was already undone on {}.",
                    at.format("%Y-%m-%d %H:%M UTC")
                ),
                None,
            ),
            Blocker::LaterMerge(id) => (
                format!("A later merge (#{id}) involves these people: undo it first."),
                Some((format!("/people/merges/{id}/undo"), format!("Merge #{id}"))),
            ),
            Blocker::SurvivorChanged(columns) if columns.is_empty() => {
                (format!("{survivor} was saved again since the merge."), None)
            }
            Blocker::SurvivorChanged(columns) => {
                let names = AuditNames::default();
                let labels: Vec<String> = columns
                    .iter()
                    .map(|c| {
                        field_words("person", c, &Map::new(), &names)
                            .0
                            .to_lowercase()
                    })
                    .collect();
                (
                    format!(
                        "{survivor} was edited since the merge ({}): undoing would lose that edit.",
                        labels.join(", ")
                    ),
                    None,
                )
            }
            Blocker::RemovedIdTaken => (
                format!(
                    "A person with id {} exists again (an import that keeps ids made one), so the \
                     removed person cannot come back under it.",
                    merge.removed_id
                ),
                Some((
                    format!("/people/{}", merge.removed_id),
                    format!("Person {}", merge.removed_id),
                )),
            ),
            Blocker::PayReportChanged(id) => (
                format!("Pay report {id}, moved by the merge, was edited since."),
                None,
            ),
            Blocker::PayReportGone(id) => (
                format!("Pay report {id}, moved by the merge, was deleted since."),
                None,
            ),
            Blocker::CompanyGone(id) => (
                format!(
                    "Company {id}, which a record before the merge named, was deleted since: \
                     add it again or choose another company first."
                ),
                None,
            ),
            Blocker::StageChangeGone(id) => (
                format!("A stage change moved by the merge ({id}) is gone."),
                None,
            ),
        };
        let link = link.or_else(|| {
            matches!(blocker, Blocker::SurvivorChanged(_)).then(|| {
                (
                    format!("/people/{}", merge.survivor_id),
                    survivor.to_owned(),
                )
            })
        });
        BlockerWords { text, link }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_merged_fields_are_every_field_of_a_person() {
        let mut keys: Vec<String> = fields_map(&PersonFields::default())
            .keys()
            .cloned()
            .collect();
        let mut merged: Vec<String> = MERGED_FIELDS.iter().map(|f| f.to_string()).collect();
        keys.sort();
        merged.sort();
        assert_eq!(keys, merged);
    }
}
