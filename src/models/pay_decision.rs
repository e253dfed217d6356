//! Decisions on offers outside their band: every one kept, the latest counting while the
//! figures it was made on are still the offer's.

use chrono::{DateTime, Utc};
use diesel::prelude::*;

use crate::domain::{Decision, PayBandId, PayReportId};
use crate::schema::{app_user, audit_log, pay_decision};

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

/// A decision with the e-mail of who made it.
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
            .select((PayDecision::as_select(), app_user::email.nullable()))
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

/// Who created a pay report and who last changed it, as the audit names them (e-mails;
/// "system" for demo data): neither may decide on it.
pub fn authors_of(conn: &mut PgConnection, id: PayReportId) -> QueryResult<Vec<String>> {
    let created: Option<String> = audit_log::table
        .filter(audit_log::record_table.eq("pay_report"))
        .filter(audit_log::record_id.eq(id.get()))
        .filter(audit_log::action.eq("create"))
        .select(audit_log::actor)
        .first(conn)
        .optional()?;
    let edited: Option<String> = audit_log::table
        .filter(audit_log::record_table.eq("pay_report"))
        .filter(audit_log::record_id.eq(id.get()))
        .filter(audit_log::action.eq("update"))
        .order(audit_log::id.desc())
        .select(audit_log::actor)
        .first(conn)
        .optional()?;
    Ok(created.into_iter().chain(edited).collect())
}
