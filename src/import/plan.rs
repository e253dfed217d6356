//! What a parsed file would change, worked out against the database without writing to it.

use std::collections::{HashMap, HashSet};

use diesel::prelude::*;

use super::rows::RowError;
use super::{ImportKind, Parsed};
use crate::domain::{CompanyId, PayBandId, PersonId, name_key, rules, zone};
use crate::input::PersonInput;
use crate::models::pay_band::BandKey;
use crate::models::person::{hiring, origin};
use crate::models::{CompanyFields, PayBand, PayBandFields, PayReport, PayReportFields, Person};
use crate::schema::{company, pay_report, person};

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Action {
    Create,
    Update,
    /// Already there exactly as in the file.
    Skip,
}

#[derive(Debug, Clone)]
pub struct CompanyStep {
    pub line: u64,
    pub fields: CompanyFields,
    pub action: Action,
    pub existing: Option<CompanyId>,
}

#[derive(Debug, Clone)]
pub struct BandStep {
    pub line: u64,
    pub fields: PayBandFields,
    pub action: Action,
    /// The stored version of the same family, level, zone and day.
    pub existing: Option<PayBandId>,
}

#[derive(Debug, Clone)]
pub struct PayStep {
    pub line: u64,
    pub fields: PayReportFields,
    pub action: Action,
}

#[derive(Debug, Clone)]
pub struct PersonStep {
    pub line: u64,
    pub person: PersonInput,
    pub action: Action,
    /// The person matched by name and origin company.
    pub existing: Option<PersonId>,
    pub pays: Vec<PayStep>,
}

#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub struct Counts {
    pub created: i32,
    pub updated: i32,
    pub skipped: i32,
}

#[derive(Debug)]
pub struct Plan {
    pub kind: ImportKind,
    pub rows: usize,
    pub companies: Vec<CompanyStep>,
    /// Companies a people file names that do not exist yet: created with kind "other".
    pub new_companies: Vec<String>,
    pub people: Vec<PersonStep>,
    pub bands: Vec<BandStep>,
    pub errors: Vec<RowError>,
    pub ignored_columns: Vec<String>,
}

impl Plan {
    pub fn counts(&self) -> Counts {
        let mut counts = Counts {
            created: self.new_companies.len() as i32,
            ..Counts::default()
        };
        let actions =
            self.companies
                .iter()
                .map(|c| c.action)
                .chain(self.people.iter().flat_map(|p| {
                    std::iter::once(p.action).chain(p.pays.iter().map(|pay| pay.action))
                }))
                .chain(self.bands.iter().map(|b| b.action));
        for action in actions {
            match action {
                Action::Create => counts.created += 1,
                Action::Update => counts.updated += 1,
                Action::Skip => counts.skipped += 1,
            }
        }
        counts
    }

    /// Whether applying would change anything at all.
    pub fn changes_anything(&self) -> bool {
        let counts = self.counts();
        counts.created + counts.updated > 0
    }
}

pub fn plan(conn: &mut PgConnection, parsed: Parsed) -> QueryResult<Plan> {
    let mut plan = Plan {
        kind: parsed.kind,
        rows: parsed.rows,
        companies: Vec::new(),
        new_companies: Vec::new(),
        people: Vec::new(),
        bands: Vec::new(),
        errors: parsed.errors,
        ignored_columns: parsed.ignored_columns,
    };
    // Keyed by the stored key, which the file's names are compared with (`name_key`).
    let existing: HashMap<String, (CompanyId, CompanyFields)> = company::table
        .select((company::name_key, company::id, CompanyFields::as_select()))
        .load::<(String, CompanyId, CompanyFields)>(conn)?
        .into_iter()
        .map(|(key, id, fields)| (key, (id, fields)))
        .collect();
    match parsed.kind {
        ImportKind::Companies => plan_companies(&mut plan, parsed.companies, &existing),
        ImportKind::People => plan_people(conn, &mut plan, parsed.people, &existing)?,
        ImportKind::Bands => plan_bands(conn, &mut plan, parsed.bands)?,
    }
    plan.errors.sort_by_key(|e| e.line);
    Ok(plan)
}

