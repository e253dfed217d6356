//! Webhook deliveries: outbox rows of channel 'webhook', one per event and endpoint. Most are
//! written by the triggers of src/db/sql/webhooks.sql; the offer events here, beside their
//! mails. `webhook-id` is `msg_<row id>`, so a delivery tried again keeps its id.

use chrono::{DateTime, Utc};
use diesel::prelude::*;
use diesel::sql_types::{Array, BigInt, Bool, Double, Integer, Jsonb, Nullable, Text};

use crate::domain::PayReportId;
use crate::schema::outbox;

/// A delivery the sender claimed, with its endpoint as it is now.
#[derive(Debug, Clone, QueryableByName)]
pub struct ClaimedDelivery {
    #[diesel(sql_type = BigInt)]
    pub id: i64,
    #[diesel(sql_type = Jsonb)]
    pub payload: serde_json::Value,
    #[diesel(sql_type = Integer)]
    pub attempts: i32,
    #[diesel(sql_type = Text)]
    pub url: String,
    #[diesel(sql_type = Text)]
    pub secret: String,
    /// A rotated-out secret in its grace period, which signs too.
    #[diesel(sql_type = Nullable<Text>)]
    pub old_secret: Option<String>,
    #[diesel(sql_type = Bool)]
    pub active: bool,
}

impl ClaimedDelivery {
    /// The `webhook-id` header: the same on every attempt.
    pub fn message_id(&self) -> String {
        format!("msg_{}", self.id)
    }
}

/// A row of an endpoint's delivery log.
#[derive(Debug, Clone, Queryable, Selectable)]
#[diesel(table_name = outbox, check_for_backend(diesel::pg::Pg))]
pub struct DeliveryEntry {
    pub id: i64,
    pub kind: String,
    pub status: String,
    pub attempts: i32,
    pub next_attempt_at: DateTime<Utc>,
    pub last_error: Option<String>,
    pub response_code: Option<i32>,
    pub created_at: DateTime<Utc>,
    pub sent_at: Option<DateTime<Utc>>,
}

/// As the mail's claim (`models::outbox`): due rows, oldest due first, each counted an
/// attempt and leased for `$2` seconds; rows another sender is claiming are skipped.
const CLAIM: &str = "
    UPDATE outbox o
    SET attempts = o.attempts + 1, next_attempt_at = now() + make_interval(secs => $2)
    FROM webhook_endpoint e
    WHERE o.id IN (SELECT id FROM outbox
                   WHERE status = 'pending' AND channel = 'webhook' AND next_attempt_at <= now()
                   ORDER BY next_attempt_at, id
                   LIMIT $1
                   FOR UPDATE SKIP LOCKED)
      AND e.id = o.webhook_endpoint_id
    RETURNING o.id, o.payload, o.attempts, e.url, e.secret,
              CASE WHEN e.old_secret_expires_at > now() THEN e.old_secret END AS old_secret,
              e.active";

/// An offer waits for a decision on these figures: announced once per figures and endpoint,
/// the figures themselves only to endpoints allowed pay.
const OFFER_PENDING: &str = "
    INSERT INTO outbox (channel, kind, event_key, webhook_endpoint_id, recipient, payload)
    SELECT 'webhook', 'offer.pending', o.key, e.id, e.url,
           r.webhook_body('offer.pending',
                          jsonb_build_object('pay_report_id', o.id, 'person_id', o.person_id),
                          jsonb_build_object('figures', o.figures), e.may_receive_pay)
    FROM (SELECT v.id, pr.person_id, v.figures,
                 'webhook:offer_pending:' || v.id || ':' || md5(v.figures::text) AS key
          FROM r.offer_review($2) v
          JOIN pay_report pr ON pr.id = v.id
          WHERE v.id = ANY($1) AND v.status = 'pending') o
    JOIN webhook_endpoint e ON e.active AND 'offer.pending' = ANY (e.events)
    WHERE NOT EXISTS (SELECT 1 FROM outbox x
                      WHERE x.event_key = o.key AND x.webhook_endpoint_id = e.id)
    ORDER BY o.id, e.id";

/// A decision on an offer; its reason stays out (free text, which an erasure takes back).
const OFFER_DECIDED: &str = "
    INSERT INTO outbox (channel, kind, event_key, webhook_endpoint_id, recipient, payload)
    SELECT 'webhook', 'offer.decided', 'webhook:offer_decided:' || d.id, e.id, e.url,
           r.webhook_body('offer.decided',
                          jsonb_build_object('pay_report_id', d.pay_report_id,
                                             'person_id', pr.person_id, 'decision_id', d.id,
                                             'decision', d.decision),
                          jsonb_build_object('figures', d.figures), e.may_receive_pay)
    FROM pay_decision d
    JOIN pay_report pr ON pr.id = d.pay_report_id
    JOIN webhook_endpoint e ON e.active AND 'offer.decided' = ANY (e.events)
    WHERE d.id = $1
    ORDER BY e.id";

