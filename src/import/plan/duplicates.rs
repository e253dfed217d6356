//! The preview's likely duplicates: new people of a file who may be someone stored already, or
//! another new person of the same file, by the rule of `Person::likely_duplicates`. Marking
//! never blocks an import; the preview asks to review them first. "Not a duplicate" needs no
//! check here: a dismissal pairs two stored people, and only people a file creates are marked.

use std::collections::HashMap;

use diesel::prelude::*;

use super::types::{Action, DuplicateMark, Plan, StoredCompanies};
use crate::models::Person;
use crate::models::person::{LikelyDuplicate, NewPerson};

/// How many of a file's new people are checked against the stored ones (the first ones, in
/// the file's order). Each costs what one person form's check costs: under a millisecond for
/// a company of a few hundred people, about 40 ms for one of 160,000 at a million people (the
/// trigram search of a common name), so a preview spends at most about ten seconds on it; the
/// preview says how many were not checked.
pub const CHECKED_NEW_PEOPLE: usize = 250;

/// Marks the plan's new people: the first `CHECKED_NEW_PEOPLE` against the stored people in
/// one statement, and all of them against each other by their keys (in memory).
pub(super) fn mark(
    conn: &mut PgConnection,
    plan: &mut Plan,
    companies: &StoredCompanies,
) -> QueryResult<()> {
    let new: Vec<usize> = (0..plan.people.len())
        .filter(|&i| plan.people[i].action == Action::Create)
        .collect();
    // Keyed in Rust once, while planning: the keys of the file's new people.
    let keys: Vec<(String, String)> = new.iter().map(|&i| plan.people[i].keys.clone()).collect();
    let mut same_key: HashMap<&(String, String), Vec<u64>> = HashMap::new();
    for (&i, key) in new.iter().zip(&keys) {
        // Without an origin company the rule needs a shared pay source: no key pairs them.
        if !key.1.is_empty() {
            same_key.entry(key).or_default().push(plan.people[i].line);
        }
    }
    let checked: Vec<NewPerson> = new
        .iter()
        .zip(&keys)
        .take(CHECKED_NEW_PEOPLE)
        .map(|(&i, (name, origin))| NewPerson {
            name_key: name.clone(),
            origin_company_id: companies.get(origin).map(|(id, _)| *id),
            source_urls: plan.people[i]
                .pays
                .iter()
                .filter_map(|p| p.fields.source_url.clone())
                .collect(),
        })
        .collect();
    plan.duplicates_unchecked = new.len().saturating_sub(checked.len());
    let mut stored: HashMap<usize, Vec<LikelyDuplicate>> = HashMap::new();
    for (at, duplicate) in Person::likely_duplicates_of_many(conn, &checked)? {
        stored.entry(at).or_default().push(duplicate);
    }
    for (n, (&i, key)) in new.iter().zip(&keys).enumerate() {
        let step = &plan.people[i];
        let in_file: Vec<u64> = same_key
            .get(key)
            .into_iter()
            .flatten()
            .copied()
            .filter(|&line| line != step.line)
            .collect();
        let stored = stored.remove(&n).unwrap_or_default();
        if stored.is_empty() && in_file.is_empty() {
            continue;
        }
        plan.duplicates.push(DuplicateMark {
            line: step.line,
            full_name: step.person.full_name.as_str().to_owned(),
            stored,
            in_file,
        });
    }
    Ok(())
}