fn plan_companies(
    plan: &mut Plan,
    rows: Vec<super::rows::CompanyRow>,
    existing: &HashMap<String, (CompanyId, CompanyFields)>,
) {
    let mut lines: HashMap<String, u64> = HashMap::new();
    for row in rows {
        let key = name_key(&row.fields.name);
        if let Some(first) = lines.insert(key.clone(), row.line) {
            plan.errors.push(RowError {
                line: row.line,
                who: row.fields.name.clone(),
                column: "name".into(),
                value: row.fields.name.clone(),
                message: format!("“{}” is on line {first} already.", row.fields.name),
            });
            continue;
        }
        let (action, id) = match existing.get(&key) {
            Some((id, stored)) if *stored == row.fields => (Action::Skip, Some(*id)),
            Some((id, _)) => (Action::Update, Some(*id)),
            None => (Action::Create, None),
        };
        plan.companies.push(CompanyStep {
            line: row.line,
            fields: row.fields,
            action,
            existing: id,
        });
    }
}

/// Bands are matched on family and level (without case), zone and day: one version each.
fn plan_bands(
    conn: &mut PgConnection,
    plan: &mut Plan,
    rows: Vec<super::rows::BandRow>,
) -> QueryResult<()> {
    let existing: HashMap<BandKey, (PayBandId, PayBandFields)> = PayBand::all_keyed(conn)?
        .into_iter()
        .map(|(key, id, fields)| (key, (id, fields)))
        .collect();
    let mut lines: HashMap<BandKey, u64> = HashMap::new();
    for row in rows {
        let key = PayBand::key(&row.fields);
        if let Some(first) = lines.insert(key.clone(), row.line) {
            plan.errors.push(RowError {
                line: row.line,
                who: format!("{} {}", key.0, key.1),
                column: "effective_on".into(),
                value: key.3.to_string(),
                message: format!(
                    "This band's version of {} is on line {first} already.",
                    key.3
                ),
            });
            continue;
        }
        let (action, id) = match existing.get(&key) {
            Some((id, stored)) if *stored == row.fields => (Action::Skip, Some(*id)),
            Some((id, _)) => (Action::Update, Some(*id)),
            None => (Action::Create, None),
        };
        plan.bands.push(BandStep {
            line: row.line,
            fields: row.fields,
            action,
            existing: id,
        });
    }
    Ok(())
}

fn plan_people(
    conn: &mut PgConnection,
    plan: &mut Plan,
    rows: Vec<super::rows::PersonRow>,
    companies: &HashMap<String, (CompanyId, CompanyFields)>,
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
    let row_keys: Vec<(String, String)> = rows
        .iter()
        .map(|row| person_key(&row.person, &mut keys))
        .collect();
    drop(keys);
    let stored = matching_people(conn, &row_keys)?;
    let stored_ids: Vec<PersonId> = stored.values().map(|(id, _)| *id).collect();
    let mut stored_pay: HashMap<PersonId, Vec<PayReportFields>> = HashMap::new();
    for report in pay_report::table
        .filter(pay_report::person_id.eq_any(&stored_ids))
        .select(PayReport::as_select())
        .load(conn)?
    {
        stored_pay
            .entry(report.person_id)
            .or_default()
            .push(report.fields);
    }
    let mut index: HashMap<(String, String), usize> = HashMap::new();
    for (row, key) in rows.into_iter().zip(row_keys) {
        let step = match index.get(&key) {
            Some(&at) => {
                if plan.people[at].person != row.person {
                    plan.errors.push(RowError::of_row(
                        row.line,
                        row.person.full_name.as_str(),
                        format!(
                            "{} is on line {} already with other details; give each person's details the same on all their rows.",
                            row.person.full_name.as_str(), plan.people[at].line
                        ),
                    ));
                    continue;
                }
                &mut plan.people[at]
            }
            None => {
                if let Some(refused) = moves_pay_history(&row, stored.get(&key), &stored_pay) {
                    plan.errors.push(refused);
                    continue;
                }
                let (action, existing) = match stored.get(&key) {
                    Some((id, stored)) if *stored == row.person => (Action::Skip, Some(*id)),
                    Some((id, _)) => (Action::Update, Some(*id)),
                    None => (Action::Create, None),
                };
                index.insert(key, plan.people.len());
                plan.people.push(PersonStep {
                    line: row.line,
                    person: row.person,
                    action,
                    existing,
                    pays: Vec::new(),
                });
                plan.people.last_mut().expect("just pushed")
            }
        };
        if let Some(pay) = row.pay {
            let in_eu = step.person.zone.0.as_ref().map(|z| z.as_str()) == Some(zone::EU);
            if in_eu && rules::asks_pay_history(pay.source_name.as_deref()) {
                plan.errors.push(RowError {
                    line: row.line,
                    who: step.person.full_name.as_str().to_owned(),
                    column: "source_name".into(),
                    value: pay.source_name.clone().unwrap_or_default(),
                    message: rules::PAY_HISTORY_REFUSED.into(),
                });
                continue;
            }
            let known = step
                .existing
                .and_then(|id| stored_pay.get(&id))
                .is_some_and(|all| all.contains(&pay));
            let action = if known { Action::Skip } else { Action::Create };
            step.pays.push(PayStep {
                line: row.line,
                fields: pay,
                action,
            });
        }
    }
    Ok(())
}

