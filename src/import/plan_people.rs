//! Planning a people file: each row's person is matched by the id the file gives, else by
//! the keys of their name and origin company; each pay report by its id, else by its values.

use std::collections::{HashMap, HashSet};

use diesel::prelude::*;

use super::ID_COLUMN;
use super::overlay::{changes, overlay};
use super::plan::{Action, Keys, PayStep, PersonStep, Plan};
use super::rows::{PersonRow, RowError};
use crate::domain::{CompanyId, PayReportId, PersonId, rules, zone};
use crate::input::{PersonInput, RecordInput};
use crate::models::person::{hiring, origin};
use crate::models::{CompanyFields, PayReport, PayReportFields, Person};
use crate::schema::{company, pay_report, person};

/// The keys of a name and its origin company (empty without one).
type PersonKey = (String, String);

/// A stored person as a file would give them.
struct Stored {
    id: PersonId,
    key: PersonKey,
    person: PersonInput,
    /// Erased on request: a file may move their stage, never give them personal data again.
    erased: bool,
}

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
    companies: &HashMap<String, (CompanyId, CompanyFields)>,
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
        let in_eu = step.person.zone.0.as_ref().map(|z| z.as_str()) == Some(zone::EU);
        if in_eu && rules::asks_pay_history(pay.source_name.as_deref()) {
            plan.errors.push(RowError {
                line: row.line,
                who,
                column: "source_name".into(),
                value: pay.source_name.clone().unwrap_or_default(),
                message: rules::PAY_HISTORY_REFUSED.into(),
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

/// The stored person with the row's columns laid over them (`overlay`), or why the row cannot
/// update them: the result breaks a rule between fields (a file giving only `offer_on` may
/// put it after the stored `decided_on`), or it gives an erased person personal data again.
fn updated(
    row: &PersonRow,
    stored: &Stored,
    in_file: impl Fn(&str) -> bool,
) -> Result<PersonInput, Vec<RowError>> {
    let who = row.person.full_name.as_str();
    // A file with every column (an export) gives the whole record, already checked as a row.
    let partial = !PersonInput::COLUMNS.iter().all(|c| in_file(c));
    let person = if partial {
        overlay(&stored.person, &row.person, in_file)
            .map_err(|message| vec![RowError::of_row(row.line, who, message)])?
    } else {
        row.person.clone()
    };
    if partial {
        let typed = crate::views::FormState::with_values(
            crate::csv_format::cells(&person).unwrap_or_default(),
        );
        let broken: Vec<RowError> = PersonInput::rules(&typed)
            .into_iter()
            .map(|(field, message)| RowError {
                line: row.line,
                who: who.to_owned(),
                column: PersonInput::column_of(field).to_owned(),
                value: typed.value(field).to_owned(),
                message: format!(
                    "{message} (with the stored values of the columns the file leaves out)"
                ),
            })
            .collect();
        if !broken.is_empty() {
            return Err(broken);
        }
    }
    let personal = || {
        changes(&stored.person, &person)
            .iter()
            .any(|change| PERSONAL.contains(&change.field))
    };
    if stored.erased && personal() {
        return Err(vec![RowError {
            line: row.line,
            who: who.to_owned(),
            column: row.id_column.into(),
            value: stored.id.to_string(),
            message: format!(
                "The person with id {} was erased on request: a file cannot give them a name \
                 or other personal data again. Take this row out of the file.",
                stored.id
            ),
        }]);
    }
    Ok(person)
}

/// A person's personal fields, which an erasure took and nothing may write back.
const PERSONAL: [&str; 6] = [
    "full_name",
    "title",
    "expertise",
    "team",
    "location",
    "notes",
];

/// Why a row cannot be the person its id names: their name and origin company both differ,
/// and another stored person has the row's (the file would move one person's id onto
/// another's details). A change of name or of origin company alone is an update.
fn conflict(
    row: &PersonInput,
    key: &PersonKey,
    at_id: &Stored,
    at_key: Option<&&Stored>,
) -> Option<String> {
    let other = at_key.filter(|s| s.id != at_id.id)?;
    if at_id.key.0 == key.0 || at_id.key.1 == key.1 {
        return None;
    }
    let [(_, row_origin), _] = row.companies();
    let [(_, stored_origin), _] = at_id.person.companies();
    Some(format!(
        "The id {} is {} ({}), but {} ({}) is the person with id {}: correct the id, or leave \
         it empty to match by name.",
        at_id.id,
        at_id.person.full_name.as_str(),
        stored_origin.unwrap_or("no origin company"),
        row.full_name.as_str(),
        row_origin.unwrap_or("no origin company"),
        other.id,
    ))
}

/// The stored reports of the people matched and those the file names by id.
struct StoredReports {
    of_person: HashMap<PersonId, Vec<PayReportFields>>,
    by_id: HashMap<PayReportId, (PersonId, PayReportFields)>,
}

impl StoredReports {
    fn load(
        conn: &mut PgConnection,
        people: &HashMap<PersonId, &Stored>,
        given: &[PayReportId],
    ) -> QueryResult<Self> {
        let person_ids: Vec<PersonId> = people.keys().copied().collect();
        let mut reports = StoredReports {
            of_person: HashMap::new(),
            by_id: HashMap::new(),
        };
        for report in pay_report::table
            .filter(pay_report::person_id.eq_any(&person_ids))
            .or_filter(pay_report::id.eq_any(given))
            .select(PayReport::as_select())
            .load(conn)?
        {
            if !given.is_empty() {
                let fields = report.fields.clone();
                reports.by_id.insert(report.id, (report.person_id, fields));
            }
            reports
                .of_person
                .entry(report.person_id)
                .or_default()
                .push(report.fields);
        }
        Ok(reports)
    }

    /// Whether `person` has a report with exactly these values.
    fn holds(&self, person: Option<PersonId>, pay: &PayReportFields) -> bool {
        person
            .and_then(|id| self.of_person.get(&id))
            .is_some_and(|all| all.contains(pay))
    }

    /// The step for a report the file gives with its id (`first`: the line that gave the id
    /// before), or why it cannot be imported.
    fn by_id(
        &self,
        id: PayReportId,
        person: Option<PersonId>,
        pay: &PayReportFields,
        first: Option<u64>,
    ) -> Result<(Action, Option<PayReportId>), String> {
        if let Some(first) = first {
            return Err(format!(
                "The pay report id {id} is on line {first} already."
            ));
        }
        match self.by_id.get(&id) {
            None => Ok((Action::Create, Some(id))),
            Some((owner, _)) if Some(*owner) != person => Err(format!(
                "The pay report with id {id} is another person's (the person with id {owner}): \
                 correct the id, or leave it empty to add this report."
            )),
            Some((_, stored)) if stored == pay => Ok((Action::Skip, None)),
            // Reports are added by an import, never changed by it: a changed report would
            // quietly rewrite what someone once reported.
            Some(_) => Err(format!(
                "The pay report with id {id} is stored with other values, and an import adds \
                 pay reports without changing them: leave the id empty to add this one as a \
                 new report."
            )),
        }
    }
}

/// A stored person whose figures include some from the candidate cannot be moved into the EU
/// (the database refuses it too): the row is refused beside its zone.
fn moves_pay_history(
    row: &PersonRow,
    stored: Option<&Stored>,
    reports: &StoredReports,
) -> Option<RowError> {
    let in_eu = |p: &PersonInput| p.zone.0.as_ref().map(|z| z.as_str()) == Some(zone::EU);
    let stored = stored?;
    let history = reports
        .of_person
        .get(&stored.id)?
        .iter()
        .any(|pay| rules::asks_pay_history(pay.source_name.as_deref()));
    (history && in_eu(&row.person) && !in_eu(&stored.person)).then(|| RowError {
        line: row.line,
        who: row.person.full_name.as_str().to_owned(),
        column: "zone".into(),
        value: zone::EU.into(),
        message: rules::PAY_HISTORY_MOVE_REFUSED.into(),
    })
}

/// How a file's row and a stored person are matched: the keys of their name and origin
/// company (a stored person's are the stored `name_key` columns).
fn person_key<'a>(person: &'a PersonInput, keys: &mut Keys<'a>) -> PersonKey {
    let [(_, origin_company), _] = person.companies();
    (
        keys.of(person.full_name.as_str()).to_owned(),
        origin_company
            .map(|name| keys.of(name).to_owned())
            .unwrap_or_default(),
    )
}

/// The stored people whose name matches a row's, and those the file names by id.
fn matching_people(
    conn: &mut PgConnection,
    row_keys: &[PersonKey],
    ids: &[PersonId],
) -> QueryResult<Vec<Stored>> {
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
        bool,
    );
    let found: Vec<Found> = person::table
        .left_join(origin.on(person::origin_company_id.eq(origin.field(company::id).nullable())))
        .left_join(hiring.on(person::hiring_company_id.eq(hiring.field(company::id).nullable())))
        .filter(person::name_key.eq_any(names))
        .or_filter(person::id.eq_any(ids))
        .select((
            Person::as_select(),
            person::name_key,
            origin.field(company::name_key).nullable(),
            origin.field(company::name).nullable(),
            hiring.field(company::name).nullable(),
            person::erased_at.is_not_null(),
        ))
        .load(conn)?;
    Ok(found
        .into_iter()
        .map(
            |(person, key, origin_key, origin_name, hiring_name, erased)| Stored {
                id: person.id,
                key: (key, origin_key.unwrap_or_default()),
                person: PersonInput::stored(person.fields, origin_name, hiring_name),
                erased,
            },
        )
        .collect())
}