pub struct WebhookDelivery;

impl WebhookDelivery {
    /// Whether any active endpoint wants `event` (the offer hooks skip their review without).
    pub fn wanted(conn: &mut PgConnection, event: &str) -> QueryResult<bool> {
        diesel::select(
            diesel::dsl::sql::<Bool>("r.webhook_wanted(")
                .bind::<Text, _>(event)
                .sql(")"),
        )
        .get_result(conn)
    }

    /// Queues `offer.pending` for those of `offers` that wait for a decision.
    pub fn offers_pending(
        conn: &mut PgConnection,
        offers: &[PayReportId],
        reporting: &str,
    ) -> QueryResult<usize> {
        let ids: Vec<i64> = offers.iter().map(|id| id.get()).collect();
        diesel::sql_query(OFFER_PENDING)
            .bind::<Array<BigInt>, _>(ids)
            .bind::<Text, _>(reporting)
            .execute(conn)
    }

    /// Queues `offer.decided` for the decision `decision`.
    pub fn offer_decided(conn: &mut PgConnection, decision: i64) -> QueryResult<usize> {
        diesel::sql_query(OFFER_DECIDED)
            .bind::<BigInt, _>(decision)
            .execute(conn)
    }

    pub fn claim(
        conn: &mut PgConnection,
        limit: i64,
        lease_seconds: f64,
    ) -> QueryResult<Vec<ClaimedDelivery>> {
        diesel::sql_query(CLAIM)
            .bind::<BigInt, _>(limit)
            .bind::<Double, _>(lease_seconds)
            .load(conn)
    }

    /// Delivered, answered with `code`.
    pub fn delivered(conn: &mut PgConnection, id: i64, code: u16) -> QueryResult<()> {
        diesel::update(outbox::table.find(id))
            .set((
                outbox::status.eq("sent"),
                outbox::sent_at.eq(diesel::dsl::now),
                outbox::last_error.eq(None::<String>),
                outbox::response_code.eq(Some(i32::from(code))),
            ))
            .execute(conn)
            .map(drop)
    }

    /// Not delivered: due again after `retry_in` seconds, or failed for good with `None`.
    pub fn not_delivered(
        conn: &mut PgConnection,
        id: i64,
        error: &str,
        code: Option<u16>,
        retry_in: Option<f64>,
    ) -> QueryResult<()> {
        diesel::sql_query(
            "UPDATE outbox
             SET last_error = $2, response_code = $3,
                 status = CASE WHEN $4::float8 IS NULL THEN 'failed' ELSE 'pending' END,
                 next_attempt_at = now() + make_interval(secs => coalesce($4, 0))
             WHERE id = $1",
        )
        .bind::<BigInt, _>(id)
        .bind::<Text, _>(error)
        .bind::<Nullable<Integer>, _>(code.map(i32::from))
        .bind::<Nullable<Double>, _>(retry_in)
        .execute(conn)
        .map(drop)
    }

    /// An endpoint's newest deliveries first.
    pub fn log(
        conn: &mut PgConnection,
        endpoint: i64,
        limit: i64,
    ) -> QueryResult<Vec<DeliveryEntry>> {
        outbox::table
            .filter(outbox::webhook_endpoint_id.eq(endpoint))
            .order(outbox::id.desc())
            .limit(limit)
            .select(DeliveryEntry::as_select())
            .load(conn)
    }

    /// Up to `limit` of an endpoint's deliveries after the id `after`, oldest first (the API's
    /// pages, which a cursor continues without repeats while new ones are queued).
    pub fn page_after(
        conn: &mut PgConnection,
        endpoint: i64,
        after: Option<i64>,
        limit: i64,
    ) -> QueryResult<Vec<DeliveryEntry>> {
        outbox::table
            .filter(outbox::webhook_endpoint_id.eq(endpoint))
            .filter(outbox::id.gt(after.unwrap_or(0)))
            .order(outbox::id)
            .limit(limit)
            .select(DeliveryEntry::as_select())
            .load(conn)
    }

    /// A delivery of `endpoint` that is not waiting already goes again now, under the same
    /// `webhook-id`, its attempts counted afresh; `false` when it waits or is not the
    /// endpoint's.
    pub fn send_again(conn: &mut PgConnection, endpoint: i64, id: i64) -> QueryResult<bool> {
        diesel::update(
            outbox::table
                .find(id)
                .filter(outbox::webhook_endpoint_id.eq(endpoint))
                .filter(outbox::status.ne("pending")),
        )
        .set((
            outbox::status.eq("pending"),
            outbox::attempts.eq(0),
            outbox::sent_at.eq(None::<DateTime<Utc>>),
            outbox::next_attempt_at.eq(diesel::dsl::now),
        ))
        .execute(conn)
        .map(|n| n > 0)
    }
}
