//! The names an audit page shows for what its entries hold only as ids and e-mails: people,
//! companies and the users who acted. One query per kind for the whole page.

use std::collections::{HashMap, HashSet};

use diesel::prelude::*;

use super::AuditEntry;
use crate::schema::{app_user, company, person, person_merge};

#[derive(Debug, Default)]
pub struct AuditNames {
    people: HashMap<i64, String>,
    companies: HashMap<i64, String>,
    /// Lower-cased e-mail → display name.
    users: HashMap<String, String>,
    /// Person merged away → the person they were merged into (by merges that stand).
    merged: HashMap<i64, i64>,
}

/// The ids `field` holds in an entry's before and after.
fn ids_in<'a>(entry: &'a AuditEntry, field: &'a str) -> impl Iterator<Item = i64> + 'a {
    [entry.before.as_ref(), entry.after.as_ref()]
        .into_iter()
        .flatten()
        // A merge's entry keeps the survivor's row as it was under `survivor`.
        .flat_map(|values| [Some(values), values.get("survivor")])
        .flatten()
        .filter_map(move |values| values.get(field)?.as_i64())
}

impl AuditNames {
    pub fn load(conn: &mut PgConnection, entries: &[AuditEntry]) -> QueryResult<AuditNames> {
        let (mut people, mut companies) = (HashSet::new(), HashSet::new());
        for entry in entries {
            match entry.record_table.as_str() {
                "person" => {
                    people.insert(entry.record_id);
                    companies.extend(ids_in(entry, "origin_company_id"));
                    companies.extend(ids_in(entry, "hiring_company_id"));
                }
                "pay_report" | "person_note" | "person_file" => {
                    people.extend(ids_in(entry, "person_id"))
                }
                "company" => {
                    companies.insert(entry.record_id);
                }
                _ => {}
            }
        }
        let people: Vec<i64> = people.into_iter().collect();
        let companies: Vec<i64> = companies.into_iter().collect();
        let merged = merged_away(conn, &people)?;
        Ok(AuditNames {
            merged,
            people: person::table
                .filter(person::id.eq_any(&people))
                .select((person::id, person::full_name))
                .load(conn)?
                .into_iter()
                .collect(),
            companies: company::table
                .filter(company::id.eq_any(&companies))
                .select((company::id, company::name))
                .load(conn)?
                .into_iter()
                .collect(),
            // Every user: a short table, and actors need not be users any more.
            users: app_user::table
                .select((app_user::email, app_user::display_name))
                .load::<(String, String)>(conn)?
                .into_iter()
                .map(|(email, name)| (email.to_lowercase(), name))
                .collect(),
        })
    }

    /// Only the names of these companies: for pages that show records' values as the audit
    /// words them (a merge's two people side by side).
    pub fn of_companies(conn: &mut PgConnection, ids: &[i64]) -> QueryResult<AuditNames> {
        Ok(AuditNames {
            companies: company::table
                .filter(company::id.eq_any(ids))
                .select((company::id, company::name))
                .load(conn)?
                .into_iter()
                .collect(),
            ..AuditNames::default()
        })
    }

    /// The account an actor names: the e-mail itself, or inside `command line (…)`.
    fn actor_account(actor: &str) -> &str {
        actor
            .strip_prefix("command line (")
            .and_then(|rest| rest.strip_suffix(')'))
            .unwrap_or(actor)
    }

    /// Who acted, in words: a user's name, "root on the command line", "the system".
    pub fn actor(&self, actor: &str) -> String {
        let account = Self::actor_account(actor);
        let name = self
            .users
            .get(&account.to_lowercase())
            .map_or(account, String::as_str);
        match actor {
            "system" => "The system".to_owned(),
            _ if account.len() != actor.len() => format!("{name} on the command line"),
            _ => name.to_owned(),
        }
    }

    pub fn person(&self, id: i64) -> Option<&str> {
        self.people.get(&id).map(String::as_str)
    }

    /// Whose page shows this person's records now: their own, or, when they were merged
    /// away, the last survivor's.
    pub fn page_of(&self, id: i64) -> i64 {
        let mut page = id;
        // A chain is short; the bound only guards against a cycle (an import may reuse a
        // merged-away id, and that person be merged in turn).
        for _ in 0..MERGE_CHAIN {
            match self.merged.get(&page) {
                Some(&survivor) => page = survivor,
                None => break,
            }
        }
        page
    }

    pub fn company(&self, id: i64) -> Option<&str> {
        self.companies.get(&id).map(String::as_str)
    }
}

const MERGE_CHAIN: usize = 16;

/// Which of `people` were merged away into whom, and the survivors' own merges after them.
fn merged_away(conn: &mut PgConnection, people: &[i64]) -> QueryResult<HashMap<i64, i64>> {
    let mut merged = HashMap::new();
    let mut asked = people.to_vec();
    for _ in 0..MERGE_CHAIN {
        if asked.is_empty() {
            break;
        }
        let found: Vec<(i64, i64)> = person_merge::table
            .filter(person_merge::removed_id.eq_any(&asked))
            .filter(person_merge::undone_at.is_null())
            .select((person_merge::removed_id, person_merge::survivor_id))
            .load(conn)?;
        asked = found
            .iter()
            .map(|&(_, survivor)| survivor)
            .filter(|survivor| !merged.contains_key(survivor))
            .collect();
        merged.extend(found);
    }
    Ok(merged)
}