/// How a file's row and a stored person are matched: the keys of their name and origin
/// company (a stored person's are the stored `name_key` columns).
/// A stored person whose figures include some from the candidate cannot be moved into the EU
/// (the database refuses it too): the row is refused beside its zone.
fn moves_pay_history(
    row: &super::rows::PersonRow,
    stored: Option<&(PersonId, PersonInput)>,
    stored_pay: &HashMap<PersonId, Vec<PayReportFields>>,
) -> Option<RowError> {
    let in_eu = |p: &PersonInput| p.zone.0.as_ref().map(|z| z.as_str()) == Some(zone::EU);
    let (id, before) = stored?;
    let history = stored_pay
        .get(id)?
        .iter()
        .any(|pay| rules::asks_pay_history(pay.source_name.as_deref()));
    (history && in_eu(&row.person) && !in_eu(before)).then(|| RowError {
        line: row.line,
        who: row.person.full_name.as_str().to_owned(),
        column: "zone".into(),
        value: zone::EU.into(),
        message: rules::PAY_HISTORY_MOVE_REFUSED.into(),
    })
}

fn person_key<'a>(person: &'a PersonInput, keys: &mut Keys<'a>) -> (String, String) {
    let [(_, origin_company), _] = person.companies();
    (
        keys.of(person.full_name.as_str()).to_owned(),
        origin_company
            .map(|name| keys.of(name).to_owned())
            .unwrap_or_default(),
    )
}

/// The names of a file with their keys (`name_key`), each computed once.
#[derive(Default)]
pub(super) struct Keys<'a>(HashMap<&'a str, String>);

impl<'a> Keys<'a> {
    pub(super) fn of(&mut self, name: &'a str) -> &str {
        self.0.entry(name).or_insert_with(|| name_key(name))
    }
}

/// The stored people whose name and origin company match a row, as a file would give them.
/// Where two stored people share a key, the older one is matched.
fn matching_people(
    conn: &mut PgConnection,
    row_keys: &[(String, String)],
) -> QueryResult<HashMap<(String, String), (PersonId, PersonInput)>> {
    let names: Vec<&str> = row_keys
        .iter()
        .map(|(name, _)| name.as_str())
        .collect::<HashSet<_>>()
        .into_iter()
        .collect();
    type Found = (
        Person,
        String,
        Option<String>,
        Option<String>,
        Option<String>,
    );
    let found: Vec<Found> = person::table
        .left_join(origin.on(person::origin_company_id.eq(origin.field(company::id).nullable())))
        .left_join(hiring.on(person::hiring_company_id.eq(hiring.field(company::id).nullable())))
        .filter(person::name_key.eq_any(names))
        .order(person::id.desc())
        .select((
            Person::as_select(),
            person::name_key,
            origin.field(company::name_key).nullable(),
            origin.field(company::name).nullable(),
            hiring.field(company::name).nullable(),
        ))
        .load(conn)?;
    Ok(found
        .into_iter()
        .map(|(person, key, origin_key, origin_name, hiring_name)| {
            let stored = PersonInput::stored(person.fields, origin_name, hiring_name);
            ((key, origin_key.unwrap_or_default()), (person.id, stored))
        })
        .collect())
}
