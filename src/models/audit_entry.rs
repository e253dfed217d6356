//! The audit: entries written by database triggers, read here, never changed.

use chrono::{DateTime, NaiveDate, Utc};
use diesel::prelude::*;

use crate::schema::app_user;

// The view `r.audit_trail` (src/db/sql/audit_trail.sql): audit_log's entries and those read
// from the items of the batches audited as a whole. A view, so print-schema leaves it out.
diesel::table! {
    r.audit_trail (id, item_id) {
        id -> Int8,
        at -> Timestamptz,
        actor -> Text,
        record_table -> Text,
        record_id -> Int8,
        action -> Text,
        before -> Nullable<Jsonb>,
        after -> Nullable<Jsonb>,
        batch_id -> Nullable<Int8>,
        batch_action -> Nullable<Text>,
        item_id -> Nullable<Int8>,
        report_person -> Nullable<Text>,
        item_entry -> Bool,
    }
}

diesel::allow_tables_to_appear_in_same_query!(audit_trail, app_user);

#[derive(Debug, Clone, Queryable, Selectable)]
#[diesel(table_name = audit_trail, check_for_backend(diesel::pg::Pg))]
pub struct AuditEntry {
    pub id: i64,
    pub at: DateTime<Utc>,
    pub actor: String,
    pub record_table: String,
    pub record_id: i64,
    pub action: String,
    pub before: Option<serde_json::Value>,
    pub after: Option<serde_json::Value>,
    /// For an entry read from an import's item: the batch, and whether its import ('import')
    /// or its revert ('revert') wrote the record.
    pub batch_id: Option<i64>,
    pub batch_action: Option<String>,
}

#[derive(Debug, Clone, Default)]
pub struct AuditFilter {
    pub record_table: Option<String>,
    pub record_id: Option<i64>,
    pub actor: Option<String>,
    pub from: Option<NaiveDate>,
    pub to: Option<NaiveDate>,
}

impl AuditFilter {
    fn query(&self) -> audit_trail::BoxedQuery<'static, diesel::pg::Pg> {
        let mut query = audit_trail::table.into_boxed();
        // Without a table or record named, a batch's one entry stands for its items (each of
        // which a record's history shows): listing 100,000 items newest first would sort
        // them all for every page.
        if self.record_table.is_none() && self.record_id.is_none() {
            query = query.filter(diesel::dsl::sql::<diesel::sql_types::Bool>(
                "NOT item_entry",
            ));
        }
        if let Some(table) = &self.record_table {
            query = query.filter(audit_trail::record_table.eq(table.clone()));
        }
        match (self.record_id, self.record_table.as_deref()) {
            // A person's entries include those of the people merged into them. As an array,
            // so the planner looks each id up in the record indexes: a semi-join with the
            // function's rows walked every person entry newest first instead (17 ms against
            // 0.8 ms over 11,000 entries).
            (Some(id), Some("person")) => {
                query = query.filter(
                    diesel::dsl::sql::<diesel::sql_types::Bool>(
                        "record_id = ANY(ARRAY(SELECT r.people_merged_into(",
                    )
                    .bind::<diesel::sql_types::BigInt, _>(id)
                    .sql(")))"),
                );
            }
            (Some(id), _) => query = query.filter(audit_trail::record_id.eq(id)),
            (None, _) => {}
        }
        if let Some(actor) = &self.actor {
            // Pages name users by name, entries by e-mail: either finds them.
            let pattern = super::like_pattern(actor);
            let named = app_user::table
                .filter(app_user::display_name.ilike(pattern.clone()))
                .select(app_user::email);
            query = query.filter(
                audit_trail::actor
                    .ilike(pattern)
                    .or(audit_trail::actor.eq_any(named)),
            );
        }
        if let Some(from) = self.from.and_then(|d| d.and_hms_opt(0, 0, 0)) {
            query = query.filter(audit_trail::at.ge(from.and_utc()));
        }
        if let Some(to) = self
            .to
            .and_then(|d| d.succ_opt())
            .and_then(|d| d.and_hms_opt(0, 0, 0))
        {
            query = query.filter(audit_trail::at.lt(to.and_utc()));
        }
        query
    }
}

impl AuditEntry {
    pub fn count(conn: &mut PgConnection, filter: &AuditFilter) -> QueryResult<i64> {
        filter.query().count().get_result(conn)
    }

    /// Newest first.
    pub fn list(
        conn: &mut PgConnection,
        filter: &AuditFilter,
        offset: i64,
        limit: i64,
    ) -> QueryResult<Vec<AuditEntry>> {
        filter
            .query()
            .order((
                audit_trail::at.desc(),
                audit_trail::id.desc(),
                audit_trail::item_id.desc(),
            ))
            .offset(offset)
            .limit(limit)
            .select(AuditEntry::as_select())
            .load(conn)
    }

    /// A person's own history, newest first: their record, their notes and files, and with
    /// `with_pay` their pay reports; and the same of the people merged into them (by merges that stand), whose
    /// history became theirs without rewriting the entries.
    pub fn of_person(
        conn: &mut PgConnection,
        person_id: crate::domain::PersonId,
        with_pay: bool,
    ) -> QueryResult<Vec<AuditEntry>> {
        let people = super::PersonMerge::merged_into(conn, person_id)?;
        let own = audit_trail::record_table
            .eq("person")
            .and(audit_trail::record_id.eq_any(people.clone()));
        let ids: Vec<String> = people.iter().map(i64::to_string).collect();
        let pay = audit_trail::record_table
            .eq("pay_report")
            .and(audit_trail::report_person.eq_any(ids.clone()));
        // Notes and files are read by everyone who sees the person, so their entries are too.
        let attached = audit_trail::record_table
            .eq_any(["person_note", "person_file"])
            .and(audit_trail::report_person.eq_any(ids));
        let query = audit_trail::table.into_boxed();
        let query = if with_pay {
            query.filter(own.or(attached).or(pay))
        } else {
            query.filter(own.or(attached))
        };
        query
            .order((
                audit_trail::at.desc(),
                audit_trail::id.desc(),
                audit_trail::item_id.desc(),
            ))
            .limit(200)
            .select(AuditEntry::as_select())
            .load(conn)
    }
}
