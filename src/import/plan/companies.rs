//! Planning a companies file: each row's company is matched by the id the file gives, else by
//! the key of its name.

use std::collections::HashMap;

use super::types::{Action, CompanyStep, Plan, StoredCompanies};
use crate::domain::{CompanyId, name_key};
use crate::import::ID_COLUMN;
use crate::import::overlay::{changes, overlay};
use crate::import::rows::{CompanyRow, RowError};
use crate::models::CompanyFields;

pub(super) fn plan_companies(
    plan: &mut Plan,
    rows: Vec<CompanyRow>,
    existing: &StoredCompanies,
    in_file: impl Fn(&str) -> bool,
) {
    let by_id: HashMap<CompanyId, (&str, &CompanyFields)> = existing
        .iter()
        .map(|(key, (id, fields))| (*id, (key.as_str(), fields)))
        .collect();
    let mut lines: HashMap<String, u64> = HashMap::new();
    let mut id_lines: HashMap<CompanyId, u64> = HashMap::new();
    for row in rows {
        let key = name_key(&row.fields.name);
        let name = row.fields.name.clone();
        let refuse = |column: &str, value: String, message: String| RowError {
            line: row.line,
            who: name.clone(),
            column: column.into(),
            value,
            message,
        };
        if let Some(first) = lines.insert(key.clone(), row.line) {
            let message = format!("“{name}” is on line {first} already.");
            plan.errors.push(refuse("name", name.clone(), message));
            continue;
        }
        let by_key = existing.get(&key).map(|(id, _)| *id);
        let stored = match row.id {
            Some(id) => by_id.get(&id).map(|(_, fields)| *fields),
            None => existing.get(&key).map(|(_, fields)| fields),
        };
        let fields = match stored.map(|stored| overlay(stored, &row.fields, &in_file)) {
            None => row.fields.clone(),
            Some(Ok(fields)) => fields,
            Some(Err(message)) => {
                plan.errors.push(refuse("", String::new(), message));
                continue;
            }
        };
        let (action, id, given_id) = match row.id {
            Some(id) => {
                if let Some(first) = id_lines.insert(id, row.line) {
                    let message = format!("The id {id} is on line {first} already.");
                    plan.errors.push(refuse(ID_COLUMN, id.to_string(), message));
                    continue;
                }
                match (by_id.get(&id), by_key) {
                    // A company renamed to the name another company has: two records would
                    // become one name, which the database refuses.
                    (Some((stored_key, stored)), Some(other)) if *stored_key != key => {
                        let message = format!(
                            "The id {id} is “{}”, and “{name}” is the company with id {other}: \
                             correct the id, or leave it empty to match by name.",
                            stored.name
                        );
                        plan.errors.push(refuse(ID_COLUMN, id.to_string(), message));
                        continue;
                    }
                    (Some((_, stored)), _) if **stored == fields => (Action::Skip, Some(id), None),
                    (Some(_), _) => (Action::Update, Some(id), None),
                    (None, Some(other)) => {
                        let message = format!(
                            "“{name}” is the company with id {other}, not {id}: correct the id, \
                             or leave it empty to match by name."
                        );
                        plan.errors.push(refuse(ID_COLUMN, id.to_string(), message));
                        continue;
                    }
                    (None, None) => (Action::Create, None, Some(id)),
                }
            }
            None => match existing.get(&key) {
                Some((id, stored)) if *stored == fields => (Action::Skip, Some(*id), None),
                Some((id, _)) => (Action::Update, Some(*id), None),
                None => (Action::Create, None, None),
            },
        };
        let changes = match (action, stored) {
            (Action::Update, Some(stored)) => changes(stored, &fields),
            _ => Vec::new(),
        };
        plan.companies.push(CompanyStep {
            line: row.line,
            fields,
            action,
            existing: id,
            given_id,
            changes,
        });
    }
}
