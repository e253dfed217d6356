//! Planning a people file: each row's person is matched by the id the file gives, else by
//! the keys of their name and origin company; each pay report by its id, else by its values.

use std::collections::{HashMap, HashSet};

use diesel::prelude::*;

use super::stored_people::{PersonKey, Stored, conflict, matching_people, person_key, updated};
use super::stored_reports::{StoredReports, moves_pay_history};
use super::types::{Action, Keys, PayStep, PersonStep, Plan, StoredCompanies};
use crate::domain::{PayReportId, PersonId, rules, zone};
use crate::import::ID_COLUMN;
use crate::import::overlay::changes;
use crate::import::rows::{PersonRow, RowError};

/// Which step of the plan a row belongs to: rows of the same person (one a pay report) go to
/// one step.
#[derive(PartialEq, Eq, Hash)]
enum Identity {
    Id(PersonId),
    Key(PersonKey),
}

pub(super) fn plan_people(
    conn: &mut PgConnection,
    plan: &mut Plan,
    rows: Vec<PersonRow>,
    companies: &StoredCompanies,
    in_file: impl Fn(&str) -> bool,
) -> QueryResult<()> {
    // Each distinct name's key is computed once: a person is on a row for each of their pay
    // reports, and a few hundred companies are named on every row.
    let mut keys = Keys::default();
    // Companies the file names that do not exist yet, each once, as first spelled. A set of
    // their keys keeps this linear: a file may name tens of thousands of new companies.
    let mut new_keys = HashSet::new();
    for name in rows
        .iter()
        .flat_map(|r| r.person.companies())
        .filter_map(|(_, name)| name)
    {
        let key = keys.of(name);
        if !companies.contains_key(key) && new_keys.insert(key.to_owned()) {
            plan.new_companies.push(name.to_owned());
        }
    }
    let row_keys: Vec<PersonKey> = rows
        .iter()
        .map(|row| person_key(&row.person, &mut keys))
        .collect();
    drop(keys);
    let given: Vec<PersonId> = rows.iter().filter_map(|r| r.id).collect();
    let mut stored = matching_people(conn, &row_keys, &given)?;
    // A file without the origin company column matches people by name alone, as it gives
    // them: their origin stays as stored.
    if !in_file("origin_company") {
        for person in &mut stored {
            person.key.1.clear();
        }
    }
    // Where two stored people share a key, the older one is matched by key.
    let mut by_key: HashMap<&PersonKey, &Stored> = HashMap::new();
    for person in &stored {
        by_key
            .entry(&person.key)
            .and_modify(|s| {
                if person.id.get() < s.id.get() {
                    *s = person;
                }
            })
            .or_insert(person);
    }
    let by_id: HashMap<PersonId, &Stored> = stored.iter().map(|s| (s.id, s)).collect();
    let given_reports: Vec<PayReportId> = rows.iter().filter_map(|r| r.pay_id).collect();
    let reports = StoredReports::load(conn, &by_id, &given_reports)?;
    let mut index: HashMap<Identity, usize> = HashMap::new();
    let mut report_lines: HashMap<PayReportId, u64> = HashMap::new();
    for (row, key) in rows.into_iter().zip(row_keys) {
        let who = row.person.full_name.as_str().to_owned();
        let id_error = |id: i64, message: String| RowError {
            line: row.line,
            who: who.clone(),
            column: row.id_column.into(),
            value: id.to_string(),
            message,
        };
        let (existing, given_id) = match row.id {
            Some(id) => match by_id.get(&id) {
                Some(at_id) => {
                    if let Some(message) = conflict(&row.person, &key, at_id, by_key.get(&key)) {
                        plan.errors.push(id_error(id.get(), message));
                        continue;
                    }
                    (Some(*at_id), None)
                }
                None => (None, Some(id)),
            },
            None => (by_key.get(&key).copied(), None),
        };
        let mut row = row;
        if let Some(stored) = existing {
            match updated(&row, stored, &in_file) {
                Ok(person) => row.person = person,
                Err(errors) => {
                    plan.errors.extend(errors);
                    continue;
                }
            }
        }
        let identity = match (existing, given_id) {
            (Some(s), _) => Identity::Id(s.id),
            (None, Some(id)) => Identity::Id(id),
            (None, None) => Identity::Key(key.clone()),
        };
        let step = match index.get(&identity) {
            Some(&at) => {
                if plan.people[at].person != row.person {
                    plan.errors.push(RowError::of_row(
                        row.line,
                        &who,
                        format!(
                            "{who} is on line {} already with other details; give each person's details the same on all their rows.",
                            plan.people[at].line
                        ),
                    ));
                    continue;
                }
                &mut plan.people[at]
            }
            None => {
                if let Some(refused) = moves_pay_history(&row, existing, &reports) {
                    plan.errors.push(refused);
                    continue;
                }
                let action = match existing {
                    Some(s) if s.person == row.person => Action::Skip,
                    Some(_) => Action::Update,
                    None => Action::Create,
                };
                index.insert(identity, plan.people.len());
                let changes = match (action, existing) {
                    (Action::Update, Some(s)) => changes(&s.person, &row.person),
                    _ => Vec::new(),
                };
                plan.people.push(PersonStep {
                    line: row.line,
                    person: row.person,
                    action,
                    existing: existing.map(|s| s.id),
                    given_id,
                    by_id: existing.is_some() && row.id.is_some(),
                    keys: key,
                    changes,
                    pays: Vec::new(),
                });
                plan.people.last_mut().expect("just pushed")
            }
        };
        let Some(pay) = row.pay else { continue };
        let in_eu = zone::is_eu(step.person.zone.0.as_ref().map(|z| z.as_str()));
        if in_eu && rules::asks_pay_history(pay.source_name.as_deref()) {
            plan.errors.push(RowError {
                line: row.line,
                who,
                column: "source_name".into(),
                value: pay.source_name.clone().unwrap_or_default(),
                message: rules::said(rules::PAY_HISTORY_REFUSED),
            });
            continue;
        }
        let (action, given_id) = match row.pay_id {
            Some(id) => {
                let first = report_lines.insert(id, row.line);
                match reports.by_id(id, step.existing, &pay, first) {
                    Ok(step) => step,
                    Err(message) => {
                        plan.errors.push(RowError {
                            line: row.line,
                            who,
                            column: ID_COLUMN.into(),
                            value: id.to_string(),
                            message,
                        });
                        continue;
                    }
                }
            }
            None if reports.holds(step.existing, &pay) => (Action::Skip, None),
            None => (Action::Create, None),
        };
        step.pays.push(PayStep {
            line: row.line,
            fields: pay,
            action,
            given_id,
        });
    }
    Ok(())
}
