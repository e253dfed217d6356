//! The endpoints admins register for webhooks: where, which events, the signing secret, and
//! whether their payloads may carry pay figures.

use chrono::{DateTime, Utc};
use diesel::prelude::*;

use crate::domain::WebhookEvent;
use crate::schema::webhook_endpoint;

#[derive(Debug, Clone, Queryable, Selectable)]
#[diesel(table_name = webhook_endpoint, check_for_backend(diesel::pg::Pg))]
pub struct WebhookEndpoint {
    pub id: i64,
    pub url: String,
    /// Never NULL (the CHECK holds them to the known events); print-schema types an array's
    /// items as nullable.
    pub events: Vec<Option<String>>,
    pub secret: String,
    pub may_receive_pay: bool,
    pub active: bool,
    pub created_at: DateTime<Utc>,
    pub updated_at: DateTime<Utc>,
    /// Bumped by every change but the old secret's drop (versions.sql): the API's `ETag`.
    pub version: i32,
    /// The secret a rotation replaced, still signing until `old_secret_expires_at`.
    pub old_secret: Option<String>,
    pub old_secret_expires_at: Option<DateTime<Utc>>,
}

/// How long a rotated-out secret keeps signing beside the new one: a day for the receivers
/// to switch, as the Standard Webhooks specification suggests.
pub const ROTATION_GRACE_HOURS: i32 = 24;

impl WebhookEndpoint {
    /// The events it wants, in the order of `WebhookEvent::ALL`.
    pub fn wants(&self) -> Vec<WebhookEvent> {
        WebhookEvent::ALL
            .into_iter()
            .filter(|e| self.events.iter().flatten().any(|s| s == e.as_str()))
            .collect()
    }
}

/// What the form sets: everything but the secret, which only `insert` makes.
#[derive(Debug, Clone, AsChangeset, Insertable)]
#[diesel(table_name = webhook_endpoint)]
pub struct EndpointChanges {
    pub url: String,
    pub events: Vec<Option<String>>,
    pub may_receive_pay: bool,
    pub active: bool,
}

impl EndpointChanges {
    pub fn new(url: String, events: &[WebhookEvent], may_receive_pay: bool, active: bool) -> Self {
        EndpointChanges {
            url,
            events: events.iter().map(|e| Some(e.as_str().to_owned())).collect(),
            may_receive_pay,
            active,
        }
    }
}

impl WebhookEndpoint {
    pub fn all(conn: &mut PgConnection) -> QueryResult<Vec<WebhookEndpoint>> {
        webhook_endpoint::table
            .order(webhook_endpoint::id)
            .select(WebhookEndpoint::as_select())
            .load(conn)
    }

    /// Up to `limit` endpoints after the id `after`, in id order (the API's pages).
    pub fn page_after(
        conn: &mut PgConnection,
        after: Option<i64>,
        limit: i64,
    ) -> QueryResult<Vec<WebhookEndpoint>> {
        webhook_endpoint::table
            .filter(webhook_endpoint::id.gt(after.unwrap_or(0)))
            .order(webhook_endpoint::id)
            .limit(limit)
            .select(WebhookEndpoint::as_select())
            .load(conn)
    }

    pub fn find(conn: &mut PgConnection, id: i64) -> QueryResult<WebhookEndpoint> {
        webhook_endpoint::table
            .find(id)
            .select(WebhookEndpoint::as_select())
            .first(conn)
    }

    pub fn insert(
        conn: &mut PgConnection,
        changes: &EndpointChanges,
        secret: &str,
    ) -> QueryResult<WebhookEndpoint> {
        diesel::insert_into(webhook_endpoint::table)
            .values((changes, webhook_endpoint::secret.eq(secret)))
            .returning(WebhookEndpoint::as_returning())
            .get_result(conn)
    }

    /// Saves `changes`; with `version`, only over that version (`Ok(None)`: it is another).
    pub fn update(
        conn: &mut PgConnection,
        id: i64,
        changes: &EndpointChanges,
        version: Option<i32>,
    ) -> QueryResult<Option<WebhookEndpoint>> {
        let set = (changes, webhook_endpoint::updated_at.eq(diesel::dsl::now));
        let updated = match version {
            Some(version) => diesel::update(
                webhook_endpoint::table
                    .find(id)
                    .filter(webhook_endpoint::version.eq(version)),
            )
            .set(set)
            .returning(WebhookEndpoint::as_returning())
            .get_result(conn)
            .optional()?,
            None => diesel::update(webhook_endpoint::table.find(id))
                .set(set)
                .returning(WebhookEndpoint::as_returning())
                .get_result(conn)
                .optional()?,
        };
        Self::stale_or_missing(conn, id, updated)
    }

    /// Deletes it with its delivery log (the outbox rows cascade); with `version`, only that
    /// version (`Ok(None)`: it is another).
    pub fn delete(
        conn: &mut PgConnection,
        id: i64,
        version: Option<i32>,
    ) -> QueryResult<Option<()>> {
        let deleted = match version {
            Some(version) => diesel::delete(
                webhook_endpoint::table
                    .find(id)
                    .filter(webhook_endpoint::version.eq(version)),
            )
            .execute(conn)?,
            None => diesel::delete(webhook_endpoint::table.find(id)).execute(conn)?,
        };
        if deleted == 0 {
            // Not found (an error), or at another version.
            return Self::find(conn, id).map(|_| None);
        }
        Ok(Some(()))
    }

    /// A new secret signs from now on; the one it replaces signs beside it for the grace
    /// period (a secret rotated out before is dropped at once).
    pub fn rotate_secret(
        conn: &mut PgConnection,
        id: i64,
        new_secret: &str,
    ) -> QueryResult<WebhookEndpoint> {
        diesel::update(webhook_endpoint::table.find(id))
            .set(
                (
                    webhook_endpoint::old_secret.eq(webhook_endpoint::secret.nullable()),
                    webhook_endpoint::old_secret_expires_at.eq(diesel::dsl::sql::<
                        diesel::sql_types::Nullable<diesel::sql_types::Timestamptz>,
                    >(
                        "now() + make_interval(hours => "
                    )
                    .bind::<diesel::sql_types::Integer, _>(ROTATION_GRACE_HOURS)
                    .sql(")")),
                    webhook_endpoint::secret.eq(new_secret),
                    webhook_endpoint::updated_at.eq(diesel::dsl::now),
                ),
            )
            .returning(WebhookEndpoint::as_returning())
            .get_result(conn)
    }

    /// Drops the old secrets whose grace period is over; how many.
    pub fn drop_expired_secrets(conn: &mut PgConnection) -> QueryResult<usize> {
        diesel::update(
            webhook_endpoint::table
                .filter(webhook_endpoint::old_secret_expires_at.le(diesel::dsl::now)),
        )
        .set((
            webhook_endpoint::old_secret.eq(None::<String>),
            webhook_endpoint::old_secret_expires_at.eq(None::<DateTime<Utc>>),
        ))
        .execute(conn)
    }

    /// `updated`, or why there is none: another version (`Ok(None)`) or no such endpoint.
    fn stale_or_missing(
        conn: &mut PgConnection,
        id: i64,
        updated: Option<WebhookEndpoint>,
    ) -> QueryResult<Option<WebhookEndpoint>> {
        match updated {
            Some(endpoint) => Ok(Some(endpoint)),
            None => Self::find(conn, id).map(|_| None),
        }
    }
}
