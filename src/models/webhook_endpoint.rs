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
}

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

    pub fn update(
        conn: &mut PgConnection,
        id: i64,
        changes: &EndpointChanges,
    ) -> QueryResult<WebhookEndpoint> {
        diesel::update(webhook_endpoint::table.find(id))
            .set((changes, webhook_endpoint::updated_at.eq(diesel::dsl::now)))
            .returning(WebhookEndpoint::as_returning())
            .get_result(conn)
    }

    /// Deletes it with its delivery log (the outbox rows cascade).
    pub fn delete(conn: &mut PgConnection, id: i64) -> QueryResult<()> {
        let deleted = diesel::delete(webhook_endpoint::table.find(id)).execute(conn)?;
        if deleted == 0 {
            return Err(diesel::NotFound);
        }
        Ok(())
    }
}
