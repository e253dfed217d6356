//! The stored pay reports of the people a file names, which its pay reports are matched with.

use std::collections::HashMap;

use diesel::prelude::*;

use super::stored_people::Stored;
use super::types::Action;
use crate::domain::{PayReportId, PersonId, rules, zone};
use crate::import::rows::{PersonRow, RowError};
use crate::input::PersonInput;
use crate::models::{PayReport, PayReportFields};
use crate::schema::pay_report;

/// The stored reports of the people matched and those the file names by id.
pub(super) struct StoredReports {
    of_person: HashMap<PersonId, Vec<PayReportFields>>,
    by_id: HashMap<PayReportId, (PersonId, PayReportFields)>,
}

impl StoredReports {
    pub(super) fn load(
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
    pub(super) fn holds(&self, person: Option<PersonId>, pay: &PayReportFields) -> bool {
        person
            .and_then(|id| self.of_person.get(&id))
            .is_some_and(|all| all.contains(pay))
    }

    /// The step for a report the file gives with its id (`first`: the line that gave the id
    /// before), or why it cannot be imported.
    pub(super) fn by_id(
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
pub(super) fn moves_pay_history(
    row: &PersonRow,
    stored: Option<&Stored>,
    reports: &StoredReports,
) -> Option<RowError> {
    let in_eu = |p: &PersonInput| zone::is_eu(p.zone.0.as_ref().map(|z| z.as_str()));
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
        message: rules::said(rules::PAY_HISTORY_MOVE_REFUSED),
    })
}
