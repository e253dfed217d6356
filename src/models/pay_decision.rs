//! Decisions on offers outside their band: every one kept, the latest counting while the
//! figures it was made on are still the offer's.

use chrono::{DateTime, Utc};
use diesel::prelude::*;

use super::audit_entry::audit_trail;
use crate::domain::{Decision, PayBandId, PayReportId};
use crate::schema::{app_user, pay_decision};

#[derive(Debug, Clone, Queryable, Selectable)]
#[diesel(table_name = pay_decision, check_for_backend(diesel::pg::Pg))]
pub struct PayDecision {
    pub id: i64,
    pub pay_report_id: PayReportId,
    pub pay_band_id: PayBandId,
    /// `None` only for the demo's decision.
    pub decided_by: Option<i64>,
    pub decision: Decision,
    pub reason: String,
    pub figures: serde_json::Value,
    pub decided_at: DateTime<Utc>,
    pub is_demo: bool,
}

#[derive(Debug, Insertable)]
#[diesel(table_name = pay_decision)]
pub struct NewPayDecision<'a> {
    pub pay_report_id: PayReportId,
    pub pay_band_id: PayBandId,
    pub decided_by: Option<i64>,
    pub decision: Decision,
    pub reason: &'a str,
    pub figures: &'a serde_json::Value,
    pub is_demo: bool,
}

/// A decision with the display name of who made it (people know each other by name).
pub type DecisionBy = (PayDecision, String);

impl PayDecision {
    pub fn insert(conn: &mut PgConnection, new: &NewPayDecision<'_>) -> QueryResult<PayDecision> {
        diesel::insert_into(pay_decision::table)
            .values(new)
            .returning(PayDecision::as_returning())
            .get_result(conn)
    }

    /// Every decision on these offers, newest first.
    pub fn of_offers(
        conn: &mut PgConnection,
        offers: &[PayReportId],
    ) -> QueryResult<Vec<DecisionBy>> {
        let rows: Vec<(PayDecision, Option<String>)> = pay_decision::table
            .left_join(app_user::table)
            .filter(pay_decision::pay_report_id.eq_any(offers))
            .order(pay_decision::id.desc())
            .select((PayDecision::as_select(), app_user::display_name.nullable()))
            .load(conn)?;
        Ok(rows
            .into_iter()
            .map(|(d, by)| (d, by.unwrap_or_else(|| "the demo data".to_owned())))
            .collect())
    }
}

impl PayDecision {
    /// Whether any decision was made against this band.
    pub fn on_band(conn: &mut PgConnection, band: PayBandId) -> QueryResult<bool> {
        diesel::select(diesel::dsl::exists(
            pay_decision::table.filter(pay_decision::pay_band_id.eq(band)),
        ))
        .get_result(conn)
    }
}

/// A pay report's fields that say what it pays and which band it is checked against (its
/// day picks the band and the rates). Whoever changed one set the figures a decision is made
/// on; a change to its notes or source did not.
const FIGURES: [&str; 11] = [
    "kind",
    "currency",
    "amount_low",
    "amount_high",
    "period",
    "period_years",
    "base",
    "bonus",
    "equity",
    "sign_on",
    "as_of",
];

/// Who may not decide on a pay report, as the audit names them (e-mails; "system" for demo
/// data): whoever created it, edited it last, or changed any of its figures. Four eyes on the
/// figures: someone else's notes-only edit after mine does not make my figures mine to
/// approve. Only the current record's entries count, from its latest creation on: ids are
/// used again (an import keeps its file's ids, also for a record deleted meanwhile), and the
/// authors of an earlier record of the same id are not this one's. An import's records are
/// read from its items (`r.audit_trail`), under the importer's name.
pub fn kept_from_deciding(conn: &mut PgConnection, id: PayReportId) -> QueryResult<Vec<String>> {
    let entries = || {
        audit_trail::table
            .filter(audit_trail::record_table.eq("pay_report"))
            .filter(audit_trail::record_id.eq(id.get()))
    };
    // A record from before the audit has no creation on record: from its last deletion on,
    // else from the start.
    let born: Option<i64> = entries()
        .filter(audit_trail::action.eq_any(["create", "delete"]))
        .select(diesel::dsl::max(audit_trail::id))
        .first(conn)?;
    type Entry = (
        String,
        String,
        Option<serde_json::Value>,
        Option<serde_json::Value>,
    );
    let current: Vec<Entry> = entries()
        .filter(audit_trail::id.ge(born.unwrap_or(0)))
        .order(audit_trail::id)
        .select((
            audit_trail::action,
            audit_trail::actor,
            audit_trail::before,
            audit_trail::after,
        ))
        .load(conn)?;
    let field = |values: &Option<serde_json::Value>, key: &str| {
        values.as_ref().and_then(|v| v.get(key)).cloned()
    };
    let mut kept: Vec<String> = current
        .iter()
        .filter(|(action, _, before, after)| {
            action == "create"
                || (action == "update"
                    && FIGURES.iter().any(|k| field(before, k) != field(after, k)))
        })
        .map(|(_, actor, ..)| actor.clone())
        .collect();
    let last_edit = current.iter().rev().find(|(action, ..)| action == "update");
    kept.extend(last_edit.map(|(_, actor, ..)| actor.clone()));
    Ok(kept)
}
