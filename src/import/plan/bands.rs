//! Planning a pay bands file.

use std::collections::HashMap;

use diesel::prelude::*;

use super::types::{Action, BandStep, Plan};
use crate::domain::PayBandId;
use crate::import::overlay::{changes, overlay};
use crate::import::rows::{BandRow, RowError};
use crate::input::PayBandInput;
use crate::models::pay_band::BandKey;
use crate::models::{PayBand, PayBandFields};

/// Bands are matched on family and level (without case), zone and day: one version each.
pub(super) fn plan_bands(
    conn: &mut PgConnection,
    plan: &mut Plan,
    rows: Vec<BandRow>,
    in_file: impl Fn(&str) -> bool,
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
        let stored = existing.get(&key);
        // A file without the total columns keeps a stored version's totals.
        let fields = match stored {
            Some((_, stored)) => overlay(
                &PayBandInput::stored(stored.clone()),
                &PayBandInput::stored(row.fields.clone()),
                &in_file,
            )
            .map(PayBandInput::into_fields),
            None => Ok(row.fields),
        };
        let fields = match fields {
            Ok(fields) => fields,
            Err(message) => {
                let who = format!("{} {}", key.0, key.1);
                plan.errors.push(RowError::of_row(row.line, &who, message));
                continue;
            }
        };
        let (action, id) = match stored {
            Some((id, stored)) if *stored == fields => (Action::Skip, Some(*id)),
            Some((id, _)) => (Action::Update, Some(*id)),
            None => (Action::Create, None),
        };
        let changes = match (action, stored) {
            (Action::Update, Some((_, stored))) => changes(
                &PayBandInput::stored(stored.clone()),
                &PayBandInput::stored(fields.clone()),
            ),
            _ => Vec::new(),
        };
        plan.bands.push(BandStep {
            line: row.line,
            changes,
            fields,
            action,
            existing: id,
        });
    }
    Ok(())
}
